"""An incident update reads each document once and hands what it read to every grouping."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counterclaim.incidents import (
    IncidentOptions,
    TextScans,
    _build_segments,
    cluster_incidents,
    incident_keys,
    lookups,
    segment_document,
)
from counterclaim.model import Document
from counterclaim.operations import find_operations
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


def test_a_regroup_of_the_lookups_own_claims_reuses_their_segments() -> None:
    doc, claims = _report()
    docs = {doc.id: doc}
    scans, options = TextScans(), IncidentOptions()
    built = _build_segments(claims, docs, {}, options, None, scans)
    assert _build_segments(list(claims), docs, {}, options, None, scans) is built
    # Other claim objects, other stored incidents or other documents: built again, the same way
    copies = [claim_at(doc, c.evidence, category=c.category, value=c.value) for c in claims]
    rebuilt = _build_segments(copies, docs, {}, options, None, scans)
    assert rebuilt is not built and all(c in copies for s in rebuilt for c in s.claims)
    assert [s.place_keys for s in rebuilt] == [s.place_keys for s in built]
    held = {claims[0].id: "inc_x"}
    assert _build_segments(claims, docs, held, options, None, scans)[0].existing_id == "inc_x"
    assert _build_segments(claims, dict(docs), {}, options, None, scans) is not built


OPERATION_TEXTS = [
    "Pakistan's army said Operation Azm-e-Istehkam killed 12 militants in North Waziristan.",
    "Troops in the second phase of Operation Bunyan um Marsoos struck posts near Poonch.",
    "The IDF's operation in Rafah and the operations room in Khartoum: no name here.",
    "OPERATION SINDOOR was announced in capitals; 'Operation' alone ends the line\nOperation",
    "Houthi forces fired at a tanker in the Red Sea; EU naval Operation Aspides escorted it.",
    "Sudan's RSF shelled El Fasher for a third day, a monitor said.",
    "",
]


@pytest.mark.parametrize("text", OPERATION_TEXTS)
def test_operations_read_once_are_the_operations_of_the_text(text: str) -> None:
    doc = make_doc(text, published=date(2025, 5, 12))
    assert TextScans().operations_in(doc) == tuple(find_operations(text))


@given(
    st.lists(
        st.sampled_from(
            [
                "Operation",
                "operation",
                "OPERATION",
                "Sindoor",
                "II",
                "2.0",
                "phase",
                "second",
                "of",
                "the",
                ",",
                "\n",
                "Gaza",
            ]
        ),
        max_size=12,
    )
)
@settings(max_examples=200, deadline=None)
def test_operations_of_any_text_are_found_as_a_scan_finds_them(words: list[str]) -> None:
    text = " ".join(words)
    doc = make_doc(text or "x", published=date(2025, 5, 12))
    assert TextScans().operations_in(doc) == tuple(find_operations(doc.text))
