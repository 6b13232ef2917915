"""The spokesperson scan tries its organisation-first pattern only in the runs of words
before a role noun: it finds what trying the pattern at every position finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counterclaim.actors.people import _SPOKES_PATTERNS, _org_role_matches

_ORG_FIRST = _SPOKES_PATTERNS[0]


def _everywhere(text: str) -> list[tuple[tuple[int, int], str, str]]:
    return [(m.span(), m.group("org"), m.group("name")) for m in _ORG_FIRST.finditer(text)]


def _shortcut(text: str) -> list[tuple[tuple[int, int], str, str]]:
    return [
        (m.span(), m.group("org"), m.group("name")) for m in _org_role_matches(_ORG_FIRST, text)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "BLA spokesperson Azad Baloch said the group attacked a convoy near Turbat.",
        "The army's spokesman Lt Gen Ahmed Sharif said 12 militants died in North Waziristan.",
        "Houthi military spokesman Yahya Saree said drones struck Eilat; IDF spokesman "
        "Avichay Adraee denied it.",
        "RSF  spokesman\tAl-Fateh Qurashi said El Fasher fell, while SAF spokesman Nabil "
        "Abdallah spoke of a retreat.",
        "M23 spokesperson Lawrence Kanyuka, and FARDC spokesman Sylvain Ekenge, disagree on Goma.",
        "a spokesman said; the ministry's spokeswoman, Maria Zakharova, spoke of Kursk",
        "Spokesman Ravi Shankar (capital) and police spokesman Imtiaz Ahmed in Srinagar",
        "The junta's mouthpiece Zaw Min Tun said Sagaing was calm. spokesmen spokesman X Y",
        "no role noun at all in this report from Sana'a, Yemen.",
        "",
    ],
)
def test_spokespersons_before_a_role_noun_are_found_as_everywhere(text: str) -> None:
    assert _shortcut(text) == _everywhere(text)


_PIECES = st.sampled_from(
    [
        "spokesman",
        "spokeswoman",
        "spokespeople",
        "mouthpiece",
        "spokes",
        "army",
        "RSF",
        "Houthis'",
        "Taliban’s",
        "Lt",
        "Gen",
        "Zabihullah",
        "Mujahid",
        "al-Kikli",
        "U.N.",
        "a/b",
        "Kyiv",
        "said",
        "the",
        ",",
        ".",
        " ",
        "  ",
        "\t",
        "\n",
        "(",
        "'s",
        "-",
        "é",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=24), st.lists(st.sampled_from(["", " ", "\t"]), max_size=24))
def test_any_text_is_scanned_as_everywhere(pieces: list[str], gaps: list[str]) -> None:
    text = "".join(piece + (gaps[i] if i < len(gaps) else " ") for i, piece in enumerate(pieces))
    assert _shortcut(text) == _everywhere(text)
