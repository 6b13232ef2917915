"""The scorer of ANNOTATION.md on small hand-made gold and predictions."""

from __future__ import annotations

from counterclaim.evaluate import bcubed_f1, claimants_agree, score


def claim(**fields: object) -> dict:
    base = {
        "claimant": "BLA",
        "claimant_aliases": [],
        "category": "killed",
        "target_role": "opponent",
        "value": 10,
        "qualifier": "exact",
        "event_date": "2025-01-31",
        "incident": "a",
        "evidence": "ten soldiers were killed",
    }
    return base | fields


def test_alias_counts_only_when_in_the_text() -> None:
    gold = claim(claimant="ISPR", claimant_aliases=["Pakistan Army"])
    pred = claim(claimant="Army", claimant_aliases=["Pakistan Army"])
    assert claimants_agree(gold, pred, "The Pakistan Army said ten soldiers were killed.")
    assert not claimants_agree(gold, pred, "The army said ten soldiers were killed.")


def test_reporter_matches_only_reporter() -> None:
    assert claimants_agree(claim(claimant="reporter"), claim(claimant="Reporter"), "")
    assert not claimants_agree(claim(claimant="reporter"), claim(claimant="BLA"), "BLA")


def test_strict_and_loose_scores() -> None:
    gold = [{"doc": "a.txt", "claims": [claim(), claim(category="wounded", value=3)]}]
    predicted = {
        "a.txt": [claim(claimant="UN"), claim(category="wounded", value=3), claim(value=99)]
    }
    scores, results = score(gold, predicted, {"a.txt": "BLA UN"})
    assert scores["strict"]["recall"] == 0.5
    assert scores["loose"]["recall"] == 1.0
    assert scores["strict"]["precision"] == round(1 / 3, 4)
    assert len(results[0].missed) == 1 and len(results[0].spurious) == 2


def test_each_gold_claim_matches_once() -> None:
    gold = [{"doc": "a.txt", "claims": [claim()]}]
    scores, _ = score(gold, {"a.txt": [claim(), claim()]}, {"a.txt": "BLA"})
    assert scores["strict"]["precision"] == 0.5 and scores["strict"]["recall"] == 1.0


def test_dates_and_qualifiers_over_matches() -> None:
    gold = [{"doc": "a.txt", "claims": [claim(event_date="2025-01-30/2025-01-31")]}]
    pred = {"a.txt": [claim(event_date="2025-01-31", qualifier="at_least")]}
    scores, _ = score(gold, pred, {"a.txt": "BLA"})
    assert scores["event_date_accuracy"] == 0.0
    assert scores["event_date_accuracy_1d"] == 1.0
    assert scores["qualifier_accuracy"] == 0.0


def test_bcubed() -> None:
    assert bcubed_f1(["x", "x", "y"], ["a", "a", "b"]) == 1.0
    assert bcubed_f1(["x", "x", "x"], ["a", "b", "c"]) < 0.6
    assert bcubed_f1([], []) is None


def test_place_resolution_counts_distinct_names_of_matched_claims() -> None:
    gold = [
        {
            "doc": "a.txt",
            "claims": [
                claim(locations=["Kech", "Balochistan"]),
                claim(category="wounded", value=3, locations=["Kech", "Nowhereabad"]),
                claim(category="captured", value=5, locations=["Unmatched"]),
            ],
        }
    ]
    predicted = {"a.txt": [claim(), claim(category="wounded", value=3)]}
    known = {"Kech", "Balochistan"}
    scores, _ = score(
        gold, predicted, {"a.txt": "BLA"}, place_resolves=lambda doc, name: name in known
    )
    assert scores["place_resolution"] == round(2 / 3, 4)  # Unmatched's claim is not matched
    assert score(gold, predicted, {"a.txt": "BLA"})[0]["place_resolution"] is None


def test_location_agreement_is_over_matched_claims_with_gold_places() -> None:
    gold = [
        {
            "doc": "a.txt",
            "claims": [
                claim(locations=["Kursk region", "Russia"]),
                claim(category="wounded", value=3, locations=["Sumy"]),
                claim(category="captured", value=5, locations=[]),
                claim(category="missing", value=2, locations=["Unmatched"]),
            ],
        }
    ]
    predicted = {
        "a.txt": [
            claim(locations=["Kursk"]),  # agrees: the same distinctive name
            claim(category="wounded", value=3, locations=["Kharkiv"]),
            claim(category="captured", value=5, locations=["Belgorod"]),  # no gold places
        ]
    }
    assert score(gold, predicted, {"a.txt": "x"})[0]["location_agreement"] == 0.5


def test_a_gold_claimant_shown_under_two_names_is_a_split_column() -> None:
    """Item 4 of the contract: one organisation is one column of an incident's matrix."""
    gold = [
        {"doc": "a.txt", "claims": [claim(claimant="Peruvian Army", value=12)]},
        {"doc": "b.txt", "claims": [claim(claimant="Peruvian Army", value=20)]},
        {"doc": "c.txt", "claims": [claim(claimant="reporter", value=3)]},
    ]
    predicted = {
        "a.txt": [claim(claimant="Peruvian Army", claimant_aliases=["army"], value=12)],
        "b.txt": [claim(claimant="army", value=20)],
        "c.txt": [claim(claimant="reporter", value=3)],
    }
    texts = {"a.txt": "the army", "b.txt": "the army", "c.txt": ""}
    gold[1]["claims"][0]["claimant_aliases"] = ["army"]
    scores, _ = score(gold, predicted, texts)
    assert scores["strict"]["recall"] == 1.0
    assert scores["claimant_columns"] == {"columns": 1, "split": 1, "split_share": 1.0}
    one_name = predicted | {"b.txt": [claim(claimant="Peruvian Army", value=20)]}
    texts["b.txt"] = "the Peruvian Army"
    scores, _ = score(gold, one_name, texts)
    assert scores["claimant_columns"]["split"] == 0
