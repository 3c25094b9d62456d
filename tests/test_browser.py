"""The HTML output checked in a real browser: headless Chromium driven by Playwright.

What a reader sees: every entry laid out and visible, the page's landmarks, readable contrast
in light, dark and print, a PDF that keeps each entry on one page, nothing fetched from
anywhere but the file itself, no console errors, and hostile article text left inert.

Needs Chromium (Debian's ``chromium``; another binary via ``TIMELINE_CHROMIUM``) and the
``playwright`` package (the ``dev`` extra; its own browser download is never used).  Without
them every test here is skipped, unless ``TIMELINE_REQUIRE_BROWSER=1`` (set by ``.ci/run``),
which turns that skip into a failure.  Screenshots and the PDF go to ``TIMELINE_SCREENSHOTS``
if set, else to a pytest temporary folder.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import timeline
from timeline.errors import TimelineError
from timeline.render import render

from .conftest import SOURCES

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

# As root, in a sandbox with no network but the package registries (see .ci/run).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
NARROW = {"width": 360, "height": 740}
# A4 (210 mm) less the 10 mm margins a browser prints with, at 96 px to the inch.
PRINT_MARGIN = "10mm"
A4_CONTENT = {"width": round(190 / 25.4 * 96), "height": round(277 / 25.4 * 96)}
BUNDLED_ENTRIES = 4

# The forms HTML allows in <time datetime> that a timeline writes: a year, a month, a day,
# a week (https://html.spec.whatwg.org/#the-time-element).
DATETIME = re.compile(r"\d{4,}|\d{4,}-\d{2}|\d{4,}-\d{2}-\d{2}|\d{4,}-W\d{2}")


def _chromium() -> str | None:
    named = os.environ.get("TIMELINE_CHROMIUM")
    if named:
        return named if os.access(named, os.X_OK) else None
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    for name in ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _unavailable(reason: str) -> None:
    if os.environ.get("TIMELINE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"TIMELINE_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole module."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[dev]')")
    executable = _chromium()
    if executable is None:
        _unavailable("no Chromium found (apt-get install chromium, or set TIMELINE_CHROMIUM)")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    named = os.environ.get("TIMELINE_SCREENSHOTS")
    folder = Path(named) if named else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def bundled() -> timeline.Timeline:
    return timeline.build([SOURCES])


@pytest.fixture(scope="module")
def bundled_page(bundled: timeline.Timeline, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("page") / "timeline.html"
    path.write_text(render(bundled, "html"), encoding="utf-8")
    return path


def _fragment(tl: timeline.Timeline) -> str:
    """The embeddable HTML fragment, or a skip while the renderer does not offer it."""
    try:
        return render(tl, "html", fragment=True)  # type: ignore[call-arg,unused-ignore]
    except TypeError as exc:
        pytest.skip(f"render(..., fragment=True) is not there yet: {exc}")
    except TimelineError as exc:
        if "template not found" not in str(exc):
            raise
        pytest.skip(f"the HTML fragment template is not there yet: {exc}")


# --- opening a page and watching what it does -------------------------------------------


@dataclass
class Visit:
    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def outside_requests(self) -> list[str]:
        """Requests for anything but the page itself or inline data."""
        return [u for u in self.requests if u != self.url and not u.startswith("data:")]

    def check_clean(self) -> None:
        assert self.url in self.requests, f"the page load itself was not seen: {self.requests}"
        outside = self.outside_requests()
        assert not outside, f"requests for anything but the file itself: {outside}"
        assert not self.errors, f"errors in the browser: {self.errors}"


def _visit(context: Any, path: Path) -> Visit:
    page = context.new_page()
    visit = Visit(page=page, url=path.as_uri())
    context.on("request", lambda request: visit.requests.append(request.url))
    page.on("websocket", lambda ws: visit.requests.append(ws.url))
    page.on(
        "console",
        lambda msg: (
            visit.errors.append(f"console {msg.type}: {msg.text}")
            if msg.type in ("error", "warning", "assert")
            else None
        ),
    )
    page.on("pageerror", lambda exc: visit.errors.append(f"page error: {exc}"))
    page.on("requestfailed", lambda r: visit.errors.append(f"request failed: {r.url}"))
    page.goto(visit.url, wait_until="load")
    return visit


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """open_page(path, **context options) -> Visit; every context is closed afterwards."""
    contexts: list[Any] = []

    def _open(path: Path, **options: Any) -> Visit:
        options.setdefault("viewport", DESKTOP)
        context = browser.new_context(**options)
        contexts.append(context)
        return _visit(context, path)

    yield _open
    for context in contexts:
        context.close()


# --- what is checked in the page --------------------------------------------------------

# Each element that shows text of its own: its text and background colours (backgrounds
# composited from the root down, over the canvas), and the contrast ratio between them.
_CONTRAST_JS = """
(root) => {
  const parse = (c) => {
    const m = /rgba?\\(([^)]+)\\)/.exec(c);
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  };
  const over = (top, under) => ({
    r: top.r * top.a + under.r * (1 - top.a),
    g: top.g * top.a + under.g * (1 - top.a),
    b: top.b * top.a + under.b * (1 - top.a), a: 1,
  });
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const dark = matchMedia('(prefers-color-scheme: dark)').matches
    && !matchMedia('print').matches;
  const canvas = dark ? {r: 18, g: 18, b: 18, a: 1} : {r: 255, g: 255, b: 255, a: 1};
  const background = (el) => {
    const chain = [];
    for (let e = el; e; e = e.parentElement) chain.unshift(e);
    let acc = canvas;
    for (const e of chain) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) acc = over(c, acc);
    }
    return acc;
  };
  const out = [];
  for (const el of (root || document.body).querySelectorAll('*')) {
    const own = [...el.childNodes].filter((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own.length) continue;
    const rect = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (!rect.width || !rect.height || style.visibility !== 'visible') continue;
    const bg = background(el);
    const fgRaw = parse(style.color);
    if (!fgRaw) { out.push({text: own[0].textContent.trim().slice(0, 40), ratio: null}); continue; }
    const fg = over(fgRaw, bg);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    out.push({
      tag: el.tagName.toLowerCase(), cls: el.className,
      text: own.map((n) => n.textContent.trim()).join(' ').slice(0, 40),
      color: style.color, background: `rgb(${bg.r}, ${bg.g}, ${bg.b})`,
      ratio: Math.round((hi + 0.05) / (lo + 0.05) * 100) / 100, large,
    });
  }
  return out;
}
"""


def _low_contrast(page: Any, root: str | None = None) -> list[dict[str, Any]]:
    """Text below WCAG AA: 4.5:1, or 3:1 for large text."""
    handle = page.query_selector(root) if root else None
    samples = page.evaluate(_CONTRAST_JS, handle)
    assert samples, "no text found to measure"
    return [s for s in samples if s["ratio"] is None or s["ratio"] < (3.0 if s["large"] else 4.5)]


def _check_entries_visible(page: Any, expected: int, scope: str = "") -> None:
    entries = page.locator(f"{scope} li.entry".strip())
    assert entries.count() == expected
    width = page.evaluate("document.documentElement.clientWidth")
    for i in range(expected):
        entry = entries.nth(i)
        assert entry.is_visible(), f"entry {i} is not visible"
        box = entry.bounding_box()
        assert box is not None and box["width"] > 0 and box["height"] > 0, (i, box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, (i, box, width)
        style = entry.evaluate(
            "e => { const s = getComputedStyle(e);"
            " return [s.display, s.visibility, Number(s.opacity)]; }"
        )
        assert style[0] != "none" and style[1] == "visible" and style[2] > 0, (i, style)
        # Its date and headline show too.
        assert entry.locator("time, .date").first.is_visible(), f"entry {i}: no date shown"
        assert entry.locator("h3").first.is_visible(), f"entry {i}: no headline shown"


def _check_datetimes(page: Any, scope: str = "") -> list[str]:
    values = page.locator(f"{scope} time".strip()).evaluate_all(
        "ts => ts.map(t => t.getAttribute('datetime'))"
    )
    assert values, "no <time> element"
    for value in values:
        assert value and DATETIME.fullmatch(value), f"not a valid <time datetime>: {value!r}"
    return values


def _no_horizontal_scroll(page: Any) -> None:
    sizes = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert sizes[0] <= sizes[1], f"the page scrolls sideways: {sizes}"


# --- the page of the bundled sources ------------------------------------------------------


def test_page_entries_landmarks_and_no_requests(open_page, bundled_page: Path, shots: Path):
    visit = open_page(bundled_page)
    page = visit.page
    _check_entries_visible(page, BUNDLED_ENTRIES)
    for landmark in ("header", "main", "h1"):
        assert page.locator(landmark).count() == 1, landmark
        assert page.locator(landmark).is_visible(), landmark
    assert page.locator("h1").inner_text().strip()
    assert page.title().strip() == page.locator("h1").inner_text().strip()
    assert page.locator("html").get_attribute("lang") == "en"
    # The timeline and the sources are labelled regions, each with its heading.
    for region in page.locator("section[aria-labelledby]").all():
        label = region.get_attribute("aria-labelledby")
        assert page.locator(f"#{label}").is_visible(), label
    values = _check_datetimes(page, "li.entry")
    assert "2019-01-22" in values
    assert page.locator("li.entry > time[datetime]").count() == BUNDLED_ENTRIES
    # Links go to the articles, in plain http(s), and open nothing by themselves.
    hrefs = page.locator("a[href]").evaluate_all("as => as.map(a => a.href)")
    assert hrefs and all(h.startswith(("https://", "http://")) for h in hrefs), hrefs
    assert page.locator("script, img, iframe, object, embed, link, video, audio").count() == 0
    assert _low_contrast(page) == []
    _no_horizontal_scroll(page)
    page.screenshot(path=shots / "page.png", full_page=True)
    visit.check_clean()


def test_page_narrow_screen(open_page, bundled_page: Path, shots: Path):
    visit = open_page(bundled_page, viewport=NARROW, is_mobile=True, has_touch=True)
    _check_entries_visible(visit.page, BUNDLED_ENTRIES)
    _no_horizontal_scroll(visit.page)
    visit.page.screenshot(path=shots / "page-narrow.png", full_page=True)
    visit.check_clean()


def test_page_dark(open_page, bundled_page: Path, shots: Path):
    visit = open_page(bundled_page, color_scheme="dark")
    page = visit.page
    _check_entries_visible(page, BUNDLED_ENTRIES)
    # Dark for real: a dark background under light text, not the light page.
    colours = page.evaluate(
        "[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]"
    )
    assert colours != ["rgb(255, 255, 255)", "rgb(31, 35, 40)"], colours
    background, text = (
        [int(v) for v in re.findall(r"\d+", c)[:3]] for c in colours
    )  # fmt: skip
    assert sum(background) < 3 * 64 and sum(text) > 3 * 160, colours
    assert _low_contrast(page) == []
    page.screenshot(path=shots / "page-dark.png", full_page=True)
    visit.check_clean()


def _pdf_pages(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def _letters(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", unicodedata.normalize("NFKC", text).casefold())


def _check_entries_whole(pages: list[str], entries: list[str]) -> None:
    """Each entry's text starts and ends on the same page of the PDF (in order)."""
    flat, starts = "", []
    for text in pages:
        starts.append(len(flat))
        flat += _letters(text)

    def page_of(offset: int) -> int:
        return max(i for i, start in enumerate(starts) if start <= offset)

    at = 0
    for i, entry in enumerate(entries):
        letters = _letters(entry)
        head, tail = letters[:40], letters[-40:]
        first = flat.find(head, at)
        assert first >= 0, f"entry {i} is not in the PDF: {entry[:80]!r}"
        last = flat.find(tail, first + len(letters) - len(tail) - 200)
        assert last >= 0, f"the end of entry {i} is not in the PDF: {entry[-80:]!r}"
        assert page_of(first) == page_of(last), (
            f"entry {i} is split across pages {page_of(first) + 1} and {page_of(last) + 1}"
        )
        at = last + len(tail)


