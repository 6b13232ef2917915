"""The extraction version names the decision model by its fingerprint, hashed once."""

from __future__ import annotations

import json
from pathlib import Path

from counterclaim import pipeline
from counterclaim.actors import KnowledgeBase
from counterclaim.decide import load_model, shipped_model_path
from counterclaim.settings import load_settings


def test_version_ends_with_the_model_fingerprint() -> None:
    settings = load_settings(environ={})
    kb = KnowledgeBase.from_settings(settings)
    model = load_model(settings.model)
    assert model is not None
    version = pipeline.extraction_version(kb, settings)
    assert version.endswith("-" + model.fingerprint[:8])
    assert pipeline.extraction_version(kb, settings) == version
    assert len(version) <= 32


def test_rules_only_and_another_model_give_other_versions(tmp_path: Path) -> None:
    settings = load_settings(environ={})
    kb = KnowledgeBase.from_settings(settings)
    shipped = pipeline.extraction_version(kb, settings)
    rules = pipeline.extraction_version(kb, settings.with_overrides(model="none"))
    assert rules.endswith("-rules") and rules != shipped
    data = json.loads(shipped_model_path().read_text(encoding="utf-8"))
    data["meta"] = {**(data.get("meta") or {}), "note": "retrained elsewhere"}
    other = tmp_path / "other.json"
    other.write_text(json.dumps(data), encoding="utf-8")
    changed = pipeline.extraction_version(kb, settings.with_overrides(model=str(other)))
    assert changed != shipped
    assert changed.endswith(load_model(str(other)).fingerprint[:8])  # type: ignore[union-attr]
