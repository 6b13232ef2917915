"""A target phrase's civilian words are read once per phrase: the answer asked again is the
answer read anew, and nobody can change the one kept."""

from __future__ import annotations

import pytest

from counterclaim.actors import is_civilian_phrase, names_only_generic_people
from counterclaim.actors.roles import _split_civilian_words


@pytest.mark.parametrize(
    "phrase",
    [
        "crew members of the Eternity C",
        "national security forces in Balochistan",
        "child soldiers of the RSF",
        "residents of Khan Younis",
        "people in Goma",
        "two individuals responsible for the attack in Pahalgam",
        "Houthi fighters and civilians near Hodeidah",
        "",
    ],
)
def test_a_phrase_read_again_reads_as_anew(phrase: str) -> None:
    kept = _split_civilian_words(phrase)
    assert _split_civilian_words(phrase) is kept
    assert kept == _split_civilian_words.__wrapped__(phrase)
    assert all(isinstance(part, frozenset) for part in kept)


def test_civilian_tests_stand_on_the_phrase_read_once() -> None:
    assert is_civilian_phrase("residents of Kharkiv")
    assert is_civilian_phrase("passengers of a bus in Sagaing")
    assert not is_civilian_phrase("child soldiers in Ituri")
    assert names_only_generic_people("people in Kidal")
    assert not names_only_generic_people("displaced families in El Fasher")
