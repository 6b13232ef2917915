"""Counts and qualifiers: input → expected tables and Hypothesis round-trips."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterclaim.numbers import Count, format_count, parse_number, qualifier_before, range_after

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen"]  # fmt: skip
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell(n: int) -> str:
    """English words for 0 ≤ n < 1,000,000, written the British way ("and" before units)."""
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_UNITS[hundreds]} hundred" + (f" and {spell(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    tail = ""
    if rest:
        tail = f" and {spell(rest)}" if rest < 100 else f" {spell(rest)}"
    return f"{spell(thousands)} thousand{tail}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("84", 84),
        ("2,880", 2880),
        ("2,500", 2500),
        ("seven", 7),
        ("Twenty", 20),
        ("two hundred and fourteen", 214),
        ("twenty-three", 23),
        ("a dozen", 12),
        ("1.5 million", 1_500_000),
        ("3 thousand", 3000),
        ("soldiers", None),
        ("", None),
    ],
)
def test_parse_number(text: str, expected: int | None) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("prefix", "qualifier"),
    [
        ("the army said at least ", "at_least"),
        ("no fewer than ", "at_least"),
        ("killing more than ", "more_than"),
        ("destroyed over ", "more_than"),
        ("up to ", "up_to"),
        ("almost ", "up_to"),
        ("as many as ", "up_to"),
        ("fewer than ", "up_to"),
        ("around ", "about"),
        ("an estimated ", "about"),
        ("roughly ", "about"),
        ("the militants killed ", "exact"),
        ("a total of ", "exact"),
        ("moreover, ", "exact"),
    ],
)
def test_qualifier_before(prefix: str, qualifier: str) -> None:
    assert qualifier_before(prefix) == qualifier


@pytest.mark.parametrize(
    ("suffix", "low", "high"),
    [
        (" to 40 fighters", 35, 40),
        ("-40 killed", 35, 40),
        (" or 12 people", 10, 12),
        (" soldiers", 5, None),
        (" to 3", 5, None),
    ],
)
def test_range_after(suffix: str, low: int, high: int | None) -> None:
    assert range_after(suffix, low) == high


@given(st.integers(min_value=0, max_value=10**9))
def test_digits_with_and_without_separators_round_trip(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


@given(st.integers(min_value=0, max_value=999_999))
def test_number_words_round_trip(n: int) -> None:
    assert parse_number(spell(n)) == n


@given(st.text(max_size=60))
def test_parsers_never_raise(text: str) -> None:
    parse_number(text)
    qualifier_before(text)
    range_after(text, 1)


@given(
    st.integers(min_value=1, max_value=10**6),
    st.sampled_from(["exact", "at_least", "more_than", "up_to", "about"]),
)
def test_format_count_shows_the_figure(n: int, qualifier: str) -> None:
    assert f"{n:,}" in format_count(Count(n, qualifier))


_WORDS = [
    "at",
    "least",
    "more",
    "than",
    "up",
    "to",
    "about",
    "some",
    "nearly",
    "over",
    "the",
    "killed",
    "as",
    "many",
    "no",
    "fewer",
    "almost",
    "(",
    ",",
    "Around",
    "APPROXIMATELY",
]


@given(st.lists(st.sampled_from(_WORDS), max_size=8), st.sampled_from(["", " ", "  "]))
def test_the_qualifier_shortcut_finds_what_every_pattern_finds(words: list[str], end: str) -> None:
    """A text ending in no qualifier phrase's last word is not tried against the patterns:
    the answer must be the one trying every pattern gives."""
    from counterclaim.numbers import _trailing_qualifier, lexicon

    prefix = " ".join(words) + end
    tail = prefix[-40:]
    expected = None
    for pattern, qualifier in lexicon().qualifiers:
        m = pattern.search(tail)
        if m:
            start = m.start() + (0 if m.group(0)[:1].isalnum() else 1)
            expected = (len(prefix) - len(tail) + start, qualifier)
            break
    assert _trailing_qualifier(prefix) == expected
