"""Benchmarks. ``bench_duplicates``: does near-duplicate detection per new document stay
flat as the store grows?

Synthetic documents (random word sequences over a vocabulary of made-up words) are indexed
into a temporary SQLite store in bulk. At each store size a batch of new documents is
looked up — half of them planted near-duplicates of stored documents (a share of words
replaced, sentences reordered), half fresh — and the mean time per document is measured.
Results are reported as times and as ratios to the smallest size measured in the same run,
never against absolute thresholds, because machines differ.

Synthetic words are drawn uniformly from 200,000 made-up words, so two unrelated documents
rarely share a word (about 3% of pairs share one): this measures the index (bucket
lookups, candidate verification). Those pairs still become candidates at a rate of about
3.5 per 100,000 stored documents, which verification discards cheaply.
How many unrelated documents become candidates is a property of the data, not of the
index: it is reported as ``candidates_per_doc``. With a 50,000-word vocabulary, one pair in
eight shares a word and the candidate count grows with the store (about 1.3 per 10,000
stored documents at the default threshold); real news, whose documents share common
words, has a higher rate still.
"""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from counterclaim.model import Document
from counterclaim.provenance import (
    DEFAULT_THRESHOLD,
    NUM_PERM,
    assign_near_duplicates,
    band_buckets,
    find_near_duplicates,
    lsh_params,
    minhash_signature,
)
from counterclaim.store import Store

_SYLLABLES = ("ka", "lo", "mi", "ra", "tu", "ne", "so", "vi", "da", "pe", "zu", "bo", "gi", "ha")


@dataclass
class SizeResult:
    size: int  # documents in the store when measured
    lookup_ms_per_doc: float  # signature + candidate lookup + verification
    assign_ms_per_doc: float  # assign_near_duplicates on a batch: lookup and writes
    candidates_per_doc: float
    recall: float  # planted near-duplicates whose source was found
    false_matches: int  # fresh documents matched to anything
    lookup_ratio: float = 1.0  # against the smallest size of this run
    assign_ratio: float = 1.0


@dataclass
class DuplicatesBenchReport:
    sizes: list[int]
    threshold: float
    num_perm: int
    bands: int
    rows: int
    query_batch: int
    results: list[SizeResult] = field(default_factory=list)
    build_seconds: float = 0.0

    @property
    def recall(self) -> float:
        return min((r.recall for r in self.results), default=0.0)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["recall"] = self.recall
        return out


