"""Dask scale-out: two worker processes store exactly the claims one process stores."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from counterclaim import pipeline
from counterclaim.cli import app
from counterclaim.model import Document
from counterclaim.scale import _batches
from counterclaim.settings import load_settings
from counterclaim.store import Store

REPORTS = {
    "ukraine.txt": (
        "Strikes hit Kharkiv overnight\n\n"
        "Russian missiles struck a residential district of Kharkiv on Tuesday night, killing "
        "four civilians and wounding 17 others, the regional governor Oleh Syniehubov said. "
        "Russia's defence ministry said its forces had destroyed 12 Ukrainian drones."
    ),
    "gaza.txt": (
        "Shelling in Khan Younis\n\n"
        "At least 23 people were killed in Israeli strikes on Khan Younis on Sunday, the "
        "Gaza health ministry said. The Israeli military said it had killed eight Hamas "
        "militants in the area and that two of its soldiers were wounded."
    ),
    "sudan.txt": (
        "Fighting in El Fasher\n\n"
        "The Rapid Support Forces shelled a camp near El Fasher on Friday, killing 31 "
        "displaced people, according to local activists. The Sudanese army said it had "
        "repelled the attack and killed more than 100 RSF fighters."
    ),
    "sahel.txt": (
        "Ambush in Burkina Faso\n\n"
        "Gunmen ambushed a convoy near Djibo on Monday, killing 15 soldiers, security "
        "sources told reporters. JNIM claimed the attack and said its fighters captured "
        "three armoured vehicles."
    ),
    "myanmar.txt": (
        "Air strike in Sagaing\n\n"
        "A military air strike on a village in Sagaing region killed nine people, including "
        "three children, a resistance group said on Wednesday. The junta denied targeting "
        "civilians."
    ),
    "kashmir.txt": (
        "Gunfight in Kashmir\n\n"
        "Indian troops killed two militants in a gunfight in Kupwara district, the army said "
        "on Thursday. One soldier was injured in the exchange of fire, police said."
    ),
}


def _claims(store: Store) -> list[dict]:
    return sorted((asdict(c) for c in store.claims()), key=lambda c: c["id"])


@pytest.mark.model
def test_two_dask_workers_store_the_claims_one_process_stores(tmp_path: Path) -> None:
    corpus = tmp_path / "reports"
    corpus.mkdir()
    for name, text in REPORTS.items():
        (corpus / name).write_text(text, encoding="utf-8")

    single_url = f"sqlite:///{tmp_path / 'single.db'}"
    settings = load_settings(db=single_url)
    single = Store(single_url)
    pipeline.ingest(single, [str(corpus)], settings)
    pipeline.process(single, settings)

    dask_url = f"sqlite:///{tmp_path / 'dask.db'}"
    result = CliRunner().invoke(
        app, ["ingest", str(corpus), "--db", dask_url, "--dask", "local", "--json"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["extracted"] == len(REPORTS)

    distributed = Store(dask_url)
    expected = _claims(single)
    assert len(expected) >= len(REPORTS)  # the texts do make claims
    assert _claims(distributed) == expected
    assert {c["claimant"] for c in expected} == {c["claimant"] for c in _claims(distributed)}
    assert sorted(i.claim_ids for i in distributed.incidents()) == sorted(
        i.claim_ids for i in single.incidents()
    )


def test_documents_go_to_workers_in_batches_none_lost() -> None:
    documents = [Document(text=f"Report number {i}.") for i in range(19)]
    batches = list(_batches(iter(documents), 8))
    assert [len(b) for b in batches] == [8, 8, 3]
    assert [d for b in batches for d in b] == documents
