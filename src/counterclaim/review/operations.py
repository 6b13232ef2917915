"""Review operations over a store: each records its rows in the history, then rewrites
the effective version of the claims it touched (``core.effective_claim``)."""

from __future__ import annotations

import hashlib
import re
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from counterclaim.errors import NotFoundError
from counterclaim.model import REPORTER, Claim, Incident, claim_id
from counterclaim.review.core import (
    ACCEPT,
    ADD,
    CORRECT,
    EDITABLE,
    MERGE_ACTORS,
    MERGE_INCIDENTS,
    REJECT,
    SPLIT_INCIDENT,
    Review,
    ReviewError,
    check_changes,
    check_text,
    claim_from_data,
    claim_to_data,
    effective_claim,
    match_new_versions,
)
from counterclaim.review.knowledge import most_common, write_alias
from counterclaim.store import ClaimFilter, Store


# == operations over a store ================================================================
@dataclass
class ReviewResult:
    """What one analyst action did: its batch id, the rows written, the claims now."""

    batch: str
    operation: str
    reviews: list[Review]
    claims: list[tuple[Claim, str]] = field(default_factory=list)  # (effective claim, status)
    removed: list[str] = field(default_factory=list)  # claim ids no longer in the ledger
    incident: str | None = None  # incident id made or kept (split, merge)
    kb_file: str | None = None  # knowledge-base file written (merge-actors)
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "batch": self.batch,
            "operation": self.operation,
            "reviews": [r.to_dict() for r in self.reviews],
            "claims": [claim_to_data(c) | {"review_status": s} for c, s in self.claims],
            "removed": self.removed,
            "incident": self.incident,
            "kb_file": self.kb_file,
            "note": self.note,
        }


def _reviewer(name: str | None) -> str:
    reviewer = check_text("reviewer", name or "", required=False)
    return reviewer or "analyst"


def _reason(text: str | None) -> str:
    return check_text("reason", text or "", required=False)


def _new_batch() -> str:
    return uuid.uuid4().hex


def _snapshot(store: Store, claims: Iterable[Claim]) -> None:
    """Keep the machine version of claims about to be reviewed for the first time."""
    claims = list(claims)
    if not claims:
        return
    known = store.machine_versions(sorted({c.doc_id for c in claims}))
    fresh = [
        {"claim_id": c.id, "doc_id": c.doc_id, "machine_id": c.id, "data": claim_to_data(c)}
        for c in claims
        if c.id not in known
    ]
    if fresh:
        store.write_reviewed_claims([], [], fresh)


def _refresh(store: Store, claim_ids: Sequence[str]) -> tuple[list[tuple[Claim, str]], list[str]]:
    """Rewrite the effective version of these reviewed claims from their machine version
    and reviews; returns the claims now in the ledger (with their review status) and the
    ids that left it."""
    by_claim: dict[str, list[Review]] = defaultdict(list)
    doc_ids: set[str] = set()
    for row in store.reviews(claim_ids=claim_ids):
        review = Review.from_row(row)
        if review.claim_id:
            by_claim[review.claim_id].append(review)
            if review.doc_id:
                doc_ids.add(review.doc_id)
    versions = store.machine_versions(sorted(doc_ids))
    alive: list[tuple[Claim, str]] = []
    removed: list[str] = []
    for subject in claim_ids:
        version = versions.get(subject)
        machine = claim_from_data(version["data"]) if version and version.get("data") else None
        reviews = by_claim.get(subject, [])
        claim, status = effective_claim(machine, reviews)
        if claim is None:
            removed.append(subject)
            continue
        claim.id = subject
        if not _pins_incident(reviews):
            # Incidents are regrouped after reviews: the current grouping stands.
            try:
                current = store.claim(subject)
                claim.incident_id, claim.incident = current.incident_id, current.incident
            except NotFoundError:
                pass
        alive.append((claim, status))
    store.write_reviewed_claims(alive, removed)
    return alive, removed


