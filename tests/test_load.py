"""A bounded run of scripts/load_test.py: a real ``counterclaim serve`` on 127.0.0.1, eight
concurrent clients on the three reads, every answer a 200. The full run (32 clients over the
train corpus, documents posted meanwhile) is the script's, not CI's."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from counterclaim.incidents import assign_incidents
from counterclaim.store import Store
from factories import claim_at, doc, fill_store

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "load_test.py"


def small_store(path: Path) -> None:
    reports = [
        ("Shelling killed 6 civilians in Kherson on Monday, the governor said.", "governor", 6),
        (
            "Israeli strikes killed 14 people in Khan Younis, the health ministry said.",
            "ministry",
            14,
        ),
        ("The army said it killed 9 militants in Bannu district on Friday.", "army", 9),
        ("Drone attacks on Goma killed 3 people, a civil society leader said.", "leader", 3),
    ]
    docs, claims = [], []
    for number, (text, claimant, value) in enumerate(reports):
        d = doc(text, date(2024, 6, 3 + number), title=f"Report {number}")
        evidence = text.split(",")[0]
        claims.append(claim_at(d, evidence, claimant=claimant, value=value, target_role="civilian"))
        docs.append(d)
    store = Store(str(path))
    fill_store(store, docs, claims)
    store.save_incidents(assign_incidents(store.claims(), {d.id: d for d in docs}))
    store.close()


def test_eight_clients_get_every_answer(tmp_path: Path) -> None:
    db = tmp_path / "load.db"
    small_store(db)
    done = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            *("--db", str(db), "--clients", "8", "--requests", "48", "--seconds", "30"),
            *("--posts", "0", "--p95", "5", "--json"),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    rows = json.loads(done.stdout)["rows"]
    assert {r["endpoint"] for r in rows} == {"incident list", "incident page", "filtered claims"}
    assert sum(r["requests"] for r in rows) == 48
    assert all(r["errors"] == 0 for r in rows)


def test_synthetic_copies_of_a_store(tmp_path: Path) -> None:
    db, kept = tmp_path / "load.db", tmp_path / "copies.db"
    small_store(db)
    done = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            *("--db", str(db), "--synthetic", "40", "--keep", str(kept)),
            *("--clients", "4", "--requests", "12", "--posts", "0", "--p95", "5", "--json"),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    copies = Store(str(kept))
    assert copies.claim_count() == 40
    assert len(copies.incidents()) == 10 * len(Store(str(db)).incidents())
    labels = [i.label for i in copies.incidents()]
    assert len(set(labels)) == len(labels)
    copies.close()
