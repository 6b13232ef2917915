"""View models for the API and the dashboard, built from the store and the stages.

Nothing here decides who claims what: the claims matrix comes from
``counterclaim.compare.compare_incidents`` (the entry point the CLI uses too), and this
module only loads its inputs from the store and lays its cells out for a table.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, is_dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlsplit

from counterclaim import pipeline
from counterclaim.actors import KnowledgeBase
from counterclaim.compare import (
    GRADES,
    Comparison,
    compare_incidents,
    origin_groups,
    qualifier_words,
)
from counterclaim.errors import CounterclaimError, NotFoundError
from counterclaim.model import REPORTER, Claim, Document, Incident
from counterclaim.store import Store
from counterclaim.web.geo import MapView, Marker, map_view

logger = logging.getLogger(__name__)
PALETTE = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#7f7f7f",
    "#bcbd22",
)


def party_colour(name: str) -> str:
    digest = hashlib.sha256(name.lower().encode("utf-8")).digest()
    return PALETTE[digest[0] % len(PALETTE)]


_HOST = re.compile(r"[\w.\-:]+")


def party_class(name: str) -> str:
    """The CSS class of a party's colour (``party-3`` for ``PALETTE[3]``): a class, not an
    inline style, so the Content-Security-Policy can forbid inline styles."""
    return f"party-{PALETTE.index(party_colour(name))}"


def web_link(url: str | None) -> str | None:
    """``url`` if it may be a link: http or https with a host, nothing a browser would run
    (``javascript:``, ``data:``) or read as another scheme; None otherwise."""
    if not url:
        return None
    url = url.strip()
    # Browsers drop tabs and newlines inside a URL ("java\tscript:"); refuse any control.
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if not _HOST.fullmatch(parts.hostname):
        return None  # quotes, brackets or spaces are in no host name
    return url


def party_label(name: str) -> str:
    return "unattributed (reporter)" if name == REPORTER else name


def figure_text(value: int | None, qualifier: str, value_high: int | None = None) -> str:
    if value is None:
        return "unspecified number" if qualifier == "vague" else "?"
    number = f"{value:,}" if value_high is None else f"{value:,}–{value_high:,}"
    return f"{qualifier_words(qualifier)}{number}"


def to_jsonable(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return to_jsonable(asdict(value))
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [to_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def searchable_text(value: Any) -> str:
    """The string values inside ``value`` (dicts, lists), lowercased, one per line."""
    if isinstance(value, dict):
        return "\n".join(searchable_text(v) for v in value.values())
    if isinstance(value, list | tuple):
        return "\n".join(searchable_text(v) for v in value)
    return "" if value is None else str(value).lower()


# -- summaries ------------------------------------------------------------------------------
def claim_dict(claim: Claim, side: str | None = None) -> dict[str, Any]:
    out = to_jsonable(claim)
    out["figure"] = figure_text(claim.value, claim.qualifier, claim.value_high)
    out["affected_side"] = side
    return out


def claim_date(claim: Claim, doc: Document | None) -> date | None:
    if claim.stated_on:
        return claim.stated_on
    if doc is not None and doc.published:
        return doc.published
    if claim.event_date:
        try:
            return date.fromisoformat(claim.event_date[:10])
        except ValueError:
            return None
    return None


# -- the knowledge base, for sides ----------------------------------------------------------
def knowledge_base(settings: Any) -> KnowledgeBase | None:
    """The knowledge base the settings name; None when a user file is broken, and compare
    then uses the shipped one."""
    try:
        return (
            KnowledgeBase.from_settings(settings) if settings is not None else KnowledgeBase.load()
        )
    except CounterclaimError as exc:
        # A broken user file must not take the API down; the CLI reports it in full.
        logger.warning("knowledge base not loaded: %s", exc)
        return None


# -- the claims matrix ----------------------------------------------------------------------
@dataclass
class Figure:
    claim_id: str
    doc_id: str
    text: str
    value: int | None
    hedged: bool = False
    evidence: str = ""
    grade: str | None = None
    origins: int | None = None
    is_latest: bool = True
    is_part: bool = False
    stated_on: date | None = None
    claim_ids: list[str] = field(default_factory=list)


@dataclass
class MatrixRow:
    category: str
    target: str  # the side whose people or things the figures count
    cells: dict[str, list[Figure]] = field(default_factory=dict)
    spread: str | None = None
    spread_value: float | None = None
    note: str | None = None


@dataclass
class Matrix:
    claimants: list[str]
    rows: list[MatrixRow]
    source: str  # always "compare", the stage that built it
    sides: dict[str, str] = field(default_factory=dict)  # claimant → side
    largest: str | None = None
    largest_value: float | None = None
    grades: dict[str, str] = field(default_factory=dict)  # grade → what it means

    def side_of_claim(self) -> dict[str, str]:
        return {
            claim_id: row.target
            for row in self.rows
            for figures in row.cells.values()
            for figure in figures
            for claim_id in figure.claim_ids
        }


def matrix_from_comparison(comparison: Comparison) -> Matrix:
    """Lay a :class:`counterclaim.compare.Comparison` out as rows and claimant columns."""
    rows = []
    made: Counter[str] = Counter()
    for cell in comparison.cells:
        row = MatrixRow(cell.category, cell.label, note=cell.note)
        if cell.spread is not None:
            row.spread_value = float(cell.spread)
            row.spread = f"×{cell.spread:g}"
        elif cell.denied_by:
            row.spread = "denied by " + ", ".join(map(party_label, cell.denied_by))
        for claimant, history in cell.figures.items():
            made[claimant] += len(history)
            row.cells[claimant] = [
                Figure(
                    claim_id=f.claim_ids[0] if f.claim_ids else "",
                    doc_id=f.doc_id,
                    text=f.display,
                    value=f.value,
                    hedged=f.hedged,
                    evidence=f.evidence,
                    grade=f.grade,
                    origins=f.origins,
                    is_latest=f.is_latest or f.is_part,
                    is_part=f.is_part,
                    stated_on=f.stated_on,
                    claim_ids=list(f.claim_ids),
                )
                for f in history
            ]
        rows.append(row)
    # Belligerents first, in the order compare found them; reporters and others after.
    parties = list(comparison.parties or [])
    sides = dict(comparison.sides)

    def column(claimant: str) -> tuple[int, int, int]:
        side = sides.get(claimant, claimant)
        rank = parties.index(side) if side in parties else len(parties)
        return (claimant == REPORTER, rank, -made[claimant])

    largest = comparison.largest_discrepancy
    return Matrix(
        claimants=sorted(made, key=column),
        rows=rows,
        source="compare",
        sides=sides,
        largest=largest.describe() if largest else None,
        largest_value=(largest.ratio if largest.ratio is not None else None) if largest else None,
        grades=dict(GRADES),
    )


# -- incidents ------------------------------------------------------------------------------
@dataclass
class IncidentSummary:
    incident: Incident
    parties: list[str]
    claims: int
    documents: int
    origins: int
    discrepancy: str | None
    discrepancy_value: float | None
    markers: list[Marker]

    def as_dict(self) -> dict[str, Any]:
        inc = self.incident
        return {
            "id": inc.id,
            "label": inc.label,
            "date_start": inc.date_start,
            "date_end": inc.date_end,
            "places": inc.places,
            "operation": inc.operation,
            "parties": self.parties,
            "claims": self.claims,
            "documents": self.documents,
            "independent_origins": self.origins,
            "largest_discrepancy": self.discrepancy,
            "largest_discrepancy_value": self.discrepancy_value,
        }


@dataclass
class IncidentData:
    incident: Incident
    claims: list[Claim]
    docs: dict[str, Document]
    matrix: Matrix
    comparison: Comparison


def compare_stored(
    store: Store, incidents: Sequence[Incident], kb: KnowledgeBase | None = None
) -> list[IncidentData]:
    """Each incident's claims matrix (step 6, ``pipeline.compare_stored``) with the claims
    and documents it was built from, as the pages show them."""
    return [
        IncidentData(
            d.incident, d.claims, d.documents, matrix_from_comparison(d.comparison), d.comparison
        )
        for d in pipeline.compare_stored(store, incidents, kb)
    ]


def lone_claim_sides(claims: Sequence[Claim], kb: KnowledgeBase | None = None) -> dict[str, str]:
    """The affected side of claims that belong to no incident: each compared alone, through
    the same entry point as an incident's matrix."""
    alone = [Incident(id=f"lone:{c.id}", label=c.id, claim_ids=[c.id]) for c in claims]
    sides: dict[str, str] = {}
    for comparison in compare_incidents(alone, claims, {}, kb):
        sides.update(matrix_from_comparison(comparison).side_of_claim())
    return sides


