"""The evaluation gate: dev-set scores may not fall below pinned floors.

Raise a floor when a change lifts the score for good; never lower one to let a change in.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from counterclaim.cli import app
from counterclaim.evaluate import run_eval

pytestmark = [pytest.mark.model, pytest.mark.dev]

FLOORS = {
    ("strict", "f1"): 0.93,
    ("strict", "recall"): 0.92,
    ("strict", "precision"): 0.93,
    ("loose", "f1"): 0.95,
}
QUALIFIER_FLOOR = 0.95
DATE_FLOOR = 0.93
DATE_1D_FLOOR = 0.96
PLACE_FLOOR = 0.90


@pytest.fixture(scope="module")
def dev_eval(request: pytest.FixtureRequest) -> tuple[dict, list, list]:
    gold = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "gold.jsonl"
    if not gold.is_file():
        pytest.skip(f"dev set not found at {gold} (clone ../shared beside the project)")
    return run_eval(gold)


def test_scores_stay_above_the_floors(dev_eval: tuple[dict, list, list]) -> None:
    scores, _, _ = dev_eval
    for (kind, measure), floor in FLOORS.items():
        assert scores[kind][measure] >= floor, f"{kind} {measure} {scores[kind][measure]} < {floor}"
    assert scores["qualifier_accuracy"] >= QUALIFIER_FLOOR
    assert scores["event_date_accuracy"] >= DATE_FLOOR
    assert scores["event_date_accuracy_1d"] >= DATE_1D_FLOOR
    assert scores["place_resolution"] >= PLACE_FLOOR


def test_predictions_are_in_the_gold_format(dev_eval: tuple[dict, list, list]) -> None:
    _, _, predictions = dev_eval
    assert len(predictions) == 15
    for article in predictions:
        assert set(article) >= {
            "doc",
            "published",
            "syndicated_from",
            "near_duplicate_of",
            "claims",
        }
        for claim in article["claims"]:
            assert set(claim) >= {
                "claimant", "claimant_aliases", "category", "target_role", "value",
                "qualifier", "event_date", "incident", "evidence", "places",
            }  # fmt: skip


def test_eval_command_json_keys(dev_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "predictions.jsonl"
    result = CliRunner().invoke(
        app, ["eval", str(dev_dir / "gold.jsonl"), "--json", "--predictions", str(out)]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(scores) >= {
        "articles", "gold_claims", "predicted_claims", "strict", "loose",
        "event_date_accuracy", "qualifier_accuracy", "incident_bcubed_f1",
        "event_date_accuracy_1d", "per_category", "place_resolution",
    }  # fmt: skip
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["doc"] for line in lines][:1] == ["articles/seed-000.txt"]
