"""The nouns of counterclaim: documents, actors, places, claims, incidents.

Every stage takes and returns these dataclasses; none of them knows about SQL or spaCy.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

CATEGORIES: tuple[str, ...] = (
    "killed",
    "wounded",
    "captured",
    "released",
    "missing",
    "attacks",
    "destroyed",
    "seized",
)
QUALIFIERS: tuple[str, ...] = ("exact", "at_least", "more_than", "up_to", "about", "vague")
TARGET_ROLES: tuple[str, ...] = ("own", "opponent", "civilian", "other")
REPORTER = "reporter"
EXTRACTION_FAILED = "extraction_failed"  # the kind of a DocumentFlag of a failed document


def normalise_text(text: str) -> str:
    """The form of a text that decides identity: NFC, unified newlines, trimmed lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    # One substitution over the text, not one per line (the runs it joins never hold a
    # newline), and none where nothing would change: most texts, cleaned ones always, hold
    # no tab, no-break space, double space or third newline in a row
    if "  " in text or "\t" in text or "\u00a0" in text:
        text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = "\n".join([line.strip() for line in text.split("\n")])
    if "\n\n\n" in text:
        text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def document_id(text: str) -> str:
    """Content hash of the normalised text: the same article stored twice is one row."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class DocumentFlag:
    """Something in a document an analyst should check before trusting its claims.

    ``kind`` "alias_conflict": an expansion followed by a bracketed acronym of another actor
    ("Balochistan Liberation Front (BLA)"); ``actors`` holds the two actor ids, the
    expansion's first.
    """

    kind: str
    surface: str
    start: int
    end: int
    message: str
    actors: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "actors": list(self.actors)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentFlag:
        return cls(
            kind=str(data["kind"]),
            surface=str(data["surface"]),
            start=int(data["start"]),
            end=int(data["end"]),
            message=str(data.get("message", "")),
            actors=tuple(data.get("actors") or ()),
        )


@dataclass
class Document:
    text: str
    id: str = ""
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    language: str = "en"
    source: str | None = None  # the file or feed it was read from
    syndicated_from: str | None = None  # agency the text is credited to
    origin: str | None = None  # party or agency the text says it comes from
    dateline_place: str | None = None
    near_duplicate_group: str | None = None
    body_start: int = 0  # offset where body text begins (after title/standfirst)
    metadata: dict[str, Any] = field(default_factory=dict)
    flags: list[DocumentFlag] = field(default_factory=list)  # set by extraction

    def __post_init__(self) -> None:
        if not self.id:
            self.id = document_id(self.text)

    def summary(self) -> dict[str, Any]:
        """The document without its text, JSON-ready: what listings show."""
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "source": self.source,
            "syndicated_from": self.syndicated_from,
            "origin": self.origin,
            "near_duplicate_group": self.near_duplicate_group,
            "dateline_place": self.dateline_place,
            "flags": [f.to_dict() for f in self.flags],
        }


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    side: str | None = None
    parent: str | None = None
    aliases: list[str] = field(default_factory=list)
    country: str | None = None


@dataclass
class Place:
    name: str
    latitude: float | None = None
    longitude: float | None = None
    country_code: str | None = None
    admin_area: str | None = None
    source: str | None = None  # "geonames", "supplement" or None when unresolved
    geonameid: int | None = None
    population: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ClaimantOption:
    """Someone a claim could be credited to, as the decision model weighs them: their name
    and aliases, their actor, the target role crediting them implies, the features of the
    choice, and the claim's features that would change with them."""

    name: str
    aliases: list[str]
    actor: str | None
    role: str
    features: dict[str, float]
    claim_features: dict[str, float]
    origin: str | None = None


def claim_id(
    doc_id: str,
    span_start: int,
    span_end: int,
    category: str,
    value: int | None,
    count_start: int | None = None,
    party: str | None = None,
) -> str:
    """A claim's stable identity. One sentence can hold the same figure twice ("two soldiers
    and two civilians were killed"): where the count's offset is known it tells them apart;
    one figure both parties state ("both sides said they freed 270") is one claim per
    ``party``."""
    key = f"{doc_id}|{span_start}|{span_end}|{category}|{value}"
    if count_start is not None:
        key += f"|{count_start}"
    if party is not None:
        key += f"|{party}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class Claim:
    """One quantified assertion by one claimant, in the fields of ANNOTATION.md plus provenance."""

    doc_id: str
    category: str
    value: int | None
    qualifier: str
    evidence: str
    span_start: int
    span_end: int
    claimant: str = REPORTER
    claimant_aliases: list[str] = field(default_factory=list)
    claimant_actor: str | None = None
    target: str = ""
    target_actor: str | None = None
    target_role: str = "other"
    value_high: int | None = None
    event_date: str | None = None
    locations: list[str] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    incident: str | None = None
    incident_id: str | None = None
    hedged: bool = False
    confidence: float = 0.5
    origin: str | None = None
    stated_on: date | None = None
    id: str = ""
    # What the decision model reads (``decide``); made at extraction, never stored
    features: dict[str, float] = field(default_factory=dict, repr=False, compare=False)
    claimant_options: list[ClaimantOption] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = claim_id(
                self.doc_id, self.span_start, self.span_end, self.category, self.value
            )

    def to_gold(self) -> dict[str, Any]:
        """The claim in the gold format of ANNOTATION.md (with resolved places added)."""
        out: dict[str, Any] = {
            "claimant": self.claimant,
            "claimant_aliases": list(self.claimant_aliases),
            "category": self.category,
            "target": self.target,
            "target_role": self.target_role,
            "value": self.value,
            "qualifier": self.qualifier,
            "event_date": self.event_date,
            "locations": list(self.locations),
            "incident": self.incident,
            "hedged": self.hedged,
            "evidence": self.evidence,
            "places": [p.to_dict() for p in self.places],
        }
        if self.value_high is not None:
            out["value_high"] = self.value_high
        return out


@dataclass
class Incident:
    id: str
    label: str
    date_start: str | None = None
    date_end: str | None = None
    places: list[str] = field(default_factory=list)
    operation: str | None = None
    claim_ids: list[str] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
