"""Which sentences the rule stage reads, and what it notes about each one.

Body text only (no headline, standfirst, caption or page furniture), not the background of
whole-war tolls, with the sentence's paragraph, hedges and places. Separate from the
per-count rules because it decides about sentences, never about a single figure.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from counterclaim.extract.text import RELATIVE_PRONOUNS, doc_text
from counterclaim.extract.wordlists import lexicon
from counterclaim.lexicon import load_data


def body_start_of(doc: Doc) -> int:
    start = doc.user_data.get("body_start", 0) if doc.user_data else 0
    return int(start)


def sentence_text(sent: Span) -> str:
    """The sentence's text cut from the document's, the same as ``sent.text`` without making
    a spaCy ``Token`` for each of its words on every call."""
    return doc_text(sent.doc)[sent.start_char : sent.end_char]


def is_body_sentence(sent: Span, title: str | None) -> bool:
    """Headlines, standfirsts, captions and page furniture are not body text."""
    text = sentence_text(sent).strip()
    if not text:
        return False
    if title and len(text) < len(title) + 30 and _squash(text).startswith(_title_key(title)):
        return False
    whole = doc_text(sent.doc)
    line_start = whole.rfind("\n", 0, sent.start_char) + 1
    line_end = whole.find("\n", sent.start_char)
    line = whole[line_start : line_end if line_end >= 0 else len(whole)].strip()
    if line.endswith(_CLOSING):
        return True
    if line.endswith(":") and len(line.split()) >= 4:
        return True  # "The air force said on Tuesday:", a lead-in to the list below it
    if _BULLET.match(line):
        # a bulleted line is a related story's headline, unless it is an item of a list a
        # lead-in introduces ("The air force said:")
        return _under_a_lead_in(whole, line_start)
    # A short line without closing punctuation is a heading, caption or furniture
    return len(line.split()) >= 12


def _under_a_lead_in(whole: str, line_start: int) -> bool:
    """Whether the lines before a bulleted one, past other bulleted ones, end in a colon."""
    for before in reversed(whole[:line_start].split("\n")):
        before = before.strip()
        if not before or _BULLET.match(before):
            continue
        return before.endswith(":")
    return False


_CLOSING = (".", "!", "?", '"', "”", "’", ")")
_BULLET = re.compile(r"^[•●▪■◦‣*]\s")


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


@lru_cache(maxsize=256)
def _title_key(title: str) -> str:
    """What a headline sentence starts with once squashed (every sentence is tested against
    its document's title)."""
    return _squash(title)[:60]


def paragraph_index(text: str, offset: int) -> int:
    """How many line breaks come before ``offset``: found in the text's line breaks, listed
    once, rather than by counting from the start for every sentence (the square of a long
    document's length)."""
    return bisect_left(_line_breaks(text), offset)


@lru_cache(maxsize=8)
def _line_breaks(text: str) -> list[int]:
    return [match.start() for match in re.finditer("\n", text)]


def sentence_hedged(sent: Span) -> bool:
    low = sentence_text(sent).lower()
    lex = lexicon()
    if any(h in low for h in lex.hedges):
        return True
    # (every pattern names the claim or its figure: most sentences are spared the search)
    return (
        lex.hedge_patterns is not None
        and any(word in low for word in _HEDGED_FIGURE_WORDS)
        and lex.hedge_patterns.search(low) is not None
    )


_HEDGED_FIGURE_WORDS = ("claim", "figure", "toll", "tally", "number", "disputed")


@dataclass(frozen=True)
class RunningTotals:
    """The phrases of a running total (``lexicon/running_totals.yaml``): whole-war and
    campaign tolls are background, not claims about an incident (ANNOTATION.md)."""

    pattern: re.Pattern[str]  # every phrase, one alternation
    phrases: tuple[re.Pattern[str], ...]
    # per phrase, the groups of words a text must hold one of each for it to match
    needs: tuple[tuple[tuple[str, ...], ...], ...]

    def may_match(self, text: str) -> bool:
        """False only for a text the pattern cannot match: one lacking, for every phrase,
        a word it needs."""
        if not text.isascii() and any(letter in text for letter in _FOLDED_TO_ASCII):
            return True
        low = text.lower()
        return any(all(any(w in low for w in group) for group in need) for need in self.needs)


# The letters beyond ASCII the pattern's case folding takes for ASCII ones ("ſince" matches
# "since") though ``str.lower`` keeps them apart; no other letter lowers to ASCII.
_FOLDED_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


@lru_cache(maxsize=1)
def running_totals() -> RunningTotals:
    data = load_data("lexicon/running_totals.yaml")
    words: dict[str, list[str]] = data["words"]

    def expand(pattern: str) -> str:
        return re.sub(
            r"\{(\w+)\}",
            lambda m: "|".join(words[m[1]]) if m[1] in words else m[0],
            pattern,
        )

    def expand_word(word: str) -> list[str]:
        named = re.search(r"\{(\w+)\}", word)
        if named is None or named[1] not in words:
            return [word]
        return [word.replace(named[0], item) for item in words[named[1]]]

    expanded = [expand(phrase["pattern"]) for phrase in data["phrases"]]
    needs = tuple(
        tuple(tuple(w for word in group for w in expand_word(word)) for group in phrase["needs"])
        for phrase in data["phrases"]
    )
    return RunningTotals(
        re.compile(r"\b(" + "|".join(expanded) + r")\b", re.IGNORECASE),
        tuple(re.compile(rf"\b(?:{one})\b", re.IGNORECASE) for one in expanded),
        needs,
    )


def cumulative_tokens(sent: Span) -> range | None:
    """The tokens of a sentence that count since some time (a war's or a year's running
    total), which is background (ANNOTATION.md "Not annotated"), rather than comparing an
    event with the past ("the deadliest ambush since 2010", "the worst attack since the war
    began"): the whole sentence, or only the clause that brings a total up ("45 were killed
    in the past day, bringing the toll since October to 35,000": the 45 is the day's own);
    None when nothing in it is such a count."""
    text = sentence_text(sent)
    totals = running_totals()
    if not totals.may_match(text):
        return None
    clauses: list[range] = []
    for match in totals.pattern.finditer(text):
        if _compares(sent, sent.start_char + match.start()):
            continue  # "the deadliest attack since 2010", "the largest in recent years"
        if match.group(0).lower() == "last year" and _tells_one_event(sent):
            continue  # "killed in the same district last year in a Maoist ambush"
        if match.group(0).lower().startswith("since") and _in_a_clause_about_the_counted(
            sent, sent.start_char + match.start()
        ):
            continue  # "released three soldiers it had held since March"
        if match.group(0).lower().startswith("since") and _describes_a_party(
            sent, sent.start_char + match.start()
        ):
            continue  # "the army, which has fought the RSF since April 2023, said ..."
        clause = _running_total_clause(sent, sent.start_char + match.start())
        if clause is None:
            return range(sent.start, sent.end)
        clauses.append(clause)
    if not clauses:
        return None
    return range(min(c.start for c in clauses), max(c.stop for c in clauses))


def _running_total_clause(sent: Span, offset: int) -> range | None:
    """The clause around a character offset that brings a running total up, hung on the
    sentence's own event: a participle ("bringing the toll since October to 35,000") or a
    clause of its own ("while the toll since October has risen to 35,000")."""
    lex = lexicon()
    for tok in _word_and_heads_at(sent, offset):
        lemma = tok.lemma_.lower()
        if (
            tok.pos_ in ("VERB", "AUX")
            and tok.dep_ in ("advcl", "xcomp", "conj", "acl")
            and (lemma in lex.total_verbs or lemma in lex.raising_verbs)
        ):
            words = [t.i for t in tok.subtree]
            return range(min(words), max(words) + 1)
    return None


def _word_and_heads_at(sent: Span, offset: int) -> list[Token]:
    """The word at a character offset of the sentence and the words above it, up the parse
    to the root; none where no word starts there."""
    span = sent.doc.char_span(offset, offset + 1, alignment_mode="expand")
    return [] if span is None else [span.root, *span.root.ancestors]


def _in_a_clause_about_the_counted(sent: Span, offset: int) -> bool:
    """Whether the words at ``offset`` lie in an object relative clause on a noun ("three
    soldiers it had held since March", "hostages the group has kept since 2022"): what its
    own subject did to them before, not a running total of what befell them."""
    for tok in _word_and_heads_at(sent, offset):
        if tok.dep_ == "relcl":
            return any(
                c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in tok.children
            )
    return False


def _describes_a_party(sent: Span, offset: int) -> bool:
    """Whether the words at ``offset`` describe the speaker rather than count: a relative
    clause or an apposition without a count on the subject of a verb of saying ("the army,
    which has been fighting the RSF since April 2023, said"), or a phrase on that verb beside
    what was said ("The army, at war with the RSF since April 2023, said ..."). Dates are no
    counts."""
    counts = {t.i for t in sent if t.like_num and t.ent_type_ not in ("DATE", "TIME")}
    reporting = lexicon().reporting_verbs
    below: Token | None = None
    for tok in _word_and_heads_at(sent, offset):
        counted = any(t.i in counts for t in tok.subtree)
        if not counted and tok.dep_ in ("relcl", "acl", "appos"):
            # on the speaker only: "300 civilians who have been killed since March" and
            # "the number of soldiers killed since the offensive began" count
            speaker = tok.head
            return speaker.dep_ == "nsubj" and speaker.head.lemma_.lower() in reporting
        if counted:
            # (not what was said, nor when: "previously reported ..., when ... downed six")
            return (
                tok.lemma_.lower() in reporting
                and below is not None
                and below.dep_ not in ("ccomp", "xcomp", "parataxis", "advcl", "advmod")
            )
        below = tok
    return False


def _tells_one_event(sent: Span) -> bool:
    """A sentence about one attack ("in an ambush", "in a bombing"): a year named for it
    dates an earlier incident, where "killed last year in attacks" is a year's toll."""
    nouns = lexicon().nouns
    return any(
        t.tag_ == "NN"
        and "attacks" in nouns.get(t.lemma_.lower(), ())
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)
        for t in sent
    )


