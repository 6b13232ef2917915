"""Event dates: what a release dates, a coordinated "and said", captions, weekdays paired in
the text when there is no publication date."""

from __future__ import annotations

from datetime import date

import pytest

from counterclaim.dates import (
    dateline_date,
    event_date_for,
    expression_role,
    find_date_expressions,
    main_event_date,
    resolve_expression,
)


def role_of(text: str, surface: str) -> str:
    found = [e for e in find_date_expressions(text) if e.surface.endswith(surface)]
    assert found, find_date_expressions(text)
    return expression_role(text, found[0])


@pytest.mark.parametrize(
    ("text", "surface", "role"),
    [
        # people released are not a statement (the people say what happened to them)...
        ("The RSF released 41 detainees in Omdurman on Sunday.", "on Sunday", "event"),
        ("Hamas released three hostages in Gaza on Saturday.", "on Saturday", "event"),
        ("The M23 was releasing captured soldiers in Goma on Monday.", "on Monday", "event"),
        ("The junta released 300 inmates in Yangon on Thursday.", "on Thursday", "other"),
        # ...footage, a statement or figures released are
        (
            "The Houthis released video footage on Monday from the deck of the ship.",
            "on Monday",
            "statement",
        ),
        ("The ISPR released a statement on Tuesday about the raid.", "on Tuesday", "statement"),
        (
            "Kyiv released new figures on Friday for the Kursk region.",
            "on Friday",
            "statement",
        ),
        # a date before "and said" belongs to the first verb, an event
        (
            "Russia and Ukraine each freed 120 prisoners on Friday and said more would follow.",
            "on Friday",
            "event",
        ),
        (
            "The Tatmadaw freed 300 inmates on Thursday and said the amnesty marked a holiday.",
            "on Thursday",
            "event",
        ),
        # boarding and hijacking a ship are events
        ("Gunmen boarded the tanker off Aden on Sunday.", "on Sunday", "event"),
        ("Somali pirates hijacked a bulk carrier on Tuesday.", "on Tuesday", "event"),
        # a cease-fire declaration is not a statement about the fighting
        (
            "A ceasefire declaration on Monday did not stop the shelling of Marib.",
            "on Monday",
            "event",
        ),
        ("The governor declared on Monday that the road was open.", "on Monday", "statement"),
        # "from" before a possessive date is no range
        ("Deaths from Sunday's strike on Sumy rose to 35.", "Sunday's", "event"),
        ("Schools stayed shut from Monday until the curfew ended.", "Monday", "background"),
        # a press release is still what was said
        (
            "The army said in a press release on Wednesday that it was investigating.",
            "on Wednesday",
            "statement",
        ),
    ],
)
def test_release_and_coordination(text: str, surface: str, role: str) -> None:
    assert role_of(text, surface) == role


def test_an_event_beats_a_later_statement_date_in_the_lead() -> None:
    # Sunday the ship was boarded; Monday its owner spoke; the paper is of Tuesday
    text = (
        "A car carrier was boarded by armed men from a helicopter on Sunday and is now off "
        "Hodeidah, its owner told reporters on Monday.\n\n"
        "The Houthis released video footage on Monday showing the men seizing the vessel.\n"
    )
    assert main_event_date(text, date(2023, 11, 21)) == "2023-11-19"