def _pins_incident(reviews: Iterable[Review]) -> bool:
    return any((r.changes.get("incident_id") or [None, None])[1] for r in reviews)


def _claim_reviews(
    store: Store,
    claims: Sequence[Claim],
    operation: str,
    changes_of: Mapping[str, dict[str, Any]],
    reviewer: str,
    reason: str,
    batch: str,
) -> list[Review]:
    rows = [
        {
            "batch": batch,
            "operation": operation,
            "claim_id": c.id,
            "doc_id": c.doc_id,
            "changes": changes_of.get(c.id, {}),
            "reviewer": reviewer,
            "reason": reason,
        }
        for c in claims
    ]
    ids = store.add_reviews(rows)
    return [Review.from_row({**row, "id": i}) for row, i in zip(rows, ids, strict=True)]


def _current(store: Store, claim_id_: str) -> Claim:
    try:
        return store.claim(claim_id_)
    except NotFoundError:
        pass
    # A rejected claim is out of the ledger but still in the history: it may come back.
    rows = store.reviews(claim_ids=[claim_id_])
    if rows:
        versions = store.machine_versions([rows[0]["doc_id"]])
        version = versions.get(claim_id_)
        if version and version.get("data"):
            return claim_from_data(version["data"])
        for row in rows:
            if row["operation"] == ADD:
                return claim_from_data({k: v[1] for k, v in row["changes"].items()})
    raise NotFoundError(f"no claim with id {claim_id_!r}")


def accept(
    store: Store, claim_ids: Sequence[str], reviewer: str | None = None, reason: str = ""
) -> ReviewResult:
    """Vouch for claims as the machine made them (or bring rejected ones back)."""
    claims = [_current(store, cid) for cid in claim_ids]
    if not claims:
        raise ReviewError("nothing to accept: give one or more claim ids")
    return _review_claims(store, claims, ACCEPT, {}, reviewer, reason)


def reject(
    store: Store, claim_ids: Sequence[str], reviewer: str | None = None, reason: str = ""
) -> ReviewResult:
    """Take claims out of the ledger; their machine version and the reason stay."""
    claims = [_current(store, cid) for cid in claim_ids]
    if not claims:
        raise ReviewError("nothing to reject: give one or more claim ids")
    return _review_claims(store, claims, REJECT, {}, reviewer, reason)


def correct(
    store: Store,
    claim_id_: str,
    changes: Mapping[str, Any],
    reviewer: str | None = None,
    reason: str = "",
    kb: Any = None,
) -> ReviewResult:
    """Change fields of a claim. ``incident`` takes an incident id or label; a label that
    names no incident makes a new one. With ``kb``, a new claimant is resolved to its
    actor and its other names in the text become its aliases."""
    claim = _current(store, claim_id_)
    wanted = check_changes(changes)
    diff = _diff(store, claim, wanted, kb)
    if not diff:
        raise ReviewError(
            f"claim {claim.id} already has these values; nothing to correct",
            hint="use accept to vouch for a claim as it is",
        )
    return _review_claims(store, [claim], CORRECT, {claim.id: diff}, reviewer, reason)


def _diff(store: Store, claim: Claim, wanted: Mapping[str, Any], kb: Any) -> dict[str, Any]:
    diff: dict[str, Any] = {}
    for name, value in wanted.items():
        if name == "incident":
            incident_id, label = _incident_target(store, value)
            if incident_id != claim.incident_id:
                diff["incident"] = [claim.incident, label]
                diff["incident_id"] = [claim.incident_id, incident_id]
            continue
        if getattr(claim, name) != value:
            diff[name] = [getattr(claim, name), value]
    if "claimant" in diff:
        actor_id, aliases = _claimant_identity(store, claim.doc_id, diff["claimant"][1], kb)
        diff["claimant_actor"] = [claim.claimant_actor, actor_id]
        diff["claimant_aliases"] = [claim.claimant_aliases, aliases]
    if "target" in diff:
        # The side resolve stored was read from the old phrase; compare trusts the stored
        # side, so a corrected target gets the new phrase's (None: compare reads the phrase).
        side = kb.side_of_phrase(diff["target"][1]) if kb is not None else None
        if side != claim.target_actor:
            diff["target_actor"] = [claim.target_actor, side]
    return diff


