"""The store: the only module that speaks SQL.

SQLite by default, PostgreSQL with the same code. The schema is versioned with Alembic and
migrated on open. Every write method runs in one transaction, so an interrupted batch
leaves nothing half-written.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import (
    JSON,
    Engine,
    Text,
    bindparam,
    cast,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.exc import (
    DataError,
    IntegrityError,
    OperationalError,
    SQLAlchemyError,
    StatementError,
)
from sqlalchemy.pool import StaticPool

from counterclaim.errors import NotFoundError, StoreError
from counterclaim.model import (
    EXTRACTION_FAILED,
    Claim,
    Document,
    DocumentFlag,
    Incident,
    Place,
)
from counterclaim.store import schema

MIGRATIONS = Path(__file__).parent / "migrations"
# Another process writing at the same time (two ingests, the server and an ingest): SQLite
# waits this long for its lock, and a write that still meets one is retried whole.
BUSY_TIMEOUT_MS = 30_000
WRITE_ATTEMPTS = 6
_CONCURRENT_WRITE_ERRORS = ("database is locked", "deadlock detected", "could not serialize")
_Method = TypeVar("_Method", bound=Callable[..., Any])


def _retried(method: _Method) -> _Method:
    """Run a one-transaction write method again when a concurrent writer got in its way.

    SQLite refuses a transaction whose snapshot another process changed (WAL: "database is
    locked" at once, whatever the busy timeout); PostgreSQL aborts one side of a deadlock;
    and two writers that both found a row missing collide on its key (IntegrityError, retried
    once: the second attempt sees the other's row). Each method is one transaction, so
    running it again is safe.
    """

    @wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        collisions = 0
        for attempt in range(WRITE_ATTEMPTS):
            try:
                return method(*args, **kwargs)
            except OperationalError as exc:
                message = str(exc.orig).lower()
                concurrent = any(m in message for m in _CONCURRENT_WRITE_ERRORS)
                if not concurrent or attempt == WRITE_ATTEMPTS - 1:
                    raise
            except IntegrityError:
                collisions += 1
                if collisions > 1 or attempt == WRITE_ATTEMPTS - 1:
                    raise
            time.sleep(0.05 * 2**attempt)
        raise AssertionError("unreachable")

    return wrapper  # type: ignore[return-value]


@dataclass
class ClaimFilter:
    """Filters for :meth:`Store.claims`; ``None`` means no condition."""

    claimant: str | None = None
    category: str | None = None
    target_role: str | None = None
    incident_id: str | None = None
    doc_id: str | None = None
    place: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    text: str | None = None
    limit: int | None = None
    offset: int = 0


def _normalise_url(url: str) -> str:
    if url.startswith("sqlite:") or "://" in url:
        if url.startswith("postgres://"):
            url = "postgresql://" + url[len("postgres://") :]
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url[len("postgresql://") :]
        return url
    return f"sqlite:///{url}"  # a bare path is an SQLite file


class Store:
    """A counterclaim database. ``Store("sqlite:///x.db")``, ``Store(":memory:")``."""

    def __init__(self, url: str = "sqlite:///counterclaim.db") -> None:
        if url == ":memory:":
            url = "sqlite://"
        self.url = _normalise_url(url)
        options: dict[str, Any] = {}
        if self.url in ("sqlite://", "sqlite:///:memory:"):
            # One shared connection, or every thread would see its own empty database.
            options = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
        try:
            # Unescaped UTF-8 in JSON columns, so the text filters match non-ASCII place names.
            self.engine: Engine = create_engine(self.url, json_serializer=_json_dumps, **options)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise StoreError(f"cannot open database {url!r}: {exc}") from exc
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.migrate()

    # -- schema -----------------------------------------------------------------------------
    def migrate(self) -> None:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self.engine.begin() as connection:
                    if connection.dialect.name == "postgresql":
                        # Two processes opening a new database: one migrates, one waits.
                        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(4207731)")
                    config.attributes["connection"] = connection
                    command.upgrade(config, "head")
                return
            except SQLAlchemyError as exc:
                # SQLite: another process created the schema while this one read it; once
                # it is done, upgrading to head is a no-op.
                raced = any(
                    m in str(exc)
                    for m in ("already exists", "database is locked", "UNIQUE constraint failed")
                )
                if not raced or attempt == WRITE_ATTEMPTS - 1:
                    raise StoreError(
                        f"cannot open or migrate database {self.url!r}: {exc}"
                    ) from exc
                time.sleep(0.1 * 2**attempt)

    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()

    def close(self) -> None:
        self.engine.dispose()

    # -- documents --------------------------------------------------------------------------
    @_retried
    def add_documents(self, docs: Sequence[Document]) -> list[bool]:
        """Store documents not yet stored, in one transaction; returns is-new per document."""
        ids = [d.id for d in docs]
        with self.engine.begin() as conn:
            existing = set(
                conn.scalars(select(schema.documents.c.id).where(schema.documents.c.id.in_(ids)))
            )
            fresh: list[dict[str, Any]] = []
            seen: set[str] = set()
            flags = []
            for doc in docs:
                new = doc.id not in existing and doc.id not in seen
                flags.append(new)
                if new:
                    seen.add(doc.id)
                    fresh.append(_document_row(doc))
            if fresh:
                conn.execute(insert(schema.documents), fresh)
                _bump_revision(conn)
        return flags

    @_retried
    def record_failures(self, failures: Iterable[tuple[str, str]]) -> None:
        rows = [{"source": s, "reason": r, "at": _now()} for s, r in failures]
        if rows:
            with self.engine.begin() as conn:
                conn.execute(insert(schema.ingest_failures), rows)

    def failures(self, limit: int = 100) -> list[tuple[str, str]]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(schema.ingest_failures.c.source, schema.ingest_failures.c.reason)
                .order_by(schema.ingest_failures.c.id.desc())
                .limit(limit)
            )
            return [(r.source, r.reason) for r in rows]

    def document(self, doc_id: str) -> Document:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(schema.documents).where(schema.documents.c.id == doc_id)
            ).first()
        if row is None:
            raise NotFoundError(f"no document with id {doc_id!r}")
        return _document_from_row(row)

    def documents(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        ids: Sequence[str] | None = None,
        flagged: bool = False,
        failed: bool = False,
    ) -> list[Document]:
        """Documents in ingest order; ``flagged`` keeps those with flags for the analyst."""
        query = select(schema.documents).order_by(
            schema.documents.c.ingested_at, schema.documents.c.id
        )
        if ids is not None:
            query = query.where(schema.documents.c.id.in_(list(ids)))
        if flagged:
            # Compared as text: PostgreSQL's json type has no equality operator.
            query = query.where(cast(schema.documents.c.flags, Text) != "[]")
        if failed:
            query = query.where(
                cast(schema.documents.c.flags, Text).contains(EXTRACTION_FAILED, autoescape=True)
            )
        query = query.offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [_document_from_row(r) for r in conn.execute(query)]

    def iter_documents(self, batch_size: int = 256) -> Iterator[Document]:
        offset = 0
        while True:
            batch = self.documents(limit=batch_size, offset=offset)
            if not batch:
                return
            yield from batch
            offset += len(batch)

    def document_count(self) -> int:
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(schema.documents)) or 0

    def documents_needing_extraction(
        self, version: str, ids: Iterable[str] | None = None
    ) -> list[str]:
        """Ids of the documents (of ``ids``, when given) whose claims were not made with
        ``version``, in ingestion order."""
        d = schema.documents.c
        stale = or_(d.extractor_version.is_(None), d.extractor_version != version)
        with self.engine.connect() as conn:
            if ids is None:
                query = select(d.id).where(stale).order_by(d.ingested_at, d.id)
                return list(conn.scalars(query))
            wanted = sorted(set(ids))
            rows = [
                row
                for start in range(0, len(wanted), 500)
                for row in conn.execute(
                    select(d.id, d.ingested_at).where(stale, d.id.in_(wanted[start : start + 500]))
                )
            ]
        return [row.id for row in sorted(rows, key=lambda r: (r.ingested_at, r.id))]

    @_retried
    def set_provenance(
        self,
        doc_id: str,
        *,
        near_duplicate_group: str | None = None,
        origin: str | None = None,
        syndicated_from: str | None = None,
    ) -> None:
        values = {
            k: v
            for k, v in {
                "near_duplicate_group": near_duplicate_group,
                "origin": origin,
                "syndicated_from": syndicated_from,
            }.items()
            if v is not None
        }
        if values:
            with self.engine.begin() as conn:
                conn.execute(
                    update(schema.documents).where(schema.documents.c.id == doc_id).values(values)
                )
                _bump_revision(conn)

    # -- near-duplicate index ---------------------------------------------------------------
    @_retried
    def add_signature(self, doc_id: str, signature: Sequence[int], buckets: Sequence[str]) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(schema.minhashes).where(schema.minhashes.c.doc_id == doc_id))
            conn.execute(delete(schema.lsh_bands).where(schema.lsh_bands.c.doc_id == doc_id))
            conn.execute(
                insert(schema.minhashes), [{"doc_id": doc_id, "signature": list(signature)}]
            )
            conn.execute(
                insert(schema.lsh_bands),
                [{"band": i, "bucket": b, "doc_id": doc_id} for i, b in enumerate(buckets)],
            )

    def lsh_candidates(self, buckets: Sequence[str]) -> set[str]:
        """Documents sharing at least one band bucket (indexed primary-key lookups)."""
        table = schema.lsh_bands
        conds = [(table.c.band == i) & (table.c.bucket == b) for i, b in enumerate(buckets)]
        if not conds:
            return set()
        with self.engine.connect() as conn:
            return set(conn.scalars(select(table.c.doc_id).where(or_(*conds))))

    def signatures(self, doc_ids: Iterable[str]) -> dict[str, list[int]]:
        ids = list(doc_ids)
        if not ids:
            return {}
        out: dict[str, list[int]] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(ids), 500):  # stay under SQLite's bound-variable limit
                chunk = ids[start : start + 500]
                rows = conn.execute(
                    select(schema.minhashes).where(schema.minhashes.c.doc_id.in_(chunk))
                )
                out.update({r.doc_id: list(r.signature) for r in rows})
        return out

    def duplicate_groups(self) -> dict[str, list[Document]]:
        groups: dict[str, list[Document]] = {}
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(schema.documents)
                .where(schema.documents.c.near_duplicate_group.is_not(None))
                .order_by(schema.documents.c.near_duplicate_group, schema.documents.c.id)
            )
            for row in rows:
                doc = _document_from_row(row)
                groups.setdefault(doc.near_duplicate_group or "", []).append(doc)
        return groups

    @_retried
    def add_signatures(self, items: Sequence[tuple[str, Sequence[int], Sequence[str]]]) -> None:
        """Many ``(doc_id, signature, buckets)`` at once, in one transaction (bulk indexing)."""
        if not items:
            return
        ids = [doc_id for doc_id, _, _ in items]
        with self.engine.begin() as conn:
            for start in range(0, len(ids), 500):  # stay under SQLite's bound-variable limit
                chunk = ids[start : start + 500]
                conn.execute(delete(schema.minhashes).where(schema.minhashes.c.doc_id.in_(chunk)))
                conn.execute(delete(schema.lsh_bands).where(schema.lsh_bands.c.doc_id.in_(chunk)))
            conn.execute(
                insert(schema.minhashes),
                [{"doc_id": doc_id, "signature": list(sig)} for doc_id, sig, _ in items],
            )
            _insert_plain_rows(
                conn,
                schema.lsh_bands,
                [
                    {"band": i, "bucket": b, "doc_id": doc_id}
                    for doc_id, _, buckets in items
                    for i, b in enumerate(buckets)
                ],
            )

    def duplicate_group_members(self, group: str) -> list[str]:
        """Ids of the documents in one near-duplicate group, in ingestion order."""
        docs = schema.documents.c
        with self.engine.connect() as conn:
            return list(
                conn.scalars(
                    select(docs.id)
                    .where(docs.near_duplicate_group == group)
                    .order_by(docs.ingested_at, docs.id)
                )
            )

    @_retried
    def set_duplicate_groups(self, groups: dict[str, str]) -> None:
        """Set the near-duplicate group of many documents (doc id → group), one transaction."""
        if not groups:
            return
        by_group: dict[str, list[str]] = {}
        for doc_id, group in groups.items():
            by_group.setdefault(group, []).append(doc_id)
        with self.engine.begin() as conn:
            _bump_revision(conn)
            for group, ids in by_group.items():
                conn.execute(
                    update(schema.documents)
                    .where(schema.documents.c.id.in_(ids))
                    .values(near_duplicate_group=group)
                )

    def lsh_bucket_holders(
        self, keys: Iterable[tuple[int, str]], limit: int
    ) -> dict[tuple[int, str], list[str]]:
        """The documents in each ``(band, bucket)``, at most ``limit`` of each (the lowest
        ids): a bucket returning ``limit`` holders may hold more. Each bucket is a bounded
        index range scan, so the cost does not grow with the bucket or the store."""
        table = schema.lsh_bands
        # One small statement, compiled once and run per bucket: a UNION ALL of 200 such
        # scans cost 15-25 MB to compile and prepare, more than its rows, and was slower.
        query = (
            select(table.c.doc_id)
            .where((table.c.band == bindparam("band")) & (table.c.bucket == bindparam("bucket")))
            .order_by(table.c.doc_id)
            .limit(bindparam("limit"))
        )
        # The lowest ids fill every crowded bucket: one string per document, not per row.
        seen: dict[str, str] = {}
        out: dict[tuple[int, str], list[str]] = {}
        with self.engine.connect() as conn:
            # Run on the driver's cursor: a batch looks up thousands of buckets, mostly empty,
            # and SQLAlchemy's work per execution was 5 times the query's (0.11 s of 0.13 s
            # for 200 new reports). The statement is still SQLAlchemy's, in the dialect's
            # parameter style.
            compiled = query.compile(dialect=conn.dialect)
            sql = str(compiled)
            values: dict[str, Any] = {**compiled.params, "band": None, "bucket": None}
            values["limit"] = limit
            # One parameter list (or dict) filled in place per bucket: building them afresh
            # was as costly as the (mostly empty) lookups themselves
            params: list[Any] | dict[str, Any] = values
            band_at = bucket_at = -1
            if compiled.positional:
                order = list(compiled.positiontup or ())
                params = [values[name] for name in order]
                band_at, bucket_at = order.index("band"), order.index("bucket")
            cursor = conn.connection.cursor()
            try:
                for band, bucket in sorted(set(keys)):
                    if band_at >= 0:
                        params[band_at] = band  # type: ignore[index]
                        params[bucket_at] = bucket  # type: ignore[index]
                    else:
                        values["band"] = band
                        values["bucket"] = bucket
                    cursor.execute(sql, params)
                    rows = cursor.fetchall()
                    if rows:
                        out[(band, bucket)] = [seen.setdefault(row[0], row[0]) for row in rows]
            finally:
                cursor.close()
        return out

    def duplicate_group_members_of(self, groups: Iterable[str]) -> dict[str, list[str]]:
        """Ids of the documents in each of these near-duplicate groups, in ingestion order."""
        names = sorted(set(groups))
        docs = schema.documents.c
        out: dict[str, list[str]] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(names), 500):
                rows = conn.execute(
                    select(docs.near_duplicate_group, docs.id)
                    .where(docs.near_duplicate_group.in_(names[start : start + 500]))
                    .order_by(docs.ingested_at, docs.id)
                )
                for row in rows:
                    out.setdefault(row.near_duplicate_group, []).append(row.id)
        return out

    @_retried
    def set_origins(self, origins: dict[str, tuple[str | None, str | None]]) -> None:
        """Origin and agency credit (doc id → (origin, syndicated_from)) of many documents in
        one transaction; a ``None`` leaves the stored value, as in :meth:`set_provenance`."""
        rows = [
            (doc_id, o, s) for doc_id, (o, s) in origins.items() if o is not None or s is not None
        ]
        if not rows:
            return
        # One executemany per set of columns written, not one statement per document.
        by_columns: dict[tuple[str, ...], list[dict[str, str]]] = {}
        for doc_id, origin, syndicated_from in rows:
            values = {"origin": origin, "syndicated_from": syndicated_from}
            written = {f"new_{k}": v for k, v in values.items() if v is not None}
            by_columns.setdefault(tuple(written), []).append({"doc_id_": doc_id, **written})
        with self.engine.begin() as conn:
            _bump_revision(conn)
            for columns, params in by_columns.items():
                conn.execute(
                    update(schema.documents)
                    .where(schema.documents.c.id == bindparam("doc_id_"))
                    .values({name.removeprefix("new_"): bindparam(name) for name in columns}),
                    params,
                )

    # -- claims -----------------------------------------------------------------------------
    def replace_claims(
        self,
        by_doc: dict[str, list[Claim]],
        extractor_version: str,
        flags: dict[str, list[DocumentFlag]] | None = None,
    ) -> None:
        """Replace the claims of these documents, and their flags, in one transaction."""
        if not by_doc:
            return
        flags = flags or {}
        try:
            self._replace_claims(by_doc, extractor_version, flags)
        except (IntegrityError, DataError, StatementError, OverflowError) as exc:
            raise StoreError(f"cannot store the claims of {sorted(by_doc)}: {exc}") from exc

    @_retried
    def _replace_claims(
        self,
        by_doc: dict[str, list[Claim]],
        extractor_version: str,
        flags: dict[str, list[DocumentFlag]],
    ) -> None:
        with self.engine.begin() as conn:
            _bump_revision(conn)
            ids = list(by_doc)
            conn.execute(delete(schema.claims).where(schema.claims.c.doc_id.in_(ids)))
            rows = [_claim_row(c) for claims in by_doc.values() for c in claims]
            if rows:
                conn.execute(insert(schema.claims), rows)
            conn.execute(
                update(schema.documents)
                .where(schema.documents.c.id.in_(ids))
                .values(extractor_version=extractor_version, flags=[])
            )
            for doc_id, doc_flags in flags.items():
                if doc_flags:
                    conn.execute(
                        update(schema.documents)
                        .where(schema.documents.c.id == doc_id)
                        .values(flags=[f.to_dict() for f in doc_flags])
                    )

    def claims(self, filters: ClaimFilter | None = None) -> list[Claim]:
        f = filters or ClaimFilter()
        c = schema.claims.c
        query = self._where_claims(select(schema.claims), f).order_by(c.doc_id, c.span_start, c.id)
        query = query.offset(f.offset)
        if f.limit is not None:
            query = query.limit(f.limit)
        with self.engine.connect() as conn:
            return [_claim_from_row(r) for r in conn.execute(query)]

    def claim_count(self) -> int:
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(schema.claims)) or 0

    def incident_count(self) -> int:
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(schema.incidents)) or 0

    def claims_without_incident(self) -> int:
        """How many claims no incident holds: non-zero after a run stopped between storing
        claims and saving incidents."""
        query = (
            select(func.count())
            .select_from(schema.claims)
            .where(schema.claims.c.incident_id.is_(None))
        )
        with self.engine.connect() as conn:
            return conn.scalar(query) or 0

    # -- incidents --------------------------------------------------------------------------
    @_retried
    def save_incidents(
        self,
        incidents: Sequence[Incident],
        keys: dict[str, list[tuple[str, int]]] | None = None,
    ) -> None:
        """Replace the incident table and each claim's incident link, in one transaction;
        ``keys`` (incident id → (key, bucket) rows) are where new claims find them (without
        them, the next incident update regroups everything)."""
        with self.engine.begin() as conn:
            _bump_revision(conn)
            conn.execute(delete(schema.incidents))
            conn.execute(delete(schema.incident_keys))
            _insert_incident_keys(conn, keys or {})
            conn.execute(update(schema.claims).values(incident_id=None, incident=None))
            _insert_incidents(conn, incidents)

    @_retried
    def replace_incidents(
        self,
        incidents: Sequence[Incident],
        removed: Iterable[str],
        keys: dict[str, list[tuple[str, int]]],
    ) -> None:
        """Save part of the incident table, in one transaction: ``incidents`` (each with all
        its claims) replace the stored ones of the same id, ``removed`` ids are deleted
        (merged or emptied), and ``keys`` replace theirs."""
        ids = sorted({i.id for i in incidents} | set(removed))
        i, k = schema.incidents.c, schema.incident_keys.c
        with self.engine.begin() as conn:
            _bump_revision(conn)
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                conn.execute(delete(schema.incidents).where(i.id.in_(chunk)))
                conn.execute(delete(schema.incident_keys).where(k.incident_id.in_(chunk)))
                conn.execute(
                    update(schema.claims)
                    .where(schema.claims.c.incident_id.in_(chunk))
                    .values(incident_id=None, incident=None)
                )
            _insert_incident_keys(conn, keys)
            _insert_incidents(conn, incidents)

    def incidents_without_keys(self) -> bool:
        """Whether some stored incident has no lookup keys (saved by an older version, or
        made by an analyst's split): an incremental update could miss it."""
        i, k = schema.incidents.c, schema.incident_keys.c
        keyed = select(k.incident_id).where(k.incident_id == i.id)
        with self.engine.connect() as conn:
            return conn.scalar(select(i.id).where(~keyed.exists()).limit(1)) is not None

    def incidents_by_keys(
        self, lookups: Sequence[tuple[Sequence[str], Sequence[int] | None]]
    ) -> set[str]:
        """Ids of the incidents stored under one of the keys of a lookup, in one of its
        buckets or undated (a lookup without buckets meets every bucket)."""
        return set().union(*self.incidents_by_lookup(lookups))

    def incidents_by_lookup(
        self, lookups: Sequence[tuple[Sequence[str], Sequence[int] | None]]
    ) -> list[set[str]]:
        """For each lookup, :meth:`incidents_by_keys` of it alone. Keys and buckets are
        matched by two plain IN lists, which search the primary key; a row-value IN of
        (key, bucket) pairs made SQLite scan the whole table once per query."""
        k = schema.incident_keys.c
        of_key: dict[str, list[int]] = {}
        by_buckets: dict[tuple[int, ...] | None, set[str]] = {}
        for index, (keys, buckets) in enumerate(lookups):
            wanted = None if buckets is None else tuple(sorted({*buckets, -1}))
            by_buckets.setdefault(wanted, set()).update(keys)
            for key in keys:
                of_key.setdefault(key, []).append(index)
        bucket_sets = [None if b is None else set(b) for _, b in lookups]
        found: list[set[str]] = [set() for _ in lookups]
        with self.engine.connect() as conn:
            for buckets, key_set in by_buckets.items():
                keys = sorted(key_set)
                step = 500 - len(buckets or ())
                for start in range(0, len(keys), step):
                    query = select(k.key, k.bucket, k.incident_id).where(
                        k.key.in_(keys[start : start + step])
                    )
                    if buckets is not None:
                        query = query.where(k.bucket.in_(buckets))
                    for row in conn.execute(query):
                        for index in of_key[row.key]:
                            wanted = bucket_sets[index]
                            if wanted is None or row.bucket == -1 or row.bucket in wanted:
                                found[index].add(row.incident_id)
        return found

    def incidents_labelled(self, bases: Iterable[str]) -> dict[str, str]:
        """Incident id → label of the incidents labelled ``base`` or ``base-N``."""
        out: dict[str, str] = {}
        names = sorted(set(bases))
        with self.engine.connect() as conn:
            for start in range(0, len(names), 200):
                chunk = names[start : start + 200]
                # Plain SQL: building and compiling 400 conditions as expressions cost more
                # than the query (an update names a couple of hundred incidents). The LIKE
                # patterns are escaped as ``startswith(autoescape=True)`` escapes them.
                params = {f"n{k}": name for k, name in enumerate(chunk)}
                params |= {f"p{k}": _like_prefix(f"{name}-") for k, name in enumerate(chunk)}
                listed = ", ".join(f":n{k}" for k in range(len(chunk)))
                prefixed = " OR ".join(f"label LIKE :p{k} ESCAPE '/'" for k in range(len(chunk)))
                query = text(
                    f"SELECT id, label FROM incidents WHERE label IN ({listed}) OR {prefixed}"
                )
                for row in conn.execute(query, params):
                    out[row.id] = row.label
        return out

    def claims_without_incident_list(self) -> list[Claim]:
        """The claims no incident holds (new since the last incident update), in
        :meth:`claims` order."""
        c = schema.claims.c
        query = (
            select(schema.claims)
            .where(c.incident_id.is_(None))
            .order_by(c.doc_id, c.span_start, c.id)
        )
        with self.engine.connect() as conn:
            return [_claim_from_row(r) for r in conn.execute(query)]

    def claimants_of_documents(self, doc_ids: Iterable[str]) -> dict[str, list[str]]:
        """Doc id → the claimants of all its stored claims."""
        c = schema.claims.c
        ids = sorted(set(doc_ids))
        out: dict[str, list[str]] = {d: [] for d in ids}
        with self.engine.connect() as conn:
            for start in range(0, len(ids), 500):
                query = select(c.doc_id, c.claimant).where(c.doc_id.in_(ids[start : start + 500]))
                for row in conn.execute(query):
                    out[row.doc_id].append(row.claimant)
        return out

    def incidents(self, ids: Sequence[str] | None = None) -> list[Incident]:
        """Every incident, or those of these ids."""
        chunks = [None] if ids is None else [ids[s : s + 500] for s in range(0, len(ids), 500)]
        rows: list[Any] = []
        claim_ids: dict[str, list[str]] = {}
        doc_ids: dict[str, list[str]] = {}
        with self.engine.connect() as conn:
            for chunk in chunks:
                incident_query = select(schema.incidents)
                link_query = (
                    select(schema.claims.c.incident_id, schema.claims.c.id, schema.claims.c.doc_id)
                    .where(schema.claims.c.incident_id.is_not(None))
                    .order_by(schema.claims.c.doc_id, schema.claims.c.span_start)
                )
                if chunk is not None:
                    incident_query = incident_query.where(schema.incidents.c.id.in_(chunk))
                    link_query = link_query.where(schema.claims.c.incident_id.in_(chunk))
                rows += conn.execute(incident_query)
                for link in conn.execute(link_query):
                    claim_ids.setdefault(link.incident_id, []).append(link.id)
                    docs = doc_ids.setdefault(link.incident_id, [])
                    if link.doc_id not in docs:
                        docs.append(link.doc_id)
        out = [
            Incident(
                id=r.id,
                label=r.label,
                date_start=r.date_start,
                date_end=r.date_end,
                places=list(r.places or []),
                operation=r.operation,
                claim_ids=claim_ids.get(r.id, []),
                doc_ids=doc_ids.get(r.id, []),
            )
            for r in rows
        ]
        out.sort(key=lambda i: (i.date_start or "", i.label), reverse=True)
        return out

    def incident(self, key: str) -> Incident:
        """An incident by id or by label."""
        for inc in self.incidents():
            if key in (inc.id, inc.label):
                return inc
        raise NotFoundError(f"no incident with id or label {key!r}")

    def count_claims(self, filters: ClaimFilter | None = None) -> int:
        """How many claims :meth:`claims` would return without its limit and offset."""
        query = self._where_claims(select(func.count()).select_from(schema.claims), filters)
        with self.engine.connect() as conn:
            return conn.scalar(query) or 0

    @staticmethod
    def _where_claims(query: Any, filters: ClaimFilter | None) -> Any:
        """``query`` with the conditions of ``filters``, all bound parameters."""
        f = filters or ClaimFilter()
        c = schema.claims.c
        if f.claimant:
            query = query.where(func.lower(c.claimant) == f.claimant.lower())
        if f.category:
            query = query.where(c.category == f.category)
        if f.target_role:
            query = query.where(c.target_role == f.target_role)
        if f.incident_id:
            query = query.where(or_(c.incident_id == f.incident_id, c.incident == f.incident_id))
        if f.doc_id:
            query = query.where(c.doc_id == f.doc_id)
        if f.date_from:
            query = query.where(func.substr(c.event_date, 1, 10) >= f.date_from)
        if f.date_to:
            query = query.where(func.substr(c.event_date, 1, 10) <= f.date_to)
        if f.text:
            needle = f.text.lower()
            query = query.where(
                or_(
                    func.lower(c.evidence).contains(needle, autoescape=True),
                    func.lower(c.target).contains(needle, autoescape=True),
                )
            )
        if f.place:
            # JSON columns are text on both backends once cast; a substring test is enough here.
            from sqlalchemy import String, cast

            query = query.where(
                func.lower(cast(c.locations, String)).contains(f.place.lower(), autoescape=True)
            )
        return query

    # -- analyst review ---------------------------------------------------------------------
    # The review stage (``counterclaim.review``) decides what the effective claims are; these
    # methods only read and write its rows.
    def claim(self, claim_id: str) -> Claim:
        with self.engine.connect() as conn:
            row = conn.execute(select(schema.claims).where(schema.claims.c.id == claim_id)).first()
        if row is None:
            raise NotFoundError(f"no claim with id {claim_id!r}")
        return _claim_from_row(row)

    def add_reviews(self, rows: Sequence[dict[str, Any]]) -> list[int]:
        """Append review rows (never updated afterwards); returns their ids in order."""
        ids = []
        with self.engine.begin() as conn:
            _bump_revision(conn)
            for row in rows:
                result = conn.execute(insert(schema.reviews).values({"at": _now(), **row}))
                ids.append(int(result.inserted_primary_key[0]))
        return ids

    def reviews(
        self,
        *,
        claim_ids: Sequence[str] | None = None,
        doc_ids: Sequence[str] | None = None,
        batches: Sequence[str] | None = None,
        limit: int | None = None,
        newest_first: bool = False,
    ) -> list[dict[str, Any]]:
        """Review rows, oldest first (or newest first), with the conditions given."""
        r = schema.reviews.c
        query = select(schema.reviews)
        conditions = []
        if claim_ids is not None:
            conditions.append(r.claim_id.in_(list(claim_ids)))
        if doc_ids is not None:
            conditions.append(r.doc_id.in_(list(doc_ids)))
        if batches is not None:
            conditions.append(r.batch.in_(list(batches)))
        if conditions:
            query = query.where(or_(*conditions))
        query = query.order_by(r.id.desc() if newest_first else r.id)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def reviewed_doc_ids(self) -> list[str]:
        r = schema.reviews.c
        with self.engine.connect() as conn:
            return sorted(conn.scalars(select(r.doc_id).where(r.doc_id.is_not(None)).distinct()))

    def machine_versions(self, doc_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The machine version rows of the reviewed claims of these documents, by claim id."""
        m = schema.machine_claims.c
        with self.engine.connect() as conn:
            rows = conn.execute(select(schema.machine_claims).where(m.doc_id.in_(list(doc_ids))))
            return {row.claim_id: dict(row._mapping) for row in rows}

    def review_statuses(self, claim_ids: Sequence[str] | None = None) -> dict[str, str]:
        """Claim id → review status (accepted, corrected, added) of reviewed claims."""
        c = schema.claims.c
        query = select(c.id, c.review_status).where(c.review_status.is_not(None))
        if claim_ids is not None:
            query = query.where(c.id.in_(list(claim_ids)))
        with self.engine.connect() as conn:
            return {row.id: row.review_status for row in conn.execute(query)}

    def write_reviewed_claims(
        self,
        effective: Sequence[tuple[Claim, str]],
        remove: Sequence[str] = (),
        machine: Sequence[dict[str, Any]] = (),
    ) -> None:
        """In one transaction: drop the claims ``remove`` names, put each effective claim
        with its review status in place of any claim of the same id, and record the machine
        versions given (``claim_id``, ``doc_id``, ``machine_id``, ``data``)."""
        c = schema.claims.c
        gone = list(dict.fromkeys([*remove, *(claim.id for claim, _ in effective)]))
        with self.engine.begin() as conn:
            _bump_revision(conn)
            for start in range(0, len(gone), 500):
                conn.execute(delete(schema.claims).where(c.id.in_(gone[start : start + 500])))
            rows = [{**_claim_row(claim), "review_status": status} for claim, status in effective]
            if rows:
                conn.execute(insert(schema.claims), rows)
            for version in machine:
                conn.execute(
                    delete(schema.machine_claims).where(
                        schema.machine_claims.c.claim_id == version["claim_id"]
                    )
                )
                conn.execute(insert(schema.machine_claims).values(version))

    def set_claim_incidents(self, assignment: dict[str, tuple[str, str]]) -> None:
        """Claim id → (incident id, label), in one transaction."""
        with self.engine.begin() as conn:
            _bump_revision(conn)
            for claim_id, (incident_id, label) in assignment.items():
                conn.execute(
                    update(schema.claims)
                    .where(schema.claims.c.id == claim_id)
                    .values(incident_id=incident_id, incident=label)
                )

    def put_incident(self, incident: Incident) -> None:
        """Insert an incident row, or update the one of the same id (claims are not moved)."""
        row = {
            "label": incident.label,
            "date_start": incident.date_start,
            "date_end": incident.date_end,
            "places": incident.places,
            "operation": incident.operation,
        }
        i = schema.incidents.c
        with self.engine.begin() as conn:
            _bump_revision(conn)
            data = conn.scalar(select(i.data).where(i.id == incident.id))
            if data is None:
                conn.execute(
                    insert(schema.incidents).values(
                        id=incident.id, data={"doc_ids": incident.doc_ids}, **row
                    )
                )
            else:
                conn.execute(update(schema.incidents).where(i.id == incident.id).values(row))

    def drop_empty_incidents(self) -> list[str]:
        """Delete incidents no claim belongs to any more; returns their ids."""
        c, i = schema.claims.c, schema.incidents.c
        with self.engine.begin() as conn:
            used = select(c.incident_id).where(c.incident_id.is_not(None)).distinct()
            empty = list(conn.scalars(select(i.id).where(i.id.not_in(used))))
            if empty:
                conn.execute(delete(schema.incidents).where(i.id.in_(empty)))
                _bump_revision(conn)
        return empty

    # -- change tracking (for caches of what is built from the store) -------------------------
    def revision(self) -> int:
        """The store's change counter: it grows with every committed write to documents,
        claims, incidents or reviews, from any process."""
        t = schema.store_revisions.c
        with self.engine.connect() as conn:
            return conn.scalar(select(t.revision).where(t.name == "store")) or 0

    def incident_fingerprints(self) -> dict[str, str]:
        """Incident id → a digest of everything its claims matrix is built from: the
        incident row, its claims (every column) and their documents' metadata. Two reads,
        no JSON decoded; a cache keeps an incident's matrix while its digest is unchanged."""
        c, d, i = schema.claims.c, schema.documents.c, schema.incidents.c
        claim_columns = [cast(col, Text) if isinstance(col.type, JSON) else col for col in c]
        doc_columns = [
            cast(col, Text) if isinstance(col.type, JSON) else col
            for col in d
            if col.name not in ("text", "ingested_at", "extractor_version")
        ]
        digests: dict[str, Any] = {}
        with self.engine.connect() as conn:
            for row in conn.execute(select(*[cast(col, Text) for col in i]).order_by(i.id)):
                digests[row[0]] = hashlib.sha1(repr(tuple(row)).encode(), usedforsecurity=False)
            docs = {
                row[0]: repr(tuple(row))
                for row in conn.execute(
                    select(*doc_columns).where(
                        d.id.in_(select(c.doc_id).where(c.incident_id.is_not(None)))
                    )
                )
            }
            rows = conn.execute(
                select(*claim_columns).where(c.incident_id.is_not(None)).order_by(c.id)
            )
            for row in rows:
                digest = digests.get(row.incident_id)
                if digest is not None:
                    digest.update(repr(tuple(row)).encode())
                    digest.update(docs.get(row.doc_id, "").encode())
        return {key: digest.hexdigest() for key, digest in digests.items()}

    def claims_of_incidents(self, incident_ids: Sequence[str]) -> dict[str, list[Claim]]:
        """Incident id → its claims (by the indexed incident id), in :meth:`claims` order."""
        c = schema.claims.c
        out: dict[str, list[Claim]] = {key: [] for key in incident_ids}
        ids = list(out)
        with self.engine.connect() as conn:
            for start in range(0, len(ids), 500):
                query = (
                    select(schema.claims)
                    .where(c.incident_id.in_(ids[start : start + 500]))
                    .order_by(c.doc_id, c.span_start, c.id)
                )
                for row in conn.execute(query):
                    claim = _claim_from_row(row)
                    out[row.incident_id].append(claim)
        return out

    def claim_dates_of_incidents(
        self, incident_ids: Iterable[str]
    ) -> Iterator[tuple[str, str, str | None, date | None]]:
        """(incident id, doc id, event date, statement date or else the document's
        publication) of each claim of these incidents: their dates without the claims."""
        c, d = schema.claims.c, schema.documents.c
        ids = sorted(set(incident_ids))
        with self.engine.connect() as conn:
            for start in range(0, len(ids), 500):
                query = (
                    select(c.incident_id, c.doc_id, c.event_date, c.stated_on, d.published)
                    .select_from(schema.claims.outerjoin(schema.documents, d.id == c.doc_id))
                    .where(c.incident_id.in_(ids[start : start + 500]))
                )
                for row in conn.execute(query):
                    yield (
                        row.incident_id,
                        row.doc_id,
                        row.event_date,
                        row.stated_on or row.published,
                    )

    def stored_summaries(self) -> dict[str, tuple[str, dict[str, Any]]]:
        """Incident id → (fingerprint, summary) as :meth:`put_summaries` last kept them."""
        s = schema.incident_summaries.c
        with self.engine.connect() as conn:
            rows = conn.execute(select(s.incident_id, s.fingerprint, s.summary))
            return {row.incident_id: (row.fingerprint, row.summary) for row in rows}

    @_retried
    def put_summaries(
        self, summaries: dict[str, tuple[str, dict[str, Any]]], keep: Iterable[str]
    ) -> None:
        """Keep these (fingerprint, summary) pairs and drop those of incidents not in
        ``keep``. Derived data: the change counter does not move."""
        s = schema.incident_summaries.c
        keep = set(keep)
        with self.engine.begin() as conn:
            stored = set(conn.scalars(select(s.incident_id)))
            gone = sorted(stored - keep)
            replaced = [key for key in summaries if key in stored]
            for chunk in range(0, len(gone) + len(replaced), 500):
                ids = (gone + replaced)[chunk : chunk + 500]
                conn.execute(delete(schema.incident_summaries).where(s.incident_id.in_(ids)))
            rows = [
                {"incident_id": key, "fingerprint": fingerprint, "summary": summary}
                for key, (fingerprint, summary) in summaries.items()
            ]
            if rows:
                conn.execute(insert(schema.incident_summaries), rows)


# json.dumps builds an encoder on every call made with an option: one, made once
_JSON_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _json_dumps(value: Any) -> str:
    return _JSON_ENCODER.encode(value)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # First: switching to WAL itself needs the lock another process may hold.
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _document_row(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "url": doc.url,
        "title": doc.title,
        "outlet": doc.outlet,
        "published": doc.published,
        "language": doc.language,
        "text": doc.text,
        "source": doc.source,
        "syndicated_from": doc.syndicated_from,
        "origin": doc.origin,
        "dateline_place": doc.dateline_place,
        "near_duplicate_group": doc.near_duplicate_group,
        "body_start": doc.body_start,
        "metadata": doc.metadata,
        "flags": [f.to_dict() for f in doc.flags],
        "ingested_at": _now(),
    }


def _document_from_row(row: Any) -> Document:
    return Document(
        id=row.id,
        text=row.text,
        url=row.url,
        title=row.title,
        outlet=row.outlet,
        published=row.published,
        language=row.language,
        source=row.source,
        syndicated_from=row.syndicated_from,
        origin=row.origin,
        dateline_place=row.dateline_place,
        near_duplicate_group=row.near_duplicate_group,
        body_start=row.body_start or 0,
        metadata=dict(row.metadata or {}),
        flags=[DocumentFlag.from_dict(f) for f in row.flags or ()],
    )


# Place.to_dict is dataclasses.asdict, which deep-copies field by field: 40% of storing a
# batch's claims. A place's fields are plain values, so reading them gives the same dict.
_PLACE_FIELDS = tuple(f.name for f in fields(Place))


def _place_dict(place: Place) -> dict[str, Any]:
    return {name: getattr(place, name) for name in _PLACE_FIELDS}


def _claim_row(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "doc_id": c.doc_id,
        "claimant": c.claimant,
        "claimant_aliases": c.claimant_aliases,
        "claimant_actor": c.claimant_actor,
        "category": c.category,
        "target": c.target,
        "target_actor": c.target_actor,
        "target_role": c.target_role,
        "value": c.value,
        "value_high": c.value_high,
        "qualifier": c.qualifier,
        "event_date": c.event_date,
        "locations": c.locations,
        "places": [_place_dict(p) for p in c.places],
        "incident": c.incident,
        "incident_id": c.incident_id,
        "hedged": c.hedged,
        "evidence": c.evidence,
        "span_start": c.span_start,
        "span_end": c.span_end,
        "confidence": c.confidence,
        "origin": c.origin,
        "stated_on": c.stated_on,
    }


def _claim_from_row(row: Any) -> Claim:
    return Claim(
        id=row.id,
        doc_id=row.doc_id,
        claimant=row.claimant,
        claimant_aliases=list(row.claimant_aliases or []),
        claimant_actor=row.claimant_actor,
        category=row.category,
        target=row.target,
        target_actor=row.target_actor,
        target_role=row.target_role,
        value=row.value,
        value_high=row.value_high,
        qualifier=row.qualifier,
        event_date=row.event_date,
        locations=list(row.locations or []),
        places=[Place(**p) for p in (row.places or [])],
        incident=row.incident,
        incident_id=row.incident_id,
        hedged=bool(row.hedged),
        evidence=row.evidence,
        span_start=row.span_start,
        span_end=row.span_end,
        confidence=row.confidence,
        origin=row.origin,
        stated_on=row.stated_on if isinstance(row.stated_on, date) else None,
    )


def _bump_revision(conn: Any) -> None:
    """Count a write, inside the writer's transaction (see :meth:`Store.revision`)."""
    t = schema.store_revisions.c
    conn.execute(
        update(schema.store_revisions).where(t.name == "store").values(revision=t.revision + 1)
    )


def _incident_row(incident: Incident) -> dict[str, Any]:
    return {
        "id": incident.id,
        "label": incident.label,
        "date_start": incident.date_start,
        "date_end": incident.date_end,
        "places": incident.places,
        "operation": incident.operation,
        "data": {"doc_ids": incident.doc_ids},
    }


def _insert_incidents(conn: Any, incidents: Sequence[Incident]) -> None:
    """Store incidents and link each of their claims to them."""
    if incidents:
        conn.execute(insert(schema.incidents), [_incident_row(inc) for inc in incidents])
    # One executemany over every claim, in incident order, rather than an UPDATE per
    # incident: a batch of new reports makes hundreds of incidents.
    links = [
        {"claim_id": claim_id, "new_incident_id": inc.id, "new_incident": inc.label}
        for inc in incidents
        for claim_id in inc.claim_ids
    ]
    if links:
        # strings only: on the driver's cursor, like the index rows (_insert_plain_rows)
        linking = (
            update(schema.claims)
            .where(schema.claims.c.id == bindparam("claim_id"))
            .values(incident_id=bindparam("new_incident_id"), incident=bindparam("new_incident"))
        )
        _execute_plain_rows(conn, linking.compile(dialect=conn.dialect), links)


def _insert_incident_keys(conn: Any, keys: dict[str, list[tuple[str, int]]]) -> None:
    rows = [
        {"key": key, "bucket": bucket, "incident_id": incident_id}
        for incident_id, pairs in keys.items()
        for key, bucket in pairs
    ]
    for start in range(0, len(rows), 5000):
        _insert_plain_rows(conn, schema.incident_keys, rows[start : start + 5000])


def _like_prefix(prefix: str) -> str:
    """A LIKE pattern (escape character ``/``) for the values starting with ``prefix``."""
    return prefix.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"


def _insert_plain_rows(conn: Any, table: Any, rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows of strings and numbers (no type to convert) on the driver's cursor, in
    the connection's transaction: SQLAlchemy's work per row was most of inserting an
    update's thousands of index rows (incident keys, LSH bands). The statement is still
    SQLAlchemy's, in the dialect's parameter style."""
    if not rows:
        return
    compiled = insert(table).compile(dialect=conn.dialect, column_keys=list(rows[0]))
    _execute_plain_rows(conn, compiled, rows)


def _execute_plain_rows(conn: Any, compiled: Any, rows: Sequence[dict[str, Any]]) -> None:
    """Run a compiled statement once per row of plain values on the driver's cursor."""
    params: Sequence[Any] = rows
    if compiled.positional:
        names = compiled.positiontup or []
        params = [[row[name] for name in names] for row in rows]
    cursor = conn.connection.cursor()
    try:
        cursor.executemany(str(compiled), params)
    finally:
        cursor.close()
