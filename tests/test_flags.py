"""Alias conflicts found at extraction are stored on the document and shown everywhere a
document is: the store, `counterclaim documents`, the API and the dashboard page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from counterclaim import pipeline
from counterclaim.cli import app
from counterclaim.model import Document
from counterclaim.settings import load_settings
from counterclaim.store import Store
from counterclaim.web.app import create_app

# Texts written for these tests: a spelled-out name followed by another group's acronym.
CONFLICTING = {
    "BLF/BLA": (
        "Quetta ambush\n\nThe Balochistan Liberation Front (BLA) said its fighters killed 12 "
        "soldiers in Kech on Monday.",
        ("blf", "bla"),
    ),
    "RSF/SAF": (
        "Darfur fighting\n\nThe Rapid Support Forces (SAF) said they had killed 40 fighters "
        "near El Fasher.",
        ("rsf", "saf"),
    ),
    "ISWAP/JNIM": (
        "Borno raid\n\nThe Islamic State West Africa Province (JNIM) said it killed 9 soldiers "
        "in Borno.",
        ("iswap", "jnim"),
    ),
}
CONSISTENT = (
    "Kech ambush\n\nThe Baloch Liberation Army (BLA) said its fighters killed 12 soldiers in "
    "Kech on Monday."
)


@pytest.fixture
def processed(tmp_path: Path) -> tuple[Store, dict[str, Document]]:
    store = Store(f"sqlite:///{tmp_path / 'flags.db'}")
    docs = {name: Document(text=text) for name, (text, _) in CONFLICTING.items()}
    docs["consistent"] = Document(text=CONSISTENT)
    store.add_documents(list(docs.values()))
    pipeline.process(store, load_settings(db=store.url, environ={}))
    return store, docs


@pytest.mark.parametrize("name", sorted(CONFLICTING))
def test_a_contradictory_acronym_flags_its_document(processed, name: str) -> None:  # type: ignore[no-untyped-def]
    store, docs = processed
    [flag] = store.document(docs[name].id).flags
    text, actors = CONFLICTING[name]
    assert flag.kind == "alias_conflict"
    assert flag.actors == actors
    assert text[flag.start : flag.end] == flag.surface
    assert flag.surface.endswith(")") and "check which is meant" in flag.message


def test_a_consistent_acronym_is_not_flagged(processed) -> None:  # type: ignore[no-untyped-def]
    store, docs = processed
    assert store.document(docs["consistent"].id).flags == []
    flagged = {d.id for d in store.documents(flagged=True)}
    assert flagged == {docs[name].id for name in CONFLICTING}


def test_claims_of_a_flagged_document_keep_clean_aliases(processed) -> None:  # type: ignore[no-untyped-def]
    store, docs = processed
    [killed] = [c for c in store.claims() if c.doc_id == docs["BLF/BLA"].id]
    for alias in killed.claimant_aliases:
        assert alias.count("(") == alias.count(")") and "()" not in alias


def test_cli_lists_flagged_documents(processed) -> None:  # type: ignore[no-untyped-def]
    store, docs = processed
    result = CliRunner().invoke(app, ["documents", "--flagged", "--json", "--db", store.url])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert {d["id"] for d in listed} == {docs[name].id for name in CONFLICTING}
    assert all(d["flags"][0]["kind"] == "alias_conflict" for d in listed)
    table = CliRunner().invoke(app, ["documents", "--flagged", "--db", store.url])
    assert "3 flagged documents" in table.stdout


def test_api_and_dashboard_show_flags(processed) -> None:  # type: ignore[no-untyped-def]
    store, docs = processed
    client = TestClient(create_app(store, load_settings(db=store.url, environ={})))
    listed = client.get("/api/documents", params={"flagged": "true"}).json()
    assert listed["total"] == 3
    one = client.get(f"/api/documents/{docs['RSF/SAF'].id}").json()
    assert one["flags"][0]["surface"] == "Rapid Support Forces (SAF)"
    assert client.get(f"/api/documents/{docs['consistent'].id}").json()["flags"] == []
    page = client.get(f"/documents/{docs['RSF/SAF'].id}").text
    assert 'id="flags"' in page and "Rapid Support Forces (SAF)" in page
    assert 'id="flags"' not in client.get(f"/documents/{docs['consistent'].id}").text
    assert "to check" in client.get("/documents").text
