"""One document's failure never blocks the store: claim identity, bad figures, odd dates,
huge texts, and failures recorded against their document."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from counterclaim import pipeline
from counterclaim.cli import app
from counterclaim.errors import InputError
from counterclaim.ingest import parse_text
from counterclaim.model import EXTRACTION_FAILED, Document, claim_id
from counterclaim.nlp import text_pieces
from counterclaim.numbers import MAX_COUNT, parse_number
from counterclaim.settings import load_settings
from counterclaim.store import Store

runner = CliRunner()


def test_claim_id_tells_apart_the_same_figure_twice_in_one_sentence() -> None:
    first = claim_id("d", 0, 60, "killed", 2, count_start=0)
    second = claim_id("d", 0, 60, "killed", 2, count_start=20)
    assert first != second
    assert claim_id("d", 0, 60, "killed", 2) == claim_id("d", 0, 60, "killed", 2)


def test_numbers_beyond_any_count_are_not_counts() -> None:
    assert parse_number("99999999999999999999") is None
    assert parse_number("9" * 5000) is None
    assert parse_number(str(MAX_COUNT)) == MAX_COUNT
    assert parse_number("1,200") == 1200


def test_pieces_of_a_long_text_join_to_the_text() -> None:
    text = ("Fighting went on near the river.\n" * 50) + "x" * 300 + " tail"
    pieces = text_pieces(text, size=100)
    assert "".join(pieces) == text
    assert all(len(p) <= 100 for p in pieces)


def test_a_far_future_published_date_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="published date"):
        parse_text("feed.jsonl", "Two soldiers died.", metadata={"published": "9999-12-31"})


@pytest.mark.model
def test_same_figure_twice_in_one_sentence_is_two_claims(store: Store) -> None:
    text = (
        "Two soldiers and two civilians were killed when rebels attacked a checkpoint near "
        "Goma on Monday, the army said.\n\nFive houses were burned in the village."
    )
    store.add_documents([Document(text=text, published=date(2025, 3, 4))])
    pipeline.process(store, load_settings(db=store.url))
    claims = store.claims()
    killed = [c for c in claims if c.category == "killed"]
    assert len(killed) == 2
    assert len({c.id for c in claims}) == len(claims)


@pytest.mark.model
def test_one_failing_document_is_recorded_and_the_rest_stored(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import counterclaim.resolve as resolve

    real = resolve.resolve_document

    def explode_on_marker(doc: Document, extractions, kb, **options):  # type: ignore[no-untyped-def]
        if "Zorvania" in doc.text:
            raise RuntimeError("boom")
        return real(doc, extractions, kb, **options)

    monkeypatch.setattr(resolve, "resolve_document", explode_on_marker)
    bad = Document(text="In Zorvania, rebels said they killed 12 soldiers on Friday.")
    good = Document(text="Police in Kano said three people were killed in a market blast.")
    store.add_documents([bad, good])
    settings = load_settings(db=store.url)
    pipeline.process(store, settings)
    assert store.claims() and all(c.doc_id == good.id for c in store.claims())
    failed = store.documents(failed=True)
    assert [d.id for d in failed] == [bad.id]
    assert failed[0].flags[0].kind == EXTRACTION_FAILED
    assert "boom" in failed[0].flags[0].message
    # The next run does not retry it (nothing stale) and does not fail.
    assert pipeline.process(store, settings)["documents"] == 0


@pytest.mark.model
def test_documents_failed_lists_the_reason(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cc.db'}"
    store = Store(db)
    doc = Document(text="Gunmen killed four villagers near Mopti, officials said.")
    store.add_documents([doc])
    store.replace_claims({doc.id: []}, "v", {doc.id: [pipeline.failure_flag("parse blew up")]})
    store.close()
    result = runner.invoke(app, ["documents", "--failed", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.output)
    assert [d["id"] for d in listed] == [doc.id]
    assert "parse blew up" in listed[0]["flags"][0]["message"]


@pytest.mark.model
def test_a_text_longer_than_the_parser_takes_is_parsed_in_pieces(store: Store) -> None:
    filler = "The council met again to discuss the budget for roads.\n" * 1200
    text = filler + "Militants killed 7 soldiers in an ambush near Kidal, the army said.\n"
    assert len(text) > 60_000
    doc = Document(text=text, published=date(2024, 5, 2))
    store.add_documents([doc])
    pipeline.process(store, load_settings(db=store.url))
    claims = store.claims()
    assert [c.value for c in claims] == [7]
    assert text[claims[0].span_start : claims[0].span_end] == claims[0].evidence


def test_time_limit_interrupts_the_block_in_the_main_thread() -> None:
    import time

    from counterclaim.nlp import ExtractionTimeout, time_limit

    with pytest.raises(ExtractionTimeout, match=r"0\.2 s"), time_limit(0.2):
        time.sleep(5)
    with time_limit(0):  # no limit
        time.sleep(0.01)


@pytest.mark.model
def test_a_document_over_the_time_limit_is_recorded_as_failed(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    import counterclaim.extract as extract

    real = extract.find_extractions

    def slow_on_marker(doc, **kwargs):  # type: ignore[no-untyped-def]
        if "Zorvania" in doc.text:
            time.sleep(5)
        return real(doc, **kwargs)

    monkeypatch.setattr(extract, "find_extractions", slow_on_marker)
    slow = Document(text="In Zorvania, rebels said they killed 12 soldiers on Friday.")
    good = Document(text="Police in Kano said three people were killed in a market blast.")
    store.add_documents([slow, good])
    settings = load_settings(db=store.url, document_seconds="1")
    started = time.monotonic()
    pipeline.process(store, settings)
    assert time.monotonic() - started < 5
    failed = store.documents(failed=True)
    assert [d.id for d in failed] == [slow.id]
    assert "document_seconds" in failed[0].flags[0].message
    assert {c.doc_id for c in store.claims()} == {good.id}


def test_the_api_lists_failed_documents_with_the_reason(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from counterclaim.web.app import create_app

    store = Store(f"sqlite:///{tmp_path / 'api.db'}")
    bad = Document(text="Gunmen killed four villagers near Mopti, officials said.")
    good = Document(text="Police in Kano said three people were killed in a market blast.")
    store.add_documents([bad, good])
    store.replace_claims({bad.id: []}, "v", {bad.id: [pipeline.failure_flag("parse blew up")]})
    client = TestClient(create_app(store, load_settings(environ={})))
    answer = client.get("/api/documents", params={"failed": "true"})
    assert answer.status_code == 200
    items = answer.json()["items"]
    assert [d["id"] for d in items] == [bad.id]
    assert items[0]["flags"][0]["message"] == "parse blew up"
    assert len(client.get("/api/documents").json()["items"]) == 2


@pytest.mark.model
def test_worker_processes_parse_and_the_rules_run_here() -> None:
    from counterclaim.nlp import parse_documents

    documents = [
        Document(text="Rebels killed 9 soldiers near Kidal on Monday, the army said."),
        Document(text="Shelling wounded 14 civilians in El Fasher, a health official said."),
        Document(text="Police said gunmen abducted 11 villagers in Zamfara on Sunday."),
    ]

    def found(n_process: int) -> list[tuple[str, int | None, str]]:
        return [
            (document.id, e.count.value, e.category)
            for document, parsed in parse_documents(documents, batch_size=2, n_process=n_process)
            for e in parsed._.extractions
        ]

    single = found(1)
    assert len(single) == 3
    assert found(2) == single
