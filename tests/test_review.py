"""The review stage: reviews as data (effective claims, matching after re-extraction, value
checks), the operations over a store, the history, the knowledge-base alias, re-extraction
and regrouping keeping every review, the readable SQLite views and the CLI."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from counterclaim import pipeline, review
from counterclaim.actors import KnowledgeBase
from counterclaim.cli import app
from counterclaim.model import Claim, Document, Incident
from counterclaim.review import Review, ReviewError
from counterclaim.settings import load_settings
from counterclaim.store import ClaimFilter, Store
from factories import claim_at, fill_store

# Texts written for these tests; the figures echo the kind of claims of several conflicts.
KHERSON = Document(
    "Shelling in Kherson\n\nThe regional governor said Russian shelling killed 4 people and "
    "wounded 11 in Kherson overnight. Ukraine's air force said it shot down 22 of 30 drones. "
    "A hospital director said 2 more patients died of their wounds on Tuesday.",
    published=date(2025, 4, 2),
    outlet="Example Kyiv Daily",
)
GOMA = Document(
    "Clashes near Goma\n\nM23 said its fighters captured 35 soldiers near Sake. The Congolese "
    "army said 7 of its soldiers were killed. A UN agency said 1,200 families fled the area.",
    published=date(2025, 1, 26),
    outlet="Example Great Lakes",
)
GOVERNOR = {"claimant": "regional governor", "target": "people", "target_role": "civilian"}


def kherson_claims() -> list[Claim]:
    return [
        claim_at(KHERSON, "shelling killed 4 people", category="killed", value=4, **GOVERNOR),
        claim_at(KHERSON, "wounded 11", category="wounded", value=11, **GOVERNOR),
        claim_at(KHERSON, "shot down 22 of 30 drones", category="destroyed", value=22,
                 claimant="Ukrainian Air Force", target="drones", target_role="opponent"),
    ]  # fmt: skip


def goma_claims() -> list[Claim]:
    return [
        claim_at(GOMA, "captured 35 soldiers near Sake", category="captured", value=35,
                 claimant="M23", target="soldiers", target_role="opponent"),
        claim_at(GOMA, "7 of its soldiers were killed", category="killed", value=7,
                 claimant="Goma army spokesman", target="soldiers", target_role="own"),
    ]  # fmt: skip


@pytest.fixture
def filled() -> Store:
    store = Store(":memory:")
    kherson, goma = kherson_claims(), goma_claims()
    incidents = [
        Incident("inc-kherson", "kherson-2025-04-01", "2025-04-01", "2025-04-02", ["Kherson"],
                 claim_ids=[c.id for c in kherson], doc_ids=[KHERSON.id]),
        Incident("inc-goma", "sake-2025-01-25", "2025-01-25", None, ["Sake"],
                 claim_ids=[c.id for c in goma], doc_ids=[GOMA.id]),
    ]  # fmt: skip
    return fill_store(store, [KHERSON, GOMA], kherson + goma, incidents=incidents)


def the(store: Store, evidence: str) -> Claim:
    (found,) = [c for c in store.claims() if evidence in c.evidence]
    return found


# -- reviews as data ------------------------------------------------------------------------
def test_effective_claim_folds_reviews_in_order() -> None:
    machine = kherson_claims()[0]
    correct = Review("correct", "a", {"value": [4, 5], "qualifier": ["exact", "at_least"]})
    claim, status = review.effective_claim(machine, [correct])
    assert (claim.value, claim.qualifier, status) == (5, "at_least", "corrected")
    assert machine.value == 4  # the machine version is untouched
    gone, status = review.effective_claim(machine, [correct, Review("reject", "b")])
    assert gone is None and status == "rejected"
    back, status = review.effective_claim(
        machine, [correct, Review("reject", "b"), Review("accept", "c")]
    )
    assert back.value == 5 and status == "corrected"
    accepted, status = review.effective_claim(machine, [Review("accept", "a")])
    assert accepted.value == 4 and status == "accepted"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"value": "1,200"}, {"value": 1200}),
        ({"value": ""}, {"value": None, "qualifier": "vague"}),
        ({"event_date": "2025-01-30/2025-01-31"}, {"event_date": "2025-01-30/2025-01-31"}),
        ({"hedged": "yes"}, {"hedged": True}),
        ({"locations": "Sake; Goma"}, {"locations": ["Sake", "Goma"]}),
        ({"claimant": "  Houthi   military spokesman "}, {"claimant": "Houthi military spokesman"}),
    ],
)
def test_check_changes_normalises(changes: dict[str, object], expected: dict[str, object]) -> None:
    assert review.check_changes(changes) == expected


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"category": "massacred"}, "valid: killed, wounded"),
        ({"target_role": "enemy"}, "valid: own, opponent, civilian, other"),
        ({"qualifier": "roughly"}, "valid: exact, at_least"),
        ({"value": "-3"}, "whole number"),
        ({"value": "dozens"}, "whole number"),
        ({"event_date": "31/01/2025"}, "not an ISO date"),
        ({"event_date": "2025-02-30"}, "event_date"),
        ({"span_start": 3}, "cannot correct field 'span_start'"),
        ({"claimant": ""}, "must not be empty"),
        ({"claimant": "a\x00b"}, "NUL"),
        ({}, "at least one field"),
    ],
)
def test_check_changes_names_the_problem(changes: dict[str, object], fragment: str) -> None:
    with pytest.raises(ReviewError, match=fragment.replace("(", r"\(")):
        review.check_changes(changes)


def test_new_versions_match_by_span_and_figure() -> None:
    old = claim_at(GOMA, "captured 35 soldiers near Sake", category="captured", value=35)
    # The upgraded extractor takes a longer span, and also finds a second claim beside it.
    wider = claim_at(
        GOMA, "M23 said its fighters captured 35 soldiers near Sake", category="captured", value=35
    )
    other = claim_at(GOMA, "7 of its soldiers were killed", category="killed", value=7)
    fixed_value = claim_at(GOMA, "captured 35 soldiers", category="captured", value=36)
    assert review.match_new_versions([("s", old)], [other, wider]) == {"s": wider}
    assert review.match_new_versions([("s", old)], [fixed_value]) == {"s": fixed_value}
    unrelated = claim_at(GOMA, "7 of its soldiers were killed", category="captured", value=35)
    assert review.match_new_versions([("s", old)], [unrelated]) == {}  # no overlap
    two = review.match_new_versions([("a", old), ("b", old)], [wider])
    assert len(two) == 1  # one new version serves one reviewed claim


# -- operations over a store ----------------------------------------------------------------
def test_correct_keeps_machine_version_and_history(filled: Store) -> None:
    target = the(filled, "shelling killed 4 people")
    result = review.correct(
        filled, target.id, {"value": 5, "qualifier": "at_least"}, "Olena", "the toll rose"
    )
    assert result.claims[0][1] == "corrected"
    assert filled.claim(target.id).value == 5
    assert filled.review_statuses() == {target.id: "corrected"}
    (row,) = review.history(filled, claim_id_=target.id)
    assert row.reviewer == "Olena" and row.reason == "the toll rose" and row.at is not None
    assert row.changes["value"] == [4, 5]
    assert "value: 4 → 5" in row.describe()
    machine = filled.machine_versions([KHERSON.id])[target.id]["data"]
    assert machine["value"] == 4
    with pytest.raises(ReviewError, match="nothing to correct"):
        review.correct(filled, target.id, {"value": 5}, "Olena")


def test_a_corrected_target_takes_the_side_of_its_new_phrase(filled: Store) -> None:
    from counterclaim.compare import compare_incidents

    target = the(filled, "captured 35 soldiers near Sake")
    stale = Claim(**{**target.__dict__, "target_actor": "m23"})  # as if resolve read it so
    filled.replace_claims(
        {
            GOMA.id: [
                stale,
                *(c for c in filled.claims() if c.doc_id == GOMA.id and c.id != stale.id),
            ]
        },
        "test",
    )
    kb = KnowledgeBase.load()
    review.correct(filled, target.id, {"target": "Congolese soldiers"}, "Amani", kb=kb)
    corrected = filled.claim(target.id)
    assert corrected.target_actor == kb.side_of_phrase("Congolese soldiers")
    incident = filled.incident(corrected.incident_id or "")
    docs = {d.id: d for d in filled.documents()}
    (comparison,) = compare_incidents([incident], filled.claims(), docs, kb)
    captured = next(c for c in comparison.cells if c.category == "captured")
    assert captured.side == kb.side(kb.side_of_phrase("Congolese soldiers") or "").name


def test_reject_then_accept_brings_a_claim_back(filled: Store) -> None:
    target = the(filled, "wounded 11")
    review.reject(filled, [target.id], "Olena", "double count")
    assert target.id not in {c.id for c in filled.claims()}
    assert target.id not in filled.incident("inc-kherson").claim_ids
    review.accept(filled, [target.id], "Petro", "it is a separate figure")
    assert filled.claim(target.id).value == 11
    assert [r.operation for r in review.history(filled, doc_id=KHERSON.id)] == ["accept", "reject"]


def test_add_a_missed_claim_from_its_evidence(filled: Store) -> None:
    # A browser counts offsets in UTF-16: a wrong span is repaired from the evidence text.
    result = review.add_claim(
        filled,
        KHERSON.id,
        {
            "evidence": "2 more patients died of their wounds",
            "span_start": 3,
            "span_end": 9,
            "category": "killed",
            "value": "2",
            "claimant": "hospital director",
            "target_role": "civilian",
        },
        "Olena",
        "missed",
    )
    ((added, status),) = result.claims
    assert status == "added"
    assert KHERSON.text[added.span_start : added.span_end] == "2 more patients died of their wounds"
    assert added.incident_id == "inc-kherson"  # where the report's other claims are
    assert filled.claim(added.id).claimant == "hospital director"
    with pytest.raises(ReviewError, match="already has this claim"):
        review.add_claim(
            filled, KHERSON.id, {"evidence": added.evidence, "category": "killed", "value": 2}
        )
    with pytest.raises(ReviewError, match="not in the document"):
        review.add_claim(filled, KHERSON.id, {"evidence": "no such words", "category": "killed"})


def test_split_and_merge_incidents(filled: Store) -> None:
    drones = the(filled, "shot down 22")
    result = review.split_incident(
        filled, "inc-kherson", [drones.id], "Olena", "another night", "kherson-drones"
    )
    new = filled.incident(result.incident)
    assert new.label == "kherson-drones" and new.claim_ids == [drones.id]
    assert drones.id not in filled.incident("inc-kherson").claim_ids
    with pytest.raises(ReviewError, match="at least one claim"):
        review.split_incident(filled, "inc-goma", filled.incident("inc-goma").claim_ids, "x")
    review.merge_incidents(filled, "inc-kherson", "kherson-drones", "Petro", "same night after all")
    assert drones.id in filled.incident("inc-kherson").claim_ids
    assert "kherson-drones" not in {i.label for i in filled.incidents()}
    operations = [r.operation for r in review.history(filled, incident="inc-kherson")]
    assert operations.count("split-incident") == 2 and operations.count("merge-incidents") == 2


def test_correct_incident_to_a_new_label_makes_an_incident(filled: Store) -> None:
    captured = the(filled, "captured 35")
    review.correct(filled, captured.id, {"incident": "sake-captives-2025-01-25"}, "Olena")
    assert filled.incident("sake-captives-2025-01-25").claim_ids == [captured.id]


def test_merge_actors_writes_an_alias_that_the_knowledge_base_loads(
    filled: Store, tmp_path: Path
) -> None:
    kb_file = tmp_path / "mine.yaml"
    result = review.merge_actors(
        filled, "Goma army spokesman", "FARDC", "Olena", "one army", kb_file=kb_file
    )
    assert {c.claimant for c in filled.claims(ClaimFilter(incident_id="inc-goma"))} == {
        "M23",
        "FARDC",
    }
    assert result.kb_file == str(kb_file)
    written = yaml.safe_load(kb_file.read_text(encoding="utf-8"))
    assert "Goma army spokesman" in json.dumps(written)
    kb = KnowledgeBase.load([kb_file])
    fardc = KnowledgeBase.load().lookup("FARDC")
    speaker = kb.lookup("Goma army spokesman")
    assert speaker is not None
    if fardc is not None:  # a shipped actor: the new name speaks for it
        assert kb.claimant_actor(speaker.id).id == kb.claimant_actor(fardc.id).id
    with pytest.raises(ReviewError, match="no actor"):
        review.merge_actors(filled, "reporter", "M23", "x", kb_file=kb_file)
    with pytest.raises(ReviewError, match="no claim has the claimant"):
        review.merge_actors(filled, "Nobody at all", "M23", "x", kb_file=kb_file)


def test_alias_of_a_shipped_actor_speaks_for_it(tmp_path: Path) -> None:
    kb_file = tmp_path / "mine.yaml"
    written = review.write_alias(kb_file, "Tigray army media desk", "TPLF")
    kb = KnowledgeBase.load([kb_file])
    shipped = KnowledgeBase.load().lookup("TPLF")
    if shipped is None:
        pytest.skip("the shipped knowledge base has no TPLF")
    assert "speaking for" in written
    assert kb.claimant_actor(kb.lookup("Tigray army media desk").id).id == shipped.id
    # Aliases go on appending to the same file; the old one is kept as a backup.
    review.write_alias(kb_file, "Mekelle command post", "TPLF")
    assert KnowledgeBase.load([kb_file]).lookup("Mekelle command post") is not None
    assert (tmp_path / "mine.yaml~").exists()


def test_reviews_outlive_re_extraction_and_regrouping(filled: Store) -> None:
    corrected = the(filled, "shelling killed 4 people")
    rejected = the(filled, "wounded 11")
    review.correct(filled, corrected.id, {"value": 5}, "Olena")
    review.reject(filled, [rejected.id], "Olena", "not this attack")
    added = review.add_claim(
        filled,
        KHERSON.id,
        {"evidence": "2 more patients died", "category": "killed", "value": 2},
        "Olena",
    ).claims[0][0]
    split = review.split_incident(
        filled, "inc-kherson", [the(filled, "shot down 22").id], "Olena", label="kherson-drones"
    )

    # An upgraded extractor: wider spans, new ids, and it now finds the missed claim itself.
    def upgraded(docs, kb, settings):  # type: ignore[no-untyped-def]
        for doc in docs:
            if doc.id != KHERSON.id:
                yield doc, goma_claims(), []
                continue
            yield doc, [
                claim_at(KHERSON, "Russian shelling killed 4 people", category="killed", value=4, **GOVERNOR),
                claim_at(KHERSON, "and wounded 11", category="wounded", value=11, **GOVERNOR),
                claim_at(KHERSON, "it shot down 22 of 30 drones", category="destroyed", value=22,
                         claimant="Ukrainian Air Force", target="drones", target_role="opponent"),
                claim_at(KHERSON, "2 more patients died of their wounds", category="killed", value=2),
            ], []  # fmt: skip

    settings = load_settings(environ={})
    pipeline.extract_claims(filled, settings, doc_ids=[KHERSON.id, GOMA.id], claims_of=upgraded)
    pipeline.update_incidents(filled, rebuild=True)

    claims = {c.id: c for c in filled.claims(ClaimFilter(doc_id=KHERSON.id))}
    assert claims[corrected.id].value == 5  # the correction, on the new machine version
    assert claims[corrected.id].evidence == "Russian shelling killed 4 people"
    assert rejected.id not in claims and not [c for c in claims.values() if c.value == 11]
    assert added.id in claims and len([c for c in claims.values() if c.value == 2]) == 1
    assert filled.review_statuses([corrected.id, added.id]) == {
        corrected.id: "corrected",
        added.id: "added",
    }
    drones = [c for c in claims.values() if c.category == "destroyed"]
    assert drones and drones[0].incident_id == split.incident
    assert filled.incident("kherson-drones").claim_ids == [drones[0].id]
    machine = filled.machine_versions([KHERSON.id])[corrected.id]
    assert machine["data"]["evidence"] == "Russian shelling killed 4 people"


def test_reviewed_documents_need_every_claim_reviewed(filled: Store) -> None:
    review.accept(filled, [the(filled, "captured 35").id], "Olena")
    assert review.reviewed_documents(filled) == []
    assert review.reviewed_documents(filled, partial=True) == [GOMA.id]
    review.accept_document(filled, GOMA.id, "Olena")
    assert review.reviewed_documents(filled) == [GOMA.id]
    assert set(filled.review_statuses()) == {c.id for c in goma_claims()}


# -- the database ---------------------------------------------------------------------------
def test_readable_views_show_reviewed_claims(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'views.db'}")
    fill_store(store, [GOMA], goma_claims(), incidents=[
        Incident("inc-goma", "sake-2025-01-25", "2025-01-25", None, ["Sake"],
                 claim_ids=[c.id for c in goma_claims()], doc_ids=[GOMA.id])
    ])  # fmt: skip
    review.correct(store, the(store, "captured 35").id, {"value": 30}, "Olena")
    store.close()
    with sqlite3.connect(tmp_path / "views.db") as db:
        rows = db.execute(
            "SELECT claimant, value, review, outlet FROM claims_view ORDER BY value"
        ).fetchall()
        assert rows == [
            ("Goma army spokesman", 7, "machine", "Example Great Lakes"),
            ("M23", 30, "corrected", "Example Great Lakes"),
        ]
        matrix = db.execute(
            "SELECT incident, category, claimant, largest_figure, reviewed_claims FROM incident_matrix "
            "ORDER BY category"
        ).fetchall()
        assert matrix == [
            ("sake-2025-01-25", "captured", "M23", 30, 1),
            ("sake-2025-01-25", "killed", "Goma army spokesman", 7, 0),
        ]


def test_migration_0003_upgrades_a_0002_database(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    from counterclaim.store import MIGRATIONS

    path = tmp_path / "old.db"
    store = Store(f"sqlite:///{path}")
    fill_store(store, [GOMA], goma_claims())
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    store.close()
    with sqlite3.connect(path) as db:
        columns = {row[1] for row in db.execute("PRAGMA table_info(claims)")}
        assert "review_status" not in columns
    reopened = Store(f"sqlite:///{path}")
    from alembic.script import ScriptDirectory

    assert reopened.schema_revision() == ScriptDirectory.from_config(config).get_current_head()
    review.accept(reopened, [goma_claims()[0].id], "Olena")
    assert reopened.claim_count() == 2


# -- the command line -----------------------------------------------------------------------
def test_review_commands(filled: Store, tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    store = Store(f"sqlite:///{db}")
    fill_store(store, [GOMA], goma_claims(), incidents=[
        Incident("inc-goma", "sake-2025-01-25", "2025-01-25", None, ["Sake"],
                 claim_ids=[c.id for c in goma_claims()], doc_ids=[GOMA.id])
    ])  # fmt: skip
    captured, killed = goma_claims()
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(app, [*args, "--db", str(db)])
        assert result.exit_code == 0, result.output
        return result.output

    assert "corrected" in run("review", "correct", captured.id, "--set", "value=30", "--set",
                              "qualifier=about", "--by", "Olena", "--reason", "rounded")  # fmt: skip
    assert "rejected" in run("review", "reject", killed.id, "--by", "Olena")
    out = run("review", "add", GOMA.id, "--evidence", "1,200 families fled the area",
              "--category", "missing", "--set", "value=1200", "--set", "claimant=UN agency",
              "--json")  # fmt: skip
    assert json.loads(out)["claims"][0]["value"] == 1200
    kb_file = tmp_path / "kb.yaml"
    run("review", "merge-actors", "UN agency", "M23", "--kb", str(kb_file))
    assert "UN agency" in kb_file.read_text(encoding="utf-8")
    history = json.loads(run("review", "history", "--incident", "inc-goma", "--json"))
    assert {"correct", "reject", "add", "merge-actors"} <= {h["operation"] for h in history}
    bad = runner.invoke(
        app, ["review", "correct", captured.id, "--set", "category=massacred", "--db", str(db)]
    )
    assert bad.exit_code == 2 and "unknown category 'massacred'" in bad.output
    no_kb = runner.invoke(
        app,
        ["review", "merge-actors", "M23", "UN agency", "--db", str(db)],
        env={"COUNTERCLAIM_KB": ""},
    )
    assert no_kb.exit_code == 2 and "--kb FILE" in no_kb.output
