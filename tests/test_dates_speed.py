"""The quick pre-checks of date-phrase finding change what is scanned, never what is found.

``date_expressions`` skips a family of patterns when the text lacks what every accepted
match needs (a capitalised month name, an ISO or dotted day, a year, a holiday's name, a
relative phrase's key word). Each test compares it with the same scan run with every
pre-check disabled. Relative phrases' key words are looked up in the lower-cased text, so
the generated texts leave out the few letters ("ſ", "ı", "İ") that IGNORECASE matches but
lower() keeps apart; that behaviour predates these checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counterclaim.dates import events, expressions
from counterclaim.dates.expressions import DateExpression, date_expressions
from counterclaim.dates.years import parse_date_line

_ANYWHERE = re.compile("")


@contextmanager
def _without_prechecks() -> Iterator[None]:
    saved = {
        name: getattr(expressions, name)
        for name in (
            "_CAPITALISED_MONTH",
            "_YEAR",
            "_HOLIDAY_NAME",
            "_EXPLICIT_EXPRS",
            "_RELATIVE_EXPRS",
        )
    }
    expressions._CAPITALISED_MONTH = _ANYWHERE
    expressions._YEAR = _ANYWHERE
    expressions._HOLIDAY_NAME = _ANYWHERE
    expressions._EXPLICIT_EXPRS = [(p, _ANYWHERE) for p, _ in saved["_EXPLICIT_EXPRS"]]
    expressions._RELATIVE_EXPRS = [(p, o, u, a, "") for p, o, u, a, _ in saved["_RELATIVE_EXPRS"]]
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(expressions, name, value)


def _unfiltered(text: str) -> tuple[DateExpression, ...]:
    with _without_prechecks():
        return date_expressions.__wrapped__(text)


def _filtered(text: str) -> tuple[DateExpression, ...]:
    return date_expressions.__wrapped__(text)


@pytest.mark.parametrize(
    "text",
    [
        "Shelling hit Kharkiv on March 4, 2024, the governor said on Friday.",
        "Fighting in El Fasher on 16-20 July 2025 killed dozens, the RSF said.",
        "The Sept. 14-16 raids in North Kivu left 40 dead.",
        "Clashes broke out in Kurram on 2024-03-05 and again on 7.3.2024.",
        "A SEPT. 14 strike near Sanaa killed six, the Houthis said.",
        "Protests in Gaza city grew in 2013 and again in April 2015.",
        "The Easter Sunday bombings in Colombo killed more than 250.",
        "Troops in the Sahel repelled an attack on Christmas Eve.",
        # a lower-case month is no month: the families it would call for stay skipped
        "they march 4 miles to the border of Kashmir every may 5",
        # relative phrases: " day" stands for any whitespace before "day"
        "A drone struck Mandalay on Friday; the\nday before, rebels shelled the town.",
        "Gunmen attacked a camp in Ituri two days ago, and a week ago a market.",
        "In Marib the next day, fighting resumed after three days of calm.",
        "Sunday's strike on Khan Younis followed one that same day in Rafah.",
        "Over the past day, 12 were killed in Donetsk; over the past 48 hours, 30.",
        "Friday, Saturday and Sunday passed quietly in Sittwe.",
        "",
    ],
)
def test_prechecks_find_what_the_full_scan_finds(text: str) -> None:
    assert _filtered(text) == _unfiltered(text)


def test_a_text_without_the_cues_skips_the_scans_and_finds_the_rest() -> None:
    text = "Rebels shelled Goma on Sunday, the army said."
    assert [e.surface for e in _filtered(text)] == ["on Sunday"]
    assert expressions._CAPITALISED_MONTH.search(text) is None


_FRAGMENTS = [
    "March",
    "march",
    "MARCH",
    "Sept.",
    "Sep",
    "May",
    "Jun",
    "June",
    "December",
    "Friday",
    "FRIDAY",
    "Saturday's",
    "night",
    "overnight",
    "the",
    "day",
    "days",
    "ago",
    "before",
    "after",
    "later",
    "earlier",
    "same",
    "next",
    "past",
    "last",
    "week",
    "month",
    "on",
    "in",
    "from",
    "to",
    "and",
    "between",
    "Easter",
    "Sunday",
    "Christmas",
    "Eve",
    "New Year's Day",
    "two",
    "forty-eight",
    "hours",
    "yesterday",
    "today",
    "Today",
    "USA",
    "2024",
    "1999",
    "14",
    "3",
    "2024-03-05",
    "7.3.2024",
    "14-16",
    "Kherson",
    "Khartoum",
    "Rafah",
]
_SEPARATORS = st.sampled_from([" ", "  ", "\n", "\t", ", ", ". ", "-", "–", "(", ")", ""])


@st.composite
def _date_texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_FRAGMENTS), max_size=14))
    parts: list[str] = []
    for word in words:
        parts += [word, draw(_SEPARATORS)]
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(text=_date_texts())
def test_prechecks_never_change_the_expressions(text: str) -> None:
    assert _filtered(text) == _unfiltered(text)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.characters(exclude_characters="ſıİ"), max_size=80))
def test_prechecks_never_change_the_expressions_of_any_text(text: str) -> None:
    assert _filtered(text) == _unfiltered(text)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Wednesday, February 05, 2025", date(2025, 2, 5)),
        ("Updated 12.03.2024", date(2024, 3, 12)),
        ("By Xinhua / December 25, 2023", date(2023, 12, 25)),
        ("Wednesday, February", None),
        ("Published by the desk in Kabul", None),
        ("", None),
    ],
)
def test_date_lines_with_and_without_digits(line: str, expected: date | None) -> None:
    assert parse_date_line(line) == expected


@settings(max_examples=200, deadline=None)
@given(line=st.text(alphabet=st.characters(categories=["L", "Zs", "P"]), max_size=60))
def test_a_line_without_a_digit_is_no_date_line(line: str) -> None:
    assert parse_date_line(line) is None


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Rescuers search the rubble in Kharkiv. (State Emergency Service/AFP)", True),
        ("Displaced families queue for water in El Fasher. © UNICEF", True),
        ("Photo: a convoy leaves Rafah for the south of the Gaza Strip.", True),
        ("Soldiers patrol a street in Goma, eastern Congo. Getty Images", True),
        ("IMAGE: smoke rises over Sanaa after strikes by the coalition.", True),
        ("A boy walks past a burnt bus in Myitkyina. REUTERS/Staff", True),
        ("Shelling killed 12 people in Kherson on Friday, the governor said.", False),
        ("Militants stormed a checkpoint near Peshawar, police said on Monday.", False),
    ],
)
def test_captions_are_known_by_their_credits(line: str, caption: bool) -> None:
    assert events._is_caption(line) is caption
    assert events._is_caption(line) == bool(events._CAPTION.search(line))


_CAPTION_FRAGMENTS = st.sampled_from(
    ["Photo", "photo", "PHOTO", "Image", "İmage", "ımage", "Imageſ", "Getty Images", "Alamy",
     "AP Photo", "File photo", "REUTERS", "AFP", "/", "©", "(", ")", ":", " ", "\n", "Gaza",
     "Kyiv", "said", "x"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(_CAPTION_FRAGMENTS | st.text(max_size=3), max_size=12),
)
def test_the_caption_marks_never_change_what_is_a_caption(parts: list[str]) -> None:
    # the marks hold no "i" or "s", so texts with "İ", "ı" and "ſ" are tested too
    line = "".join(parts)
    assert events._is_caption(line) == bool(events._CAPTION.search(line))
