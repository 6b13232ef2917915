"""Loading the package's data files (lexicons, knowledge base, gazetteer supplement)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from counterclaim.errors import KnowledgeBaseError


def data_path(relative: str) -> Path:
    return Path(str(resources.files("counterclaim") / "data" / relative))


@lru_cache(maxsize=64)
def load_data(relative: str) -> Any:
    """A YAML data file shipped in ``counterclaim/data``."""
    return load_yaml_file(data_path(relative))


def load_yaml_file(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError as exc:
        raise KnowledgeBaseError(f"{path}: data file not found") from exc
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"{path}: not valid YAML: {exc}") from exc
