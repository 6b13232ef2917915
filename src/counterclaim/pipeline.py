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

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from counterclaim.errors import InputError
from counterclaim.ingest import IngestOptions, read_sources
from counterclaim.model import Document
from counterclaim.settings import Settings, load_settings
from counterclaim.store import Store

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


def documents_of(store: Store, ids: Iterable[str]) -> list[Document]:
    return store.documents(ids=list(ids))