def _claimant_identity(
    store: Store, doc_id: str, name: str, kb: Any
) -> tuple[str | None, list[str]]:
    """The actor a claimant name resolves to, and its names found in the document."""
    if kb is None or name == REPORTER:
        return None, []
    actor = kb.lookup(name)
    if actor is None:
        return None, []
    actor = kb.claimant_actor(actor.id)
    text = store.document(doc_id).text
    names = [actor.name, *actor.aliases]
    return actor.id, [n for n in dict.fromkeys(names) if n != name and n in text]


def _incident_target(store: Store, key: str) -> tuple[str, str]:
    """An incident id and label for ``key``: a stored incident's, or a new label's."""
    try:
        incident = store.incident(key)
        return incident.id, incident.label
    except NotFoundError:
        label = re.sub(r"[^0-9a-z]+", "-", key.lower()).strip("-")
        if not label:
            raise ReviewError(f"incident {key!r} is no incident id and no usable label") from None
        return _new_incident_id(f"label:{label}"), label


def _new_incident_id(seed: str) -> str:
    return "inc_r" + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:11]


def _review_claims(
    store: Store,
    claims: Sequence[Claim],
    operation: str,
    changes_of: Mapping[str, dict[str, Any]],
    reviewer: str | None,
    reason: str,
    *,
    batch: str | None = None,
) -> ReviewResult:
    batch = batch or _new_batch()
    _snapshot(store, claims)
    reviews = _claim_reviews(
        store, claims, operation, changes_of, _reviewer(reviewer), _reason(reason), batch
    )
    alive, removed = _refresh(store, [c.id for c in claims])
    reapply_incident_reviews(store)
    return ReviewResult(batch, operation, reviews, alive, removed)


def add_claim(
    store: Store,
    doc_id: str,
    values: Mapping[str, Any],
    reviewer: str | None = None,
    reason: str = "",
    kb: Any = None,
) -> ReviewResult:
    """Add a claim the machine missed. ``values`` holds ``category``, ``value`` (empty
    when vague) and the other editable fields, and the evidence: ``evidence`` (text of the
    document) and/or ``span_start``/``span_end``. When the span and the text disagree (a
    browser counts characters in UTF-16), the occurrence of the text nearest the span wins."""
    document = store.document(doc_id)
    given = dict(values)
    start, end = _evidence_span(document.text, given)
    fields_ = check_changes(
        {k: v for k, v in given.items() if k in EDITABLE and k != "incident"}
        | {"category": given.get("category")}
    )
    claimant = fields_.get("claimant") or REPORTER
    value = fields_.get("value")
    qualifier = fields_.get("qualifier") or ("vague" if value is None else "exact")
    new = Claim(
        doc_id=document.id,
        category=fields_["category"],
        value=value,
        qualifier=qualifier,
        evidence=document.text[start:end],
        span_start=start,
        span_end=end,
        claimant=claimant,
        target=fields_.get("target", ""),
        target_role=fields_.get("target_role", "other"),
        value_high=fields_.get("value_high"),
        event_date=fields_.get("event_date"),
        locations=fields_.get("locations", []),
        hedged=fields_.get("hedged", False),
        confidence=1.0,
        stated_on=document.published,
    )
    new.id = claim_id(document.id, start, end, new.category, new.value)
    try:
        existing = store.claim(new.id)
        raise ReviewError(
            f"the document already has this claim ({existing.id}): accept or correct it"
        )
    except NotFoundError:
        pass
    new.claimant_actor, new.claimant_aliases = _claimant_identity(store, doc_id, claimant, kb)
    if given.get("incident"):
        new.incident_id, new.incident = _incident_target(store, str(given["incident"]))
    else:
        # Where the document's other claims are: a missed figure of the same report.
        siblings = store.claims(ClaimFilter(doc_id=document.id))
        main = most_common(c.incident_id for c in siblings)
        if main is not None:
            new.incident_id = main
            new.incident = next(c.incident for c in siblings if c.incident_id == main)
    batch = _new_batch()
    store.write_reviewed_claims(
        [], [], [{"claim_id": new.id, "doc_id": doc_id, "machine_id": None, "data": None}]
    )
    data = claim_to_data(new)
    changes = {k: [None, v] for k, v in data.items()}
    reviews = _claim_reviews(
        store, [new], ADD, {new.id: changes}, _reviewer(reviewer), _reason(reason), batch
    )
    alive, removed = _refresh(store, [new.id])
    reapply_incident_reviews(store)
    return ReviewResult(batch, ADD, reviews, alive, removed)


