"""Counts in news text: digits, number words, "a dozen", vague counts, and qualifiers.

``text2num`` reads number words ("two hundred and fourteen"); the vague words and the
qualifier phrases come from ``data/lexicon/counts.yaml`` so users can extend them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from counterclaim.lexicon import load_data

# Larger figures are not counts of people or things (and overflow a 64-bit column).
MAX_COUNT = 10**12
_DIGITS = re.compile(r"^\d{1,3}(?:[,\u202f\u00a0]\d{3})+$|^\d+$")
_NUMBER_WORD_PARTS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", "hundred", "thousand", "million", "and",
}  # fmt: skip


@dataclass(frozen=True)
class Count:
    """A parsed count: ``value`` None means vague ("dozens")."""

    value: int | None
    qualifier: str = "exact"
    value_high: int | None = None


@dataclass(frozen=True)
class CountLexicon:
    vague: frozenset[str]
    exact_words: dict[str, int]
    qualifiers: tuple[tuple[re.Pattern[str], str], ...]
    # the last word of every qualifier phrase, lowercase: a text ending in none of them ends
    # in no qualifier, without trying each pattern
    qualifier_ends: tuple[str, ...]


@lru_cache(maxsize=1)
def lexicon() -> CountLexicon:
    data = load_data("lexicon/counts.yaml")
    qualifiers = []
    for qualifier, phrases in data["qualifiers"].items():
        for phrase in phrases:
            words = r"\s+".join(re.escape(w) for w in phrase.split())
            qualifiers.append((re.compile(rf"(?:^|\W){words}\s*$", re.IGNORECASE), qualifier))
    # Longer phrases first, so "no fewer than" wins over "fewer than".
    qualifiers.sort(key=lambda item: -len(item[0].pattern))
    return CountLexicon(
        vague=frozenset(w.lower() for w in data["vague"]),
        exact_words={k.lower(): int(v) for k, v in data["exact_words"].items()},
        qualifiers=tuple(qualifiers),
        qualifier_ends=tuple(
            {p.split()[-1].lower() for phrases in data["qualifiers"].values() for p in phrases}
        ),
    )


def parse_number(text: str) -> int | None:
    """An integer from digits ("2,880") or number words ("two hundred and fourteen")."""
    cleaned = text.strip().lower().replace("-", " ")
    if not cleaned:
        return None
    if _DIGITS.match(cleaned):
        digits = re.sub(r"\D", "", cleaned)
        value = int(digits) if len(digits) <= len(str(MAX_COUNT)) else None
        return value if value is not None and value <= MAX_COUNT else None
    words = cleaned.split()
    if words and all(w in _NUMBER_WORD_PARTS for w in words) and words[0] != "and":
        try:
            value = int(text2num(" ".join(words), "en"))
        except ValueError:
            return None
        return value if value <= MAX_COUNT else None
    exact = lexicon().exact_words.get(cleaned)
    if exact is not None:
        return exact
    if m := re.fullmatch(r"(\d+(?:\.\d+)?)\s*(thousand|million)", cleaned):
        scale = 1000 if m.group(2) == "thousand" else 1_000_000
        value = int(float(m.group(1)) * scale)
        return value if value <= MAX_COUNT else None
    return None


def is_vague_word(word: str) -> bool:
    return word.lower() in lexicon().vague


def qualifier_before(prefix: str) -> str:
    """The qualifier named by the words just before a number ("at least", "over"...)."""
    found = _trailing_qualifier(prefix)
    return found[1] if found is not None else "exact"


def strip_qualifier(prefix: str) -> str:
    """The words before a number without the qualifier that ends them ("and about" → "and")."""
    found = _trailing_qualifier(prefix)
    return prefix[: found[0]] if found is not None else prefix


def _trailing_qualifier(prefix: str) -> tuple[int, str] | None:
    """Where the qualifier phrase ending ``prefix`` starts, and which qualifier it is: the
    first pattern (longest phrases first) that matches its last 40 characters."""
    tail = prefix[-40:]
    lex = lexicon()
    if not tail.rstrip().lower().endswith(lex.qualifier_ends):
        return None
    for pattern, qualifier in lex.qualifiers:
        m = pattern.search(tail)
        if m:
            # the pattern starts at the non-word character before the phrase: keep it
            start = m.start() + (0 if m.group(0)[:1].isalnum() else 1)
            return len(prefix) - len(tail) + start, qualifier
    return None


_RANGE = re.compile(
    r"^\s*(?:-|–|—|to|or)\s*(?P<high>\d{1,3}(?:,\d{3})+|\d+|[a-z]+(?:[ -][a-z]+)?)\b", re.IGNORECASE
)


def range_after(suffix: str, low: int) -> int | None:
    """The upper bound of "35 to 40" / "35-40" given the text right after the low figure."""
    m = _RANGE.match(suffix)
    if not m:
        return None
    high = parse_number(m.group("high"))
    if high is not None and high > low:
        return high
    return None


def format_count(count: Count) -> str:
    """A human rendering: "at least 25", "dozens", "35–40"."""
    if count.value is None:
        return "vague"
    text = f"{count.value:,}"
    if count.value_high is not None:
        text = f"{text}–{count.value_high:,}"
    words = {
        "exact": "",
        "at_least": "at least ",
        "more_than": "more than ",
        "up_to": "up to ",
        "about": "about ",
    }
    return words.get(count.qualifier, "") + text
