"""`-f docx`: the timeline as a Word document, read back with python-docx."""

from __future__ import annotations

import dataclasses
import io
import json
import shutil
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from typer.testing import CliRunner

import timeline
from timeline.cli import app, write_output
from timeline.errors import ExitCode, UsageError
from timeline.render import format_for_path, is_binary, render

runner = CliRunner()


@pytest.fixture
def repo_like(tmp_path, sources_dir) -> Path:
    shutil.copytree(sources_dir, tmp_path / "sources")
    return tmp_path


@pytest.fixture(scope="module")
def bundled():
    from .conftest import SOURCES

    return timeline.build([SOURCES])


def _read(data: bytes):
    return docx.Document(io.BytesIO(data))


def _styled(document, prefix: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name.startswith(prefix)]


def test_build_docx_holds_every_entry_and_links_every_source(repo_like):
    result = runner.invoke(app, ["build", "-o", "t.docx"])  # the format from the suffix
    assert result.exit_code == 0, result.output
    data = (repo_like / "t.docx").read_bytes()
    doc = _read(data)
    expected = json.loads(runner.invoke(app, ["build", "-f", "json"]).stdout)

    assert _styled(doc, "Title") == [expected["title"]]
    assert doc.paragraphs[1].text == "4 entries from 2 articles, 1994 – 22 January 2019"
    headings = _styled(doc, "Heading 2")
    assert headings == [f"{e['date']['label']} — {e['headline']}" for e in expected["events"]]
    assert [h.split(" — ")[0] for h in headings] == ["1994", "1995", "2016", "22 January 2019"]
    assert _styled(doc, "Heading 1") == ["1994", "1995", "2016", "2019", "Sources"]

    urls = {a["url"] for a in expected["articles"]}
    links = {r.target_ref for r in doc.part.rels.values() if r.reltype == RT.HYPERLINK}
    assert links == urls
    linked = [(h.text, h.address) for p in doc.paragraphs for h in p.hyperlinks]
    first = expected["articles"][0]
    assert ("Morocco World News: " + first["title"], first["url"]) in linked
    assert {address for _, address in linked} == urls

    quotes = _styled(doc, "Quote")
    assert any("since its launch in 1994." in q for q in quotes)
    bold = [r.text for p in doc.paragraphs if p.style.name == "Quote" for r in p.runs if r.bold]
    assert sorted(bold) == ["1994", "1995", "2016", "Tuesday", "yesterday"]
    conflicts = [p.text for p in doc.paragraphs if p.text.startswith("Conflict: ")]
    assert len(conflicts) == 2 and "Daily Morocco dates this to 1995" in conflicts[0]

    sources = _styled(doc, "List Number")
    assert [s.split(":")[0] for s in sources] == ["Morocco World News", "Daily Morocco"]
    assert sources[0].endswith(", 22 January 2019 (title derived from the text)")
    body = "\n".join(p.text for p in doc.paragraphs)
    for article in expected["articles"]:
        assert article["url"] in body  # printed as well as linked
        assert article["summary"][0] in body


def test_docx_bytes_are_the_same_on_every_run(repo_like):
    for name in ("a.docx", "b.docx"):
        assert runner.invoke(app, ["build", "-f", "docx", "-o", name]).exit_code == 0
    data = (repo_like / "a.docx").read_bytes()
    assert data == (repo_like / "b.docx").read_bytes()
    # nothing in the package says when it was made, only when the news was
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {i.date_time for i in z.infolist()} == {(2019, 1, 23, 0, 0, 0)}
        assert "docProps/thumbnail.jpeg" not in z.namelist()
    props = _read(data).core_properties
    # python-docx reads some of these back naive, some in UTC
    stamps = {d.replace(tzinfo=UTC) for d in (props.created, props.modified, props.last_printed)}
    assert stamps == {datetime(2019, 1, 23, tzinfo=UTC)}
    assert props.author == props.last_modified_by == "timeline" and props.revision == 1


def test_planned_entries_locale_and_hostile_text(bundled):
    first = bundled.entries[0]
    odd = dataclasses.replace(first, headline="Bad\x00 text\x0b with\ufffe controls", planned=True)
    tl = dataclasses.replace(bundled, entries=(odd, *bundled.entries[1:]))
    doc = _read(render(tl, "docx", locale="fr"))
    headings = _styled(doc, "Heading 2")
    assert headings[0] == "1994 — Bad text with controls (planned)"
    assert headings[-1].startswith("22 janvier 2019 — ")
    assert doc.core_properties.language == "fr"


def test_docx_is_binary_and_registered_by_suffix():
    assert is_binary("docx") and not is_binary("md")
    assert format_for_path("Briefing.DOCX") == "docx"


def test_docx_goes_to_a_pipe_but_not_to_a_terminal(repo_like, monkeypatch):
    piped = runner.invoke(app, ["build", "-f", "docx"])
    assert piped.exit_code == 0, piped.output
    assert piped.stdout_bytes.startswith(b"PK\x03\x04")

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdout", Terminal())
    with pytest.raises(UsageError, match="binary: pass -o FILE"):
        write_output(b"PK", None)


def test_a_template_cannot_make_a_docx(repo_like):
    (repo_like / "t.md.j2").write_text("{{ title }}\n", encoding="utf-8")
    result = runner.invoke(app, ["build", "-f", "docx", "--template", "t.md.j2", "-o", "x.docx"])
    assert result.exit_code == ExitCode.USAGE
    assert "--template writes text" in result.stderr
    assert not (repo_like / "x.docx").exists()


def test_python_docx_loads_only_for_a_docx():
    code = (
        "import sys; from timeline.cli import main; import timeline.render\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('docx' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip().endswith("False")
