"""The pipeline: runs the stages in order over a store.

1. ingest      files, feeds, stdin → Documents (``ingest``), stored idempotently
2. provenance  near-duplicate groups, syndication credits, origins (``provenance``)
3. extract     spaCy parse + rule components → raw Claims (``nlp``, ``extract``)
4. resolve     actors and sides, places with coordinates, event dates (``resolve``)
5. incidents   claims from all documents grouped into incidents (``incidents``)
6. compare     claims matrix, spreads and grades per incident (``compare``)

Each step is a plain function over the store; the CLI, API and dashboard call these.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, BinaryIO

from counterclaim.decide import DecisionModel, decide, load_model
from counterclaim.errors import InputError, StoreError
from counterclaim.ingest import IngestOptions, read_sources
from counterclaim.model import EXTRACTION_FAILED, Claim, Document, DocumentFlag, Incident
from counterclaim.provenance import Match, Origin, VerifierParams, detect_origin
from counterclaim.review import reapply_incident_reviews, reapply_reviews
from counterclaim.settings import Settings, load_settings
from counterclaim.store import Store

if TYPE_CHECKING:
    from counterclaim.actors import KnowledgeBase
    from counterclaim.compare import Comparison

Progress = Callable[[int], None]


@dataclass
class IngestReport:
    new: list[Document] = field(default_factory=list)
    already_stored: list[Document] = field(default_factory=list)
    failed: list[InputError] = field(default_factory=list)


def ingest(
    store: Store,
    paths: Sequence[str],
    settings: Settings | None = None,
    *,
    stdin: BinaryIO | None = None,
    outlet: str | None = None,
    advance: Progress | None = None,
) -> IngestReport:
    """Read every source and store its documents in batches, one transaction per batch."""
    settings = settings or load_settings()
    options = IngestOptions(max_file_bytes=settings.max_file_bytes, outlet=outlet)
    report = IngestReport()
    batch: list[Document] = []

    def flush() -> None:
        if not batch:
            return
        for doc, is_new in zip(batch, store.add_documents(batch), strict=True):
            (report.new if is_new else report.already_stored).append(doc)
        batch.clear()

    for item in read_sources(paths, options, stdin):
        if isinstance(item, InputError):
            report.failed.append(item)
        else:
            batch.append(item)
            if len(batch) >= settings.batch_size:
                flush()
        if advance:
            advance(1)
    flush()
    store.record_failures((e.source, e.reason) for e in report.failed)
    return report


def extraction_version(kb: KnowledgeBase, settings: Settings | None = None) -> str:
    """What stored claims were made with: the extractor (its code and lexicons), the knowledge
    base it resolved actors against, and the decision model of the settings. Claims made with
    anything else are stale and re-extracted."""
    from counterclaim.extract import extractor_version

    model = load_model((settings or load_settings()).model)
    decided = _model_fingerprint(model) if model is not None else "rules"
    # The column holds 32 characters: each part is already a short hash
    return f"{extractor_version()}-{kb.fingerprint[:8]}-{decided[:8]}"


# A model's fingerprint hashes its whole JSON (8 ms), and every stage asks for the version
# again; a loaded model is never changed, so each is hashed once (held, so its id stays its).
_MODEL_FINGERPRINTS: dict[int, tuple[object, str]] = {}


def _model_fingerprint(model: DecisionModel) -> str:
    held = _MODEL_FINGERPRINTS.get(id(model))
    if held is None or held[0] is not model:
        if len(_MODEL_FINGERPRINTS) >= 8:
            _MODEL_FINGERPRINTS.clear()
        held = _MODEL_FINGERPRINTS[id(model)] = (model, model.fingerprint)
    return held[1]


def extract_claims(
    store: Store,
    settings: Settings,
    *,
    doc_ids: Sequence[str] | None = None,
    advance: Progress | None = None,
    claims_of: ClaimSource | None = None,
) -> int:
    """Steps 3–4: parse, extract and resolve the claims of documents whose claims are stale
    (with ``document_claims``, or ``claims_of`` given, e.g. on Dask workers: ``scale``).

    Documents stream through spaCy in batches; each batch's claims (and the documents' flags)
    replace the old ones in one transaction, so re-running after an extractor or knowledge
    base change is safe and an interruption leaves every document either fully re-extracted
    or untouched.
    """
    from counterclaim.actors import KnowledgeBase

    kb = KnowledgeBase.from_settings(settings)
    version = extraction_version(kb, settings)
    ids = list(doc_ids) if doc_ids is not None else store.documents_needing_extraction(version)
    total = 0
    pending: dict[str, list] = {}
    flags: dict[str, list] = {}
    handed: list[Claim] | None = []  # what was stored, for update_incidents (_JUST_STORED)
    last_revision: int | None = None

    def documents() -> Iterable[Document]:
        for start in range(0, len(ids), settings.batch_size):
            yield from store.documents(ids=ids[start : start + settings.batch_size])

    def save() -> None:
        nonlocal handed, last_revision
        if not pending:
            return
        before = store.revision()
        if last_revision is not None and before != last_revision:
            handed = None  # someone else wrote between two batches
        try:
            store.replace_claims(pending, version, flags)
        except StoreError:
            handed = None
            # One document's claims broke the batch's transaction: store the others, and
            # record the culprit against its document instead of retrying it forever.
            for doc_id, claims in pending.items():
                try:
                    store.replace_claims({doc_id: claims}, version, {doc_id: flags[doc_id]})
                except StoreError as exc:
                    store.replace_claims(
                        {doc_id: []}, version, {doc_id: [failure_flag(f"storing failed: {exc}")]}
                    )
        reapply_reviews(store, list(pending))  # analysts' reviews outlive re-extraction
        last_revision = store.revision()
        if handed is not None:
            batch = [c for claims in pending.values() for c in claims]
            # Stored as they are only if this batch's one write was the only one (a review
            # put back or a retry of single documents writes again), none in an incident
            fits = len(handed) + len(batch) <= HANDED_CLAIMS_MAX
            unlinked = all(c.incident_id is None for c in batch)
            if last_revision == before + 1 and fits and unlinked:
                handed += batch
            else:
                handed = None
        pending.clear()
        flags.clear()

    for document, claims, document_flags in (claims_of or document_claims)(
        documents(), kb, settings
    ):
        flags[document.id] = document_flags
        pending[document.id] = claims
        total += len(claims)
        if len(pending) >= settings.batch_size:
            save()
        if advance:
            advance(1)
    save()
    if handed is not None and last_revision is not None:
        _JUST_STORED[store] = (last_revision, handed)
    else:
        _JUST_STORED.pop(store, None)
    return total


# The claims extract_claims just stored, with the store's revision after its last write:
# update_incidents takes them instead of reading them back while nothing else was written.
_JUST_STORED: weakref.WeakKeyDictionary[Store, tuple[int, list[Claim]]] = (
    weakref.WeakKeyDictionary()
)
HANDED_CLAIMS_MAX = 20_000  # beyond this, update_incidents reads them back (memory bound)


def _new_claims(store: Store) -> list[Claim]:
    """The claims no incident holds, in :meth:`Store.claims` order: those extract_claims
    just stored when the store is as it left it and holds no others without an incident
    (a run stopped before its incidents leaves some), else read from the store."""
    handed = _JUST_STORED.pop(store, None)
    if handed is not None:
        revision, claims = handed
        if store.revision() == revision and store.claims_without_incident() == len(claims):
            return sorted(claims, key=lambda c: (c.doc_id, c.span_start, c.id))
    return store.claims_without_incident_list()


ClaimSource = Callable[
    [Iterable[Document], "KnowledgeBase", Settings],
    Iterable[tuple[Document, list[Claim], list[DocumentFlag]]],
]


def document_claims(
    documents: Iterable[Document],
    kb: KnowledgeBase,
    settings: Settings,
    *,
    candidates_only: bool = False,
) -> Iterator[tuple[Document, list[Claim], list[DocumentFlag]]]:
    """Steps 3–4 without the store: each document with its resolved claims and its flags (a
    failure flag instead of claims where extraction or resolution raised)."""
    from counterclaim.nlp import parse_documents
    from counterclaim.resolve import resolve_document

    model = load_model(settings.model)
    # Loose candidates only for a model that judges whether a candidate is a claim (and for
    # training, which reads every candidate)
    loose = candidates_only or (model is not None and model.keep is not None)
    # The other speakers a claim could be credited to matter only to whoever chooses
    with_options = candidates_only or (model is not None and model.claimant is not None)
    for document, parsed in parse_documents(
        documents,
        batch_size=settings.batch_size,
        n_process=settings.n_process,
        loose=loose,
        seconds_limit=settings.document_seconds,
    ):
        try:
            if parsed._.extraction_error:
                raise ExtractionError(parsed._.extraction_error)
            claims, flags = resolve_document(
                document, parsed._.extractions or [], kb, with_options=with_options
            )
            if not candidates_only:  # training reads every candidate, undecided
                claims = decide(claims, model)
        except Exception as exc:
            reason = (
                str(exc)
                if isinstance(exc, ExtractionError)
                else (f"resolving failed: {type(exc).__name__}: {exc}")
            )
            claims, flags = [], [failure_flag(reason)]
        yield document, claims, flags


class ExtractionError(Exception):
    """A document's extraction raised; the message says where."""


