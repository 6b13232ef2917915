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
    incident_sides,
)
from counterclaim.incidents import assign_incidents
from counterclaim.model import Claim, Document, Incident, Place
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
def test_target_sides_come_from_the_knowledge_base() -> None:
    from counterclaim.compare import SideLookup

    lookup = SideLookup.shipped()
    d = doc("x")
    for target, side in [
        ("Pakistani soldiers", "Pakistan"),
        ("Afghan posts", "Afghanistan (Taliban government)"),
        ("Ukrainian drones", "Ukraine"),
        ("Israeli reservists", "Israel"),
        ("Rwandan troops", "Rwanda"),
    ]:
        found = lookup.target_side(claim_at(d, "x", target=target))
        assert found and lookup.side_name(found) == side, target
    assert lookup.target_side(claim_at(d, "x", target="unnamed fighters")) is None
    # What resolve stored wins over the phrase: a side id, or an analyst's actor id.
    stored = claim_at(d, "x", target="the soldiers", target_actor="pakistan")
    assert lookup.side_name(lookup.target_side(stored) or "") == "Pakistan"
    corrected = claim_at(d, "x", target="the soldiers", target_actor="ispr")
    assert lookup.side_name(lookup.target_side(corrected) or "") == "Pakistan"


def test_a_neutral_claimant_has_no_side_of_its_own() -> None:
    d = doc("x", date(2024, 5, 2))
    ocha = claim_at(d, "x", claimant="UN OCHA", target_role="civilian", value=12)
    assert incident_sides([ocha]) == {"UN OCHA": "UN OCHA"}


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


def test_an_unnamed_opponent_is_the_party_that_speaks_and_fights_the_claimant() -> None:
    d = doc("x", date(2025, 4, 22))
    # the rebels' other claim counts "soldiers and Russian mercenaries": their plain
    # "soldiers" are still those of the army that answers them in the incident
    mixed = claim_at(
        d,
        "x",
        value=40,
        claimant="FLA",
        target_role="opponent",
        target="soldiers and Russian mercenaries",
        target_actor="russia",
        claimant_actor="fla",
    )
    captured = claim_at(
        d,
        "x",
        value=7,
        claimant="FLA",
        target_role="opponent",
        target="soldiers",
        category="captured",
        claimant_actor="fla",
    )
    army = claim_at(
        d,
        "x",
        value=6,
        claimant="FAMa",
        target_role="own",
        target="soldiers",
        claimant_actor="fama",
    )
    claims = [mixed, captured, army]
    sides = incident_sides(claims)
    parties = sorted(set(sides.values()))
    assert affected_side(mixed, sides, None, parties, claims) == "Russia"
    assert affected_side(captured, sides, None, parties, claims) == "Mali (military government)"
    # a place in the state the claimant fights decides where no party answers
    placed = claim_at(
        d,
        "x",
        value=7,
        claimant="FLA",
        target_role="opponent",
        target="soldiers",
        category="captured",
        claimant_actor="fla",
        places=[Place(name="Kidal", latitude=18.44, longitude=1.41, country_code="ML")],
    )
    assert affected_side(placed, sides, None, parties, [mixed, placed]) == (
        "Mali (military government)"
    )


def test_an_army_that_answers_a_claim_takes_the_side_it_names() -> None:
    d = doc("The BLA said it killed 25 Pakistani personnel; the army said 23 BLA fighters died.")
    claims = [
        claim(
            d, "killed 25 Pakistani personnel", "BLA", "opponent", 25, target="Pakistani personnel"
        ),
        claim(d, "23 BLA fighters died", "ISPR", "opponent", 23, target="BLA fighters"),
    ]
    sides = incident_sides(claims)
    # The knowledge base places both: the side's name, not the claimant's, heads the row.
    assert sides == {"BLA": "Baloch separatists", "ISPR": "Pakistan"}


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
    killed = cell(comparison, "killed", "Baloch separatists")
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


@pytest.mark.parametrize(
    "update",
    [
        "Seven people were wounded, Governor Ivan Petrov said, updating an earlier toll.",
        "Seven people were wounded, according to a revised tally from Governor Ivan Petrov.",
    ],
)
def test_a_statement_that_updates_an_earlier_toll_gives_the_latest_figure(update: str) -> None:
    # two reports of one day: the one that says it updates a toll is the later, whatever
    # order the texts came in
    updated = doc(update, date(2025, 3, 11))
    first = doc(
        "In the Kursk region, Governor Ivan Petrov said on Tuesday that three people were wounded.",
        date(2025, 3, 11),
    )
    claims = [
        claim(updated, update, "governor", "civilian", 7),
        claim(first, first.text, "governor", "civilian", 3),
    ]
    history = cell(matrix(claims, [updated, first]), "killed", CIVILIANS).figures["governor"]
    assert [(f.value, f.is_latest) for f in history] == [(3, False), (7, True)]


