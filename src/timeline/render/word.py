"""Word output (``docx``, suffix ``.docx``): the timeline as a document to hand round.

Built with python-docx from :func:`timeline.render.context`, like the other code-made
formats, and read like the Markdown and HTML ones: the title, the entry count and date range,
then one Heading 1 per year-ish group and one Heading 2 per entry ("22 January 2019 —
headline", the label from :func:`timeline.render.date_label`, so a year stays a year;
" (planned)" when every source tells it as still to come), the entry's text when it is not
one of the quoted sentences, each source's sentence as a Quote with the temporal expression
in bold, the citation ("Outlet: Title") as a real hyperlink to the article's URL with its
publication date, and each conflict as a paragraph opening with a bold "Conflict:".  A
Sources section lists every article: outlet, linked title, publication date, the URL itself
(linked, so a printed copy still shows it) and the summary; a Warnings section follows when
there are any.

Links are made only from URLs :func:`timeline.render.safe_url` accepts, percent-encoded as in
the other exports; article text
is whitespace-normalised and stripped of characters XML cannot hold.

The same timeline gives the same bytes: the core properties (created, modified, last
printed) are the newest article publication date at 00:00 UTC (1980-01-01 when no article
has one), author and last editor "timeline", revision 1, and the zip entries carry that date
too (clamped to what zip can hold, 1980-2107) instead of the time of the run.
python-docx is imported only when a docx is rendered (the registry imports this module on
first use, and this module imports python-docx when it writes).
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from datetime import UTC, datetime
from typing import Any

from ..model import Timeline
from .context import context, span_label
from .options import RenderOptions
from .text import count, safe_url, ucfirst

__all__ = ["render_docx"]

_SPACE = re.compile(r"\s+")
_NO_DATE = datetime(1980, 1, 1, tzinfo=UTC)  # the earliest time a zip entry holds
_LINK_COLOUR = (0x05, 0x63, 0xC1)  # Word's own hyperlink blue
_CONFLICT_COLOUR = (0x9A, 0x67, 0x00)  # the dark amber of the HTML conflict rule


def _inline(value: object) -> str:
    """Article text on one line (whitespace runs become one space, ends kept, so pieces of
    a sentence join up), without what XML 1.0 cannot hold and python-docx would refuse:
    control characters, lone surrogates, U+FFFE and U+FFFF."""
    s = _SPACE.sub(" ", str(value or ""))
    return "".join(
        c for c in s if unicodedata.category(c) not in ("Cc", "Cs") and c not in "\ufffe\uffff"
    )


def _text(value: object) -> str:
    """:func:`_inline`, trimmed."""
    return _inline(value).strip()


def _stamp(timeline: Timeline) -> datetime:
    days = [r.article.published for r in timeline.articles if r.article.published]
    if not days:
        return _NO_DATE
    day = max(days)
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _zip_time(when: datetime) -> tuple[int, int, int, int, int, int]:
    year = min(max(when.year, 1980), 2107)
    if year != when.year:
        return (year, 1, 1, 0, 0, 0)
    return (year, when.month, when.day, 0, 0, 0)


def _fixed_zip(data: bytes, when: datetime) -> bytes:
    """The package rewritten with every entry dated ``when``: python-docx stamps entries
    with the time of the run, which would make each build's bytes differ."""
    stamp = _zip_time(when)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            item = zipfile.ZipInfo(info.filename, date_time=stamp)
            item.compress_type = zipfile.ZIP_DEFLATED
            # the same on every platform (ZipInfo's default depends on the OS)
            item.create_system = 0
            item.external_attr = 0
            dst.writestr(item, src.read(info.filename))
    return out.getvalue()