def _evidence_span(text: str, given: Mapping[str, Any]) -> tuple[int, int]:
    evidence = given.get("evidence")
    start, end = given.get("span_start"), given.get("span_end")
    if evidence is not None and not isinstance(evidence, str):
        raise ReviewError(f"evidence must be text, not {evidence!r}")
    try:
        start = None if start in (None, "") else int(start)
        end = None if end in (None, "") else int(end)
    except (TypeError, ValueError):
        raise ReviewError(f"span_start and span_end must be integers: {start!r}, {end!r}") from None
    if evidence:
        evidence = evidence.strip()
        if start is not None and end is not None and text[start:end].strip() == evidence:
            lead = len(text[start:end]) - len(text[start:end].lstrip())
            return start + lead, start + lead + len(evidence)
        found = [m.start() for m in re.finditer(re.escape(evidence), text)]
        if not found:
            raise ReviewError("the evidence is not in the document text: select it in the text")
        near = min(found, key=lambda i: abs(i - (start or 0)))
        return near, near + len(evidence)
    if start is None or end is None or not (0 <= start < end <= len(text)):
        raise ReviewError(
            f"the evidence span {start}–{end} is not inside the document "
            f"(0–{len(text)}); give the evidence text or a valid span"
        )
    return start, end


def accept_document(
    store: Store, doc_id: str, reviewer: str | None = None, reason: str = ""
) -> ReviewResult:
    """Accept every claim of a document nobody reviewed yet, and mark the document as read
    by an analyst (so a document with no claims can be exported as reviewed)."""
    document = store.document(doc_id)
    statuses = store.review_statuses()
    pending = [c for c in store.claims(ClaimFilter(doc_id=document.id)) if c.id not in statuses]
    batch = _new_batch()
    store.add_reviews(
        [
            {
                "batch": batch,
                "operation": ACCEPT,
                "claim_id": None,
                "doc_id": document.id,
                "changes": {},
                "reviewer": _reviewer(reviewer),
                "reason": _reason(reason) or "document read",
            }
        ]
    )
    if not pending:
        return ReviewResult(batch, ACCEPT, [], note="no unreviewed claim in the document")
    return _review_claims(store, pending, ACCEPT, {}, reviewer, reason, batch=batch)


def _operation_row(
    store: Store, batch: str, operation: str, changes: dict[str, Any], reviewer: str, reason: str
) -> Review:
    row = {
        "batch": batch,
        "operation": operation,
        "claim_id": None,
        "doc_id": None,
        "changes": changes,
        "reviewer": reviewer,
        "reason": reason,
    }
    (row_id,) = store.add_reviews([row])
    return Review.from_row({**row, "id": row_id})


