"""Date patterns tried only near their cues find what a scan of every position finds."""

from __future__ import annotations

import random
import re

import pytest

from counterclaim.dates import expressions as ex
from counterclaim.dates import find_date_expressions

_VOCABULARY = (
    "on early late last next this overnight into to the night morning of in hours during "
    "afternoon evening Monday Friday SATURDAY sunday Jan. January March Mar May june Sept. "
    "1 3 12th 14-16 2019 2024 2024-03-05 5.3.2021 from between and until through yesterday "
    "today tonight day days week weekend month ago earlier later previous past over "
    "forty-eight twenty-four two 24 after following full before Good Easter Christmas 's "
    "( ) , . – killed shelled Kharkiv Rafah Goma Sanaa Idlib İ ſ"
)
_WORDS = tuple(_VOCABULARY.split(" "))
_GAPS = (" ", " ", " ", "  ", "\n", "\t", " \n ", "-", ", ", "\u00a0", "     \n\n     ")


def _texts(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return [
        "".join(rnd.choice(_WORDS) + rnd.choice(_GAPS) for _ in range(rnd.randint(2, 16)))
        for _ in range(count)
    ]


def _pairs() -> list[tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str] | None]]:
    """Every (pattern, cue, cue over a lower-cased ASCII text) that date_expressions scans."""
    pairs: list[tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str] | None]] = [
        (ex._WEEKDAY_DATE_EXPR, ex._WEEKDAY_CUE_ANY_CASE, None),
        (ex._PERIOD_EXPR, ex._YEAR, None),
        (ex._WEEKDAY_EXPR, ex._WEEKDAY_CUE, None),
    ]
    pairs += [
        (p, c, None) for (p, _), c in zip(ex._EXPLICIT_EXPRS, ex._EXPLICIT_SCAN_CUES, strict=True)
    ]
    pairs += [(p, ex._MONTH_CUE, None) for p in ex._RANGE_EXPRS]
    pairs += [
        (rel[0], cue, lower)
        for rel, cue, lower in zip(
            ex._RELATIVE_EXPRS, ex._RELATIVE_CUES, ex._RELATIVE_LOWER_CUES, strict=True
        )
    ]
    return pairs


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_cued_matches_are_the_scans_matches(seed: int) -> None:
    for text in _texts(400, seed):
        starts = [m.start() for m in ex._WORD_START.finditer(text)]
        for pattern, cue, lower in _pairs():
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in ex._cued_matches(pattern, cue, text, starts)] == expected
            if lower is not None and text.isascii():
                cued = ex._cued_matches(pattern, lower, text, starts, text.lower())
                assert [m.span() for m in cued] == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Shelling hit Kharkiv in the early hours of Friday, officials said.", "in the early hours of Friday"),
        ("Drones struck Odesa during the   night\nof Sunday, the governor said.", "during the   night\nof Sunday"),
        ("Aid convoys reached Goma over the past forty-eight hours.", "over the past forty-eight hours"),
        ("Fighting in Sanaa resumed after two full days of calm.", "after two full days of"),
        ("The strike on Rafah came LATE ON MONDAY, medics said.", "LATE ON MONDAY"),
        ("A curfew in Srinagar began on the night of the 12th of March.", "on the night of the 12th of March"),
        ("Talks on Darfur ran from the 16th to the 20th of July 2025.", "from the 16th to the 20th of July 2025"),
    ],
)  # fmt: skip
def test_cue_far_into_a_phrase(text: str, surface: str) -> None:
    assert surface in [e.surface for e in find_date_expressions(text)]
