"""How one render is asked for: :class:`RenderOptions`, passed to every format function.

Options travel as an argument, never through globals or context variables, so a format
(built-in or plug-in) reads what it needs from the object it is given, and two renders in
one process (threads, generators read in turn) cannot see each other's options.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError

__all__ = ["RenderOptions", "check_locale"]


def check_locale(locale: str) -> str:
    """``locale`` as babel spells it ("fr", "pt_BR"); UsageError when babel knows none such."""
    name = (locale or "en").strip().replace("-", "_")
    if name.lower() == "en":
        return "en"
    import babel  # only for a locale other than English

    try:
        return str(babel.Locale.parse(name))
    except (ValueError, TypeError, babel.UnknownLocaleError):
        raise UsageError(
            f"unknown locale {locale!r} (use a code such as fr, es, ar, pt_BR)"
        ) from None


@dataclass(frozen=True)
class RenderOptions:
    """The options of one render.

    ``locale``: the language of date labels, "en" (the built-in English labels) or any
    locale babel knows ("fr" gives "22 janvier 2019"); normalised by :func:`check_locale`
    when the object is made, so a format can trust it.  ``fragment`` (HTML): just the
    timeline ``<section>``, for pasting into another page.  ``mermaid`` (Markdown): add a
    Mermaid ``timeline`` block.  ``template``: a user's jinja2 file rendered instead of the
    format's own output.
    """

    locale: str = "en"
    fragment: bool = False
    mermaid: bool = False
    template: str | Path | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "locale", check_locale(self.locale))
