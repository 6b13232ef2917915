"""The shortcuts of actor matching give what the long way gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


TEXTS = [
    "Pakistan's army said the Houthis' drones and the RSF’s fighters hit Kyiv's edge.",
    "M23's' and Hamas''s; Sudan's's  ' Kashmir's  ' s  Yemen 's\n\tal-Shabaab`s gunmen",
    "ISLAMABAD (Reuters) – The ISPR said 12 militants were killed in North Waziristan.",
    "'s Gaza’s Rafah: the IDF\u00a0said Israel’s army struck. ",
    "",
    "   ",
]


def _as_lists(tokens: list[tk.NameToken]) -> tuple[list[str], list[int], list[int]]:
    return [t.norm for t in tokens], [t.start for t in tokens], [t.end for t in tokens]


@pytest.mark.parametrize("text", TEXTS)
def test_words_of_a_text_are_its_name_tokens(text: str) -> None:
    assert tk.name_words(text) == _as_lists(tk.name_tokens(text))


@given(st.text(alphabet="sS'’`´ aA-.\n\t9xéİ\u00a0", max_size=40))
@settings(max_examples=400, deadline=None)
def test_words_of_any_text_are_its_name_tokens(text: str) -> None:
    assert tk.name_words(text) == _as_lists(tk.name_tokens(text))


@pytest.mark.parametrize("text", TEXTS)
def test_mentions_from_words_are_the_mentions_from_tokens(text: str) -> None:
    kb = KnowledgeBase.load()
    for metonyms in (False, True):
        from_tokens = kb._scan(text, tk.name_tokens(text), include_metonyms=metonyms)
        words = tk.name_words(text)
        assert kb._scan_words(text, *words, include_metonyms=metonyms) == from_tokens
    assert [m.surface for m in kb.find_mentions(TEXTS[0])][:2] == ["Pakistan's army", "Houthis"]
