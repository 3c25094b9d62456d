"""Tests for timeline.sources.web and URL sources, against a server on 127.0.0.1 only."""

from __future__ import annotations

import io
import socket
import subprocess
import sys
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from timeline.errors import ArticleReadError
from timeline.sources import read_sources
from timeline.sources.base import ReadOptions
from timeline.sources.web import fetch, is_url

INPUTS = Path(__file__).resolve().parent / "fixtures" / "inputs"


class LocalServer:
    """An HTTP server on 127.0.0.1 in a thread, answering from a table of routes.

    ``routes`` maps a path to (status, content type, body); anything else is a 404.
    """

    def __init__(self, routes: dict[str, tuple[int, str, bytes]]) -> None:
        self.routes = routes
        self.requests: list[tuple[str, str]] = []  # (path, User-Agent)
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.requests.append((self.path, self.headers.get("User-Agent", "")))
                status, ctype, body = outer.routes.get(self.path, (404, "text/plain", b"gone"))
                if status in (301, 302):
                    self.send_response(status)
                    self.send_header("Location", body.decode())
                    self.end_headers()
                    return
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:  # keep test output clean
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def __enter__(self) -> LocalServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def closed_port_url(path: str = "/page") -> str:
    """A URL on 127.0.0.1 where nothing listens: connecting is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}{path}"


def fixture_routes() -> dict[str, tuple[int, str, bytes]]:
    page = (INPUTS / "rabat-seminar.html").read_bytes()
    rss = (INPUTS / "maghreb-security.rss").read_bytes()
    atom = (INPUTS / "alliance-notes.atom").read_bytes()
    return {
        "/news/rabat-seminar": (200, "text/html; charset=utf-8", page),
        "/feed.rss": (200, "application/rss+xml", rss),
        "/feed.xml": (200, "text/xml", atom),
        "/download": (200, "application/octet-stream", rss),  # a careless server
        "/plain.txt": (200, "text/plain; charset=utf-8", b"They met yesterday in Rabat.\n"),
        "/moved": (302, "", b"/news/rabat-seminar"),
    }


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    """A proxy set in the environment must not get between the tests and 127.0.0.1."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


@pytest.fixture
def server():
    with LocalServer(fixture_routes()) as srv:
        yield srv


# --- fetch -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://example.com/a", True),
        ("HTTP://EXAMPLE.COM", True),
        ("ftp://example.com/a", False),
        ("file:///etc/passwd", False),
        ("example.com/a", False),
        ("-", False),
        ("https:/mangled", False),
    ],
)
def test_is_url(value, expected):
    assert is_url(value) is expected


def test_fetch_sends_a_user_agent_and_gives_the_content_type(server):
    got = fetch(server.url("/news/rabat-seminar"))
    assert got.content_type == "text/html"
    assert got.charset == "utf-8"
    assert got.data.startswith(b"<!DOCTYPE html>")
    [(path, agent)] = server.requests
    assert path == "/news/rabat-seminar"
    assert agent.startswith("timeline/")


def test_fetch_follows_a_redirect(server):
    got = fetch(server.url("/moved"))
    assert got.url == server.url("/news/rabat-seminar")


def test_fetch_404_is_one_clear_reason(server):
    with pytest.raises(ArticleReadError) as info:
        fetch(server.url("/missing"))
    assert info.value.reason == "HTTP 404 Not Found"
    assert "\n" not in str(info.value)


def test_fetch_refused_connection_is_one_clear_reason():
    url = closed_port_url()
    with pytest.raises(ArticleReadError) as info:
        fetch(url)
    assert "connection refused" in info.value.reason
    assert info.value.path == url


def test_fetch_caps_the_size(server):
    with pytest.raises(ArticleReadError, match="larger than 1000 bytes"):
        fetch(server.url("/feed.rss"), max_bytes=1000)


def test_fetch_times_out():
    # a server that accepts the connection and never answers
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/slow"
        with pytest.raises(ArticleReadError, match=r"no answer within 0\.3 s"):
            fetch(url, timeout=0.3)


# --- URLs as sources -------------------------------------------------------------------------


