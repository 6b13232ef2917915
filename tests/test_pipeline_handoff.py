"""update_incidents takes the claims extract_claims just stored instead of reading them back,
only while the store is as extraction left it; the incidents are the same either way."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from counterclaim import pipeline
from counterclaim.model import Claim, Document, Place
from counterclaim.settings import load_settings
from counterclaim.store import Store
from factories import claim_at

# Texts written for these tests, one per conflict.
KHARKIV = Document(
    "Strike on Kharkiv\n\nThe mayor said a missile strike killed 6 people and wounded 19 in "
    "Kharkiv on Monday. The army said it downed 14 drones over the region.",
    published=date(2025, 5, 6),
    outlet="Example Kharkiv Post",
)
KHAN_YOUNIS = Document(
    "Khan Younis raid\n\nThe health ministry said 23 people were killed in Khan Younis. The "
    "military said it struck 40 targets overnight.",
    published=date(2025, 3, 12),
    outlet="Example Gaza Wire",
)
EL_FASHER = Document(
    "Attack near El Fasher\n\nThe RSF said it captured 12 soldiers near El Fasher. A local "
    "committee said 31 civilians were killed in the shelling.",
    published=date(2025, 2, 2),
    outlet="Example Darfur Monitor",
)
KHARKIV_PLACE = Place("Kharkiv", 49.99, 36.23, "UA", "Kharkiv Oblast", "geonames", 706483, 1430885)


def extracted(doc: Document) -> list[Claim]:
    """What the extractor might find: hand-made claims, places and dates included."""
    if doc.id == KHARKIV.id:
        return [
            claim_at(doc, "killed 6 people", value=6, claimant="mayor", target="people",
                     target_role="civilian", event_date="2025-05-05", locations=["Kharkiv"],
                     places=[KHARKIV_PLACE], confidence=0.83, stated_on=date(2025, 5, 6)),
            claim_at(doc, "wounded 19", category="wounded", value=19, claimant="mayor",
                     event_date="2025-05-05", locations=["Kharkiv"], places=[KHARKIV_PLACE]),
            claim_at(doc, "downed 14 drones", category="destroyed", value=14, claimant="army",
                     target="drones", target_role="opponent", hedged=True),
        ]  # fmt: skip
    if doc.id == KHAN_YOUNIS.id:
        return [
            claim_at(doc, "23 people were killed", value=23, claimant="health ministry",
                     claimant_aliases=["ministry"], locations=["Khan Younis"],
                     event_date="2025-03-11"),
        ]  # fmt: skip
    return [
        claim_at(doc, "captured 12 soldiers", category="captured", value=12, claimant="RSF",
                 target="soldiers", target_role="opponent", locations=["El Fasher"]),
        claim_at(doc, "31 civilians were killed", value=31, claimant="local committee",
                 value_high=35, qualifier="at_least", locations=["El Fasher"]),
    ]  # fmt: skip


def by_hand(docs, kb, settings):  # type: ignore[no-untyped-def]
    for doc in docs:
        yield doc, extracted(doc), []


def run(store: Store, docs: list[Document]) -> list[Claim]:
    """Store and extract ``docs``; the claims update_incidents will work on."""
    store.add_documents(docs)
    pipeline.extract_claims(
        store, load_settings(environ={}), doc_ids=[d.id for d in docs], claims_of=by_hand
    )
    return pipeline._new_claims(store)


def test_the_claims_just_stored_are_handed_over_equal_to_the_store_read(
    tmp_path: Path,
) -> None:
    store = Store(f"sqlite:///{tmp_path / 'a.db'}")
    store.add_documents([KHARKIV, KHAN_YOUNIS, EL_FASHER])
    pipeline.extract_claims(
        store,
        load_settings(environ={}),
        doc_ids=[EL_FASHER.id, KHARKIV.id, KHAN_YOUNIS.id],
        claims_of=by_hand,
    )
    revision, handed = pipeline._JUST_STORED[store]
    assert revision == store.revision() and len(handed) == 6
    read = store.claims_without_incident_list()
    new = pipeline._new_claims(store)
    assert new == read and [c.id for c in new] == [c.id for c in read]
    assert {id(c) for c in new} == {id(c) for c in handed}  # the very objects, not a read
    assert store not in pipeline._JUST_STORED  # taken once


def test_a_write_after_extraction_makes_update_incidents_read_the_store(
    tmp_path: Path,
) -> None:
    store = Store(f"sqlite:///{tmp_path / 'b.db'}")
    store.add_documents([KHARKIV, KHAN_YOUNIS])
    settings = load_settings(environ={})
    pipeline.extract_claims(store, settings, doc_ids=[KHARKIV.id], claims_of=by_hand)
    _, handed = pipeline._JUST_STORED[store]
    # Another writer stores claims of another document in between
    store.replace_claims({KHAN_YOUNIS.id: extracted(KHAN_YOUNIS)}, "other")
    new = pipeline._new_claims(store)
    assert len(new) == 4 and not {id(c) for c in new} & {id(c) for c in handed}


def test_claims_left_without_incident_by_a_stopped_run_are_read_too(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'c.db'}")
    store.add_documents([KHAN_YOUNIS])
    store.replace_claims({KHAN_YOUNIS.id: extracted(KHAN_YOUNIS)}, "stopped")  # no incidents
    new = run(store, [KHARKIV, EL_FASHER])
    assert len(new) == 6 and new == store.claims_without_incident_list()


def test_incidents_are_the_same_handed_or_read(tmp_path: Path) -> None:
    def incidents(name: str, hand_over: bool) -> list[tuple]:
        store = Store(f"sqlite:///{tmp_path / name}")
        settings = load_settings(environ={})
        for batch in ([KHARKIV, EL_FASHER], [KHAN_YOUNIS]):
            store.add_documents(batch)
            pipeline.extract_claims(
                store, settings, doc_ids=[d.id for d in batch], claims_of=by_hand
            )
            if not hand_over:
                pipeline._JUST_STORED.pop(store)
            pipeline.update_incidents(store)
        return sorted(
            (i.id, i.label, tuple(i.claim_ids), tuple(i.doc_ids)) for i in store.incidents()
        )

    handed = incidents("handed.db", True)
    assert len(handed) >= 2 and handed == incidents("read.db", False)
