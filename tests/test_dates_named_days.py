"""Event dates: named days (holidays) and weekends as the date of an event."""

from __future__ import annotations

from datetime import date

import pytest

from counterclaim.dates import (
    event_date_for,
    expression_role,
    find_date_expressions,
    main_event_date,
    resolve_expression,
    written_date,
)


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
        # the name's later words in any case
        (
            "Bandits killed nine herders on Christmas eve in Zamfara.",
            date(2023, 12, 27),
            "2023-12-24",
        ),
        ("A car bomb on New Year's day killed six in Mogadishu.", date(2024, 1, 2), "2024-01-01"),
        # a day described ("a black Christmas day") is not the day the event is dated by
        (
            "It was a black Christmas day for the villages of Bokkos, where gunmen killed 60 "
            "people in a midnight raid on Christmas Eve.",
            date(2023, 12, 27),
            "2023-12-24",
        ),
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


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # after "on", "Month D and D" is a range when punctuation or a preposition follows
        (
            "On February 24 and 25, jihadists attacked bases across Burkina Faso, killing dozens.",
            date(2024, 4, 26),
            "2024-02-24/2024-02-25",
        ),
        (
            "Israeli strikes on Oct. 3 and 5 in Jabalia killed 40 people.",
            date(2023, 10, 9),
            "2023-10-03/2023-10-05",
        ),
        (
            "On May 2 and May 4, 2024, drones hit the port of Odesa, wounding 14.",
            date(2024, 5, 10),
            "2024-05-02/2024-05-04",
        ),
        (
            "Fighting on June 11 and 12 near Goma killed 30, the army said.",
            date(2024, 6, 15),
            "2024-06-11/2024-06-12",
        ),
    ],
)
def test_a_day_pair_after_on_is_a_range(text: str, published: date, expected: str) -> None:
    assert claim_date(text, text, published) == expected


def test_a_day_and_a_count_after_on_are_not_a_range() -> None:
    text = "In Sagaing on March 4 and 12 soldiers were killed in the ambush."
    assert claim_date(text, text, date(2024, 3, 10)) == "2024-03-04"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a toll counted from the day a named thing began runs to the report's day
        (
            "More than 1,000 people have been arrested since a state of emergency began on Monday, the government said.",
            date(2024, 1, 14),
            "2024-01-08/2024-01-14",
        ),
        (
            "At least 300 were killed in Gaza since the offensive was launched on Oct. 7, officials said.",
            date(2023, 10, 10),
            "2023-10-07/2023-10-10",
        ),
        (
            "Some 40 civilians died in Khartoum since the fighting erupted on Saturday.",
            date(2023, 4, 18),
            "2023-04-15/2023-04-18",
        ),
        (
            "Police detained 90 in Karachi since the curfew was imposed on March 3.",
            date(2024, 3, 6),
            "2024-03-03/2024-03-06",
        ),
    ],
)
def test_since_a_named_beginning_is_a_range(text: str, published: date, expected: str) -> None:
    assert claim_date(text, text, published, default="2000-01-01") == expected


# A copy put online days after it was written: its weekdays count from its own date line
_XINHUA_COPY = """Rebels claim the border attack

By Xinhua
December 25, 2023

The rebel group claimed an attack that left 20 dead on Friday night in Gatumba.

On Saturday afternoon, Jerome Niyonzima, a spokesman, told the press that gunmen had hit nine homes, killing 20 persons.
"""


def test_a_date_line_under_the_byline_dates_the_weekdays() -> None:
    published = date(2023, 12, 29)  # the page's date, four days after the wire story
    assert main_event_date(_XINHUA_COPY, published) == "2023-12-22"
    evidence = "killing 20 persons"
    assert claim_date(_XINHUA_COPY, evidence, published, default="2023-12-22") == "2023-12-22"


@pytest.mark.parametrize(
    ("line", "published", "expected"),
    [
        ("March 2, 2024", date(2024, 3, 5), date(2024, 3, 2)),
        ("Updated 09 Jan, 2025 11:55pm", date(2025, 1, 9), date(2025, 1, 9)),  # the same day
        ("Friday, September 27, 2024", date(2024, 9, 23), date(2024, 9, 23)),  # a later banner
        ("June 1, 2023", date(2024, 6, 10), date(2024, 6, 10)),  # a year older: not this report
    ],
)
def test_written_date(line: str, published: date, expected: date) -> None:
    text = f"Headline about Kherson\n{line}\nShelling killed three in Kherson on Tuesday."
    assert written_date(text, published) == expected


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # the date opens a clause whose subject is named and described before the verb
        (
            "On Monday, Ahmed Jawad, a police officer in Quetta, said that militants had killed six.",
            "statement",
        ),
        (
            "On Sunday, Yahya Saree, the Houthi military spokesman, claimed the group had hit a ship.",
            "statement",
        ),
        (
            "On Tuesday, Colonel Abdoul Aziz, the army spokesman, told reporters that 40 were killed.",
            "statement",
        ),
        # ...but an opening date of a clause that reports nothing still dates its event
        ("On Saturday, 307 servicemen came home, according to the ministry.", "event"),
        (
            "On Wednesday, gunmen in Zamfara, a state in Nigeria, abducted 40 villagers, police said.",
            "event",
        ),
        ("On Friday, Israeli strikes on Rafah killed 20, the ministry said.", "event"),
    ],
)
def test_an_opening_date_and_the_apposition_of_a_speaker(text: str, role: str) -> None:
    (expr,) = [e for e in find_date_expressions(text) if e.start == 0]
    assert expression_role(text, expr) == role


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "overnight" runs into the day its sentence names
        (
            "Gunmen seized a cafe in Dhaka overnight, killing 20 hostages in a siege that ended Saturday morning.",
            None,
            None,
        ),
        (
            "Drones struck Odesa overnight, killing three, before the alert ended on Tuesday.",
            date(2024, 3, 14),
            "2024-03-11/2024-03-12",
        ),
        (
            "Militants overran a post in North Waziristan overnight, killing seven soldiers, the army said on Friday.",
            date(2024, 3, 18),
            "2024-03-14/2024-03-15",
        ),
        # no day named: D-1/D as before
        (
            "Israeli strikes overnight killed 30 in Rafah, officials said.",
            date(2024, 2, 12),
            "2024-02-11/2024-02-12",
        ),
    ],
)
def test_overnight_runs_into_the_day_its_sentence_names(
    text: str, published: date | None, expected: str | None
) -> None:
    assert claim_date(text, text, published) == expected