def load_incident(store: Store, key: str, settings: Any = None) -> IncidentData:
    (data,) = compare_stored(store, [store.incident(key)], knowledge_base(settings))
    return data


def summarise(data: IncidentData) -> IncidentSummary:
    """One line of the incidents list: parties are the claimants, who speak for themselves,
    one per column of the matrix (a ministry named two ways is one party)."""
    return IncidentSummary(
        incident=data.incident,
        parties=list(data.matrix.claimants),
        claims=len(data.claims),
        documents=len(data.docs),
        origins=len(origin_groups(data.docs.values())),
        discrepancy=data.matrix.largest,
        discrepancy_value=data.matrix.largest_value,
        markers=place_markers(data.claims),
    )


def claim_sides(store: Store, claims: Sequence[Claim], settings: Any = None) -> dict[str, str]:
    """The affected side of each claim, from its incident's matrix (compare's decision)."""
    kb = knowledge_base(settings)
    wanted = dict.fromkeys(c.incident_id for c in claims if c.incident_id)
    incidents = [i for i in store.incidents() if i.id in wanted] if wanted else []
    out: dict[str, str] = {}
    for data in compare_stored(store, incidents, kb):
        out.update(data.matrix.side_of_claim())
    # Claims of no incident, or of one gone since they were read, are compared alone.
    out.update(lone_claim_sides([c for c in claims if c.id not in out], kb))
    return out