def test_a_regions_tally_of_things_is_a_part_of_the_states_not_a_contradiction() -> None:
    ministry = doc(
        "Russia's defence ministry said air defences destroyed 337 Ukrainian drones overnight.",
        date(2025, 3, 11),
    )
    mayor = doc(
        "Moscow Mayor Sergei Sobyanin said 74 drones were shot down approaching the capital.",
        date(2025, 3, 11),
    )
    claims = [
        claim(ministry, "destroyed 337 Ukrainian drones", "Russian Defence Ministry", "opponent",
              337, category="destroyed", target="Ukrainian drones"),
        claim(mayor, "74 drones were shot down", "Moscow mayor", "opponent", 74,
              category="destroyed", target="drones"),
    ]  # fmt: skip
    comparison = matrix(claims, [ministry, mayor])
    # one row: the drones the mayor counted are the opponent the ministry names
    drones = cell(comparison, "destroyed", "Ukraine")
    assert set(drones.figures) == {"Russian Defence Ministry", "Moscow mayor"}
    assert drones.spread is None
    assert {f.grade for history in drones.figures.values() for f in history} == {SINGLE}


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
    # No knowledge base given means the shipped one: one reading of sides, never a second.
    assert (
        with_kb.parties
        == without.parties
        == [
            "Pakistan",
            "Tehrik-i-Taliban Pakistan and allied groups",
        ]
    )
    assert with_kb.sides == without.sides
    assert {c.category for c in with_kb.cells} == {"killed"}


