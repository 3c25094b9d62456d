"""Tense cues: does a clause put a date ahead of publication?

News reports the past, so a bare weekday ("Tuesday", "mardi", "el martes", "الثلاثاء") is
the most recent such day on or before publication, unless the clause that governs it looks
ahead: "will meet", "is scheduled to"; "va signer", "se rendra"; "va a firmar", "viajará";
"سوف", "سيزور".  Each language's grammar gives its future and past cues (lang/*.py); this
is the one way they are read.  The cue nearest before the expression decides: a past cue
("a signé", "firmó", "قال") stops a future one further away from deciding, and a veto
before a future cue ("had been scheduled to expire Friday": a plan reported from after it
fell due) overrules it.  When no cue comes before, languages that often put the verb after
the date ("Mardi, le ministre se rendra à Rabat") read the first cue after it, up to the end
of the clause; English does not, as it never has.
"""

from __future__ import annotations

import re

from .grammar import Grammar

WINDOW = 60  # characters either side of the expression that are read for cues
_CLAUSE_END = re.compile(r"[.;!?؟؛]")


def ahead(g: Grammar, text: str, start: int, end: int) -> bool:
    """Whether a tense cue of ``g``'s language in ``text`` (a sentence as the grammar
    matches it) puts the expression at ``text[start:end]`` ahead of publication."""
    before = text[max(0, start - WINDOW) : start]
    nearest: tuple[int, bool, int] | None = None  # distance, is future, where it starts
    for pattern, is_future in ((g.future, True), (g.past, False)):
        for m in pattern.finditer(before):
            distance = len(before) - m.end()
            if nearest is None or distance < nearest[0] or (distance == nearest[0] and is_future):
                nearest = (distance, is_future, m.start())
    if nearest is not None:
        if nearest[1] and g.veto is not None and g.veto.search(before[: nearest[2]]):
            return False
        return nearest[1]
    if not g.cues_after:
        return False
    after = _CLAUSE_END.split(text[end : end + WINDOW], maxsplit=1)[0]
    first: tuple[int, bool] | None = None
    for pattern, is_future in ((g.future, True), (g.past, False)):
        m = pattern.search(after)
        if m and (first is None or m.start() < first[0]):
            first = (m.start(), is_future)
    return first is not None and first[1]
