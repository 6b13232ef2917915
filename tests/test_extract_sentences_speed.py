"""The shortcuts of the sentence tests and of find_counts give what the long way gives."""

from __future__ import annotations

import pytest

from counterclaim.extract import counts, features
from counterclaim.extract.sentences import paragraph_index, sentence_text
from counterclaim.nlp import load_pipeline

# Counts of every kind find_counts reads, from several conflicts.
TEXTS = [
    "Commander Abdel Karim was killed in an airstrike near Idlib, the group said.",
    "Two hundred and fourteen soldiers died in Bakhmut and as many were wounded.",
    "A dozen fighters and a number of civilians were hurt in clashes in Kidal.",
    "Dozens of people were killed and scores wounded in Khan Younis, medics said.",
    "The army denied any deaths in Kashmir; no civilians were harmed, it added.",
    "Both pilots survived but none of the 25 passengers did, officials in Sanaa said.",
    "The tank was destroyed near Pokrovsk and another drone was downed over Kursk.",
    "Not a single soldier was hurt, the junta said after the ambush in Sagaing.",
    "Between 25 and 30 insurgents were killed in Borno, firing 2,000 shells a day.",
    "The deaths of 12 miners in North Kivu were denied by the M23.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", TEXTS)
def test_find_counts_skipping_unread_words_equals_reading_every_word(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    nlp = load_pipeline()

    def found() -> list[tuple[object, int, int, str]]:
        doc = nlp(text)
        return [
            (m.count, m.start, m.end, m.noun.text if m.noun is not None else "")
            for sent in doc.sents
            for m in counts.find_counts(sent)
        ]

    skipping = found()
    monkeypatch.setattr(counts, "_count_openings", lambda doc: list(range(len(doc))))
    assert skipping == found()
    assert skipping


@pytest.mark.model
def test_sentence_text_and_words_are_those_of_the_parse() -> None:
    doc = load_pipeline()("Shelling hit Kherson.\nTwo medics were killed, officials said. ")
    for sent in doc.sents:
        assert sentence_text(sent) == sent.text
        words, figures = features._sentence_words(sent)
        assert (
            features._sentence_words(sent)
            is doc.user_data["counterclaim_sentence_words"][(sent.start, sent.end)]
        )
        assert figures == sum(1 for t in sent if t.like_num)
        assert len(words) == len(set(words))


@pytest.mark.parametrize("offset", [0, 1, 5, 6, 7, 12, 13, 14, 40])
def test_paragraph_index_counts_the_line_breaks_before(offset: int) -> None:
    text = "Gaza\n\nRafah\n\nKhartoum, Sudan\nGoma"
    assert paragraph_index(text, offset) == text.count("\n", 0, offset)


@pytest.mark.model
@pytest.mark.parametrize("copies", [1, 900])  # short, and long enough to be parsed in pieces
def test_the_text_the_rules_cut_from_is_the_parse_s(copies: int) -> None:
    from counterclaim.model import Document
    from counterclaim.nlp import parse_documents

    text = "Gunmen killed 12 soldiers near Kidal, the army said.\n" * copies
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    assert parsed.user_data["counterclaim_text"] == parsed.text == text
