"""The shortcuts of the provenance stage give what the long way gives."""

from __future__ import annotations

import dataclasses
import re

import pytest

from counterclaim import provenance
from counterclaim.model import Document
from counterclaim.store import Store

# Citation phrasings from several conflicts, each matching a pattern of the lexicon.
CITING_TEXTS = [
    "The toll was shared by The Khartoum Wire, citing the official channel of the RSF.",
    "The Interfax news service reported, citing the Russian aviation authority, that 12 died.",
    "Citing military sources, Tolo News reported that 40 fighters were killed in Helmand.",
    "The ISPR said in a statement that 9 soldiers were killed in North Waziristan.",
    "Seven civilians died in Goma, said Lawrence Kanyuka, spokesperson for the M23, in a post.",
    "In a statement, Houthi spokesperson Yahya Saree said 3 ships were hit in the Red Sea.",
    "According to a statement by the ministry posted on Telegram, 21 drones were downed.",
    "The mayor of Kharkiv said on Telegram that 4 people were wounded overnight.",
    "The governor wrote in a series of Telegram posts that 2 villages lost power.",
    "Mujahid was quoted as saying by Tolo News that 15 attackers died in Kunduz.",
    "Myanmar Now quoted him as saying 30 villagers were killed in Sagaing.",
    "A commander told AFP that 60 fighters were killed near El Fasher.",
]
OTHER_TEXTS = [
    "Shelling hit a market in Gaza City on Monday, killing 14 people, medics said.",
    "The army said it had killed 25 militants in a raid in Mali's Mopti region.",
    "Residents of Srinagar said a curfew was imposed after the attack in Kashmir.",
]


def _citations_scanning_every_text(text: str) -> list[tuple[str, str | None, int, int]]:
    lexicon = provenance._lexicon()
    patterns = [(kind, pattern, []) for kind, pattern, _ in lexicon.citations]
    original = lexicon.citations[:]
    provenance._citations.cache_clear()
    try:
        lexicon.citations[:] = patterns
        found = provenance.citations(text)
    finally:
        lexicon.citations[:] = original
        provenance._citations.cache_clear()
    return [(c.kind, c.source, c.start, c.end) for c in found]


@pytest.mark.parametrize("text", CITING_TEXTS + OTHER_TEXTS)
def test_citations_with_cues_equal_a_scan_of_every_pattern(text: str) -> None:
    expected = _citations_scanning_every_text(text)
    found = [(c.kind, c.source, c.start, c.end) for c in provenance.citations(text)]
    assert found == expected


@pytest.mark.parametrize("text", CITING_TEXTS)
def test_each_phrasing_is_found(text: str) -> None:
    assert provenance.citations(text)


def test_every_match_holds_its_pattern_cues() -> None:
    for text in CITING_TEXTS:
        for _, pattern, cues in provenance._lexicon().citations:
            if pattern.search(text):
                assert all(any(cue in text for cue in options) for options in cues)


def test_cues_of_a_pattern() -> None:
    pattern = re.compile(r"(?P<who>[A-Z]\w+)\s+told\s+(?P<agency>Reuters|AFP)\b")
    assert provenance._cues(pattern) == [("told",), ("Reuters", "AFP")]
    # Optional, repeated and case-folded parts are never required.
    assert provenance._cues(re.compile(r"(?:citing\s+)?\w+\s+(?i:said)")) == []
    assert provenance._cues(re.compile(r"told", re.IGNORECASE)) == []
    # An alternation with an empty branch requires nothing.
    assert provenance._cues(re.compile(r"(?:Xinhua|)\s+said")) == [("said",)]


@pytest.mark.parametrize(
    ("threshold", "num_perm", "bands", "rows"),
    [(0.25, 128, 28, 2), (0.5, 128, 25, 5), (0.8, 128, 11, 11), (0.5, 64, 16, 4)],
)
def test_lsh_params_as_the_pairwise_search_chose(
    threshold: float, num_perm: int, bands: int, rows: int
) -> None:
    params = provenance.lsh_params(threshold, num_perm)
    assert (params.bands, params.rows) == (bands, rows)


