"""Hand-made claims and documents for tests, and a store filled with them.

Imported as ``factories`` (pytest puts tests/ on sys.path, as for ``web_sample``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from counterclaim.model import Claim, Document, Incident
from counterclaim.store import Store


def doc(text: str, published: date | None = None, **fields: object) -> Document:
    return Document(text=text, published=published, **fields)  # type: ignore[arg-type]


def claim(doc_or_id: Document | str, start: int = 0, length: int = 10, **fields: object) -> Claim:
    """One exact "killed 1" claim over ``length`` characters from ``start``; ``fields`` override
    any of it, evidence included (a placeholder word by default)."""
    doc_id = doc_or_id if isinstance(doc_or_id, str) else doc_or_id.id
    values: dict[str, object] = {
        "category": "killed",
        "value": 1,
        "qualifier": "exact",
        "evidence": "evidence",
        "span_start": start,
        "span_end": start + length,
    }
    values.update(fields)
    return Claim(doc_id=doc_id, **values)  # type: ignore[arg-type]


def claim_at(document: Document, evidence: str, **fields: object) -> Claim:
    """A claim whose evidence and span are the first place ``evidence`` stands in the text."""
    start = document.text.index(evidence)
    return claim(document, start, len(evidence), evidence=evidence, **fields)


def claims_by_doc(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    by_doc: dict[str, list[Claim]] = {}
    for one in claims:
        by_doc.setdefault(one.doc_id, []).append(one)
    return by_doc


def fill_store(
    store: Store,
    docs: Sequence[Document],
    claims: Sequence[Claim],
    version: str = "test",
    incidents: Sequence[Incident] = (),
) -> Store:
    """Store ``docs``, then ``claims`` as extraction ``version`` of their documents, then
    ``incidents`` if any are given (saving none would clear the stored ones)."""
    store.add_documents(list(docs))
    store.replace_claims(claims_by_doc(claims), version)
    if incidents:
        store.save_incidents(list(incidents))
    return store
