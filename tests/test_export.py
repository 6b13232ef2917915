"""Exports on a store filled by hand: CSV and ACLED read back with csv, JSON Lines line by
line, GeoJSON checked for structure; and the ``counterclaim export`` command."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from counterclaim.cli import app
from counterclaim.errors import CounterclaimError
from counterclaim.export import (
    CLAIM_COLUMNS,
    FORMATS,
    claimant_slug,
    export_claims,
    incident_figures,
)
from counterclaim.model import Claim, Document, Incident, Place
from counterclaim.store import ClaimFilter, Store
from factories import claim, claim_at, fill_store

TURBAT = Place("Turbat", 26.0023, 63.0440, "PK", "Balochistan", "geonames", 1162862, 213557)
KECH = Place("Kech", None, None, "PK", "Balochistan", None)  # unresolved: no coordinates
GOMA = Place("Goma", -1.6792, 29.2228, "CD", "Nord-Kivu", "geonames", 216281, 670000)

WIRE = Document(
    text="Balochistan clashes\n\nQUETTA (Agency) - The separatist group said its fighters "
    "killed 30 soldiers in Turbat, a claim the army rejected, saying 4 soldiers and 12 "
    "attackers died.",
    outlet="Wire One",
    url="https://example.org/wire/turbat",
    published=date(2025, 2, 2),
)
REPRINT = Document(
    text="Turbat attack: separatists claim 30 soldiers dead; military says 4 soldiers lost "
    "and 12 militants killed.",
    outlet="Daily Two",
    published=date(2025, 2, 3),
)
GOMA_REPORT = Document(
    text='Fighting near Goma: M23 said it took the airport; a hospital counted "dozens" of '
    "wounded, and 7 people were reported missing.",
    outlet="Lakes Courier",
    published=date(2025, 1, 27),
)


def make_claim(doc: Document, start: int, **fields: object) -> Claim:
    return claim(doc, start, 40, evidence=doc.text[start : start + 40], **fields)


# Keyword sets the claims below share.
BLA = {"claimant": "Baloch Liberation Army", "claimant_actor": "BLA"}
ARMY = {"claimant": "Pakistan Army", "claimant_actor": "Pakistan Army"}
IN_TURBAT = {"locations": ["Turbat"], "places": [TURBAT]}
ON_1_FEB = {"event_date": "2025-02-01", **IN_TURBAT}
GOMA_PEOPLE = {
    "target": "people",
    "target_role": "civilian",
    "locations": ["Goma"],
    "places": [GOMA],
}

CLAIMS = [
    make_claim(
        WIRE,
        30,
        **BLA,
        category="killed",
        value=30,
        target="soldiers",
        target_actor="Pakistan Army",
        target_role="opponent",
        event_date="2025-02-01",
        locations=["Turbat", "Kech"],
        places=[TURBAT, KECH],
        hedged=True,
    ),
    make_claim(
        WIRE,
        90,
        **ARMY,
        category="killed",
        value=4,
        target="soldiers",
        target_actor="Pakistan Army",
        target_role="own",
        **ON_1_FEB,
    ),
    make_claim(
        WIRE,
        110,
        **ARMY,
        category="killed",
        value=12,
        qualifier="at_least",
        target="attackers",
        target_actor="BLA",
        target_role="opponent",
        **ON_1_FEB,
    ),
    # The same two figures again from a second outlet: counted once per claimant.
    make_claim(
        REPRINT,
        10,
        **BLA,
        category="killed",
        value=30,
        target="soldiers",
        target_role="opponent",
        **IN_TURBAT,
    ),
    make_claim(
        REPRINT, 50, **ARMY, category="killed", value=12, target="militants", target_role="opponent"
    ),
    make_claim(
        GOMA_REPORT,
        60,
        claimant="hospital",
        category="wounded",
        value=None,
        qualifier="vague",
        event_date="2025-01-26",
        **GOMA_PEOPLE,
    ),
    make_claim(GOMA_REPORT, 100, claimant="reporter", category="missing", value=7, **GOMA_PEOPLE),
    # No incident: in the per-claim exports, not in the ACLED table.
    make_claim(
        GOMA_REPORT,
        20,
        claimant="M23",
        category="seized",
        value=1,
        target="airport",
        target_role="other",
    ),
]
INCIDENTS = [
    Incident(
        id="inc-turbat",
        label="Turbat attack, 1 February 2025",
        date_start="2025-02-01",
        date_end="2025-02-01",
        places=["Turbat", "Kech"],
        claim_ids=[c.id for c in CLAIMS[:5]],
    ),
    Incident(
        id="inc-goma",
        label="Goma fighting, January 2025",
        date_start="2025-01-26",
        places=["Goma"],
        operation=None,
        claim_ids=[c.id for c in CLAIMS[5:7]],
    ),
]


@pytest.fixture
def filled(tmp_path: Path) -> Store:
    store = Store(f"sqlite:///{tmp_path / 'export.db'}")
    return fill_store(store, [WIRE, REPRINT, GOMA_REPORT], CLAIMS, incidents=INCIDENTS)


def export(store: Store, fmt: str, filters: ClaimFilter | None = None) -> tuple[int, str]:
    out = io.StringIO()
    count = export_claims(store, fmt, out, filters)
    return count, out.getvalue()


# -- csv --------------------------------------------------------------------------------------
def test_csv_has_one_row_per_claim_and_reads_back(filled: Store) -> None:
    count, text = export(filled, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert count == len(rows) == len(CLAIMS)
    assert tuple(rows[0]) == CLAIM_COLUMNS
    by_id = {r["id"]: r for r in rows}
    bla = by_id[CLAIMS[0].id]
    assert bla["claimant"] == "Baloch Liberation Army"
    assert bla["value"] == "30"
    assert bla["hedged"] == "True"
    assert bla["locations"] == "Turbat; Kech"
    assert bla["places"] == "Turbat (26.0023, 63.044); Kech"
    assert bla["incident_id"] == "inc-turbat"
    assert bla["outlet"] == "Wire One"
    assert bla["published"] == "2025-02-02"
    assert by_id[CLAIMS[5].id]["value"] == ""  # "dozens": no number
    assert by_id[CLAIMS[7].id]["incident_id"] == ""


def test_csv_keeps_commas_quotes_and_newlines_in_evidence(tmp_path: Path) -> None:
    doc = Document(text='Yemen: "three, maybe four" boats were hit,\nthe coalition said.')
    tricky = claim_at(
        doc, doc.text, category="destroyed", value=3, qualifier="about", claimant="coalition"
    )
    _, text = export(fill_store(Store(":memory:"), [doc], [tricky]), "csv")
    (row,) = csv.DictReader(io.StringIO(text))
    assert row["evidence"] == doc.text


# -- jsonl ------------------------------------------------------------------------------------
def test_jsonl_is_one_object_per_line(filled: Store) -> None:
    count, text = export(filled, "jsonl")
    records = [json.loads(line) for line in text.splitlines()]
    assert count == len(records) == len(CLAIMS)
    first = next(r for r in records if r["id"] == CLAIMS[0].id)
    assert set(first) == set(CLAIM_COLUMNS)
    assert first["locations"] == ["Turbat", "Kech"]
    assert first["places"][0]["latitude"] == pytest.approx(26.0023)
    assert first["places"][1]["latitude"] is None
    assert first["hedged"] is True
    assert first["url"] == "https://example.org/wire/turbat"


def test_jsonl_respects_filters(filled: Store) -> None:
    count, text = export(filled, "jsonl", ClaimFilter(claimant="pakistan army"))
    assert count == 3
    assert {json.loads(line)["claimant"] for line in text.splitlines()} == {"Pakistan Army"}


# -- geojson ----------------------------------------------------------------------------------
def test_geojson_has_one_point_per_claim_place_with_coordinates(filled: Store) -> None:
    count, text = export(filled, "geojson")
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    # Claims with coordinates: 4 in Turbat (Kech has none), 2 in Goma; 2 claims have no place.
    assert count == len(features) == 6
    for feature in features:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert {"id", "claimant", "category", "value", "place", "country_code"} <= set(
            feature["properties"]
        )
    turbat = [f for f in features if f["properties"]["place"] == "Turbat"]
    assert turbat[0]["geometry"]["coordinates"] == [63.0440, 26.0023]  # longitude first
    assert {f["properties"]["country_code"] for f in features} == {"PK", "CD"}


def test_geojson_of_an_empty_store_is_an_empty_collection() -> None:
    count, text = export(Store(":memory:"), "geojson")
    assert count == 0
    assert json.loads(text) == {"type": "FeatureCollection", "features": []}


# -- acled ------------------------------------------------------------------------------------
def test_acled_has_one_row_per_incident_with_per_claimant_figures(filled: Store) -> None:
    count, text = export(filled, "acled")
    reader = csv.DictReader(io.StringIO(text))
    rows = {r["event_id"]: r for r in reader}
    assert count == len(rows) == 2
    columns = reader.fieldnames or []
    for column in (
        "event_date",
        "location",
        "latitude",
        "longitude",
        "country",
        "actor1",
        "actor2",
        "notes",
    ):
        assert column in columns
    turbat = rows["inc-turbat"]
    assert turbat["event_date"] == "2025-02-01"
    assert turbat["location"] == "Turbat"
    assert turbat["admin1"] == "Balochistan"
    assert turbat["country"] == "Pakistan"
    assert float(turbat["latitude"]) == pytest.approx(26.0023)
    # The parties as the incident's matrix names them: the knowledge base's sides, not a
    # mix of actor ids and side ids.
    assert {turbat["actor1"], turbat["actor2"]} == {"Baloch separatists", "Pakistan"}
    # Repeats across outlets count once; the army's own losses and the attackers it says it
    # killed are different target roles and add up.
    assert turbat["fatalities_baloch_liberation_army"] == "30"
    assert turbat["fatalities_pakistan_army"] == "16"
    assert turbat["wounded_hospital"] == ""  # a column of another incident
    assert turbat["documents"] == "2"
    assert turbat["claims"] == "5"
    assert turbat["sources"] == "Wire One; Daily Two"
    notes = turbat["notes"]
    assert "Baloch Liberation Army: 30 killed (soldiers, hedged)" in notes
    assert "Pakistan Army: 4 killed (soldiers), at least 12 killed (attackers)" in notes
    goma = rows["inc-goma"]
    assert goma["country"] == "Democratic Republic of the Congo"
    assert goma["missing_reporter"] == "7"
    assert goma["wounded_hospital"] == ""  # a vague figure has no number
    assert "hospital: an unstated number wounded (people)" in goma["notes"]
    assert goma["actor1"] == "" and goma["actor2"] == ""  # only a hospital and the reporter


def test_acled_leaves_out_claims_without_incident(filled: Store) -> None:
    _, text = export(filled, "acled")
    assert "airport" not in text
    assert "seized_m23" not in text


def test_incident_figures_take_the_largest_figure_per_target_role() -> None:
    doc_id = "d" * 16
    claims = [
        Claim(doc_id, "killed", 10, "exact", "e", 0, 1, claimant="Houthis", target_role="opponent"),
        Claim(doc_id, "killed", 14, "exact", "e", 2, 3, claimant="Houthis", target_role="opponent"),
        Claim(doc_id, "killed", 2, "exact", "e", 4, 5, claimant="Houthis", target_role="own"),
        Claim(doc_id, "captured", 3, "exact", "e", 6, 7, claimant="Houthis"),
    ]
    assert incident_figures(claims) == {"fatalities_houthis": 16, "captured_houthis": 3}


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Sudanese Armed Forces", "sudanese_armed_forces"),
        ("Tatmadaw (Myanmar military)", "tatmadaw_myanmar_military"),
        ("ISWAP/ISIS-Sahel", "iswap_isis_sahel"),
        ("Ministère de la Défense", "minist_re_de_la_d_fense"),
        ("!!!", "unnamed"),
    ],
)
def test_claimant_slug(name: str, slug: str) -> None:
    assert claimant_slug(name) == slug


def test_unknown_format_names_the_valid_ones(filled: Store) -> None:
    with pytest.raises(CounterclaimError, match="valid formats: csv, jsonl, geojson, acled"):
        export(filled, "xlsx")


# -- the command ------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
def test_export_command_writes_stdout(filled: Store, fmt: str) -> None:
    result = CliRunner().invoke(app, ["export", "--format", fmt, "--db", filled.url])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()
    if fmt == "geojson":
        assert json.loads(result.stdout)["type"] == "FeatureCollection"


def test_export_command_writes_a_file(filled: Store, tmp_path: Path) -> None:
    target = tmp_path / "claims.jsonl"
    result = CliRunner().invoke(
        app, ["export", "-f", "jsonl", "--output", str(target), "--db", filled.url]
    )
    assert result.exit_code == 0, result.output
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(CLAIMS)
    assert not (tmp_path / "claims.jsonl.partial").exists()


def test_export_command_rejects_an_unknown_format(filled: Store) -> None:
    result = CliRunner().invoke(app, ["export", "--format", "pdf", "--db", filled.url])
    assert result.exit_code == 2
    assert "valid formats" in result.output


def test_exports_of_many_documents_keep_every_outlet() -> None:
    docs = [
        Document(text=f"Report {i}: officials in Kherson said {i} shells fell.", outlet=f"o{i}")
        for i in range(1200)
    ]
    claims = [
        claim(d, 0, 10, category="attacks", value=i, evidence=d.text, claimant="officials")
        for i, d in enumerate(docs)
    ]
    count, text = export(fill_store(Store(":memory:"), docs, claims), "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert count == len(rows) == 1200
    assert all(row["outlet"] == f"o{row['value']}" for row in rows)


# -- review status and the gold export --------------------------------------------------------
def test_exports_say_which_claims_an_analyst_reviewed(filled: Store) -> None:
    from counterclaim import review

    review.correct(filled, CLAIMS[0].id, {"value": 31}, "Hina", "recount")
    _, text = export(filled, "csv")
    by_id = {r["id"]: r for r in csv.DictReader(io.StringIO(text))}
    assert by_id[CLAIMS[0].id]["review"] == "corrected"
    assert by_id[CLAIMS[0].id]["value"] == "31"
    assert by_id[CLAIMS[1].id]["review"] == "machine"
    _, acled = export(filled, "acled")
    turbat = {r["event_id"]: r for r in csv.DictReader(io.StringIO(acled))}["inc-turbat"]
    assert turbat["reviewed_claims"] == "1"


def test_gold_export_writes_reviewed_documents_with_texts_beside(
    filled: Store, tmp_path: Path
) -> None:
    from counterclaim import review
    from counterclaim.evaluate import load_gold
    from counterclaim.export import export_gold

    review.accept_document(filled, WIRE.id, "Hina")
    review.accept(filled, [CLAIMS[5].id], "Hina")  # one claim of another report: partial
    out = tmp_path / "gold" / "reviewed.jsonl"
    assert export_gold(filled, out) == 1
    (article,) = load_gold(out)
    text = (out.parent / article["doc"]).read_text(encoding="utf-8")
    assert text == WIRE.text
    assert article["published"] == "2025-02-02" and article["url"] == WIRE.url
    assert article["claims"] and all(c["evidence"] in text for c in article["claims"])
    assert {c["review"] for c in article["claims"]} == {"accepted"}
    assert export_gold(filled, out, partial=True) == 2


def test_gold_export_needs_a_file(filled: Store) -> None:
    with pytest.raises(CounterclaimError, match="texts beside it"):
        export(filled, "gold")
    result = CliRunner().invoke(app, ["export", "--format", "gold", "--db", filled.url])
    assert result.exit_code == 2 and "--output" in result.output
