"""Building blocks of the French, Spanish and Arabic grammars (see i18n.py).

A language module (lang_fr, lang_es, lang_ar) gives its word tables and a function that
writes its rules from alternations of those words; this module turns word lists into
compact regular expressions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .textview import fold, normal

# (rule name, pattern, trigger sets): a rule runs on a sentence only when the sentence holds
# a word of each of its trigger sets ("#" stands for any digit).
Rule = tuple[str, str, tuple[frozenset[str], ...]]


@dataclass
class Spec:
    """What a language module hands the engine."""

    language: str
    tables: dict[str, dict[str, object]]  # table name -> {fold(word): value}
    number: Callable[[str], int | None]  # "vingt-cinq" -> 25; None when vague
    # alternations of the tables' words ("#name": their trigger tokens) -> the rules
    rules: Callable[[dict[str, Any]], list[Rule]]
    # one-letter proclitics (Arabic "وفبلك"): a sentence's words also count without them
    clitics: str = ""
    guards: dict[str, str] = field(default_factory=dict)  # name -> pattern (see i18n.py)


def alt(words: Iterable[str], fold_accents: bool = False) -> str:
    """A non-capturing regex that matches any of ``words`` (as a trie, longest first).

    A space in a word matches any run of whitespace.  With ``fold_accents``, each word
    also matches written without its accents ("fevrier" for "février").
    """
    trie: dict = {}
    variants = set()
    for w in words:
        w = normal(w)
        variants.add(w)
        if fold_accents:
            variants.add(_strip_accents(w))
    for w in variants:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _build(trie) + ")" if trie else "(?!)"


def _strip_accents(word: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c)))


def _build(node: dict) -> str:
    branches = []
    for ch in sorted(k for k in node if k):
        piece = r"\s++" if ch == " " else re.escape(ch)
        branches.append(piece + _build(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


def table(mapping: dict[str, object]) -> dict[str, object]:
    """A lookup table keyed by ``fold``."""
    return {fold(k): v for k, v in mapping.items()}


# Function words never trigger a rule: a multi-word entry ("antes de ayer", "il y a", "أول
# من أمس") is found through its other words, and "de" in every sentence would set off the
# rule everywhere.
_NOT_TRIGGERS = frozenset(
    "a al d de del du el en et il l la las le les los un una une y من في".split()
)


def tokens(words: Iterable[str]) -> frozenset[str]:
    """The trigger tokens of ``words``: the folded letter runs of each but function words
    (for a multi-word entry, any of its words; more than needed, and harmless)."""
    out = set()
    for w in words:
        found = set(re.findall(r"[^\W\d_]+", fold(w)))
        out.update(found - _NOT_TRIGGERS or found)
    return frozenset(out)
