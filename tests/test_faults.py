"""Faults: an ingest killed at any point, then run again, ends as a clean run does; two
ingests at once into one store both complete.

Each ingest is a real ``counterclaim ingest`` process over a folder of 30 short reports
written here. Stores are compared by what a reader sees: document texts, the claim ids of
each document, the number of incidents and claims left without one.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from counterclaim.store import Store

pytestmark = pytest.mark.model

COUNTERCLAIM = str(Path(sys.executable).with_name("counterclaim"))
# Small batches: many transactions, so a kill can land between any two of them.
ENV = {**os.environ, "COUNTERCLAIM_BATCH_SIZE": "4", "NO_COLOR": "1"}
RUN_SECONDS = 120

PLACES = [
    ("Kherson", "the regional military administration"),
    ("Deir al-Balah", "the civil defence agency"),
    ("El Obeid", "the Sudanese army"),
    ("Menaka", "a local councillor"),
    ("Lashio", "the resistance forces"),
    ("Poonch", "the Indian army"),
    ("Bunia", "the provincial governor"),
    ("Taiz", "the health office"),
    ("North Waziristan", "the military's media wing"),
    ("Sumy", "the regional prosecutor"),
]


def write_reports(folder: Path, count: int = 30) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        place, claimant = PLACES[i % len(PLACES)]
        dead, hurt = 2 + i, 5 + 2 * i
        (folder / f"report{i:02d}.txt").write_text(
            f"Overnight attack strikes {place} (report {i})\n\n"
            f"At least {dead} people died and {hurt} were injured when rockets fell on "
            f"{place} late on Monday, {claimant} said.\n"
            f"Crews cleared debris from {i + 3} damaged buildings on Tuesday morning.\n",
            encoding="utf-8",
        )


@dataclass(frozen=True)
class Snapshot:
    texts: dict[str, str]
    claim_ids: dict[str, tuple[str, ...]]
    incidents: int
    without_incident: int
    failed: int


def snapshot(url: str) -> Snapshot:
    store = Store(url)
    try:
        docs = store.documents()
        by_doc: dict[str, list[str]] = {d.id: [] for d in docs}
        for claim in store.claims():
            by_doc.setdefault(claim.doc_id, []).append(claim.id)
        return Snapshot(
            texts={d.id: d.text for d in docs},
            claim_ids={k: tuple(sorted(v)) for k, v in by_doc.items()},
            incidents=len(store.incidents()),
            without_incident=store.claims_without_incident(),
            failed=len(store.documents(failed=True)),
        )
    finally:
        store.close()


def assert_same_as_clean(got: Snapshot, clean: Snapshot) -> None:
    assert got.texts == clean.texts, "a document is missing, partial or duplicated"
    empty = [d for d, ids in got.claim_ids.items() if not ids and clean.claim_ids.get(d)]
    assert not empty, f"documents left without their claims: {empty}"
    assert got.claim_ids == clean.claim_ids
    assert got.without_incident == 0
    assert got.incidents == clean.incidents
    assert got.failed == 0


def ingest(folder: Path, db: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [COUNTERCLAIM, "ingest", str(folder), "--db", db, "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )


def finish(proc: subprocess.Popen[str]) -> str:
    out, err = proc.communicate(timeout=RUN_SECONDS)
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "locked" not in err, err
    return out


def counts(path: Path) -> tuple[int, int, int]:
    """(documents, claims, claims with an incident), read the way a second process would."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            claims = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
            linked = conn.execute(
                "SELECT count(*) FROM claims WHERE incident_id IS NOT NULL"
            ).fetchone()[0]
            return docs, claims, linked
        finally:
            conn.close()
    except sqlite3.Error:
        return 0, 0, 0  # no database or no schema yet


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Snapshot]:
    root = tmp_path_factory.mktemp("faults")
    folder = root / "reports"
    write_reports(folder)
    db = root / "clean.db"
    finish(ingest(folder, str(db)))
    clean = snapshot(str(db))
    assert len(clean.texts) == 30 and sum(map(len, clean.claim_ids.values())) >= 30
    assert clean.without_incident == 0 and clean.incidents > 0
    return folder, clean


Moment = Callable[[tuple[int, int, int], tuple[int, int, int]], bool]


def test_sigkill_at_several_moments_then_rerun_equals_a_clean_run(
    corpus: tuple[Path, Snapshot], tmp_path: Path
) -> None:
    folder, clean = corpus
    total = sum(map(len, clean.claim_ids.values()))
    db = tmp_path / "killed.db"
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    # Each moment is a condition on (documents, claims, linked claims) now and at the start
    # of the run; the kill lands a random few milliseconds after it holds.
    moments: list[tuple[str, Moment]] = [
        ("while starting", lambda now, start: True),
        ("while storing documents", lambda now, start: now[0] > start[0]),
        ("while extracting", lambda now, start: now[1] > start[1]),
        ("after extraction, before incidents", lambda now, start: now[1] >= total > now[2]),
    ]
    landed = []
    for name, moment in moments:
        proc = ingest(folder, str(db))
        start = counts(db)
        delay = rng.uniform(0.0, 1.5) if name == "while starting" else rng.uniform(0.0, 0.05)
        deadline = time.monotonic() + RUN_SECONDS
        while proc.poll() is None and time.monotonic() < deadline:
            if moment(counts(db), start):
                time.sleep(delay)
                break
            time.sleep(0.005)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            landed.append(name)
        proc.communicate(timeout=RUN_SECONDS)
    finish(ingest(folder, str(db)))
    assert_same_as_clean(snapshot(str(db)), clean)
    # A kill only happens while the run lasts: the first always finds it running (loading the
    # parser alone takes longer than its delay); how much work is left for the later moments
    # depends on how far the earlier runs got, which a loaded machine decides.
    assert landed[:1] == ["while starting"], f"seed {seed}: kills landed {landed}"


def test_claims_left_without_incidents_are_grouped_by_the_next_ingest(
    corpus: tuple[Path, Snapshot], tmp_path: Path
) -> None:
    """The state a kill after extraction and before incidents leaves: claims stored with the
    current extractor version, no incident saved. The next ingest has nothing to extract,
    and must still group them."""
    folder, clean = corpus
    db = str(tmp_path / "interrupted.db")
    shutil.copyfile(folder.parent / "clean.db", db)
    store = Store(db)
    store.save_incidents([])
    assert store.claims_without_incident() > 0
    store.close()
    finish(ingest(folder, db))
    assert_same_as_clean(snapshot(db), clean)


def _two_at_once(folder: Path, db: str) -> None:
    first, second = ingest(folder, db), ingest(folder, db)
    finish(first)
    finish(second)


def test_two_ingests_at_once_into_one_sqlite_store(
    corpus: tuple[Path, Snapshot], tmp_path: Path
) -> None:
    folder, clean = corpus
    db = str(tmp_path / "shared.db")
    _two_at_once(folder, db)
    assert_same_as_clean(snapshot(db), clean)


@pytest.mark.postgres
def test_two_ingests_at_once_into_postgresql(corpus: tuple[Path, Snapshot]) -> None:
    from test_postgres import _empty_database, _require_server

    url = _require_server()
    _empty_database(url)
    folder, clean = corpus
    _two_at_once(folder, url)
    assert_same_as_clean(snapshot(url), clean)