def test_a_page_url_is_read_as_html(server):
    url = server.url("/news/rabat-seminar")
    reading = read_sources([url])
    assert reading.failures == []
    [article] = reading.articles
    assert article.path == url
    assert article.title == "Morocco and NATO take stock of 25 years of dialogue in Rabat"
    assert article.source == "Atlas Wire"
    assert article.published == date(2019, 1, 22)
    assert article.body.startswith("Rabat – Senior Moroccan officials")
    assert "menu link" not in article.body


@pytest.mark.parametrize("path", ["/feed.rss", "/feed.xml", "/download"])
def test_a_feed_url_is_read_as_a_feed_whatever_it_is_served_as(server, path):
    reading = read_sources([server.url(path)])
    assert reading.failures == []
    assert len(reading.articles) in (2, 3)
    assert all(a.path.startswith(server.url(path) + "#") for a in reading.articles)


def test_a_plain_text_url_is_an_article_dated_by_the_fallback(server):
    url = server.url("/plain.txt")
    [article] = read_sources([url], published=date(2019, 1, 23)).articles
    assert article.body == "They met yesterday in Rabat.\n"
    assert article.url == url
    assert article.published == date(2019, 1, 23)


def test_bad_urls_are_failures_and_the_other_sources_are_still_read(server, tmp_path):
    (tmp_path / "a.md").write_text("A local article about Rabat.\n", encoding="utf-8")
    refused = closed_port_url()
    missing = server.url("/nowhere")
    reading = read_sources([refused, "a.md", missing, server.url("/news/rabat-seminar")])
    assert [a.path for a in reading.articles] == ["a.md", server.url("/news/rabat-seminar")]
    assert [(f.path, f.reason) for f in reading.failures] == [
        (refused, "connection refused (is the server running?)"),
        (missing, "HTTP 404 Not Found"),
    ]


