"""The pure scoring functions of benchmarks/events.py, on small hand-made inputs."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ev():
    sys.path.insert(0, str(ROOT / "benchmarks"))  # events.py imports its sibling corpora.py
    try:
        spec = importlib.util.spec_from_file_location(
            "events_bench", ROOT / "benchmarks" / "events.py"
        )
        module = importlib.util.module_from_spec(spec)
        sys.modules["events_bench"] = module  # its dataclasses look their module up
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return module


def test_bcubed(ev):
    assert ev.bcubed([]) == (0.0, 0.0, 0.0)
    assert ev.bcubed([("a", "E1"), ("a", "E1")]) == (1.0, 1.0, 1.0)
    p, r, f = ev.bcubed([("a", "E1"), ("a", "E2"), ("b", "E1")])
    assert p == pytest.approx((1 / 2 + 1 / 2 + 1) / 3)
    assert r == pytest.approx((1 / 2 + 1 + 1 / 2) / 3)
    assert f == pytest.approx(2 * p * r / (p + r))


def test_gold_span(ev):
    assert ev.gold_span("2023-09-08") == (date(2023, 9, 8), date(2023, 9, 8))
    assert ev.gold_span("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert ev.gold_span("2019") == (date(2019, 1, 1), date(2019, 12, 31))
    assert ev.gold_span("11") == (date(1100, 1, 1), date(1199, 12, 31))
    assert ev.gold_span("2021-03-23/2021-03-29") == (date(2021, 3, 23), date(2021, 3, 29))
    assert ev.gold_span("2029/2030") == (date(2029, 1, 1), date(2030, 12, 31))


def test_locate_mentions_repeated_headline_and_shared_expression(ev):
    body = "Fire on Monday.\nFire on Monday.\nIt fell on Monday evening."
    fell = "It fell on Monday evening."
    events = [
        {"id": "E1", "mentions": [
            {"file": "a.txt", "expression": "Monday", "sentence": "Fire on Monday."},
            {"file": "a.txt", "expression": "Monday", "sentence": "Fire on Monday."},
            {"file": "a.txt", "expression": "Monday evening", "sentence": fell},
        ]},
        {"id": "E2", "mentions": [
            {"file": "a.txt", "expression": "Monday evening", "sentence": fell},
        ]},
    ]  # fmt: skip
    notes: list[str] = []
    found = ev.locate_mentions(events, {"a.txt": body}, notes)
    assert [(m.event, m.start) for m in found] == [("E1", 8), ("E1", 24), ("E1", 43), ("E2", 43)]
    assert any("E1, E2" in n for n in notes)


def test_locate_not_events_skips_gold_places(ev):
    body = "On 8 May 2023 it fell. Posted 8 May 2023"
    mentions = [ev.Mention("E1", "a.txt", 3, 13)]
    out = ev.locate_not_events([{"file": "a.txt", "expression": "8 May 2023"}], {"a.txt": body},
                               mentions, [])  # fmt: skip
    assert out == [("a.txt", 30, 40)]


def test_score(ev):
    day = (date(2023, 9, 8), date(2023, 9, 8))
    sat = (date(2023, 9, 9), date(2023, 9, 9))
    mentions = [
        ev.Mention("E1", "a.txt", 0, 6),
        ev.Mention("E1", "b.txt", 10, 16),  # the other side of the conflict
        ev.Mention("E2", "a.txt", 20, 26),
        ev.Mention("E2", "c.txt", 0, 5),  # not found
    ]
    entries = [
        ev.SystemEntry("x", day, "2023-09-08", (ev.Source("a.txt", 2, 4),), ("y",)),
        ev.SystemEntry("y", sat, "2023-09-09", (ev.Source("b.txt", 9, 12),)),
        ev.SystemEntry("z", sat, "2023-09-09",
                       (ev.Source("a.txt", 20, 26), ev.Source("a.txt", 40, 44))),
        ev.SystemEntry("n", sat, "2023-09-09", (ev.Source("b.txt", 50, 54),), ("z",)),
        ev.SystemEntry("o", sat, "2023-09-09", (ev.Source("b.txt", 60, 64),)),
    ]  # fmt: skip
    not_events = [("a.txt", 40, 44), ("b.txt", 50, 54)]
    conflicts = [ev.KeyConflict(("2023-09-08", "2023-09-09"), ("a.txt", "b.txt"))]
    s = ev.score(entries, mentions, {"E1": "2023-09-08", "E2": "2023-09-09"}, not_events,
                 conflicts)  # fmt: skip
    assert (s.found, s.mentions, s.mention_recall) == (3, 4, 0.75)
    assert (s.precision, s.recall) == (1.0, pytest.approx((1 / 2 + 1 / 2 + 1) / 3))
    assert (s.whole, s.events) == (1, 2)  # E2: its one found mention, in z, dated right
    assert (s.noise, s.polluted, s.other) == (1, 1, 0 + 1)
    assert (s.flagged, s.key_conflicts, s.false_conflicts) == (1, 1, 1)  # x-y true, n-z not


def test_baseline_entries(ev):
    rows = [
        {"file": "d/a.txt", "start": 0, "end": 3, "type": "DATE", "value": "2023-09-08",
         "range": ["2023-09-08", "2023-09-08"]},
        {"file": "d/b.txt", "start": 5, "end": 9, "type": "TIME", "value": "2023-09-08",
         "range": ["2023-09-08", "2023-09-08"]},
        {"file": "d/b.txt", "start": 9, "end": 12, "type": "DATE", "value": "XXXX-WXX-5",
         "range": None},
        {"file": "d/b.txt", "start": 20, "end": 27, "type": "DURATION", "value": "P3D",
         "range": None},
    ]  # fmt: skip
    [entry] = ev.baseline_entries(rows)
    assert entry.value == "2023-09-08" and entry.conflicts == ()
    assert entry.sources == (ev.Source("a.txt", 0, 3), ev.Source("b.txt", 5, 9))
