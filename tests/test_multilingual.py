"""End to end: reports of the bundled event in French, Arabic and Spanish, as a text file, a
web page and a feed with no language key, land on the right dates and merge with the English
entries of the bundled sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

FIXTURES = Path(__file__).parent / "fixtures" / "multilingual"
runner = CliRunner()


@pytest.fixture
def timeline_json(sources_dir, tmp_path) -> dict:
    out = tmp_path / "t.json"
    result = runner.invoke(app, ["build", str(sources_dir), str(FIXTURES), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


def _languages(data: dict, event: dict) -> set[str]:
    by_id = {a["id"]: a for a in data["articles"]}
    return {by_id[s["article"]]["language"] for s in event["sources"]}


def test_every_report_is_read_in_its_language(timeline_json):
    languages = sorted(a["language"] for a in timeline_json["articles"])
    assert languages == ["ar", "en", "en", "es", "fr", "fr"]


def test_the_seminar_is_one_entry_in_four_languages(timeline_json):
    days = [e for e in timeline_json["events"] if e["date"]["value"] == "2019-01-22"]
    assert len(days) == 1, [e["headline"] for e in days]
    [seminar] = days
    assert _languages(timeline_json, seminar) == {"en", "fr", "ar", "es"}
    expressions = {s["expression"] for s in seminar["sources"]}
    assert {"On Tuesday", "yesterday", "mardi dernier", "اليوم الثلاثاء"} <= expressions or (
        {"Tuesday", "yesterday"} <= expressions
    )


def test_the_launch_in_1994_is_told_in_four_languages_and_1995_still_disagrees(timeline_json):
    [launch] = [e for e in timeline_json["events"] if e["date"]["value"] == "1994"]
    assert _languages(timeline_json, launch) == {"en", "fr", "ar", "es"}
    [relations] = [e for e in timeline_json["events"] if e["date"]["value"] == "1995"]
    assert relations["conflicts"] and launch["conflicts"]


def test_the_preview_is_planned_and_dated_by_its_weekday_and_day(timeline_json):
    by_id = {a["id"]: a for a in timeline_json["articles"]}
    previews = [
        s
        for e in timeline_json["events"]
        for s in e["sources"]
        if by_id[s["article"]]["published"] == "2019-01-21"
    ]
    assert any(s["sentence"].startswith("Le secrétaire général adjoint") for s in previews)
    assert all(
        e["date"]["value"] != "2019-01-21" for e in timeline_json["events"]
    )  # "demain" is the 22nd


def test_french_labels(sources_dir, tmp_path):
    result = runner.invoke(app, ["build", str(sources_dir), str(FIXTURES), "--locale", "fr"])
    assert result.exit_code == 0, result.output
    assert "22 janvier 2019" in result.stdout