@pytest.mark.parametrize(
    "caption",
    [
        "Freed soldiers during an earlier exchange. Both sides released 90 captives on "
        "March 4, 2025. (Defence Ministry/AFP)",
        "Rescuers search rubble in Kharkiv after a strike on January 9, 2025. (Reuters/Name)",
    ],
)
def test_a_photo_caption_does_not_date_the_report(caption: str) -> None:
    text = (
        f"{caption}\n\n"
        "KYIV: Ukraine and Russia each freed 150 prisoners of war on Friday and said another "
        "exchange was planned for the coming days.\n"
    )
    assert main_event_date(text, date(2025, 5, 23)) == "2025-05-23"


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a bare weekday without a publication date: the one the text dates in full
        (
            "Commandos stormed the cafe on Saturday morning.\n"
            "Troops guard the district in Dhaka, Bangladesh, Saturday, July 2, 2016.",
            "Saturday morning",
            "2016-07-02",
        ),
        (
            "Gunmen attacked a church in Owo, Ondo state, on Sunday.\n"
            "Mourners gather in Owo on Sunday, June 5, 2022.",
            "on Sunday",
            "2022-06-05",
        ),
        # two different Fridays written in full: no way to tell which
        (
            "Militants raided a post in Tillaberi on Friday.\n"
            "An earlier raid came on Friday, March 3, 2023 and another on Friday, March 10, 2023.",
            "on Friday",
            None,
        ),
        # a weekday the text pairs with nothing stays undated
        ("The Tatmadaw shelled a village in Sagaing on Wednesday.", "on Wednesday", None),
        # "last Friday" counts from a publication date the text does not give
        (
            "Rebels shelled Goma last Friday.\nResidents flee on Friday, January 24, 2025.",
            "last Friday",
            None,
        ),
    ],
)
def test_a_weekday_without_publication_date(text: str, surface: str, expected: str | None) -> None:
    expr = next(e for e in find_date_expressions(text) if e.surface.endswith(surface))
    value = resolve_expression(expr, None, text=text)
    assert (value.iso() if value else None) == expected


def test_claim_dated_by_the_paired_weekday_without_publication_date() -> None:
    text = (
        "Security forces ended the siege on Saturday morning, killing six attackers.\n"
        "Soldiers stand guard in Dhaka, Saturday, July 2, 2016."
    )
    start = text.index("killing six attackers")
    got = event_date_for(start, start + len("killing six attackers"), text, None)
    assert got == "2016-07-02"


def test_date_lexicon_is_well_formed() -> None:
    from counterclaim.lexicon import load_data

    lexicon = load_data("lexicon/dates.yaml")
    for key in ("fillers", "report_words", "report_prefixes", "event_words", "event_prefixes"):
        words = lexicon[key].split()
        assert words and all(w == w.lower() for w in words), key
    assert all(isinstance(cost, int) and cost > 0 for cost in lexicon["barriers"].values())
    assert lexicon["number_words"]["forty-eight"] == 48


def claim(text: str, evidence: str, published: date | None, default: str | None = None):
    start = text.index(evidence)
    return event_date_for(start, start + len(evidence), text, published, default=default)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the fighting came the day(s) before the day the sentence names
        (
            "A truce on the Kyrgyz-Tajik border held on Friday after a day of heavy fighting "
            "that killed 31 people.",
            date(2021, 4, 30),
            "2021-04-29",
        ),
        (
            "Calm returned to Tripoli on Sunday following two days of clashes between rival "
            "militias that left 32 dead.",
            date(2022, 8, 28),
            "2022-08-26/2022-08-27",
        ),
        (
            "Shelling eased in Kharkiv on Tuesday after a night of drone strikes that wounded "
            "nine people.",
            date(2024, 5, 14),
            "2024-05-13/2024-05-14",
        ),
        # no day named before: counted from the publication date
        (
            "After three days of fighting in Wad Madani, the RSF said 60 of its men had died.",
            date(2023, 12, 20),
            "2023-12-17/2023-12-19",
        ),
    ],
)
def test_a_toll_after_days_of_fighting(text: str, published: date, expected: str) -> None:
    assert claim(text, text, published) == expected  # the evidence is the whole sentence


def test_the_days_of_fighting_are_the_main_event() -> None:
    text = (
        "Calm returned to the villages of Poonch on Thursday following two days of shelling "
        "that killed seven villagers.\n\nOfficials in Muzaffarabad counted the damage.\n"
    )
    assert main_event_date(text, date(2025, 5, 9)) == "2025-05-06/2025-05-07"


def test_the_date_nearest_the_casualty_word_dates_a_whole_sentence() -> None:
    text = (
        "Talks resumed in Doha on Monday, a week after an Israeli strike on Khan Younis on "
        "March 3 killed 14 people."
    )
    assert claim(text, text, date(2025, 3, 10)) == "2025-03-03"


