"""The Store on every backend: these test bodies run on SQLite here and on PostgreSQL in
tests/test_postgres.py, which re-collects them with its own ``db`` fixture."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from counterclaim.errors import NotFoundError, StoreError
from counterclaim.model import Claim, Document, DocumentFlag, Incident, Place
from counterclaim.store import MIGRATIONS, ClaimFilter, Store
from factories import claim, doc, fill_store


@pytest.fixture(params=["sqlite-memory", "sqlite-file"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    url = ":memory:" if request.param == "sqlite-memory" else f"sqlite:///{tmp_path / 'cc.db'}"
    store = Store(url)
    yield store
    store.close()


def head_revision() -> str:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    heads = ScriptDirectory.from_config(config).get_heads()
    assert len(heads) == 1, f"migrations have more than one head: {heads}"
    return heads[0]


# -- sample data: texts written for these tests -------------------------------------------------
KHARTOUM = doc(
    "Sudan fighting\n\nKHARTOUM (Reuters) - The paramilitary force said it had killed 40 "
    "soldiers near the river crossing; the army said it lost 6 men.",
    url="https://example.org/sudan/1",
    title="Sudan fighting",
    outlet="Example Wire",
    published=date(2024, 5, 3),
    syndicated_from="Reuters",
    dateline_place="Khartoum",
    metadata={"dateline": {"place": "Khartoum", "agency": "Reuters"}, "tags": ["Sudan", "RSF"]},
)
KHAN_YUNIS = doc(
    "Strikes on Khan Yūnis: the health ministry counted 23 dead and 51 wounded overnight.",
    outlet="Desk Ωmega",
    published=date(2024, 1, 14),
    metadata={"note": "non-ASCII: Yūnis, Ωmega"},
)
KYIV = doc(
    "Kyiv said air defences downed 31 of 34 drones; Moscow claimed 12 targets were hit.",
    published=date(2025, 3, 9),
)


def sample_claims() -> list[Claim]:
    gaza_ministry = {
        "claimant": "Gaza health ministry",
        "target": "people",
        "target_role": "civilian",
        "event_date": "2024-01-13",
        "locations": ["Khan Yūnis"],
    }
    return [
        claim(
            KHARTOUM.id,
            20,
            claimant="Rapid Support Forces",
            claimant_aliases=["RSF"],
            claimant_actor="rsf",
            target="soldiers",
            target_actor="saf",
            target_role="opponent",
            value=40,
            evidence="it had killed 40 soldiers near the river crossing",
            event_date="2024-05-02",
            locations=["Khartoum"],
            places=[Place("Khartoum", 15.55, 32.53, "SD", "Khartoum", "geonames", 379252, 1974647)],
            hedged=True,
            confidence=0.8,
            origin="Reuters",
            stated_on=date(2024, 5, 3),
        ),
        claim(
            KHARTOUM.id,
            90,
            claimant="Sudanese Armed Forces",
            claimant_actor="saf",
            target="men",
            target_role="own",
            value=6,
            evidence="the army said it lost 6 men",
            event_date="2024-05-02/2024-05-03",
            locations=["Khartoum", "Omdurman"],
        ),
        claim(
            KHAN_YUNIS.id,
            40,
            value=23,
            evidence="the health ministry counted 23 dead",
            **gaza_ministry,
            places=[Place("Khan Yūnis", 31.34, 34.30, "PS", None, "supplement")],
        ),
        claim(
            KHAN_YUNIS.id,
            60,
            category="wounded",
            value=51,
            value_high=55,
            qualifier="about",
            evidence="51 wounded overnight",
            **gaza_ministry,
        ),
        claim(
            KYIV.id,
            5,
            category="destroyed",
            claimant="Ukrainian Air Force",
            target="drones",
            target_role="opponent",
            value=31,
            evidence="air defences downed 31 of 34 drones",
            event_date="2025-03-08",
            locations=["Kyiv"],
        ),
        claim(
            KYIV.id,
            50,
            category="attacks",
            claimant="Russian Defence Ministry",
            target="targets 100% hit_rate",  # LIKE wildcards in stored text
            target_role="opponent",
            value=None,
            qualifier="vague",
            evidence="Moscow claimed 12 targets were hit",
        ),
    ]


def filled(db: Store) -> Store:
    return fill_store(db, [KHARTOUM, KHAN_YUNIS, KYIV], sample_claims(), "test-1")


def ids(claims: list[Claim]) -> list[str]:
    return sorted(c.id for c in claims)


# -- schema -----------------------------------------------------------------------------------
def test_migrations_reach_head_and_create_every_table(db: Store) -> None:
    assert db.schema_revision() == head_revision()
    tables = set(inspect(db.engine).get_table_names())
    for name in ("documents", "claims", "incidents", "ingest_failures", "lsh_bands", "minhashes"):
        assert name in tables


def test_migrating_again_changes_nothing(db: Store) -> None:
    filled(db)
    db.migrate()
    assert db.schema_revision() == head_revision()
    assert db.document_count() == 3
    assert db.claim_count() == len(sample_claims())


def test_reopening_a_file_store_keeps_its_data(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'again.db'}"
    first = Store(url)
    first.add_documents([KYIV])
    first.close()
    second = Store(url)
    assert [d.id for d in second.documents()] == [KYIV.id]
    assert second.schema_revision() == head_revision()


def test_bare_path_is_an_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "bare.db"
    Store(str(path)).add_documents([KYIV])
    assert path.is_file()


def test_unopenable_database_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot"):
        Store(f"sqlite:///{tmp_path / 'no' / 'such' / 'folder' / 'x.db'}")


# -- documents --------------------------------------------------------------------------------
def test_add_documents_is_idempotent(db: Store) -> None:
    assert db.add_documents([KHARTOUM, KYIV]) == [True, True]
    assert db.add_documents([KYIV, KHAN_YUNIS, KHAN_YUNIS]) == [False, True, False]
    assert db.add_documents([]) == []
    assert db.document_count() == 3


def test_same_text_with_other_whitespace_is_the_same_document(db: Store) -> None:
    spaced = Document(text="  " + KYIV.text.replace(" ", "  \t") + "\r\n\r\n")
    assert spaced.id == KYIV.id
    assert db.add_documents([KYIV, spaced]) == [True, False]


def test_document_round_trip(db: Store) -> None:
    db.add_documents([KHARTOUM, KHAN_YUNIS])
    got = db.document(KHARTOUM.id)
    assert got == KHARTOUM
    assert got.published == date(2024, 5, 3)
    assert got.metadata["dateline"] == {"place": "Khartoum", "agency": "Reuters"}
    assert db.document(KHAN_YUNIS.id).metadata == {"note": "non-ASCII: Yūnis, Ωmega"}
    with pytest.raises(NotFoundError, match="no document"):
        db.document("0" * 16)


def test_documents_listing_limit_offset_and_ids(db: Store) -> None:
    filled(db)
    everything = db.documents()
    assert len(everything) == 3
    assert db.documents(limit=2) == everything[:2]
    assert db.documents(limit=2, offset=2) == everything[2:]
    assert {d.id for d in db.documents(ids=[KYIV.id, "missing"])} == {KYIV.id}
    assert db.documents(ids=[]) == []
    assert [d.id for d in db.iter_documents(batch_size=2)] == [d.id for d in everything]


def test_documents_needing_extraction(db: Store) -> None:
    db.add_documents([KHARTOUM, KHAN_YUNIS, KYIV])
    assert set(db.documents_needing_extraction("v1")) == {KHARTOUM.id, KHAN_YUNIS.id, KYIV.id}
    db.replace_claims({KHARTOUM.id: [], KYIV.id: []}, "v1")
    assert db.documents_needing_extraction("v1") == [KHAN_YUNIS.id]
    assert len(db.documents_needing_extraction("v2")) == 3


def test_provenance_and_duplicate_groups(db: Store) -> None:
    db.add_documents([KHARTOUM, KHAN_YUNIS, KYIV])
    db.set_provenance(KHARTOUM.id, near_duplicate_group="g1", origin="RSF")
    db.set_provenance(KYIV.id, near_duplicate_group="g1", syndicated_from="AFP")
    db.set_provenance(KHAN_YUNIS.id)  # nothing to set: no change, no error
    groups = db.duplicate_groups()
    assert list(groups) == ["g1"]
    assert {d.id for d in groups["g1"]} == {KHARTOUM.id, KYIV.id}
    assert db.document(KHARTOUM.id).origin == "RSF"
    assert db.document(KHARTOUM.id).syndicated_from == "Reuters"  # kept, not overwritten
    assert db.document(KYIV.id).syndicated_from == "AFP"


def test_minhash_signatures_and_lsh_candidates(db: Store) -> None:
    db.add_documents([KHARTOUM, KYIV])
    big = [2**32 - 1, 0, 12345, 2**31]
    db.add_signature(KHARTOUM.id, big, ["a1", "b1", "c1"])
    db.add_signature(KYIV.id, [1, 2, 3, 4], ["a2", "b1", "c2"])
    db.add_signature(KYIV.id, [1, 2, 3, 5], ["a2", "b1", "c2"])  # replaces, no duplicate key
    assert db.signatures([KHARTOUM.id, KYIV.id]) == {KHARTOUM.id: big, KYIV.id: [1, 2, 3, 5]}
    assert db.signatures([]) == {}
    assert db.lsh_candidates(["zz", "b1", "zz"]) == {KHARTOUM.id, KYIV.id}
    assert db.lsh_candidates(["a1", "x", "y"]) == {KHARTOUM.id}
    assert db.lsh_candidates(["b1"]) == set()  # band 0 holds a1/a2, not b1
    assert db.lsh_candidates([]) == set()


def test_bulk_signatures_and_duplicate_groups(db: Store) -> None:
    db.add_documents([KHARTOUM, KHAN_YUNIS, KYIV])
    db.add_signatures([])
    db.add_signatures(
        [
            (KHARTOUM.id, [1, 2], ["k0", "shared"]),
            (KHAN_YUNIS.id, [3, 4], ["g0", "shared"]),
            (KYIV.id, [5, 6], ["u0", "u1"]),
        ]
    )
    db.add_signatures([(KYIV.id, [7, 8], ["u0", "shared"])])  # re-indexing replaces
    assert db.signatures([KYIV.id]) == {KYIV.id: [7, 8]}
    assert db.lsh_candidates(["none", "shared"]) == {KHARTOUM.id, KHAN_YUNIS.id, KYIV.id}
    db.set_duplicate_groups({KHARTOUM.id: "grp-a", KYIV.id: "grp-a", KHAN_YUNIS.id: "grp-b"})
    db.set_duplicate_groups({})
    assert sorted(db.duplicate_group_members("grp-a")) == sorted([KHARTOUM.id, KYIV.id])
    assert db.duplicate_group_members("grp-none") == []
    assert sorted(db.duplicate_groups()) == ["grp-a", "grp-b"]


def test_failures_recorded_newest_first(db: Store) -> None:
    db.record_failures([("a.txt", "empty file"), ("b.bin", "binary file")])
    db.record_failures([])
    db.record_failures([("feed.xml#3", "feed entry has no text")])
    assert db.failures() == [
        ("feed.xml#3", "feed entry has no text"),
        ("b.bin", "binary file"),
        ("a.txt", "empty file"),
    ]
    assert db.failures(limit=1) == [("feed.xml#3", "feed entry has no text")]


def test_a_failing_document_batch_stores_none_of_it(db: Store) -> None:
    broken = Document(text="A report from Goma that will lose its text before storing.")
    broken.text = None  # type: ignore[assignment]  # violates NOT NULL inside the batch
    with pytest.raises(IntegrityError):
        db.add_documents([KHARTOUM, KYIV, broken, KHAN_YUNIS])
    assert db.document_count() == 0
    assert db.add_documents([KHARTOUM, KYIV, KHAN_YUNIS]) == [True, True, True]


# -- claims -----------------------------------------------------------------------------------
def test_claims_round_trip_with_json_columns(db: Store) -> None:
    filled(db)
    stored = {c.id: c for c in db.claims()}
    for original in sample_claims():
        assert stored[original.id] == original
    rsf = stored[sample_claims()[0].id]
    assert rsf.places[0] == Place(
        "Khartoum", 15.55, 32.53, "SD", "Khartoum", "geonames", 379252, 1974647
    )
    assert rsf.claimant_aliases == ["RSF"]
    assert rsf.hedged is True
    assert rsf.stated_on == date(2024, 5, 3)
    assert db.claim_count() == len(sample_claims())


def test_replace_claims_replaces_only_the_documents_given(db: Store) -> None:
    filled(db)
    newer = claim(KYIV.id, 7, claimant="Ukrainian Air Force", value=30, category="destroyed")
    db.replace_claims({KYIV.id: [newer]}, "test-2")
    assert ids(db.claims(ClaimFilter(doc_id=KYIV.id))) == [newer.id]
    assert len(db.claims(ClaimFilter(doc_id=KHARTOUM.id))) == 2
    db.replace_claims({}, "test-3")  # nothing to do
    assert db.claim_count() == 5


ALIAS_FLAG = DocumentFlag(
    kind="alias_conflict",
    surface="Rapid Support Forces (SAF)",
    start=4,
    end=30,
    message="'Rapid Support Forces' names RSF but 'SAF' stands for SAF: check which is meant",
    actors=("rsf", "saf"),
)


def test_flags_are_stored_with_claims_and_cleared_by_the_next_extraction(db: Store) -> None:
    filled(db)
    assert db.documents(flagged=True) == []
    db.replace_claims({KHARTOUM.id: [], KYIV.id: []}, "test-2", {KHARTOUM.id: [ALIAS_FLAG]})
    assert db.document(KHARTOUM.id).flags == [ALIAS_FLAG]
    assert [d.id for d in db.documents(flagged=True)] == [KHARTOUM.id]
    assert db.document(KYIV.id).flags == []
    db.replace_claims({KHARTOUM.id: []}, "test-3")  # re-extracted: the flag no longer holds
    assert db.document(KHARTOUM.id).flags == []
    assert db.documents(flagged=True) == []


def test_a_database_made_before_flags_existed_gains_them(db: Store) -> None:
    filled(db)
    with db.engine.begin() as conn:
        conn.execute(text("ALTER TABLE documents DROP COLUMN flags"))
        conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    db.migrate()
    assert db.schema_revision() == head_revision()
    assert [d.flags for d in db.documents()] == [[], [], []]
    assert db.document_count() == 3 and db.claim_count() == len(sample_claims())


def test_claims_of_an_unknown_document_roll_back_the_whole_replacement(db: Store) -> None:
    filled(db)
    before = ids(db.claims())
    orphan = claim("f" * 16, 1, claimant="nobody")  # violates the documents foreign key
    with pytest.raises(StoreError):
        db.replace_claims({KHARTOUM.id: [orphan], KYIV.id: []}, "test-2")
    assert ids(db.claims()) == before  # the delete that ran first was rolled back too
    assert db.documents_needing_extraction("test-1") == []


FILTER_CASES = [
    (ClaimFilter(), [0, 1, 2, 3, 4, 5]),
    (ClaimFilter(claimant="gaza HEALTH ministry"), [2, 3]),
    (ClaimFilter(category="wounded"), [3]),
    (ClaimFilter(target_role="opponent"), [0, 4, 5]),
    (ClaimFilter(doc_id=KYIV.id), [4, 5]),
    (ClaimFilter(date_from="2024-05-01"), [0, 1, 4]),
    (ClaimFilter(date_to="2024-05-02"), [0, 1, 2, 3]),
    (ClaimFilter(date_from="2024-01-13", date_to="2024-01-13"), [2, 3]),
    (ClaimFilter(text="RIVER crossing"), [0]),
    (ClaimFilter(text="drones"), [4]),  # matches the target as well as the evidence
    (ClaimFilter(text="100%"), [5]),  # a literal %, not a wildcard
    (ClaimFilter(text="_"), [5]),
    (ClaimFilter(text="no such words"), []),
    (ClaimFilter(place="omdurman"), [1]),
    (ClaimFilter(place="Khartoum"), [0, 1]),
    (ClaimFilter(place="khan yūnis"), [2, 3]),  # non-ASCII place names
    (ClaimFilter(place="Mariupol"), []),
    (ClaimFilter(category="killed", place="khartoum", target_role="own"), [1]),
]


@pytest.mark.parametrize(("filters", "expected"), FILTER_CASES)
def test_claim_filters(db: Store, filters: ClaimFilter, expected: list[int]) -> None:
    filled(db)
    every = sample_claims()
    assert ids(db.claims(filters)) == sorted(every[i].id for i in expected)


def test_claim_limit_and_offset(db: Store) -> None:
    filled(db)
    everything = db.claims()
    assert db.claims(ClaimFilter(limit=2)) == everything[:2]
    assert db.claims(ClaimFilter(limit=2, offset=4)) == everything[4:]


# -- incidents --------------------------------------------------------------------------------
def incidents_sample() -> list[Incident]:
    every = sample_claims()
    return [
        Incident(
            id="inc-sudan",
            label="Khartoum river crossing, May 2024",
            date_start="2024-05-02",
            date_end="2024-05-03",
            places=["Khartoum", "Omdurman"],
            claim_ids=[every[0].id, every[1].id],
        ),
        Incident(
            id="inc-gaza",
            label="Khan Yūnis strikes",
            date_start="2024-01-13",
            places=["Khan Yūnis"],
            operation="Operation Ωmega",
            claim_ids=[every[2].id, every[3].id],
        ),
    ]


def test_incidents_save_and_load(db: Store) -> None:
    filled(db)
    db.save_incidents(incidents_sample())
    loaded = db.incidents()
    assert [i.id for i in loaded] == ["inc-sudan", "inc-gaza"]  # newest first
    sudan, gaza = loaded
    assert sudan.places == ["Khartoum", "Omdurman"]
    assert sudan.doc_ids == [KHARTOUM.id]
    assert sorted(sudan.claim_ids) == sorted(incidents_sample()[0].claim_ids)
    assert gaza.operation == "Operation Ωmega"
    linked = db.claims(ClaimFilter(incident_id="inc-gaza"))
    assert {c.incident for c in linked} == {"Khan Yūnis strikes"}
    assert ids(db.claims(ClaimFilter(incident_id="Khan Yūnis strikes"))) == ids(linked)
    assert db.incident("Khan Yūnis strikes").id == "inc-gaza"
    assert db.incident("inc-sudan").label.startswith("Khartoum")
    with pytest.raises(NotFoundError, match="no incident"):
        db.incident("inc-none")


def test_saving_incidents_again_replaces_them_and_their_links(db: Store) -> None:
    filled(db)
    db.save_incidents(incidents_sample())
    only = Incident(id="inc-kyiv", label="Drones over Kyiv", claim_ids=[sample_claims()[4].id])
    db.save_incidents([only])
    assert [i.id for i in db.incidents()] == ["inc-kyiv"]
    assert len(db.claims(ClaimFilter(incident_id="inc-sudan"))) == 0
    db.save_incidents([])
    assert db.incidents() == []
    assert all(c.incident_id is None for c in db.claims())


def test_incidents_labelled_finds_a_label_and_its_numbered_namesakes_only(db: Store) -> None:
    labels = [
        "Shelling of Kharkiv",
        "Shelling of Kharkiv-2",
        "Shelling of Kharkiv-12",
        "Shelling of Kharkivska",  # another name that starts the same
        "Raid on El Fasher (100%_verified)",
        "Raid on El Fasher (100%_verified)-3",
        "Raid on El Fasher (100%Xverified)-3",  # % and _ are no wildcards
        "Goma / Sake clashes",
        "Goma / Sake clashes-2",
        "Goma // Sake clashes-2",  # nor is the escape character
        "Strike on Sanaa port",
    ]
    db.save_incidents([Incident(id=f"inc-{n}", label=label) for n, label in enumerate(labels)])
    found = db.incidents_labelled(
        ["Shelling of Kharkiv", "Raid on El Fasher (100%_verified)", "Goma / Sake clashes"]
    )
    assert sorted(found.values()) == sorted(labels[:3] + labels[4:6] + labels[7:9])
    assert found["inc-1"] == "Shelling of Kharkiv-2"
    assert db.incidents_labelled([]) == {}
    assert db.incidents_labelled(["Strike on Sanaa port", "Strike on Sanaa port"]) == {
        "inc-10": "Strike on Sanaa port"
    }
    many = [f"Clash in Rakhine {n}" for n in range(450)]  # more than a query's worth
    db.save_incidents([Incident(id=f"inc-r{n}", label=f"{name}-2") for n, name in enumerate(many)])
    assert len(db.incidents_labelled(many)) == 450
