"""`--kb FILE`: a user's own actors, used by every command that resolves claimants, and a
change of knowledge base re-extracts the stored claims it affects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from counterclaim.cli import app
from counterclaim.store import Store

USER_KB = Path(__file__).parent / "data" / "user_kb.yaml"  # a made-up group
REPORT = (
    "Ambush near Khuzdar\n\nQadir Mengal, spokesman for the Northern Liberation Front, said its "
    "fighters killed 11 soldiers in an ambush near Khuzdar on Monday.\n"
)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    kb = tmp_path / "mine.yaml"  # a copy: a test writes a bad file beside it
    kb.write_text(USER_KB.read_text(encoding="utf-8"), encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    return {"kb": kb, "report": report, "db": tmp_path / "kb.db"}


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def claimants(db: Path) -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in run("claims", "--db", str(db), "--json").splitlines()]
    return [(r["claimant"], r["target_role"]) for r in rows]


def test_extract_resolves_claimants_from_the_user_file(files: dict[str, Path]) -> None:
    without = json.loads(run("extract", str(files["report"])).splitlines()[0])
    with_kb = json.loads(
        run("extract", str(files["report"]), "--kb", str(files["kb"])).split("\n")[0]
    )
    assert without["claimant"] != "Northern Front"
    assert with_kb["claimant"] == "Northern Front"
    assert with_kb["target_role"] == "opponent"  # Northern Front's adversary is Pakistan's army
    assert "Qadir Mengal" in with_kb["claimant_aliases"]


def test_ingesting_again_with_a_kb_re_extracts_stored_claims(files: dict[str, Path]) -> None:
    db = str(files["db"])
    first = json.loads(run("ingest", str(files["report"]), "--db", db, "--json"))
    assert first["new"] == 1 and first["extracted"] == 1
    assert claimants(files["db"])[0][0] != "Northern Front"
    again = json.loads(
        run("ingest", str(files["report"]), "--db", db, "--kb", str(files["kb"]), "--json")
    )
    assert again["already_stored"] == 1 and again["extracted"] == 1
    assert claimants(files["db"]) == [("Northern Front", "opponent")]
    same = json.loads(
        run("ingest", str(files["report"]), "--db", db, "--kb", str(files["kb"]), "--json")
    )
    assert same["extracted"] == 0  # nothing changed: nothing re-extracted


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (None, "knowledge-base file not found"),
        ("actors: [", "not valid YAML"),
        (
            "actors:\n  - id: x\n    name: X\n    kind: armed_group\n    side: nowhere\n",
            "unknown side",
        ),
    ],
)
def test_a_bad_kb_file_is_refused_before_anything_is_stored(
    files: dict[str, Path], content: str | None, fragment: str
) -> None:
    bad = files["kb"].with_name("bad.yaml")
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    db = str(files["db"])
    result = CliRunner().invoke(app, ["ingest", str(files["report"]), "--db", db, "--kb", str(bad)])
    assert result.exit_code == 2
    assert str(bad) in result.output and fragment in result.output
    assert Store(db).document_count() == 0


@pytest.mark.parametrize(
    "command", ["ingest", "extract", "eval", "serve", "incidents", "show", "demo"]
)
def test_commands_that_resolve_actors_take_kb(command: str) -> None:
    assert "--kb" in run(command, "--help")