def test_print_view_and_pdf(open_page, bundled_page: Path, shots: Path):
    pytest.importorskip("pypdf", reason="pypdf reads the printed PDF (the dev extra)")
    visit = open_page(bundled_page, viewport=A4_CONTENT)
    page = visit.page
    page.emulate_media(media="print")
    _check_entries_visible(page, BUNDLED_ENTRIES)
    _no_horizontal_scroll(page)
    assert _low_contrast(page) == []
    # Print is ink on paper: black text, no tinted backgrounds behind the entries.
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
    page.screenshot(path=shots / "print.png", full_page=True)
    entries = page.locator("li.entry").all_inner_texts()
    heights = page.locator("li.entry").evaluate_all(
        "es => es.map(e => e.getBoundingClientRect().height)"
    )
    pdf = page.pdf(
        format="A4",
        print_background=True,
        margin={side: PRINT_MARGIN for side in ("top", "right", "bottom", "left")},
    )
    (shots / "print.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF-")
    pages = _pdf_pages(pdf)
    assert 1 <= len(pages) <= 6, len(pages)
    text = _letters("".join(pages))
    assert _letters(page.locator("h1").inner_text()) in text
    # An entry taller than a page has to break; every other one is kept whole.
    whole = [e for e, h in zip(entries, heights, strict=True) if h < A4_CONTENT["height"]]
    assert len(whole) == BUNDLED_ENTRIES
    _check_entries_whole(pages, whole)
    visit.check_clean()


