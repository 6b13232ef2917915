"""The shipped decision model is what `counterclaim train` makes from the shared gold sets.

Training reproduces it: a model trained here on the same files scores within 0.02 strict F1
of the shipped one on a fold of the train corpus. CI trains nothing else; every command
loads the shipped model by default.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from counterclaim.decide import decide, load_model
from counterclaim.evaluate import assign_folds, load_gold, score
from counterclaim.settings import load_settings

pytestmark = [pytest.mark.model, pytest.mark.dev]

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"
GOLD = [SHARED / "train" / "gold.jsonl", SHARED / "dev" / "gold.jsonl"]


def test_the_default_setting_is_the_shipped_model() -> None:
    assert load_settings(environ={}).model == "shipped"
    shipped = load_model("shipped")
    assert shipped is not None
    assert shipped.meta["trained_on"] == ["train/gold.jsonl", "dev/gold.jsonl"]


def test_training_reproduces_the_shipped_model_on_one_fold() -> None:
    from counterclaim.actors import KnowledgeBase
    from counterclaim.training import find_candidates, read_gold_documents, train_on

    if not all(path.is_file() for path in GOLD):
        pytest.skip(f"gold sets not found under {SHARED} (clone ../shared beside the project)")
    gold_docs = []
    for path in GOLD:
        gold_docs += read_gold_documents(load_gold(path), path.parent)
    find_candidates(gold_docs, KnowledgeBase.from_settings(load_settings(environ={})))
    retrained = train_on(gold_docs)
    shipped = load_model("shipped")

    train_articles = [g.article for g in gold_docs if "region" in g.article]
    _name, fold = assign_folds(train_articles, folds=5)[0]
    texts = {g.key: g.document.text for g in gold_docs}

    def strict_f1(model: object) -> float:
        predicted = {
            gold_docs[i].key: [c.to_gold() for c in decide(gold_docs[i].candidates, model)]
            for i in fold
        }
        return score([train_articles[i] for i in fold], predicted, texts)[0]["strict"]["f1"]

    assert abs(strict_f1(retrained) - strict_f1(shipped)) <= 0.02
    assert retrained.meta["decisions"] == shipped.meta["decisions"]
