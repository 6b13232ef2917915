"""The bundled sample corpus: ingests cleanly, names its outlets, copies no dev sentence."""

from __future__ import annotations

import re
from pathlib import Path

from counterclaim import provenance
from counterclaim.ingest import read_source
from counterclaim.lexicon import data_path
from counterclaim.model import Document
from counterclaim.pipeline import ingest, update_provenance
from counterclaim.store import Store

SAMPLE = data_path("sample/reports.jsonl")
RUN = 8  # consecutive words a sample may share with a dev article, minus one


def _documents() -> list[Document]:
    items = read_source(str(SAMPLE))
    assert all(isinstance(item, Document) for item in items), items
    return [item for item in items if isinstance(item, Document)]


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’']+", text.lower())


def test_sample_ingests_without_failures(store: Store) -> None:
    report = ingest(store, [str(SAMPLE)])
    assert report.failed == []
    assert 10 <= len(report.new) <= 16
    assert all(doc.published is not None for doc in report.new)


def test_every_sample_names_its_outlet() -> None:
    for doc in _documents():
        assert doc.outlet, doc.metadata.get("id")
        outlet = re.sub(r"\s*\(.*\)$", "", doc.outlet)
        credited = provenance.detect_origin(doc).syndicated_from
        named = outlet in doc.text or (credited is not None and credited in doc.text)
        assert named, f"{doc.metadata.get('id')} names neither {outlet!r} nor an agency"


def test_sample_shows_provenance(store: Store) -> None:
    docs = _documents()
    store.add_documents(docs)
    update_provenance(store, docs)
    stored = {d.metadata["id"]: d for d in store.documents()}
    credits = {key: d.syndicated_from for key, d in stored.items() if d.syndicated_from}
    assert credits == {
        "elfasher-xinhua": "Xinhua",
        "moscow-afp": "AFP",
        "eternity-reuters": "Reuters",
        "eternity-upi": "UPI",
        "kalat-ani": "ANI",
    }
    groups = {key: d.near_duplicate_group for key, d in stored.items() if d.near_duplicate_group}
    assert set(groups) == {"elfasher-xinhua", "elfasher-rewrite"}
    assert len(set(groups.values())) == 1


def test_no_sample_sentence_copies_a_dev_article(dev_dir: Path) -> None:
    dev_runs: set[tuple[str, ...]] = set()
    for path in sorted((dev_dir / "articles").glob("*.txt")):
        words = _words(path.read_text(encoding="utf-8"))
        dev_runs |= {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}
    for doc in _documents():
        words = _words(f"{doc.title or ''}\n{doc.text}")
        shared = [
            " ".join(words[i : i + RUN])
            for i in range(len(words) - RUN + 1)
            if tuple(words[i : i + RUN]) in dev_runs
        ]
        assert shared == [], f"{doc.metadata.get('id')} shares {shared[:3]}"
