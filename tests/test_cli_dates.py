"""`timeline dates`: every temporal expression, per the DESIGN.md jsonl contract."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from timeline.cli import app
from timeline.errors import ExitCode
from timeline.sources import read_file

runner = CliRunner()


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_jsonl_records_follow_the_contract(sources_dir):
    path = sources_dir / "001_7b17c4b35aa6692f.md"
    result = runner.invoke(app, ["dates", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = _jsonl(result.stdout)
    body = read_file(path).body
    for row in rows:
        assert {"file", "start", "end", "text", "type", "value"} <= row.keys()
        assert row["file"] == str(path)  # the path as given
        assert body[row["start"] : row["end"]] == row["text"]  # offsets into the body
    found = {(r["text"], r["type"], r["value"]) for r in rows}
    assert ("yesterday", "DATE", "2019-01-22") in found
    assert ("around 25 years", "DURATION", "P25Y") in found
    assert next(r for r in rows if r["value"] == "P25Y")["mod"] == "APPROX"
    assert ("1995", "DATE", "1995") in found
    assert ("2016", "DATE", "2016") in found
    assert ("every day", "SET", "P1D") in found
    assert ("today", "DATE", "PRESENT_REF") in found


def test_extra_fields_granularity_range_and_resolution(sources_dir):
    path = sources_dir / "000_c668b917f9ef9830.md"
    rows = _jsonl(runner.invoke(app, ["dates", str(path), "--format", "jsonl"]).stdout)
    tuesday = next(r for r in rows if r["text"] == "Tuesday")
    assert tuesday["granularity"] == "day"
    assert tuesday["range"] == ["2019-01-22", "2019-01-22"]
    assert tuesday["resolution"] == "relative-to-publication"
    year = next(r for r in rows if r["text"] == "1994")
    assert year["range"] == ["1994-01-01", "1994-12-31"]
    assert year["resolution"] == "absolute"


def test_published_option_resolves_undated_text(tmp_path):
    (tmp_path / "a.txt").write_text("They met yesterday.")
    rows = _jsonl(
        runner.invoke(
            app, ["dates", "a.txt", "--published", "2019-01-23", "--format", "jsonl"]
        ).stdout
    )
    assert [(r["text"], r["value"]) for r in rows] == [("yesterday", "2019-01-22")]
    assert rows[0]["file"] == "a.txt"


def test_without_a_date_relative_mentions_say_unresolved(tmp_path):
    (tmp_path / "a.txt").write_text("They met yesterday.")
    rows = _jsonl(runner.invoke(app, ["dates", "a.txt", "--format", "jsonl"]).stdout)
    assert rows[0]["resolution"] == "unresolved"
    assert rows[0]["range"] is None


def test_table_format_is_readable(sources_dir):
    result = runner.invoke(app, ["dates", str(sources_dir)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["file", "start", "end", "text", "type", "value", "resolution"]
    assert set(lines[1]) <= {"-", " "}
    assert any("Tuesday" in line and "2019-01-22" in line for line in lines)


def test_errors(tmp_path):
    result = runner.invoke(app, ["dates", "nowhere"])
    assert result.exit_code == ExitCode.NO_INPUT
    assert "nowhere: no such file or folder" in result.stderr
    (tmp_path / "a.txt").write_text("x")
    result = runner.invoke(app, ["dates", "a.txt", "--format", "xml"])
    assert result.exit_code == ExitCode.USAGE
    assert "unknown format 'xml'" in result.stderr


def test_numeric_dates_are_day_first_unless_told(tmp_path):
    (tmp_path / "a.txt").write_text("Signed on 03/04/2019 in Rabat.")
    rows = _jsonl(runner.invoke(app, ["dates", "a.txt", "--format", "jsonl"]).stdout)
    assert rows[0]["value"] == "2019-04-03"
    rows = _jsonl(
        runner.invoke(app, ["dates", "a.txt", "--format", "jsonl", "--month-first"]).stdout
    )
    assert rows[0]["value"] == "2019-03-04"


def test_dates_of_a_french_file_without_a_language_key(tmp_path):
    (tmp_path / "a.txt").write_text(
        "---\npublished: 2019-01-24\n---\nLe séminaire organisé mardi dernier à Rabat a réuni "
        "les ministres et les délégations de l'OTAN.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["dates", str(tmp_path / "a.txt"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    [row] = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["value"] == "2019-01-22"
