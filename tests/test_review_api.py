"""Review, export and brief endpoints of the API: writes need the token; reads are open."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from counterclaim.model import Incident
from counterclaim.settings import load_settings
from counterclaim.store import Store
from counterclaim.web.app import create_app
from factories import fill_store
from test_review import GOMA, goma_claims

TOKEN = "api-review-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def store() -> Store:
    store = Store(":memory:")
    claims = goma_claims()
    incident = Incident("inc-goma", "sake-2025-01-25", "2025-01-25", None, ["Sake"],
                        claim_ids=[c.id for c in claims], doc_ids=[GOMA.id])  # fmt: skip
    return fill_store(store, [GOMA], claims, incidents=[incident])


def client(store: Store, **settings: str) -> TestClient:
    return TestClient(create_app(store, load_settings(environ={}, **settings)))


def test_review_writes_need_the_token(store: Store) -> None:
    claim_id = goma_claims()[0].id
    closed = client(store)
    assert closed.post(f"/api/claims/{claim_id}/accept", json={}).status_code == 403
    open_ = client(store, api_token=TOKEN)
    response = open_.post(f"/api/claims/{claim_id}/reject", json={"reason": "x"})
    assert response.status_code == 401
    assert response.json()["error"]["message"].startswith("missing bearer token")
    wrong = open_.post(
        f"/api/claims/{claim_id}/reject", json={}, headers={"Authorization": "Bearer no"}
    )
    assert wrong.status_code == 403
    assert store.review_statuses() == {}


def test_correct_add_history_and_export(store: Store) -> None:
    api = client(store, api_token=TOKEN)
    captured, killed = goma_claims()
    corrected = api.post(
        f"/api/claims/{captured.id}/correct",
        json={
            "changes": {"value": 30, "qualifier": "about"},
            "reviewer": "Jean",
            "reason": "re-read",
        },
        headers=AUTH,
    )
    assert corrected.status_code == 200, corrected.text
    assert corrected.json()["claims"][0]["review_status"] == "corrected"
    bad = api.post(
        f"/api/claims/{captured.id}/correct", json={"changes": {"category": "x"}}, headers=AUTH
    )
    assert bad.status_code == 400 and "valid: killed" in bad.json()["error"]["message"]
    added = api.post(
        f"/api/documents/{GOMA.id}/claims",
        json={"evidence": "1,200 families fled the area", "category": "missing", "value": "1200",
              "claimant": "UN agency", "target_role": "civilian"},
        headers=AUTH,
    )  # fmt: skip
    assert added.status_code == 201, added.text
    history = api.get(f"/api/claims/{captured.id}/history").json()
    assert history["machine"]["value"] == 35 and history["current"]["value"] == 30
    assert [r["operation"] for r in history["reviews"]] == ["correct"]
    assert api.get("/api/reviews", params={"incident": "inc-goma"}).json()["total"] == 2
    export = api.get("/api/export", params={"format": "csv", "incident": "inc-goma"})
    assert export.status_code == 200 and "attachment" in export.headers["content-disposition"]
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(export.text))}
    assert rows[captured.id]["value"] == "30" and rows[captured.id]["review"] == "corrected"
    assert rows[killed.id]["review"] == "machine"
    assert api.get("/api/export", params={"format": "pdf"}).status_code == 400
    geojson = api.get("/api/export", params={"format": "geojson"})
    assert geojson.json()["type"] == "FeatureCollection"


def test_merge_actors_needs_a_knowledge_base_file(store: Store, tmp_path: Path) -> None:
    body = {"source": "Goma army spokesman", "into": "M23"}
    refused = client(store, api_token=TOKEN).post("/api/actors/merge", json=body, headers=AUTH)
    assert (
        refused.status_code == 400 and "knowledge-base file" in refused.json()["error"]["message"]
    )
    kb = tmp_path / "team.yaml"
    merged = client(store, api_token=TOKEN, kb=str(kb)).post(
        "/api/actors/merge", json=body, headers=AUTH
    )
    assert merged.status_code == 200, merged.text
    assert "Goma army spokesman" in kb.read_text(encoding="utf-8")


def test_split_and_merge_incident_endpoints(store: Store) -> None:
    api = client(store, api_token=TOKEN)
    captured, _ = goma_claims()
    split = api.post(
        "/api/incidents/inc-goma/split",
        json={"claim_ids": [captured.id], "label": "sake-captives"},
        headers=AUTH,
    )
    assert split.status_code == 200, split.text
    new_id = split.json()["incident"]
    assert api.get(f"/api/incidents/{new_id}").json()["label"] == "sake-captives"
    merged = api.post("/api/incidents/inc-goma/merge", json={"other": new_id}, headers=AUTH)
    assert merged.status_code == 200
    assert api.get(f"/api/incidents/{new_id}").status_code == 404


def test_pages_carry_review_controls_and_exports_without_inline_code(store: Store) -> None:
    api = client(store, api_token=TOKEN)
    for path in ("/", "/incidents/inc-goma", f"/documents/{GOMA.id}", "/incidents/inc-goma/brief"):
        page = api.get(path)
        assert page.status_code == 200
        assert "script-src 'self'" in page.headers["content-security-policy"]
        assert (
            "<script>" not in page.text
            and " style=" not in page.text
            and "<style>" not in page.text
        )
    incident = api.get("/incidents/inc-goma").text
    assert 'id="review-claims"' in incident and 'id="split-form"' in incident
    assert "/api/export?format=acled&amp;incident=inc-goma" in incident
    assert "/api/export?format=geojson" in api.get("/").text
    md = api.get("/api/incidents/inc-goma/brief", params={"format": "md"})
    assert md.headers["content-type"].startswith("text/markdown") and "### Brief" in md.text


def test_openapi_lists_review_endpoints(store: Store) -> None:
    paths = client(store).get("/openapi.json").json()["paths"]
    for path in (
        "/api/claims/{claim_id}/correct",
        "/api/documents/{doc_id}/claims",
        "/api/actors/merge",
        "/api/incidents/{incident_id}/split",
        "/api/reviews",
        "/api/export",
        "/api/incidents/{incident_id}/brief",
    ):
        assert path in paths
