"""Finding date phrases in a text: explicit, weekday, weekday-date and relative phrases.

Each phrase becomes a :class:`DateExpression` saying what it says ("last Friday", "the day
before", "Saturday night") before it is tied to any day; resolution against a publication
date and the choice of the date an event happened on are the next modules' work, so the
patterns can be read and tested on their own.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from counterclaim.dates.years import (
    MONTH_PATTERN,
    MONTHS,
    WEEKDAY_PATTERN,
    WEEKDAYS,
    YEAR_PATTERN,
    month_number,
    safe_date,
)
from counterclaim.lexicon import load_data

KINDS: tuple[str, ...] = ("explicit", "weekday", "relative", "weekday_date", "holiday")


@dataclass(frozen=True, slots=True)
class DateExpression:
    """A date phrase found in a text, with what it says before resolution.

    ``kind`` is one of ``KINDS``. Explicit and weekday-date phrases fill ``month``/``day``
    (and ``year`` when stated); weekday phrases fill ``weekday`` (0 = Monday) and
    ``direction`` (-1 "last Friday", +1 "next Monday"); relative phrases fill ``offset``
    (first and last day relative to the anchor, in ``unit`` of days, weeks or weekends)
    and ``anaphoric`` when the anchor is the date mentioned before rather than the
    publication date. ``extend`` widens a resolved day: (0, 1) for "the night of Friday to
    Saturday", (-1, 0) for "overnight into Sunday". ``until`` is the last day of a range the
    text states ("Sept. 14-16", "from 16 to 20 July"), as (month, day). A holiday phrase
    ("Easter Sunday") keeps in ``unit`` its rule from data/lexicon/dates.yaml ("easter+1",
    "12-25"), its day depending on the year.
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
    until: tuple[int, int] | None = None  # (month, day) of the last day of a stated range


_MONTH_NAME = MONTH_PATTERN.removesuffix(r"\.?")  # a day-month phrase leaves the full stop
_ORD = r"(?:st|nd|rd|th)?"
_PART = r"(?:morning|afternoon|evening|night)"
_POSS = r"(?:['’]s)?"
_ON = r"(?:(?i:on|early|late|early\s+on|late\s+on)\s+)?"
# "over the past forty-eight hours": spelled-out numbers are data (data/lexicon/dates.yaml)
_NUMBER_WORDS: dict[str, int] = load_data("lexicon/dates.yaml")["number_words"]
_NUM = (
    r"(?P<n>\d{1,3}|"
    + "|".join(w.replace("-", r"[\s-]") for w in sorted(_NUMBER_WORDS, key=len, reverse=True))
    + ")"
)

# Quick searches for what every accepted match of a family of patterns contains, so a text
# without it skips the family's scans (a few times slower each: they try every word). Each
# is looser than what it guards, which keeps the expressions found the same.
# A month name written with a capital, as the explicit, weekday-date and range phrases keep
# only those; the word ends there in each pattern (a space, a full stop, \b follows it).
_CAPITALISED_MONTH = re.compile(
    "(?:" + "|".join(name[0].upper() + f"(?i:{name[1:]})" for name in MONTHS) + r")\b"
)
_ISO_DAY = re.compile(r"\d\d-\d\d-\d\d")
_DOTTED_DAY = re.compile(r"\d\.\d\d?\.\d\d")
_YEAR = re.compile(YEAR_PATTERN)