def test_print_keeps_entries_whole_over_many_pages(open_page, tmp_path: Path, shots: Path):
    """A timeline of many entries over several A4 pages: page breaks fall between entries."""
    pytest.importorskip("pypdf", reason="pypdf reads the printed PDF (the dev extra)")
    records = []
    for year in range(1990, 2014):
        records.append(
            {
                "title": f"Harbour report {year}",
                "published": f"{year}-06-01",
                "source": f"Coast Herald {year}",
                "url": f"https://example.org/{year}/harbour",
                "text": (
                    f"The harbour of Port Ellis was dredged in {year - 30} by a consortium of "
                    f"{year % 7 + 2} firms and the dredging of {year - 30} was the largest of "
                    f"its time. Engineers from {year % 5 + 3} countries took part, and the "
                    f"work lasted {year % 4 + 2} years according to the port authority."
                ),
            }
        )
    src = tmp_path / "harbour.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    tl = timeline.build([src], summarizer="lead", sentences=1)
    count = len(tl.entries)
    assert count >= 12, count
    path = tmp_path / "many.html"
    path.write_text(render(tl, "html"), encoding="utf-8")
    visit = open_page(path, viewport=A4_CONTENT)
    page = visit.page
    page.emulate_media(media="print")
    entries = page.locator("li.entry").all_inner_texts()
    assert len(entries) == count
    pdf = page.pdf(
        format="A4",
        print_background=True,
        margin={side: PRINT_MARGIN for side in ("top", "right", "bottom", "left")},
    )
    (shots / "print-many.pdf").write_bytes(pdf)
    pages = _pdf_pages(pdf)
    assert len(pages) >= 2, "too few entries to need a page break"
    _check_entries_whole(pages, entries)
    visit.check_clean()


