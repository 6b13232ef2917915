"""The rule stage's shortcuts decide what the long way decides: a quick test that rules a
text out never rules out one the full test would have kept."""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Span

from counterclaim.extract import counts
from counterclaim.extract.sentences import (
    _squash,
    _title_key,
    is_body_sentence,
    running_totals,
    sentence_text,
)
from counterclaim.extract.targets import window_names_a_part
from counterclaim.extract.text import tidy_name
from counterclaim.numbers import lexicon as count_lexicon

# A phrase of every entry of lexicon/running_totals.yaml
_RUNNING_TOTALS = [
    "since the start", "since October", "since 2014", "over the years", "so far this year",
    "to date", "throughout the war", "in total since", "previously reported", "at that time",
    "in the previous", "since the 2021 coup", "in the past decade", "over the last two years",
    "over the past month", "during the last three months", "since 7 October",
    "in recent years", "the war, which began", "the conflict which started",
    "the uprising, which erupted", "the rebellion which broke out",
    "the civil war in Yemen has killed", "the insurgency has left", "the war have claimed",
    "the fighting has displaced", "the violence has claimed", "the campaign have killed",
    "the conflict have left", "the war has displaced", "the war have displaced",
    "10-year-long insurgency", "since the start of the March", "cumulative", "last year",
    "since mid-2023", "from January to May", "between March and this",
    "toll in the ground offensive", "death toll during the war", "its toll of the invasion",
    "since the junta seized power", "since the Taliban took control", "since Oct. 7",
    "since Feb 24", "since the feud", "number of people killed in the war",
    "have been killed in the state this year", "has been abducted this month",
    "this year alone", "since the November truce", "since the cease-fire",
]  # fmt: skip
_FILLERS = ["", "Gunmen killed 12 soldiers", "in Kidal,", "Kharkiv", "the army said.", "-"]
# Spellings the pattern's case folding matches: capitals, and the letters beyond ASCII it
# takes for ASCII ones
_SPELLINGS = [
    str,
    str.upper,
    str.title,
    lambda text: text.replace("s", "\u017f"),
    lambda text: text.replace("k", "\u212a"),
    lambda text: text.replace("i", "\u0131"),
    lambda text: text.upper().replace("I", "\u0130"),
]


@given(
    st.sampled_from(_FILLERS),
    st.sampled_from(_RUNNING_TOTALS),
    st.sampled_from(_SPELLINGS),
    st.sampled_from(_FILLERS),
    st.integers(min_value=0, max_value=40),
)
@settings(max_examples=400, deadline=None)
def test_a_text_ruled_out_as_cumulative_holds_no_match(
    before: str, phrase: str, spelling: Callable[[str], str], after: str, cut: int
) -> None:
    # (cut short: a phrase missing its end may or may not match)
    text = " ".join([before, spelling(phrase)[: len(phrase) - cut // 10], after])
    if running_totals().pattern.search(text):
        assert running_totals().may_match(text)


@pytest.mark.parametrize("phrase", _RUNNING_TOTALS)
def test_every_spelling_of_a_running_total_passes_the_quick_test(phrase: str) -> None:
    for spelling in _SPELLINGS:
        for text in (spelling(phrase), f"Gunmen killed 12 soldiers {spelling(phrase)}, it said."):
            if running_totals().pattern.search(text):
                assert running_totals().may_match(text), text


def test_every_running_total_phrase_has_an_example_holding_the_words_it_needs() -> None:
    # a phrase added to the data file without an example here, or whose needed words an
    # example lacks, fails: the quick test would rule out texts the phrase matches
    totals = running_totals()
    assert len(totals.phrases) == len(totals.needs)
    for phrase, need in zip(totals.phrases, totals.needs, strict=True):
        assert need and all(need), phrase.pattern
        examples = [text for text in _RUNNING_TOTALS if phrase.search(text)]
        assert examples, f"no example of {phrase.pattern}"
        for text in examples:
            low = text.lower()
            assert all(any(word in low for word in group) for group in need), (text, need)


@pytest.mark.parametrize(
    "text",
    [
        "Since the start of the war in Sudan, 15,000 people have been killed.",
        "The insurgency, which began in 2009, has killed 35,000 in Borno.",
        "Over the past two years some 400 soldiers died in the Sahel.",
        "The civil war in Yemen has left 150,000 dead, the UN said.",
        "Between January and March 2024, 600 civilians were killed in Gaza.",
        "The 10-year conflict in Myanmar's Rakhine has displaced thousands.",
        "SO FAR THIS YEAR 80 MILITANTS WERE KILLED IN KASHMIR.",
        "ſince 2014 the DRC army has lost 900 men in Ituri.",
        "The \u212allled toll since October is 4,000 in Ukraine.",
    ],
)
def test_running_totals_pass_the_quick_test(text: str) -> None:
    assert running_totals().pattern.search(text)
    assert running_totals().may_match(text)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 12 soldiers near Kidal on Tuesday, the army said.",
        "Russia launched 48 drones at Kharkiv overnight, Ukraine's air force said.",
        "Two policemen were wounded in a blast in Peshawar, officials said.",
    ],
)
def test_a_plain_event_is_ruled_out(text: str) -> None:
    assert not running_totals().pattern.search(text)
    assert not running_totals().may_match(text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "DEATHS of two miners in Ituri were denied; the Killing of 12 in Kidal was not.",
        "Commander Abdel Karim and dozens of fighters died near Idlib, a number of them Syrians.",
        "No civilians were hurt in Gaza, but both medics and another guard were wounded.",
        "Russia fired 48 drones and Twenty-four missiles at Kharkiv, none of which hit.",
        "",
    ],
)
def test_the_words_that_can_open_a_count_are_read_from_the_arrays_as_from_the_tokens(
    text: str,
) -> None:
    from counterclaim.nlp import load_pipeline

    doc = load_pipeline()(text)
    words = {w.lower() for w in counts._WORDS_READ} | count_lexicon().vague
    expected = [
        t.i
        for t in doc
        if t.like_num
        or t.lower_ in words
        or t.lemma_.lower() in counts._LEMMAS_READ
        or (t.ent_type_ == "PERSON" and t.ent_iob_ == "B")
    ]
    assert counts._count_openings(doc) == expected
    assert counts._count_openings(doc) is counts._count_openings(doc)