_WEEKDAY_DATE_EXPR = re.compile(
    rf"\b{_ON}(?P<wd>{WEEKDAY_PATTERN})\.?(?:\s+(?P<part>{_PART}))?,?\s*(?P<open>\()?\s*"
    rf"(?:(?P<m1>{MONTH_PATTERN})\s+(?P<d1>\d{{1,2}}){_ORD}|(?:the\s+)?(?P<d2>\d{{1,2}}){_ORD}\s+"
    rf"(?:of\s+)?(?P<m2>{_MONTH_NAME}))\b(?:\.?,?\s+(?P<y>{YEAR_PATTERN})\b)?(?(open)\s*\))",
    re.IGNORECASE,
)
# (pattern, cue)
_EXPLICIT_EXPRS: list[tuple[re.Pattern[str], re.Pattern[str]]] = [
    (re.compile(rf"\b{_ON}(?P<y>{YEAR_PATTERN})-(?P<m>\d\d)-(?P<d>\d\d)\b"), _ISO_DAY),
    (
        re.compile(rf"\b{_ON}(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>{YEAR_PATTERN})\b"),
        _DOTTED_DAY,
    ),
    (
        re.compile(
            rf"\b{_ON}(?P<night>(?:the\s+)?night\s+of\s+)?(?P<mn>{MONTH_PATTERN})\s+(?P<d>\d{{1,2}}){_ORD}"
            rf"(?![\d:])\b(?:,?\s+(?P<y>{YEAR_PATTERN})\b)?",
            re.IGNORECASE,
        ),
        _CAPITALISED_MONTH,
    ),
    (
        re.compile(
            rf"\b{_ON}(?P<night>(?:the\s+)?night\s+of\s+)?(?:the\s+)?(?P<d>\d{{1,2}}){_ORD}\s+"
            rf"(?:of\s+)?(?P<mn>{_MONTH_NAME})\b(?:\.?,?\s+(?P<y>{YEAR_PATTERN})\b)?",
            re.IGNORECASE,
        ),
        _CAPITALISED_MONTH,
    ),
]
_RANGE_EXPRS = [
    # "Sept. 14-16", "on March 6-7, 2026", "between March 3 and 9", "from May 23 to May 25";
    # a bare "March 4 and 12" may be a date and a count, so words join the ends only after
    # "from" or "between"
    re.compile(
        rf"\b(?:(?P<lead>(?i:from|between))\s+)?{_ON}(?P<m1>{MONTH_PATTERN})\s+(?P<d1>\d{{1,2}}){_ORD}"
        rf"\s*(?:[-–]|(?(lead)(?i:to|until|till|through|and)\s|(?!)))\s*"
        rf"(?:(?P<m2>{MONTH_PATTERN})\s+)?(?P<d2>\d{{1,2}}){_ORD}(?![\d:])\b(?:,?\s+(?P<y>{YEAR_PATTERN})\b)?"
    ),
    # "on February 24 and 25, armed groups attacked": after "on", the second number is a day
    # when punctuation or a preposition follows it ("on March 4 and 12 soldiers" is a count)
    re.compile(
        rf"\b(?P<lead>(?i:on))\s+(?P<m1>{MONTH_PATTERN})\s+(?P<d1>\d{{1,2}}){_ORD}\s+(?i:and)\s+"
        rf"(?:(?P<m2>{MONTH_PATTERN})\s+)?(?P<d2>\d{{1,2}}){_ORD}(?![\d:])\b(?:,?\s+(?P<y>{YEAR_PATTERN})\b)?"
        r"(?=\s*[,.;)]|\s+(?i:in|at|near|across|when|as|while|against)\b)"
    ),
    # "16-20 July 2025", "from 6 to 12 March", "on 4 and 6 June", "30 May-2 June"
    re.compile(
        rf"\b(?:(?P<lead>(?i:from|between|on))\s+)?(?:the\s+)?(?P<d1>\d{{1,2}}){_ORD}\s*"
        rf"(?:(?P<m1>{_MONTH_NAME})\s*)?(?:[-–]|(?i:to|until|till|through)\s|(?(lead)(?i:and)\s|(?!)))"
        rf"\s*(?:the\s+)?(?P<d2>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m2>{_MONTH_NAME})\b"
        rf"(?:\.?,?\s+(?P<y>{YEAR_PATTERN})\b)?"
    ),
]
# "in 2013", "in April 2015": a year or a month, no day; dates a past event only loosely
_PERIOD_EXPR = re.compile(
    rf"\b(?i:in|during|throughout)\s+(?:(?i:early|mid|late)[\s-]+)?"
    rf"(?:(?P<mn>{_MONTH_NAME})\s+)?(?P<y>{YEAR_PATTERN})\b(?![-–/]\d)"
)
_WEEKDAY_EXPR = re.compile(
    r"\b(?:(?P<pre>(?i:on|early|late|early\s+on|late\s+on|last|next|this|between|from|"
    r"overnight(?:\s+(?:on|into|to))?|(?:in\s+)?the\s+early\s+hours\s+of|"
    r"(?:on\s+|during\s+)?the\s+(?:night|morning|afternoon|evening)\s+of))\s+)?"
    rf"(?P<wd>{WEEKDAY_PATTERN})(?!\s*,?\s*\(?\s*{MONTH_PATTERN}\s+\d)"
    rf"(?:{_POSS}\s+(?P<part>{_PART}){_POSS}|{_POSS})"
    rf"(?:\s+(?P<join>(?i:to|into|and|through|until))\s+(?P<wd2>{WEEKDAY_PATTERN})"
    rf"(?!\s*,?\s*\(?\s*{MONTH_PATTERN}\s+\d))?\b"
)
WEEKDAY_SPAN_MAX_DAYS = 3  # "from Saturday to Monday"; a wider span is no one event's day
# Named days ("the Easter Sunday bombings"), with their rule (data/lexicon/dates.yaml)
_HOLIDAYS: dict[str, str] = load_data("lexicon/dates.yaml")["holidays"]
_HOLIDAY_EXPR = re.compile(
    r"\b(?:(?i:on)\s+)?(?:(?i:the)\s+)?(?:"
    + "|".join(f"(?P<h{index}>{name})" for index, name in enumerate(_HOLIDAYS))
    + r")(?:['’]s)?\b"
)
_HOLIDAY_NAME = re.compile("|".join(f"(?:{name})" for name in _HOLIDAYS))  # a cue, as above
# Names of days that are holidays or events, not dates.
_NOT_WEEKDAY_BEFORE = re.compile(
    r"(?:Black|Good|Ash|Bloody|Super|Holy|Palm|Easter|Cyber|Maundy|Giving)\s+$"
)

