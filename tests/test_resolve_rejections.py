"""A party rejecting another's figures hedges them; a report whose text holds no
rejection's words is passed over whole, which never passes over a sentence that holds them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counterclaim.actors import KnowledgeBase
from counterclaim.extract.wordlists import lexicon
from counterclaim.model import Claim, Document
from counterclaim.nlp import parse_documents
from counterclaim.resolve import (
    DocumentContext,
    _apply_rejections,
    _may_reject,
    _rejecting_verbs,
    resolve_claims,
)


def _hedged(text: str, claimants: list[str]) -> list[bool]:
    kb = KnowledgeBase.load()
    doc = Document(text=text)
    ctx = DocumentContext(
        doc=doc, kb=kb, mentions=kb.find_mentions(text), speakers={}, country=None, main_date=None
    )
    claims = []
    for n, name in enumerate(claimants):
        actor = kb.lookup(name)
        assert actor is not None, name
        claims.append(
            Claim(
                id=f"c{n}",
                doc_id=doc.id,
                claimant=actor.name,
                claimant_actor=kb.claimant_actor(actor.id).id,
                category="killed",
                value=10 + n,
                qualifier="exact",
                evidence="",
                span_start=0,
                span_end=0,
            )
        )
    _apply_rejections(ctx, claims)
    return [c.hedged for c in claims]


@pytest.mark.parametrize(
    ("text", "claimants", "hedged"),
    [
        (
            "Pakistan Army said 12 militants were killed.\nThe Taliban termed the Pakistan "
            "Army's claims fabricated.",
            ["Pakistan Army", "Taliban"],
            [True, False],
        ),
        (
            "The Houthis said 30 sailors died. The claims by the Houthis were dismissed as "
            "propaganda by the Israel Defense Forces.",
            ["Houthis", "Israel Defense Forces"],
            [True, False],
        ),
        (
            "The RSF said it killed 40 soldiers near El Fasher, and the Sudanese Armed Forces "
            "said 15 fighters of the RSF died.",
            ["RSF", "Sudanese Armed Forces"],
            [False, False],
        ),
    ],
)
def test_a_rejected_partys_figures_are_hedged(
    text: str, claimants: list[str], hedged: list[bool]
) -> None:
    assert _hedged(text, claimants) == hedged


_PIECES = st.sampled_from(
    [
        "The army",
        "denied",
        "rejects",
        "dismissing",
        "claim",
        "Claims",
        "propaganda",
        "FABRICATED",
        "lies",
        "said",
        "12 killed in Kherson",
        ".",
        "!",
        "?",
        " ",
        "\n",
        "İ",
        "Σ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=20))
def test_a_text_passed_over_holds_no_sentence_with_a_rejections_words(pieces: list[str]) -> None:
    text = " ".join(pieces)
    nouns = lexicon().rejection_nouns
    if not _may_reject(text.lower(), _rejecting_verbs(), nouns):
        for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
            assert not _may_reject(sentence.lower(), _rejecting_verbs(), nouns)


@pytest.mark.parametrize(
    ("rejection", "hedged"),
    [
        # one party named: its claim, by the possessive, is rejected by someone unnamed
        ("The deputy minister dismissed al-Shabaab's claim as propaganda.", True),
        # the party itself denying claims rejects nothing of its own
        ("Al Shabaab denied claims of civilian deaths.", False),
    ],
)
def test_a_rejected_claim_named_by_its_owner_alone(rejection: str, hedged: bool) -> None:
    text = f"Al Shabaab said its fighters killed 58 soldiers in Middle Shabelle. {rejection}"
    doc = Document(text=text)
    [(_, parsed)] = list(parse_documents([doc]))
    [claim] = resolve_claims(doc, parsed._.extractions, KnowledgeBase.load())
    assert claim.hedged is hedged