# --- the fragment, embedded in a page of someone else's -----------------------------------

_HOST = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Host page</title>
<style>
body {{ margin: 0; padding: 1rem 2rem; font: 18px/1.4 Georgia, serif; color: rgb(34, 34, 34);
       background: rgb(253, 250, 243); }}
h1 {{ color: rgb(128, 0, 64); font-size: 40px; margin: 0 0 1rem; }}
p {{ margin: 0 0 1em; }}
a {{ color: rgb(0, 100, 0); }}
.host-column {{ max-width: 640px; }}
</style>
</head>
<body>
<h1 id="host-h1">Host page</h1>
<p id="host-p">A paragraph of the host, with <a id="host-a" href="#host-foot">a link</a>.</p>
<div class="host-column">
{fragment}
</div>
<footer><p id="host-foot">Host footer</p></footer>
</body>
</html>
"""

_HOST_STYLES_JS = """
() => Object.fromEntries(['host-h1', 'host-p', 'host-a', 'host-foot'].map((id) => {
  const s = getComputedStyle(document.getElementById(id));
  return [id, [s.color, s.backgroundColor, s.fontFamily, s.fontSize, s.fontWeight,
               s.lineHeight, s.margin, s.padding, s.textDecorationLine]];
}).concat([['body', [getComputedStyle(document.body).backgroundColor,
                     getComputedStyle(document.body).color,
                     getComputedStyle(document.body).fontFamily,
                     getComputedStyle(document.body).margin]]]))
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_fragment_in_a_host_page(
    open_page, bundled: timeline.Timeline, tmp_path: Path, shots: Path, scheme: str
):
    fragment = _fragment(bundled)
    assert "<html" not in fragment.lower() and "<body" not in fragment.lower()
    bare = tmp_path / "host-bare.html"
    bare.write_text(_HOST.format(fragment=""), encoding="utf-8")
    host = tmp_path / "host.html"
    host.write_text(_HOST.format(fragment=fragment), encoding="utf-8")

    before = open_page(bare, color_scheme=scheme).page.evaluate(_HOST_STYLES_JS)
    visit = open_page(host, color_scheme=scheme)
    page = visit.page
    _check_entries_visible(page, BUNDLED_ENTRIES, ".host-column")
    values = _check_datetimes(page, ".host-column")
    assert "2019-01-22" in values
    # The fragment's styles stay inside it: the host looks as it did without it.
    assert page.evaluate(_HOST_STYLES_JS) == before
    assert page.locator("h1").count() == 1, "the fragment brings an <h1> of its own"
    assert page.locator(".host-column script, .host-column img").count() == 0
    assert _low_contrast(page, ".host-column") == []
    _no_horizontal_scroll(page)
    page.screenshot(path=shots / f"fragment-{scheme}.png", full_page=True)
    visit.check_clean()