class _Corpus:
    def __init__(self, vocabulary: int, words: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words = words
        self.vocabulary = self._make_vocabulary(vocabulary)
        self.count = 0

    def _make_vocabulary(self, size: int) -> list[str]:
        # Word i spelled in base len(_SYLLABLES), from three syllables up: distinct by
        # construction, so no rejection loop over random draws.
        base = len(_SYLLABLES)
        words = []
        for number in range(base**2, base**2 + size):
            syllables = []
            while number:
                number, digit = divmod(number, base)
                syllables.append(_SYLLABLES[digit])
            words.append("".join(syllables))
        return words

    def text(self) -> str:
        self.count += 1
        words = self.rng.choices(self.vocabulary, k=self.words)
        sentences = [" ".join(words[i : i + 12]) + "." for i in range(0, len(words), 12)]
        return " ".join(sentences)

    def rewrite(self, text: str, replaced: float = 0.15) -> str:
        """A near-duplicate: some words replaced, sentences reordered, a new headline."""
        self.count += 1
        body = text
        sentences = [s for s in body.split(". ") if s]
        self.rng.shuffle(sentences)
        words = " ".join(sentences).split(" ")
        for i in range(len(words)):
            if self.rng.random() < replaced:
                words[i] = self.rng.choice(self.vocabulary)
        return " ".join(words)


def _fill(store: Store, corpus: _Corpus, count: int, threshold: float) -> list[Document]:
    """Add ``count`` documents with their signatures in bulk; returns them."""
    params = lsh_params(threshold, NUM_PERM)
    docs = [Document(text=corpus.text(), outlet="synthetic") for _ in range(count)]
    store.add_documents(docs)
    rows = []
    for doc in docs:
        signature = minhash_signature(doc.text)
        rows.append((doc.id, signature, band_buckets(signature, params)))
    store.add_signatures(rows)
    return docs


def bench_duplicates(
    sizes: Sequence[int] = (10_000, 100_000),
    *,
    query_batch: int = 200,
    words: int = 80,
    vocabulary: int = 200_000,
    threshold: float = DEFAULT_THRESHOLD,
    seed: int = 7,
    chunk: int = 5_000,
    directory: str | Path | None = None,
    advance: Callable[[int], None] | None = None,
) -> DuplicatesBenchReport:
    """Grow a temporary store to each size and time near-duplicate detection per document."""
    sizes = sorted(set(sizes))
    params = lsh_params(threshold, NUM_PERM)
    report = DuplicatesBenchReport(
        sizes=list(sizes),
        threshold=threshold,
        num_perm=NUM_PERM,
        bands=params.bands,
        rows=params.rows,
        query_batch=query_batch,
    )
    corpus = _Corpus(vocabulary, words, seed)
    with tempfile.TemporaryDirectory(dir=directory) as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        stored: list[Document] = []
        for size in sizes:
            started = time.perf_counter()
            while len(stored) < size:
                added = _fill(store, corpus, min(chunk, size - len(stored)), threshold)
                stored.extend(added)
                if advance:
                    advance(len(added))
            report.build_seconds += time.perf_counter() - started
            report.results.append(_measure(store, corpus, stored, query_batch, threshold))
        store.close()
    base = report.results[0]
    for result in report.results:
        result.lookup_ratio = result.lookup_ms_per_doc / base.lookup_ms_per_doc
        result.assign_ratio = result.assign_ms_per_doc / base.assign_ms_per_doc
    return report


def _measure(
    store: Store, corpus: _Corpus, stored: list[Document], batch: int, threshold: float
) -> SizeResult:
    planted = [(corpus.rewrite(src.text), src.id) for src in corpus.rng.sample(stored, batch // 2)]
    fresh = [corpus.text() for _ in range(batch - len(planted))]
    queries = [(text, source) for text, source in planted] + [(text, None) for text in fresh]
    passes: list[float] = []
    found = 0
    false_matches = 0
    candidates = 0
    for attempt in range(5):
        started = time.perf_counter()
        for text, source in queries:
            matches = find_near_duplicates(store, minhash_signature(text), threshold)
            if attempt == 0:
                ids = {m.doc_id for m in matches}
                if source is None:
                    false_matches += bool(ids)
                else:
                    found += source in ids
        passes.append((time.perf_counter() - started) / len(queries))
    # Candidate counts outside the timed loop, so counting costs nothing there.
    params = lsh_params(threshold, NUM_PERM)
    for text, _ in queries:
        candidates += len(store.lsh_candidates(band_buckets(minhash_signature(text), params)))

    new_docs = [Document(text=t, outlet="synthetic") for t in [corpus.text() for _ in range(batch)]]
    store.add_documents(new_docs)
    started = time.perf_counter()
    assign_near_duplicates(store, new_docs, threshold)
    assign_seconds = (time.perf_counter() - started) / len(new_docs)
    stored.extend(new_docs)
    return SizeResult(
        size=len(stored) - len(new_docs),
        # The fastest pass is the one least disturbed by other work on the machine.
        lookup_ms_per_doc=min(passes) * 1000,
        assign_ms_per_doc=assign_seconds * 1000,
        candidates_per_doc=candidates / len(queries),
        recall=found / len(planted) if planted else 1.0,
        false_matches=false_matches,
    )


# -- extraction throughput --------------------------------------------------------------------
@dataclass
class ExtractCase:
    """One corpus timed through spaCy's parse alone (the baseline, in the same run) and
    through the whole claim path: parse, rule components, resolution."""

    name: str
    documents: int
    tokens: int
    parse_seconds: float
    full_seconds: float
    claims: int

    @property
    def overhead_ratio(self) -> float:
        """Whole path over parse alone: 1.0 means the rules and resolution cost nothing."""
        return self.full_seconds / self.parse_seconds

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.full_seconds


@dataclass
class ExtractBenchReport:
    cases: list[ExtractCase] = field(default_factory=list)
    peak_rss_mb: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "cases": [
                asdict(c)
                | {
                    "overhead_ratio": round(c.overhead_ratio, 3),
                    "docs_per_second": round(c.docs_per_second, 2),
                }
                for c in self.cases
            ],
            "peak_rss_mb": round(self.peak_rss_mb, 1),
        }


def bench_extract(copies: int = 10, passes: int = 3) -> ExtractBenchReport:
    """Time the bundled sample corpus through spaCy's parse only and through extraction and
    resolution, as ``copies`` short reports each, and as one long round-up of them all
    (where work that grows with the square of a document's length would show); the fastest
    of ``passes`` passes counts."""
    import resource

    from counterclaim import places
    from counterclaim.actors import KnowledgeBase
    from counterclaim.errors import InputError
    from counterclaim.ingest import IngestOptions, read_sources
    from counterclaim.lexicon import data_path
    from counterclaim.nlp import load_pipeline, parse_documents
    from counterclaim.resolve import resolve_claims

    sample = [
        d
        for d in read_sources([str(data_path("sample"))], IngestOptions())
        if not isinstance(d, InputError)
    ]
    roundup = Document(text="Round-up\n\n" + "\n\n".join(d.text for d in sample * 5))
    nlp = load_pipeline()
    kb = KnowledgeBase.load()
    places.resolve("Kyiv")  # the gazetteer is built once per process, outside the timing
    report = ExtractBenchReport()
    for name, docs in (("short reports", sample * copies), ("one long round-up", [roundup])):
        texts = [d.text for d in docs]
        claims = 0

        def parse_only(texts: list[str] = texts) -> None:
            with nlp.select_pipes(disable=["counterclaim_claims"]):
                for _ in nlp.pipe(texts, batch_size=32):
                    pass

        def full(docs: list[Document] = docs) -> None:
            nonlocal claims
            claims = 0
            for document, parsed in parse_documents(docs, batch_size=32):
                claims += len(resolve_claims(document, parsed._.extractions or [], kb))

        full()  # warm caches (lexicons, knowledge-base indexes) before either is timed
        report.cases.append(
            ExtractCase(
                name=name,
                documents=len(docs),
                tokens=sum(len(doc) for doc in nlp.tokenizer.pipe(texts)),
                parse_seconds=_fastest(parse_only, passes),
                full_seconds=_fastest(full, passes),
                claims=claims,
            )
        )
    report.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return report


def _fastest(run: Callable[[], None], passes: int) -> float:
    """The least disturbed of several passes: these machines are shared and noisy."""
    best = float("inf")
    for _ in range(passes):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best
