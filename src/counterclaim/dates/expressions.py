"""Dates: publication-date lines, year inference, and event dates of claims.

``dateparser`` reads date phrases; the weekday and year logic against the publication
date is our own, because news text says "on Saturday (Jan 31)" and leaves the year out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

MONTHS = {
    name: number
    for number, names in enumerate(
        [
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
        ],
        start=1,
    )
    for name in names
}
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
_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_FULL_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH_RE})|(?P<m2>{_MONTH_RE})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)"
    r",?\s+(?P<y>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")
_DMY_NUMERIC = re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)\b")


def month_number(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_full_dates(text: str) -> list[date]:
    """Every explicit day-month-year date in a text, in order."""
    found: list[date] = []
    for m in _FULL_DATE.finditer(text):
        month = month_number(m.group("m1") or m.group("m2"))
        day = int(m.group("d1") or m.group("d2"))
        if month and (d := _safe_date(int(m.group("y")), month, day)):
            found.append(d)
    for m in _ISO.finditer(text):
        if d := _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d"))):
            found.append(d)
    return found


def parse_date_line(line: str) -> date | None:
    """The date of a short header line that is mostly a date ("Wednesday, February 05, 2025")."""
    stripped = line.strip(" |")
    if not stripped or len(stripped) > 90:
        return None
    found = find_full_dates(stripped) or [
        d
        for m in _DMY_NUMERIC.finditer(stripped)
        if (d := _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d"))))
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
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
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
        d = _safe_date(near + offset, month, day)
        if d and d.weekday() == weekday:
            return d.year
    return None


_WEEKDAY_DATE = re.compile(
    r"\b(?P<wd>Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:rs(?:day)?)?|Fri(?:day)?|"
    r"Sat(?:urday)?|Sun(?:day)?)\b\.?,?[ \t]*\(?[ \t]*"
    rf"(?:(?P<m1>{_MONTH_RE})\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_RE}))\b",
    re.IGNORECASE,
)


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
                candidate = _safe_date(year, month, day)
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
            candidate = _safe_date(year, month, day)
            if candidate and abs((candidate - date(year, m, d)).days) < 200:
                return year
    return _year_from_dateline_weekday(month, day, text, near)


def shift(day: date, days: int) -> date:
    return day + timedelta(days=days)


# -- dates of events -------------------------------------------------------------------------
# The conventions (see shared/eval/ANNOTATION.md, "Dates"), decided once here:
# - a weekday is the most recent such day on or before the publication date D (D itself when
#   D is that weekday); "last Friday" is strictly before D, "next Monday" strictly after;
# - a night spills into the next day, like "overnight" in an article of day D (D-1/D):
#   "last night" and "during the night" are D-1/D, "Saturday night" is Sat/Sun (Sat alone
#   when Saturday is D), "overnight into Sunday" and "overnight Sunday" are Sat/Sun;
# - "over the past N hours" covers the N/24 calendar days ending on D (24 h: D; 48 h: D-1/D;
#   72 h: D-2/D), and "over the past N days" likewise; "the past week" is D-6/D;
# - "last week" is the previous calendar week, Monday to Sunday; "this week" is its Monday to
#   D; "last weekend" the Saturday and Sunday before this week. They are dates, but too wide
#   to be the date of a report's main event;
# - "the day before", "the next day", "that day", "two days earlier" count from the nearest
#   date mentioned before them, or from D when there is none;
# - a day and month without a year take the year that puts them closest before D, allowing
#   one day after D (a dateline or header a time zone behind); without D the year comes from
#   the text (``infer_year``, the weekday of a weekday-date pair), else there is no date;
# - without D, weekdays and relative dates resolve to nothing.

KINDS: tuple[str, ...] = ("explicit", "weekday", "relative", "weekday_date")
MAIN_EVENT_MAX_DAYS = 3  # wider ranges ("last week") never stand for a report's main event
LEAD_PARAGRAPHS = 3
LEAD_MAX_AGE_DAYS = 45  # a lead's date older than this is background, not the news
RECENT_MAX_AGE_DAYS = 10  # the same for dates found after the lead


@dataclass(frozen=True, slots=True)
class DateValue:
    """A day or an inclusive range of days."""

    start: date
    end: date

    def iso(self) -> str:
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    def __str__(self) -> str:
        return self.iso()

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, other: DateValue) -> bool:
        return self.start <= other.start and other.end <= self.end

    @classmethod
    def parse(cls, value: str) -> DateValue | None:
        """The inverse of ``iso``: "2025-10-12" or "2025-10-11/2025-10-12"."""
        parts = value.strip().split("/")
        if len(parts) not in (1, 2):
            return None
        days = []
        for part in parts:
            m = _ISO_ONLY.fullmatch(part.strip())
            found = m and _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if not found:
                return None
            days.append(found)
        if days[-1] < days[0]:
            return None
        return cls(days[0], days[-1])


_ISO_ONLY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class DateExpression:
    """A date phrase found in a text, with what it says before resolution.

    ``kind`` is one of ``KINDS``. Explicit and weekday-date phrases fill ``month``/``day``
    (and ``year`` when stated); weekday phrases fill ``weekday`` (0 = Monday) and
    ``direction`` (-1 "last Friday", +1 "next Monday"); relative phrases fill ``offset``
    (first and last day relative to the anchor, in ``unit`` of days, weeks or weekends)
    and ``anaphoric`` when the anchor is the date mentioned before rather than the
    publication date. ``extend`` widens a resolved day: (0, 1) for "Saturday night",
    (-1, 0) for "overnight into Sunday".
    """

    start: int
    end: int
    surface: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    direction: int = 0
    offset: tuple[int, int] | None = None
    unit: str = "day"
    anaphoric: bool = False
    extend: tuple[int, int] = (0, 0)


_MONTH_NAME = _MONTH_RE.removesuffix(r"\.?")  # a day-month phrase leaves the full stop
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)"
_YEAR = r"(?:19|20)\d\d"
_ORD = r"(?:st|nd|rd|th)?"
_PART = r"(?:morning|afternoon|evening|night)"
_POSS = r"(?:['’]s)?"
_ON = r"(?:(?i:on|early|late|early\s+on|late\s+on)\s+)?"
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_NUMBER_WORDS |= {"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11}
_NUMBER_WORDS |= {"twelve": 12, "fourteen": 14, "twenty-four": 24, "thirty-six": 36}
_NUMBER_WORDS |= {"forty-eight": 48, "seventy-two": 72, "ninety-six": 96}
_NUM = (
    r"(?P<n>\d{1,3}|"
    + "|".join(w.replace("-", r"[\s-]") for w in sorted(_NUMBER_WORDS, key=len, reverse=True))
    + ")"
)

_WEEKDAY_DATE_EXPR = re.compile(
    rf"\b{_ON}(?P<wd>{_WD})\.?(?:\s+(?P<part>{_PART}))?,?\s*(?P<open>\()?\s*"
    rf"(?:(?P<m1>{_MONTH_RE})\s+(?P<d1>\d{{1,2}}){_ORD}|(?:the\s+)?(?P<d2>\d{{1,2}}){_ORD}\s+"
    rf"(?:of\s+)?(?P<m2>{_MONTH_NAME}))\b(?:\.?,?\s+(?P<y>{_YEAR})\b)?(?(open)\s*\))",
    re.IGNORECASE,
)
_EXPLICIT_EXPRS = [
    re.compile(rf"\b{_ON}(?P<y>{_YEAR})-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    re.compile(rf"\b{_ON}(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>{_YEAR})\b"),
    re.compile(
        rf"\b{_ON}(?P<night>(?:the\s+)?night\s+of\s+)?(?P<mn>{_MONTH_RE})\s+(?P<d>\d{{1,2}}){_ORD}"
        rf"(?![\d:])\b(?:,?\s+(?P<y>{_YEAR})\b)?",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b{_ON}(?P<night>(?:the\s+)?night\s+of\s+)?(?:the\s+)?(?P<d>\d{{1,2}}){_ORD}\s+"
        rf"(?:of\s+)?(?P<mn>{_MONTH_NAME})\b(?:\.?,?\s+(?P<y>{_YEAR})\b)?",
        re.IGNORECASE,
    ),
]
_WEEKDAY_EXPR = re.compile(
    r"\b(?:(?P<pre>(?i:on|early|late|early\s+on|late\s+on|last|next|this|"
    r"overnight(?:\s+(?:on|into|to))?|(?:in\s+)?the\s+early\s+hours\s+of|"
    r"(?:on\s+|during\s+)?the\s+(?:night|morning|afternoon|evening)\s+of))\s+)?"
    rf"(?P<wd>{_WD})(?!\s*,?\s*\(?\s*{_MONTH_RE}\s+\d)"
    rf"(?:{_POSS}\s+(?P<part>{_PART}){_POSS}|{_POSS})"
    rf"(?:\s+(?i:to|into)\s+(?P<wd2>{_WD}))?\b"
)
# Names of days that are holidays or events, not dates.
_NOT_WEEKDAY_BEFORE = re.compile(
    r"(?:Black|Good|Ash|Bloody|Super|Holy|Palm|Easter|Cyber|Maundy|Giving)\s+$"
)

# (pattern, offset, unit, anaphoric, a word the text must contain for the pattern to match)
RelativePattern = tuple[re.Pattern[str], tuple[int, int] | None, str, bool, str]


def _relative(
    needs: str,
    pattern: str,
    offset: tuple[int, int] | None,
    unit: str = "day",
    anaphoric: bool = False,
) -> RelativePattern:
    """A relative-date pattern; an offset of None is computed from the number in the match."""
    return re.compile(pattern, re.IGNORECASE), offset, unit, anaphoric, needs


_PAST = r"\b(?:over|in|during|within|for)\s+the\s+(?:past|last|previous)\s+"
_NO_NOUN_AFTER = r"(?!\s+(?:the|a|an|his|her|its|their|this|that|of)\b)"
_RELATIVE_EXPRS: list[RelativePattern] = [
    _relative("yesterday", r"\bthe\s+day\s+before\s+yesterday\b", (-2, -2)),
    _relative(
        "yesterday",
        r"\b(?:(?:early|late|earlier|later)\s+)?yesterday(?:\s+(?:morning|afternoon|evening))?\b",
        (-1, -1),
    ),
    _relative("night", r"\b(?:(?:early|late)\s+)?(?:last|yesterday)\s+night\b", (-1, 0)),
    _relative("night", r"\b(?:during|in|through|throughout)\s+the\s+night\b(?!\s+of\b)", (-1, 0)),
    _relative("overnight", r"\bovernight\b", (-1, 0)),
    _relative("today", r"\b(?:(?:earlier|later|early|late)\s+)?today\b", (0, 0)),
    _relative(
        "this",
        r"\b(?:(?:earlier|later|early|late)\s+)?this\s+(?:morning|afternoon|evening)\b",
        (0, 0),
    ),
    _relative("tonight", r"\btonight\b", (0, 0)),
    _relative("hours", _PAST + _NUM + r"\s+hours\b", None, "hours"),
    _relative("days", _PAST + _NUM + r"\s+days\b", None, "days"),
    _relative("day", _PAST + r"day\b", (0, 0)),
    _relative("week", _PAST + r"week\b", (-6, 0)),
    _relative("ago", r"\b" + _NUM + r"\s+days?\s+ago\b", None, "days_ago"),
    _relative("ago", r"\b" + _NUM + r"\s+weeks?\s+ago\b", None, "weeks_ago"),
    _relative("week", r"\blast\s+week\b", (-1, -1), "week"),
    _relative("week", r"\b(?:earlier\s+)?this\s+week\b", (0, 0), "week"),
    _relative("weekend", r"\blast\s+weekend\b", (-1, -1), "weekend"),
    _relative("weekend", r"\bover\s+the\s+weekend\b", (0, 0), "weekend"),
    # Anaphoric: counted from the date mentioned before. "The day before the attack" has an
    # anchor of its own, which we do not read, so a following noun phrase rules it out.
    _relative(
        "day",
        r"\b(?:the\s+(?:day\s+before|previous\s+day|preceding\s+day|day\s+earlier)|"
        r"a\s+day\s+(?:earlier|before))\b" + _NO_NOUN_AFTER,
        (-1, -1),
        anaphoric=True,
    ),
    _relative(
        "day",
        r"\b(?:the\s+(?:next|following)\s+day|a\s+day\s+later|the\s+day\s+after)\b"
        + _NO_NOUN_AFTER,
        (1, 1),
        anaphoric=True,
    ),
    _relative(
        "day", r"\b(?:(?:earlier|later)\s+)?(?:that|the\s+same)\s+day\b", (0, 0), anaphoric=True
    ),
    _relative(
        "days",
        r"\b" + _NUM + r"\s+days\s+(?:earlier|before)\b" + _NO_NOUN_AFTER,
        None,
        "days_earlier",
        anaphoric=True,
    ),
    _relative("later", r"\b" + _NUM + r"\s+days\s+later\b", None, "days_later", anaphoric=True),
]


def _number(word: str) -> int | None:
    word = re.sub(r"[\s-]+", "-", word.lower())
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word) or _NUMBER_WORDS.get(word.replace("-", " "))


def _capitalised(word: str | None) -> bool:
    return word is not None and word[:1].isupper()


def _relative_offset(unit: str, n: int) -> tuple[tuple[int, int], str] | None:
    if n <= 0 or n > 366:
        return None
    if unit == "hours":
        return (-(-(-n // 24) - 1), 0), "day"  # ceil(n / 24) calendar days ending on D
    if unit == "days":
        return (-(n - 1), 0), "day"
    if unit == "days_ago":
        return (-n, -n), "day"
    if unit == "weeks_ago":
        return (-7 * n, -7 * n), "day"
    if unit == "days_earlier":
        return (-n, -n), "day"
    if unit == "days_later":
        return (n, n), "day"
    return None


def find_date_expressions(text: str) -> list[DateExpression]:
    """Every date phrase of a text, in order, without overlaps (the longest phrase wins)."""
    return list(_expressions(text))


@lru_cache(maxsize=64)
def _expressions(text: str) -> tuple[DateExpression, ...]:
    found: list[tuple[int, DateExpression]] = []  # (priority, expression)
    for m in _WEEKDAY_DATE_EXPR.finditer(text):
        month_word = m.group("m1") or m.group("m2")
        if not (_capitalised(m.group("wd")) and _capitalised(month_word)):
            continue
        month = month_number(month_word)
        day = int(m.group("d1") or m.group("d2"))
        year = int(m.group("y")) if m.group("y") else None
        if not month or not _safe_date(year or 2000, month, day):
            continue
        weekday = WEEKDAYS[m.group("wd").lower()]
        extend = (0, 1) if (m.group("part") or "").lower() == "night" else (0, 0)
        found.append(
            (0, _expression(m, "weekday_date", year=year, month=month, day=day,
                            weekday=weekday, extend=extend))
        )  # fmt: skip
    for pattern in _EXPLICIT_EXPRS:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            month_word = groups.get("mn")
            if month_word is not None:
                if not _capitalised(month_word):
                    continue
                month = month_number(month_word)
            else:
                month = int(groups["m"])
            day = int(groups["d"])
            year = int(groups["y"]) if groups.get("y") else None
            if not month or not _safe_date(year or 2000, month, day):
                continue
            extend = (0, 1) if groups.get("night") else (0, 0)
            found.append(
                (1, _expression(m, "explicit", year=year, month=month, day=day, extend=extend))
            )
    lowered = text.lower()
    for pattern, offset, unit, anaphoric, needs in _RELATIVE_EXPRS:
        if needs not in lowered:
            continue  # most patterns cannot match most texts: skip the scan
        for m in pattern.finditer(text):
            if "today" in m.group(0).lower() and _outlet_named_today(text, m):
                continue
            rel_offset, rel_unit = offset, unit
            if offset is None:
                n = _number(m.group("n"))
                converted = _relative_offset(unit, n) if n else None
                if converted is None:
                    continue
                rel_offset, rel_unit = converted
            found.append(
                (2, _expression(m, "relative", offset=rel_offset, unit=rel_unit,
                                anaphoric=anaphoric))
            )  # fmt: skip
    for m in _WEEKDAY_EXPR.finditer(text):
        if _NOT_WEEKDAY_BEFORE.search(text, max(0, m.start() - 12), m.start("wd")):
            continue
        pre = re.sub(r"\s+", " ", (m.group("pre") or "").lower())
        part = (m.group("part") or "").lower()
        direction = {"last": -1, "next": 1}.get(pre, 0)
        extend = (0, 0)
        if pre.startswith("overnight"):
            extend = (-1, 0)
        elif part == "night" or "night of" in pre:
            extend = (0, 1)
        weekday = WEEKDAYS[m.group("wd").lower()]
        if m.group("wd2"):
            if not pre.endswith("of") and not pre.startswith("overnight"):
                # "from Saturday to Monday" is a span we do not read; keep its first day
                found.append(
                    (3, _expression(m, "weekday", weekday=weekday, direction=direction,
                                    end=m.end("wd")))
                )  # fmt: skip
                continue
            span = (WEEKDAYS[m.group("wd2").lower()] - weekday) % 7
            if pre.startswith("overnight"):
                weekday = WEEKDAYS[m.group("wd2").lower()]
                extend = (-1, 0)
            else:
                extend = (0, span if span <= 1 else 0)
        found.append(
            (3, _expression(m, "weekday", weekday=weekday, direction=direction, extend=extend))
        )
    return _without_overlaps(found)


def _expression(
    m: re.Match[str], kind: str, *, end: int | None = None, **parts: object
) -> DateExpression:
    stop = m.end() if end is None else end
    return DateExpression(
        start=m.start(),
        end=stop,
        surface=m.string[m.start() : stop],
        kind=kind,
        **parts,  # type: ignore[arg-type]
    )


def _outlet_named_today(text: str, m: re.Match[str]) -> bool:
    """ "USA Today", "India Today": a capitalised "Today" after a capitalised word."""
    surface = m.group(0)
    if not surface.startswith("Today") and not surface.startswith("TODAY"):
        return False
    before = text[max(0, m.start() - 30) : m.start()].rstrip()
    words = before.split()
    return bool(words) and words[-1][0].isupper() and not before.endswith((".", "!", "?", ":"))


def _without_overlaps(found: list[tuple[int, DateExpression]]) -> tuple[DateExpression, ...]:
    kept: list[DateExpression] = []
    for _, expr in sorted(found, key=lambda item: (-(item[1].end - item[1].start), item[0])):
        if all(expr.end <= other.start or expr.start >= other.end for other in kept):
            kept.append(expr)
    return tuple(sorted(kept, key=lambda e: e.start))


# -- resolution ------------------------------------------------------------------------------
def resolve_expression(
    expr: DateExpression, published: date | None, *, text: str = ""
) -> DateValue | None:
    """The day or days a date phrase stands for, against the publication date.

    ``text`` is the text the phrase was found in: it supplies the year of a day and month
    when there is no publication date, and the anchor of "the day before".
    """
    if expr.kind in ("explicit", "weekday_date"):
        return _resolve_calendar(expr, published, text)
    if expr.kind == "weekday":
        if published is None or expr.weekday is None:
            return None
        if expr.direction > 0:
            base = published + timedelta(days=(expr.weekday - published.weekday()) % 7 or 7)
        else:
            back = (published.weekday() - expr.weekday) % 7
            if expr.direction < 0 and back == 0:
                back = 7
            base = published - timedelta(days=back)
        return _extended(base, expr.extend, published)
    return _resolve_relative(expr, published, text)


def _resolve_calendar(expr: DateExpression, published: date | None, text: str) -> DateValue | None:
    if expr.month is None or expr.day is None:
        return None
    year = expr.year
    if year is None and published is not None:
        year = year_before(expr.month, expr.day, published)
    elif year is None and expr.weekday is not None:
        year = _latest_year_with_weekday(expr.month, expr.day, expr.weekday, date.today())
    elif year is None and text:
        year = infer_year(expr.month, expr.day, text)
    base = _safe_date(year, expr.month, expr.day) if year else None
    return _extended(base, expr.extend, published) if base else None


def _resolve_relative(expr: DateExpression, published: date | None, text: str) -> DateValue | None:
    if expr.offset is None:
        return None
    first, last = expr.offset
    if expr.anaphoric:
        anchor = _previous_value(expr, published, text) if text else None
        if anchor is None:
            if published is None:
                return None
            anchor = DateValue(published, published)
        return DateValue(anchor.start + timedelta(days=first), anchor.end + timedelta(days=last))
    if published is None:
        return None
    if expr.unit == "week":
        monday = published - timedelta(days=published.weekday())
        start = monday + timedelta(weeks=first)
        end = min(monday + timedelta(weeks=last, days=6), published)
        return DateValue(start, end)
    if expr.unit == "weekend":
        if first < 0:  # "last weekend": the weekend before this calendar week
            saturday = published - timedelta(days=published.weekday() + 2)
        else:  # "over the weekend": the latest Saturday on or before D
            saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        return DateValue(saturday, min(saturday + timedelta(days=1), published))
    return DateValue(published + timedelta(days=first), published + timedelta(days=last))


def _previous_value(expr: DateExpression, published: date | None, text: str) -> DateValue | None:
    """The date of the nearest phrase before an anaphoric one ("the day before")."""
    for other in reversed(_expressions(text)):
        if other.end <= expr.start and not other.anaphoric:
            value = resolve_expression(other, published, text=text)
            if value is not None:
                return value
    return None


def _extended(base: date, extend: tuple[int, int], published: date | None) -> DateValue:
    start = base + timedelta(days=extend[0])
    end = base + timedelta(days=extend[1])
    if extend[1] > 0 and published is not None and end > published:
        end = max(base, published)  # "Saturday night" in Saturday's paper has no Sunday yet
    return DateValue(start, end)


def year_before(month: int, day: int, published: date, *, tolerance_days: int = 1) -> int | None:
    """The year that puts month/day closest before ``published`` (or up to a day after it)."""
    latest = published + timedelta(days=tolerance_days)
    for year in (published.year + 1, published.year, published.year - 1, published.year - 2):
        candidate = _safe_date(year, month, day)
        if candidate is not None and candidate <= latest:
            return year
    return None  # 29 February with no leap year in reach


def _latest_year_with_weekday(month: int, day: int, weekday: int, latest: date) -> int | None:
    """The latest year, with month/day not after ``latest``, in which month/day is ``weekday``."""
    for year in range(latest.year, latest.year - 29, -1):
        candidate = _safe_date(year, month, day)
        if candidate is not None and candidate <= latest and candidate.weekday() == weekday:
            return year
    return None


_DATELINE_HEAD = re.compile(
    rf"^(?:[^\n]{{0,80}}?,\s*)?(?P<m>{_MONTH_RE})\s*(?P<d>\d{{1,2}})(?:,?\s*{_YEAR})?\s*\(",
    re.IGNORECASE,
)
_PLAIN_WEEKDAY = re.compile(rf"(?<!last )(?<!next )\b(?P<wd>{_WD})\b")


def _year_from_dateline_weekday(month: int, day: int, text: str, near: int | None) -> int | None:
    """The year from a weekday in the paragraph opened by a "July 10 (UPI) --" dateline.

    Wire copy names the dateline's own day by its weekday ("... on Thursday"), so the year is
    the latest one, not after ``near`` (default: today), in which that day has that weekday.
    """
    for paragraph in [p for p in text.split("\n") if p.strip()][:8]:
        head = _DATELINE_HEAD.match(paragraph.strip())
        if not head or (month_number(head.group("m")), int(head.group("d"))) != (month, day):
            continue
        weekday = _PLAIN_WEEKDAY.search(paragraph, head.end())
        if weekday is None:
            return None
        latest = date(near, 12, 31) if near else date.today()
        return _latest_year_with_weekday(month, day, WEEKDAYS[weekday.group("wd").lower()], latest)
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
    return _safe_date(year, month, day) if year else None


# -- which date belongs to what --------------------------------------------------------------
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n+")


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


_ABBREVIATIONS = _words(
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr gen lt col maj sgt capt cpl "
    "st no vs u.s u.n u.k p.m a.m e.g i.e inc co corp gov sen rep rev prof mt ft brig adm"
)
_TOKEN = re.compile(r"\w+(?:['’.-]\w+)*|[,;:\"“”]")
# Words that neither tie a date to a verb nor loosen the tie: distance skips them.
_FILLERS = _words(
    "on in at the a an of early late around about approximately local time gmt pm am p.m a.m "
    "by during it they he she its their had has have was were been be is are to also reportedly "
    "more than least some over"
)
# Clause breaks: a verb beyond one of these governs the date less (cost in words).
_BARRIERS = {"that": 4, ";": 4, "which": 3, "who": 3, "when": 3, "while": 3, "but": 3}
_BARRIERS |= {"whereas": 3, "after": 3, "before": 3, "as": 2, ":": 2, '"': 2, "“": 2, "”": 2}
_BARRIERS |= {",": 1}
_REPORT_WORDS = _words(
    "said says say saying stated states statement statements report reported reports told tell "
    "tells added adds posted wrote writes tweeted noted notes warned admitted according briefing "
    "quoted quoting address interview communique"
)
_REPORT_PREFIXES = tuple(
    sorted(
        _words(
            "announc claim confirm accus condemn insist alleg acknowledg declar reveal "
            "disclos estimat assert reject deni deny contend maintain"
        )
    )
)
_EVENT_WORDS = _words(
    "die died dies dying dead down downed downing went hit hits hitting shot sank sunk sink "
    "sinking fell pulled freed gunfire casualties casualty missing began begun started"
)
_EVENT_PREFIXES = tuple(
    sorted(
        _words(
            "kill death wound injur attack clash strike struck shell bomb raid fight fought "
            "battl offensive assault ambush explo blast fire firing shoot intercept launch "
            "captur seiz abduct kidnap detain detention arrest rescu recover destroy target "
            "repel repuls massacre execut martyr neutrali eliminat hostage storm overran "
            "overrun crash erupt violence incident operation control airstrike drone missile "
            "rocket gunmen exchange invasion incursion sabotage"
        )
    )
)
_NOT_EVENT = _words("fighter fighters executive executives firefighters fireworks")
_BACKGROUND_BEFORE = _words("since until till from between ahead")
_DATELINE_AFTER = re.compile(r"\s*\(\s*[A-Za-z][A-Za-z.&' ]{1,20}\)\s*[:–—-]")


def _is_report(word: str) -> bool:
    return word in _REPORT_WORDS or word.startswith(_REPORT_PREFIXES)


def _is_event(word: str) -> bool:
    return word not in _NOT_EVENT and (word in _EVENT_WORDS or word.startswith(_EVENT_PREFIXES))


@lru_cache(maxsize=64)
def _sentence_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    for m in _SENTENCE_BREAK.finditer(text):
        if "\n" not in m.group(0):
            word = text[max(0, m.start() - 12) : m.start()].split()
            last = word[-1].rstrip(".!?\"”’')]").lower() if word else ""
            if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                continue
        starts.append(m.end())
    return tuple(starts)


def sentence_bounds(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """Start and end offsets of the sentence(s) covering text[start:end]."""
    starts = _sentence_starts(text)
    first = bisect_right(starts, start) - 1
    last = bisect_right(starts, max(start, (end or start + 1) - 1)) - 1
    stop = starts[last + 1] if last + 1 < len(starts) else len(text)
    return starts[first], stop


def _paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    stop = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if stop < 0 else stop


def _nearest_cues(tokens: list[str], comma: int = 1) -> tuple[int | None, int | None]:
    """Distance (in content words and clause breaks) to the nearest event and report word."""
    event = report = None
    cost = 0
    for token in tokens:
        word = token.lower()
        if word in _BARRIERS:
            cost += comma if word == "," else _BARRIERS[word]
            continue
        if event is None and _is_event(word):
            event = cost
        if report is None and _is_report(word):
            report = cost
        if (event is not None and report is not None) or cost > 30:
            break
        if word not in _FILLERS:
            cost += 1
    return event, report


def expression_role(text: str, expr: DateExpression) -> str:
    """What a date phrase qualifies in its sentence.

    "event" (an attack, killing, clash...), "statement" (said, announced, claimed...),
    "dateline" (the "July 10 (UPI) --" opening), "background" ("since Saturday", "until
    Monday"), or "other" when the sentence names neither. A phrase as close to a reporting
    verb as to an event word belongs to the statement (ANNOTATION.md: a date that could
    belong to either is the statement's), unless it is possessive or adjectival before the
    event noun ("Saturday's attack", "an overnight strike").
    """
    after = text[expr.end : expr.end + 40]
    if expr.kind == "explicit" and _DATELINE_AFTER.match(after):
        return "dateline"
    s0, s1 = sentence_bounds(text, expr.start, expr.end)
    left = _TOKEN.findall(text[s0 : expr.start])
    if left and left[-1].lower() in _BACKGROUND_BEFORE:
        return "background"
    right_text = text[expr.end : s1]
    possessive = bool(re.match(r"['’]s\b", right_text)) or expr.surface.endswith(("'s", "’s"))
    if possessive and right_text[:2] in ("'s", "’s"):
        right_text = right_text[2:]
    right = _TOKEN.findall(right_text)
    adjectival = possessive or expr.surface.lower() in ("overnight", "last night's")
    if adjectival and right and _is_event(right[0].lower()):
        return "event"
    ev_left, rp_left = _nearest_cues(left[::-1])
    # "killed 20 in Rafah on Saturday, the ministry said": an attribution after a comma
    # closes the clause the date belongs to, unless the date opens the sentence.
    opens_sentence = all(t.lower() in _FILLERS for t in left)
    ev_right, rp_right = _nearest_cues(right, comma=1 if opens_sentence else 3)
    events = [d for d in (ev_left, ev_right) if d is not None]
    reports = [d for d in (rp_left, rp_right) if d is not None]
    if not events and not reports:
        return "other"
    if not reports:
        return "event"
    if not events:
        return "statement"
    return "event" if min(events) < min(reports) else "statement"


def event_date_for(
    span_start: int,
    span_end: int,
    text: str,
    published: date | None,
    *,
    default: str | None = None,
) -> str | None:
    """The event date (ISO day or range) of a claim whose evidence is text[span_start:span_end].

    In order: a date phrase of the evidence's sentence that qualifies the event (or nothing
    in particular), the one nearest the evidence; the nearest event date before the evidence
    in its paragraph; ``default`` (the report's main event date); last, the date of the
    statement that carries the claim ("X said on Sunday that 100 were killed"), but only when
    nothing else dates the event. An event cannot come after the statement that reports it,
    so a candidate later than the sentence's statement date is passed over, and a statement
    dated before the default with nothing else to go on gives None.
    """
    s0, s1 = sentence_bounds(text, span_start, span_end)
    p0, _ = _paragraph_bounds(text, span_start)
    statement: DateValue | None = None
    statement_distance = 0
    in_sentence: list[tuple[int, DateValue]] = []
    before: list[DateValue] = []
    for expr in _expressions(text):
        if expr.end <= p0 or expr.start >= s1 or _too_wide(expr):
            continue
        role = expression_role(text, expr)
        if role in ("dateline", "background"):
            continue
        value = resolve_expression(expr, published, text=text)
        if value is None:
            continue
        if expr.start >= s0:
            distance = max(span_start - expr.end, expr.start - span_end, 0)
            if role == "statement":
                if statement is None or distance < statement_distance:
                    statement, statement_distance = value, distance
            else:
                in_sentence.append((distance, value))
        elif role == "event" and expr.end <= span_start:
            before.append(value)

    def fits(value: DateValue) -> bool:
        limit = statement.end if statement else published
        return limit is None or value.start <= limit + timedelta(days=0 if statement else 1)

    for _, value in sorted(in_sentence, key=lambda item: item[0]):
        if fits(value):
            return value.iso()
    for value in reversed(before):
        if fits(value):
            return value.iso()
    if default is not None:
        parsed = DateValue.parse(default)
        if parsed is None or statement is None or fits(parsed):
            return default
        return None
    return statement.iso() if statement else None


def _too_wide(expr: DateExpression) -> bool:
    return expr.kind == "relative" and expr.unit in ("week", "weekend")


_CAPTION = re.compile(
    r"©|\bPhoto:|\bImage:|\bFile photo|Getty Images|\bAlamy\b|\bREUTERS/|\bAFP/|\bAP Photo",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?:\s|$)")


def _prose_paragraphs(text: str, body_start: int) -> list[tuple[int, int]]:
    """Offsets of the body's paragraphs of running text (no headings, date lines, captions)."""
    found = []
    pos = body_start
    for line in text[body_start:].split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if len(stripped.split()) < 8 or not _SENTENCE_END.search(stripped):
            continue
        if _CAPTION.search(stripped) or parse_date_line(stripped):
            continue
        found.append((start, start + len(line)))
    return found


def main_event_date(text: str, published: date | None, *, body_start: int = 0) -> str | None:
    """The date (ISO day or range) of the main event a report is about.

    The first date phrase of the body's first ``LEAD_PARAGRAPHS`` prose paragraphs that
    qualifies an event; else the first one there that dates the statement of it ("said on
    Saturday (Jan 31)") or nothing in particular; else the same two searches over the rest
    of the body, counting only dates of the last ``RECENT_MAX_AGE_DAYS`` days. Ranges wider
    than ``MAIN_EVENT_MAX_DAYS`` ("last week") and dates older than ``LEAD_MAX_AGE_DAYS``
    are background. Without a publication date only the lead is read, and only phrases that
    carry or imply a year resolve.
    """
    paragraphs = _prose_paragraphs(text, body_start)
    lead_end = paragraphs[min(LEAD_PARAGRAPHS, len(paragraphs)) - 1][1] if paragraphs else 0
    tiers: list[list[tuple[int, DateValue]]] = [[], [], [], []]
    expressions = _expressions(text)
    for p_start, p_end in paragraphs:
        for expr in expressions:
            if expr.start < p_start or expr.end > p_end or _too_wide(expr):
                continue
            role = expression_role(text, expr)
            if role in ("dateline", "background"):
                continue
            value = resolve_expression(expr, published, text=text)
            if value is None or value.days > MAIN_EVENT_MAX_DAYS:
                continue
            in_lead = p_end <= lead_end
            if not in_lead and published is None:
                continue  # without D nothing tells news from history after the lead
            if not _recent(value, published, LEAD_MAX_AGE_DAYS if in_lead else RECENT_MAX_AGE_DAYS):
                continue
            tier = (0 if role == "event" else 1) + (0 if in_lead else 2)
            tiers[tier].append((expr.start, value))
    for number, tier in enumerate(tiers):
        if tier:
            chosen = min(tier, key=lambda item: item[0])[1]
            if number in (0, 2):  # a statement's date ("said on Saturday") stays as it is
                chosen = _widest_container(chosen, tiers[0] + tiers[2])
            return chosen.iso()
    return None


def _widest_container(chosen: DateValue, events: list[tuple[int, DateValue]]) -> DateValue:
    """The incident a lead's date belongs to: "earlier today, forces took 19 posts" updates
    a story whose fighting began "overnight"; an event date of the same story that spans the
    chosen day (and is itself a main-event date) dates the incident from its beginning."""
    containers = [v for _, v in events if v != chosen and v.contains(chosen)]
    return max(containers, key=lambda v: v.days, default=chosen)


def _recent(value: DateValue, published: date | None, max_age_days: int) -> bool:
    if published is None:
        return True
    return value.start >= published - timedelta(
        days=max_age_days
    ) and value.start <= published + timedelta(days=1)