def failure_flag(reason: str) -> DocumentFlag:
    """The mark of a document whose claims could not be made: listed by ``documents
    --failed``, retried only when the extractor or knowledge base changes."""
    return DocumentFlag(kind=EXTRACTION_FAILED, surface="", start=0, end=0, message=reason[:500])


def process(
    store: Store,
    settings: Settings | None = None,
    *,
    show_progress: bool = False,
    advance: Progress | None = None,
    claims_of: ClaimSource | None = None,
    only: Sequence[str] | None = None,
) -> dict[str, int]:
    """Run steps 2–5 over the documents whose claims are stale: new ones, and all of them
    after an extractor upgrade or a change of knowledge base. With none stale, nothing runs.

    ``only`` limits the run to those documents (the ones a request just stored): after an
    upgrade every stored document is stale, and re-extracting an archive is the work of
    ``counterclaim process``, not of the request that happens to come first."""
    from counterclaim.actors import KnowledgeBase

    settings = settings or load_settings()
    kb = KnowledgeBase.from_settings(settings)  # a bad user file fails before any work
    # extraction_version loads the decision model: a bad model file fails here too
    pending = store.documents_needing_extraction(extraction_version(kb, settings), only)
    if not pending:
        if store.claims_without_incident():
            # A run stopped between storing claims and saving incidents: finish its step 5.
            update_incidents(store)
        return {"documents": 0, "claims": store.claim_count(), "incidents": store.incident_count()}
    update_provenance(store, store.documents(ids=pending), settings)  # skips indexed ones
    if show_progress and advance is None:
        from rich.progress import Progress as Bar

        with Bar(transient=True) as bar:
            task = bar.add_task("extracting claims", total=len(pending))
            extract_claims(
                store,
                settings,
                doc_ids=pending,
                advance=lambda n: bar.advance(task, n),
                claims_of=claims_of,
            )
    else:
        extract_claims(store, settings, doc_ids=pending, advance=advance, claims_of=claims_of)
    incidents = update_incidents(store)
    return {"documents": len(pending), "claims": store.claim_count(), "incidents": incidents}