# -- claimant columns -----------------------------------------------------------------------
def merge_actors(
    store: Store,
    source: str,
    into: str,
    reviewer: str | None = None,
    reason: str = "",
    *,
    kb_file: Path | None = None,
    kb_files: Sequence[Path] = (),
    incident: str | None = None,
) -> ReviewResult:
    """Merge the claimant ``source`` into ``into``: its claims (in ``incident`` only, when
    given) become ``into``'s, and ``source`` is written as an alias of ``into`` in
    ``kb_file`` (the user's knowledge-base file), so future documents resolve it so."""
    source = check_text("source claimant", source, required=True)
    into = check_text("target claimant", into, required=True)
    if source.lower() == into.lower():
        raise ReviewError(f"cannot merge {source!r} into itself")
    if REPORTER in (source, into):
        raise ReviewError("'reporter' (the outlet's own voice) is no actor and cannot be merged")
    incident_id = store.incident(incident).id if incident else None
    moving = [
        c
        for c in store.claims(ClaimFilter(claimant=source, incident_id=incident_id))
        if c.claimant.lower() == source.lower()
    ]
    targets = store.claims(ClaimFilter(claimant=into))
    if not moving:
        raise ReviewError(
            f"no claim has the claimant {source!r}" + (f" in {incident}" if incident else "")
        )
    written = None
    if kb_file is not None:
        written = write_alias(
            Path(kb_file),
            source,
            into,
            source_actor=most_common(c.claimant_actor for c in moving),
            target_actor=most_common(c.claimant_actor for c in targets),
            other_files=[p for p in kb_files if Path(p) != Path(kb_file)],
        )
    reviewer, reason = _reviewer(reviewer), _reason(reason)
    batch = _new_batch()
    head = _operation_row(
        store,
        batch,
        MERGE_ACTORS,
        {
            "source": [source, None],
            "into": [None, into],
            "kb_file": [None, str(kb_file) if kb_file else None],
            "alias": [None, written],
        },
        reviewer,
        reason,
    )
    actor = most_common(c.claimant_actor for c in targets)
    aliases = sorted({a for c in targets for a in c.claimant_aliases})
    changes = {
        c.id: {
            "claimant": [c.claimant, into],
            "claimant_actor": [c.claimant_actor, actor],
            "claimant_aliases": [
                c.claimant_aliases,
                sorted(set(aliases) | {source} | set(c.claimant_aliases)),
            ],
        }
        for c in moving
    }
    result = _review_claims(store, moving, MERGE_ACTORS, changes, reviewer, reason, batch=batch)
    result.reviews.insert(0, head)
    result.kb_file = str(kb_file) if kb_file else None
    result.note = written or "no knowledge-base file given: the merge holds for stored claims only"
    return result


# -- incidents ------------------------------------------------------------------------------
def split_incident(
    store: Store,
    incident: str,
    claim_ids: Sequence[str],
    reviewer: str | None = None,
    reason: str = "",
    label: str | None = None,
) -> ReviewResult:
    """Move some claims of an incident into a new incident (named ``label``, or after the
    old one with ``-split``)."""
    source = store.incident(incident)
    wanted = list(dict.fromkeys(claim_ids))
    if not wanted:
        raise ReviewError("a split needs the ids of the claims to move to the new incident")
    outside = [cid for cid in wanted if cid not in source.claim_ids]
    if outside:
        raise ReviewError(f"claims {outside} are not in incident {source.label!r}")
    if len(wanted) == len(source.claim_ids):
        raise ReviewError("a split must leave at least one claim in the old incident")
    batch = _new_batch()
    new_label = _unique_label(
        store, check_text("label", label, required=False) or f"{source.label}-split"
    )
    new_id = _new_incident_id(f"split:{batch}")
    moving = [store.claim(cid) for cid in wanted]
    reviewer, reason = _reviewer(reviewer), _reason(reason)
    head = _operation_row(
        store,
        batch,
        SPLIT_INCIDENT,
        {
            "incident_id": [source.id, new_id],
            "incident": [source.label, new_label],
            "claims": [None, wanted],
        },
        reviewer,
        reason,
    )
    changes = {
        c.id: {"incident": [c.incident, new_label], "incident_id": [c.incident_id, new_id]}
        for c in moving
    }
    result = _review_claims(store, moving, SPLIT_INCIDENT, changes, reviewer, reason, batch=batch)
    result.reviews.insert(0, head)
    result.incident = new_id
    return result


