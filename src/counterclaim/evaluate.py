"""Scoring against gold files in the format of ``shared/eval/ANNOTATION.md``.

``score(gold, predicted, texts)`` implements the contract: a predicted claim matches a
gold claim of the same article when category, target role and value are equal and (for
``strict``) the claimants share a name; each gold claim matches at most one prediction,
greedily in order of evidence overlap. ``run_eval`` runs the whole pipeline on a gold
file's articles in a fresh temporary store and scores the result.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counterclaim.errors import InputError
from counterclaim.model import CATEGORIES, REPORTER, Claim

if TYPE_CHECKING:
    from counterclaim.actors import KnowledgeBase

GoldArticle = dict[str, Any]


@dataclass
class Match:
    gold: dict[str, Any]
    predicted: dict[str, Any]
    doc: str


@dataclass
class ArticleResult:
    doc: str
    matches: list[Match] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)


def load_gold(path: Path) -> list[GoldArticle]:
    articles = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read gold file: {exc.strerror}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{path}:{number}", f"malformed JSON on line {number}: {exc.msg}"
            ) from exc
        if not isinstance(record, dict) or "doc" not in record:
            raise InputError(f"{path}:{number}", "each line needs an object with a 'doc' field")
        record.setdefault("claims", [])
        articles.append(record)
    return articles


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("’", "'")).strip().lower()


def claimant_names(claim: dict[str, Any], text: str | None) -> set[str]:
    """Names a claim's claimant goes by; predicted aliases count only when in the text."""
    names = {_norm(claim.get("claimant") or "")}
    haystack = _norm(text) if text is not None else None
    for alias in claim.get("claimant_aliases") or []:
        norm = _norm(alias)
        if norm and (haystack is None or norm in haystack):
            names.add(norm)
    names.discard("")
    return names


def claimants_agree(gold: dict[str, Any], predicted: dict[str, Any], text: str | None) -> bool:
    gold_is_reporter = _norm(gold.get("claimant") or "") == REPORTER
    pred_is_reporter = _norm(predicted.get("claimant") or "") == REPORTER
    if gold_is_reporter or pred_is_reporter:
        return gold_is_reporter and pred_is_reporter
    return bool(claimant_names(gold, None) & claimant_names(predicted, text))


