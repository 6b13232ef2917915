"""One registry of settings: name, default, help and validator.

The CLI help, the README table and validation all read ``SETTINGS``; an unknown key is
rejected with the list of valid ones. Values come from defaults, then ``COUNTERCLAIM_*``
environment variables, then explicit overrides (CLI options).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from counterclaim.errors import SettingsError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    parse: Callable[[str], Any] = str
    check: Callable[[Any], bool] = lambda _value: True
    check_help: str = ""


def _positive_int(text: str) -> int:
    return int(text)


def _unit_float(text: str) -> float:
    return float(text)


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "sqlite:///counterclaim.db", "Database URL (SQLite file or PostgreSQL)."),
    Setting(
        "max_file_bytes",
        20_000_000,
        "Largest input file ingest accepts, in bytes.",
        _positive_int,
        lambda v: v > 0,
        "a positive number of bytes",
    ),
    Setting(
        "near_duplicate_threshold",
        0.25,
        "Estimated Jaccard similarity of two documents' content-word sets (MinHash) at or "
        "above which they are candidate copies; a verifier then compares the candidates' "
        "sentences and figures in order (thresholds in data/lexicon/provenance.yaml).",
        _unit_float,
        lambda v: 0.0 < v <= 1.0,
        "a number in (0, 1]",
    ),
    Setting(
        "batch_size",
        64,
        "Documents per spaCy batch and per store transaction.",
        _positive_int,
        lambda v: v > 0,
        "a positive integer",
    ),
    Setting(
        "n_process",
        1,
        "spaCy worker processes for extraction.",
        _positive_int,
        lambda v: v > 0,
        "a positive integer",
    ),
    Setting(
        "document_seconds",
        120,
        "Longest the claim rules may take over one document before it is recorded as "
        "failed (documents --failed); 0 for no limit. Applies where extraction runs in a "
        "process's main thread (ingest, extract, eval, train), not in the server's or Dask's "
        "worker threads.",
        _positive_int,
        lambda v: v >= 0,
        "a number of seconds, 0 or more",
    ),
    Setting("kb", "", "Extra actor knowledge-base files (YAML), separated by os.pathsep."),
    Setting(
        "model",
        "shipped",
        "Decision model for claims: 'shipped' (trained on the shared gold sets), a file "
        "written by `counterclaim train`, or 'none' for the rules alone.",
    ),
    Setting("api_token", "", "Bearer token that enables the API's write endpoints."),
)

SETTINGS_BY_NAME: dict[str, Setting] = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    values: Mapping[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        if name in SETTINGS_BY_NAME:
            return self.values.get(name, SETTINGS_BY_NAME[name].default)
        raise AttributeError(name)

    def with_overrides(self, **overrides: Any) -> Settings:
        merged = dict(self.values)
        for name, value in overrides.items():
            if value is None:
                continue
            merged[name] = validate(name, value)
        return replace(self, values=merged)


def validate(name: str, value: Any) -> Any:
    setting = SETTINGS_BY_NAME.get(name)
    if setting is None:
        valid = ", ".join(sorted(SETTINGS_BY_NAME))
        raise SettingsError(f"unknown setting {name!r}; valid settings: {valid}")
    if isinstance(value, str) and not isinstance(setting.default, str):
        try:
            value = setting.parse(value)
        except ValueError as exc:
            raise SettingsError(
                f"setting {name}={value!r} is not {setting.check_help or 'valid'}"
            ) from exc
    if not setting.check(value):
        raise SettingsError(f"setting {name}={value!r} must be {setting.check_help}")
    return value


def load_settings(environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Defaults, then ``COUNTERCLAIM_<NAME>`` variables, then the overrides given."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        key = f"COUNTERCLAIM_{setting.name.upper()}"
        if environ.get(key):
            values[setting.name] = validate(setting.name, environ[key])
    return Settings(values).with_overrides(**overrides)
