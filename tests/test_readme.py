"""The README is tested: the Quickstart, every command, every setting.

The settings table is generated from ``settings.SETTINGS``; print it with
``.venv/bin/python tests/test_readme.py`` and paste it under "## Settings".
"""

from __future__ import annotations

import re
from pathlib import Path

import typer

from counterclaim.cli import app
from counterclaim.settings import SETTINGS

README = Path(__file__).resolve().parents[1] / "README.md"
FENCE = re.compile(r"^```[\w-]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def readme() -> str:
    return README.read_text(encoding="utf-8")


def section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", readme(), re.M | re.S)
    assert match, f"README has no section '## {title}'"
    return match.group(1)


def command_names() -> list[str]:
    return sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def settings_table() -> str:
    rows = [
        "| Setting | Environment variable | Default | Meaning |",
        "|---|---|---|---|",
    ]
    for s in SETTINGS:
        default = f"`{s.default}`" if s.default != "" else "(empty)"
        rows.append(f"| `{s.name}` | `COUNTERCLAIM_{s.name.upper()}` | {default} | {s.help} |")
    return "\n".join(rows)


def test_readme_starts_with_a_two_command_quickstart() -> None:
    headings = re.findall(r"^## (.+)$", readme(), re.MULTILINE)
    assert headings and headings[0] == "Quickstart"
    blocks = FENCE.findall(section("Quickstart"))
    assert len(blocks) == 2, "the Quickstart is exactly two fenced commands"
    commands = [
        [line for line in block.splitlines() if line.strip() and not line.startswith("#")]
        for block in blocks
    ]
    assert all(len(lines) == 1 for lines in commands), commands
    install, test = commands[0][0], commands[1][0]
    assert install.startswith("python3 -m venv .venv")
    assert "counterclaim demo" in install
    assert test == "bash scripts/test.sh"


def test_every_command_is_in_the_readme() -> None:
    text = readme()
    missing = [n for n in command_names() if f"counterclaim {n}" not in text]
    assert not missing, f"README mentions no `counterclaim <command>` for: {missing}"


def test_commands_named_in_the_readme_exist() -> None:
    known = set(command_names())
    named = set(re.findall(r"\bcounterclaim ([a-z][a-z-]*)\b", readme()))
    assert named - known == set(), f"README names commands the CLI lacks: {named - known}"


def test_settings_table_is_generated_from_the_registry() -> None:
    text = section("Settings")
    for s in SETTINGS:
        assert f"`{s.name}`" in text, f"setting {s.name} missing from the README table"
    assert settings_table() in text, (
        "the README settings table is out of date; replace it with:\n\n" + settings_table()
    )


def test_export_formats_are_documented() -> None:
    text = section("Exports")
    for word in ("csv", "jsonl", "geojson", "acled", "fatalities_<claimant>", "notes"):
        assert word in text


if __name__ == "__main__":
    print(settings_table())
