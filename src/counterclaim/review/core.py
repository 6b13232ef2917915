"""Reviews as data: checking an analyst's values, applying reviews to a machine claim,
finding a reviewed claim's new machine version. No store here: data in, data out."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from typing import Any

from counterclaim.errors import CounterclaimError
from counterclaim.model import CATEGORIES, QUALIFIERS, TARGET_ROLES, Claim, Place

ACCEPT, CORRECT, REJECT, ADD = "accept", "correct", "reject", "add"
MERGE_ACTORS, SPLIT_INCIDENT, MERGE_INCIDENTS = "merge-actors", "split-incident", "merge-incidents"
OPERATIONS: tuple[str, ...] = (
    ACCEPT,
    CORRECT,
    REJECT,
    ADD,
    MERGE_ACTORS,
    SPLIT_INCIDENT,
    MERGE_INCIDENTS,
)
ACCEPTED, CORRECTED, ADDED = "accepted", "corrected", "added"
# The fields a correction may change, in the order forms show them.
EDITABLE: tuple[str, ...] = (
    "claimant",
    "category",
    "target",
    "target_role",
    "value",
    "value_high",
    "qualifier",
    "event_date",
    "incident",
    "hedged",
    "locations",
)
MAX_TEXT = 2000
_DATE = r"\d{4}-\d{2}-\d{2}"
_EVENT_DATE = re.compile(rf"^{_DATE}(?:/{_DATE})?$")


class ReviewError(CounterclaimError):
    """A review that cannot be applied: a bad field or value, or nothing to review."""


@dataclass
class Review:
    """One row of the history: one operation on one claim, or the operation itself."""

    operation: str
    reviewer: str
    changes: dict[str, Any] = field(default_factory=dict)  # field → [before, after]
    reason: str = ""
    claim_id: str | None = None
    doc_id: str | None = None
    batch: str = ""
    id: int | None = None
    at: datetime | None = None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Review:
        return cls(
            operation=row["operation"],
            reviewer=row["reviewer"],
            changes=dict(row.get("changes") or {}),
            reason=row.get("reason") or "",
            claim_id=row.get("claim_id"),
            doc_id=row.get("doc_id"),
            batch=row.get("batch") or "",
            id=row.get("id"),
            at=row.get("at"),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "batch": self.batch,
            "operation": self.operation,
            "claim_id": self.claim_id,
            "doc_id": self.doc_id,
            "changes": self.changes,
            "reviewer": self.reviewer,
            "reason": self.reason,
            "at": self.at.isoformat(timespec="seconds") if self.at else None,
        }

    def describe(self) -> str:
        """``value: 84 → 48; qualifier: exact → about`` (what the row changed)."""
        parts = []
        for name, pair in self.changes.items():
            if name in ("incident_id", "span_start", "span_end", "doc_id"):
                continue
            before, after = [*pair, None, None][:2] if isinstance(pair, list) else (None, pair)
            if self.operation == ADD:
                if name in _ADD_SHOWN:
                    parts.append(f"{name}: {_show(after)}")
            else:
                parts.append(f"{name}: {_show(before)} → {_show(after)}")
        return "; ".join(parts)


_ADD_SHOWN = (
    "claimant",
    "category",
    "value",
    "qualifier",
    "target",
    "target_role",
    "event_date",
    "incident",
    "evidence",
)


def _show(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "—"
    return str(value)


# -- claims as data -------------------------------------------------------------------------
def claim_to_data(claim: Claim) -> dict[str, Any]:
    """A claim as JSON values (its ``features`` are extraction scratch, not kept)."""
    data: dict[str, Any] = {}
    for f in fields(Claim):
        if f.name == "features":
            continue
        value = getattr(claim, f.name)
        if f.name == "places":
            value = [p.to_dict() for p in value]
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, list):
            value = list(value)
        data[f.name] = value
    return data


def claim_from_data(data: Mapping[str, Any]) -> Claim:
    known = {f.name for f in fields(Claim)} - {"features"}
    values = {k: v for k, v in data.items() if k in known}
    values["places"] = [Place(**p) for p in values.get("places") or []]
    stated = values.get("stated_on")
    values["stated_on"] = date.fromisoformat(stated) if isinstance(stated, str) else None
    values["claimant_aliases"] = list(values.get("claimant_aliases") or [])
    values["locations"] = list(values.get("locations") or [])
    return Claim(**values)


# -- checking what an analyst typed ---------------------------------------------------------
def check_changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    """The new values of a correction, checked and normalised; a bad one raises
    :class:`ReviewError` naming the field, the value and the valid ones."""
    if not changes:
        raise ReviewError("a correction needs at least one field to change", hint=_fields_hint())
    out: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in EDITABLE:
            raise ReviewError(
                f"cannot correct field {name!r}; fields: {', '.join(EDITABLE)}",
            )
        out[name] = _check_field(name, value)
    if out.get("value", 0) is None and "qualifier" not in out:
        out["qualifier"] = "vague"
    return out


def _fields_hint() -> str:
    return "fields: " + ", ".join(EDITABLE)


def check_text(name: str, value: Any, *, required: bool) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ReviewError(f"{name} must be text, not {value!r}")
    value = " ".join(value.split())
    if "\x00" in value:
        raise ReviewError(f"{name} contains a NUL character")
    if len(value) > MAX_TEXT:
        raise ReviewError(f"{name} is {len(value)} characters long; at most {MAX_TEXT}")
    if required and not value:
        raise ReviewError(f"{name} must not be empty")
    return value


def _check_count(name: str, value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ReviewError(f"{name} must be a whole number, not {value!r}")
    if isinstance(value, str):
        digits = value.replace(",", "").strip()
        if not digits.isdigit():
            raise ReviewError(f"{name} must be a whole number (or empty when vague), not {value!r}")
        value = int(digits)
    if not isinstance(value, int) or value < 0 or value > 10**12:
        raise ReviewError(f"{name} must be a whole number from 0 to 10^12, not {value!r}")
    return value


def _one_of(name: str, value: Any, valid: Sequence[str]) -> str:
    if value not in valid:
        raise ReviewError(f"unknown {name} {value!r}; valid: {', '.join(valid)}")
    return str(value)


def _check_field(name: str, value: Any) -> Any:
    if name == "claimant":
        return check_text(name, value, required=True)
    if name == "target":
        return check_text(name, value, required=False)
    if name == "incident":
        return check_text(name, value, required=True)
    if name == "category":
        return _one_of(name, value, CATEGORIES)
    if name == "target_role":
        return _one_of(name, value, TARGET_ROLES)
    if name == "qualifier":
        return _one_of(name, value, QUALIFIERS)
    if name in ("value", "value_high"):
        return _check_count(name, value)
    if name == "event_date":
        if value in (None, ""):
            return None
        if not isinstance(value, str) or not _EVENT_DATE.match(value.strip()):
            raise ReviewError(
                f"event_date {value!r} is not an ISO date or range (2025-02-01 or "
                "2025-01-31/2025-02-01)"
            )
        try:
            for part in value.strip().split("/"):
                date.fromisoformat(part)
        except ValueError as exc:
            raise ReviewError(f"event_date {value!r}: {exc}") from None
        return value.strip()
    if name == "hedged":
        if isinstance(value, str) and value.lower() in ("true", "yes", "1", "false", "no", "0"):
            return value.lower() in ("true", "yes", "1")
        if not isinstance(value, bool):
            raise ReviewError(f"hedged must be true or false, not {value!r}")
        return value
    if name == "locations":
        if isinstance(value, str):
            value = [p for p in (s.strip() for s in value.split(";")) if p]
        if not isinstance(value, list):
            raise ReviewError(f"locations must be a list of place names, not {value!r}")
        return [check_text("a location", v, required=True) for v in value]
    raise ReviewError(f"cannot correct field {name!r}; {_fields_hint()}")


# -- applying reviews -----------------------------------------------------------------------
def apply_changes(claim: Claim, changes: Mapping[str, Any]) -> Claim:
    """``claim`` with the ``after`` values of ``changes`` (field → [before, after])."""
    values = {
        name: (pair[1] if isinstance(pair, list) and len(pair) == 2 else pair)
        for name, pair in changes.items()
    }
    known = {f.name for f in fields(Claim)} - {"features", "id", "places"}
    updates = {k: v for k, v in values.items() if k in known}
    out = replace(claim, **updates)
    if "locations" in updates and updates["locations"] != claim.locations:
        # Coordinates of the old names no longer hold; kept only for names still listed.
        out.places = [p for p in claim.places if p.name in out.locations]
    out.features = {}
    return out


def effective_claim(machine: Claim | None, reviews: Sequence[Review]) -> tuple[Claim | None, str]:
    """The claim the ledger shows after ``reviews`` (in order) over the ``machine`` version,
    and its review status; ``(None, "rejected")`` when the last word rejects it."""
    claim = machine
    status = ""
    alive = machine is not None
    for review in reviews:
        if review.operation == ADD:
            claim = claim_from_data({k: v[1] for k, v in review.changes.items()})
            status, alive = ADDED, True
        elif review.operation == REJECT:
            alive = False
        elif claim is None:
            continue  # a review of a claim nobody made: nothing to apply it to
        elif review.operation == ACCEPT and not review.changes:
            status = status if status in (CORRECTED, ADDED) else ACCEPTED
            alive = True
        else:
            claim = apply_changes(claim, review.changes)
            status = ADDED if status == ADDED else CORRECTED
            alive = True
    if not alive or claim is None:
        return None, "rejected"
    return claim, status or ACCEPTED


def span_overlap(a: Claim, b: Claim) -> int:
    return min(a.span_end, b.span_end) - max(a.span_start, b.span_start)


def match_new_versions(
    reviewed: Sequence[tuple[str, Claim]], candidates: Sequence[Claim]
) -> dict[str, Claim]:
    """Each reviewed claim's new machine version among ``candidates``: same document,
    overlapping evidence span, and the same category or the same value (both is better,
    then the larger share of overlap). Every candidate serves one reviewed claim at most.

    ``reviewed`` pairs a subject id with the claim as the machine last made it (for a
    claim an analyst added, as the analyst made it).
    """
    scored = []
    for subject, old in reviewed:
        for candidate in candidates:
            if candidate.doc_id != old.doc_id:
                continue
            overlap = span_overlap(old, candidate)
            if overlap <= 0:
                continue
            same = (candidate.category == old.category) + (candidate.value == old.value)
            if not same:
                continue
            longest = max(old.span_end - old.span_start, candidate.span_end - candidate.span_start)
            exact = candidate.id == old.id
            scored.append((-exact, -same, -overlap / max(longest, 1), subject, candidate.id))
    out: dict[str, Claim] = {}
    used: set[str] = set()
    by_id = {c.id: c for c in candidates}
    for *_, subject, candidate_id in sorted(scored):
        if subject in out or candidate_id in used:
            continue
        out[subject] = by_id[candidate_id]
        used.add(candidate_id)
    return out
