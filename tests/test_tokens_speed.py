"""The shortcuts of actor matching give what the long way gives."""

from __future__ import annotations

import pytest

from counterclaim.actors import KnowledgeBase
from counterclaim.actors import tokens as tk

# Names and phrases from several conflicts: plain words, possessives, hyphens, curly
# apostrophes, leading articles, spelling variants, tabs and runs of spaces.
PHRASES = [
    "Rapid Support Forces",
    "the Houthis",
    "A Hamas",
    "Pakistan's army",
    "Houthis' spokesman",
    "Ukraine’s defence ministry",
    "Defense Ministry",
    "Al-Fateh Qurashi",
    "the   Tatmadaw",
    "Islamic\tState",
    "M23",
    "ISPR",
    "Kyivʼs",
    "",
]


def _key_the_long_way(text: str) -> tuple[str, ...]:
    words = tuple(t.norm for t in tk.name_tokens(text))
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return words


@pytest.mark.parametrize("phrase", PHRASES)
def test_token_key_of_plain_words_as_of_tokens(phrase: str) -> None:
    assert tk.token_key(phrase) == _key_the_long_way(phrase)


@pytest.mark.parametrize("phrase", PHRASES)
def test_tokens_are_name_tokens_at_their_offsets(phrase: str) -> None:
    mapped = phrase.translate(tk.CHAR_MAP)
    for token in tk.name_tokens(phrase):
        assert isinstance(token, tk.NameToken)
        assert tk._norm(mapped[token.start : token.end]) == token.norm


def test_mentions_skip_words_that_start_no_alias() -> None:
    kb = KnowledgeBase.load()
    text = (
        "Fighters of the Rapid Support Forces shelled El Fasher, while the Houthis said "
        "they fired at a ship; Pakistan's army and the ISPR reported 6 deaths in Kurram."
    )
    found = kb.find_mentions(text)
    assert [m.surface for m in found][:2] == ["Rapid Support Forces", "Houthis"]
    # in text order, none inside another: a mention's words are not scanned again
    ends = [m.end for m in found]
    assert all(m.start >= end for m, end in zip(found[1:], ends, strict=False))
