"""The shortcuts of the place scan give what the long way gives."""

from __future__ import annotations

import pytest

from counterclaim import places

# Sentences from several conflicts: possessives, particles, suffix words, hyphenated
# names, runs of capitalised words that are no place, and names ending a sentence.
SENTENCES = [
    "Shelling hit the Kursk region's border villages and Belgorod's outskirts overnight.",
    "An air strike near Deir al-Balah and Khan Younis killed 11 people, medics said.",
    "Fighters of the Rapid Support Forces attacked El Fasher from the north.",
    "Gunmen killed 9 villagers in Bokkos, Plateau State, on Sunday.",
    "A drone hit a market in Mopti region; the Malian army blamed JNIM.",
    "Troops clashed near Bab el Mandeb while Houthi forces fired at a vessel.",
    "In North Waziristan, 4 soldiers died; Pakistan's ISPR said 6 attackers were killed.",
    "Residents of Sagaing Region said the Tatmadaw burned 3 villages near Monywa.",
    "Indian troops and militants exchanged fire in Kupwara district of Kashmir.",
    "M23 rebels entered Goma as Congolese soldiers withdrew toward Sake and Minova",
    "Houthis’ spokesman Yahya Saree said a ship was hit off Hodeidah's coast.",
    "the village of Kok-Tash lies in Batken; US Secretary Marco Rubio spoke in Washington.",
]


def _shapes_by_trying_every_span(tokens: list[places.Token], start: int, end: int) -> list[int]:
    return [stop for stop in range(end, start, -1) if places._span_shape_ok(tokens[start:stop])]


def _shapes_by_the_shortcut(tokens: list[places.Token], start: int, end: int) -> list[int]:
    inner = start + 1
    while inner < end and (tokens[inner].can_start or tokens[inner].connector):
        inner += 1
    return [
        stop
        for stop in range(min(end, inner + 1), start, -1)
        if stop - 1 == start or tokens[stop - 1].can_start or tokens[stop - 1].suffix
    ]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_spans_tried_are_those_of_a_good_shape(sentence: str) -> None:
    tokens = places._tokenise(sentence)
    for start, token in enumerate(tokens):
        if not token.can_start:
            continue
        for end in range(start + 1, min(len(tokens), start + 6) + 1):
            expected = _shapes_by_trying_every_span(tokens, start, end)
            assert _shapes_by_the_shortcut(tokens, start, end) == expected


@pytest.mark.parametrize("sentence", SENTENCES)
def test_tokens_as_written(sentence: str) -> None:
    for token in places._tokenise(sentence):
        assert isinstance(token, places.Token)
        assert sentence[token.start : token.end] == token.text
        assert (token.key, token.can_start, token.connector, token.suffix) == (
            places._word_features(token.text)
        )
        assert not token.text.endswith(("'s", "’s"))


def test_places_found_in_sentences_of_several_conflicts() -> None:
    found = [m.surface for s in SENTENCES for m in places.find_place_names(s)]
    for name in ("Deir al-Balah", "Khan Younis", "Goma", "North Waziristan", "Hodeidah"):
        assert name in found
    assert "Marco Rubio" not in found


@pytest.mark.parametrize("sentence", SENTENCES)
def test_words_that_cannot_be_in_a_name_are_left_out(sentence: str) -> None:
    kept = places._tokenise(sentence)
    assert all(t.can_start or t.connector or t.suffix for t in kept)
    # every capitalised word is kept, at its offsets
    capitalised = [m.start() for m in places._TOKEN_RE.finditer(sentence) if m.group()[0].isupper()]
    assert [t.start for t in kept if t.text[:1].isupper()] == capitalised


def _found(text: str, country: str | None = None) -> list[tuple[int, int, str, str | None]]:
    return [
        (m.start, m.end, m.surface, m.place.country_code)
        for m in places.find_place_names(text, country)
    ]


@pytest.mark.parametrize("country", [None, "PK", "SD", "UA"])
def test_a_name_accepted_once_is_accepted_again_as_the_long_way_accepts_it(
    country: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [
        *SENTENCES,
        "Fighting in the DRC spread as M23 moved on Drc villages; Goma's airport closed.",
        "Karachi police said Kursk and KURSK were hit, and Sinai and SINAI too.",
    ]
    places.Gazetteer.load()._accepted.clear()
    kept = [_found(text, country) for text in [*texts, *reversed(texts)]]
    assert places.Gazetteer.load()._accepted  # kept for the next report

    def long_way(
        self: places.Gazetteer,
        surface: str,
        key: str,
        contexts: list[str],
        embedded: bool,
        min_population: int = places.TEXT_MIN_POPULATION,
    ) -> places.GazetteerEntry | None:
        return self._accept(surface, key, self.index[key], contexts, embedded, min_population)

    monkeypatch.setattr(places.Gazetteer, "_accept_known", long_way)
    assert kept == [_found(text, country) for text in [*texts, *reversed(texts)]]