def test_set_origins_keeps_what_is_not_given(store: Store) -> None:
    docs = [
        Document(text=f"Airstrike on Sanaa district {i} killed {i + 3} people.") for i in range(4)
    ]
    store.add_documents(docs)
    store.set_origins({d.id: ("Saba", "Reuters") for d in docs})
    store.set_origins(
        {
            docs[0].id: ("Al Masirah", None),
            docs[1].id: (None, "AFP"),
            docs[2].id: ("Houthi media", "AP"),
            docs[3].id: (None, None),
        }
    )
    stored = {d.id: (d.origin, d.syndicated_from) for d in store.documents()}
    assert stored == {
        docs[0].id: ("Al Masirah", "Reuters"),
        docs[1].id: ("Saba", "AFP"),
        docs[2].id: ("Houthi media", "AP"),
        docs[3].id: ("Saba", "Reuters"),
    }


def test_cues_read_from_the_source_without_the_private_parser() -> None:
    cues = provenance._cues
    # Character codes are no words, and a lookahead or a comment is not matched text.
    assert cues(re.compile(r"ab\x41cd\u00e9ef\012gh")) == [("ab",), ("cd",), ("ef",), ("gh",)]
    assert cues(re.compile(r"said(?=\s+by)")) == [("said",)]
    assert cues(re.compile(r"told(?#a comment)by")) == [("told",), ("by",)]
    # An escaped space (re.escape of an agency's name) is a literal; "an?" ends the run.
    assert cues(re.compile(r"\bin\ an?\ (?:video|post)s?")) == [("in a",), ("video", "post")]
    # Each branch opens on its own whole word, shared first letters or not.
    assert cues(re.compile(r"(?:Telegram|Twitter)\s+post")) == [("Telegram", "Twitter"), ("post",)]
    # Flags for the whole pattern, a repeated group, a bare alternation with an empty branch.
    assert cues(re.compile(r"(?i)told")) == []
    assert cues(re.compile(r"(?:ab|cd)?ef")) == [("ef",)]
    assert cues(re.compile(r"foo|bar|")) == []
    assert cues(re.compile(r"[]a]bc|de")) == []


def test_every_citation_pattern_of_the_lexicon_has_cues() -> None:
    # A pattern without cues is scanned on every text: the shortcut would be lost silently.
    assert all(cues for _, _, cues in provenance._lexicon().citations)


# Credit lines and datelines from several conflicts, and reports crediting no agency.
CREDIT_TEXTS = [
    "KHARTOUM (Reuters) - Shelling killed 12 people in Omdurman, medics said.",
    "GAZA, April 2 (AFP) – An air strike on a school killed 9 people.\n\nAFP",
    "By Aamir Khan, Associated Press\n\nA blast in Quetta killed 6 police officers.",
    "Drone strikes hit Kharkiv overnight, Ukrinform reported.\n\n(Reporting by Anadolu Agency)",
    "Source: Xinhua\n\nGunmen killed 20 villagers in Zamfara state, police said.",
    "Seven soldiers died in an ambush in Mopti region, the army said.",
    "Fighting in Sagaing displaced 3,000 people, residents said.\n\nPublished in Dawn",
]


def _credits_scanning_every_pattern(text: str) -> list[provenance.Credit]:
    lexicon = provenance._lexicon()
    original = lexicon.credits[:]
    lexicon.credits[:] = [dataclasses.replace(c, cues=()) for c in original]
    try:
        return provenance.find_credits(text)
    finally:
        lexicon.credits[:] = original


@pytest.mark.parametrize("text", CREDIT_TEXTS)
def test_credits_with_cues_equal_a_scan_of_every_pattern(text: str) -> None:
    assert provenance.find_credits(text) == _credits_scanning_every_pattern(text)


def test_credit_cues_are_read_and_found_credits_hold_them() -> None:
    credits = provenance._lexicon().credits
    assert sum(1 for c in credits if c.cues) >= len(credits) // 2
    assert provenance.find_credits(CREDIT_TEXTS[0])[0].agency == "Reuters"
    for credit in credits:
        for text in CREDIT_TEXTS:
            match = credit.pattern.search(text)
            if match:
                assert all(any(cue in text for cue in alts) for alts in credit.cues)


def test_shingles_and_signature_of_a_repeating_text() -> None:
    text = "Shelling hit Kherson. Shelling hit Kherson again; shelling killed 4 in Kherson."
    # a repeated word counts once, as in the text that writes each word once
    assert provenance.shingles(text) == provenance.shingles("Shelling hit Kherson again, killed 4")
    assert provenance.shingles(text)
    signature = provenance.minhash_signature(text)
    assert len(signature) == provenance.NUM_PERM and all(type(v) is int for v in signature)