HOLDERS_CHUNK = 20  # new documents whose band buckets' holders are read at once


@dataclass
class ProvenanceReport:
    groups: dict[str, str] = field(default_factory=dict)  # doc id → group, where changed
    origins: dict[str, Origin] = field(default_factory=dict)


def update_provenance(
    store: Store,
    docs: Sequence[Document],
    settings: Settings | None = None,
    *,
    verifier: VerifierParams | None = None,
) -> ProvenanceReport:
    """Step 2 for newly stored documents: index them for near-duplicates, group them, and
    store the agency each is credited to and its origin. Documents already indexed are not
    regrouped, so running it twice changes nothing.

    The store is read and written here only, a batch at a time: which documents are indexed,
    the stored candidates sharing a band bucket with a new one, their signatures, texts and
    groups; then the new signatures, groups and origins. ``provenance`` computes the rest."""
    from counterclaim import provenance

    settings = settings or load_settings()
    threshold = settings.near_duplicate_threshold
    report = ProvenanceReport()
    fresh = provenance.unindexed(docs, store.signatures(d.id for d in docs))
    if fresh:
        index = provenance.index_signatures(fresh, threshold)
        looked_up = near_duplicate_lookup(
            store, [(indexed.signature, indexed.buckets) for indexed in index], threshold
        )
        matches = {
            indexed.doc_id: [m.doc_id for m in found]
            for indexed, (_, found) in zip(index, looked_up, strict=True)
        }
        matched = sorted({m for found in matches.values() for m in found})
        known = {d.id: d for d in store.documents(ids=matched)} if matched else {}
        labels = sorted(provenance.group_labels(known.values()))
        neighbours = provenance.StoredNeighbours(
            documents=known,
            ingestion_rank={d.id: i for i, d in enumerate(store.documents(ids=labels))},
            group_members=store.duplicate_group_members_of(labels),
        )
        report.groups = provenance.group_near_duplicates(
            fresh, index, matches, neighbours, threshold, verifier
        )
        store.add_signatures([(s.doc_id, s.signature, s.buckets) for s in index])
        store.set_duplicate_groups(report.groups)
    report.origins = {doc.id: detect_origin(doc) for doc in docs}
    store.set_origins({i: (o.origin, o.syndicated_from) for i, o in report.origins.items()})
    return report