# (pattern, offset, unit, anaphoric, what the text must contain for the pattern to match:
# lower case, a space standing for any run of whitespace)
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
    _relative(" day", _PAST + r"day\b", (0, 0)),
    _relative("week", _PAST + r"week\b", (-6, 0)),
    _relative(" ago", r"\b" + _NUM + r"\s+days?\s+ago\b", None, "days_ago"),
    _relative(" ago", r"\b" + _NUM + r"\s+weeks?\s+ago\b", None, "weeks_ago"),
    _relative("week", r"\blast\s+week\b", (-1, -1), "week"),
    _relative("week", r"\b(?:earlier\s+)?this\s+week\b", (0, 0), "week"),
    _relative("weekend", r"\blast\s+weekend\b", (-1, -1), "weekend"),
    _relative("month", r"\b(?:earlier|early)\s+this\s+month\b", (0, -1), "month"),
    _relative("month", r"\b(?:later\s+)?this\s+month\b", (0, 0), "month"),
    _relative("month", r"\b(?:(?:earlier|early|late|later)\s+)?last\s+month\b", (-1, -1), "month"),
    _relative(
        "weekend",
        r"\b(?:(?:over|at|during|on)\s+the|this\s+past|this)\s+weekend\b",
        (0, 0),
        "weekend",
    ),
    # Anaphoric: counted from the date mentioned before. "The day before the attack" has an
    # anchor of its own, which we do not read, so a following noun phrase rules it out.
    _relative(
        " day",
        r"\b(?:the\s+(?:day\s+before|previous\s+day|preceding\s+day|day\s+earlier)|"
        r"a\s+day\s+(?:earlier|before))\b" + _NO_NOUN_AFTER,
        (-1, -1),
        anaphoric=True,
    ),
    _relative(
        " day",
        r"\b(?:the\s+(?:next|following)\s+day|a\s+day\s+later|the\s+day\s+after)\b"
        + _NO_NOUN_AFTER,
        (1, 1),
        anaphoric=True,
    ),
    _relative(
        " day", r"\b(?:(?:earlier|later)\s+)?(?:that|the\s+same)\s+day\b", (0, 0), anaphoric=True
    ),
    _relative(
        "days",
        r"\b" + _NUM + r"\s+days\s+(?:earlier|before)\b" + _NO_NOUN_AFTER,
        None,
        "days_earlier",
        anaphoric=True,
    ),
    _relative("later", r"\b" + _NUM + r"\s+days\s+later\b", None, "days_later", anaphoric=True),
    # "held on Friday after two days of fighting": the fighting ended the day before the
    # date it follows, and the text names that date before (or it is the report's)
    _relative(
        " day",
        r"\b(?:following|after)\s+" + _NUM + r"\s+(?:full\s+)?days?\s+of\b",
        None,
        "days_of",
        anaphoric=True,
    ),
    _relative(
        "night", r"\b(?:following|after)\s+(?:a|one)\s+night\s+of\b", (-1, 0), anaphoric=True
    ),
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
    if unit == "days_of":
        return (-n, -1), "day"
    if unit == "days_later":
        return (n, n), "day"
    return None


# Every phrase a pattern scanned with _cued_matches finds has its cue (a weekday or month
# name, a year, the word a relative phrase needs) within this many words of its start.
_WORDS_BEFORE_CUE = 10
_WORD_START = re.compile(r"\b\w")
_WEEKDAY_CUE = re.compile(WEEKDAY_PATTERN)
_WEEKDAY_CUE_ANY_CASE = re.compile(WEEKDAY_PATTERN, re.IGNORECASE)
_MONTH_CUE = re.compile(MONTH_PATTERN, re.IGNORECASE)


