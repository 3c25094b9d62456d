"""Publication dates that names carry: ``/2019/01/22/`` in a URL, ``2019-01-22`` or
``20190122`` in a file name.

Only whole, valid days in 1900-2100 count, with no digit touching them: an id such as
``/2019/01/264123/`` or a number such as ``12345678`` is not a date.  A year or a month alone
is never taken, since a publication date is a day.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import unquote, urlsplit

_YEAR = r"(19\d\d|20\d\d|2100)"
_MONTH = r"(0[1-9]|1[0-2])"
_DAY = r"(0[1-9]|[12]\d|3[01])"
# The separator must be the same twice (2019-01/22 is no date); "/" only occurs in URLs.
_SEPARATED = re.compile(rf"(?<!\d){_YEAR}([-_/.]){_MONTH}\2{_DAY}(?!\d)")
_COMPACT = re.compile(rf"(?<!\d){_YEAR}{_MONTH}{_DAY}(?!\d)")


def _first_valid(pattern: re.Pattern[str], text: str, groups: tuple[int, int, int]) -> date | None:
    for m in pattern.finditer(text):
        try:
            return date(*(int(m.group(g)) for g in groups))
        except ValueError:  # 2019-02-30: shaped like a date, but none
            continue
    return None


def date_in_url(url: str) -> date | None:
    """A day in a URL's path (not its host or query): ``/2019/01/22/``, ``/2019-01-22-slug``."""
    if not url:
        return None
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return None
    return _first_valid(_SEPARATED, path, (1, 3, 4))


def date_in_name(name: str) -> date | None:
    """A day in a file name: ``2019-01-22``, ``2019_01_22``, ``2019.01.22`` or ``20190122``."""
    if not name:
        return None
    return _first_valid(_SEPARATED, name, (1, 3, 4)) or _first_valid(_COMPACT, name, (1, 2, 3))