# Each entry's marker (the circle on the rail, its ::before) as [left, right] in the page,
# and the left edge of the box it has to stay inside (the fragment's own, or the page's).
_MARKERS_JS = """
(selector) => {
  const edge = selector ? document.querySelector(selector).getBoundingClientRect().left : 0;
  return [edge, [...document.querySelectorAll('li.entry')].map((e) => {
    const box = e.getBoundingClientRect();
    const s = getComputedStyle(e);
    const dot = getComputedStyle(e, '::before');
    const left = box.left + parseFloat(s.borderLeftWidth) + parseFloat(dot.left);
    return [left, left + parseFloat(dot.width)];
  })];
}
"""


@pytest.mark.parametrize("kind", ["print", "fragment"])
def test_entry_markers_inside_the_box(
    open_page, bundled: timeline.Timeline, bundled_page: Path, tmp_path: Path, kind: str
):
    """The circles on the rail are drawn whole: not cut off by the paper's edge when printed,
    not hanging out of the fragment's background."""
    if kind == "print":
        page = open_page(bundled_page, viewport=A4_CONTENT).page
        page.emulate_media(media="print")
        edge, markers = page.evaluate(_MARKERS_JS, None)
    else:
        host = tmp_path / "host.html"
        host.write_text(_HOST.format(fragment=_fragment(bundled)), encoding="utf-8")
        page = open_page(host).page
        edge, markers = page.evaluate(_MARKERS_JS, ".host-column > *")
    assert len(markers) == BUNDLED_ENTRIES
    outside = [left for left, _ in markers if left < edge - 0.5]
    assert outside == [], f"markers start left of the box's edge at {edge}: {outside}"


# --- hostile article text -------------------------------------------------------------------

_PWN = "window.__pwned=1"
_HOSTILE_ARTICLE = f"""---
title: '<script>{_PWN}</script> Harbour <img src=x onerror="{_PWN}"> talks'
published: 2019-01-22
source: '<script>{_PWN}</script>Evil Outlet'
url: 'javascript:{_PWN}'
---
Rabat – On 22 January 2019, <script>{_PWN}</script> the minister met NATO officials in Rabat \
<img src=x onerror="{_PWN}"> to discuss the harbour.
The harbour talks began in 2016 <a href="javascript:{_PWN}">read more</a> in Warsaw.
<svg onload="{_PWN}"></svg> <iframe src="javascript:{_PWN}"></iframe>
"""
_HOSTILE_RECORD = {
    "title": f'Second <img src=x onerror="{_PWN}"> report',
    "published": "2019-01-23",
    "source": f"<b onmouseover='{_PWN}'>Other Outlet</b>",
    "url": f"  JaVaScRiPt:{_PWN};void(0)",  # another URL, or it is read as the same article
    "text": "Yesterday, on 22 January 2019, the minister met NATO officials in Rabat. "
    '<script src="https://evil.example/x.js"></script><style>body{display:none}</style>',
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> timeline.Timeline:
    """Two articles whose every field tries to run script or fetch something."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.md").write_text(_HOSTILE_ARTICLE, encoding="utf-8")
    (folder / "more.jsonl").write_text(json.dumps(_HOSTILE_RECORD) + "\n", encoding="utf-8")
    tl = timeline.build([folder], summarizer="lead")
    assert len(tl.articles) == 2, tl.warnings
    return tl


_ACTIVE_JS = """
() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if (name.startsWith('on')) bad.push(`${el.tagName} ${name}`);
      if (value.startsWith('javascript:') || value.startsWith('vbscript:'))
        bad.push(`${el.tagName} ${name}=${attr.value}`);
    }
  }
  return bad;
}
"""


@pytest.mark.parametrize("kind", ["page", "fragment"])
def test_hostile_article_is_inert(
    open_page, hostile: timeline.Timeline, tmp_path: Path, shots: Path, kind: str
):
    html = render(hostile, "html") if kind == "page" else _HOST.format(fragment=_fragment(hostile))
    path = tmp_path / f"hostile-{kind}.html"
    path.write_text(html, encoding="utf-8")
    visit = open_page(path)
    page = visit.page
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate(_ACTIVE_JS) == []
    assert page.locator("script, img, svg, iframe, object, embed").count() == 0
    # The payload is there, shown as text rather than dropped or run.
    assert _PWN in page.locator("body").inner_text()
    assert page.locator("li.entry").count() >= 1
    assert page.locator("li.entry").first.is_visible()
    # Hovering every link runs nothing either.
    for link in page.locator("a").all():
        link.hover()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.screenshot(path=shots / f"hostile-{kind}.png", full_page=True)
    visit.check_clean()