def test_no_network_without_a_url(tmp_path, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("network used")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    reading = read_sources([INPUTS])
    assert reading.failures == []
    assert len(reading.articles) >= 9


# --- following feed links --------------------------------------------------------------------


def follow_routes(srv: LocalServer) -> dict[str, tuple[int, str, bytes]]:
    """A feed whose first entry links to the full page, the second to a missing page."""
    page = (INPUTS / "rabat-seminar.html").read_bytes()
    # another story (the same text would be read once), with no date in its metadata
    undated_page = (
        page.replace(b"article:published_time", b"article:unknown_time")
        .replace(b"article:modified_time", b"article:other_time")
        .replace(b"Senior Moroccan officials", b"Moroccan and allied officials")
    )
    feed = f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Relay</title><language>en</language>
<item><title>Seminar teaser</title><link>{srv.url("/full")}</link>
<description>A teaser of two lines only.</description></item>
<item><title>Gone</title><link>{srv.url("/gone")}</link>
<pubDate>Wed, 23 Jan 2019 08:00:00 +0000</pubDate>
<description>The feed's own text of the gone story.</description></item>
<item><title>Dated teaser</title><link>{srv.url("/undated")}</link>
<pubDate>Thu, 24 Jan 2019 08:00:00 +0000</pubDate>
<description>Another teaser.</description></item>
</channel></rss>""".encode()
    return {
        "/relay.rss": (200, "application/rss+xml", feed),
        "/full": (200, "text/html", page),
        "/undated": (200, "text/html", undated_page),
    }


def test_follow_reads_the_linked_pages():
    with LocalServer({}) as srv:
        srv.routes.update(follow_routes(srv))
        reading = read_sources([srv.url("/relay.rss")], follow=True)
    full, gone, undated = reading.articles
    assert reading.failures == []
    # the page instead of the teaser, with the page's date (the entry gives none)
    assert full.body.startswith("Rabat – Senior Moroccan officials")
    assert full.published == date(2019, 1, 22)
    assert full.title == "Morocco and NATO take stock of 25 years of dialogue in Rabat"
    assert full.url == srv.url("/full")
    assert full.path == srv.url("/relay.rss") + "#1"
    # a link that cannot be fetched: the feed's own text, and a note saying so
    assert gone.body == "The feed's own text of the gone story."
    assert gone.published == date(2019, 1, 23)
    [note] = reading.notes
    assert "#2" in note and "HTTP 404" in note and "feed's own text" in note
    # a page without a date keeps the entry's
    assert undated.body.startswith("Rabat – Moroccan and allied officials")
    assert undated.published == date(2019, 1, 24)


def test_without_follow_no_link_is_fetched():
    with LocalServer({}) as srv:
        srv.routes.update(follow_routes(srv))
        reading = read_sources([srv.url("/relay.rss")])
        assert [path for path, _ in srv.requests] == ["/relay.rss"]
    assert reading.articles[0].body == "A teaser of two lines only."


def test_follow_on_a_local_feed_file_fetches_its_links(tmp_path):
    with LocalServer({}) as srv:
        srv.routes.update(follow_routes(srv))
        (tmp_path / "relay.rss").write_bytes(srv.routes["/relay.rss"][2])
        reading = read_sources(["relay.rss"], options=ReadOptions(follow=True, timeout=5))
    assert reading.articles[0].body.startswith("Rabat – Senior Moroccan officials")
    assert reading.articles[0].path == "relay.rss#1"


# --- stdin -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "count"),
    [
        ("rabat-seminar.html", 1),
        ("maghreb-security.rss", 3),
        ("alliance-notes.atom", 2),
        ("newsdesk-export.jsonl", 3),
    ],
)
def test_stdin_is_sniffed_like_a_file(name, count):
    data = (INPUTS / name).read_bytes()
    reading = read_sources(["-"], stdin=io.BytesIO(data))
    assert reading.failures == []
    assert len(reading.articles) == count
    assert all(a.path.startswith("-") for a in reading.articles)


def test_stdin_with_front_matter():
    text = "---\npublished: 2019-01-23\nsource: Wire\n---\nThey met yesterday.\n"
    [article] = read_sources(["-"], stdin=io.BytesIO(text.encode())).articles
    assert (article.path, article.body, article.source) == ("-", "They met yesterday.\n", "Wire")
    assert article.published == date(2019, 1, 23)


def test_stdin_named_twice_is_read_once():
    reading = read_sources(["-", "-"], stdin=io.BytesIO(b"Only once.\n"))
    assert [a.body for a in reading.articles] == ["Only once.\n"]
    assert reading.failures == []


def test_empty_stdin_is_a_failure():
    reading = read_sources(["-"], stdin=io.BytesIO(b""))
    assert reading.articles == []
    assert [(f.path, f.reason) for f in reading.failures] == [("-", "empty article")]


# --- imports ---------------------------------------------------------------------------------


def test_reading_text_imports_no_web_library(tmp_path):
    """Text articles, and the package itself, never load trafilatura, htmldate or feedparser."""
    (tmp_path / "a.md").write_text("---\ntitle: T\n---\nBody.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from timeline.sources import read_all\n"
        "articles, failures = read_all(['a.md'])\n"
        "assert len(articles) == 1, failures\n"
        "print('LOADED', [m for m in ('trafilatura', 'htmldate', 'feedparser', 'lxml',"
        " 'urllib.request') if m in sys.modules])\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert "LOADED []" in proc.stdout


def test_the_library_build_follows_links_when_asked():
    import timeline

    with LocalServer({}) as srv:
        srv.routes.update(follow_routes(srv))
        tl = timeline.build([srv.url("/relay.rss")], follow=True, summarizer="lead")
    bodies = [r.article.body for r in tl.articles]
    assert bodies[0].startswith("Rabat – Senior Moroccan officials")
    assert any("could not follow" in w for w in tl.warnings)


def test_follow_failures_say_why_and_fall_back_or_fail():
    with LocalServer({}) as srv:
        feed = f"""<rss version="2.0"><channel><title>F</title>
<item><title>PDF</title><link>{srv.url("/doc.pdf")}</link>
<description>Own text.</description></item>
<item><title>Bare</title><link>{srv.url("/gone")}</link></item>
</channel></rss>""".encode()
        srv.routes.update(
            {
                "/f.rss": (200, "application/rss+xml", feed),
                "/doc.pdf": (200, "application/pdf", b"%PDF-1.4 binary"),
            }
        )
        reading = read_sources([srv.url("/f.rss")], follow=True)
    [article] = reading.articles
    assert article.body == "Own text."
    [note] = reading.notes
    assert "not a web page (application/pdf)" in note
    [failure] = reading.failures
    assert failure.path == srv.url("/f.rss") + "#2"
    assert failure.reason == (
        f"the entry has no text (and {srv.url('/gone')} could not be followed: HTTP 404 Not Found)"
    )
