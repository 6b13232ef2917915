"""Measure the provenance stage on gold files: agency credits and near-duplicate pairs.

    .venv/bin/python scripts/measure_provenance.py ../shared/eval/train/gold.jsonl \
        ../shared/eval/dev/gold.jsonl [--errors] [--loro] [--filler N [--filler-kind K]]

Runs only ingest and provenance (no claim extraction) in a temporary SQLite store, the way
``counterclaim eval`` reads the articles, and prints syndication accuracy and near-duplicate
pair precision/recall/F1 per region and overall. ``--errors`` lists every wrong credit and
every wrong pair; ``--loro`` picks the verifier thresholds leaving each region out and
scores the held-out region with them. ``--filler N`` indexes N filler documents before the
gold ones, then adds the gold ones one per update: the pairs must still be found in a large store, where crowded LSH buckets are
capped (``lsh.max_bucket``). Not part of CI: the gold files live outside the
repository.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from counterclaim import provenance
from counterclaim.evaluate import load_gold
from counterclaim.ingest import IngestOptions, decode, parse_text, read_bytes
from counterclaim.model import Document
from counterclaim.pipeline import ProvenanceReport, update_provenance
from counterclaim.settings import load_settings
from counterclaim.store import Store


def read_articles(gold_path: Path) -> list[tuple[dict[str, Any], Document]]:
    """Gold articles and their documents, read as ``evaluate.run_eval`` reads them."""
    out = []
    for article in load_gold(gold_path):
        path = gold_path.parent / article["doc"]
        raw = decode(str(path), read_bytes(str(path), IngestOptions()))
        metadata = {k: article.get(k) for k in ("url", "published", "language") if article.get(k)}
        out.append((article, parse_text(str(path), raw, metadata=metadata)))
    return out


def filler_documents(
    count: int, kind: str, pairs: list[tuple[dict[str, Any], Document]]
) -> list[Document]:
    """Documents that only make the store large. ``generated``: the bench's generated
    reports (their own small vocabulary); ``mixed``: each of 15 sentences drawn at random
    from the gold articles themselves, so that the crowded band buckets are made of the very
    words the gold copies share (a harsher test than other news would be)."""
    if kind == "generated":
        from counterclaim.bench import generated_reports

        return [doc for doc, _ in generated_reports(count, 11)]
    sentences = [
        s for _, d in pairs for s in re.split(r"(?<=[.!?])\s+", d.text) if len(s.split()) > 5
    ]
    rng = random.Random(3)
    return [
        Document(text=" ".join(rng.sample(sentences, 15)), title=f"filler {i}")
        for i in range(count)
    ]


def predict(
    pairs: list[tuple[dict[str, Any], Document]],
    verifier: provenance.VerifierParams | None,
    filler: list[Document] | None = None,
) -> list[dict[str, Any]]:
    """Run provenance on the documents in a fresh store (after indexing ``filler``, if
    any, the way the scale bench fills its store); predictions in the gold format."""
    settings = load_settings()
    with tempfile.TemporaryDirectory(prefix="counterclaim-provenance-") as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'p.db'}")
        for start in range(0, len(filler or []), 5000):
            chunk = (filler or [])[start : start + 5000]
            store.add_documents(chunk)
            index = provenance.index_signatures(chunk, settings.near_duplicate_threshold)
            store.add_signatures([(s.doc_id, s.signature, s.buckets) for s in index])
        docs = [d for _, d in pairs]
        store.add_documents(docs)
        stored = store.documents(ids=[d.id for d in docs])
        if filler:
            # One document per update: a batch's documents meet each other in memory, and
            # only stored ones go through the capped bucket lookup this is meant to test.
            found = ProvenanceReport()
            for doc in stored:
                one = update_provenance(store, [doc], settings, verifier=verifier)
                found.origins.update(one.origins)
        else:
            found = update_provenance(store, stored, settings, verifier=verifier)
        doc_by_id = {d.id: store.document(d.id) for d in docs}
        out = []
        for article, doc in pairs:
            stored = doc_by_id[doc.id]
            group = stored.near_duplicate_group
            out.append(
                {
                    "doc": article["doc"],
                    "syndicated_from": found.origins[doc.id].syndicated_from,
                    "near_duplicate_of": [
                        a["doc"]
                        for a, d in pairs
                        if group
                        and d.id != doc.id
                        and doc_by_id[d.id].near_duplicate_group == group
                    ],
                }
            )
        store.close()
    return out


def by_region(
    articles: list[dict[str, Any]], predicted: list[dict[str, Any]]
) -> dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    groups: dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]]]] = defaultdict(
        lambda: ([], [])
    )
    for gold, pred in zip(articles, predicted, strict=True):
        region = gold.get("region") or "all"
        groups[region][0].append(gold)
        groups[region][1].append(pred)
    return dict(sorted(groups.items()))


def report(name: str, articles: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> None:
    print(f"\n== {name}: {len(articles)} articles")
    print(f"{'region':8} {'n':>4} {'synd acc':>9} {'pairs':>6} {'P':>6} {'R':>6} {'F1':>6}")
    rows = list(by_region(articles, predicted).items())
    if len(rows) > 1:
        rows.append(("ALL", (articles, predicted)))
    for region, (gold, pred) in rows:
        acc = provenance.syndication_accuracy(gold, pred)
        pairs = provenance.near_duplicate_pairs_score(gold, pred)
        print(
            f"{region:8} {len(gold):>4} {acc['accuracy']:>9.3f} {pairs['gold_pairs']:>6} "
            f"{pairs['precision']:>6.3f} {pairs['recall']:>6.3f} {pairs['f1']:>6.3f}"
        )


def errors(articles: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> None:
    for gold, pred in zip(articles, predicted, strict=True):
        if (gold.get("syndicated_from") or "").lower() != (pred["syndicated_from"] or "").lower():
            print(
                f"  credit {gold['doc']}: gold {gold.get('syndicated_from')!r} "
                f"predicted {pred['syndicated_from']!r}"
            )
    gold_pairs = provenance.symmetric_pairs(articles)
    pred_pairs = provenance.symmetric_pairs(predicted)
    for pair in sorted(pred_pairs - gold_pairs):
        print(f"  false pair {pair}")
    for pair in sorted(gold_pairs - pred_pairs):
        print(f"  missed pair {pair}")


def candidate_features(
    pairs: list[tuple[dict[str, Any], Document]],
) -> list[tuple[str, str, str, provenance.PairEvidence]]:
    """Every LSH candidate pair within one gold file with the verifier's evidence."""
    threshold = load_settings().near_duplicate_threshold
    params = provenance.lsh_params(threshold)
    docs = [(a, d) for a, d in pairs]
    sigs = {d.id: provenance.minhash_signature(d.text) for _, d in docs}
    buckets = {d.id: provenance.band_buckets(sigs[d.id], params) for _, d in docs}
    out = []
    for i, (a, d) in enumerate(docs):
        for b, e in docs[:i]:
            if not set(enumerate(buckets[d.id])) & set(enumerate(buckets[e.id])):
                continue
            evidence = provenance.compare_texts(d.text, e.text)
            out.append((a.get("region") or "all", a["doc"], b["doc"], evidence))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--errors", action="store_true", help="list wrong credits and pairs")
    parser.add_argument("--baseline", action="store_true", help="LSH alone, no verifier")
    parser.add_argument("--features", action="store_true", help="print candidate evidence")
    parser.add_argument("--loro", action="store_true", help="leave-one-region-out thresholds")
    parser.add_argument("--filler", type=int, default=0, help="index N filler documents first")
    parser.add_argument("--filler-kind", choices=["generated", "mixed"], default="mixed")
    parser.add_argument("--max-bucket", type=int, help="override lsh.max_bucket (a trial)")
    args = parser.parse_args()
    if args.max_bucket:
        cap = args.max_bucket
        provenance.max_bucket = lambda: cap  # type: ignore[assignment]
    for gold_path in args.gold:
        pairs = read_articles(gold_path)
        articles = [a for a, _ in pairs]
        if args.features:
            gold_pairs = provenance.symmetric_pairs(articles)
            for region, a, b, ev in candidate_features(pairs):
                mark = "DUP" if tuple(sorted((a, b))) in gold_pairs else "   "
                print(mark, region, json.dumps(ev.as_dict()), a, b)
            continue
        verifier = provenance.NO_VERIFIER if args.baseline else None
        filler = filler_documents(args.filler, args.filler_kind, pairs) if args.filler else None
        predicted = predict(pairs, verifier, filler)
        report(str(gold_path), articles, predicted)
        if args.errors:
            errors(articles, predicted)
        if args.loro and len({a.get("region") for a in articles}) > 1:
            leave_one_region_out(pairs)
    return 0