def _cue_for(needs: str) -> re.Pattern[str]:
    """The words a relative pattern needs, as a pattern over the text itself."""
    return re.compile(re.escape(needs).replace(r"\ ", r"\s+"), re.IGNORECASE)


_RELATIVE_CUES = [_cue_for(needs) for *_, needs in _RELATIVE_EXPRS]
# The same over an ASCII text lower-cased, where they match at the same offsets: a scan
# ignoring case was most of the time the relative patterns took
_RELATIVE_LOWER_CUES = [
    re.compile(re.escape(needs).replace(r"\ ", r"\s+")) for *_, needs in _RELATIVE_EXPRS
]
# the explicit patterns' cues above test for a capitalised month; a scan needs any month
_EXPLICIT_SCAN_CUES = [_ISO_DAY, _DOTTED_DAY, _MONTH_CUE, _MONTH_CUE]


def _cued_matches(
    pattern: re.Pattern[str],
    cue: re.Pattern[str],
    text: str,
    word_starts: list[int],
    cue_text: str | None = None,
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, tried only at the few word starts
    (``word_starts``: where each ``\\b\\w`` of the text is) before each cue. Each pattern given
    here starts at a word and holds its cue within ``_WORDS_BEFORE_CUE`` words of that start;
    tried in the text's order from where the last match ended, the first start that matches
    is the one a scan of every position finds. Scanning every position was most of a
    report's date finding. ``cue_text``: where to look for the cue instead of the text, of
    the same length (its lower-cased form when it is ASCII)."""
    pos = 0  # where the previous match ended
    tried = -1  # every start up to here has been tried
    for found in cue.finditer(text if cue_text is None else cue_text):
        if found.end() <= pos:
            continue
        first = max(0, bisect_left(word_starts, found.start()) - _WORDS_BEFORE_CUE)
        for start in word_starts[first : bisect_left(word_starts, found.end())]:
            if start < pos or start <= tried:
                continue
            tried = start
            match = pattern.match(text, start)
            if match is not None:
                yield match
                pos = match.end()
                tried = pos - 1


def find_date_expressions(text: str) -> list[DateExpression]:
    """Every date phrase of a text, in order, without overlaps (the longest phrase wins)."""
    return list(date_expressions(text))


@lru_cache(maxsize=256)  # more than a batch of documents: see events._sentence_starts
def date_expressions(text: str) -> tuple[DateExpression, ...]:
    found: list[tuple[int, DateExpression]] = []  # (priority, expression)
    month_named = _CAPITALISED_MONTH.search(text) is not None
    word_starts = [m.start() for m in _WORD_START.finditer(text)]
    for m in (
        _cued_matches(_WEEKDAY_DATE_EXPR, _WEEKDAY_CUE_ANY_CASE, text, word_starts)
        if month_named
        else ()
    ):
        month_word = m.group("m1") or m.group("m2")
        if not (_capitalised(m.group("wd")) and _capitalised(month_word)):
            continue
        month = month_number(month_word)
        day = int(m.group("d1") or m.group("d2"))
        year = int(m.group("y")) if m.group("y") else None
        if not month or not safe_date(year or 2000, month, day):
            continue
        weekday = WEEKDAYS[m.group("wd").lower()]
        extend = (0, 0)  # "Friday night" is Friday's news: reporters date it to that day
        found.append(
            (0, _expression(m, "weekday_date", year=year, month=month, day=day,
                            weekday=weekday, extend=extend))
        )  # fmt: skip
    for (pattern, cue), scan_cue in zip(_EXPLICIT_EXPRS, _EXPLICIT_SCAN_CUES, strict=True):
        if not (month_named if cue is _CAPITALISED_MONTH else cue.search(text)):
            continue  # (the month names' test is the one made above)
        for m in _cued_matches(pattern, scan_cue, text, word_starts):
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
            if not month or not safe_date(year or 2000, month, day):
                continue
            extend = (0, 1) if groups.get("night") else (0, 0)
            found.append(
                (1, _expression(m, "explicit", year=year, month=month, day=day, extend=extend))
            )
    for m in _cued_matches(_PERIOD_EXPR, _YEAR, text, word_starts) if _YEAR.search(text) else ():
        year = int(m.group("y"))
        if m.group("mn"):
            if not _capitalised(m.group("mn")):
                continue
            month = month_number(m.group("mn"))
            if not month:
                continue
            last_day = 31
            while not safe_date(year, month, last_day):
                last_day -= 1
            period = dict(month=month, day=1, until=(month, last_day), unit="month")
        else:
            period = dict(month=1, day=1, until=(12, 31), unit="year")
        found.append((1, _expression(m, "explicit", year=year, **period)))  # type: ignore[arg-type]
    for pattern in _RANGE_EXPRS if month_named else ():
        for m in _cued_matches(pattern, _MONTH_CUE, text, word_starts):
            expr = _range_expression(m)
            if expr is not None:
                found.append((0, expr))
    rules = list(_HOLIDAYS.values())
    for m in _HOLIDAY_EXPR.finditer(text) if _HOLIDAY_NAME.search(text) else ():
        index = next(i for i, group in enumerate(m.groups()) if group is not None)
        found.append((1, _expression(m, "holiday", unit=rules[index])))
    # whitespace runs made one space, so a needed " day" stands for the patterns' "\s+day"
    # and the weekdays' "day" no longer calls for their scans
    text_lower = text.lower()
    lowered = " ".join(text_lower.split())
    ascii_lowered = text_lower if text.isascii() else None
    for (pattern, offset, unit, anaphoric, needs), cue, lower_cue in zip(
        _RELATIVE_EXPRS, _RELATIVE_CUES, _RELATIVE_LOWER_CUES, strict=True
    ):
        if needs not in lowered:
            continue  # most patterns cannot match most texts: skip the scan
        if ascii_lowered is not None:
            matches = _cued_matches(pattern, lower_cue, text, word_starts, ascii_lowered)
        else:
            matches = _cued_matches(pattern, cue, text, word_starts)
        for m in matches:
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
    for m in _cued_matches(_WEEKDAY_EXPR, _WEEKDAY_CUE, text, word_starts):
        if _NOT_WEEKDAY_BEFORE.search(text, max(0, m.start() - 12), m.start("wd")):
            continue
        pre = re.sub(r"\s+", " ", (m.group("pre") or "").lower())
        direction = {"last": -1, "next": 1}.get(pre, 0)
        extend = (0, 0)
        if pre.startswith("overnight"):
            extend = (-1, 0)
        elif "night of" in pre:
            extend = (0, 1)  # "the night of Friday" runs into Saturday; "Friday night" does not
        weekday = WEEKDAYS[m.group("wd").lower()]
        if pre in ("between", "from") and not m.group("wd2"):
            # "from Monday until the curfew ended": the day alone, as any other
            found.append((3, _expression(m, "weekday", weekday=weekday, start=m.start("wd"))))
            continue
        if m.group("wd2"):
            span = (WEEKDAYS[m.group("wd2").lower()] - weekday) % 7
            if not pre.endswith("of") and not pre.startswith("overnight"):
                # "on Saturday and Sunday", "from Saturday to Monday": the days they span
                # ("between Friday and Monday" too; a wider one keeps its first day)
                joined = 0 < span <= WEEKDAY_SPAN_MAX_DAYS
                found.append(
                    (3, _expression(m, "weekday", weekday=weekday, direction=direction,
                                    extend=(0, span) if joined else (0, 0),
                                    end=m.end() if joined else m.end("wd")))
                )  # fmt: skip
                continue
            if pre.startswith("overnight"):
                weekday = WEEKDAYS[m.group("wd2").lower()]
                extend = (-1, 0)
            else:
                extend = (0, span if span <= 1 else 0)
        found.append(
            (3, _expression(m, "weekday", weekday=weekday, direction=direction, extend=extend))
        )
    return _without_overlaps(found)


def _range_expression(m: re.Match[str]) -> DateExpression | None:
    """A stated range of days; the month named once serves both ends ("6-7 March")."""
    first_word, last_word = m.group("m1") or m.group("m2"), m.group("m2") or m.group("m1")
    if not (_capitalised(first_word) and _capitalised(last_word)):
        return None
    first_month, last_month = month_number(first_word), month_number(last_word)
    first_day, last_day = int(m.group("d1")), int(m.group("d2"))
    year = int(m.group("y")) if m.group("y") else None
    if not first_month or not last_month:
        return None
    if not (safe_date(2000, first_month, first_day) and safe_date(2000, last_month, last_day)):
        return None
    if (first_month, first_day) >= (last_month, last_day) and first_month == last_month:
        return None  # "March 9-3" is not a range, nor "March 6-6"
    return _expression(
        m, "explicit", year=year, month=first_month, day=first_day, until=(last_month, last_day)
    )


def _expression(
    m: re.Match[str],
    kind: str,
    *,
    start: int | None = None,
    end: int | None = None,
    **parts: object,
) -> DateExpression:
    begin = m.start() if start is None else start
    stop = m.end() if end is None else end
    return DateExpression(
        start=begin,
        end=stop,
        surface=m.string[begin:stop],
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
