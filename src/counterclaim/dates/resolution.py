"""Resolving a date phrase against the publication date: the day or days it stands for.

The conventions are the annotation guide's (ANNOTATION.md, "Dates") and are decided once,
in the comment below; everything that turns a :class:`DateExpression` into a
:class:`DateValue` follows them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

from counterclaim.dates.expressions import DateExpression, date_expressions
from counterclaim.dates.years import (
    infer_year,
    latest_year_with_weekday,
    safe_date,
    year_before,
)

# -- dates of events -------------------------------------------------------------------------
# The conventions (see shared/eval/ANNOTATION.md, "Dates"), decided once here:
# - a weekday is the most recent such day on or before the publication date D (D itself when
#   D is that weekday); "last Friday" is strictly before D, "next Monday" strictly after;
# - "overnight" in an article of day D spills into the day before (D-1/D), as do "last
#   night" and "during the night"; "overnight into Sunday", "overnight Sunday" and "the night
#   of Saturday" are Sat/Sun; but "Saturday night" is Saturday, the day reports date it to;
# - "over the past N hours" covers the N/24 calendar days ending on D (24 h: D; 48 h: D-1/D;
#   72 h: D-2/D), and "over the past N days" likewise; "the past week" is D-6/D;
# - "last week" is the previous calendar week, Monday to Sunday; "this week" is its Monday to
#   D; "last weekend" the Saturday and Sunday before this week; "earlier this month" the 1st
#   to D-1, "last month" the previous calendar month. They are dates, but too wide to be the
#   date of a report's main event;
# - a range the text states ("Sept. 14-16", "from 16 to 20 July") is those days, the year
#   being the one that puts its last day closest before D;
# - "the day before", "the next day", "that day", "two days earlier" count from the nearest
#   date mentioned before them, or from D when there is none;
# - a day and month without a year take the year that puts them closest before D, allowing
#   one day after D (a dateline or header a time zone behind); without D the year comes from
#   the text (``infer_year``, the weekday of a weekday-date pair), else there is no date;
# - without D, relative dates resolve to nothing, and so does a weekday, unless the text
#   dates that weekday in full once ("Saturday, July 2, 2016"): then it is that day;
# - a named day ("Easter Sunday", "Christmas Eve") is the latest one on or before D (a day
#   after allowed); without D it is nothing.


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
            found = m and safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if not found:
                return None
            days.append(found)
        if days[-1] < days[0]:
            return None
        return cls(days[0], days[-1])


_ISO_ONLY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


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
    if expr.kind == "holiday":
        day = _holiday_before(expr.unit, published) if published is not None else None
        return None if day is None else DateValue(day, day)
    if expr.kind == "weekday":
        if expr.weekday is None:
            return None
        if published is None:
            paired = _paired_weekday(expr, text) if text and expr.direction == 0 else None
            return None if paired is None else _extended(paired, expr.extend, None)
        if expr.direction > 0:
            base = published + timedelta(days=(expr.weekday - published.weekday()) % 7 or 7)
        else:
            back = (published.weekday() - expr.weekday) % 7
            if expr.direction < 0 and back == 0:
                back = 7
            base = published - timedelta(days=back)
        return _extended(base, expr.extend, published)
    return _resolve_relative(expr, published, text)


def _holiday_day(rule: str, year: int) -> date | None:
    """The day a holiday rule ("easter", "orthodox_easter-2", "12-25") names in a year."""
    m = re.fullmatch(r"(orthodox_easter|easter)([+-]\d+)?|(\d\d)-(\d\d)", rule)
    if m is None:
        return None
    if m.group(3):
        return safe_date(year, int(m.group(3)), int(m.group(4)))
    method = EASTER_ORTHODOX if m.group(1) == "orthodox_easter" else EASTER_WESTERN
    return easter(year, method) + timedelta(days=int(m.group(2) or 0))


def _holiday_before(rule: str, published: date) -> date | None:
    """The holiday nearest on or before D (a day after D allowed, as for dates)."""
    for year in (published.year + 1, published.year, published.year - 1):
        day = _holiday_day(rule, year)
        if day is not None and day <= published + timedelta(days=1):
            return day
    return None


def _paired_weekday(expr: DateExpression, text: str) -> date | None:
    """Without a publication date, a bare "Saturday" is the Saturday the text dates in full
    elsewhere ("Saturday, July 2, 2016" in a caption), when it dates exactly one."""
    found = set()
    for other in date_expressions(text):
        if other.kind == "weekday_date" and other.weekday == expr.weekday and other.year:
            day = safe_date(other.year, other.month or 0, other.day or 0)
            if day is not None and day.weekday() == other.weekday:
                found.add(day)
    return found.pop() if len(found) == 1 else None


def _resolve_calendar(expr: DateExpression, published: date | None, text: str) -> DateValue | None:
    if expr.month is None or expr.day is None:
        return None
    year = expr.year
    if year is None and published is not None:
        year = year_before(expr.month, expr.day, published)
    elif year is None and expr.weekday is not None:
        year = latest_year_with_weekday(expr.month, expr.day, expr.weekday, date.today())
    elif year is None and text:
        year = infer_year(expr.month, expr.day, text)
    if expr.until is not None:
        return _stated_range(expr, expr.until, year, published)
    base = safe_date(year, expr.month, expr.day) if year else None
    return _extended(base, expr.extend, published) if base else None


def _stated_range(
    expr: DateExpression, until: tuple[int, int], year: int | None, published: date | None
) -> DateValue | None:
    """A range the text states ("Sept. 14-16"): the year is the one of its last day."""
    assert expr.month is not None and expr.day is not None
    wraps = (expr.month, expr.day) > until  # "from 28 December to 2 January"
    if expr.year is None and published is not None:
        last_year = year_before(until[0], until[1], published)
        year = None if last_year is None else last_year - 1 if wraps else last_year
    if year is None:
        return None
    first = safe_date(year, expr.month, expr.day)
    last = safe_date(year + 1 if wraps else year, *until)
    if first is None or last is None:
        return None
    return DateValue(first, last)


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
    if expr.unit == "month":
        return _months(first, last, published)
    if expr.unit == "weekend":
        if first < 0:  # "last weekend": the weekend before this calendar week
            saturday = published - timedelta(days=published.weekday() + 2)
        else:  # "over the weekend": the latest Saturday on or before D
            saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        return DateValue(saturday, min(saturday + timedelta(days=1), published))
    return DateValue(published + timedelta(days=first), published + timedelta(days=last))


def _months(first: int, last: int, published: date) -> DateValue:
    """ "this month" (0, 0) is its first day to D; "earlier this month" (0, -1) stops the day
    before D; "last month" (-1, -1) is the whole previous calendar month."""
    this_month = published.replace(day=1)
    if first == 0:
        end = published if last == 0 else max(this_month, published - timedelta(days=1))
        return DateValue(this_month, end)
    previous = (this_month - timedelta(days=1)).replace(day=1)
    return DateValue(previous, this_month - timedelta(days=1))


def _previous_value(expr: DateExpression, published: date | None, text: str) -> DateValue | None:
    """The date of the nearest phrase before an anaphoric one ("the day before"); first, one
    of its own sentence, also after it ("killed in an ambush the previous day, the army
    said on Tuesday": the day before Tuesday)."""
    # (imported here: the events module reads this one)
    from counterclaim.dates.events import sentence_bounds

    start, end = sentence_bounds(text, expr.start, expr.end)
    for other in date_expressions(text):
        if start <= other.start and other.end <= end and other is not expr and not other.anaphoric:
            value = resolve_expression(other, published, text=text)
            if value is not None:
                return value
    for other in reversed(date_expressions(text)):
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
