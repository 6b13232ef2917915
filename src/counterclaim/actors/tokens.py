"""Word tokens and lookup keys: how actor names and texts are normalised before matching.

Separate from the knowledge base because loading (building the alias index), matching,
spokesperson finding and target roles all compare text through the same ``token_key``: one
definition keeps an alias written in a YAML file and its occurrence in a text equal.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate
from operator import sub
from typing import Any, NamedTuple

from counterclaim.errors import KnowledgeBaseError
from counterclaim.lexicon import load_data

# The word lists of actor matching (spelling variants, titles, generic nouns...), documented
# in the file; files whose name starts with "_" are not actor files.
WORDS_FILE = "actors/_words.yaml"


def actor_words(name: str) -> Any:
    data = load_data(WORDS_FILE)
    value = data.get(name) if isinstance(data, dict) else None
    if not isinstance(value, list | dict):
        raise KnowledgeBaseError(f"{WORDS_FILE}: missing word list {name!r}")
    return value


@lru_cache(maxsize=1)
def generic_kinds() -> dict[str, tuple[str, ...]]:
    """``generic_kinds`` of the actor words: each generic head noun ("army", "group") and the
    actor kinds it may stand for, read once for every module that asks."""
    return {
        str(noun): tuple(str(kind) for kind in kinds)
        for noun, kinds in actor_words("generic_kinds").items()
    }


# Same-length character substitutions, so offsets in the mapped text are offsets in the input.
CHAR_MAP = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u00a0": " ",
    }
)
_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
# British spelling is the canonical one in the data; news text uses both.
_SPELLING: dict[str, str] = {str(k): str(v) for k, v in actor_words("spelling").items()}
# Lowercase words that are also short acronyms ("us", "is", "aa"): never taken as actors.
ENGLISH_SHORT_WORDS = {str(w) for w in actor_words("english_short_words")}


class NameToken(NamedTuple):
    # a tuple rather than a frozen dataclass: texts are cut into tens of thousands of these
    norm: str
    start: int
    end: int


@lru_cache(maxsize=1 << 16)  # a text's words come back in every text
def _norm(word: str) -> str:
    lower = word.lower()
    return _SPELLING.get(lower, lower)


_make = tuple.__new__  # a NameToken without the generated __new__: one call less per word


def name_tokens(text: str) -> list[NameToken]:
    """Word and punctuation tokens with possessive endings removed, offsets into ``text``."""
    mapped = text.translate(CHAR_MAP)
    if "'" not in mapped:  # no possessive to drop: every match is a token
        return [
            _make(NameToken, (_norm(match.group()), *match.span()))
            for match in _TOKEN_RE.finditer(mapped)
        ]
    raw = [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(mapped)]
    out: list[NameToken] = []
    i = 0
    while i < len(raw):
        word, start, end = raw[i]
        if word == "'" and out and out[-1].end == start:
            # "Houthis' spokesman", "Pakistan's army": the possessive is not part of a name.
            if i + 1 < len(raw) and raw[i + 1][0].lower() == "s" and raw[i + 1][1] == end:
                i += 2
                continue
            if out[-1].norm.endswith("s"):
                i += 1
                continue
        out.append(_make(NameToken, (_norm(word), start, end)))
        i += 1
    return out


# A word of name_tokens with the whitespace before it: the lengths of these, summed, are
# where each word ends (a text is its words and the whitespace between them)
_SPACED_TOKEN_RE = re.compile(r"\s*(?:\w+|[^\w\s])")


def name_words(text: str) -> tuple[list[str], list[int], list[int]]:
    """``name_tokens`` as three lists (normalised words, starts, ends), for a whole text:
    made by the regular expressions and ``map`` without a match object per word, which was
    most of the time a report's actor scan took."""
    mapped = text.translate(CHAR_MAP)
    words = _TOKEN_RE.findall(mapped)
    norms = list(map(_norm, words))
    ends = list(accumulate(map(len, _SPACED_TOKEN_RE.findall(mapped))))
    starts = list(map(sub, ends, map(len, words)))
    if "'" not in mapped:
        return norms, starts, ends
    # Possessives dropped as name_tokens drops them, looking at the apostrophes alone
    dropped: set[int] = set()
    for i in [i for i, word in enumerate(words) if word == "'"]:
        kept = i - 1  # the last word kept before this one
        while kept in dropped:
            kept -= 1
        if kept < 0 or ends[kept] != starts[i]:
            continue
        if i + 1 < len(words) and words[i + 1].lower() == "s" and starts[i + 1] == ends[i]:
            dropped.update((i, i + 1))
        elif norms[kept].endswith("s"):
            dropped.add(i)
    if dropped:
        kept_at = [i for i in range(len(words)) if i not in dropped]
        norms = [norms[i] for i in kept_at]
        starts = [starts[i] for i in kept_at]
        ends = [ends[i] for i in kept_at]
    return norms, starts, ends


# Letters and spaces only (most names): no punctuation, possessive or character to map, so
# the words are the tokens.
_PLAIN_WORDS = re.compile(r"[A-Za-z]+(?:[ \t]+[A-Za-z]+)*")


def phrase_terms(words: tuple[str, ...] | list[str]) -> set[str]:
    """The words of a phrase and its runs of two and three words, so that a word list's
    multi-word entries ("security forces", "service members") are found by set
    intersection like its single words."""
    terms = set(words)
    for size in (2, 3):
        terms.update(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))
    return terms


@lru_cache(maxsize=65536)
def token_key(text: str) -> tuple[str, ...]:
    plain = _PLAIN_WORDS.fullmatch(text) is not None
    words = tuple(map(_norm, text.split())) if plain else tuple(t.norm for t in name_tokens(text))
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return words