def incident_summaries(store: Store, settings: Any = None) -> list[IncidentSummary]:
    """One summary per incident, from three queries whatever the number of incidents (one
    incident at a time re-read the incident table each time: quadratic)."""
    return [
        summarise(d) for d in compare_stored(store, store.incidents(), knowledge_base(settings))
    ]


def filter_summaries(
    summaries: Iterable[IncidentSummary],
    *,
    q: str | None = None,
    party: str | None = None,
    place: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[IncidentSummary]:
    if not (q or party or place or date_from or date_to):
        return list(summaries)
    out = []
    for s in summaries:
        inc = s.incident
        places = [p.lower() for p in inc.places] + [m.label.lower() for m in s.markers]
        haystack = " ".join([inc.label, inc.operation or "", *inc.places, *s.parties]).lower()
        if q and q.lower() not in haystack:
            continue
        if party and not any(party.lower() in p.lower() for p in s.parties):
            continue
        if place and not any(place.lower() in p for p in places):
            continue
        if date_from and (inc.date_end or inc.date_start or "") < date_from:
            continue
        if date_to and (inc.date_start or inc.date_end or "9999") > date_to:
            continue
        out.append(s)
    return out


# -- places and maps ------------------------------------------------------------------------
def place_markers(claims: Iterable[Claim], href: str | None = None) -> list[Marker]:
    """One marker per resolved place, counting the claims that name it."""
    by_name: dict[str, Marker] = {}
    parties: dict[str, set[str]] = {}
    for claim in claims:
        for place in claim.places:
            if place.latitude is None or place.longitude is None:
                continue
            marker = by_name.get(place.name)
            if marker is None:
                marker = by_name[place.name] = Marker(
                    place.latitude, place.longitude, place.name, "place", href, 0, name=place.name
                )
            marker.count += 1
            parties.setdefault(place.name, set()).add(party_label(claim.claimant))
    for name, marker in by_name.items():
        claimed_by = ", ".join(sorted(parties[name]))
        marker.label = (
            f"{name}: {marker.count} claim{'s' if marker.count != 1 else ''} ({claimed_by})"
        )
    return list(by_name.values())


def incident_markers(summaries: Iterable[IncidentSummary]) -> list[Marker]:
    markers = []
    for s in summaries:
        if not s.markers:
            continue
        # The place most claims name: a mean of far-apart places can fall in another country.
        main = max(s.markers, key=lambda m: m.count)
        lat, lon = main.latitude, main.longitude
        markers.append(
            Marker(
                lat,
                lon,
                f"{s.incident.label}: {s.claims} claims by "
                + ", ".join(map(party_label, s.parties)),
                "incident",
                f"/incidents/{s.incident.id}",
                s.claims,
                name=s.incident.label,
            )
        )
    return markers


def incidents_map(summaries: Sequence[IncidentSummary]) -> MapView:
    return map_view(incident_markers(summaries), min_span=20.0)


def claims_map(claims: Sequence[Claim]) -> MapView:
    return map_view(place_markers(claims))


def place_index(claims: Iterable[Claim]) -> list[dict[str, Any]]:
    places: dict[tuple[str, str | None], dict[str, Any]] = {}
    for claim in claims:
        for place in claim.places:
            key = (place.name, place.country_code)
            entry = places.setdefault(
                key, {**place.to_dict(), "claims": 0, "incidents": [], "claimants": []}
            )
            entry["claims"] += 1
            if claim.incident_id and claim.incident_id not in entry["incidents"]:
                entry["incidents"].append(claim.incident_id)
            if claim.claimant not in entry["claimants"]:
                entry["claimants"].append(claim.claimant)
    return sorted(places.values(), key=lambda p: (-p["claims"], p["name"]))


def actor_index(claims: Iterable[Claim], settings: Any = None) -> list[dict[str, Any]]:
    """Actors of the knowledge base with the claims each makes, then unresolved claimants."""
    claims = list(claims)
    by_actor = Counter(c.claimant_actor for c in claims if c.claimant_actor)
    out: list[dict[str, Any]] = []
    known: set[str] = set()
    for actor in _knowledge_base_actors(settings):
        known.add(actor.id)
        out.append({**to_jsonable(actor), "claims": by_actor.get(actor.id, 0)})
    unresolved = Counter(
        c.claimant for c in claims if not c.claimant_actor or c.claimant_actor not in known
    )
    for name, count in unresolved.most_common():
        out.append(
            {"id": None, "name": party_label(name), "kind": None, "side": None, "claims": count}
        )
    out.sort(key=lambda a: -a["claims"])  # stable: knowledge-base order among equals
    return out


def _knowledge_base_actors(settings: Any) -> list[Any]:
    kb = knowledge_base(settings)
    return list(kb.actors) if kb is not None else []


# -- evidence highlighting ------------------------------------------------------------------
@dataclass
class Segment:
    text: str
    claim: Claim | None = None
    # Claims whose span lies inside this one (two figures of one sentence): each still needs
    # an anchor for the matrix to link to, so the template nests a mark for each.
    also: list[Claim] = field(default_factory=list)


def highlight(text: str, claims: Iterable[Claim]) -> list[Segment]:
    """The text cut at claim spans; a template wraps claim segments in <mark>, escaping both."""
    spans: list[tuple[int, int, Claim]] = []
    for claim in claims:
        start, end = claim.span_start, claim.span_end
        if not (0 <= start < end <= len(text)) or (
            claim.evidence and text[start:end].strip() != claim.evidence.strip()
        ):
            found = text.find(claim.evidence) if claim.evidence else -1
            if found < 0:
                continue  # an evidence string the text does not hold cannot be marked
            start, end = found, found + len(claim.evidence)
        spans.append((start, end, claim))
    spans.sort(key=lambda s: (s[0], -s[1]))
    segments: list[Segment] = []
    cursor = 0
    for start, end, claim in spans:
        if end <= cursor:
            if segments and segments[-1].claim is not None:
                segments[-1].also.append(claim)  # nested inside the span marked last
            continue
        start = max(start, cursor)
        if start > cursor:
            segments.append(Segment(text[cursor:start]))
        segments.append(Segment(text[start:end], claim))
        cursor = end
    if cursor < len(text):
        segments.append(Segment(text[cursor:]))
    return segments


# -- timeline -------------------------------------------------------------------------------
@dataclass
class TimelineDot:
    x: float
    y: float
    colour: str
    label: str
    claim_id: str


@dataclass
class Timeline:
    width: int
    height: int
    rows: list[tuple[str, float, str]]  # party label, y, colour
    ticks: list[tuple[float, str]]
    dots: list[TimelineDot]
    left: int
    undated: int
    labels: list[tuple[float, float, str]]  # x, y, the figures a party stated that day


def timeline(claims: Sequence[Claim], docs: dict[str, Document], width: int = 1200) -> Timeline:
    """Claims per party over time: one row per party, one dot per claim on its date."""
    dated = [(c, claim_date(c, docs.get(c.doc_id))) for c in claims]
    known = [(c, d) for c, d in dated if d is not None]
    parties = list(dict.fromkeys(c.claimant for c, _ in known))
    parties.sort(key=lambda p: p == REPORTER)
    left, row_height, top = 240, 34, 30
    height = top + row_height * max(len(parties), 1) + 20
    if not known:
        return Timeline(width, height, [], [], [], left, len(dated), [])
    first = min(d for _, d in known) - timedelta(days=1)
    last = max(d for _, d in known) + timedelta(days=1)
    days = max((last - first).days, 1)
    plot = width - left - 30

    def x_of(day: date) -> float:
        return round(left + plot * (day - first).days / days, 1)

    step = max(1, days // 8)
    ticks = [
        (x_of(first + timedelta(days=i)), (first + timedelta(days=i)).isoformat())
        for i in range(0, days + 1, step)
    ]
    rows = [
        (party_label(p), top + row_height * i + row_height / 2, party_colour(p))
        for i, p in enumerate(parties)
    ]
    y_of = {p: rows[i][1] for i, p in enumerate(parties)}
    stacked: Counter[tuple[str, date]] = Counter()
    notes: dict[tuple[str, date], list[str]] = {}
    dots = []
    for claim, day in known:
        offset = stacked[(claim.claimant, day)]
        stacked[(claim.claimant, day)] += 1
        figure = figure_text(claim.value, claim.qualifier, claim.value_high)
        notes.setdefault((claim.claimant, day), []).append(f"{figure} {claim.category}")
        dots.append(
            TimelineDot(
                x=x_of(day) + 9 * offset,
                y=y_of[claim.claimant],
                colour=party_colour(claim.claimant),
                label=f"{party_label(claim.claimant)}, {day.isoformat()}: "
                f"{claim.category} {figure} ({claim.target or claim.target_role})",
                claim_id=claim.id,
            )
        )
    labels = [
        (
            x_of(day) + 9 * (len(texts) - 1) + 10,
            y_of[party] + 4,
            ", ".join(dict.fromkeys(texts)),
        )
        for (party, day), texts in notes.items()
    ]
    return Timeline(width, height, rows, ticks, dots, left, len(dated) - len(known), labels)


# -- analyst review -------------------------------------------------------------------------
def review_context(
    store: Store,
    *,
    claims: Sequence[Claim],
    incident: Incident | None = None,
    doc_id: str | None = None,
) -> dict[str, Any]:
    """What a page's review controls need: each claim's review status, the page's review
    history, the choices of the correction form, and the other incidents (for merges)."""
    from counterclaim import review
    from counterclaim.model import CATEGORIES, QUALIFIERS, TARGET_ROLES

    if incident is not None:
        rows = review.history(store, incident=incident.id, limit=100)
    else:
        rows = review.history(store, doc_id=doc_id, limit=100)
    others = [i for i in store.incidents() if incident is None or i.id != incident.id]
    return {
        "reviewed": store.review_statuses([c.id for c in claims]) if claims else {},
        "history": rows,
        "choices": {
            "categories": CATEGORIES,
            "qualifiers": QUALIFIERS,
            "roles": TARGET_ROLES,
        },
        "other_incidents": others,
        "figure": figure_text,
    }


def reviewed_figure(figure: Figure, reviewed: dict[str, str]) -> bool:
    return any(cid in reviewed for cid in figure.claim_ids)


# -- the matrix cache -----------------------------------------------------------------------
@dataclass
class CachedIncident:
    """What the list, the page and the claims query need of one incident, each built once."""

    fingerprint: str
    incident: Incident
    summary: IncidentSummary
    data: IncidentData | None = None  # claims, documents and matrix, built on first need
    sides: dict[str, str] | None = None  # claim id → affected side, compare's decision
    payload: dict[str, Any] | None = None  # the API's answer, built on first request


class IncidentCache:
    """Each incident's matrix and summary, kept while the store's inputs to it are unchanged.

    A read asks the store for its change counter (one indexed row); while it is the one seen
    last, the cached incidents are served as they are. When it moved, the store gives a digest
    of each incident's inputs (its row, its claims, their documents) and only incidents whose
    digest changed are compared again: one new article recomputes the incidents it touches,
    not all of them. Summaries are kept in the store with their digest too, so a restarted
    server compares only what changed while it was down. The counter is read before the
    digests, so a write landing during a refresh moves it again and the next read looks once
    more.
    """

    def __init__(self, store: Store, settings: Any = None) -> None:
        self.store = store
        self.settings = settings
        self._lock = threading.Lock()
        self._revision: int | None = None
        self._entries: dict[str, CachedIncident] = {}
        self._order: list[str] = []
        self._labels: dict[str, str] = {}
        self._kb: Any = None
        self.recomputed = 0  # incidents compared since start, for tests and the log

    def current(self, *, wait: bool = False) -> list[CachedIncident]:
        """Every incident, in the store's order, fresh as of this call.

        While another thread is already refreshing, a reader gets the incidents as they were
        before that refresh rather than queueing behind it (at 100k claims digesting the store
        takes seconds). ``wait=True`` (a writer after its write) always waits and refreshes,
        so whoever wrote sees the write on the next read.
        """
        stale = self._revision is None or self.store.revision() != self._revision
        if stale and self._lock.acquire(blocking=wait or self._revision is None):
            try:
                revision = self.store.revision()
                if revision != self._revision:
                    self._refresh(revision)
            finally:
                self._lock.release()
        entries = self._entries
        return [entries[key] for key in self._order if key in entries]

    def summaries(self) -> list[IncidentSummary]:
        return [entry.summary for entry in self.current()]

    def get(self, key: str) -> CachedIncident:
        """An incident by id or label, with its claims, documents and matrix."""
        self.current()
        entry = self._entries.get(key) or self._entries.get(self._labels.get(key, ""))
        if entry is None:
            raise NotFoundError(f"no incident with id or label {key!r}")
        self._complete([entry])
        return entry

    def claim_sides(self, claims: Sequence[Claim]) -> dict[str, str]:
        """The affected side of each claim, from its incident's cached matrix; claims of no
        incident get compare's reading of the claim alone."""
        self.current()
        wanted = dict.fromkeys(c.incident_id for c in claims if c.incident_id)
        entries = [self._entries[key] for key in wanted if key in self._entries]
        self._complete(entries)
        out: dict[str, str] = {}
        for claim in claims:
            entry = self._entries.get(claim.incident_id or "")
            if entry is not None and entry.sides and claim.id in entry.sides:
                out[claim.id] = entry.sides[claim.id]
        lone = [c for c in claims if c.id not in out]
        if lone:
            out.update(lone_claim_sides(lone, self._knowledge_base()))
        return out

    def _knowledge_base(self) -> Any:
        if self._kb is None:
            self._kb = knowledge_base(self.settings)
        return self._kb

    def _complete(self, entries: Sequence[CachedIncident]) -> None:
        """Give entries read back from the store their claims, documents and matrix."""
        missing = [e for e in entries if e.data is None]
        if not missing:
            return
        for entry, data in zip(missing, self._compare([e.incident for e in missing]), strict=True):
            entry.data, entry.sides = data, data.matrix.side_of_claim()

    def _compare(self, incidents: Sequence[Incident]) -> list[IncidentData]:
        self.recomputed += len(incidents)
        return compare_stored(self.store, incidents, self._knowledge_base())

    def _salt(self) -> bytes:
        """What else a summary is built from: compare's code and word lists, provenance's
        code, this module's and the knowledge base. Kept summaries made with another of them
        are built again."""
        import counterclaim.compare
        import counterclaim.provenance
        from counterclaim.lexicon import data_path

        kb = self._knowledge_base()
        digest = hashlib.sha1(usedforsecurity=False)
        # compare's word lists and provenance's origins make the matrix as much as its code
        sources = (
            counterclaim.compare.__file__,
            counterclaim.provenance.__file__,
            data_path("compare.yaml"),
            __file__,
        )
        for path in sources:
            with open(path, "rb") as source:
                digest.update(source.read())
        digest.update(str(getattr(kb, "fingerprint", None)).encode())
        return digest.digest()

    def _refresh(self, revision: int) -> None:
        salt = self._salt()
        fingerprints = {
            key: hashlib.sha1(salt + digest.encode(), usedforsecurity=False).hexdigest()
            for key, digest in self.store.incident_fingerprints().items()
        }
        incidents = self.store.incidents()
        entries: dict[str, CachedIncident] = {}
        stale: list[Incident] = []
        for inc in incidents:
            entry = self._entries.get(inc.id)
            if entry is not None and entry.fingerprint == fingerprints.get(inc.id):
                entries[inc.id] = entry
            else:
                stale.append(inc)
        if stale:
            stored = self.store.stored_summaries()
            to_compare = []
            for inc in stale:
                fingerprint = fingerprints.get(inc.id, "")
                kept = stored.get(inc.id)
                if kept is not None and kept[0] == fingerprint:
                    summary = _summary_from_dict(inc, kept[1])
                    entries[inc.id] = CachedIncident(fingerprint, inc, summary)
                else:
                    to_compare.append(inc)
            fresh: dict[str, tuple[str, dict[str, Any]]] = {}
            for start in range(0, len(to_compare), 500):
                batch = to_compare[start : start + 500]
                for inc, data in zip(batch, self._compare(batch), strict=True):
                    fingerprint = fingerprints.get(inc.id, "")
                    summary = summarise(data)
                    entries[inc.id] = CachedIncident(
                        fingerprint, inc, summary, data, data.matrix.side_of_claim()
                    )
                    fresh[inc.id] = (fingerprint, _summary_to_dict(summary))
            if fresh or len(stored) != len(incidents):
                self.store.put_summaries(fresh, keep=fingerprints)
            logger.info(
                "matrix cache: %d of %d incidents compared", len(to_compare), len(incidents)
            )
        # Swapped whole: a reader holding the old lists keeps a consistent view.
        self._entries = entries
        self._order = [inc.id for inc in incidents]
        self._labels = {inc.label: inc.id for inc in reversed(incidents)}
        self._revision = revision


def _summary_to_dict(summary: IncidentSummary) -> dict[str, Any]:
    return {
        "parties": summary.parties,
        "claims": summary.claims,
        "documents": summary.documents,
        "origins": summary.origins,
        "discrepancy": summary.discrepancy,
        "discrepancy_value": summary.discrepancy_value,
        "markers": [asdict(m) for m in summary.markers],
    }


def _summary_from_dict(incident: Incident, row: dict[str, Any]) -> IncidentSummary:
    return IncidentSummary(
        incident=incident,
        parties=list(row["parties"]),
        claims=row["claims"],
        documents=row["documents"],
        origins=row["origins"],
        discrepancy=row["discrepancy"],
        discrepancy_value=row["discrepancy_value"],
        markers=[Marker(**m) for m in row["markers"]],
    )


def list_paging(
    filters: dict[str, str | None], page: int, size: int, matching: int
) -> dict[str, Any]:
    """Where a page of the incident list starts and ends, and links to its neighbours that
    keep the filters."""
    from urllib.parse import urlencode

    kept = {k: v for k, v in filters.items() if v}

    def link(number: int) -> str:
        return "/?" + urlencode({**kept, "page": number})

    first = (page - 1) * size
    last = min(first + size, matching)
    return {
        "first": first + 1 if last > first else 0,
        "last": last,
        "matching": matching,
        "previous": link(page - 1) if page > 1 else None,
        "next": link(page + 1) if last < matching else None,
    }
