"""The TempEval-3 scorer, the TimeML reader and the timeline-summarisation scores, on
hand-made gold."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from timeline.evaluate import (
    GoldTimelineWarning,
    Timex,
    alignment_rouge,
    date_f1,
    evaluate,
    mean_scores,
    parse_gold_timeline,
    prf,
    read_gold_timeline,
    read_timeml,
    rouge_tokens,
    score_document,
    score_timeline,
)

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


# --- timeline summarisation: gold reader, Date-F1, alignment ROUGE ------------------------

D1, D2, D3, D4 = date(2010, 1, 1), date(2010, 1, 2), date(2010, 1, 3), date(2010, 1, 4)

GOLD = """2010-01-03
A storm damages the bridge .
--------------------------------
2010-01-01

Floods hit the town .
--------------------------------
2010-01-03
The bridge is closed .
--------------------------------
"""


def test_gold_reader_merges_repeated_dates(tmp_path):
    path = tmp_path / "gold.txt"
    path.write_text(GOLD, encoding="utf-8")
    gold = read_gold_timeline(path)
    assert gold == {
        D3: ["A storm damages the bridge .", "The bridge is closed ."],
        D1: ["Floods hit the town ."],
    }


def test_gold_reader_leaves_out_a_block_whose_date_is_not_a_day(tmp_path):
    text = "2011-04-0\nJury selection begins .\n" + "-" * 32 + "\n" + GOLD
    with pytest.warns(GoldTimelineWarning, match="2011-04-0"):
        gold = parse_gold_timeline(text)
    assert sorted(gold) == [D1, D3]
    assert "Jury selection begins ." not in [s for v in gold.values() for s in v]
    with pytest.raises(ValueError, match="2011-04-0"):
        parse_gold_timeline(text, strict=True)


def test_rouge_tokens_stem_and_drop_stop_words_and_punctuation():
    tokens = rouge_tokens("The Floods -LRB- again -RRB- hit the town 's bridges , `` storm '' .")
    assert tokens == ["flood", "hit", "town", "bridg", "storm"]


def test_prf_and_the_scores_built_on_it():
    assert prf(1, 2, 4) == (0.5, 0.25, pytest.approx(1 / 3))
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    s = score_document([t(0, 10), t(20, 30)], [t(0, 10), t(22, 30), t(40, 50)])
    assert s.strict_prf == prf(1, 3, 2) == (s.strict_p, s.strict_r, s.strict_f1)
    assert s.relaxed_prf == prf(2, 3, 2) == (s.relaxed_p, s.relaxed_r, s.relaxed_f1)


def test_date_f1():
    assert date_f1([D1, D2], [D1, D2]) == (1.0, 1.0, 1.0)
    assert date_f1([D1], [D2]) == (0.0, 0.0, 0.0)
    assert date_f1([], [D1]) == (0.0, 0.0, 0.0)
    assert date_f1([D1], []) == (0.0, 0.0, 0.0)
    p, r, f = date_f1([D1, D2, D3, D4], [D3, D4, date(2010, 1, 5)])
    assert (p, r) == (0.5, 2 / 3)
    assert f == pytest.approx(4 / 7)


def test_identical_timelines_score_one():
    gold = {D1: ["Floods hit the town ."], D3: ["A storm damages the bridge .", "It closes ."]}
    scores = score_timeline(gold, gold)
    assert scores.dates == (1.0, 1.0, 1.0)
    assert scores.ar1 == (1.0, 1.0, 1.0)
    assert scores.ar2 == (1.0, 1.0, 1.0)


def test_disjoint_vocabularies_score_zero():
    predicted = {D1: ["Floods hit the town ."]}
    gold = {D1: ["A storm damages the bridge ."]}
    scores = score_timeline(predicted, gold)
    assert scores.dates.f == 1.0  # the day is right, the words are not
    assert scores.ar1 == (0.0, 0.0, 0.0)
    assert scores.ar2 == (0.0, 0.0, 0.0)


def test_a_day_off_halves_the_counts():
    # tokens flood hit town: 3 unigrams and 2 bigrams, all matching, a day apart: x 1/2
    scores = score_timeline({D2: ["Floods hit the town ."]}, {D1: ["Floods hit the town ."]})
    assert scores.ar1 == (0.5, 0.5, 0.5)
    assert scores.ar2 == (0.5, 0.5, 0.5)
    assert scores.dates.f == 0.0
    # two days off: x 1/3
    assert alignment_rouge({D3: ["Floods hit the town ."]}, {D1: ["Floods hit the town ."]}).f == (
        pytest.approx(1 / 3)
    )


def test_alignment_prefers_content_over_a_nearer_date():
    # D2 is a day from both gold days; ROUGE-1 F is 0 with D1's summary and 1 with D3's,
    # so D2 aligns to D3: precision 3 x 1/2 over 3.  Recall: D1 gets nothing, D3 3 x 1/2,
    # over 6 gold tokens.
    gold = {D1: ["Floods hit the town ."], D3: ["A storm damages the bridge ."]}
    predicted = {D2: ["A storm damages the bridge ."]}
    p, r, f = alignment_rouge(predicted, gold)
    assert (p, r) == (0.5, 0.25)
    assert f == pytest.approx(1 / 3)


def test_alignment_ties_go_to_the_earlier_gold_day():
    # "flood town" against D1 "flood" (F = 2/3) and D3 "flood town storm bridge" (F = 4/6):
    # the same cost, so D1 is taken: 1 match x 1/2 over 2 predicted tokens.
    gold = {D1: ["Flood ."], D3: ["Flood town storm bridge ."]}
    p, r, _ = alignment_rouge({D2: ["Flood town ."]}, gold)
    assert p == 0.25  # 0.5 had D3 been taken
    assert r == pytest.approx((0.5 * 1 + 0.5 * 2) / 5)


def test_alignment_is_many_to_one():
    # both predicted days align to the one gold day: D1 at full weight, D2 at half
    predicted = {D1: ["Flood town ."], D2: ["Flood town ."]}
    p, r, f = alignment_rouge(predicted, {D1: ["Flood town ."]})
    assert (p, r) == (0.75, 1.0)
    assert f == pytest.approx(6 / 7)


def test_alignment_rouge_of_empty_timelines_is_zero():
    gold = {D1: ["Floods hit the town ."]}
    assert alignment_rouge({}, gold) == (0.0, 0.0, 0.0)
    assert alignment_rouge(gold, {}) == (0.0, 0.0, 0.0)
    assert score_timeline({D1: []}, gold).ar2 == (0.0, 0.0, 0.0)


def test_clipped_counts():
    # "flood" twice predicted, once in gold: one match, over 2 predicted tokens
    p, r, _ = alignment_rouge({D1: ["Flood , flood ."]}, {D1: ["Flood ."]})
    assert (p, r) == (0.5, 1.0)


def test_mean_scores_average_each_figure():
    one = score_timeline({D1: ["Flood town ."]}, {D1: ["Flood town ."]})
    zero = score_timeline({D1: ["Flood town ."]}, {D2: ["Storm bridge ."]})
    mean = mean_scores([one, zero])
    assert mean.dates == (0.5, 0.5, 0.5)
    assert mean.ar1 == (0.5, 0.5, 0.5)
    with pytest.raises(ValueError):
        mean_scores([])


def test_importing_evaluate_does_not_load_nltk_or_sumy():
    code = "import sys, timeline.evaluate; print('nltk' in sys.modules, 'sumy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_timeline17_gold_files(shared_dir):
    t17 = shared_dir / "corpora" / "t17"
    h1n1 = read_gold_timeline(t17 / "H1N1_bbc" / "timelines" / "influenza_A_h1n1_scotland_bbc.txt")
    assert len(h1n1) == 7  # 9 date lines, 2 of them repeats
    assert len(h1n1[date(2009, 5, 1)]) == 8  # 3 + 5 sentences
    with pytest.warns(GoldTimelineWarning, match="2011-04-0"):
        mj = read_gold_timeline(t17 / "MJ_bbc" / "timelines" / "bbc.co.uk.txt")
    assert (len(mj), min(mj), max(mj)) == (37, date(2009, 6, 25), date(2011, 11, 29))
