"""Quotations: where they start and end, and who speaks a figure inside one."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterclaim.extract import Extraction
from counterclaim.extract.attribution import quote_spans
from counterclaim.model import Document
from counterclaim.nlp import parse_documents


def test_a_straight_quotation_running_into_the_next_paragraph_ends_at_its_last_mark() -> None:
    text = (
        'The governor told reporters: "The gunmen came at night and burnt the market.\n\n'
        '"So far, 20 have died and 46 were taken to hospital."\n\nPolice gave no figure.'
    )
    [(start, end)] = quote_spans(text)
    assert text[start:end].startswith('"The gunmen') and text[start:end].endswith('hospital."')


def test_a_quotation_of_several_paragraphs_each_opened_again_runs_to_its_close() -> None:
    text = (
        "The police spokesman confirmed the attacks.\n\n"
        "“At about 10 p.m., gunmen attacked the villages.\n\n"
        "“More than 40 persons were killed and 120 houses were set ablaze.\n\n"
        "Read also: another attack in Bauchi\n\n"
        "“Investigation is still on,’’ Adeyemi stated."
    )
    spans = quote_spans(text)
    run = max(spans, key=lambda span: span[1] - span[0])
    assert text[run[0] :].startswith("“At about") and text[: run[1]].endswith("still on,’’")


def test_an_opening_mark_never_closed_makes_no_quotation() -> None:
    text = "“At about 10 p.m., gunmen attacked the villages.\n\nPolice gave no figure at all."
    assert quote_spans(text) == []


def test_single_curly_marks_quote_but_an_apostrophe_does_not_close_them() -> None:
    text = (
        "‘We’ve buried the soldiers’ bodies; so far, 20 have died in the attack’, the chief "
        "said. The mayor called it ‘a dark day’ for the town."
    )
    [(start, end)] = quote_spans(text)
    assert (
        text[start:end] == "‘We’ve buried the soldiers’ bodies; so far, 20 have died in the attack’"
    )


def test_quotations_closed_in_their_own_paragraphs_stay_apart() -> None:
    text = (
        '"The attackers fired on the crowd for ten minutes," a witness said.\n\n'
        '"Nine people died in front of the mosque," another resident told AFP.'
    )
    spans = quote_spans(text)
    assert len(spans) == 2
    assert all("\n" not in text[s:e] for s, e in spans)


@given(
    st.text(alphabet=st.sampled_from(['"', "a", " ", "\n", ".", "“", "”", "‘", "’"]), max_size=200)
)
def test_quotation_spans_are_ordered_disjoint_and_open_on_a_quotation_mark(text: str) -> None:
    spans = quote_spans(text)
    assert spans == sorted(spans)
    straight = [(s, e) for s, e in spans if text[s] == '"']  # curly ones may nest in them
    for (_, end), (start, _) in itertools.pairwise(straight):
        assert end <= start
    for start, end in spans:
        assert text[start] in '"“‘' and text[end - 1] in "\"”’'" and end > start


def killed_in(text: str) -> list[Extraction]:
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    return [e for e in parsed._.extractions if e.category == "killed"]


@pytest.mark.model
def test_a_figure_in_a_quotation_s_second_paragraph_is_its_speaker_s() -> None:
    [killed] = killed_in(
        "Gunmen attacked a village in Benue State, Nigeria, on Friday night.\n\n"
        'The council chairman, Mr. Peter Aondo, told journalists: "The attackers came at '
        'night and burnt houses.\n\n"So far, 20 have died."\n\nPolice did not comment.'
    )
    assert "chairman" in (killed.attribution.surface or "")


@pytest.mark.model
def test_figures_in_a_run_on_quotation_are_its_speaker_s() -> None:
    [killed] = killed_in(
        "Gunmen attacked villages in Mangu, Plateau State, on Sunday night.\n\n"
        "The police spokesman, DSP John Adeyemi, confirmed the attacks on Tuesday.\n\n"
        "“At about 10 p.m., gunmen attacked the villages simultaneously.\n\n"
        "“Three communities were attacked in Riyom where 12 persons were killed.\n\n"
        "“Investigation is still on,’’ Adeyemi stated."
    )
    assert killed.attribution.surface == "Adeyemi"


@pytest.mark.model
def test_a_figure_in_single_curly_marks_is_its_speaker_s() -> None:
    [killed] = killed_in(
        "Gunmen attacked a village in Benue State, Nigeria, on Friday night.\n\n"
        "Mr. Peter Aondo, a community leader, spoke to reporters.\n\n"
        "He said: ‘They came from the west at night. About 46 wounded were taken to hospital; so "
        "far, 20 have died’."
    )
    assert killed.attribution.kind != "reporter"


@pytest.mark.model
@pytest.mark.parametrize(
    "opening",
    ["Earlier, ", "On Monday, ", "In a statement on Tuesday, ", "Speaking in Juba later, "],
)
def test_what_opens_the_sentence_before_a_quotation_is_no_part_of_its_speaker(
    opening: str,
) -> None:
    [killed] = killed_in(
        f'{opening}county commissioner James Lual said, "Nine people died when the bus was '
        'ambushed near Yei."'
    )
    assert killed.attribution.surface == "county commissioner James Lual"
