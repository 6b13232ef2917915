"""decide's shortcuts give what the plain ways give: the class scores of the one- and
four-class models bit for bit, and a decided claim equal to ``dataclasses.replace``'s."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import fields, replace
from datetime import date

from counterclaim.decide import LinearDecision, _decided
from counterclaim.model import Claim, ClaimantOption, Place


def plain_scores(model: LinearDecision, features: Mapping[str, float]) -> list[float]:
    scores = list(model.bias)
    for name, value in features.items():
        row = model.weights.get(name)
        if row is not None:
            for k, w in enumerate(row):
                scores[k] += w * value
    return scores


def test_scores_add_in_the_plain_order_for_every_class_count() -> None:
    rnd = random.Random(16)
    names = [f"word={w}" for w in ("killed", "shelling", "army", "rebels", "ministry")]
    names += [f"kind_x_head={k}" for k in range(40)]
    for classes in (("no", "claim"), ("a", "b", "c"), ("civilian", "opponent", "other", "own")):
        width = 1 if len(classes) == 2 else len(classes)
        model = LinearDecision(
            classes,
            {n: tuple(rnd.uniform(-4, 4) for _ in range(width)) for n in names[::2]},
            tuple(rnd.uniform(-1, 1) for _ in range(width)),
        )
        for _ in range(200):
            features = {n: rnd.choice((1.0, 0.5, rnd.random())) for n in rnd.sample(names, 12)}
            assert model.scores(features) == plain_scores(model, features)
            probabilities = model.probabilities(features)
            assert list(probabilities) == list(classes)


OPTION = ClaimantOption("Sudanese army", [], "saf", "own", {"x": 1.0}, {"nation=sd": 1.0})


def claims() -> list[Claim]:
    """Claims of several conflicts with every kind of field set."""
    return [
        Claim("doc-sahel", "killed", 14, "exact", "killed 14 soldiers near Menaka", 10, 40,
              claimant="army", target="soldiers", target_role="own", event_date="2025-02-01",
              locations=["Menaka"], places=[Place("Menaka", 15.9, 2.4, "ML")],
              features={"rule_role=own": 1.0}, claimant_options=[OPTION]),
        Claim("doc-myanmar", "displaced", 3000, "about", "about 3,000 fled Lashio", 0, 24,
              claimant_aliases=["junta"], hedged=True, confidence=0.61, origin="wire",
              stated_on=date(2025, 7, 3)),
        Claim("doc-yemen", "wounded", 8, "at_least", "at least 8 wounded in Hodeidah", 5, 35,
              value_high=12, incident="hodeidah-strike", id="fixed-id"),
    ]  # fmt: skip


def test_a_decided_claim_is_the_replaced_one() -> None:
    for claim in claims():
        before = (claim.target_role, claim.confidence)
        for role, confidence in (("civilian", 0.9123), before):
            fast = _decided(claim, role, confidence)
            slow = replace(claim, target_role=role, confidence=confidence)
            assert fast == slow and fast is not claim
            for f in fields(Claim):  # the compare=False ones too, the very same objects
                assert getattr(fast, f.name) is getattr(slow, f.name), f.name
            assert fast.__dict__ == slow.__dict__
            assert (claim.target_role, claim.confidence) == before  # the original untouched


def test_a_claim_without_its_id_is_replaced_the_long_way() -> None:
    claim = claims()[0]
    claim.id = ""  # __post_init__ gives it one again
    decided = _decided(claim, "opponent", 0.7)
    assert decided.id and decided == replace(claim, target_role="opponent", confidence=0.7)
