"""Which grammar reads an article: its language code, reduced to one the tagger knows."""

from __future__ import annotations

# The names of the languages with a grammar (lang/<code>.py) besides English.  An article in
# any other language is read with the English grammar (its numeric and ISO dates still come
# through), so a new language's module goes with its names here.
_NAMES = {
    "fr": "fr", "fre": "fr", "fra": "fr", "french": "fr", "français": "fr", "francais": "fr",
    "es": "es", "spa": "es", "spanish": "es", "español": "es", "espanol": "es",
    "castellano": "es", "ar": "ar", "ara": "ar", "arabic": "ar", "arabe": "ar",
    "العربية": "ar", "عربي": "ar",
}  # fmt: skip


def grammar_language(language: str | None) -> str:
    """ "fr", "es" or "ar" for an article in one of those languages ("fr-CA", "es_MX",
    "French", "ar-MA"), else "en"."""
    tag = (language or "").strip().casefold().replace("_", "-")
    return _NAMES.get(tag) or _NAMES.get(tag.split("-", 1)[0]) or "en"