def near_duplicate_lookup(
    store: Store, probes: Sequence[tuple[Sequence[int], Sequence[str]]], threshold: float
) -> list[tuple[int, list[Match]]]:
    """For each probe, a (signature, band buckets) pair: how many stored documents share a
    band bucket with it, and those it matches, best first. Crowded band buckets (common
    words' hashes) are read only up to the cap, so a probe's candidates stay bounded however
    large the store grows; the holders are read ``HOLDERS_CHUNK`` probes at a time (a whole
    batch's are hundreds of thousands of ids in an archive), each probe's candidates'
    signatures 500 at a time."""
    from counterclaim import provenance

    limit = provenance.max_bucket()
    out: list[tuple[int, list[Match]]] = []
    for first in range(0, len(probes), HOLDERS_CHUNK):
        part = probes[first : first + HOLDERS_CHUNK]
        holders = store.lsh_bucket_holders(
            (key for _, buckets in part for key in provenance.bucket_keys(buckets)), limit + 1
        )
        for signature, buckets in part:
            found: list[Match] = []
            candidates = sorted(provenance.lsh_candidates(buckets, holders, limit))
            for start in range(0, len(candidates), 500):
                chunk = store.signatures(candidates[start : start + 500])
                found += provenance.near_duplicate_matches(signature, chunk, threshold)
            found.sort(key=lambda m: (-m.similarity, m.doc_id))
            out.append((len(candidates), found))
    return out


