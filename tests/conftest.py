"""Shared fixtures: temporary stores and the dev set (skipped with a reason when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from counterclaim.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV_DIR = SHARED / "eval" / "dev"


@pytest.fixture
def dev_dir() -> Path:
    if not (DEV_DIR / "gold.jsonl").is_file():
        pytest.skip(f"dev set not found at {DEV_DIR} (clone ../shared beside the project)")
    return DEV_DIR


@pytest.fixture
def store() -> Store:
    return Store(":memory:")


@pytest.fixture
def file_store(tmp_path: Path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'test.db'}")