def _overlap(a: str, b: str) -> float:
    wa, wb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def match_article(
    gold: Sequence[dict[str, Any]],
    predicted: Sequence[dict[str, Any]],
    text: str | None,
    *,
    strict: bool,
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Greedy one-to-one matching; returns matched index pairs, missed gold, spurious predictions."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if g.get("category") != p.get("category") or g.get("target_role") != p.get(
                "target_role"
            ):
                continue
            if g.get("value") != p.get("value"):
                continue
            if strict and not claimants_agree(g, p, text):
                continue
            pairs.append((_overlap(g.get("evidence", ""), p.get("evidence", "")), gi, pi))
    pairs.sort(key=lambda item: (-item[0], item[1], item[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched = []
    for _score, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matched.append((gi, pi))
    missed = [i for i in range(len(gold)) if i not in used_g]
    spurious = [i for i in range(len(predicted)) if i not in used_p]
    return matched, missed, spurious


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _date_ends(value: str) -> tuple[date, date] | None:
    try:
        parts = value.split("/")
        start = date.fromisoformat(parts[0])
        end = date.fromisoformat(parts[-1])
        return start, end
    except (ValueError, AttributeError):
        return None


def bcubed(
    pred_labels: Sequence[Hashable | None], gold_labels: Sequence[Hashable | None]
) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against gold clusters.

    Items are aligned by position; a ``None`` label is a cluster of its own.
    """
    if len(pred_labels) != len(gold_labels):
        raise ValueError("pred_labels and gold_labels must have the same length")
    n = len(pred_labels)
    if n == 0:
        return 0.0, 0.0, 0.0
    pred = [p if p is not None else ("__none__", i) for i, p in enumerate(pred_labels)]
    gold = [g if g is not None else ("__none__", i) for i, g in enumerate(gold_labels)]
    pred_size = Counter(pred)
    gold_size = Counter(gold)
    both = Counter(zip(pred, gold, strict=True))
    precision = sum(both[(p, g)] / pred_size[p] for p, g in zip(pred, gold, strict=True)) / n
    recall = sum(both[(p, g)] / gold_size[g] for p, g in zip(pred, gold, strict=True)) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def bcubed_f1(predicted: Sequence[Any], gold: Sequence[Any]) -> float | None:
    """B-cubed F1 of two labelings of the same items; None when there are no items."""
    if not gold:
        return None
    return round(bcubed(predicted, gold)[2], 4)


def score(
    gold_articles: Sequence[GoldArticle],
    predicted: dict[str, list[dict[str, Any]]],
    texts: dict[str, str],
    *,
    place_resolves: Callable[[str, str], bool] | None = None,
) -> tuple[dict[str, Any], list[ArticleResult]]:
    """Scores of ANNOTATION.md, and per-article matches for ``--errors``.

    With ``place_resolves(doc, name)`` (does the gazetteer give this place of this article
    coordinates?) the scores add ``place_resolution``: the share of the distinct place names
    of matched gold claims, per article, that resolve. ``location_agreement`` is the share of
    matched claims with gold locations whose predicted locations name one of them (by the
    distinctive words of the name: "Kursk" and "Kursk region" agree).
    """
    n_gold = sum(len(a["claims"]) for a in gold_articles)
    n_pred = sum(len(predicted.get(a["doc"], [])) for a in gold_articles)
    strict_tp = loose_tp = 0
    per_cat: dict[str, list[int]] = {c: [0, 0, 0] for c in CATEGORIES}  # tp, pred, gold
    qual_ok = qual_n = date_ok = date_1d = date_n = 0
    inc_pred: list[Any] = []
    inc_gold: list[Any] = []
    place_names: set[tuple[str, str]] = set()
    located = located_ok = 0
    # an incident's matrix column per gold claimant: the names the system gives it
    columns: dict[tuple[str, str], set[str]] = {}
    results: list[ArticleResult] = []
    for article in gold_articles:
        doc = article["doc"]
        gold = article["claims"]
        preds = predicted.get(doc, [])
        text = texts.get(doc)
        for g in gold:
            per_cat.setdefault(g["category"], [0, 0, 0])[2] += 1
        for p in preds:
            per_cat.setdefault(p["category"], [0, 0, 0])[1] += 1
        matched, missed, spurious = match_article(gold, preds, text, strict=True)
        loose, _, _ = match_article(gold, preds, text, strict=False)
        strict_tp += len(matched)
        loose_tp += len(loose)
        result = ArticleResult(doc)
        for gi, pi in matched:
            g, p = gold[gi], preds[pi]
            result.matches.append(Match(g, p, doc))
            per_cat[g["category"]][0] += 1
            qual_n += 1
            qual_ok += g.get("qualifier") == p.get("qualifier")
            if g.get("event_date"):
                date_n += 1
                date_ok += g["event_date"] == p.get("event_date")
                ge, pe = _date_ends(g["event_date"]), _date_ends(p.get("event_date") or "")
                if ge and pe and abs((ge[0] - pe[0]).days) <= 1 and abs((ge[1] - pe[1]).days) <= 1:
                    date_1d += 1
            place_names.update((doc, name) for name in g.get("locations") or [])
            if g.get("locations"):
                located += 1
                located_ok += _places_agree(g["locations"], p.get("locations") or [])
            inc_gold.append((g.get("incident"),))
            inc_pred.append((p.get("incident"),) if p.get("incident") else None)
            if g.get("incident") and _norm(g.get("claimant") or "") != REPORTER:
                column = (g["incident"], _norm(g.get("claimant") or ""))
                shown = p.get("column") or p.get("claimant") or ""
                columns.setdefault(column, set()).add(_norm(shown))
        result.missed = [gold[i] for i in missed]
        result.spurious = [preds[i] for i in spurious]
        results.append(result)
    has_incidents = any(p is not None for p in inc_pred)
    scores = {
        "articles": len(gold_articles),
        "gold_claims": n_gold,
        "predicted_claims": n_pred,
        "strict": _prf(strict_tp, n_pred, n_gold),
        "loose": _prf(loose_tp, n_pred, n_gold),
        "qualifier_accuracy": round(qual_ok / qual_n, 4) if qual_n else None,
        "event_date_accuracy": round(date_ok / date_n, 4) if date_n else None,
        "event_date_accuracy_1d": round(date_1d / date_n, 4) if date_n else None,
        "incident_bcubed_f1": bcubed_f1(inc_pred, inc_gold) if has_incidents else None,
        "claimant_columns": _split_columns(columns),
        "place_resolution": (
            round(sum(place_resolves(d, n) for d, n in place_names) / len(place_names), 4)
            if place_resolves is not None and place_names
            else None
        ),
        "location_agreement": round(located_ok / located, 4) if located else None,
        "per_category": {
            c: _prf(tp, npred, ngold) | {"gold": ngold, "predicted": npred}
            for c, (tp, npred, ngold) in per_cat.items()
            if npred or ngold
        },
    }
    return scores, results


def _places_agree(gold: Sequence[str], predicted: Sequence[str]) -> bool:
    from counterclaim.incidents import place_key

    keys = {place_key(name) for name in gold} - {""}
    return bool(keys & {place_key(name) for name in predicted})


def matrix_columns(claims: Sequence[Claim], kb: KnowledgeBase | None = None) -> dict[str, str]:
    """Each claim's column in its incident's matrix (``compare.claimant_columns``): the
    name an analyst reads above its figure."""
    from counterclaim.compare import claimant_columns

    by_incident: dict[str, list[Claim]] = {}
    for claim in claims:
        by_incident.setdefault(claim.incident_id or f"doc:{claim.doc_id}", []).append(claim)
    shown: dict[str, str] = {}
    for group in by_incident.values():
        shown.update(claimant_columns(group, kb).of_claim)
    return shown


def _split_columns(columns: dict[tuple[str, str], set[str]]) -> dict[str, Any]:
    """How many of the incidents' gold claimants (other than the reporter), over their
    matched claims, the system shows under more than one name: one organisation split
    into several columns of an incident's matrix."""
    split = sum(len(names) > 1 for names in columns.values())
    return {
        "columns": len(columns),
        "split": split,
        "split_share": round(split / len(columns), 4) if columns else None,
    }


# -- running the pipeline on a gold file ----------------------------------------------------
def run_eval(
    gold_path: Path,
    *,
    progress: Callable[[int], None] | None = None,
    kb: str | None = None,
    model: str | None = None,
) -> tuple[dict[str, Any], list[ArticleResult], list[dict[str, Any]]]:
    """Run ingest → … → incidents on the gold file's articles in a fresh store, and score
    (``model``: the decision model setting, the shipped one by default)."""
    from counterclaim import pipeline
    from counterclaim.actors import KnowledgeBase
    from counterclaim.settings import load_settings
    from counterclaim.store import Store
    from counterclaim.training import read_gold_documents

    gold_path = Path(gold_path)
    articles = load_gold(gold_path)
    with tempfile.TemporaryDirectory(prefix="counterclaim-eval-") as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'eval.db'}")
        settings = load_settings(db=store.url, kb=kb, model=model)
        docs = [(g.article, g.document) for g in read_gold_documents(articles, gold_path.parent)]
        texts = {article["doc"]: doc.text for article, doc in docs}
        store.add_documents([d for _, d in docs])
        pipeline.process(store, settings, show_progress=False, advance=progress)
        shown_in = matrix_columns(store.claims(), KnowledgeBase.from_settings(settings))
        predicted: dict[str, list[dict[str, Any]]] = {}
        predictions: list[dict[str, Any]] = []
        for article, doc in docs:
            stored = store.document(doc.id)
            claims = [
                c.to_gold() | {"column": shown_in[c.id]} for c in store.claims(_filter_doc(doc.id))
            ]
            predicted[article["doc"]] = claims
            predictions.append(
                {
                    "doc": article["doc"],
                    "url": stored.url,
                    "published": stored.published.isoformat() if stored.published else None,
                    "language": stored.language,
                    "syndicated_from": stored.syndicated_from,
                    "near_duplicate_of": _near_duplicates(store, stored, docs),
                    "claims": claims,
                }
            )
        store.close()
    scores, results = score(articles, predicted, texts, place_resolves=_place_resolver(texts))
    from counterclaim.provenance import near_duplicate_pairs_score, syndication_accuracy

    scores["syndication_accuracy"] = syndication_accuracy(articles, predictions)
    scores["near_duplicate_pairs"] = near_duplicate_pairs_score(articles, predictions)
    return scores, results, predictions


def _place_resolver(texts: dict[str, str]) -> Callable[[str, str], bool]:
    from counterclaim import places

    country: dict[str, str | None] = {}  # per article: its text is read once

    def resolves(doc: str, name: str) -> bool:
        if doc not in country:
            countries = places.country_context(texts.get(doc, ""))
            country[doc] = countries[0] if countries else None
        place = places.resolve(name, country[doc])
        return place is not None and place.latitude is not None

    return resolves


def _filter_doc(doc_id: str) -> Any:
    from counterclaim.store import ClaimFilter

    return ClaimFilter(doc_id=doc_id)


def _near_duplicates(store: Any, doc: Any, docs: Sequence[tuple[GoldArticle, Any]]) -> list[str]:
    if not doc.near_duplicate_group:
        return []
    out = []
    for article, other in docs:
        if other.id == doc.id:
            continue
        if store.document(other.id).near_duplicate_group == doc.near_duplicate_group:
            out.append(article["doc"])
    return out


# -- cross-validation -----------------------------------------------------------------------
def incident_groups(articles: Sequence[GoldArticle]) -> list[list[int]]:
    """Articles that must share a fold: those with a common incident label, and copies."""
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[str, int] = {}
    for i, article in enumerate(articles):
        keys = [f"incident:{c.get('incident')}" for c in article["claims"] if c.get("incident")]
        keys.append(f"doc:{article['doc']}")
        keys += [f"doc:{d}" for d in article.get("near_duplicate_of") or []]
        for key in keys:
            if key in first_with:
                parent[find(i)] = find(first_with[key])
            else:
                first_with[key] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(articles)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def assign_folds(
    articles: Sequence[GoldArticle], folds: int | None = None, by: str | None = None
) -> list[tuple[str, list[int]]]:
    """Named folds of article indices: one per value of the field ``by`` (leave one group
    out), or ``folds`` folds of whole incident groups, balanced by gold claims, seeded."""
    import random

    if by:
        named: dict[str, list[int]] = {}
        for i, article in enumerate(articles):
            value = article.get(by)
            if value is None:
                raise InputError(article["doc"], f"has no {by!r} field to group folds by")
            named.setdefault(str(value), []).append(i)
        return sorted(named.items())
    k = folds or 5
    groups = incident_groups(articles)
    if len(groups) < k:
        raise InputError(
            "folds", f"{k} folds need at least {k} incident groups; found {len(groups)}"
        )
    random.Random(13).shuffle(groups)
    groups.sort(key=lambda g: -sum(len(articles[i]["claims"]) + 1 for i in g))
    buckets: list[list[int]] = [[] for _ in range(k)]
    load = [0] * k
    for group in groups:
        target = min(range(k), key=lambda j: (load[j], j))
        buckets[target].extend(group)
        load[target] += sum(len(articles[i]["claims"]) + 1 for i in group)
    return [(f"fold{j + 1}", sorted(b)) for j, b in enumerate(buckets)]


def _numeric_leaves(data: dict[str, Any], prefix: str = "") -> dict[str, float]:
    out: dict[str, float] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            out.update(_numeric_leaves(value, f"{prefix}{key}."))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            out[f"{prefix}{key}"] = float(value)
    return out


def _nest(flat: dict[str, float]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in flat.items():
        node = out
        *path, last = key.split(".")
        for part in path:
            node = node.setdefault(part, {})
        node[last] = round(value, 4)
    return out


def summarise(per_fold: Sequence[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Mean and standard deviation of every numeric score over the folds that have it."""
    import statistics

    leaves = [_numeric_leaves(scores) for scores in per_fold]
    keys = sorted({k for leaf in leaves for k in leaf})
    mean, stdev = {}, {}
    for key in keys:
        values = [leaf[key] for leaf in leaves if key in leaf]
        mean[key] = statistics.fmean(values)
        stdev[key] = statistics.pstdev(values) if len(values) > 1 else 0.0
    return _nest(mean), _nest(stdev)


def cross_validate(
    gold_paths: Sequence[Path],
    *,
    folds: int | None = None,
    by: str | None = None,
    kb: str | None = None,
    progress: Callable[[int], None] | None = None,
    decisions: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Train the decision model on all folds but one and score the one left out, for every
    fold; the rules alone are scored on the same folds. The candidates are found once."""
    from counterclaim import pipeline
    from counterclaim.actors import KnowledgeBase
    from counterclaim.decide import decide
    from counterclaim.incidents import assign_incidents
    from counterclaim.settings import load_settings
    from counterclaim.store import Store
    from counterclaim.training import (
        DEFAULT_DECISIONS,
        find_candidates,
        read_gold_documents,
        train_on,
    )

    articles: list[GoldArticle] = []
    gold_docs = []
    for path in gold_paths:
        loaded = load_gold(Path(path))
        articles += loaded
        gold_docs += read_gold_documents(loaded, Path(path).parent)
    settings = load_settings(kb=kb)
    with tempfile.TemporaryDirectory(prefix="counterclaim-cv-") as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'cv.db'}")
        store.add_documents([g.document for g in gold_docs])
        stored = store.documents(ids=[g.document.id for g in gold_docs])
        pipeline.update_provenance(store, stored, settings)
        grouped = {d.id: d for d in store.documents(ids=[g.document.id for g in gold_docs])}
        store.close()
    for g in gold_docs:
        g.document = grouped[g.document.id]
    kb = KnowledgeBase.from_settings(settings)
    find_candidates(gold_docs, kb, advance=progress)
    texts = {g.key: g.document.text for g in gold_docs}
    docs = {g.document.id: g.document for g in gold_docs}

    def scored(indices: list[int], model: Any) -> dict[str, Any]:
        predicted_claims = {
            gold_docs[i].key: decide(gold_docs[i].candidates, model) for i in indices
        }
        everything = [c for claims in predicted_claims.values() for c in claims]
        assign_incidents(everything, docs, [])
        shown_in = matrix_columns(everything, kb)
        predicted = {
            k: [c.to_gold() | {"column": shown_in[c.id]} for c in v]
            for k, v in predicted_claims.items()
        }
        return score([articles[i] for i in indices], predicted, texts)[0]

    per_fold, rules_per_fold = [], []
    for name, test in assign_folds(articles, folds, by):
        held = set(test)
        model = train_on(
            [g for i, g in enumerate(gold_docs) if i not in held],
            decisions=decisions or DEFAULT_DECISIONS,
        )
        per_fold.append({"fold": name, **scored(test, model)})
        rules_per_fold.append({"fold": name, **scored(test, None)})
    mean, stdev = summarise(per_fold)
    rules_mean, rules_stdev = summarise(rules_per_fold)
    return {
        "folds": len(per_fold),
        "grouped_by": by or "incident",
        "decisions": list(decisions or DEFAULT_DECISIONS),
        "mean": mean,
        "stdev": stdev,
        "per_fold": per_fold,
        "rules_alone": {"mean": rules_mean, "stdev": rules_stdev, "per_fold": rules_per_fold},
    }
