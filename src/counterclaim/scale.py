"""Steps 3–4 (parse, extract, resolve) on a Dask distributed cluster.

The client streams the stale documents to the workers in small batches; each worker runs
``pipeline.document_claims`` on its batch and sends back plain data (documents, claims,
flags). ``pipeline`` stores them in the one store, as it does for a single process, and
incidents and comparison run afterwards on the client. Each worker process loads the spaCy
pipeline, the actor knowledge base and the gazetteer once (``PipelineLoader``), not once per
task. Workers need counterclaim installed, and any ``--kb`` files at the same paths.

    with dask_claims("local") as claims_of:  # or "tcp://scheduler:8786"
        pipeline.process(store, settings, claims_of=claims_of)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from counterclaim.errors import CounterclaimError
from counterclaim.model import Claim, Document, DocumentFlag
from counterclaim.settings import Settings

if TYPE_CHECKING:
    from distributed import Client

    from counterclaim.actors import KnowledgeBase
    from counterclaim.pipeline import ClaimSource

LOCAL = "local"
LOCAL_WORKERS = 2
# Small batches keep every worker busy to the end of a run; a batch costs one round trip to
# the scheduler, negligible beside parsing a few thousand words.
DASK_BATCH = 8
IN_FLIGHT_PER_WORKER = 3

Result = tuple[Document, list[Claim], list[DocumentFlag]]


class ScaleError(CounterclaimError):
    """The cluster cannot be reached, or its workers extract with another version."""


def _worker_settings(values: Mapping[str, Any]) -> Settings:
    # One spaCy process per worker: Dask already spreads the work over processes.
    return Settings(dict(values)).with_overrides(n_process=1)


def _load(values: Mapping[str, Any]) -> tuple[KnowledgeBase, str]:
    """The worker process's knowledge base and extraction version; the spaCy pipeline, the
    knowledge base and the gazetteer are cached per process, so this loads them only once."""
    from counterclaim import places
    from counterclaim.actors import KnowledgeBase
    from counterclaim.nlp import load_pipeline
    from counterclaim.pipeline import extraction_version

    load_pipeline()
    places.resolve("Kyiv")  # builds the gazetteer
    settings = _worker_settings(values)
    kb = KnowledgeBase.from_settings(settings)
    return kb, extraction_version(kb, settings)


def claims_of_batch(
    documents: list[Document], values: Mapping[str, Any]
) -> tuple[str, list[Result]]:
    """Run on a worker: the extraction version and each document's claims and flags."""
    from counterclaim.pipeline import document_claims

    kb, version = _load(values)
    return version, list(document_claims(documents, kb, _worker_settings(values)))


def _loader_plugin(values: Mapping[str, Any]) -> Any:
    from distributed import WorkerPlugin

    class PipelineLoader(WorkerPlugin):
        """Loads the models when a worker starts, before its first task arrives."""

        name = "counterclaim-pipeline"

        def setup(self, worker: Any) -> None:
            _load(values)

    return PipelineLoader()


def claim_source(client: Client, settings: Settings, *, batch: int = DASK_BATCH) -> ClaimSource:
    """A ``claims_of`` for ``pipeline.extract_claims`` that runs on ``client``'s workers."""
    from distributed import as_completed

    values = dict(settings.values)
    client.register_plugin(_loader_plugin(values))

    def claims_of(
        documents: Iterable[Document], kb: KnowledgeBase, _settings: Settings
    ) -> Iterator[Result]:
        from counterclaim.pipeline import extraction_version

        expected = extraction_version(kb, _settings)
        limit = max(1, len(client.scheduler_info()["workers"])) * IN_FLIGHT_PER_WORKER
        batches = _batches(documents, batch)
        running = as_completed()
        for chunk in batches:
            running.add(client.submit(claims_of_batch, chunk, values, pure=False))
            if running.count() >= limit:
                break
        for future in running:
            version, results = future.result()
            if version != expected:
                raise ScaleError(
                    f"a Dask worker extracts with version {version}, this client with {expected}",
                    hint="install the same counterclaim and --kb files on every worker",
                )
            next_chunk = next(batches, None)
            if next_chunk is not None:
                running.add(client.submit(claims_of_batch, next_chunk, values, pure=False))
            future.release()
            yield from results

    return claims_of


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for document in documents:
        chunk.append(document)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@contextmanager
def connect(scheduler: str, *, workers: int = LOCAL_WORKERS) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler``, or of a LocalCluster of ``workers``
    single-threaded processes for ``"local"`` (threads would share one GIL)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ScaleError(
            "Dask distributed is not installed", hint="pip install 'counterclaim[scale]'"
        ) from exc
    if scheduler == LOCAL:
        with (
            LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(scheduler, timeout="20s")
    except OSError as exc:
        raise ScaleError(
            f"cannot reach the Dask scheduler at {scheduler!r}: {exc}",
            hint="start one with `dask-scheduler` and workers with `dask-worker ADDRESS`, "
            "or use --dask local",
        ) from exc
    with client:
        yield client


@contextmanager
def dask_claims(scheduler: str, settings: Settings) -> Iterator[ClaimSource]:
    """``claims_of`` on the cluster at ``scheduler`` ("local": two local worker processes),
    for as long as the context lasts."""
    with connect(scheduler) as client:
        yield claim_source(client, settings)
