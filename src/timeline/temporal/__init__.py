"""Temporal expressions: spot them, normalise them to TIMEX3, resolve them.

``tag(text, sentences, published, language)`` is the stage's one entry point (core.py):
one tag loop for every language, each language a grammar and its words (lang/), one set of
readings (readings.py) and resolution rules (resolve.py, cues.py).  An article in a
language without a grammar is read with the English one (its numeric and ISO dates still
come through).
"""

from __future__ import annotations

from .core import points_ahead, tag

__all__ = ["points_ahead", "tag"]
