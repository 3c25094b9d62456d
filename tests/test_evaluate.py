"""The TempEval-3 scorer and the TimeML reader, on hand-made gold."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.evaluate import Timex, evaluate, read_timeml, score_document

# TimeML as it is found, long lines and all.
TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>
Bombs <EVENT eid="e1">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>, <s>after <TIMEX3 tid="t2" type="DURATION" value="P2Y">two years</TIMEX3> of calm</s>.
</TEXT>
</TimeML>
"""


def t(start: int, end: int, type_: str = "DATE", value: str = "1994") -> Timex:
    return Timex(start, end, "x" * (end - start), type_, value)


def test_reader_gives_text_dct_and_offsets(tmp_path):
    path = tmp_path / "X1.tml"
    path.write_text(TML)
    doc = read_timeml(path)
    assert doc.dct == date(1998, 8, 7)
    assert [(g.text, g.type, g.value) for g in doc.gold] == [
        ("Friday", "DATE", "1998-08-07"),
        ("two years", "DURATION", "P2Y"),
    ]
    for g in doc.gold:
        assert doc.text[g.start : g.end] == g.text  # nested tags do not shift offsets
    assert "exploded" in doc.text and "<" not in doc.text


def test_perfect_system_scores_one():
    gold = [t(0, 4), t(10, 20, "DURATION", "P2Y")]
    s = score_document(gold, list(gold))
    assert (s.strict_f1, s.relaxed_f1, s.type_f1, s.value_f1) == (1.0, 1.0, 1.0, 1.0)


def test_overlap_is_relaxed_but_not_strict():
    s = score_document([t(0, 10)], [t(5, 10)])
    assert s.relaxed_f1 == 1.0
    assert s.strict_f1 == 0.0


def test_relaxed_matching_is_one_to_one():
    # two system spans inside one gold span: one matches, the other is a false positive
    s = score_document([t(0, 20)], [t(0, 5), t(10, 15)])
    assert s.relaxed == 1
    assert s.relaxed_p == 0.5
    assert s.relaxed_r == 1.0
    assert s.relaxed_f1 == pytest.approx(2 / 3)


def test_exact_span_is_preferred_when_several_overlap():
    s = score_document([t(5, 10)], [t(0, 7), t(5, 10)])
    assert s.strict == 1


def test_value_and_type_f1_scale_relaxed_f1():
    gold = [t(0, 4, "DATE", "1994"), t(10, 14, "DATE", "1995"), t(20, 24, "SET", "P1D")]
    system = [t(0, 4, "DATE", "1994"), t(10, 14, "DATE", "1996"), t(20, 24, "DURATION", "P1D")]
    s = score_document(gold, system)
    assert s.relaxed_f1 == 1.0
    assert s.value_f1 == pytest.approx(2 / 3)  # 1995 vs 1996 wrong
    assert s.type_f1 == pytest.approx(2 / 3)  # SET vs DURATION wrong


def test_misses_and_false_positives():
    s = score_document([t(0, 4), t(10, 14)], [t(0, 4), t(30, 34)])
    assert (s.relaxed_p, s.relaxed_r) == (0.5, 0.5)
    kinds = sorted((g is None, sys is None) for _, g, sys in s.errors)
    assert kinds == [(False, True), (True, False)]


def test_micro_average_over_documents(tmp_path):
    path = tmp_path / "X1.tml"
    path.write_text(TML)
    doc = read_timeml(path)

    def half_right(text, dct):
        g = doc.gold[0]
        return [Timex(g.start, g.end, g.text, g.type, g.value)]

    s = evaluate([doc, doc], half_right)
    assert (s.docs, s.gold, s.system, s.relaxed) == (2, 4, 2, 2)
    assert s.relaxed_p == 1.0 and s.relaxed_r == 0.5


def test_empty_is_zero_not_an_error():
    s = score_document([], [])
    assert (s.strict_f1, s.relaxed_f1, s.value_f1) == (0.0, 0.0, 0.0)
