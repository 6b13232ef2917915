"""Dump every claim the pipeline makes on a gold corpus, to diff before and after a change.

A speed change to places/ or actors/ must not change any output. Run once before the
change (``--out before.json``), once after (``--out after.json``) and compare the files
byte for byte (``cmp``). Besides the claims, the dump holds a digest of the gazetteer's
index and country terms and of a few knowledge-base lookups, so a change to how those are
built shows even when no claim of the corpus depends on it, and a digest of the modules
outside places/actors that shape claims: if that one differs, someone else changed the
extraction in between and the claims cannot be compared.

Usage: python scripts/check_resolution_outputs.py --gold /work/shared/eval/train/gold.jsonl
       --out /tmp/claims.json
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import time
from pathlib import Path
from typing import Any

import counterclaim
from counterclaim.actors import KnowledgeBase
from counterclaim.pipeline import document_claims
from counterclaim.places import Gazetteer
from counterclaim.settings import load_settings
from counterclaim.training import read_gold_documents

# Modules whose changes alter claims without touching places/actors.
_OTHERS = ("extract", "resolve.py", "decide.py", "nlp.py", "pipeline.py", "data/model")


def _digest_of_paths(relatives: tuple[str, ...]) -> str:
    root = Path(counterclaim.__file__).parent
    digest = hashlib.sha256()
    for relative in relatives:
        target = root / relative
        files = sorted(target.rglob("*")) if target.is_dir() else [target]
        for path in files:
            if path.is_file() and path.suffix in {".py", ".json", ".yaml"}:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


_ENTRY_FIELDS = [
    "name",
    "latitude",
    "longitude",
    "country_code",
    "admin_area",
    "source",
    "kind",
    "population",
    "geonameid",
    "precision",
]


def _entry_fields(entry: Any) -> tuple[Any, ...]:
    return tuple(getattr(entry, name) for name in _ENTRY_FIELDS)


def _gazetteer_digest() -> str:
    gazetteer = Gazetteer.load()
    digest = hashlib.sha256()
    for key in sorted(gazetteer.index):
        digest.update(key.encode())
        for match in gazetteer.index[key]:
            digest.update(repr((_entry_fields(match.entry), match.tier)).encode())
            digest.update(repr(match.acronym).encode())
    digest.update(repr(sorted(gazetteer.stopwords)).encode())
    # the pattern is built from the terms; same-length alternatives may come in any order
    digest.update(repr(sorted(gazetteer.country_terms.code_by_term.items())).encode())
    digest.update(repr([_entry_fields(e) for e in gazetteer.entries]).encode())
    return digest.hexdigest()


def _claim_row(claim: Any) -> Any:
    return json.loads(json.dumps(dataclasses.asdict(claim), default=str, sort_keys=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=0, help="first N articles only")
    args = parser.parse_args()
    articles = [json.loads(line) for line in args.gold.read_text().splitlines() if line.strip()]
    if args.limit:
        articles = articles[: args.limit]
    documents = [g.document for g in read_gold_documents(articles, args.gold.parent)]
    settings = load_settings()
    kb = KnowledgeBase.from_settings(settings)
    started = time.perf_counter()
    out: dict[str, Any] = {"others_digest": _digest_of_paths(_OTHERS), "documents": []}
    for document, claims, flags in document_claims(documents, kb, settings):
        out["documents"].append(
            {
                "id": document.id,
                "claims": sorted(
                    (_claim_row(c) for c in claims), key=lambda r: json.dumps(r, sort_keys=True)
                ),
                "flags": sorted(json.dumps(_claim_row(f), sort_keys=True) for f in flags),
            }
        )
    elapsed = time.perf_counter() - started
    out["gazetteer_digest"] = _gazetteer_digest()
    args.out.write_text(json.dumps(out, indent=1, sort_keys=True, ensure_ascii=False))
    n_claims = sum(len(d["claims"]) for d in out["documents"])
    print(f"{len(documents)} documents, {n_claims} claims, {elapsed:.1f} s -> {args.out}")
    print(f"package {Path(counterclaim.__file__).parent}")
    print(f"others_digest {out['others_digest'][:16]}  gazetteer {out['gazetteer_digest'][:16]}")


if __name__ == "__main__":
    main()
