"""HTML fragments (a feed entry's content) to plain text, one paragraph a line.

A feed entry's content is a fragment the publisher chose, not a page: there is no navigation
to strip, and a page extractor would discard a short summary as boilerplate.  The standard
library's parser is enough, and never fails on broken markup.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements that end a line of text (paragraphs, list items, headings, table rows, ...).
_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 "
    "h6 header hr li main nav ol p pre section table td th tr ul".split()
)
# Elements whose content is never text for a reader.
_SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "iframe", "svg"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            # a newline inside a paragraph is layout, not a break
            self.parts.append(data.replace("\n", " "))


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment: one line per paragraph (or list item, heading...),
    spaces collapsed, no blank lines."""
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
