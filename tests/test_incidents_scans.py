"""An incident update reads each document once and hands what it read to every grouping."""

from __future__ import annotations

from datetime import date

from counterclaim.incidents import (
    IncidentOptions,
    TextScans,
    cluster_incidents,
    incident_keys,
    lookups,
    segment_document,
)
from counterclaim.model import Document
from factories import claim_at
from factories import doc as make_doc


def _report() -> tuple[Document, list]:
    doc = make_doc(
        "Drones struck a fuel depot in Hodeidah on Monday, killing 6 workers.\n"
        "Separately, shelling in Kulgam wounded 3 villagers under Operation Sindoor.",
        published=date(2025, 5, 12),
    )
    claims = [
        claim_at(doc, "killing 6 workers", value=6),
        claim_at(doc, "wounded 3 villagers", category="wounded", value=3),
    ]
    return doc, claims


def test_a_document_is_cut_once_and_each_step_gets_its_own_claims() -> None:
    doc, claims = _report()
    scans = TextScans()
    options = IncidentOptions()
    first = scans.segments(claims, doc.id, doc, options)
    assert [[c.id for c in g] for g in first] == [
        [c.id for c in g] for g in segment_document(claims, doc, options)
    ]
    # Another step holding other objects for the same claims gets those back, uncut again.
    copies = [claim_at(doc, c.evidence, category=c.category, value=c.value) for c in claims]
    again = scans.segments(copies, doc.id, doc, options)
    assert len(scans.cuts) == 1
    assert all(c in copies for group in again for c in group)


def test_a_text_is_scanned_once_per_update() -> None:
    doc, _ = _report()
    scans = TextScans()
    assert scans.operations_in(doc) is scans.operations_in(doc)
    assert scans.body_phrases(doc) is scans.body_phrases(doc)
    assert list(scans.operations) == [doc.id]


def test_groupings_sharing_scans_give_what_each_gives_alone() -> None:
    doc, claims = _report()
    docs = {doc.id: doc}
    scans = TextScans()
    shared = [lookup.keys for lookup in lookups(claims, docs, scans=scans)]
    assert shared == [lookup.keys for lookup in lookups(claims, docs)]
    together = cluster_incidents(claims, docs, scans=scans).incidents
    alone = cluster_incidents(claims, docs).incidents
    assert [i.claim_ids for i in together] == [i.claim_ids for i in alone]
    assert incident_keys(together, claims, docs, scans=scans) == incident_keys(alone, claims, docs)
