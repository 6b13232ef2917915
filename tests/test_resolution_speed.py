"""The shortcuts that make resolution fast answer exactly as the slow paths they replace."""

from __future__ import annotations

import re

import pytest
from rapidfuzz import fuzz, process

from counterclaim import places
from counterclaim.actors import FUZZY_CUTOFF, FUZZY_MIN_LENGTH, KnowledgeBase
from counterclaim.actors.tokens import name_tokens, token_key
from counterclaim.places import _NON_WORD_RE, _fold_unicode, normalise_place_name


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def _slow_normalise(text: str) -> str:
    """normalise_place_name without its fast path for plain ASCII words."""
    text = text.lower() if text.isascii() else _fold_unicode(text)
    if "&" in text:
        text = text.replace("&", " and ")
    text = re.sub(f"[{places._APOSTROPHES}.]", "", text)
    return _NON_WORD_RE.sub(" ", text).strip()


@pytest.mark.parametrize(
    "name",
    [
        "Kharkiv",
        "Khan  Younis",
        " Deir al-Balah ",
        "Gaza City",
        "El Fasher",
        "Ryazan’",
        "Bosnia & Herzegovina",
        "St. Louis",
        "Dera_Ismail Khan",
        "Mopti\tregion",
        "Kyiv 2",
        "Sa'dah",
        "Rutshuru",
        "Kupwara",
        "Tillabéri",
        "",
        "   ",
    ],
)
def test_normalise_fast_path_matches_the_regex_path(name: str) -> None:
    assert normalise_place_name(name) == _slow_normalise(name)


def test_fuzzy_candidates_give_the_same_best_match(kb: KnowledgeBase) -> None:
    """Leaving out choices whose length cannot reach the cutoff changes no fuzzy answer."""
    choices = list(kb._fuzzy_choices)
    samples = [c for c in choices if len(c) >= FUZZY_MIN_LENGTH][::25]
    assert samples
    # misspellings of real names: a letter dropped, one doubled, one swapped, a word added
    variants = []
    for name in samples:
        middle = len(name) // 2
        variants += [
            name[:middle] + name[middle + 1 :],
            name[:middle] + name[middle] + name[middle:],
            name[: middle - 1] + name[middle] + name[middle - 1] + name[middle + 1 :],
            name + " forces",
        ]
    for text in variants:
        full = process.extractOne(text, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        short = process.extractOne(
            text, kb._fuzzy_candidates(len(text)), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        )
        assert (full and full[0]) == (short and short[0]), text


@pytest.mark.parametrize(
    "surface",
    [
        "Pakistan Army",
        "the Pakistani army",
        "a spokesman for the Rapid Support Forces",
        "Russia's defence ministry",
        "Sudanese Armed Forcs",
        "Islamic State Sahel Provinc",
        "us",
        "US",
        "Houthis",
        "the Tatmadaw",
        "M23",
        "Ukrainian General Staff",
        "Israel Defense Forces",
        "Jammu and Kashmir Police",
        "nobody in particular",
    ],
)
def test_cached_lookup_answers_as_uncached(kb: KnowledgeBase, surface: str) -> None:
    first = kb.lookup(surface)
    assert kb.lookup(surface) is first
    assert kb._lookup_uncached(surface) is first


def _slow_tokens(text: str) -> list[tuple[str, int, int]]:
    """The tokeniser without its fast path for texts free of apostrophes."""
    from counterclaim.actors.tokens import _SPELLING, _TOKEN_RE, CHAR_MAP

    mapped = text.translate(CHAR_MAP)
    raw = [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(mapped)]
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(raw):
        word, start, end = raw[i]
        if word == "'" and out and out[-1][2] == start:
            if i + 1 < len(raw) and raw[i + 1][0].lower() == "s" and raw[i + 1][1] == end:
                i += 2
                continue
            if out[-1][0].endswith("s"):
                i += 1
                continue
        norm = word.lower()
        out.append((_SPELLING.get(norm, norm), start, end))
        i += 1
    return out


@pytest.mark.parametrize(
    "text",
    [
        "The Houthis' spokesman said",
        "Pakistan's army and the ISPR",
        "RSF fighters in El Fasher, Darfur",
        "the organization’s counterterrorism center",
        "M23 rebels near Goma — 12 killed",
        "Israel Defense Forces (IDF) said",
        "Al-Shabaab fighters in Lower Shabelle",
    ],
)
def test_tokens_fast_path_matches_the_general_path(text: str) -> None:
    assert [tuple(t) for t in name_tokens(text)] == _slow_tokens(text)
    assert token_key(text) == tuple(
        w for w, _s, _e in _slow_tokens(text)[1 if text.lower().startswith("the ") else 0 :]
    )


def test_word_files_hold_every_list() -> None:
    from counterclaim.lexicon import load_data

    place_words = load_data(places.WORDS_FILE)
    for name in ("articles", "admin_suffixes", "connectors", "party_nouns", "suffix_tiers"):
        assert place_words[name], name
    actor_words = load_data("actors/_words.yaml")
    for name in ("spelling", "english_short_words", "generic_kinds", "titles", "not_names"):
        assert actor_words[name], name
    assert places._tier_of("Kunduz province", None) == 2
    assert places._tier_of("Kok-Tash village", None) == 0


@pytest.mark.parametrize(
    "text",
    [
        "Fighting spread from Sudan into South Sudan, and Sudanese refugees crossed to Chad.",
        "Officials in North Waziristan and South Waziristan said Pakistani troops moved in.",
        "The Democratic Republic of the Congo and Congo-Brazzaville share a river; DR Congo too.",
        "A Kyiv-based monitor said Russian drones hit Kharkiv Oblast and Ukraine's east.",
        "Israeli strikes on Gaza, the Gaza Strip and southern Lebanon; Lebanese officials said.",
        "Myanmar's junta and the Arakan Army fought in Rakhine State near Bangladesh.",
        "Jammu and Kashmir police said Indian forces killed two in Kupwara.",
        "Yemen's Houthis fired at ships in the Red Sea off Eritrea; Yemeni sources agreed.",
        "Malians fled to Niger and Burkina Faso after attacks in Mopti region.",
    ],
)
def test_country_terms_trie_matches_the_longest_first_alternation(text: str) -> None:
    terms = places.Gazetteer.load().country_terms
    ordered = sorted(terms.code_by_term, key=len, reverse=True)
    flat = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in ordered) + r")(?!\w)")
    found = [(m.start(), m.group()) for m in terms.pattern.finditer(text)]
    assert found == [(m.start(), m.group()) for m in flat.finditer(text)]
    assert found


def test_longest_first_alternation_prefers_longer_terms() -> None:
    pattern = re.compile(
        r"(?<!\w)" + places._longest_first_alternation(["Sudan", "South Sudan", "S"]) + r"(?!\w)"
    )
    assert [m.group() for m in pattern.finditer("South Sudan, Sudan, S, Southern")] == [
        "South Sudan",
        "Sudan",
        "S",
    ]


def test_gazetteer_load_leaves_the_garbage_collector_on() -> None:
    import gc

    from counterclaim.errors import KnowledgeBaseError

    assert gc.isenabled()
    places.Gazetteer.load()
    assert gc.isenabled()
    with pytest.raises(KnowledgeBaseError):
        places.Gazetteer.load(min_city_population=123)
    assert gc.isenabled()
