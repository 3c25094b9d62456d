"""Markdown and HTML: the formats written by the jinja2 templates (``timeline.md.j2``,
``timeline.html.j2``, ``timeline.fragment.html.j2``), whole or a piece at a time."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Timeline
from .chunks import trim, trimmed
from .options import RenderOptions
from .templates import render_template, template_chunks

__all__ = ["html_chunks", "markdown_chunks", "render_html", "render_markdown"]

_MARKDOWN = "timeline.md.j2"


def _html_template(options: RenderOptions) -> str:
    return "timeline.fragment.html.j2" if options.fragment else "timeline.html.j2"


def render_markdown(timeline: Timeline, options: RenderOptions) -> str:
    """CommonMark/GFM, ready to paste into a briefing; with ``mermaid``, a Mermaid
    ``timeline`` block after the header."""
    return trim(render_template(_MARKDOWN, timeline, options))


def render_html(timeline: Timeline, options: RenderOptions) -> str:
    """One self-contained HTML page: inline CSS, no scripts, no external assets; with
    ``fragment`` only the timeline section, its styles scoped to it."""
    return trim(render_template(_html_template(options), timeline, options), squeeze=False)


def markdown_chunks(timeline: Timeline, options: RenderOptions) -> Iterator[str]:
    """:func:`render_markdown` a piece at a time, the entries read once."""
    return trimmed(template_chunks(_MARKDOWN, timeline, options))


def html_chunks(timeline: Timeline, options: RenderOptions) -> Iterator[str]:
    """:func:`render_html` a piece at a time, the entries read once."""
    return trimmed(template_chunks(_html_template(options), timeline, options), squeeze=False)
