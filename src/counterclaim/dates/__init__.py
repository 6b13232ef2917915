"""Dates (being split into modules; see expressions)."""

from counterclaim.dates.expressions import *  # noqa: F403
