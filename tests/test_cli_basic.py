"""The command line in-process: help for every command, ingest then list, the dev set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from counterclaim import __version__
from counterclaim.cli import app


def command_names() -> list[str]:
    """Every registered subcommand, so a new command is covered without editing this file."""
    return sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_the_app_has_the_core_commands() -> None:
    assert {"ingest", "documents", "export"} <= set(command_names())


def test_root_help_lists_every_command() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in command_names():
        assert name in result.stdout


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.stdout


@pytest.mark.parametrize("name", command_names())
def test_help_of_every_command(name: str) -> None:
    result = CliRunner().invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout
    assert name in result.stdout


def test_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["frobnicate"])
    assert result.exit_code == 2


def test_ingest_then_documents_json(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "kharkiv.txt").write_text(
        "Strikes on Kharkiv\n\nRegional officials said 5 people were wounded when missiles "
        "struck an industrial area of Kharkiv overnight.\n",
        encoding="utf-8",
    )
    (tmp_path / "in" / "sanaa.jsonl").write_text(
        json.dumps(
            {
                "text": "Houthi officials said 9 people were killed in air strikes on Sanaa.",
                "outlet": "Red Sea Report",
                "url": "https://example.org/sanaa",
                "published": "2025-03-16",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    db = f"sqlite:///{tmp_path / 'cc.db'}"
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db, "--no-process"])
    assert ingested.exit_code == 0, ingested.output
    assert "new: 2, already stored: 0, failed: 0" in ingested.stdout
    listed = runner.invoke(app, ["documents", "--db", db, "--json"])
    assert listed.exit_code == 0, listed.output
    docs = json.loads(listed.stdout)
    assert len(docs) == 2
    sanaa = next(d for d in docs if d["outlet"] == "Red Sea Report")
    assert sanaa["published"] == "2025-03-16"
    assert sanaa["url"] == "https://example.org/sanaa"
    assert {"id", "title", "source", "syndicated_from", "near_duplicate_group"} <= set(sanaa)
    table = runner.invoke(app, ["documents", "--db", db])
    assert table.exit_code == 0
    assert "2 documents" in table.stdout


@pytest.mark.model
def test_process_catches_up_stored_documents(tmp_path: Path) -> None:
    """`ingest --no-process` (or an upgrade) leaves documents without current claims;
    `process` extracts exactly those, and a second run finds nothing to do."""
    (tmp_path / "in").mkdir()
    for name, text in {
        "goma.txt": "Fighting near Goma\n\nThe army said 14 M23 fighters were killed near Goma.",
        "gao.txt": "Attack in Mali\n\nOfficials said 6 soldiers were wounded near Gao.",
    }.items():
        (tmp_path / "in" / name).write_text(text + "\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'cc.db'}"
    runner = CliRunner()
    stored = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db, "--no-process"])
    assert stored.exit_code == 0, stored.output
    first = runner.invoke(app, ["process", "--db", db, "--json"])
    assert first.exit_code == 0, first.output
    done = json.loads(first.stdout)
    assert done["documents"] == 2 and done["claims"] >= 2
    again = runner.invoke(app, ["process", "--db", db])
    assert again.exit_code == 0, again.output
    assert "extracted: 0" in again.stdout


@pytest.mark.dev
def test_dev_articles_ingested_twice_are_stored_once(dev_dir: Path, tmp_path: Path) -> None:
    articles = dev_dir / "articles"
    count = len(list(articles.glob("*.txt")))
    db = f"sqlite:///{tmp_path / 'dev.db'}"
    runner = CliRunner()
    args = ["ingest", str(articles), "--db", db, "--no-process", "--json"]
    first = json.loads(runner.invoke(app, args).stdout)
    assert (first["new"], first["already_stored"], first["failed"]) == (count, 0, 0)
    assert count == 15
    second = json.loads(runner.invoke(app, args).stdout)
    assert (second["new"], second["already_stored"], second["failed"]) == (0, count, 0)