def _tidy_name_the_long_way(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,")
    if text.count(")") > text.count("("):
        text = text.replace(")", "")
    if text.count("]") > text.count("["):
        text = text.replace("]", "")
    if text.count("(") > text.count(")") and not text.endswith(")"):
        text = text.strip(" ,") + ")"
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"\s+", " ", re.sub(r"\(\s*\)|\[\s*\]", " ", text)).strip(" ,")
    return text


@given(st.text(alphabet=" ,()[]\n\t\u00a0aBZ-", max_size=24))
@settings(max_examples=500, deadline=None)
def test_a_name_is_tidied_as_the_long_way_tidies_it(text: str) -> None:
    assert tidy_name(text) == _tidy_name_the_long_way(text)


@pytest.mark.parametrize(
    "text",
    [
        "Frontier Corps (FC",
        " Balochistan Liberation Front () ",
        "the Rapid Support Forces ,",
        "Hamas)  armed  wing",
        "Houthi [ ] movement",
        "M23\nrebels",
    ],
)
def test_names_are_tidied_as_the_long_way_tidies_them(text: str) -> None:
    assert tidy_name(text) == _tidy_name_the_long_way(text)


def _names_a_part_the_long_way(window: str) -> bool:
    if re.search(r"\b(?:including|among them|of whom|of which)\s+(?:[a-z'’-]+\s+){0,4}$", window):
        return True
    dashed = re.search(r"\b(?:\d[\d,]*|[a-z]+)\s+[a-z'’ -]{2,30}?\s*[–—]\s*$", window)
    counted = re.search(r"\b\d|\b(?:two|three|four|five|six|seven|eight|nine|ten)\b", window)
    return bool(dashed and counted)


_WINDOW_PIECES = [
    "including", "among them", "among", "them", "of whom", "of which", "six", "12", "1,200",
    "health workers", "a nurse", "–", "—", "-", ",", " ", "\n", "\u00a0", "killed", "two",
]  # fmt: skip


@given(st.lists(st.sampled_from(_WINDOW_PIECES), max_size=10))
@settings(max_examples=500, deadline=None)
def test_a_window_names_a_part_as_the_long_way_says(pieces: list[str]) -> None:
    window = " ".join(pieces)[-40:]
    assert window_names_a_part(window) == _names_a_part_the_long_way(window)