def update_incidents(store: Store, *, rebuild: bool = False, full: bool = False) -> int:
    """Step 5: group every stored claim into incidents and save them.

    Incremental by default: stored incidents keep their ids and claims; new claims join one,
    start one or bridge two (see ``incidents``). Only the incidents new claims can join are
    read and regrouped, found by the keys stored with each incident: the same incidents as
    regrouping every claim with the stored incidents kept (``full``), at a cost that follows
    the new claims rather than the store. A store whose incidents lack keys (saved before
    they existed, or split by an analyst) is regrouped whole once. ``rebuild`` regroups
    everything from scratch. Returns how many incidents the store holds.
    """
    from counterclaim import incidents as grouping

    if rebuild or full or store.incidents_without_keys():
        _JUST_STORED.pop(store, None)
        claims = store.claims()
        doc_ids = sorted({c.doc_id for c in claims})
        docs = {d.id: d for d in store.documents(ids=doc_ids)} if doc_ids else {}
        existing = [] if rebuild else store.incidents()
        scans = grouping.TextScans()  # the texts read once for the grouping and its keys
        incidents = grouping.assign_incidents(claims, docs, existing, scans=scans)
        store.save_incidents(
            incidents, grouping.incident_keys(incidents, claims, docs, scans=scans)
        )
    elif new := _new_claims(store):
        new_docs = {d.id: d for d in store.documents(ids=sorted({c.doc_id for c in new}))}
        new_claimants = store.claimants_of_documents(new_docs)
        scans = grouping.TextScans()  # the texts read once for the lookups, regroup and keys
        lookups = grouping.lookups(new, new_docs, claimants=new_claimants, scans=scans)
        # A new copy may have renamed its group: the incidents of every copy are found by
        # their documents, whatever group they were keyed under.
        copies = store.duplicate_group_members_of(
            {d.near_duplicate_group for d in new_docs.values() if d.near_duplicate_group}
        )
        lookups.append(
            grouping.KeyLookup(
                [grouping.document_key(m) for ms in copies.values() for m in ms], None
            )
        )
        # An incident found by a key is read whole only if one of its segments is near
        # enough in time for a new one to link with it: keys are bucketed by month, so
        # they find months of a dense archive that no new claim can join.
        found = store.incidents_by_lookup([(lookup.keys, lookup.buckets) for lookup in lookups])
        windows = grouping.segment_windows(store.claim_dates_of_incidents(set().union(*found)))
        touched = {
            incident_id
            for lookup, ids in zip(lookups, found, strict=True)
            for incident_id in ids
            if lookup.can_reach(windows.get(incident_id, [None]))
        }
        while True:
            held = store.claims_of_incidents(sorted(touched))
            claims = sorted(
                [*new, *(c for members in held.values() for c in members)],
                key=lambda c: (c.doc_id, c.span_start, c.id),
            )
            doc_ids = sorted({c.doc_id for c in claims})
            if set(doc_ids) == set(new_docs):
                # the new claims' documents alone: those just read, and their claimants
                docs, claimants = new_docs, new_claimants
            else:
                docs = {d.id: d for d in store.documents(ids=doc_ids)}
                claimants = store.claimants_of_documents(doc_ids)
            existing = store.incidents(ids=sorted(touched))
            assignment = grouping.cluster_incidents(
                claims, docs, existing, claimants=claimants, scans=scans
            )
            # Incidents of one name are numbered -2, -3 in founding order: all of them must be
            # relabelled together.
            namesakes = set(
                store.incidents_labelled(
                    {grouping.base_label(i.label) for i in assignment.incidents}
                )
            )
            if namesakes <= touched:
                break
            touched |= namesakes
        incidents = assignment.incidents
        keys = grouping.incident_keys(incidents, claims, docs, claimants=claimants, scans=scans)
        store.replace_incidents(incidents, touched - {i.id for i in incidents}, keys)
    reapply_incident_reviews(store)  # splits and merges analysts made outlive regrouping
    return store.incident_count()  # counted, not read: the archive may hold 100,000


@dataclass
class StoredComparison:
    """Step 6 for one stored incident: its matrix and what it was built from."""

    incident: Incident
    claims: list[Claim]
    documents: dict[str, Document]
    comparison: Comparison


def compare_stored(
    store: Store, incidents: Sequence[Incident], kb: KnowledgeBase | None = None
) -> list[StoredComparison]:
    """Step 6 over the store: each incident's claims matrix, for the CLI, the API, the
    dashboard and the brief alike. Every incident's claims (by their incident id) and the
    documents of the incidents and of their claims are read once for the whole list, then
    :func:`counterclaim.compare.compare_incidents` builds every matrix. ``kb`` tells sides
    apart (None: the shipped knowledge base)."""
    from counterclaim.compare import compare_incidents

    if not incidents:
        return []
    claims = store.claims_of_incidents([inc.id for inc in incidents])
    doc_ids = {d for inc in incidents for d in inc.doc_ids}
    doc_ids.update(c.doc_id for of_incident in claims.values() for c in of_incident)
    docs = {d.id: d for d in store.documents(ids=sorted(doc_ids))} if doc_ids else {}
    every = [c for inc in dict.fromkeys(i.id for i in incidents) for c in claims.get(inc, [])]
    out = []
    for inc, comparison in zip(
        incidents, compare_incidents(incidents, every, docs, kb), strict=True
    ):
        own = claims.get(inc.id, [])
        wanted = dict.fromkeys([*inc.doc_ids, *(c.doc_id for c in own)])
        out.append(
            StoredComparison(inc, own, {d: docs[d] for d in wanted if d in docs}, comparison)
        )
    return out
