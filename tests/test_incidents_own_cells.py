"""Incidents are stored under their own grid cells and found by lookups reaching two cells
around a new segment's: the incidents found are those whose cell neighbourhoods meet the
new segment's, as when every neighbour was stored. Stores keyed the old way are re-keyed."""

from __future__ import annotations

import copy
import random
from datetime import date
from pathlib import Path
from types import SimpleNamespace

from counterclaim import incidents
from counterclaim.bench import generated_reports
from counterclaim.pipeline import update_incidents
from counterclaim.store import Store


def segment(*coords: tuple[float, float], place: str = "") -> SimpleNamespace:
    """What the index keys are made of: places, figures, coordinates and the rest."""
    return SimpleNamespace(
        place_keys={place} if place else set(),
        figures={("killed", 12)},
        coords=list(coords),
        operation=None,
        duplicate_group=None,
        phrases=set(),
    )


def test_own_cells_met_by_reaching_keys_are_the_meeting_neighbourhoods() -> None:
    rnd = random.Random(11)
    # Around Bakhmut, Rafah, El Geneina, Myitkyina and Bunia: cells of half a degree
    centres = [(48.6, 38.0), (31.3, 34.25), (13.45, 22.45), (25.38, 97.4), (1.56, 30.25)]
    for _ in range(400):
        lat, lon = rnd.choice(centres)
        stored = segment((lat + rnd.uniform(-2, 2), lon + rnd.uniform(-2, 2)))
        new = segment((lat + rnd.uniform(-2, 2), lon + rnd.uniform(-2, 2)))
        cells = lambda keys: {k for k in keys if k[0] == "cell"}  # noqa: E731
        meeting = cells(incidents._meeting_keys(stored)) & cells(incidents._meeting_keys(new))
        reached = cells(incidents._index_keys(stored)) & set(incidents._reaching_keys(new))
        assert bool(meeting) == bool(reached)
    # Other keys are met as they are
    assert ("place", "kherson") in incidents._reaching_keys(segment(place="kherson"))
    assert len(incidents._reaching_keys(segment((50.0, 36.2)))) == 1 + 25


def _grouping(store: Store) -> set[tuple]:
    return {
        (i.id, i.label, i.date_start, i.date_end, tuple(i.places), tuple(i.claim_ids))
        for i in store.incidents()
    }


def test_a_store_keyed_by_neighbourhoods_is_re_keyed_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    reports = list(generated_reports(60, seed=3, days=40, start=date(2025, 2, 1)))
    store = Store(url)
    store.add_documents([d for d, _ in reports[:40]])
    store.replace_claims({d.id: copy.deepcopy(c) for d, c in reports[:40]}, "bench")
    update_incidents(store)
    with store.engine.begin() as conn:  # a store of the version before
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0006'")
    assert not store.incidents_without_keys()
    before = _grouping(store)
    store.close()

    reopened = Store(url)  # migration 0007
    assert reopened.incidents_without_keys()
    assert _grouping(reopened) == before
    reopened.add_documents([d for d, _ in reports[40:]])
    reopened.replace_claims({d.id: copy.deepcopy(c) for d, c in reports[40:]}, "bench")
    update_incidents(reopened)  # regroups whole once, and keys every incident again
    assert not reopened.incidents_without_keys()
    whole = Store(f"sqlite:///{tmp_path / 'whole.db'}")
    whole.add_documents([d for d, _ in reports])
    whole.replace_claims({d.id: copy.deepcopy(c) for d, c in reports[:40]}, "bench")
    update_incidents(whole)
    whole.replace_claims({d.id: copy.deepcopy(c) for d, c in reports[40:]}, "bench")
    update_incidents(whole)  # incremental, with the own-cell keys
    assert _grouping(reopened) == _grouping(whole)
    for one in (reopened, whole):
        one.close()
