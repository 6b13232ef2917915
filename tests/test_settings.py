"""The settings registry: unknown names, precedence (default < environment < override), bad
values, and how the CLI reports them."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from counterclaim.cli import app
from counterclaim.errors import SettingsError
from counterclaim.settings import SETTINGS, SETTINGS_BY_NAME, Settings, load_settings, validate


def test_every_setting_has_help_and_a_valid_default() -> None:
    assert len(SETTINGS_BY_NAME) == len(SETTINGS), "duplicate setting names"
    for setting in SETTINGS:
        assert setting.name.isidentifier() and setting.name.islower()
        assert setting.help.strip().endswith("."), setting.name
        assert validate(setting.name, setting.default) == setting.default


def test_defaults_apply_without_environment() -> None:
    settings = load_settings({})
    for setting in SETTINGS:
        assert getattr(settings, setting.name) == setting.default


def test_unknown_setting_is_rejected_with_the_valid_names() -> None:
    with pytest.raises(SettingsError) as caught:
        validate("batchsize", 10)
    message = str(caught.value)
    assert "'batchsize'" in message
    for setting in SETTINGS:
        assert setting.name in message
    with pytest.raises(SettingsError, match=r"valid settings: .*max_file_bytes"):
        load_settings({}, max_bytes=10)
    with pytest.raises(SettingsError, match="unknown setting 'colour'"):
        Settings().with_overrides(colour="red")


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        _ = Settings().no_such_setting


def test_environment_overrides_defaults_and_options_override_environment() -> None:
    env = {
        "COUNTERCLAIM_BATCH_SIZE": "8",
        "COUNTERCLAIM_DB": "sqlite:///from-env.db",
        "COUNTERCLAIM_NEAR_DUPLICATE_THRESHOLD": "0.8",
    }
    from_env = load_settings(env)
    assert from_env.batch_size == 8  # parsed from text
    assert from_env.db == "sqlite:///from-env.db"
    assert from_env.near_duplicate_threshold == pytest.approx(0.8)
    assert from_env.n_process == 1  # not in the environment: default
    overridden = load_settings(env, batch_size=4, db=None)
    assert overridden.batch_size == 4
    assert overridden.db == "sqlite:///from-env.db"  # None means "not given on the CLI"


def test_empty_and_foreign_environment_variables_are_ignored() -> None:
    env = {
        "COUNTERCLAIM_BATCH_SIZE": "",
        "COUNTERCLAIM_TEST_PG_URL": "postgresql://x@localhost/y",  # the test scripts' variable
        "BATCH_SIZE": "3",
    }
    assert load_settings(env).batch_size == SETTINGS_BY_NAME["batch_size"].default


def test_process_environment_is_read_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUNTERCLAIM_N_PROCESS", "2")
    assert load_settings().n_process == 2


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("batch_size", "many", "batch_size='many' is not a positive integer"),
        ("batch_size", "0", "batch_size=0 must be a positive integer"),
        ("batch_size", "2.5", "is not a positive integer"),
        ("n_process", "-1", "must be a positive integer"),
        ("max_file_bytes", "lots", "is not a positive number of bytes"),
        ("max_file_bytes", 0, "must be a positive number of bytes"),
        ("near_duplicate_threshold", "0", "must be a number in (0, 1]"),
        ("near_duplicate_threshold", "1.5", "must be a number in (0, 1]"),
        ("near_duplicate_threshold", "half", "is not a number in (0, 1]"),
    ],
)
def test_bad_values_are_rejected_with_what_is_expected(
    name: str, value: object, message: str
) -> None:
    with pytest.raises(SettingsError) as caught:
        validate(name, value)
    assert message in str(caught.value)


def test_bad_environment_value_names_the_setting() -> None:
    with pytest.raises(SettingsError, match="batch_size='ten'"):
        load_settings({"COUNTERCLAIM_BATCH_SIZE": "ten"})


def test_bad_values_accepted_at_the_edges() -> None:
    assert validate("near_duplicate_threshold", "1") == 1.0
    assert validate("max_file_bytes", "1") == 1
    assert validate("kb", "") == ""  # text settings are kept as given


def test_cli_reports_a_bad_setting_in_one_line(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("Yemen: the coalition said it hit 4 boats off Hodeidah.\n")
    db = f"sqlite:///{tmp_path / 'cc.db'}"
    result = CliRunner().invoke(
        app, ["ingest", str(source), "--db", db, "--max-file-bytes", "0", "--no-process"]
    )
    assert result.exit_code == 2
    assert "max_file_bytes=0 must be a positive number of bytes" in result.output
    assert "Traceback" not in result.output


def test_cli_reads_the_database_from_the_environment(tmp_path: Path) -> None:
    source = tmp_path / "b.txt"
    source.write_text("Sahel: the junta said 12 fighters were killed near Menaka.\n")
    db = f"sqlite:///{tmp_path / 'env.db'}"
    runner = CliRunner()
    env = {"COUNTERCLAIM_DB": db}
    result = runner.invoke(app, ["ingest", str(source), "--no-process", "--json"], env=env)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "env.db").is_file()
    listed = runner.invoke(app, ["documents", "--json"], env=env)
    assert listed.exit_code == 0
    assert '"source"' in listed.stdout and "b.txt" in listed.stdout