def test_a_users_knowledge_base_places_a_claimant_it_adds(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from counterclaim.actors import KnowledgeBase

    kb_file = tmp_path / "mine.yaml"
    kb_file.write_text(
        "sides:\n"
        "  - id: kivu-militia\n"
        "    name: Kivu militia\n"
        "    names: [Kivu Self-Defence]\n"
        "    adversaries: [drc]\n"
        "actors:\n"
        "  - id: kivu-self-defence\n"
        "    name: Kivu Self-Defence\n"
        "    kind: armed_group\n"
        "    side: kivu-militia\n"
        "    aliases: [KSD]\n",
        encoding="utf-8",
    )
    d = doc(
        "KSD said 6 of its men died near Rutshuru; the army said it killed 30 KSD fighters.",
        date(2025, 2, 14),
    )
    claims = [
        claim(d, "6 of its men died", "KSD", "own", 6, target="its men"),
        claim(d, "it killed 30 KSD fighters", "FARDC", "opponent", 30, target="KSD fighters"),
    ]
    incident = Incident(id="inc-k", label="Rutshuru", claim_ids=[c.id for c in claims])
    (comparison,) = compare_incidents([incident], claims, {d.id: d}, KnowledgeBase.load([kb_file]))
    assert comparison.sides["KSD"] == "Kivu militia"
    killed = cell(comparison, "killed", "Kivu militia")
    assert set(killed.latest()) == {"KSD", "FARDC"}
    assert killed.spread == 5.0


# -- one column per organisation or person --------------------------------------------------
def _kb_lookup():  # type: ignore[no-untyped-def]
    from counterclaim.actors import KnowledgeBase
    from counterclaim.compare import SideLookup

    return SideLookup.from_knowledge_base(KnowledgeBase.load())


def _incident(claims: list[Claim]) -> Incident:
    return Incident(id="inc_cols", label="cols", claim_ids=[c.id for c in claims])


def test_one_ministry_named_three_ways_is_one_column() -> None:
    docs = [
        doc("Russia's Defence Ministry said 41 Ukrainian drones were shot down.", date(2025, 3, 9)),
        doc("The Defence Ministry in Moscow reported 41 drones downed.", date(2025, 3, 9)),
        doc("The Russian Defence Ministry put the number of drones at 41.", date(2025, 3, 9)),
    ]
    names = [
        "Russia's Defence Ministry",
        "the Defence Ministry in Moscow",
        "Russian Defence Ministry",
    ]
    claims = [
        claim(d, "41", name, "opponent", 41, category="destroyed", target="Ukrainian drones")
        for d, name in zip(docs, names, strict=True)
    ]
    by_id = {d.id: d for d in docs}
    for lookup in (None, _kb_lookup()):
        comparison = compare_incident(_incident(claims), claims, by_id, lookup=lookup)
        (only,) = comparison.cells
        assert len(only.figures) == 1, (lookup, only.figures.keys())
        ((column, history),) = only.figures.items()
        assert sorted(comparison.columns[column]) == sorted(names)
        (figure,) = history
        # One party's statement carried by three outlets: one origin, no corroboration.
        assert figure.origins == 1 and figure.carriers == 3
        assert figure.grade == SINGLE
    assert column == "Russian Defence Ministry"  # the knowledge base's name, when used


def test_a_spokesman_and_his_government_are_one_column_when_the_kb_links_them() -> None:
    a = doc(
        "Zabihullah Mujahid said 19 Pakistani soldiers were killed at the border.",
        date(2025, 10, 12),
    )
    b = doc(
        "The Afghan Taliban government said 9 of its fighters died in Kunar.", date(2025, 10, 12)
    )
    claims = [
        claim(
            a,
            "19 Pakistani soldiers were killed",
            "Zabihullah Mujahid",
            "opponent",
            19,
            target="Pakistani soldiers",
        ),
        claim(
            b, "9 of its fighters died", "Afghan Taliban government", "own", 9, target="fighters"
        ),
    ]
    by_id = {a.id: a, b.id: b}
    with_kb = compare_incident(_incident(claims), claims, by_id, lookup=_kb_lookup())
    assert list(with_kb.columns) == ["Afghan Taliban government"]
    assert set(with_kb.columns["Afghan Taliban government"]) == {
        "Zabihullah Mujahid",
        "Afghan Taliban government",
    }


def test_two_spellings_of_one_governor_are_one_person() -> None:
    a = doc("Governor Andrei Vorobyov said 3 people were killed by the drone.", date(2024, 9, 10))
    b = doc("Vorobyev said three residents of Ramenskoye died.", date(2024, 9, 10))
    c = doc("Imran Khan said 5 were hurt; Ali Khan said 8 were hurt.", date(2024, 9, 10))
    claims = [
        claim(a, "3 people were killed", "Governor Andrei Vorobyov", "civilian", 3),
        claim(b, "three residents of Ramenskoye died", "Vorobyev", "civilian", 3),
        claim(c, "5 were hurt", "Imran Khan", "civilian", 5, category="wounded"),
        claim(c, "8 were hurt", "Ali Khan", "civilian", 8, category="wounded"),
    ]
    comparison = compare_incident(_incident(claims), claims, {d.id: d for d in (a, b, c)})
    killed = cell(comparison, "killed", CIVILIANS)
    assert list(killed.figures) == ["Governor Andrei Vorobyov"]
    (figure,) = killed.figures["Governor Andrei Vorobyov"]
    assert figure.names == ["Governor Andrei Vorobyov", "Vorobyev"]
    assert len(cell(comparison, "wounded", CIVILIANS).figures) == 2  # two different Khans


def test_name_keys_ignore_phrasing_but_keep_different_bodies_apart() -> None:
    from counterclaim.compare import name_key

    assert name_key("the Sudanese army") == name_key("Sudan's Army")
    assert name_key("Ministry of Health in Gaza") == name_key("Gaza Health Ministry")
    assert name_key("a spokesman for the Myanmar military") == name_key("Myanmar military")
    assert name_key("Pakistan Interior Ministry") != name_key("Pakistan Defence Ministry")
    assert name_key("Congolese army") != name_key("Rwandan army")


# -- parts and totals -----------------------------------------------------------------------
def test_a_place_of_a_total_is_a_part_not_a_revision() -> None:
    total = doc(
        "Russia's Defence Ministry said 337 Ukrainian drones were destroyed overnight.",
        date(2025, 3, 11),
    )
    part = doc(
        "Of the drones, 126 were downed over the Kursk region, the ministry said.",
        date(2025, 3, 11),
    )
    kyiv = doc("Ukraine's air force said it launched 250 drones at Russia.", date(2025, 3, 11))
    claims = [
        claim(
            total,
            "337 Ukrainian drones were destroyed",
            "Russian Defence Ministry",
            "opponent",
            337,
            category="destroyed",
            target="Ukrainian drones",
        ),
        claim(
            part,
            "126 were downed over the Kursk region",
            "Russian Defence Ministry",
            "opponent",
            126,
            category="destroyed",
            target="Ukrainian drones",
        ),
        claim(
            kyiv,
            "launched 250 drones",
            "Ukrainian Air Force",
            "own",
            250,
            category="destroyed",
            target="Ukrainian drones",
        ),
    ]
    comparison = matrix(claims, [total, part, kyiv])
    destroyed = cell(comparison, "destroyed", "Ukraine")
    history = destroyed.figures["Russian Defence Ministry"]
    assert sorted((f.value, f.is_part, f.is_latest, f.part_of) for f in history) == [
        (126, True, False, 337),
        (337, False, True, None),
    ]
    assert destroyed.spread == round(337 / 250, 2)  # the part is in no spread


def test_parts_by_place_kind_and_list_in_several_conflicts() -> None:
    # Sahel: a national total, then one town's share in another article the same day.
    mali = [
        doc("The Malian army said it neutralised 72 terrorists this week.", date(2024, 6, 7)),
        doc("The army said 40 terrorists were neutralised in Gao.", date(2024, 6, 7)),
    ]
    # Myanmar: "of them".
    myanmar = doc(
        "The resistance said 60 junta soldiers died, 20 of them in Sagaing.", date(2024, 2, 1)
    )
    # Yemen: a kind of a mixed total.
    yemen = [
        doc("The Houthis said they destroyed 15 drones and missiles.", date(2024, 1, 12)),
        doc("The Houthis said 9 drones were destroyed over Hodeidah.", date(2024, 1, 12)),
    ]
    # DRC: a list after a colon.
    drc = doc(
        "M23 said 31 soldiers were captured near Goma and later gave the numbers by unit: "
        "12 from the 34th brigade.",
        date(2024, 5, 3),
    )
    cases = [
        (
            [
                claim(
                    mali[0],
                    "neutralised 72 terrorists",
                    "FAMa",
                    "opponent",
                    72,
                    target="terrorists",
                ),
                claim(
                    mali[1],
                    "40 terrorists were neutralised in Gao",
                    "FAMa",
                    "opponent",
                    40,
                    target="terrorists",
                ),
            ],
            mali,
            "FAMa",
        ),
        (
            [
                claim(
                    myanmar,
                    "60 junta soldiers died",
                    "PDF",
                    "opponent",
                    60,
                    target="junta soldiers",
                ),
                claim(
                    myanmar, "20 of them in Sagaing", "PDF", "opponent", 20, target="junta soldiers"
                ),
            ],
            [myanmar],
            "PDF",
        ),
        (
            [
                claim(
                    yemen[0],
                    "destroyed 15 drones and missiles",
                    "Houthis",
                    "opponent",
                    15,
                    category="destroyed",
                    target="drones and missiles",
                ),
                claim(
                    yemen[1],
                    "9 drones were destroyed over Hodeidah",
                    "Houthis",
                    "opponent",
                    9,
                    category="destroyed",
                    target="drones",
                ),
            ],
            yemen,
            "Houthis",
        ),
        (
            [
                claim(
                    drc,
                    "31 soldiers were captured",
                    "M23",
                    "opponent",
                    31,
                    category="captured",
                    target="soldiers",
                ),
                claim(
                    drc,
                    "12 from the 34th brigade",
                    "M23",
                    "opponent",
                    12,
                    category="captured",
                    target="soldiers",
                ),
            ],
            [drc],
            "M23",
        ),
    ]
    for claims, docs, claimant in cases:
        (only,) = matrix(claims, docs).cells
        history = only.figures[claimant]
        heads = [f.value for f in history if not f.is_part]
        parts = [f.value for f in history if f.is_part]
        assert len(heads) == 1 and parts and heads[0] > parts[0], (claimant, history)
        assert only.latest()[claimant].value == heads[0]


def test_an_earlier_smaller_toll_with_a_place_is_a_revision() -> None:
    first = doc("Civil defence said 12 people were killed in Khan Younis.", date(2024, 7, 13))
    later = doc("Civil defence said 20 people were killed in the strikes.", date(2024, 7, 14))
    claims = [
        claim(first, "12 people were killed in Khan Younis", "civil defence", "civilian", 12),
        claim(later, "20 people were killed in the strikes", "civil defence", "civilian", 20),
    ]
    history = cell(matrix(claims, [first, later]), "killed", CIVILIANS).figures["civil defence"]
    assert [(f.value, f.is_part, f.is_latest) for f in history] == [
        (12, False, False),
        (20, False, True),
    ]


def test_a_claimants_revised_totals_never_contest_each_other() -> None:
    a = doc("The RSF said it killed 40 army soldiers in El Obeid.", date(2025, 5, 1))
    b = doc("The RSF said it killed 65 army soldiers in El Obeid.", date(2025, 5, 3))
    claims = [
        claim(a, "killed 40 army soldiers", "RSF", "opponent", 40, target="Sudanese army soldiers"),
        claim(b, "killed 65 army soldiers", "RSF", "opponent", 65, target="Sudanese army soldiers"),
    ]
    killed = cell(
        matrix(claims, [a, b]), "killed", "Sudanese Armed Forces and the army-led government"
    )
    history = killed.figures["RSF"]
    assert [f.value for f in history] == [40, 65] and history[-1].is_latest
    assert {f.grade for f in history} == {SINGLE}
    assert killed.spread is None


# -- corroboration counts independent origins -----------------------------------------------
def test_a_copy_of_a_statement_does_not_corroborate_it() -> None:
    original = doc(
        "Gaza's health ministry said 17 people were killed in the strike on the school.",
        date(2024, 8, 3),
        near_duplicate_group="g1",
    )
    copy = doc(
        "Seventeen people, 17 in all, were killed in the strike on the school.",
        date(2024, 8, 3),
        near_duplicate_group="g1",
    )
    independent = doc("Hospital staff counted 17 bodies after the school strike.", date(2024, 8, 3))
    claims = [
        claim(original, "17 people were killed", "Gaza Health Ministry", "civilian", 17),
        claim(copy, "17 in all", "reporter", "civilian", 17),
    ]
    latest = cell(matrix(claims, [original, copy]), "killed", CIVILIANS).latest()
    assert latest["Gaza Health Ministry"].grade == SINGLE
    assert latest["reporter"].grade == SINGLE
    # The outlet's own count in a text of its own is another source.
    own = claim(independent, "17 bodies", "reporter", "civilian", 17)
    latest = cell(matrix([claims[0], own], [original, independent]), "killed", CIVILIANS).latest()
    assert latest["Gaza Health Ministry"].grade == CORROBORATED


def test_the_outlet_repeating_its_own_quote_does_not_corroborate_it() -> None:
    d = doc(
        "Kashmir police said 3 civilians were killed in Kupwara. The three civilians were "
        "killed by gunfire.",
        date(2024, 11, 2),
    )
    claims = [
        claim(d, "3 civilians were killed", "Jammu and Kashmir Police", "civilian", 3),
        claim(d, "The three civilians were killed", "reporter", "civilian", 3),
    ]
    (only,) = matrix(claims, [d]).cells
    assert {f.grade for f in only.latest().values()} == {SINGLE}


def test_two_parties_in_one_article_corroborate_each_other() -> None:
    d = doc(
        "MONUSCO said 22 civilians were killed in Ituri; local officials said 23 died.",
        date(2024, 6, 15),
    )
    claims = [
        claim(d, "22 civilians were killed", "MONUSCO", "civilian", 22),
        claim(d, "23 died", "Ituri officials", "civilian", 23, qualifier="about"),
    ]
    latest = cell(matrix(claims, [d]), "killed", CIVILIANS).latest()
    assert latest["MONUSCO"].grade == CORROBORATED
    assert latest["Ituri officials"].grade == CORROBORATED


def test_a_short_name_joins_the_one_longer_name_it_is_part_of() -> None:
    d = doc(
        "Colombia's Defense Ministry said 8 police cadets died. The Defense Ministry later said "
        "8 was the final count. HRW Executive Director Tirana Hassan said 20 villagers died; "
        "Tirana Hassan said 20 again and HRW repeated it. Ukrainian officials said 4 died; "
        "Russian officials said 9; officials said 6. Pakistan said 3 were hurt and the "
        "Pakistan Interior Ministry said 5.",
        date(2024, 1, 17),
    )
    claims = [
        claim(d, "8 police cadets died", "Colombian Defense Ministry", "own", 8),
        claim(d, "8 was the final count", "the Defense Ministry", "own", 8),
        claim(d, "20 villagers died", "HRW Executive Director Tirana Hassan", "civilian", 20),
        claim(d, "20 again", "Tirana Hassan", "civilian", 20),
        claim(d, "HRW repeated it", "HRW", "civilian", 20),
        claim(d, "4 died", "Ukrainian officials", "other", 4),
        claim(d, "9;", "Russian officials", "other", 9),
        claim(d, "6.", "officials", "other", 6),
        claim(d, "3 were hurt", "Pakistan", "other", 3, category="wounded"),
        claim(d, "5.", "Pakistan Interior Ministry", "other", 5, category="wounded"),
    ]
    comparison = matrix(claims, [d])
    columns = {frozenset(names) for names in comparison.columns.values()}
    assert frozenset({"Colombian Defense Ministry", "the Defense Ministry"}) in columns
    assert frozenset({"HRW Executive Director Tirana Hassan", "Tirana Hassan", "HRW"}) in columns
    # "officials" could be either side's; "Pakistan" is the state, not its ministry.
    for alone in ("officials", "Ukrainian officials", "Russian officials", "Pakistan"):
        assert frozenset({alone}) in columns, alone


def test_a_figure_said_first_is_the_earlier_one_whatever_its_place_in_the_text() -> None:
    d = doc(
        "Jihadists killed at least 54 soldiers near Park W, the government said. The government "
        "originally said eight soldiers were killed. Police put the toll at 137 after an initial "
        "police estimate of 20 dead.",
        date(2025, 4, 24),
    )
    claims = [
        claim(d, "killed at least 54 soldiers", "Benin government", "own", 54, target="soldiers"),
        claim(
            d,
            "originally said eight soldiers were killed",
            "Benin government",
            "own",
            8,
            target="soldiers",
        ),
        claim(d, "put the toll at 137", "Somali police", "civilian", 137),
        claim(d, "an initial police estimate of 20 dead", "Somali police", "civilian", 20),
    ]
    comparison = matrix(claims, [d])
    for name in ("Benin government", "Somali police"):
        (history,) = [c.figures[name] for c in comparison.cells if name in c.figures]
        assert not any(f.is_part for f in history)
        assert [f.is_latest for f in history] == [False, True], name
    assert cell(comparison, "killed", CIVILIANS).latest()["Somali police"].value == 137


def test_a_vague_figure_does_not_replace_a_number() -> None:
    first = doc("Around 200 people were killed in Barsalogho, residents said.", date(2024, 8, 25))
    later = doc("Residents said dozens of bodies lay in the trench.", date(2024, 8, 26))
    claims = [
        claim(
            first, "Around 200 people were killed", "residents", "civilian", 200, qualifier="about"
        ),
        claim(later, "dozens of bodies", "residents", "civilian", None, qualifier="vague"),
    ]
    latest = cell(matrix(claims, [first, later]), "killed", CIVILIANS).latest()
    assert latest["residents"].value == 200


def test_a_reporter_relaying_a_party_named_another_way_is_that_party() -> None:
    a = doc(
        "Sudan's army said 30 civilians were killed in the El Fasher shelling.", date(2024, 6, 2)
    )
    relayed = "Thirty civilians died in El Fasher, according to a statement by the Sudanese Army."
    b = doc(relayed, date(2024, 6, 2), outlet="Example Khartoum Wire")
    claims = [
        claim(a, "30 civilians were killed", "Sudanese army", "civilian", 30),
        claim(b, relayed, "reporter", "civilian", 30),
    ]
    # The origin is provenance's reading of the passage (the statement it cites), not the
    # outlet resolve wrote into the claim.
    claims[1].origin = "Example Khartoum Wire"
    latest = cell(matrix(claims, [a, b]), "killed", CIVILIANS).latest()
    assert latest["Sudanese army"].grade == SINGLE and latest["reporter"].grade == SINGLE


def test_an_outlets_own_figure_beside_a_partys_is_corroboration() -> None:
    a = doc("Sudan's army said 30 civilians were killed in El Fasher.", date(2024, 6, 2))
    own = "Our reporter counted 30 bodies of civilians in El Fasher."
    b = doc(own, date(2024, 6, 2), outlet="Example Darfur Radio")
    claims = [
        claim(a, "30 civilians were killed", "Sudanese army", "civilian", 30),
        claim(b, own, "reporter", "civilian", 30),
    ]
    latest = cell(matrix(claims, [a, b]), "killed", CIVILIANS).latest()
    assert latest["reporter"].grade == CORROBORATED


def test_a_surname_like_a_country_is_still_a_person() -> None:
    from counterclaim.compare import name_key

    a = doc("Inspector Ahmed Malik said 6 policemen were killed in Bannu.", date(2025, 3, 2))
    b = doc("Police official Ahmad Malick said six policemen died in Bannu.", date(2025, 3, 2))
    claims = [
        claim(a, "6 policemen were killed", "Ahmed Malik", "own", 6, target="policemen"),
        claim(b, "six policemen died", "Ahmad Malick", "own", 6, target="policemen"),
    ]
    comparison = matrix(claims, [a, b])
    assert len(comparison.columns) == 1
    assert name_key("Malian army") == name_key("the army of Mali") != name_key("Malik army")


def test_the_entry_point_gathers_columns_with_the_knowledge_base() -> None:
    from counterclaim.actors import KnowledgeBase

    a = doc("ISPR said 11 soldiers were martyred in the Kurram ambush.", date(2025, 9, 13))
    b = doc("The Pakistan Army said 11 soldiers died in Kurram.", date(2025, 9, 13))
    claims = [
        claim(a, "11 soldiers were martyred", "ISPR", "own", 11, claimant_actor="ispr"),
        claim(b, "11 soldiers died", "Pakistan Army", "own", 11, claimant_actor="pakistan-army"),
    ]
    incident = Incident(id="inc-k", label="Kurram ambush", claim_ids=[c.id for c in claims])
    (comparison,) = compare_incidents([incident], claims, {a.id: a, b.id: b}, KnowledgeBase.load())
    assert comparison.columns == {"ISPR": ["ISPR", "Pakistan Army"]}
    (only,) = comparison.cells
    (figure,) = only.figures["ISPR"]
    assert figure.origins == 1 and figure.carriers == 2 and figure.grade == CONFIRMED


def test_origins_of_documents_follow_provenance_and_merge_copies() -> None:
    from counterclaim.compare import document_origin, origin_groups

    wire = doc("Kinshasa: 12 soldiers died, the army said.", outlet="Example A", origin="AP")
    again = doc("Goma: 12 soldiers died, the army said.", outlet="Example B", origin="ap")
    copy = doc(
        "Copy: 12 soldiers died.", outlet="Example C", origin="Reuters", near_duplicate_group="g1"
    )
    rewrite = doc(
        "Rewrite: 12 soldiers died.", outlet="Example D", origin="Example D",
        near_duplicate_group="g1",
    )  # fmt: skip
    unstored = doc("Sanaa: 4 killed.", outlet="Example Yemen Daily")  # provenance never ran
    assert document_origin(unstored) == "Example Yemen Daily"
    groups = origin_groups([wire, again, copy, rewrite, unstored])
    assert {name: [d.id for d in ds] for name, ds in groups.items()} == {
        "AP": [wire.id, again.id],
        "Reuters": [copy.id, rewrite.id],
        "Example Yemen Daily": [unstored.id],
    }


def test_every_word_list_of_compare_is_documented_in_its_data_file() -> None:
    from counterclaim.lexicon import data_path, load_data

    header = "\n".join(
        line for line in data_path("compare.yaml").read_text("utf-8").splitlines()
        if line.startswith("#")
    )  # fmt: skip
    for key, value in load_data("compare.yaml").items():
        assert f"# {key}" in header, key
        if isinstance(value, dict) and key != "qualifiers":
            for sub in value:
                assert f"#   {sub}:" in header, f"{key}.{sub}"


def test_figures_are_written_with_one_list_of_qualifier_words() -> None:
    from counterclaim.compare import Figure
    from counterclaim.web.views import figure_text

    figure = Figure("ISPR", "killed", "Pakistan", 25, None, "at_least", "", "d", None, 1)
    assert figure.display == "at least 25" == figure_text(25, "at_least")
    assert figure_text(40, "more_than") == "more than 40"


# -- kinds of things ------------------------------------------------------------------------
def test_things_of_different_kinds_are_different_rows_not_a_discrepancy() -> None:
    """Homes and vehicles burnt in one raid are two counts, not one count told two ways."""
    police = doc(
        "Police said the gunmen burnt 140 houses and 12 motorcycles in the villages.",
        date(2024, 4, 2),
    )
    outlet = doc(
        "The attackers torched 130 homes and also torched eight vehicles.", date(2024, 4, 2)
    )
    claims = [
        claim(
            police,
            "burnt 140 houses",
            "police",
            "civilian",
            140,
            category="destroyed",
            target="houses",
        ),
        claim(
            police,
            "12 motorcycles",
            "police",
            "civilian",
            12,
            category="destroyed",
            target="motorcycles",
        ),
        claim(
            outlet,
            "torched eight vehicles",
            "reporter",
            "civilian",
            8,
            category="destroyed",
            target="vehicles",
        ),
        claim(
            outlet,
            "torched 130 homes",
            "reporter",
            "civilian",
            130,
            category="destroyed",
            target="homes of the villagers",
        ),
    ]
    comparison = matrix(claims, [police, outlet])
    destroyed = {c.kind: c for c in comparison.cells if c.category == "destroyed"}
    assert set(destroyed) == {"homes", "motorcycles", "vehicles"}
    assert destroyed["homes"].label == f"{CIVILIANS} · homes"
    assert destroyed["homes"].spread == round(140 / 130, 2)  # the two counts of homes
    assert [f.value for f in destroyed["motorcycles"].figures["police"]] == [12]
    assert destroyed["vehicles"].spread is None
    largest = comparison.largest_discrepancy
    assert largest is not None and largest.kind == "homes" and "homes" in largest.describe()


def test_a_mixed_count_of_things_and_its_part_share_a_row() -> None:
    total = doc("The Houthis said they shot down 15 drones and missiles.", date(2024, 1, 12))
    drones = doc(
        "Eleven ballistic missiles were fired and two tanks hit, the navy said.",
        date(2024, 1, 12),
    )
    claims = [
        claim(
            total,
            "shot down 15 drones and missiles",
            "Houthis",
            "opponent",
            15,
            category="destroyed",
            target="drones and missiles",
        ),
        claim(
            drones,
            "Eleven ballistic missiles",
            "US Navy",
            "own",
            11,
            category="destroyed",
            target="ballistic missiles",
        ),
        claim(drones, "two tanks", "US Navy", "own", 2, category="destroyed", target="tanks"),
    ]
    kinds = sorted(c.kind for c in matrix(claims, [total, drones]).cells)
    assert kinds == ["drones, missiles", "tanks"]


def test_a_speaker_another_report_names_for_an_actor_joins_its_column() -> None:
    """One report names the police spokesman; another quotes him by surname alone."""
    a = doc(
        "Police spokesman Alfred Alabo said 86 villagers were killed in the raids.",
        date(2023, 12, 26),
    )
    b = doc("Mr Alabo said 221 houses were burnt in the raids.", date(2023, 12, 27))
    claims = [
        claim(
            a,
            "86 villagers were killed",
            "Nigeria Police Force",
            "civilian",
            86,
            target="villagers",
            claimant_actor="nigeria-police",
            claimant_aliases=["Police spokesman Alfred Alabo", "Alfred Alabo"],
        ),
        claim(
            b,
            "221 houses were burnt",
            "Mr Alabo",
            "civilian",
            221,
            category="destroyed",
            target="houses",
        ),
    ]
    comparison = compare_incident(_incident(claims), claims, {a.id: a, b.id: b})
    assert list(comparison.columns) == ["Nigeria Police Force"]
    assert comparison.parties == [] or "Mr Alabo" not in comparison.parties


def test_a_person_singled_out_is_no_figure_against_a_toll() -> None:
    """A priest killed in a raid that killed 19 is part of the toll; "one civilian" against
    19 is a figure against it."""
    a = doc("Officials said 19 people were killed in the raid on Derbent.", date(2024, 6, 24))
    b = doc("The diocese said a priest was killed in the raid.", date(2024, 6, 24))
    c = doc("Residents said one civilian was killed in the raid.", date(2024, 6, 24))
    toll = claim(a, "19 people were killed", "officials", "civilian", 19, target="people")
    priest = claim(b, "a priest was killed", "diocese", "civilian", 1, target="priest")
    civilian = claim(c, "one civilian was killed", "residents", "civilian", 1, target="civilian")
    singled_out = matrix([toll, priest], [a, b])
    assert cell(singled_out, "killed", CIVILIANS).spread is None
    assert singled_out.largest_discrepancy is None
    against = matrix([toll, civilian], [a, c])
    assert cell(against, "killed", CIVILIANS).spread == 19


def test_people_counted_by_nationality_are_part_of_a_larger_toll() -> None:
    """An embassy counts its own citizens among the dead; that is no figure against the
    police's toll of everyone."""
    a = doc("Police said three people were killed in the drone attack.", date(2022, 1, 18))
    b = doc("The embassy said two Indian nationals were killed.", date(2022, 1, 18))
    toll = claim(a, "three people were killed", "police", "civilian", 3, target="people")
    citizens = claim(
        b,
        "two Indian nationals were killed",
        "Indian Embassy",
        "civilian",
        2,
        target="Indian nationals",
    )
    comparison = matrix([toll, citizens], [a, b])
    assert cell(comparison, "killed", CIVILIANS).spread is None
    assert comparison.largest_discrepancy is None
