"""Resolution of extracted claims on texts written for these tests: claimants, roles,
event dates and hedges, end to end through the spaCy pipeline and the knowledge base."""

from __future__ import annotations

from datetime import date

import pytest

from counterclaim.actors import KnowledgeBase
from counterclaim.model import Claim, Document
from counterclaim.nlp import parse_documents
from counterclaim.resolve import resolve_claims

pytestmark = pytest.mark.model


def claims_of(text: str, published: date | None = None) -> list[Claim]:
    doc = Document(text=text, published=published)
    [(_, parsed)] = list(parse_documents([doc]))
    return resolve_claims(doc, parsed._.extractions or [], KnowledgeBase.load())


def summary(claims: list[Claim]) -> list[tuple[str, str, int | None, str]]:
    return [(c.claimant, c.category, c.value, c.target_role) for c in claims]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Red Sea\n\nThe Houthis said they sank the bulk carrier Sea Falcon on Monday.",
            "civilian",
        ),
        (
            "Black Sea\n\nUkraine's navy said its drones sank the corvette Ivanovets near Crimea.",
            "opponent",
        ),
    ],
)
def test_named_ships_merchant_are_civilian_warships_are_not(text: str, role: str) -> None:
    [sunk] = claims_of(text)
    assert (sunk.category, sunk.value, sunk.target_role) == ("destroyed", 1, role)


def test_dateline_label_does_not_become_the_claimant() -> None:
    [claim] = claims_of(
        "Darfur\n\nKhartoum: The Sudanese Armed Forces said on Sunday that more than 100 "
        "fighters of the Rapid Support Forces were killed.",
        published=date(2025, 5, 4),
    )
    assert (claim.claimant, claim.target_role, claim.event_date) == (
        "SAF",
        "opponent",
        "2025-05-04",
    )