def merge_incidents(
    store: Store, keep: str, other: str, reviewer: str | None = None, reason: str = ""
) -> ReviewResult:
    """Move every claim of incident ``other`` into ``keep``; ``other`` disappears."""
    kept, absorbed = store.incident(keep), store.incident(other)
    if kept.id == absorbed.id:
        raise ReviewError(f"cannot merge incident {kept.label!r} with itself")
    moving = [store.claim(cid) for cid in absorbed.claim_ids]
    batch = _new_batch()
    reviewer, reason = _reviewer(reviewer), _reason(reason)
    head = _operation_row(
        store,
        batch,
        MERGE_INCIDENTS,
        {"incident_id": [absorbed.id, kept.id], "incident": [absorbed.label, kept.label]},
        reviewer,
        reason,
    )
    changes = {
        c.id: {"incident": [c.incident, kept.label], "incident_id": [c.incident_id, kept.id]}
        for c in moving
    }
    if moving:
        result = _review_claims(
            store, moving, MERGE_INCIDENTS, changes, reviewer, reason, batch=batch
        )
    else:
        result = ReviewResult(batch, MERGE_INCIDENTS, [])
        reapply_incident_reviews(store)
    result.reviews.insert(0, head)
    result.incident = kept.id
    return result


def _unique_label(store: Store, label: str) -> str:
    taken = {i.label for i in store.incidents()}
    candidate, n = label, 2
    while candidate in taken:
        candidate, n = f"{label}-{n}", n + 1
    return candidate


def reapply_incident_reviews(store: Store) -> None:
    """Put reviewed claims back in the incidents analysts gave them, after the incidents
    were regrouped (``pipeline.update_incidents``), and drop incidents left empty."""
    pins: dict[str, tuple[str, str]] = {}
    for row in store.reviews():
        changes = row.get("changes") or {}
        moved_to = (changes.get("incident_id") or [None, None])[1]
        # An added claim pins an incident only when the analyst named one.
        if (
            row.get("claim_id")
            and "incident_id" in changes
            and (row["operation"] != ADD or moved_to)
        ):
            pins[row["claim_id"]] = (moved_to, changes["incident"][1])
    if pins:
        incidents = {i.id: i for i in store.incidents()}
        claims: dict[str, Claim] = {}
        for cid in pins:
            try:
                claims[cid] = store.claim(cid)
            except NotFoundError:
                continue  # rejected
        by_incident: dict[str, list[Claim]] = defaultdict(list)
        for cid, claim in claims.items():
            by_incident[pins[cid][0]].append(claim)
        assignment: dict[str, tuple[str, str]] = {}
        for incident_id, members in by_incident.items():
            label = pins[members[0].id][1]
            if incident_id in incidents:
                label = incidents[incident_id].label
            else:
                store.put_incident(_incident_of(incident_id, label, members))
            for claim in members:
                if (claim.incident_id, claim.incident) != (incident_id, label):
                    assignment[claim.id] = (incident_id, label)
        if assignment:
            store.set_claim_incidents(assignment)
    store.drop_empty_incidents()


def _incident_of(incident_id: str, label: str, claims: Sequence[Claim]) -> Incident:
    """A new incident's row from its claims: the span of their dates, their places."""
    ends = [e for c in claims if c.event_date for e in c.event_date.split("/")]
    places = Counter(p for c in claims for p in c.locations)
    return Incident(
        id=incident_id,
        label=label,
        date_start=min(ends)[:10] if ends else None,
        date_end=max(ends)[:10] if ends else None,
        places=[p for p, _ in places.most_common()],
        claim_ids=[c.id for c in claims],
        doc_ids=list(dict.fromkeys(c.doc_id for c in claims)),
    )


