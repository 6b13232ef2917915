"""Event dates: named days (holidays) and weekends as the date of an event."""

from __future__ import annotations

from datetime import date

import pytest

from counterclaim.dates import event_date_for, find_date_expressions, resolve_expression


def claim_date(text: str, evidence: str, published: date | None, default: str | None = None):
    start = text.index(evidence)
    return event_date_for(start, start + len(evidence), text, published, default=default)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Easter moves with the year; the latest one on or before the paper's date
        (
            "Bombs at three churches on Easter Sunday killed 250 people in Colombo.",
            date(2019, 4, 22),
            "2019-04-21",
        ),
        (
            "The Easter Day blasts in Batticaloa killed 25 worshippers.",
            date(2019, 4, 21),
            "2019-04-21",
        ),
        ("Shelling on Easter Monday killed two in Kherson.", date(2023, 4, 20), "2023-04-10"),
        (
            "A drone hit a church in Zaporizhzhia on Good Friday, killing one.",
            date(2024, 3, 30),
            "2024-03-29",
        ),
        (
            "Russian strikes on Orthodox Easter killed three in Kharkiv.",
            date(2023, 4, 17),
            "2023-04-16",
        ),
        # fixed days, the year before when the paper is early in January
        (
            "Gunmen killed 12 villagers in Plateau State on Christmas Eve.",
            date(2024, 1, 2),
            "2023-12-24",
        ),
        (
            "An air strike on Christmas Day killed 70 in Maghazi camp.",
            date(2023, 12, 26),
            "2023-12-25",
        ),
        ("Shelling of Belgorod on New Year's Eve killed 25.", date(2024, 1, 3), "2023-12-31"),
        ("A blast on New Year’s Day killed eight in Kabul.", date(2024, 1, 1), "2024-01-01"),
    ],
)
def test_a_named_day_dates_the_event(text: str, published: date, expected: str) -> None:
    assert claim_date(text, text, published) == expected


def test_a_named_day_without_a_publication_date_is_unknown() -> None:
    text = "Bombs at three churches on Easter Sunday killed 250 people in Colombo."
    (expr,) = find_date_expressions(text)
    assert expr.kind == "holiday"
    assert resolve_expression(expr, None, text=text) is None


def test_lower_case_words_are_not_holidays() -> None:
    text = "Fighters in North Kivu said the christmas day truce was broken."
    assert not [e for e in find_date_expressions(text) if e.kind == "holiday"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a weekend is two days, no wider than "overnight": it dates the attack itself
        (
            "Rebels attacked two army posts in Nduga over the weekend, killing 13 soldiers.",
            date(2023, 4, 18),
            "2023-04-15/2023-04-16",
        ),
        (
            "Drone strikes over the weekend killed 9 in Khartoum, the army said on Tuesday.",
            date(2024, 6, 11),
            "2024-06-08/2024-06-09",
        ),
        (
            "Militants killed 11 soldiers in Tillaberi last weekend.",
            date(2023, 8, 16),
            "2023-08-12/2023-08-13",
        ),
        # read on a Sunday, "over the weekend" stops at that Sunday
        (
            "Clashes in Kashmir over the weekend left four militants dead.",
            date(2024, 5, 12),
            "2024-05-11/2024-05-12",
        ),
    ],
)
def test_a_weekend_dates_its_event(text: str, published: date, expected: str) -> None:
    assert claim_date(text, text, published, default="2000-01-01") == expected