def _compares(sent: Span, before: int, reach: int = 8) -> bool:
    """A superlative or an ordinal among the words before ``before`` (the tagger's
    superlative, not a spelling: "the West Bank since October" compares nothing; "the
    first", "the 14th since the war began": one of a series, not a running total)."""
    words = [t for t in sent if t.idx < before][-reach:]
    return any(
        (t.tag_ in ("JJS", "RBS") and not _qualifies_a_count(t))
        or t.lower_ == "first"
        or _ORDINAL.fullmatch(t.lower_)
        for t in words
    )


_ORDINAL = re.compile(
    r"\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|(?:\w+-)?(?:eleven|twelf|thirteen|fourteen|fifteen|twentie|thirtie|hundred)th"
)


def _qualifies_a_count(word: Token) -> bool:
    """ "at least 150,000", "at most 20": the superlative of a count's qualifier compares
    nothing."""
    return word.lower_ in ("least", "most") and word.i > 0 and word.nbor(-1).lower_ == "at"


def is_war_toll(trigger: Token) -> bool:
    """Whether the event word's agent is a war ("the civil war, which left 300,000 dead",
    "a conflict that has killed thousands"): the toll of a whole war, which is background
    (ANNOTATION.md "Not annotated"), however the sentence dates it."""
    wars = lexicon().war_nouns
    verb = trigger
    if verb.pos_ not in ("VERB", "AUX") and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "left 300,000 dead": the event word hangs on the verb
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in wars:
        return True
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in wars for c in verb.children)


