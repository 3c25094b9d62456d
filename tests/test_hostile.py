"""A hostile article, in every output format: markup, template syntax and a javascript: URL
in its title and text stay inert text."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest

import timeline
from timeline.render import formats, render

HOSTILE_TITLE = '<script>alert("title")</script> {{ 7*7 }} {% raw %}'
HOSTILE_BODY = (
    "On 22 January 2019 the <script>window.__pwned=1</script> minister met "
    '<img src=x onerror="window.__pwned=1"> the envoy {{ 7*7 }} {% for x in y %} in Rabat. '
    '[click](javascript:alert(1)) and <a href="javascript:alert(2)">here</a> in 1994.'
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "evil.md").write_text(
        "---\n"
        f"title: '{HOSTILE_TITLE}'\n"
        "published: 2019-01-23\n"
        "source: '<b onmouseover=alert(3)>Evil Outlet</b>'\n"
        "url: 'javascript:alert(4)'\n"
        "---\n" + HOSTILE_BODY + "\n",
        encoding="utf-8",
    )
    return timeline.build([folder])


def _text(data: str | bytes) -> str:
    """A binary format's XML parts (docx: the document and its links), as text to search."""
    if isinstance(data, str):
        return data
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "\n".join(
            z.read(n).decode("utf-8")
            for n in z.namelist()
            if n.endswith("rels") or n == "word/document.xml"
        )


def _outputs(tl):
    out = {fmt: _text(render(tl, fmt)) for fmt in formats()}
    out["html-fragment"] = render(tl, "html", fragment=True)
    out["md-mermaid"] = render(tl, "md", mermaid=True)
    return out


def test_the_hostile_article_is_on_the_timeline(hostile):
    assert [e.date.value for e in hostile.entries] == ["1994", "2019-01-22"]


# A real tag (not the escaped "&lt;img") that carries an event handler ("onerror=").
_LIVE_HANDLER = re.compile(r"<[a-z][^<>]*\son[a-z]+\s*=")


@pytest.mark.parametrize(
    ("text", "live"),
    [
        ('<img src=x onerror="alert(1)">', True),
        ("<b onmouseover=alert(3)>", True),
        ('&lt;img src=x onerror="alert(1)"&gt;', False),  # escaped: shown, not run
        ("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;", False),
        ("<p>the onerror= attribute</p>", False),  # a word in text, not an attribute
    ],
)
def test_the_live_handler_check_can_fail(text, live):
    assert bool(_LIVE_HANDLER.search(text)) is live


def test_nothing_active_in_any_format(hostile):
    for fmt, text in _outputs(hostile).items():
        low = text.lower()
        assert "<script" not in low, fmt
        assert "<img" not in low, fmt
        assert not _LIVE_HANDLER.search(low), fmt
        # a live link is a real tag ("<a", not the escaped "&lt;a") pointing at javascript:
        assert not re.search(r"<a\s[^>]*href\s*=\s*[\"']?\s*javascript:", low), fmt
        if fmt.startswith("md"):  # a Markdown link needs an unescaped "](": "\\](" is text
            assert not re.search(r"(?<!\\)\]\(javascript:", low), fmt
        assert "<b onmouseover" not in low, fmt


def test_template_syntax_in_articles_is_printed_not_run(hostile):
    for fmt, text in _outputs(hostile).items():
        if fmt in ("json",):
            continue
        assert "envoy 49" not in text and "49 {%" not in text, fmt  # {{ 7*7 }} never run
    md = render(hostile, "md")
    assert "{{ 7\\*7 }}" in md  # Markdown-escaped, printed as written
    html = render(hostile, "html")
    assert "{{ 7*7 }}" in html and "{% for x in y %}" in html


def test_json_keeps_the_text_as_data(hostile):
    data = json.loads(render(hostile, "json"))
    [article] = data["articles"]
    assert article["title"] == HOSTILE_TITLE
    assert article["url"] == "javascript:alert(4)"  # kept as data, never made a link
    assert any("<script>" in e["text"] for e in data["events"])


def test_output_is_byte_identical_across_runs(hostile):
    assert _outputs(hostile) == _outputs(hostile)
