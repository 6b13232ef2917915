"""Analysts' reviews teach the model: reviewed claims → ``export --format gold`` →
``counterclaim train`` → ``counterclaim eval`` scores the model against them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from counterclaim import pipeline, review
from counterclaim.cli import app
from counterclaim.settings import load_settings
from counterclaim.store import ClaimFilter, Store

# Short reports written for this test (Yemen, Myanmar, Sahel).
REPORTS = [
    {
        "title": "Strike on Hodeidah port",
        "published": "2025-03-10",
        "text": "Strike on Hodeidah port\n\nThe Houthi health ministry said air strikes on "
        "Hodeidah port killed 12 workers on Sunday. The ministry said 30 other people were "
        "wounded.",
    },
    {
        "title": "Fighting in Myawaddy",
        "published": "2025-02-14",
        "text": "Fighting in Myawaddy\n\nThe Karen National Union said its fighters captured "
        "25 junta soldiers near Myawaddy on Thursday. The military said 4 of its soldiers "
        "were killed.",
    },
    {
        "title": "Attack near Djibo",
        "published": "2025-05-12",
        "text": "Attack near Djibo\n\nThe army of Burkina Faso said it killed 60 militants who "
        "attacked a base near Djibo on Sunday. Residents said 15 civilians were killed in the "
        "village.",
    },
]


@pytest.mark.model
def test_reviewed_claims_round_trip_through_gold_train_and_eval(tmp_path: Path) -> None:
    source = tmp_path / "reports.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in REPORTS) + "\n", encoding="utf-8")
    store = Store(f"sqlite:///{tmp_path / 'ledger.db'}")
    settings = load_settings(environ={})
    pipeline.ingest(store, [str(source)], settings)
    pipeline.process(store, settings)
    docs = store.documents()
    assert len(docs) == 3

    # The analyst goes through each report: one correction, one addition, the rest accepted.
    djibo = next(d for d in docs if "Djibo" in d.text)
    found = store.claims(ClaimFilter(doc_id=djibo.id))
    if not any(c.value == 15 for c in found):
        review.add_claim(
            store,
            djibo.id,
            {"evidence": "15 civilians were killed in the village", "category": "killed",
             "value": 15, "claimant": "residents", "target_role": "civilian"},
            "Aïssata",
        )  # fmt: skip
    else:
        claim = next(c for c in found if c.value == 15)
        review.correct(store, claim.id, {"claimant": "residents"}, "Aïssata")
    for doc in docs:
        review.accept_document(store, doc.id, "Aïssata")

    gold = tmp_path / "export" / "team-gold.jsonl"
    runner = CliRunner()
    db = str(tmp_path / "ledger.db")
    exported = runner.invoke(app, ["export", "--format", "gold", "--output", str(gold), "--db", db])
    assert exported.exit_code == 0, exported.output
    articles = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    assert len(articles) == 3
    for article in articles:
        text = (gold.parent / article["doc"]).read_text(encoding="utf-8")
        assert all(c["evidence"] in text for c in article["claims"])
        assert all(c["review"] in ("accepted", "corrected", "added") for c in article["claims"])
    assert any(c["claimant"] == "residents" and c["value"] == 15
               for a in articles for c in a["claims"])  # fmt: skip

    model = tmp_path / "team-model.json"
    trained = runner.invoke(app, ["train", str(gold), "-o", str(model), "--json"])
    assert trained.exit_code == 0, trained.output
    assert json.loads(model.read_text(encoding="utf-8"))
    scored = runner.invoke(app, ["eval", str(gold), "--model", str(model), "--json"])
    assert scored.exit_code == 0, scored.output
    scores = json.loads(scored.output.strip().splitlines()[-1])
    assert scores["articles"] == 3 and scores["gold_claims"] >= 5
    assert 0.0 <= scores["strict"]["f1"] <= 1.0
    assert scores["loose"]["recall"] > 0.5
