"""The languages the tagger reads: one module each, a grammar and its words (``spec()``).

Adding a language means adding its module here and its codes to languages.py.
"""