# -- after re-extraction --------------------------------------------------------------------
def reapply_reviews(store: Store, doc_ids: Sequence[str]) -> int:
    """After the machine claims of these documents were replaced (re-extraction), match
    each reviewed claim to its new machine version and put the effective claim back.

    A reviewed claim the new extractor no longer finds stays as the analyst left it (an
    accepted or corrected claim is a person's word); a rejected one stays out, and so does
    its new machine version. Returns the number of reviewed claims put back."""
    reviewed_docs = set(store.reviewed_doc_ids())
    put_back = 0
    for doc_id in (d for d in dict.fromkeys(doc_ids) if d in reviewed_docs):
        versions = store.machine_versions([doc_id])
        rows = store.reviews(doc_ids=[doc_id])
        by_claim: dict[str, list[Review]] = defaultdict(list)
        for row in rows:
            if row.get("claim_id"):
                by_claim[row["claim_id"]].append(Review.from_row(row))
        statuses = store.review_statuses()
        current = store.claims(ClaimFilter(doc_id=doc_id))
        candidates = [c for c in current if c.id not in statuses]
        subjects: list[tuple[str, Claim]] = []
        for subject, reviews in by_claim.items():
            if subject in statuses:
                continue  # its effective version is in place already
            version = versions.get(subject) or {}
            if version.get("data"):
                subjects.append((subject, claim_from_data(version["data"])))
            else:
                added, _ = effective_claim(None, reviews)
                if added is not None:
                    subjects.append((subject, added))
        matches = match_new_versions(subjects, candidates)
        effective: list[tuple[Claim, str]] = []
        remove: list[str] = []
        machine: list[dict[str, Any]] = []
        for subject, old in subjects:
            new = matches.get(subject)
            if new is not None:
                remove.append(new.id)  # its place in the ledger goes to the reviewed claim
            base: Claim | None = None
            if (versions.get(subject) or {}).get("data"):
                base = new if new is not None else old
                if new is not None:
                    machine.append(
                        {
                            "claim_id": subject,
                            "doc_id": doc_id,
                            "machine_id": new.id,
                            "data": claim_to_data(new),
                        }
                    )
            claim, status = effective_claim(
                claim_from_data(claim_to_data(base)) if base else None, by_claim[subject]
            )
            if claim is not None:
                claim.id = subject
                effective.append((claim, status))
                put_back += 1
        store.write_reviewed_claims(effective, remove, machine)
    return put_back


# -- history --------------------------------------------------------------------------------
def history(
    store: Store,
    *,
    claim_id_: str | None = None,
    doc_id: str | None = None,
    incident: str | None = None,
    limit: int | None = 200,
) -> list[Review]:
    """Reviews, newest first: of one claim, of one document's claims, of the claims of one
    incident (with the incident operations that touched it), or all."""
    if claim_id_:
        rows = store.reviews(claim_ids=[claim_id_], newest_first=True, limit=limit)
    elif doc_id:
        rows = store.reviews(doc_ids=[doc_id], newest_first=True, limit=limit)
    elif incident:
        inc = store.incident(incident)
        members = set(inc.claim_ids)
        # Rejected claims left the incident; their machine version remembers it.
        for subject, version in store.machine_versions(inc.doc_ids).items():
            if (version.get("data") or {}).get("incident_id") == inc.id:
                members.add(subject)
        every = store.reviews(newest_first=True)

        def touches(row: Mapping[str, Any]) -> bool:
            moved = (row.get("changes") or {}).get("incident_id") or []
            return row.get("claim_id") in members or inc.id in moved

        batches = {r["batch"] for r in every if touches(r)}
        rows = [r for r in every if r["batch"] in batches][:limit]
    else:
        rows = store.reviews(newest_first=True, limit=limit)
    return [Review.from_row(r) for r in rows]


def reviewed_documents(store: Store, *, partial: bool = False) -> list[str]:
    """Documents an analyst finished: every claim in them reviewed (accepted, corrected or
    added) or a document-level accept; with ``partial``, any document with a review."""
    out = []
    statuses = store.review_statuses()
    marked = {
        r["doc_id"]
        for r in store.reviews()
        if r["claim_id"] is None and r["doc_id"] and r["operation"] == ACCEPT
    }
    for doc_id in store.reviewed_doc_ids():
        claims = store.claims(ClaimFilter(doc_id=doc_id))
        if partial or doc_id in marked or all(c.id in statuses for c in claims):
            out.append(doc_id)
    return out
