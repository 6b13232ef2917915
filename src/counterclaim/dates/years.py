"""Calendar dates written out, publication-date lines, and the year a text leaves out.

``dateparser`` reads date phrases; the weekday and year logic against the publication
date is our own, because news text says "on Saturday (Jan 31)" and leaves the year out.
This is the bottom layer of :mod:`counterclaim.dates`: ingest uses it alone to find a
document's publication date, and the phrase and event modules build on its month and
weekday tables.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

# each month's spellings, its full name last
_MONTH_SPELLINGS = [
    ("jan", "january"),
    ("feb", "february"),
    ("mar", "march"),
    ("apr", "april"),
    ("may",),
    ("jun", "june"),
    ("jul", "july"),
    ("aug", "august"),
    ("sep", "sept", "september"),
    ("oct", "october"),
    ("nov", "november"),
    ("dec", "december"),
]
MONTHS = {name: number for number, names in enumerate(_MONTH_SPELLINGS, start=1) for name in names}
MONTH_NAMES = tuple(names[-1] for names in _MONTH_SPELLINGS)  # lowercase, in order
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
MONTH_PATTERN = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_FULL_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{MONTH_PATTERN})|(?P<m2>{MONTH_PATTERN})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)"
    r",?\s+(?P<y>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")
_DMY_NUMERIC = re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)\b")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_PATTERN = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)"
)
YEAR_PATTERN = r"(?:19|20)\d\d"


def month_number(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=64)
def find_full_dates(text: str) -> list[date]:
    """Every explicit day-month-year date in a text, in order."""
    found: list[date] = []
    for m in _FULL_DATE.finditer(text):
        month = month_number(m.group("m1") or m.group("m2"))
        day = int(m.group("d1") or m.group("d2"))
        if month and (d := safe_date(int(m.group("y")), month, day)):
            found.append(d)
    for m in _ISO.finditer(text):
        if d := safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d"))):
            found.append(d)
    return found


# "— Iván Duque (@IvanDuque) January 17, 2019": an embedded post's date, not the article's
_DIGIT = re.compile(r"\d")
_POST_SIGNATURE = re.compile(r"\(@\w+\)|pic\.twitter\.com|^[—–-]\s*\S.*@\w")


def parse_date_line(line: str) -> date | None:
    """The date of a short header line that is mostly a date ("Wednesday, February 05, 2025")."""
    stripped = line.strip(" |")
    if not stripped or len(stripped) > 90:
        return None
    # most lines have no digit, and every date below has one: skip the scans
    if not _DIGIT.search(stripped) or _POST_SIGNATURE.search(stripped):
        return None
    found = find_full_dates(stripped) or [
        d
        for m in _DMY_NUMERIC.finditer(stripped)
        if (d := safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d"))))
    ]
    if not found:
        return None
    words = re.findall(r"[A-Za-z]{4,}", stripped)
    non_date = [
        w
        for w in words
        if w.lower() not in MONTHS
        and w.lower() not in WEEKDAYS
        and w.lower() not in {"updated", "published", "posted"}
    ]
    # A line of prose that happens to contain a date is not a date line.
    if len(non_date) > 3:
        return None
    return found[0]


def parse_iso_or_text(value: str) -> date | None:
    value = value.strip()
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?", value):
        return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    found = find_full_dates(value)
    if found:
        return found[0]
    return _dateparser(value)


@lru_cache(maxsize=4096)
def _dateparser(value: str) -> date | None:
    import dateparser

    parsed = dateparser.parse(value, languages=["en"])
    return parsed.date() if parsed else None


def year_for_weekday(month: int, day: int, weekday: int, near: int | None = None) -> int | None:
    """The year, closest to ``near`` (default: this year), in which month/day is that weekday."""
    near = near or date.today().year
    for offset in sorted(range(-12, 13), key=abs):
        d = safe_date(near + offset, month, day)
        if d and d.weekday() == weekday:
            return d.year
    return None


_WEEKDAY_DATE = re.compile(
    r"\b(?P<wd>Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:rs(?:day)?)?|Fri(?:day)?|"
    r"Sat(?:urday)?|Sun(?:day)?)\b\.?,?[ \t]*\(?[ \t]*"
    rf"(?:(?P<m1>{MONTH_PATTERN})\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTH_PATTERN}))\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=64)
def weekday_date_pairs(text: str) -> list[tuple[int, int, int]]:
    """(month, day, weekday) for each "Saturday (Jan 31)" / "Sunday, 12 October" in a text."""
    pairs = []
    for m in _WEEKDAY_DATE.finditer(text):
        month = month_number(m.group("m1") or m.group("m2"))
        day = int(m.group("d1") or m.group("d2"))
        weekday = WEEKDAYS.get(m.group("wd").lower().rstrip("."))
        if weekday is None:
            weekday = WEEKDAYS.get(m.group(0).split()[0].lower().strip(",.("))
        if month and weekday is not None:
            pairs.append((month, day, weekday))
    return pairs


def infer_year(month: int | None, day: int, text: str, near: int | None = None) -> int | None:
    """The year of a month/day given without one, from the text's other dates.

    First a weekday-date pair for the same day ("Saturday (Jan 31)"); then the nearest full
    date in the text (a date shortly after an explicit "December 14, 2024" is in 2025); then
    a weekday-date pair for another day; last, a weekday named in the dateline paragraph of
    that day ("July 10 (UPI) -- ... on Thursday": the latest year, not after ``near`` (default:
    today), in which July 10 is a Thursday).
    """
    if not month:
        return None
    for m, d, weekday in weekday_date_pairs(text):
        if (m, d) == (month, day):
            return year_for_weekday(month, day, weekday, near)
    explicit = find_full_dates(text)
    if explicit:
        best = None
        for anchor in explicit:
            for year in (anchor.year - 1, anchor.year, anchor.year + 1):
                candidate = safe_date(year, month, day)
                if candidate is None:
                    continue
                gap = abs((candidate - anchor).days)
                if best is None or gap < best[0]:
                    best = (gap, year)
        if best and best[0] <= 200:
            return best[1]
    for m, d, weekday in weekday_date_pairs(text):
        year = year_for_weekday(m, d, weekday, near)
        if year:
            candidate = safe_date(year, month, day)
            if candidate and abs((candidate - date(year, m, d)).days) < 200:
                return year
    return _year_from_dateline_weekday(month, day, text, near)


def shift(day: date, days: int) -> date:
    return day + timedelta(days=days)


def year_before(month: int, day: int, published: date, *, tolerance_days: int = 1) -> int | None:
    """The year that puts month/day closest before ``published`` (or up to a day after it)."""
    latest = published + timedelta(days=tolerance_days)
    for year in (published.year + 1, published.year, published.year - 1, published.year - 2):
        candidate = safe_date(year, month, day)
        if candidate is not None and candidate <= latest:
            return year
    return None  # 29 February with no leap year in reach


def latest_year_with_weekday(month: int, day: int, weekday: int, latest: date) -> int | None:
    """The latest year, with month/day not after ``latest``, in which month/day is ``weekday``."""
    for year in range(latest.year, latest.year - 29, -1):
        candidate = safe_date(year, month, day)
        if candidate is not None and candidate <= latest and candidate.weekday() == weekday:
            return year
    return None


_DATELINE_HEAD = re.compile(
    rf"^(?:[^\n]{{0,80}}?,\s*)?(?P<m>{MONTH_PATTERN})\s*(?P<d>\d{{1,2}})(?:,?\s*{YEAR_PATTERN})?\s*\(",
    re.IGNORECASE,
)
_PLAIN_WEEKDAY = re.compile(rf"(?<!last )(?<!next )\b(?P<wd>{WEEKDAY_PATTERN})\b")
_SAID_ON_WEEKDAY = re.compile(
    rf"\b(?:said|says|told|announced|reported|added|confirmed|stated)\b[^.;]{{0,30}}?"
    rf"\b(?:on\s+)?(?P<wd>{WEEKDAY_PATTERN})\b",
    re.IGNORECASE,
)


def _year_from_dateline_weekday(month: int, day: int, text: str, near: int | None) -> int | None:
    """The year from a weekday in the paragraph opened by a "July 10 (UPI) --" dateline.

    Wire copy names the dateline's own day by its weekday ("... on Thursday"), so the year is
    the latest one, not after ``near`` (default: today), in which that day has that weekday.
    """
    for paragraph in [p for p in text.split("\n") if p.strip()][:8]:
        head = _DATELINE_HEAD.match(paragraph.strip())
        if not head or (month_number(head.group("m")), int(head.group("d"))) != (month, day):
            continue
        # the day it was said on is the report's ("killed 23 soldiers on Sunday, the
        # ministry said on Monday"); else the first weekday named
        weekday = _SAID_ON_WEEKDAY.search(paragraph, head.end()) or _PLAIN_WEEKDAY.search(
            paragraph, head.end()
        )
        if weekday is None:
            return None
        latest = date(near, 12, 31) if near else date.today()
        return latest_year_with_weekday(month, day, WEEKDAYS[weekday.group("wd").lower()], latest)
    return None


def infer_published(
    text: str, dateline: Mapping[str, Any] | None = None, *, near: int | None = None
) -> date | None:
    """A publication date from the page header's date lines, else the dateline's day.

    The last date line of the header wins (it sits closest to the body: the byline). A
    dateline without a year takes it from ``infer_year`` (the text's other dates, then a
    weekday named in the dateline paragraph).
    """
    found = None
    for line in text.split("\n")[:15]:
        candidate = parse_date_line(line)
        if candidate is not None:
            found = candidate
    if found is not None:
        return found
    if not dateline or not dateline.get("month") or not dateline.get("day"):
        return None
    month = month_number(str(dateline["month"]))
    day = int(dateline["day"])
    if not month:
        return None
    year = int(dateline["year"]) if dateline.get("year") else infer_year(month, day, text, near)
    return safe_date(year, month, day) if year else None