def test_overnight_without_a_publication_date_takes_a_day_dated_in_full() -> None:
    text = (
        "Gunmen seized a cafe in Dhaka overnight, killing 20 hostages in a siege that ended"
        " Saturday morning.\nTroops stormed it on Saturday, July 2, 2016."
    )
    evidence = "killing 20 hostages"
    assert claim_date(text, evidence, None) == "2016-07-01/2016-07-02"


@pytest.mark.parametrize(
    "text",
    [
        "The governor said Ukrainian forces shelled the centre of Belgorod. Two children died.",
        "Gunmen stormed a school in Katsina State and abducted dozens of pupils, police said.",
        "An Israeli strike hit a tent camp in Mawasi, killing at least 12, medics said.",
    ],
)
def test_a_report_naming_no_day_is_the_news_of_its_publication_day(text: str) -> None:
    assert main_event_date(text, date(2023, 12, 30)) == "2023-12-30"
    assert main_event_date(text, None) is None  # without D nothing dates it


@pytest.mark.parametrize(
    "text",
    [
        # a day is named, but none dates the news: it stays unknown
        "The governor said the city was first shelled in 2014. Two children died.",
        "Rebels in Kachin recalled the ceasefire agreed in June 2011 and said 30 soldiers were killed.",
    ],
)
def test_a_report_naming_only_old_days_stays_undated(text: str) -> None:
    assert main_event_date(text, date(2023, 12, 30)) is None


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # of several dates in the lead's sentence, the one nearest the deaths is the news
        (
            "Sporadic skirmishes went on Friday on the Kyrgyz-Tajik border despite a truce "
            "following a day of intense clashes that killed more than 20 people.",
            date(2021, 4, 30),
            "2021-04-29",
        ),
        (
            "Talks resumed in Doha on Monday, a day after Israeli strikes on Sunday killed 40 "
            "people in Nuseirat, medics said.",
            date(2024, 6, 11),
            "2024-06-09",
        ),
        (
            "The junta lifted a curfew in Sagaing on Tuesday after air strikes on Sunday "
            "wounded 30 villagers and destroyed a school.",
            date(2024, 3, 6),
            "2024-03-03",
        ),
        # one date in the sentence: it stays, casualty word or not
        (
            "Houthi forces fired missiles at a tanker in the Red Sea on Thursday, injuring "
            "two crew members, officials said.",
            date(2024, 2, 9),
            "2024-02-08",
        ),
    ],
)
def test_the_lead_date_nearest_the_casualties(text: str, published: date, expected: str) -> None:
    assert main_event_date(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # fighting said to have broken out a day or a few before the main event's day
        (
            "Border clashes that killed 13 people went on Thursday.\n"
            "Officials in Batken and Isfara traded blame.\n"
            "The latest conflict erupted on Wednesday when guards argued over a water intake.",
            date(2021, 4, 30),
            "2021-04-28/2021-04-29",
        ),
        (
            "Fighting in El Fasher killed 27 civilians on Sunday, medics said.\n"
            "The clashes broke out on Friday when the RSF shelled the city's south.",
            date(2024, 5, 13),
            "2024-05-10/2024-05-12",
        ),
        # a war that began long before is its history, not the day's event
        (
            "Shelling killed four civilians in Kherson on Sunday, officials said.\n"
            "The conflict began on February 24, 2022, with a full-scale invasion.",
            date(2024, 5, 13),
            "2024-05-12",
        ),
        # something other than fighting began: no range
        (
            "An air strike killed 12 in Idlib on Sunday, rescuers said.\n"
            "Talks began on Friday in Astana.",
            date(2024, 5, 13),
            "2024-05-12",
        ),
    ],
)
def test_fighting_from_its_outbreak(text: str, published: date, expected: str) -> None:
    assert main_event_date(text, published) == expected
