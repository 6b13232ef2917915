"""The incremental incident update reads whole only the stored incidents a new claim can
join: found by a shared key, and near enough in time (``incidents.reach_days``)."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from counterclaim.incidents import (
    UNDATED,
    IncidentOptions,
    KeyLookup,
    lookups,
    reach_days,
    segment_windows,
)
from counterclaim.model import Claim
from counterclaim.store import Store

DAY = date(2025, 3, 10)


def test_reach_follows_the_date_rules_of_linking() -> None:
    options = IncidentOptions()
    # an explicit date up to the report lag (10 days) and one day before a report
    assert reach_days(options, operation=False) == 11
    # a shared operation allows its 30-day span on top of the lag
    assert reach_days(options, operation=True) == 40
    wide = IncidentOptions(publication_gap_days=20)
    assert reach_days(wide, operation=False) == 20


def test_segment_windows_are_per_document_as_a_regroup_dates_them() -> None:
    rows = [
        # Kharkiv strike: two claims of one report, dated two days apart
        ("inc_kharkiv", "doc_a", "2025-03-08", DAY),
        ("inc_kharkiv", "doc_a", "2025-03-09/2025-03-10", DAY),
        # an undated follow-up, stated on two days: the earlier counts
        ("inc_kharkiv", "doc_b", None, DAY + timedelta(days=3)),
        ("inc_kharkiv", "doc_b", None, DAY + timedelta(days=2)),
        # a Goma report neither dated nor published
        ("inc_goma", "doc_c", None, None),
        # a Kulgam claim whose event date cannot be read: its publication stands
        ("inc_kulgam", "doc_d", "sometime", DAY),
    ]
    windows = segment_windows(rows)
    assert sorted(windows["inc_kharkiv"]) == [
        (date(2025, 3, 8), date(2025, 3, 10)),
        (DAY + timedelta(days=2), DAY + timedelta(days=2)),
    ]
    assert windows["inc_goma"] == [None]
    assert windows["inc_kulgam"] == [(DAY, DAY)]


def test_a_lookup_reaches_segments_within_its_days_or_undated() -> None:
    lookup = KeyLookup(["k"], [1], (DAY, DAY), 11)
    assert lookup.can_reach([(DAY - timedelta(days=11), DAY - timedelta(days=11))])
    assert lookup.can_reach([(DAY + timedelta(days=40), DAY + timedelta(days=41)), None])
    assert not lookup.can_reach([(DAY + timedelta(days=12), DAY + timedelta(days=12))])
    assert not lookup.can_reach([])
    # undated new claims, and documents' own lookups, reach every incident found
    assert KeyLookup(["k"], None).can_reach([(date(2001, 1, 1), date(2001, 1, 1))])


def test_incidents_by_lookup_matches_buckets_per_lookup(tmp_path: Path) -> None:
    from counterclaim.store import schema

    store = Store(f"sqlite:///{tmp_path / 'keys.db'}")
    rows = [
        ("place-rafah", 10, "inc_rafah_march"),
        ("place-rafah", 14, "inc_rafah_july"),
        ("place-rafah", UNDATED, "inc_rafah_undated"),
        ("fig-killed-17", 10, "inc_rafah_march"),
        ("place-kulgam", 10, "inc_kulgam"),
    ]
    with store.engine.begin() as conn:
        conn.execute(
            schema.incident_keys.insert(),
            [{"key": k, "bucket": b, "incident_id": i} for k, b, i in rows],
        )
    lookups: Sequence[tuple[Sequence[str], Sequence[int] | None]] = [
        (["place-rafah"], [9, 10, 11]),
        (["fig-killed-17", "place-kulgam"], [13, 14, 15]),
        (["place-rafah"], None),
        (["place-mandalay"], [10]),
    ]
    found = store.incidents_by_lookup(lookups)
    assert found == [
        {"inc_rafah_march", "inc_rafah_undated"},
        set(),
        {"inc_rafah_march", "inc_rafah_july", "inc_rafah_undated"},
        set(),
    ]
    assert store.incidents_by_keys(lookups) == set().union(*found)
    store.close()


class RecordingStore(Store):
    """A real store that notes which incidents an update reads whole."""

    read: set[str]

    def claims_of_incidents(self, incident_ids: Sequence[str]) -> dict[str, list[Claim]]:
        self.read.update(incident_ids)
        return super().claims_of_incidents(incident_ids)


def _grouping(store: Store) -> tuple[set[tuple], dict[str, tuple]]:
    incidents = {
        (i.id, i.label, i.date_start, i.date_end, tuple(i.places), i.operation, tuple(i.claim_ids))
        for i in store.incidents()
    }
    return incidents, {c.id: (c.incident_id, c.incident) for c in store.claims()}


def test_far_incidents_sharing_keys_are_not_read_and_the_grouping_is_unchanged(
    tmp_path: Path,
) -> None:
    """An archive of generated reports over five months (nine conflicts, 54 places), then
    batches of the last weeks: incremental updates equal full regroups, and incidents
    found by a key months before the batch are not read whole."""
    from counterclaim.bench import generated_reports
    from counterclaim.pipeline import update_incidents

    start = date(2025, 1, 1)
    archive = list(generated_reports(240, seed=5, days=150, start=start))
    stores = [RecordingStore(f"sqlite:///{tmp_path / n}.db") for n in ("part", "whole")]
    for store in stores:
        store.add_documents([d for d, _ in archive])
        store.replace_claims({d.id: copy.deepcopy(c) for d, c in archive}, "bench")
        update_incidents(store, full=True)
    skipped = 0
    for n in range(3):
        recent = start + timedelta(days=130 - 5 * n)
        batch = list(generated_reports(25, seed=100 + n, days=20, start=recent))
        for store in stores:
            store.read = set()
            store.add_documents([d for d, _ in batch])
            store.replace_claims({d.id: copy.deepcopy(c) for d, c in batch}, "bench")
        part, whole = stores
        new = part.claims_without_incident_list()
        docs = {d.id: d for d in part.documents(ids=sorted({c.doc_id for c in new}))}
        found = part.incidents_by_keys([(f.keys, f.buckets) for f in lookups(new, docs)])
        earliest = min(c.stated_on for c in new if c.stated_on)
        months_back = {
            i.id
            for i in part.incidents()
            if i.date_end and date.fromisoformat(i.date_end) < earliest - timedelta(days=45)
        }
        update_incidents(part)
        update_incidents(whole, full=True)
        assert _grouping(part) == _grouping(whole)
        assert part.read
        assert not part.read & months_back
        skipped += len(found & months_back)
    assert skipped
    for store in stores:
        store.close()