def leave_one_region_out(pairs: list[tuple[dict[str, Any], Document]]) -> None:
    """Fit the verifier on all regions but one, score the one left out."""
    features = candidate_features(pairs)
    articles = [a for a, _ in pairs]
    gold_pairs = provenance.symmetric_pairs(articles)
    regions = sorted({a.get("region") or "all" for a in articles})
    labelled = [(r, ev, tuple(sorted((a, b))) in gold_pairs) for r, a, b, ev in features]
    print("\n-- leave one region out (thresholds fitted on the other regions)")
    print(f"{'held out':8} {'pairs':>6} {'P':>6} {'R':>6} {'F1':>6}  thresholds")
    held_predicted: list[dict[str, Any]] = []
    for region in regions:
        train = [(ev, dup) for r, ev, dup in labelled if r != region]
        fitted = provenance.fit_verifier(train)
        subset = [(a, d) for a, d in pairs if (a.get("region") or "all") == region]
        predicted = predict(subset, fitted)
        held_predicted.extend(predicted)
        gold = [a for a, _ in subset]
        score = provenance.near_duplicate_pairs_score(gold, predicted)
        print(
            f"{region:8} {score['gold_pairs']:>6} {score['precision']:>6.3f} "
            f"{score['recall']:>6.3f} {score['f1']:>6.3f}  {fitted.describe()}"
        )
    by_doc = {p["doc"]: p for p in held_predicted}
    pooled = [by_doc[a["doc"]] for a in articles]
    score = provenance.near_duplicate_pairs_score(articles, pooled)
    print(
        f"{'pooled':8} {score['gold_pairs']:>6} {score['precision']:>6.3f} "
        f"{score['recall']:>6.3f} {score['f1']:>6.3f}"
    )


if __name__ == "__main__":
    sys.exit(main())