def sentence_places(sent: Span) -> list[str]:
    names: list[str] = []
    for ent in _places_by_sentence(sent.doc).get(sent.start, ()):
        if ent.text not in names:
            names.append(re.sub(r"^the\s+", "", ent.text))
    return names


def _places_by_sentence(doc: Doc) -> dict[int, list[Span]]:
    """The place entities of a document by the start of their sentence, found once: a
    sentence's own ``ents`` walks every entity of the document, which made a long document
    cost the square of its length."""
    cached = doc.user_data.get("counterclaim_places_by_sentence")
    if cached is None:
        cached = {}
        starts: list[int] = []  # of the sentences, listed at the first place (a token's own
        # ``sent`` walks back word by word to its sentence's start)
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC", "FAC"):
                starts = starts or [sent.start for sent in doc.sents]
                start = starts[bisect_right(starts, ent.start) - 1]
                cached.setdefault(start, []).append(ent)
        doc.user_data["counterclaim_places_by_sentence"] = cached
    return cached


_YEAR_OPENING = re.compile(r"^(?:in|by|since|during)\s+(?:early\s+|late\s+|mid-?)?(?:19|20)\d\d\b")
# "The attack came two days after the group ambushed a convoy ...", "It follows a raid last
# week in which ...": what the sentence goes on to tell is an earlier event
_CAME_AFTER = re.compile(
    r"^(?:the|this|that|it)\b[^,.;]{0,40}?\b(?:came|comes|follows|"
    r"followed)\s+(?:\S+\s+){0,4}?(?:after|weeks?|days?|months?)\b"
)


def breaks_voice(sentence: str) -> bool:
    """A sentence that opens apart from what came before ("Separately, ...", "In 2021, ...")
    carries no earlier speaker's voice."""
    opening = sentence.lstrip(" \"“'‘(").lower()
    if _YEAR_OPENING.match(opening) or _CAME_AFTER.match(opening):
        return True
    return any(
        opening.startswith(word) and not opening[len(word) : len(word) + 1].isalnum()
        for word in lexicon().voice_breaks
    )
