"""Dates: publication-date lines, year inference, and event dates of claims.

``dateparser`` reads date phrases; the weekday and year logic against the publication
date is our own, because news text says "on Saturday (Jan 31)" and leaves the year out.

Its modules, each importing only those above it:

* ``years``: full dates, header date lines, the publication date, the year a text omits;
* ``expressions``: date phrases found in a text (:class:`DateExpression`);
* ``resolution``: a phrase resolved against the publication date (:class:`DateValue`);
* ``events``: what a phrase dates, a claim's event date, a report's main event date.

Import from ``counterclaim.dates``; the submodules are an implementation detail.
"""

from __future__ import annotations

from counterclaim.dates.events import (
    LEAD_MAX_AGE_DAYS,
    LEAD_PARAGRAPHS,
    MAIN_EVENT_MAX_DAYS,
    RECENT_MAX_AGE_DAYS,
    dateline_date,
    event_date_for,
    expression_role,
    main_event_date,
    sentence_bounds,
    written_date,
)
from counterclaim.dates.expressions import (
    KINDS,
    DateExpression,
    RelativePattern,
    find_date_expressions,
)
from counterclaim.dates.resolution import DateValue, resolve_expression
from counterclaim.dates.years import (
    MONTH_NAMES,
    MONTHS,
    WEEKDAY_NAMES,
    WEEKDAYS,
    find_full_dates,
    infer_published,
    infer_year,
    month_number,
    parse_date_line,
    parse_iso_or_text,
    shift,
    weekday_date_pairs,
    year_before,
    year_for_weekday,
)

__all__ = [
    "KINDS",
    "LEAD_MAX_AGE_DAYS",
    "LEAD_PARAGRAPHS",
    "MAIN_EVENT_MAX_DAYS",
    "MONTHS",
    "MONTH_NAMES",
    "RECENT_MAX_AGE_DAYS",
    "WEEKDAYS",
    "WEEKDAY_NAMES",
    "DateExpression",
    "DateValue",
    "RelativePattern",
    "dateline_date",
    "event_date_for",
    "expression_role",
    "find_date_expressions",
    "find_full_dates",
    "infer_published",
    "infer_year",
    "main_event_date",
    "month_number",
    "parse_date_line",
    "parse_iso_or_text",
    "resolve_expression",
    "sentence_bounds",
    "shift",
    "weekday_date_pairs",
    "written_date",
    "year_before",
    "year_for_weekday",
]
