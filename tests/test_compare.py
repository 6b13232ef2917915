"""Compare: the claims matrix of an incident, sides, revisions, spreads, grades; the CLI."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from counterclaim.cli import app
from counterclaim.compare import (
    CIVILIANS,
    CONFIRMED,
    CONTESTED,
    CORROBORATED,
    DENIED,
    SINGLE,
    UNSPECIFIED,
    affected_side,
    compare_incident,
    compare_incidents,
    country_in,
    incident_sides,
)
from counterclaim.incidents import assign_incidents
from counterclaim.model import Claim, Document, Incident
from counterclaim.store import Store
from factories import claim_at, doc, fill_store


def claim(
    d: Document, evidence: str, claimant: str, role: str, value: int | None, **fields: object
) -> Claim:
    """An exact "killed" claim stated on the day ``d`` was published, by a claimant who is its
    own origin (the reporter is nobody's)."""
    origin = claimant if claimant != "reporter" else None
    return claim_at(
        d,
        evidence,
        claimant=claimant,
        target_role=role,
        value=value,
        stated_on=d.published,
        origin=origin,
        **fields,
    )


def matrix(claims: list[Claim], docs: list[Document]):  # type: ignore[no-untyped-def]
    by_id = {d.id: d for d in docs}
    incident = Incident(id="inc_test", label="test", claim_ids=[c.id for c in claims])
    return compare_incident(incident, claims, by_id)


def cell(comparison, category: str, side: str):  # type: ignore[no-untyped-def]
    return next(c for c in comparison.cells if c.category == category and c.side == side)


# -- sides ----------------------------------------------------------------------------------
def test_country_words() -> None:
    assert country_in("Pakistani soldiers") == "Pakistan"
    assert country_in("Afghan posts") == "Afghanistan"
    assert country_in("Ukrainian drones") == "Ukraine"
    assert country_in("Sudanese army troops") == "Sudan"
    assert country_in("Israeli reservists") == "Israel"
    assert country_in("BLA fighters") is None


def test_affected_side_follows_target_role() -> None:
    d = doc("x", date(2025, 1, 31))
    # The text is "x": every claim's evidence is the whole of it.
    bla = claim_at(
        d, "x", value=84, claimant="BLA", target_role="opponent", target="Pakistani army personnel"
    )
    ministry = claim_at(
        d,
        "x",
        value=10,
        claimant="Pakistan Interior Ministry",
        target_role="own",
        target="security officers",
    )
    civ = claim_at(d, "x", value=3, claimant="BLA", target_role="civilian")
    mixed = claim_at(d, "x", value=40, claimant="reporter", target_role="other")
    claims = [bla, ministry, civ, mixed]
    sides = incident_sides(claims)
    assert sides["Pakistan Interior Ministry"] == "Pakistan"
    assert affected_side(bla, sides, None, ["BLA", "Pakistan"], claims) == "Pakistan"
    assert affected_side(ministry, sides) == "Pakistan"
    assert affected_side(civ, sides) == CIVILIANS
    assert affected_side(mixed, sides) == UNSPECIFIED


def test_an_army_that_answers_a_claim_takes_the_side_it_names() -> None:
    d = doc("The BLA said it killed 25 Pakistani personnel; the army said 23 BLA fighters died.")
    claims = [
        claim(
            d, "killed 25 Pakistani personnel", "BLA", "opponent", 25, target="Pakistani personnel"
        ),
        claim(d, "23 BLA fighters died", "ISPR", "opponent", 23, target="BLA fighters"),
    ]
    sides = incident_sides(claims)
    assert sides == {"BLA": "BLA", "ISPR": "Pakistan"}


# -- spreads and grades ---------------------------------------------------------------------
def test_spread_and_grades_between_parties() -> None:
    d = doc(
        "The BLA said it killed 84 Pakistani personnel. The interior minister said 10 security "
        "officers were killed.",
        date(2026, 1, 31),
    )
    claims = [
        claim(
            d, "killed 84 Pakistani personnel", "BLA", "opponent", 84, target="Pakistani personnel"
        ),
        claim(
            d,
            "10 security officers were killed",
            "Pakistan Interior Ministry",
            "own",
            10,
            target="security officers",
        ),
    ]
    comparison = matrix(claims, [d])
    killed = cell(comparison, "killed", "Pakistan")
    assert killed.spread == 8.4
    latest = killed.latest()
    assert latest["BLA"].grade == CONTESTED
    assert latest["Pakistan Interior Ministry"].grade == CONFIRMED
    assert comparison.largest_discrepancy is not None
    assert comparison.largest_discrepancy.ratio == pytest.approx(8.4)
    assert "×8.4" in comparison.largest_discrepancy.describe()
    assert comparison.own_vs_opponent["BLA"]["killed"] == {"own": None, "opponent": 84}


def test_a_denial_contests_the_other_figure() -> None:
    d = doc(
        "The army said it killed 23 BLA fighters in Kalat. The BLA said no fighter of its "
        "was killed.",
        date(2025, 2, 2),
    )
    claims = [
        claim(d, "killed 23 BLA fighters", "ISPR", "opponent", 23, target="BLA fighters"),
        claim(d, "no fighter of its was killed", "BLA", "own", 0, target="BLA fighters"),
    ]
    comparison = matrix(claims, [d])
    killed = cell(comparison, "killed", "BLA")
    assert killed.latest()["BLA"].grade == DENIED
    assert killed.latest()["ISPR"].grade == CONTESTED
    assert killed.denied_by == ["BLA"]
    assert killed.note and "BLA denies" in killed.note
    assert comparison.largest_discrepancy and comparison.largest_discrepancy.ratio is None


def test_an_independent_compatible_figure_corroborates() -> None:
    a = doc(
        "Hospital officials said at least 31 people were killed in the market strike.",
        date(2024, 8, 10),
    )
    b = doc("The UN said 33 civilians died in the market strike in El Fasher.", date(2024, 8, 10))
    claims = [
        claim(
            a,
            "at least 31 people were killed",
            "hospital officials",
            "civilian",
            31,
            qualifier="at_least",
        ),
        claim(b, "33 civilians died", "UN OCHA", "civilian", 33),
    ]
    comparison = matrix(claims, [a, b])
    latest = cell(comparison, "killed", CIVILIANS).latest()
    assert latest["hospital officials"].grade == CORROBORATED
    assert latest["UN OCHA"].grade == CORROBORATED


def test_a_lone_figure_is_a_single_party_claim() -> None:
    d = doc("Rebels said they downed 4 drones over Sagaing.", date(2024, 3, 1))
    claims = [
        claim(
            d, "downed 4 drones", "PDF", "opponent", 4, category="destroyed", target="junta drones"
        )
    ]
    (only,) = matrix(claims, [d]).cells
    assert only.latest()["PDF"].grade == SINGLE


def test_copies_of_one_figure_count_carriers_once() -> None:
    a = doc(
        "The ministry said 12 soldiers were killed in Donetsk.",
        date(2024, 2, 1),
        syndicated_from="Reuters",
    )
    b = doc(
        "The ministry said 12 soldiers were killed in Donetsk region.",
        date(2024, 2, 1),
        syndicated_from="Reuters",
    )
    c = doc("Kyiv said 12 soldiers were killed near Donetsk.", date(2024, 2, 1))
    claims = [
        claim(
            x,
            "12 soldiers were killed",
            "Ukrainian Defence Ministry",
            "own",
            12,
            target="Ukrainian soldiers",
        )
        for x in (a, b, c)
    ]
    (only,) = matrix(claims, [a, b, c]).cells
    (figure,) = only.figures["Ukrainian Defence Ministry"]
    # Three texts, two of them one agency's copy: two carriers; one party: one origin.
    assert figure.carriers == 2 and len(figure.doc_ids) == 3
    assert figure.origins == 1 and figure.grade == CONFIRMED


# -- revisions and parts --------------------------------------------------------------------
def test_revisions_keep_every_figure_and_mark_the_latest() -> None:
    first = doc(
        "Health officials said 20 people were killed in the strike on Sumy.", date(2025, 4, 13)
    )
    later = doc(
        "Health officials said 30 people were killed in the strike on Sumy.", date(2025, 4, 14)
    )
    claims = [
        claim(first, "20 people were killed", "health officials", "civilian", 20),
        claim(later, "30 people were killed", "health officials", "civilian", 30),
    ]
    history = cell(matrix(claims, [first, later]), "killed", CIVILIANS).figures["health officials"]
    assert [f.value for f in history] == [20, 30]
    assert [f.is_latest for f in history] == [False, True]
    assert [f.history_position for f in history] == [0, 1]
    assert [f.stated_on for f in history] == [date(2025, 4, 13), date(2025, 4, 14)]


def test_a_toll_that_rose_within_one_text_is_a_revision() -> None:
    d = doc("The toll rose to 30 from 20, the civil defence said.", date(2024, 10, 1))
    evidence = "The toll rose to 30 from 20"
    new = claim(d, evidence, "civil defence", "civilian", 30)
    old = claim(d, evidence, "civil defence", "civilian", 20)
    old.id = "old-figure"
    history = cell(matrix([new, old], [d]), "killed", CIVILIANS).figures["civil defence"]
    assert [f.value for f in history] == [20, 30]
    assert history[-1].is_latest and not any(f.is_part for f in history)


def test_parts_of_a_total_are_not_revisions() -> None:
    d = doc(
        "The BLA said 25 soldiers were killed: 5 at the camp and 18 at the checkpoint.",
        date(2025, 2, 2),
    )
    claims = [
        claim(d, "25 soldiers were killed", "BLA", "opponent", 25, target="Pakistani soldiers"),
        claim(d, "5 at the camp", "BLA", "opponent", 5, target="Pakistani soldiers"),
        claim(d, "18 at the checkpoint", "BLA", "opponent", 18, target="Pakistani soldiers"),
    ]
    history = cell(matrix(claims, [d]), "killed", "Pakistan").figures["BLA"]
    assert [(f.value, f.is_part, f.is_latest) for f in history] == [
        (25, False, True),
        (5, True, False),
        (18, True, False),
    ]


def test_to_dict_is_json_ready() -> None:
    d = doc("The army said 7 soldiers were wounded in Kherson.", date(2023, 6, 1))
    comparison = matrix(
        [
            claim(
                d,
                "7 soldiers were wounded",
                "Ukrainian army",
                "own",
                7,
                category="wounded",
                target="Ukrainian soldiers",
            )
        ],
        [d],
    )
    data = json.loads(json.dumps(comparison.to_dict()))
    (figure,) = data["cells"][0]["figures"]["Ukrainian army"]
    assert figure["display"] == "7" and figure["grade"] == CONFIRMED
    assert data["cells"][0]["side"] == "Ukraine"


# -- CLI ------------------------------------------------------------------------------------
def _fill(store: Store) -> list[Claim]:
    a = doc(
        "The BLA said it killed 84 Pakistani personnel under the second phase of Operation "
        "Herof. Pakistan's interior minister said 10 security officers were killed.",
        date(2026, 1, 31),
        title="BLA attacks",
    )
    b = doc(
        "A video shows soldiers the BLA says it captured 7 of during Operation Heroof 2.0.",
        None,
        title="Video",
    )
    c = doc("Shelling killed 6 civilians in Kharkiv, the governor said.", date(2024, 5, 6))
    claims = [
        claim(
            a,
            "killed 84 Pakistani personnel",
            "BLA",
            "opponent",
            84,
            target="Pakistani personnel",
            event_date="2026-01-31",
        ),
        claim(
            a,
            "10 security officers were killed",
            "Pakistan Interior Ministry",
            "own",
            10,
            target="security officers",
            event_date="2026-01-31",
        ),
        claim(
            b, "captured 7", "BLA", "opponent", 7, category="captured", target="Pakistani soldiers"
        ),
        claim(
            c,
            "killed 6 civilians",
            "Kharkiv governor",
            "civilian",
            6,
            event_date="2024-05-06",
            locations=["Kharkiv"],
        ),
    ]
    fill_store(store, [a, b, c], claims)
    return claims


def test_cli_lists_and_shows_incidents(file_store: Store) -> None:
    _fill(file_store)
    runner = CliRunner()
    db = file_store.url
    listed = runner.invoke(app, ["incidents", "--db", db, "--json", "--update"])
    assert listed.exit_code == 0, listed.output
    incidents = json.loads(listed.stdout)
    labels = sorted(i["label"] for i in incidents)
    assert labels == ["herof2-2026-01-31", "kharkiv-2024-05-06"]
    herof = next(i for i in incidents if i["label"].startswith("herof2"))
    assert herof["documents"] == 2 and herof["claims"] == 3
    assert "×8.4" in herof["largest_discrepancy"]

    wide = {"COLUMNS": "250"}
    table = runner.invoke(app, ["incidents", "--db", db], env=wide)
    assert table.exit_code == 0 and "herof2-2026-01-31" in table.stdout

    shown = runner.invoke(app, ["show", "herof2-2026-01-31", "--db", db, "--json"])
    assert shown.exit_code == 0, shown.output
    data = json.loads(shown.stdout)
    killed = next(c for c in data["cells"] if c["category"] == "killed")
    assert killed["spread"] == 8.4
    assert {k: v[0]["grade"] for k, v in killed["figures"].items()} == {
        "BLA": CONTESTED,
        "Pakistan Interior Ministry": CONFIRMED,
    }

    by_id = runner.invoke(app, ["show", herof["id"], "--db", db], env=wide)
    assert by_id.exit_code == 0
    assert "10 security officers were killed" in by_id.stdout
    assert "contested" in by_id.stdout


def test_cli_show_unknown_incident_is_a_one_line_error(file_store: Store) -> None:
    _fill(file_store)
    result = CliRunner().invoke(app, ["show", "no-such-incident", "--db", file_store.url])
    assert result.exit_code == 2
    assert "no-such-incident" in result.stderr
    assert "Traceback" not in result.output


def test_assign_then_store_round_trip(store: Store) -> None:
    claims = _fill(store)
    docs = {d.id: d for d in store.documents()}
    incidents = assign_incidents(claims, docs)
    store.save_incidents(incidents)
    assert {i.id for i in store.incidents()} == {i.id for i in incidents}


def test_readme_documents_every_grade() -> None:
    from pathlib import Path

    from counterclaim.compare import GRADES

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Grades\n", 1)[1].split("\n## ", 1)[0]
    for grade in GRADES:
        assert f"| `{grade}` |" in section, grade


# -- the one entry point --------------------------------------------------------------------
def test_compare_incidents_reads_each_incident_alone() -> None:
    """The same reporter figure in two incidents: each incident counts its own origins, so
    the list (all incidents at once) and a page (one incident) agree."""
    a = doc("Seven villagers were killed when shells hit Kupiansk on Monday.", date(2024, 9, 2))
    b = doc("Seven villagers were killed as drones struck a farm near Bakhmut.", date(2024, 9, 20))
    first = claim(a, "Seven villagers were killed", "reporter", "civilian", 7)
    second = claim(b, "Seven villagers were killed", "reporter", "civilian", 7)
    unrelated = claim(b, "drones struck a farm", "reporter", "civilian", 1)
    incidents = [
        Incident(id="inc-a", label="Kupiansk shelling", claim_ids=[first.id]),
        Incident(id="inc-b", label="Bakhmut drones", claim_ids=[second.id]),
    ]
    docs = {a.id: a, b.id: b}
    together = compare_incidents(incidents, [first, second, unrelated], docs)
    alone = [compare_incidents([inc], [first, second, unrelated], docs)[0] for inc in incidents]
    assert [c.to_dict() for c in together] == [c.to_dict() for c in alone]
    for comparison in together:
        (only,) = comparison.cells
        (figure,) = only.figures["reporter"]
        assert figure.origins == 1 and len(figure.claim_ids) == 1


def test_compare_incidents_takes_sides_from_a_knowledge_base() -> None:
    from counterclaim.actors import KnowledgeBase

    d = doc(
        "Pakistan's army said it killed 12 militants in North Waziristan; the Taliban said "
        "two of its fighters died.",
        date(2024, 4, 3),
    )
    claims = [
        claim(d, "it killed 12 militants", "ISPR", "opponent", 12, target="militants"),
        claim(d, "two of its fighters died", "TTP", "own", 2, target="fighters"),
    ]
    incident = Incident(id="inc-w", label="Waziristan raid", claim_ids=[c.id for c in claims])
    (with_kb,) = compare_incidents([incident], claims, {d.id: d}, KnowledgeBase.load())
    (without,) = compare_incidents([incident], claims, {d.id: d})
    assert with_kb.parties and without.parties
    assert {c.category for c in with_kb.cells} == {"killed"}