@pytest.mark.parametrize(
    "window",
    [
        "killing 13 passengers, among them ",
        "25 people died in gaza, including ",
        "six health workers – ",
        "six health workers —\n",
        "twelve soldiers – ",
        "the army said of whom ",
        "the drones launched at kharkiv, ",
    ],
)
def test_windows_name_a_part_as_the_long_way_says(window: str) -> None:
    assert window_names_a_part(window) == _names_a_part_the_long_way(window)


_SHIP_PIECES = [
    "MV", "M/V", "MT", "M/T", "SS", "HMS", "USS", "INS", "ship", "vessel", "carrier", "tanker",
    "freighter", "bulker", "boat", "warship", "frigate", "destroyer", "corvette", "named",
    "called", "Eternity", "C", "Magic", "Seas", "Tutor", "Houthis", "sank", "the", "bulk",
    "Red", "Sea", "off", "Hodeidah", "mv", "Ship", "Warship", "Black", "Sea", "Moskva",
]  # fmt: skip


@given(st.lists(st.sampled_from(_SHIP_PIECES), max_size=10))
@settings(max_examples=500, deadline=None)
def test_a_text_naming_a_ship_holds_one_of_the_marks(pieces: list[str]) -> None:
    text = " ".join(pieces)
    if counts._VESSEL_NAME.search(text):
        assert any(mark in text for mark in counts._VESSEL_MARKS)


@pytest.mark.parametrize(
    "text",
    [
        "The Houthis sank the MV Eternity C off Hodeidah.",
        "The bulk carrier Magic Seas was struck in the Red Sea.",
        "Ukraine said it hit the warship Moskva in the Black Sea.",
        "A drone boat named Sea Baby damaged the M/T Cyprus.",
        "The USS Carney downed 14 drones; INS Kolkata escorted the tanker Marlin Luanda.",
    ],
)
def test_ship_names_are_marked(text: str) -> None:
    assert counts._VESSEL_NAME.search(text)
    assert any(mark in text for mark in counts._VESSEL_MARKS)


def test_every_spelling_that_lowers_to_a_word_read_is_listed() -> None:
    beyond_ascii = {
        chr(code)
        for code in range(128, sys.maxunicode + 1)
        if chr(code).lower().isascii() and chr(code).lower().isalpha()
    }
    assert beyond_ascii == set(counts._LOWERED_TO_ASCII.values())
    for word in counts._LEMMAS_READ:
        spellings = counts.spellings_of(word)
        assert all(spelling.lower() == word for spelling in spellings)
        # each letter as written or in capitals, and "k" as the Kelvin sign too
        expected = math.prod(3 if letter == "k" else 2 for letter in word)
        assert len(set(spellings)) == len(spellings) == expected
        assert {"Death", "DEATH", "death", "Killing", "\u212aILLING"} & set(spellings)


def _body_the_long_way(sent: Span, title: str | None) -> bool:
    text = sentence_text(sent).strip()
    if not text:
        return False
    if title and len(text) < len(title) + 30 and _squash(text).startswith(_title_key(title)):
        return False
    whole = sent.doc.text
    line_start = whole.rfind("\n", 0, sent.start_char) + 1
    line_end = whole.find("\n", sent.start_char)
    line = whole[line_start : line_end if line_end >= 0 else len(whole)].strip()
    words = len(line.split())
    closed = re.search(r"[.!?\"”’)]$", line)
    return not (not closed and (words < 12 or re.match(r"^[•●▪■◦‣*]\s", line)))


@pytest.mark.model
def test_body_sentences_are_told_as_the_long_way_tells_them() -> None:
    from counterclaim.nlp import load_pipeline

    title = "Drone strike kills 12 in Kharkiv"
    text = "\n".join(
        [
            title,
            "Photo: smoke over the city",
            "• Related: Sudan army retakes Wad Madani",
            "* Gaza toll passes 40,000 as talks stall in Doha and Cairo over the weekend",
            "Russian drones killed 12 people in Kharkiv overnight, the governor said.",
            "“We found 30 bodies,” a medic in El Fasher told reporters.",
            "Militants killed four soldiers in North Waziristan (the ISPR said)",
            "Fighting in Rakhine went on through the night as the Arakan Army pressed on and on",
            "Five Yemeni fishermen were missing!",
            "Is the M23 still in Goma?",
        ]
    )
    doc = load_pipeline()(text)
    for sent in doc.sents:
        for heading in (title, None):
            assert is_body_sentence(sent, heading) == _body_the_long_way(sent, heading)