@pytest.mark.parametrize(
    ("text", "evidence", "expected"),
    [
        # no publication date: the dateline's day is the report's
        (
            "BAMAKO, July 27, 2024 (Reuters) - Jihadists ambushed a convoy near Tinzaouaten on "
            "Thursday, killing 15 soldiers, the army said.",
            "killing 15 soldiers",
            "2024-07-25",
        ),
        (
            "KHARTOUM, Nov. 3, 2023 (Xinhua) -- An RSF shell hit a market in Omdurman "
            "yesterday, killing nine civilians.",
            "killing nine civilians",
            "2023-11-02",
        ),
        (
            "PESHAWAR, 14 March 2025 (AA) - Militants stormed a checkpost overnight, and four "
            "policemen died in the attack.",
            "four policemen died",
            "2025-03-13/2025-03-14",
        ),
    ],
)
def test_a_dateline_anchors_a_report_without_publication_date(
    text: str, evidence: str, expected: str | None
) -> None:
    main = main_event_date(text, None)
    assert claim(text, evidence, None, main) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GAZA CITY, Oct. 9, 2023 (AFP) - Strikes went on.", date(2023, 10, 9)),
        ("Kyiv, 5 June 2024 /Ukrinform/ - Drones hit a depot.", date(2024, 6, 5)),
        # a date in running text is not a dateline
        ("Villagers fled Ituri. A report was filed on March 3, 2024 by an official.", None),
        # a dateline of a range or a month is no day
        ("Troops entered Bakhmut in May 2023, officials said.", None),
    ],
)
def test_dateline_date(text: str, expected: date | None) -> None:
    assert dateline_date(text) == expected


@pytest.mark.parametrize(
    ("text", "evidence", "published", "expected"),
    [
        # a toll that has risen since the attack covers the days up to when it was given
        (
            "The toll from the October 7 raid on the kibbutz has risen to 52, the army said "
            "on Tuesday.",
            "has risen to 52",
            date(2023, 10, 10),
            "2023-10-07/2023-10-10",
        ),
        (
            "Deaths from Friday's bombing of the Peshawar mosque climbed to 101.",
            "climbed to 101",
            date(2023, 2, 5),
            "2023-02-03/2023-02-05",
        ),
        # a toll given for the day of the attack is that day
        (
            "The October 7 raid on the kibbutz killed 52, the army said on Tuesday.",
            "killed 52",
            date(2023, 10, 10),
            "2023-10-07",
        ),
        # an attack months back is not a toll still rising
        (
            "The toll of the June 3 attack in Solhan has risen to 160.",
            "has risen to 160",
            date(2021, 9, 20),
            "2021-06-03",
        ),
    ],
)
def test_a_risen_toll_spans_to_its_statement(
    text: str, evidence: str, published: date, expected: str
) -> None:
    assert claim(text, evidence, published) == expected


@pytest.mark.parametrize(
    ("text", "surface", "role"),
    [
        (
            "The 12 villagers killed in the raid were buried on Thursday.",
            "on Thursday",
            "background",
        ),
        (
            "Relatives on Friday mourned the 30 people killed in the bombing.",
            "on Friday",
            "background",
        ),
        (
            "Hundreds attended the funeral on Friday of the nine soldiers.",
            "on Friday",
            "background",
        ),
        # the event's own day, nearer its event word than the burial's
        (
            "Gunmen killed 12 villagers on Tuesday and the victims were buried later.",
            "on Tuesday",
            "event",
        ),
        ("A bomber killed 20 worshippers during Friday prayers.", "Friday", "event"),
        ("Mourners held a vigil on Sunday for the 14 people killed.", "on Sunday", "background"),
        # words that only begin like one: vigilantes, an interrogation
        ("Twelve bandits were killed by vigilantes on Monday near Zurmi.", "on Monday", "event"),
        ("Two suspects were shot and interrogated on Monday.", "on Monday", "event"),
    ],
)
def test_a_burial_or_mourning_has_a_day_of_its_own(text: str, surface: str, role: str) -> None:
    assert role_of(text, surface) == role


def test_a_claim_told_with_its_burial_takes_the_reports_main_date() -> None:
    text = (
        "Gunmen raided the village of Kauru on Tuesday.\n"
        "The 12 villagers killed in the raid were buried on Thursday, residents said."
    )
    start = text.index("The 12")
    found = event_date_for(start, len(text), text, date(2026, 10, 16), default="2026-10-13")
    assert found == "2026-10-13"
