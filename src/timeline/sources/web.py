"""Fetching a URL the user named (or a feed entry's link with ``--follow``).

The network is touched only here, and only for URLs the user asked for.  Every way a fetch
can go wrong (offline, refused, an HTTP error status, too slow, too big) becomes one
ArticleReadError with a reason a user can act on; the run goes on with the other sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import ArticleReadError
from .base import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, too_large

_URL = re.compile(r"\Ahttps?://", re.IGNORECASE)
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,application/json;q=0.8,text/plain;q=0.7,*/*;q=0.5"
)


def is_url(value: str) -> bool:
    """True for the http(s) URLs a user may name as sources."""
    return bool(_URL.match(value))


def user_agent() -> str:
    from .. import __version__

    return f"timeline/{__version__} (news timeline builder; Python urllib)"


@dataclass(frozen=True)
class Fetched:
    data: bytes
    url: str  # after redirects
    content_type: str  # "text/html", without parameters
    charset: str | None


def fetch(
    url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES
) -> Fetched:
    """GET ``url``: its body (at most ``max_bytes``), final URL and content type."""
    import http.client
    import ssl
    import urllib.error
    import urllib.request

    class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
        # urllib would also follow a redirect to ftp://; a web page has no business there
        def redirect_request(self, req, fp, code, msg, headers, newurl):
            if not is_url(newurl):
                raise urllib.error.HTTPError(newurl, code, f"redirected to {newurl}", headers, fp)
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    request = urllib.request.Request(
        url,
        headers={"User-Agent": user_agent(), "Accept": ACCEPT, "Accept-Encoding": "identity"},
    )
    opener = urllib.request.build_opener(_WebOnlyRedirects)
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise ArticleReadError(url, too_large(max_bytes))
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise ArticleReadError(url, too_large(max_bytes))
            return Fetched(
                data=data,
                url=response.geturl() or url,
                content_type=response.headers.get_content_type(),
                charset=response.headers.get_content_charset(),
            )
    except urllib.error.HTTPError as exc:
        raise ArticleReadError(url, f"HTTP {exc.code} {exc.reason}".rstrip()) from None
    except urllib.error.URLError as exc:
        raise ArticleReadError(url, _why(exc.reason, timeout)) from None
    except TimeoutError:
        raise ArticleReadError(url, f"no answer within {timeout:g} s") from None
    except ssl.SSLError as exc:
        raise ArticleReadError(url, f"TLS error ({exc.reason or exc})") from None
    except (http.client.HTTPException, OSError, ValueError) as exc:
        # a dropped connection, a malformed answer, a URL urllib cannot take apart
        raise ArticleReadError(url, f"cannot be fetched ({_why(exc, timeout)})") from None


def _why(reason: object, timeout: float) -> str:
    """A short, human reason from what urllib wraps in URLError."""
    import socket

    if isinstance(reason, ConnectionRefusedError):
        return "connection refused (is the server running?)"
    if isinstance(reason, socket.gaierror):
        return "host not found (offline, or a typo in the address?)"
    if isinstance(reason, TimeoutError):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return str(reason) or type(reason).__name__