class _Writer:
    """One document being written: python-docx's objects and the helpers that use them."""

    def __init__(self) -> None:
        import docx  # lazily: python-docx and lxml load only for a docx render
        from docx.enum.style import WD_STYLE_TYPE
        from docx.shared import RGBColor

        self.doc = docx.Document()
        self._drop_thumbnail()
        # the default template has no Hyperlink character style; Word's own is blue,
        # underlined, and a user restyling it restyles every link at once
        link = self.doc.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        link.font.color.rgb = RGBColor(*_LINK_COLOUR)
        link.font.underline = True
        self._rgb = RGBColor

    def _drop_thumbnail(self) -> None:
        """python-docx's template carries a preview picture of some other document; a file
        browser would show it for ours."""
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        rels = self.doc.part.package.rels
        for rid in [rid for rid, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
            del rels[rid]

    def properties(self, title: str, stamp: datetime, locale: str) -> None:
        props = self.doc.core_properties
        props.title = title
        props.author = "timeline"
        props.last_modified_by = "timeline"
        props.comments = "Built by timeline from news articles."
        props.subject = ""
        props.keywords = ""
        props.category = ""
        props.revision = 1
        props.created = stamp
        props.modified = stamp
        props.last_printed = stamp
        props.language = locale.replace("_", "-")

    def paragraph(self, text: str = "", style: str | None = None) -> Any:
        p = self.doc.add_paragraph(style=style)
        if text:
            p.add_run(text)
        return p

    def link(self, paragraph: Any, text: str, url: str | None) -> None:
        """``text`` as a hyperlink to ``url`` (plain text when there is no usable URL)."""
        target = safe_url(url, encode=True)
        if target is None:
            paragraph.add_run(text)
            return
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        rid = paragraph.part.relate_to(target, RT.HYPERLINK, is_external=True)
        hyperlink = OxmlElement("w:hyperlink")
        hyperlink.set(qn("r:id"), rid)
        run = OxmlElement("w:r")
        props = OxmlElement("w:rPr")
        style = OxmlElement("w:rStyle")
        style.set(qn("w:val"), "Hyperlink")
        props.append(style)
        run.append(props)
        node = OxmlElement("w:t")
        node.set(qn("xml:space"), "preserve")
        node.text = text
        run.append(node)
        hyperlink.append(run)
        paragraph._p.append(hyperlink)

    def conflict(self, note: str) -> None:
        p = self.paragraph()
        label = p.add_run("Conflict: ")
        label.bold = True
        label.font.color.rgb = self._rgb(*_CONFLICT_COLOUR)
        p.add_run(_text(note))

    def save(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def _date_range(ctx: dict[str, Any]) -> str:
    """The line under the title, as the Markdown and HTML templates write it."""
    counts = ctx["counts"]
    if not counts["entries"]:
        return f"No dated entries were found in {count(counts['articles'], 'article')}."
    line = (
        f"{count(counts['entries'], 'entry', 'entries')} from "
        f"{count(counts['articles'], 'article')}"
    )
    if ctx["start_label"]:
        line += ", " + span_label(ctx["start_label"], ctx["end_label"])
    return line


def _source(w: _Writer, s: dict[str, Any]) -> None:
    """The source's sentence as a quote, then who said it: with several sources each
    citation sits under its own sentence."""
    if s["sentence"].strip():
        quote = w.paragraph(style="Quote")
        hl = s["highlight"]
        quote.add_run(_inline(hl["before"]))
        if hl["match"]:
            quote.add_run(_inline(hl["match"])).bold = True
            quote.add_run(_inline(hl["after"]))
    p = w.paragraph("Source: ")
    w.link(p, _text(s["cite"]), s["link"])
    p.add_run(f" ({s['published_label'] or 'publication date unknown'})")


def _entry(w: _Writer, e: dict[str, Any]) -> None:
    heading = w.doc.add_heading(level=2)
    heading.add_run(_text(ucfirst(e["label"])))
    if e["headline"]:
        heading.add_run(" — " + _text(e["headline"]))
    if e["planned"]:
        heading.add_run(" (planned)").italic = True
    if not e["quoted"]:
        w.paragraph(_text(e["text"]))
    for s in e["sources"]:
        _source(w, s)
    for c in e["conflicts"]:
        w.conflict(c["note"])


def _article(w: _Writer, a: dict[str, Any]) -> None:
    p = w.paragraph(style="List Number")
    if a["source"].strip():
        p.add_run(_text(a["source"])).bold = True
        p.add_run(": ")
    w.link(p, _text(a["display_title"]), a["link"])
    p.add_run(f", {a['published_label'] or 'publication date unknown'}")
    if a["title_derived"]:
        p.add_run(" (title derived from the text)")
    if a["url"].strip():
        url = w.paragraph(style="List Continue")
        w.link(url, _text(a["url"]), a["link"])
    if a["summary"]:
        w.paragraph(" ".join(_text(s) for s in a["summary"]), style="List Continue")


def render_docx(timeline: Timeline, options: RenderOptions) -> bytes:
    """The timeline as a Word document (deterministic: same timeline, same bytes)."""
    ctx = context(timeline, options)
    stamp = _stamp(timeline)
    w = _Writer()
    w.properties(_text(ctx["title"]), stamp, options.locale)
    w.doc.add_heading(_text(ctx["title"]), level=0)
    w.paragraph(_date_range(ctx))
    for heading, group in ctx["years"]:
        w.doc.add_heading(_text(heading), level=1)
        for e in group:
            _entry(w, e)
    if ctx["articles"]:
        w.doc.add_heading("Sources", level=1)
        for a in ctx["articles"]:
            _article(w, a)
    if ctx["warnings"]:
        w.doc.add_heading("Warnings", level=1)
        for note in ctx["warnings"]:
            w.paragraph(_text(note), style="List Bullet")
    return _fixed_zip(w.save(), stamp)
