"""Operation names in a text ("Operation Herof 2.0", "the second phase of Operation Bunyan
um Marsoos"): the strongest sign that reports from different days are one campaign.

Apart from ``incidents`` because it reads text rather than claims; the incidents stage asks
it which operation a claim's document names and near which claim.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "5th": 5,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
}
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
_NAME_WORD = r"[A-Z][\w'’]*(?:-[\w'’]+)*"
_OPERATION = re.compile(
    r"(?:\b(?P<ord>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+phase\s+of\s+"
    r"(?:the\s+)?(?:so-called\s+)?[“\"‘']?)?"
    r"\bOperation\s+[“\"‘']?"
    rf"(?P<name>{_NAME_WORD}(?:[ ]{_NAME_WORD}){{0,3}})"
    r"(?:[ ](?P<num>\d(?:\.0)?)(?![\d.]\d))?"
    r"(?:[”\"’']?,?\s+(?:[Pp]hase)\s+(?P<phase>\d|one|two|three|four|five|I{1,3}|IV|V)\b)?"
)
# Capitalised words that follow a name without being part of it.
_NAME_STOP = {"On", "In", "At", "The", "And", "Was", "Is", "Has", "Which", "That", "As"}


@dataclass(frozen=True)
class OperationMention:
    """One mention of a named operation; ``key`` and ``phase`` identify it across spellings."""

    name: str  # as written, without the phase ("Herof", "Bunyan-um-Marsoos")
    key: str  # normalised name: "herof" for Herof and Heroof
    phase: int | None  # 2 for "2.0", "II", "second phase of"; None when not stated
    start: int
    end: int

    @property
    def slug(self) -> str:
        base = slug(self.name)
        if self.phase is None:
            return base
        return f"{base}{self.phase}" if "-" not in base else f"{base}-{self.phase}"

    def same_operation(self, other: OperationMention) -> bool:
        return operations_match(self.key, self.phase, other.key, other.phase)


def operation_key(name: str) -> str:
    """Spelling-insensitive key: ASCII, lowercase letters and digits, doubled letters single."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    letters = re.sub(r"[^a-z0-9]", "", folded)
    return re.sub(r"(.)\1+", r"\1", letters)


def operations_match(key_a: str, phase_a: int | None, key_b: str, phase_b: int | None) -> bool:
    """Same operation: equal or near-equal keys, and phases that do not contradict."""
    if phase_a is not None and phase_b is not None and phase_a != phase_b:
        return False
    return key_a == key_b or (min(len(key_a), len(key_b)) >= 5 and fuzz.ratio(key_a, key_b) >= 90)


def find_operations(text: str) -> list[OperationMention]:
    """Named operations in a text, with spelling variants and phases normalised."""
    found: list[OperationMention] = []
    for m in _OPERATION.finditer(text):
        words = m.group("name").split(" ")
        phase = None
        while len(words) > 1 and (words[-1] in _NAME_STOP or words[-1] in _ROMAN):
            if words[-1] in _ROMAN and phase is None:
                phase = _ROMAN[words[-1]]
            words.pop()
        if words[0] in _NAME_STOP:
            continue
        name = " ".join(words)
        if m.group("num"):
            phase = int(float(m.group("num")))
        elif m.group("phase"):
            raw = m.group("phase")
            phase = _ROMAN.get(raw) or _ORDINALS.get(raw.lower()) or int(raw)
        elif m.group("ord"):
            phase = _ORDINALS[m.group("ord").lower()]
        if phase == 1 and not m.group("ord"):
            # "Operation X 1.0" is rare; a bare "1" is more often a following number.
            phase = None if m.group("num") == "1" else phase
        found.append(OperationMention(name, operation_key(name), phase, m.start(), m.end()))
    return found


def slug(text: str) -> str:
    """A label part: ASCII, lowercase, words joined by hyphens ("Bunyan um Marsoos" →
    "bunyan-um-marsoos")."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
