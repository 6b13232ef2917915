"""Attribution: who a figure is attributed to, as the text names them.

In order: "as reported by X" right after the figure, the speaker of a quotation holding the
trigger, a reporting verb above the trigger ("X said ... killed"), "according to X", and a
trailing ", X said." The names are cut from the parse and tidied; turning them into actors
is the resolve stage's work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Span, Token

from counterclaim.dates import WEEKDAY_NAMES
from counterclaim.extract.counts import partitive_noun
from counterclaim.extract.sentences import sentence_text
from counterclaim.extract.text import (
    RELATIVE_PRONOUNS,
    doc_text,
    np_text,
    tidy_name,
    tokens_labelled,
)
from counterclaim.extract.triggers import befalls_its_subject
from counterclaim.extract.wordlists import Lexicon, lexicon
from counterclaim.numbers import parse_number

PERSON_PRONOUNS = {"he", "she", "him", "her"}
_QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("«", "»"))


@dataclass
class Attribution:
    """Who a sentence's figure is attributed to, as the text names them."""

    surface: str | None  # None: nobody named (the outlet's own voice)
    kind: str = "reporter"  # named | pronoun | quote | inherited | reporter | background
    start: int = -1
    parts: list[str] = field(default_factory=list)  # appositions: "the mayor", "Sergei Sobyanin"


def quote_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for open_q, close_q in _QUOTE_PAIRS:
        pos = 0
        while True:
            start = text.find(open_q, pos)
            if start < 0:
                break
            end = text.find(close_q, start + 1)
            while open_q == close_q and end > 0 and _opens_a_paragraph(text, end):
                # a quotation running on into the next paragraph opens it again and closes
                # only at its end (the press's convention for straight quotes)
                end = text.find(close_q, end + 1)
            if end < 0:
                break
            if end - start > 30:
                spans.append((start, end + 1))
            pos = end + 1
    spans += [span for span in _single_quotations(text) if span not in spans]
    spans += [span for span in _run_on_quotations(text) if span not in spans]
    return sorted(spans)


# A single closing mark is also the apostrophe ("We’ve", "the soldiers’ families"): it
# closes a quotation only after or before punctuation ("... 20 have died’.", "... ended,’ he")
_SINGLE_CLOSER = re.compile(r"(?<=[.,!?;:])’|’(?=[.,!?;:])")


def _single_quotations(text: str) -> list[tuple[int, int]]:
    """Quotations in single curly marks (‘...’), as much of the press writes them."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while (start := text.find("‘", pos)) >= 0:
        line_end = text.find("\n", start)
        closer = _SINGLE_CLOSER.search(text, start + 1, len(text) if line_end < 0 else line_end)
        if closer is None:
            pos = start + 1
            continue
        if closer.end() - start > 30:
            spans.append((start, closer.end()))
        pos = closer.end()
    return spans


_OPENERS = ("“", '"', "‘")
_CLOSER = re.compile(rf"”|’’|''|\"|{_SINGLE_CLOSER.pattern}")


def _run_on_quotations(text: str) -> list[tuple[int, int]]:
    """Quotations of several paragraphs, each opened again and only the last closed
    (“... / “... / “...,’’ Alabo stated): from the first opening to the last closing mark.
    A short line between them ("Read also: ...") does not end the quotation."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    skipped = 0
    for line in re.finditer(r"[^\n]+", text):
        body = line.group().lstrip()
        offset = line.start() + len(line.group()) - len(body)
        if not body.startswith(_OPENERS):
            if opened is not None:
                skipped += 1
                if skipped > 1:
                    opened = None
            continue
        skipped = 0
        closer = _CLOSER.search(body, 1)
        if closer is None:
            opened = offset if opened is None else opened
            continue
        if opened is not None:
            spans.append((opened, offset + closer.end()))
        opened = None
    return spans


def _opens_a_paragraph(text: str, offset: int) -> bool:
    before = text[max(0, offset - 8) : offset].rstrip(" \t")
    return before.endswith("\n") and not text[offset + 1 : offset + 2].isspace()


def quote_around(quotes: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The quotation (start and end offsets) that holds an offset, if any."""
    return next(((start, end) for start, end in quotes if start <= offset < end), None)


def _nearest_subject_first(verb: Token) -> list[Token]:
    """A verb's children with its subjects before it nearest first: "Three refugees were
    killed and 12 others injured in Cox's Bazar, police said" is parsed with the injured and
    the police both subjects of "said"; the one right before the verb speaks."""
    children = list(verb.children)
    subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    first_ends = subjects[-2].right_edge if len(subjects) > 1 else None
    if first_ends is None or (
        first_ends.i + 1 == subjects[-1].left_edge.i and first_ends.text != ","
    ):
        # (one name in two: "Bijapur Superintendent of Police (SP) Jitendra Yadav"; but a
        # comma the parser hung on the first ends it: "found the bodies of 19 people in Zacatecas,
        # the prosecutor's office said")
        return children
    return sorted(subjects, key=lambda c: -c.i) + [c for c in children if c not in subjects]


def _spoken_by(verb: Token) -> Token | None:
    """The speaker a passive verb or participle names with "by" ("was confirmed by a
    source", "the toll, provided by the ministry")."""
    for agent in verb.children:
        if agent.dep_ == "agent":
            speaker = next((o for o in agent.children if o.dep_ == "pobj"), None)
            return speaker if speaker is not None and _can_speak(speaker) else None
    return None


def _is_saying_word(word: Token) -> bool:
    return word.lemma_.lower() in lexicon().reporting_verbs


def _subject_phrase(verb: Token) -> tuple[str, Token] | None:
    cited = _cited_source(verb)
    if cited is not None:
        return cited
    if any(c.dep_ == "auxpass" for c in verb.children) and (
        verb.lemma_.lower() not in lexicon().relaying_verbs  # "X was cited by WAM as saying"
    ):
        speaker = _spoken_by(verb)
        if speaker is not None:
            return _speaker_text(speaker), speaker
    if verb.lemma_.lower() in lexicon().relaying_verbs:
        # "BasNews quoted Maj. Qassem as saying ...": the one quoted speaks
        for child in verb.children:
            if child.dep_ == "dobj" and _can_speak(child):
                return _speaker_text(child), child
    for child in _nearest_subject_first(verb):
        if child.dep_ == "csubj" and _a_name_parsed_as_a_clause(child):
            # "Save the Children said": a name the parser read as a clause
            return tidy_name("".join(t.text_with_ws for t in child.subtree)), child
        if child.dep_ in ("nsubj", "nsubjpass") and _is_dateline_label(child):
            continue  # "KHARTOUM, Sudan — ..., the Sudan Doctors Network said"
        if child.dep_ == "nsubj" and (named := _speaker_in_apposition(child)) is not None:
            return _speaker_text(named), named
        if child.dep_ == "nsubj" and (member := _member_speaking(child)) is not None:
            return member
        if child.dep_ in ("nsubj", "nsubjpass") and _can_speak(child):
            return _speaker_text(child), child
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject_phrase(verb.head)
    if verb.dep_ == "pcomp" and verb.head.head.lemma_.lower() in lexicon().relaying_verbs:
        return _subject_phrase(verb.head.head)  # "cited officials as saying"
    head = verb.head
    if (
        verb.dep_ == "acl"
        and head.dep_ == "ROOT"
        and head.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ == "agent" for c in verb.children)
        and _can_speak(head)
    ):
        # "Figures provided by the ministry, as cited by the agency, estimated 11 killed":
        # a long subject leaves the parser no verb for the root, and the saying hangs on it
        return _speaker_text(head), head
    return _name_before(verb)


_NAME_FUNCTION_WORDS = frozenset({"the", "of", "for", "and", "without", "in", "on", "to"})


def _a_name_parsed_as_a_clause(clause: Token) -> bool:
    """Whether a clausal subject is a name, every word of it capitalised but the small
    words inside a name ("Save the Children", "Fight for Peace")."""
    words = [t for t in clause.subtree if not t.is_punct]
    return (
        1 < len(words) <= 6
        and words[0].text[:1].isupper()
        and words[-1].text[:1].isupper()
        and all(w.text[:1].isupper() or w.lower_ in _NAME_FUNCTION_WORDS for w in words)
    )


def _speaker_in_apposition(subject: Token) -> Token | None:
    """ "89 people were killed and some 200 others injured ..., the Syrian Observatory
    said": the parser makes the counted people the subject and hangs the speaker after the
    comma on them as an apposition. A counted subject does not speak; its apposition does."""
    if not any(c.dep_ == "nummod" for c in subject.children):
        return None
    for child in subject.children:
        if (
            child.dep_ == "appos"
            and child.i > subject.i
            and child.doc[min(t.i for t in child.subtree) - 1].text == ","
            and child.pos_ == "PROPN"
            and _can_speak(child)
        ):
            return child
    return None


def mend_speakers_in_apposition(doc: Doc) -> None:
    """ "The rebels killed 30 villagers, a local chief in Beni told Reuters": the parser
    hangs the speaker on the counted people as their apposition and leaves the verb of
    saying without a subject, so that the chief is counted among the dead and Beni speaks;
    or, in "the unit lost at least 20 men, a military source told AFP", takes the men for
    the subject of "told". A speaker set between commas right before a verb of saying is
    its subject, and the counted people are again the object of the verb before them."""
    for verb in tokens_labelled(doc, LEMMA, _saying_lemmas()):
        if verb.i < 3 or not _is_reporting(verb):
            continue
        speaker = _apposition_ending_before(verb) or _described_speaker_before(verb)
        if speaker is None:
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")]
        if subjects:
            counted = subjects[0]
            doer = doc[counted.left_edge.i - 1] if counted.left_edge.i > 0 else None
            if (
                len(subjects) > 1
                or speaker.head != counted
                or not any(c.dep_ == "nummod" for c in counted.children)
                or doer is None
                or doer.pos_ != "VERB"
                or any(c.dep_ == "dobj" for c in doer.children)
                or doer in counted.subtree
            ):
                continue
            counted.head = doer
            counted.dep_ = "dobj"
        speaker.head = verb
        speaker.dep_ = "nsubj"
        said = verb.head
        if verb.dep_ == "conj" and said.dep_ == "ROOT" and said.i < verb.i:
            # "Gunmen opened fire ..., X, governor of Y, said": the parser joined the verb of
            # saying to the clause it reports; that clause is what was said
            verb.head, verb.dep_ = verb, "ROOT"
            said.head, said.dep_ = verb, "ccomp"


def mend_speakers_ending_a_list(doc: Doc) -> None:
    """ "An airstrike killed at least 32 people, including 11 children, residents and a local
    resistance group said": with no comma before the verb of saying, the parser makes the
    counted people its subject and the speakers the last items of their list. Items with no
    number of their own that all name voices (residents, witnesses, officials, a group,
    sources), ending right before the verb and after a counted item, are who spoke; the
    counted people are again the object of the verb before them."""
    for verb in tokens_labelled(doc, LEMMA, _saying_lemmas()):
        if verb.i < 4 or not _is_reporting(verb):
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            _mend_voices_ending_an_object(verb)
            continue
        if len(subjects) != 1 or not any(c.dep_ == "nummod" for c in subjects[0].children):
            continue
        counted = subjects[0]
        doer = doc[counted.left_edge.i - 1] if counted.left_edge.i > 0 else None
        if (
            doer is None
            or doer.pos_ != "VERB"
            or any(c.dep_ == "dobj" for c in doer.children)
            or counted.right_edge.i != verb.i - 1
        ):
            continue
        items = [t for t in counted.subtree if t.dep_ in ("conj", "pobj") and t.pos_ == "NOUN"]
        items = [t for t in items if t.dep_ == "conj" or t.head.lower_ in ("including", "among")]
        voices = _voices_ending(items)
        if not voices:
            continue
        counted.head, counted.dep_ = doer, "dobj"
        _speaking(voices, verb)


def _mend_voices_ending_an_object(verb: Token) -> None:
    """ "... killing dozens of people, witnesses and an opposition group said": a verb of
    saying with no subject, right after a list of the counted whose last items name voices.
    Those items are who spoke, not more of the counted."""
    doc = verb.doc
    last = doc[verb.i - 1]
    items = [last]
    while items[0].dep_ == "conj" and items[0].head.i < items[0].i:
        items.insert(0, items[0].head)
    counted, listed = items[0], items[1:]
    if not listed or counted.i >= verb.i or counted.sent != verb.sent:
        return
    voices = _voices_ending(listed)
    if voices and not _a_voice(counted):
        _speaking(voices, verb)


def _voices_ending(items: list[Token]) -> list[Token]:
    """The last items of a list that name voices, with no number of their own."""
    voices: list[Token] = []
    for item in reversed(items):
        if item.pos_ != "NOUN" or any(c.dep_ == "nummod" for c in item.children):
            break
        if not _a_voice(item):
            break
        voices.insert(0, item)
    return voices


def _speaking(voices: list[Token], verb: Token) -> None:
    """The voices made the subject of the verb of saying, the later ones joined to the
    first."""
    first = voices[0]
    for later in voices[1:]:
        if first not in later.ancestors:
            later.head = first
    first.head, first.dep_ = verb, "nsubj"


def _a_voice(noun: Token) -> bool:
    """A noun that names who may speak for themselves or others ("residents", "officials",
    "a group", "sources"), not just people ("children")."""
    lex = lexicon()
    word = noun.lower_
    return bool(
        {word, noun.lemma_.lower()}
        & (
            lex.neutral_voices
            | lex.state_voices
            | lex.unnamed_sources
            | lex.generic_heads
            | lex.member_bodies
        )
    )


def mend_doers_taken_for_a_relative_clause(doc: Doc) -> None:
    """ "Islamist militants killed at least 40 soldiers, two security sources said": the
    parser reads "militants killed ..." as a reduced relative clause ("militants [who were]
    killed") and gives "said" two subjects, so the whole clause became the speaker. Such a
    clause before the subject of a verb of saying, with an object of its own (no passive
    has one), is what was said, and the noun it hangs on its doer."""
    for verb in tokens_labelled(doc, LEMMA, _saying_lemmas()):
        speaker = next(
            (c for c in reversed(list(verb.lefts)) if c.dep_ in ("nsubj", "nsubjpass")), None
        )
        if speaker is None or not _is_reporting(verb):
            continue
        for deed in doc[verb.left_edge.i : speaker.left_edge.i]:
            doer = deed.head
            if (
                deed.dep_ == "acl"
                and deed.tag_ in ("VBD", "VBN")
                and deed.i == doer.i + 1
                # (the dateline's place may hold the doer: "BAMAKO (Reuters) - Militants ...")
                and doer.dep_ in ("nsubj", "appos", "dep")
                and deed.right_edge.i < speaker.left_edge.i
                and any(o.dep_ == "dobj" for o in deed.children)
            ):
                deed.head = verb
                deed.dep_ = "ccomp"
                doer.head = deed
                doer.dep_ = "nsubj"
                break
        else:
            _mend_speaker_joined_to_the_doer(verb, speaker)


def _mend_speaker_joined_to_the_doer(verb: Token, doer: Token) -> None:
    """ "Suspected insurgents killed 40 farmers on Sunday, a local official and a militia
    leader said": the parser may instead give "said" one subject, the doer, with the deed its
    relative clause and the speakers joined to it after the deed. The first of them is the
    subject; the deed is what was said."""
    deed = next((c for c in doer.rights if c.dep_ == "acl"), None)
    if (
        deed is None
        or deed.i != doer.i + 1
        or deed.tag_ not in ("VBD", "VBN")
        or not any(o.dep_ == "dobj" for o in deed.children)
    ):
        return
    speaker = next(
        (c for c in doer.rights if c.dep_ in ("conj", "appos") and c.i > deed.right_edge.i), None
    )
    if speaker is None or speaker.i > verb.i or speaker.pos_ not in ("NOUN", "PROPN"):
        return
    speaker.head, speaker.dep_ = verb, doer.dep_
    for word in list(doer.children):
        if word.dep_ in ("cc", "punct") and word.i > deed.right_edge.i:
            word.head = speaker
    deed.head, deed.dep_ = verb, "ccomp"
    doer.head, doer.dep_ = deed, "nsubj"


@lru_cache(maxsize=1)
def _saying_lemmas() -> tuple[str, ...]:
    """Every lemma ``_is_reporting`` may take for a verb of saying."""
    lex = lexicon()
    return tuple(sorted({*lex.reporting_verbs, *lex.acknowledging_verbs, *_GIVING_VERBS}))


def _described_speaker_before(verb: Token) -> Token | None:
    """ "..., Colonel Rodolphe Sorgho, governor of the Sahel region, said": a named person
    set off by commas with a description of their own, right before a verb of saying that
    has no subject; the parser joins the name to the words before it."""
    doc = verb.doc
    if (
        verb.i < 4
        or doc[verb.i - 1].text != ","
        or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)
    ):
        return None
    description = _apposition_ending_at(doc[verb.i - 2])
    name = description.head if description is not None else None
    if (
        name is None
        or name.pos_ != "PROPN"
        or name.dep_ not in ("conj", "appos")
        or name.left_edge.i < 1
        or doc[name.left_edge.i - 1].text != ","
        or not _can_speak(name)
        or verb in name.subtree
    ):
        return None
    return name


def _apposition_ending_at(last: Token) -> Token | None:
    """The apposition whose words end at ``last``: the word itself or one above it."""
    return next(
        (t for t in (last, *last.ancestors) if t.dep_ == "appos" and t.right_edge.i == last.i),
        None,
    )


def _apposition_ending_before(verb: Token) -> Token | None:
    """The apposition set off by a comma that ends right before a verb, when it can speak
    and counts no one ("a local chief", not "12 of them")."""
    doc = verb.doc
    found = _apposition_ending_at(doc[verb.i - 1])
    if (
        found is None
        or found.left_edge.i < 1
        or doc[found.left_edge.i - 1].text != ","
        or any(c.dep_ == "nummod" or c.like_num for c in found.children)
        or not _can_speak(found)
        or verb in found.subtree  # (its head would be its own child)
    ):
        return None
    return found


def _member_speaking(subject: Token) -> tuple[str, Token] | None:
    """ "One of the survivors said", "one of the teachers, Musa Garba, who escaped, said": a
    member of a group speaks, by their name when one is set beside them."""
    if not subject.like_num:
        return None
    group = partitive_noun(subject)
    if group is None or not _can_speak(group) or any(c.like_num for c in group.children):
        return None  # "two of the 12 soldiers killed said" counts
    for named in (*subject.children, *group.children):
        if named.dep_ == "appos" and named.pos_ == "PROPN" and _can_speak(named):
            return _speaker_text(named), named
    return _speaker_text(subject), group


def _occasions_of(head: Token, left_out: set[int]) -> list[Token]:
    """The prepositional phrases on a speaker that say where or when it spoke (read without
    the words ``left_out``, its relative clauses)."""
    lex = lexicon()
    found = []
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "on", "at", "during", "via"):
            continue
        phrase = [t for t in prep.subtree if t.i not in left_out]
        words = {t.lemma_.lower() for t in phrase} | {t.lower_ for t in phrase}
        if words & lex.speaking_occasions or words & _WEEKDAYS:
            found.append(prep)
    return found


_WEEKDAYS = frozenset(name.lower() for name in WEEKDAY_NAMES)


def _cited_source(verb: Token) -> tuple[str, Token] | None:
    """ "AFP, citing a police official, reported ...", "reports from the state agency, citing
    the health ministry, indicated ...": the one cited speaks, unless it is named by no one
    ("citing official sources": the outlet keeps its word)."""
    lex = lexicon()
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    for clause in (*verb.children, *(c for s in subjects for c in s.children)):
        if clause.dep_ not in ("advcl", "acl") or clause.lemma_.lower() not in lex.relaying_verbs:
            continue
        for cited in clause.children:
            if (
                cited.dep_ == "dobj"
                and cited.lemma_.lower() not in lex.unnamed_sources
                and _can_speak(cited)
            ):
                return _speaker_text(cited) + _named_after(cited), cited
    return None


def _named_after(head: Token) -> str:
    """ "citing the group's mouthpiece, the Amaq news agency, ...": a name set beside the
    phrase between commas, which the parser may hang elsewhere."""
    text = doc_text(head.doc)
    end = head.doc[head.right_edge.i].idx + len(head.doc[head.right_edge.i].text)
    beside = re.match(r",\s+((?:the\s+)?[A-Z][^,.;:()\n\"“”]{1,60}?),", text[end : end + 80])
    return f", {beside.group(1)}" if beside is not None else ""


def _speaker_text(head: Token) -> str:
    """The subject's phrase without its relative clauses: "local officials in Isfara, which
    lies near the clashes," are the local officials in Isfara; nor where or when it spoke
    ("the military in a press conference on Sunday" is the military), nor what it was doing
    ("the spokesman, while confirming the incident,")."""
    cut = {
        t.i
        for clause in head.subtree
        if clause.dep_ == "relcl"
        # "the spokesman, while confirming the incident,": what the speaker was doing
        or (clause.dep_ in ("acl", "advcl") and clause.tag_ == "VBG" and clause.i > head.i)
        for t in clause.subtree
    }
    cut.update(t.i for prep in _occasions_of(head, cut) for t in prep.subtree)
    if not cut:
        return np_text(head)
    kept = [t for t in head.subtree if t.i not in cut]
    while kept and kept[-1].is_punct and kept[-1].text != ")":
        kept.pop()  # the comma that opened the clause
    return tidy_name("".join(t.text_with_ws for t in kept))


_SOURCE_REF = re.compile(
    r"^(?:the|a|an|this|that|its|their|his|her)(?:\s+[\w-]+){0,2}?\s+(?:"
    + "|".join(sorted(lexicon().source_refs))
    + r")$"
)


def refers_to_speaker(surface: str) -> bool:
    low = surface.lower().strip()
    return low in lexicon().anaphors or bool(_SOURCE_REF.match(low))


def _refers_back(head: Token, attribution: Attribution) -> bool:
    """A subject that points at a speaker named above it: "it", "they", "its fighters"."""
    if attribution.kind == "pronoun" and head.lower_ in lexicon().anaphors | {"we"}:
        return True
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in head.children)


def _name_before(verb: Token) -> tuple[str, Token] | None:
    """ "..., which borders Ukraine, Governor Vyacheslav Gladkov said": the parser lost the
    subject, but a proper name stands right before the verb."""
    doc = verb.doc
    i = verb.i
    reach = 5
    while i > 0 and not doc[i].is_sent_start and doc[i - 1].pos_ == "PROPN" and verb.i - i < reach:
        i -= 1
        # "the Syrian Observatory for Human Rights said": a name joined by "for"/"of"
        k = i - 1
        while k > 0 and doc[k].lower_ == "the":
            k -= 1
        joined = k > 0 and doc[k].lower_ in ("for", "of") and doc[k - 1].pos_ == "PROPN"
        if joined and not doc[k].is_sent_start and verb.i - k < 10:
            i, reach = k, 12
    if not _is_reporting(verb):
        return None
    if i < verb.i:
        return tidy_name(doc[i : verb.i].text), doc[verb.i - 1]
    return _phrase_after_comma(verb)


def _phrase_after_comma(verb: Token, limit: int = 12) -> tuple[str, Token] | None:
    """ "..., a source in the Kunduz police headquarters told reporters": the parser hung the
    speaker on the word before the comma (as its apposition) and left the verb without a
    subject. The words between that comma and the verb are the speaker when they form one
    phrase whose head can speak."""
    doc = verb.doc
    comma = verb.i - 1
    while comma > verb.sent.start and doc[comma].text != "," and verb.i - comma <= limit:
        comma -= 1
    if doc[comma].text != "," or comma >= verb.i - 1:
        return None
    phrase = doc[comma + 1 : verb.i]
    heads = [t for t in phrase if not phrase.start <= t.head.i < phrase.end]
    if len(heads) != 1 or not _can_speak(heads[0]) or any(t.like_num for t in phrase):
        return None
    return tidy_name(phrase.text), heads[0]


_DATELINE_ENDS = (":", "-", "–", "—", "--")


def _can_speak(head: Token) -> bool:
    """Whether a subject can be a speaker: a person, an organisation, a source or a pronoun;
    not a figure ("eight dead"), an event or a toll ("the death toll ... surged to 87, a
    spokesperson confirmed", "one attack"), nor a bare adjective the parser made a subject."""
    if head.like_num or head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    lex = lexicon()
    lemma = head.lemma_.lower()
    if lemma in lex.source_nouns:
        return True  # "the release says": a document of its issuer
    if head.pos_ == "NOUN" and _names_things(head, lex):
        return False  # "a row of burnt trucks showed ...": things show, they do not say
    return lemma not in lex.nouns and lemma not in lex.counted


def _names_things(head: Token, lex: Lexicon) -> bool:
    """A common noun for things, or a quantity of them ("a row of trucks"); not a place,
    since "the hospital" or "the governor's office" may speak."""
    things = lex.things - lex.places
    if head.lemma_.lower() in things:
        return True
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and any(o.dep_ == "pobj" and o.lemma_.lower() in things for o in prep.children)
        for prep in head.children
    )


def _is_dateline_label(head: Token) -> bool:
    """ "Khartoum: The army said ...", "KABUL (AP) — The ministry says ...": the parser
    takes the dateline, with its credit, for a second subject. A dateline opens the
    sentence, ends with a colon or a dash, is short and holds no verb."""
    doc = head.doc
    if not head.left_edge.is_sent_start:
        return False
    after = head.i + 1
    if after < len(doc) and doc[after].text in _DATELINE_ENDS and head.i - head.left_edge.i < 4:
        # "PESHAWAR: The death toll ... surged to 87, a spokesperson confirmed": the parser
        # hung the whole clause under the dateline, but the dateline ends at its colon
        label = doc[head.left_edge.i : after]
        return _reads_as_a_label(label)
    end = head.right_edge.i
    if doc[end].text not in _DATELINE_ENDS:
        end += 1
    if end >= len(doc) or doc[end].text not in _DATELINE_ENDS:
        # "KHARTOUM, Sudan — ..., the Sudan Doctors Network said": the parser may hang a
        # comma far on the label; the label still ends at the first dash, all capitals
        end = next(
            (t.i for t in doc[head.i : head.left_edge.i + 9] if t.text in _DATELINE_ENDS), len(doc)
        )
        if end >= len(doc) or not _capitalised(doc[head.left_edge.i : end]):
            return False
    label = doc[head.left_edge.i : end]
    # short in words, not in tokens: "PORT-AU-PRINCE, Haiti (AP)" is ten of them
    words = [t for t in label if not t.is_punct]
    return len(words) <= 8 and not any(t.pos_ in ("VERB", "AUX") for t in label)


def mend_datelines_hung_on_the_sentence(doc: Doc) -> None:
    """ "NIAMEY (AFP) - Twenty-three soldiers were killed", "NIAMEY (Reuters) - Islamist
    militants killed ...": the parser hangs the dateline on the sentence after it, as the
    subject with the counted as its apposition, or as a modifier of the first noun, so that
    the place became part of who was counted or who did it. The dateline is set apart, hung
    on the sentence's root; what hung on it takes its place."""
    for sent in _sentences_opening_a_line(doc):
        end = next((t.i for t in sent[:10] if t.text in _DATELINE_ENDS and t.i > sent.start), None)
        if end is None or end + 1 >= sent.end:
            continue
        label = doc[sent.start : end]
        # (the tagger may take a capitalised city for a common noun: "MANILA")
        named = any(t.pos_ == "PROPN" or (t.is_upper and len(t) > 1) for t in label)
        if not _reads_as_a_label(label) or not named:
            continue
        inside = set(range(sent.start, end + 1))
        roots = [t for t in doc[sent.start : end + 1] if t.head.i not in inside or t.head == t]
        for stray in roots[1:]:
            if stray.ent_type_ == "DATE" and stray.head.i > end and stray.head != stray:
                # "BAMAKO, April 22 (Reuters) - Tuareg-led rebels ...": the date hung on the
                # rebels is part of the dateline, not of them
                stray.head, stray.dep_ = roots[0], "npadvmod"
        roots = [t for t in doc[sent.start : end + 1] if t.head.i not in inside or t.head == t]
        hung = [t for t in doc[end + 1 : sent.end] if t.head.i in inside]
        if len(roots) != 1 or not hung:
            if len(roots) == 1 and roots[0].head.i not in inside and roots[0].head != roots[0]:
                _set_apart(roots[0], sent.root)
            continue
        label_root, successor = roots[0], hung[0]
        if label_root.head == label_root:
            # the sentence's own root: its verb, where one hung on the dateline
            successor = next((t for t in hung if t.pos_ in ("VERB", "AUX")), successor)
            successor.head, successor.dep_ = successor, "ROOT"
        else:
            successor.head, successor.dep_ = (
                label_root.head,
                _role_taken_over(label_root, successor),
            )
        for word in hung:
            if word == successor:
                continue
            word.head = successor
            if word.dep_ == "appos" and successor.pos_ in ("VERB", "AUX"):
                # "LAKKI MARWAT: At least 17 workers ... were kidnapped", the dateline the
                # root and the workers its apposition: they are the verb's subject
                word.dep_ = _subject_lacking(successor) or word.dep_
        _set_apart(label_root, successor if label_root.head == label_root else sent.root)


def _role_taken_over(label: Token, successor: Token) -> str:
    """The relation a dateline's noun hands to what hung on it: its own, or, where the
    parser left it unlabelled (the dateline a "dep" of the verb), the subject the verb
    lacks."""
    if label.dep_ != "dep" or successor.pos_ not in ("NOUN", "PROPN", "NUM"):
        return label.dep_
    return _subject_lacking(label.head, besides=label) or label.dep_


def _subject_lacking(verb: Token, besides: Token | None = None) -> str | None:
    """The subject relation a verb has no word in ("nsubjpass" after a passive auxiliary),
    or None when it has a subject."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children if c != besides):
        return None
    return "nsubjpass" if any(c.dep_ == "auxpass" for c in verb.children) else "nsubj"


def _sentences_opening_a_line(doc: Doc) -> list[Span]:
    """The sentences that open the text or a line with a dash or colon early on: where a
    dateline can be (found in the text, not by walking every sentence)."""
    text = doc_text(doc)
    found: list[Span] = []
    for line in _LINE_WITH_A_DATELINE.finditer(text):
        words = doc.char_span(line.start(), line.start() + 1, alignment_mode="expand")
        if words is not None and (not found or found[-1].start != words[0].sent.start):
            found.append(words[0].sent)
    return found


# A line opening with capitalised words, numbers and a bracketed credit, then a dash or a
# colon ("NIAMEY, May 6 (Reuters) -", "Kyiv, Ukraine (AP) —", "PESHAWAR:")
_LINE_WITH_A_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][\w.'’/-]*(?:[ \t,]+[A-Z0-9(][\w.'’()/-]*){0,8}[ \t]*[-–—:]"
)


def _set_apart(label_root: Token, root: Token) -> None:
    """Hangs a dateline on the sentence's root, unless that would make a loop."""
    if root in label_root.subtree:
        return
    label_root.head, label_root.dep_ = root, "dep"


def _reads_as_a_label(label: Span) -> bool:
    """Capitalised words with no verb: a dateline's, not a clause's."""
    return _capitalised(label) and not any(t.pos_ in ("VERB", "AUX") for t in label)


def _capitalised(label: Span) -> bool:
    """A dateline's words are names and credits ("KABUL (AP)", "Kyiv, Ukraine"), not "The
    army – which ..."."""
    return all(t.text[:1].isupper() for t in label if t.text.isalpha())


def _apposition_parts(head: Token) -> list[str]:
    parts = []
    appositions = [a for a in head.children if a.dep_ == "appos"]
    inside = {
        i for a in appositions for i in range(a.left_edge.i, a.right_edge.i + 1)
    }  # a subtree of the parse is a span of words
    main = [t for t in _without_clauses(head) if t.i not in inside]
    text = tidy_name("".join(t.text_with_ws for t in main).strip(" ,"))
    if text:
        parts.append(text)
    for child in appositions:
        words = _without_clauses(child)
        parts.append(tidy_name("".join(t.text_with_ws for t in words).strip(" ,()")))
    return parts


def _without_clauses(head: Token) -> list[Token]:
    """The words of a phrase without the clauses that describe it ("the army's spokesman,
    who gave the numbers on Friday" is "the army's spokesman"): a name, not a story."""
    clauses = {
        i
        for c in head.subtree
        if c.dep_ == "relcl" and c.i != head.i
        for i in range(c.left_edge.i, c.right_edge.i + 1)
    }
    return [t for t in head.subtree if t.i not in clauses]


# the forms of saying that tie a speaker to the words beside them (``saying_forms``)
_SAID = "(?:{})".format("|".join(map(re.escape, lexicon().saying_forms)))
_ADVERBIAL_TAIL = (
    r"(?:\s+(?:on|in|at|during|via|late|early|earlier|later|this|last|today|yesterday|overnight|"
    r"through|from|after|when|citing|according)\b[^“”\"]{0,80})?"
)
_TRAILING_ATTRIBUTION = [
    re.compile(
        rf",\s*(?P<who>[^,“”\"]{{2,70}}?(?:,\s*[^,“”\"]{{2,50}},)?)\s+{_SAID}{_ADVERBIAL_TAIL}$"
    ),
    # ", confirmed by the health ministry, ...": the one after "by" speaks
    re.compile(rf",\s*{_SAID}\s+(?:by\s+)?(?P<who>[^,.“”\"]{{2,70}}?)(?:,\s*[^.“”\"]{{0,80}})?$"),
]
_NOT_A_SPEAKER = re.compile(
    r"\b(?:was|were|is|are|had|has|have|while|after|when|that|which|because|but|if)\b",
    re.IGNORECASE,
)


def trailing_attribution(sentence: str) -> str | None:
    """The speaker of "..., Kyiv's Air Force said in a statement." at the end of a sentence."""
    stripped = sentence.strip().rstrip(".")
    for pattern in _TRAILING_ATTRIBUTION:
        m = pattern.search(stripped)
        if m:
            who = m.group("who").strip()
            if len(who.split()) <= 10 and not _NOT_A_SPEAKER.search(who) and _names_no_figure(who):
                return who
    return None


# "Gunmen kill 96 in Plateau – Police", "Syria downed 30 missiles: Russia": a headline's
# credit after a dash or colon at its end
_HEADLINE_CREDIT = re.compile(r"(?:\s[–—-]|:)\s*(?P<who>[A-Z][\w’'.]*(?:\s+[\w’'.]+){0,3})$")
_NO_HEADLINE_CREDIT = frozenset(
    {"report", "reports", "video", "videos", "photos", "live", "update", "updates", "watch"}
    | {"analysis", "opinion", "explainer", "exclusive", "interview", "latest"}
)


# "Press release of the Army General Staff", "COMMUNIQUE No. 14/2024 of the Ministry of
# Defence", "Statement by the Nigerian Army": a text that is its issuer's own words
_RELEASE_OF = re.compile(
    r"^\s*(?i:(?:official\s+)?press\s+(?:release|statement)|communiqu[eé]|statement|release)"
    r"(?i:\s+(?:no\.?|n°|number)\s*[\w/.-]+)?[,:]?\s+(?i:of|by|from|issued\s+by)\s+"
    # a name, capitalised ("the hostages" in "Release of the hostages was delayed" is none)
    r"(?P<who>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of|the|and|for|[A-Z][\w'’.-]*))*)"
)


def release_issuer(line: str) -> str | None:
    """Who issued a text that opens as their release ("Press release of the Army General
    Staff"): everything in it is theirs, the outlet adds nothing."""
    found = _RELEASE_OF.match(line)
    if found is None:
        return None
    return re.sub(r"(?:\s+(?:of|the|and|for))+$", "", found.group("who").strip()) or None


def headline_speaker(title: str) -> str | None:
    """Who a headline credits its figures to: "..., military says", "... – Police",
    "...: Russia" (not "...: Reports", "... - Video")."""
    title = title.strip().rstrip(".")
    who = trailing_attribution(title)
    if who is None:
        found = _HEADLINE_CREDIT.search(title)
        # a credit ends a headline that says something before it ("Mali: Gunmen kill 12"
        # is a place, then the news)
        if found is not None and len(title[: found.start()].split()) >= 4:
            who = found.group("who")
    if who is None or who.lower() in _NO_HEADLINE_CREDIT or not _names_no_figure(who):
        return None
    return who


def _names_no_figure(who: str) -> bool:
    """ "..., reported six dead and over 20 wounded": after an inverted verb of saying stands
    what was said, not who said it, when it is a figure or a casualty word."""
    words = re.findall(r"[\w-]+", who.lower())
    # "a" and "an" read as one, but open a speaker far more often than a figure
    if not words or (words[0] not in ("a", "an") and parse_number(words[0]) is not None):
        return False
    return not any(w in lexicon().casualty_words for w in words)


_ACCORDING = re.compile(
    # ", per local officials": "per" after a comma only ("30 per cent", "two per day")
    r"(?:\b(?:according to|as reported by|citing|quoted by|as per)|(?<=, )per)\s+"
    # a name may hold a quoted part: 'the Telegram channel "Baza"', or an abbreviation's
    # full stops: "the U.N. human rights office"
    r"(?P<who>(?:the\s+)?(?:(?:\b[a-z]\.){2,}|[^,.;“”\"]|“[^“”]{1,40}”|\"[^\"]{1,40}\"){2,90}?)"
    # "according to hospital officials cited by Reuters": the ones cited, not who cites them;
    # nor their relative clause ("two officials who spoke on condition of anonymity")
    r"(?=,|\.|;| on | in a | in an | posted| said| (?:cited|quoted) by | who | which | whose |$)",
    re.IGNORECASE,
)


def find_attribution(
    sent: Span, trigger: Token, quotes: list[tuple[int, int]], count_end: int | None = None
) -> Attribution:
    lex = lexicon()
    doc = sent.doc
    sentence = sentence_text(sent)
    # 0. "as reported by X" right after the figure is the figure's own source
    for m in _ACCORDING.finditer(sentence):
        position = sent.start_char + m.start()
        anchor = count_end if count_end is not None else trigger.idx
        if m.group(0).lower().startswith("as reported by") and 0 < position - anchor < 80:
            who = m.group("who").strip()
            return Attribution(who, "named", sent.start_char + m.start("who"), [who])
    # 1. inside a quotation the quote's speaker owns the figure, even when the quote names
    # a source of its own ('"Officials informed me that 2,000 bodies were buried," X said')
    around = quote_around(quotes, trigger.idx)
    if around is not None:
        speaker = quote_speaker(doc, *around)
        if speaker is not None:
            return speaker
    # 2. a reporting verb above the trigger: "X said (that) ... killed ..."
    node: Token | None = trigger
    steps = 0
    pronoun: Attribution | None = None
    finder: Token | None = None  # "police found 19 bodies": who found the dead
    walked: list[Token] = []  # the trigger and the words above it, for step 5
    while node is not None and steps < 12:
        steps += 1
        for aside in node.children:
            # "In central Gaza, the army said, aircraft struck 45 targets"; and "blasts
            # killed 138 and wounded 400, officials said, following a lull", where the parser
            # joins the saying to the event as a second verb with its own subject
            said_aside = (
                aside.dep_ == "parataxis"
                or (aside.dep_ == "conj" and aside.i > trigger.i and _speaks_after_comma(aside))
                or _says_before_a_colon(aside, trigger)
            )
            if said_aside and _is_reporting(aside):
                speaker = _stated_by(aside)
                if speaker is not None:
                    return speaker
        if finder is None and node.i != trigger.i:
            finder = _finder(node)
        walked.append(node)
        source = _source_subject(node) if node.i != trigger.i else None
        if source is not None:
            # "later reports from hospital sources raised the toll to 19": a statement or
            # source that does the telling, whatever the verb
            return _attribution_from(_speaker_text(source), source)
        if (
            _is_reporting(node)
            and node.i != trigger.i
            and not _told_after(walked)
            and not _told_to_the_speaker(node)
        ):
            if _toll_of_a_deed_owned(node, walked):
                claimer = _subject_phrase(node)
                if pronoun is not None and claimer is not None:
                    # "claimed an attack in which it said it killed 20 soldiers": the
                    # clause's own saying refers back to the claimer, whose figure it is
                    return _attribution_from(*claimer)
                # "IS claimed the attack, which killed 32, according to its Amaq agency":
                # the claimer does not tell the toll; a source the sentence cites does
                return _cited_in(sent, sentence) or Attribution(None, "background")
            found = _subject_phrase(node)
            if found:
                text, head = found
                if head.lower_ in RELATIVE_PRONOUNS:
                    antecedent = node.head
                    if (
                        node.dep_ == "relcl"
                        and antecedent.pos_ in ("NOUN", "PROPN")
                        and _can_speak(antecedent)
                    ):
                        # "confirmed by the state governor, who said 40 people died"
                        return _attribution_from(_speaker_text(antecedent), antecedent)
                    break
                attribution = _attribution_from(text, head)
                if head.lemma_.lower() in lex.source_nouns and attribution.surface == text:
                    # "Initial estimates show ..., the governor said": the speaker wins
                    who = trailing_attribution(sentence)
                    if who:
                        return _attribution_from_text(who, sent.start_char + sentence.rfind(who))
                if (
                    not _refers_back(head, attribution)
                    and node.lemma_.lower() not in lex.counting_verbs
                ):
                    return attribution
                # "The committee said it had counted 31 bodies": it is the committee; "the
                # spokesman said crews had counted 70 dead": the spokesman's figure
                pronoun = pronoun or attribution
        if node.head == node:
            break
        node = node.head
    if pronoun is not None:
        return pronoun
    # The trigger may itself hang under the reporting verb's subject ("the BLA claimed
    # responsibility for the execution of 214 soldiers")
    root = sent.root
    if _is_reporting(root) and trigger in root.subtree:
        found = _subject_phrase(root)
        if found and not _inside(found[1], trigger):
            return _attribution_from(*found)
    # 3. "according to X", "as reported by X"
    cited = _cited_in(sent, sentence)
    if cited is not None:
        return cited
    # 4. ", Kyiv's Air Force said." at the end
    who = trailing_attribution(sentence)
    if who:
        return _attribution_from_text(who, sent.start_char + sentence.rfind(who))
    # 5. "wounded in what the ministry called an act of terrorism": who names the event;
    # "an initial police estimate of 20 dead", "the army's toll of 15": whose count it is
    for node in walked:
        namer = _event_named_by(node) or _toll_owner(node) or _toll_standing_at(node)
        if namer is not None:
            return namer
    # 6. "Authorities also found 19 bodies": with no one saying so, who found the dead
    if finder is not None:
        return _attribution_from(_speaker_text(finder), finder)
    return Attribution(None, "reporter")


def _cited_in(sent: Span, sentence: str) -> Attribution | None:
    """The first source a sentence cites ("according to X", "as reported by X")."""
    m = _ACCORDING.search(sentence)
    if m is None:
        return None
    who = m.group("who").strip()
    named = _NAME_AFTER.match(sentence, m.end("who"))
    if named is not None and who.split()[-1][:1].islower():
        # "according to a local official, Abdi Hassan": the description's person
        who = sentence[m.start("who") : named.end("name")].strip()
    return _attribution_from_text(who, sent.start_char + m.start("who"))


# A name in apposition after a description: two to four capitalised words, and nothing more
# before the clause ends
_NAME_AFTER = re.compile(
    r",\s+(?P<name>(?:[A-Z][a-z]{0,3}\.\s+)?[A-Z][\w'’-]+(?:\s+(?:al-|bin\s+)?[A-Z][\w'’-]+){1,3})"
    r"(?=\s*(?:[,.;]|$))"
)


def _toll_owner(node: Token) -> Attribution | None:
    """The one whose toll, estimate, figure or claim a figure is given in ("a police
    estimate of 20 dead", "the ministry's tally of 31 killed", "dismissed al-Shabaab's claim
    of 58 dead soldiers")."""
    lex = lexicon()
    if node.lemma_.lower() not in lex.toll_nouns | lex.figure_words:
        return None
    for child in node.children:
        # an owner before the noun, not what it counts ("casualty figures", "death toll")
        owner = child.dep_ == "poss" or (
            child.dep_ == "compound"
            and (
                child.pos_ == "PROPN"
                or child.text.isupper()  # "a UNICEF estimate", tagged a common noun
                or child.lemma_.lower() in lexicon().generic_heads
            )
        )
        if owner and child.pos_ in ("NOUN", "PROPN") and _can_speak(child):
            return _attribution_from(re.sub(r"\s*['’]s?$", "", _speaker_text(child)), child)
        if child.dep_ == "acl" and child.tag_ == "VBN":
            # "the toll, provided by the health ministry, stands at 45": who gave it
            giver = _spoken_by(child)
            if giver is not None:
                return _attribution_from(_speaker_text(giver), giver)
    return None


def _toll_standing_at(node: Token) -> Attribution | None:
    """ "The ministry's toll stands at 45", "the toll given by the ministry rose to 45": the
    owner of the toll a figure's verb tells of."""
    if node.pos_ not in ("VERB", "AUX"):
        return None
    for subject in node.children:
        if subject.dep_ in ("nsubj", "nsubjpass"):
            return _toll_owner(subject)
    return None


def _event_named_by(node: Token) -> Attribution | None:
    """ "wounded in what the ministry called an act of terrorism", "killed in an attack the
    army described as cowardly": whoever names the event a figure belongs to voices it."""
    lex = lexicon()
    for prep in node.children:
        if prep.dep_ != "prep":
            continue
        for obj in prep.children:
            if obj.dep_ == "pcomp" and any(
                c.dep_ == "dobj" and c.lower_ == "what" for c in obj.children
            ):
                verb: Token | None = obj
            elif obj.dep_ == "pobj" and obj.lemma_.lower() in lex.attack_nouns:
                verb = next((c for c in obj.children if c.dep_ in ("relcl", "acl")), None)
            else:
                continue
            if verb is None or verb.lemma_.lower() not in lex.naming_verbs:
                continue
            found = _subject_phrase(verb)
            speaks = found is not None and found[1].lower_ not in RELATIVE_PRONOUNS
            if found is not None and speaks and _can_speak(found[1]):
                return _attribution_from(*found)
    return None


def _says_before_a_colon(clause: Token, trigger: Token) -> bool:
    """ "The UN said it had recorded 164 casualties: 57 killed and 107 injured": the parser
    may hang the saying before the colon on the figures after it."""
    if clause.dep_ != "ccomp" or clause.i > trigger.i:
        return False
    return any(t.text == ":" for t in clause.doc[clause.i : trigger.i])


def _speaks_after_comma(verb: Token) -> bool:
    """A verb of saying whose own subject follows a comma: ", officials said"."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not subjects:
        return False
    if _speaker_in_apposition(subjects[0]) is not None:
        return True
    first = min(t.i for t in subjects[0].subtree)
    return first > 0 and verb.doc[first - 1].text == ","


def _finder(verb: Token) -> Token | None:
    """The subject of a verb of finding the dead, when it can speak ("police found")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon().finding_verbs:
        return None
    for child in verb.children:
        if child.dep_ == "nsubj" and child.pos_ in ("NOUN", "PROPN") and _can_speak(child):
            return child
    return None


def _source_subject(verb: Token) -> Token | None:
    """The subject of a verb that moves a total ("raised the toll to 19") when it is a
    statement or a source ("reports", "data", "sources"), not a figure ("the toll from the
    blast rose" names no one)."""
    lex = lexicon()
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.raising_verbs:
        return None
    for child in verb.children:
        if child.dep_ == "nsubj":
            words = {child.lemma_.lower(), child.lower_}  # "data": lemma "datum"
            if words & lex.source_nouns and not words & lex.toll_nouns:
                return child
    return None


def _counted_subject_found(verb: Token) -> bool:
    """ "nine people confirmed dead": the subject is a count and the verb's complement an
    event word; "the ministry confirmed 12 dead" keeps its speaker."""
    lex = lexicon()
    counted = any(
        c.dep_ == "nsubj" and (c.like_num or any(g.dep_ == "nummod" for g in c.children))
        for c in verb.children
    )
    return counted and any(
        c.dep_ in ("acomp", "oprd") and c.lower_ in lex.adjectives for c in verb.children
    )


def is_speaker(noun: Token, value: int | None) -> bool:
    """ "a local official said", "two medics told reporters": one person, or people whose
    word is that of a voice (officials, witnesses, medics), as the subject of a verb of
    saying speak; they are not what a figure counts. "Forty people ..., witnesses said"
    parsed with the people as the subject keeps its count."""
    if noun.dep_ != "nsubj" or not _is_reporting(noun.head):
        return False
    lex = lexicon()
    voice = noun.lower_ in lex.state_voices or noun.lower_ in lex.neutral_voices
    if value != 1 and not voice:
        return False
    # "some 200 others injured ..., the monitor said" parsed with the wounded as the
    # subject of "said": a noun carrying its own event word is counted, not speaking
    return not any(
        c.dep_ in ("acl", "amod", "relcl")
        and (c.lemma_.lower() in lex.verbs or c.lower_ in lex.adjectives)
        for c in noun.children
    )


def _is_reporting(verb: Token) -> bool:
    """A verb of saying: "claimed the lives of" and "claimed the town" are not."""
    lex = lexicon()
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if passive and lemma in lex.relaying_verbs:
        # "the ministry was quoted as saying by state media": the one quoted speaks
        return any(
            c.dep_ == "prep" and c.lower_ == "as" and any(_is_saying_word(w) for w in c.children)
            for c in verb.children
        )
    if (
        lemma not in lex.reporting_verbs
        and lemma not in lex.acknowledging_verbs
        and lemma not in _GIVING_VERBS
    ):
        return False  # (what follows can only say no to such a verb)
    if lemma in lex.reporting_verbs and passive:
        # "20 residents were reported missing": nobody named says it; "the toll was confirmed
        # by a hospital source": the source does
        return _spoken_by(verb) is not None
    if _counted_subject_found(verb):
        return False  # "with nine people confirmed dead": what they were found, not a speaker
    if lemma in _GIVING_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in lex.toll_nouns for c in verb.children
    ):
        return True  # "the ministry gave a lower toll: 19 dead"
    if lemma in lex.acknowledging_verbs:
        # "the group buried its 12 fighters" states a figure; "2,000 people have been
        # buried" names no one who states it, nor "three soldiers paid the supreme price"
        return not any(
            c.dep_ in ("nsubjpass", "auxpass") for c in verb.children
        ) and not befalls_its_subject(verb)
    if lemma not in lex.reporting_verbs:
        return False
    if lemma == "claim":
        objects = [c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"]
        if objects and objects[0] not in _DEED_WORDS:
            return False
    return True


_DEED_WORDS = ("responsibility", "credit")  # "claimed responsibility for", "claimed credit"


def deed_claimed(verb: Token) -> list[Token]:
    """The "responsibility" or "credit" a verb claims ("the group claimed responsibility
    for the bombing"): its owner claims a deed, and states no figure by it; else empty."""
    if verb.lemma_.lower() != "claim":
        return []
    return [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _DEED_WORDS]


def _toll_of_a_deed_owned(verb: Token, walked: list[Token]) -> bool:
    """ "IS claimed responsibility for a bombing that killed 13 people", "the group said
    it carried out an assault in which 65 died": who owns the deed does not state its toll,
    which the report gives in a clause describing the deed (and "claimed responsibility
    for killing 300 soldiers" is the group's own figure: no such clause)."""
    relative = next((i for i, t in enumerate(walked) if t.dep_ == "relcl"), None)
    if relative is None:
        return False
    clause = walked[relative]
    owned = deed_claimed(verb)
    if owned:
        # the clause describes what the group claims ("responsibility for a bombing that
        # ..."), not a word above the claim
        preps = [c for c in verb.children if c.dep_ == "prep"]
        return any(clause in c.subtree for c in [*owned, *preps])
    # "carried out an assault that ...": the clause below the deed's verb
    return any(
        t.lemma_.lower() == "carry"
        and any(c.dep_ == "prt" and c.lower_ == "out" for c in t.children)
        for t in walked[relative + 1 :]
        if clause in t.subtree
    )


def _told_to_the_speaker(verb: Token) -> bool:
    """ "The embassy said UAE authorities had informed it of the death of two nationals":
    what was told to a speaker who passes it on is that speaker's statement (as a source
    named inside a quotation is the quotation's speaker's)."""
    return (
        verb.lemma_.lower() in ("inform", "tell", "notify", "brief")
        and verb.dep_ == "ccomp"
        and _is_reporting(verb.head)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.head.children)
    )


def _told_after(walked: list[Token]) -> bool:
    """ "The two countries clashed ..., accusing each other of shelling villages, leaving 54
    dead": an event the parser hangs on a verb of saying as its adverbial clause is what
    happened next, not what was said."""
    if len(walked) < 2:
        return False
    below = walked[-2]
    return below.dep_ == "advcl" and below.tag_ == "VBG" and not _is_reporting(below)


_GIVING_VERBS = frozenset(("give", "provide", "offer", "issue", "release", "publish", "revise"))


def _inside(head: Token, trigger: Token) -> bool:
    return trigger in head.subtree


def _attribution_from(
    text: str, head: Token, owners: tuple[str, ...] = ("from", "by", "of")
) -> Attribution:
    lex = lexicon()
    low = text.lower()
    if low in lex.pronouns or head.lower_ in PERSON_PRONOUNS:
        return Attribution(text, "pronoun", head.idx, [text])
    if head.lemma_.lower() in lex.source_nouns:
        # "reports from the M23", "a statement by the ministry", "figures provided by the
        # health ministry": the organisation named inside
        for child in [
            *head.children,
            *(g for c in head.children if c.dep_ == "acl" for g in c.children),
            # "a report on Friday's events by a security consultant"
            *(
                g
                for c in head.children
                if c.dep_ == "prep"
                for p in c.children
                for g in p.children
                if g.lower_ == "by"
            ),
        ]:
            if child.dep_ in ("prep", "agent") and child.lower_ in owners:
                for obj in child.children:
                    if obj.dep_ != "pobj":
                        continue
                    if obj.lemma_.lower() in lex.source_nouns and obj.pos_ != "PROPN":
                        # "findings from the assessment of the incident": a document of no
                        # one named, which points back like "the statement"
                        found = _attribution_from(np_text(obj), obj, ("from", "by"))
                        if found.kind == "pronoun":
                            # read as "the assessment", which points back to who spoke
                            own = "".join(t.text_with_ws for t in obj.subtree if t.i <= obj.i)
                            return Attribution(own.strip(), "pronoun", obj.idx, [text])
                        return found
                    inner = np_text(obj)
                    return Attribution(inner, "named", obj.idx, [inner, text])
        named = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children)
        if head.lemma_.lower() in lexicon().source_refs and not named:
            # "the statement", "the channel" point back; "the Mash Telegram channel" names one
            return Attribution(text, "pronoun", head.idx, [text])
    return Attribution(text, "named", head.idx, _apposition_parts(head) or [text])


def _attribution_from_text(text: str, start: int) -> Attribution:
    lex = lexicon()
    low = text.lower()
    if low in lex.pronouns or low in PERSON_PRONOUNS:
        return Attribution(text, "pronoun", start, [text])
    if _SOURCE_REF.match(low) and not any(w[:1].isupper() for w in text.split()[1:-1]):
        # "according to the same statement" points back; "the Mash Telegram channel" names
        return Attribution(text, "pronoun", start, [text])
    words = text.split()
    if 1 < len(words) <= 3 and text == low and words[-1] in lex.source_refs:
        # "according to preliminary information": no one named, the last speaker's
        return Attribution(f"the {words[-1]}", "pronoun", start, [text])
    owner = _owner_of_source(text)
    if owner is not None:
        # "according to the Kivu Security Tracker's figures": the tracker
        return Attribution(owner, "named", start, [owner, text])
    parts = [p.strip() for p in re.split(r",\s*", text) if p.strip()]
    return Attribution(text, "named", start, parts or [text])


def _owner_of_source(text: str) -> str | None:
    """Whose figures, data, statement or report a phrase names ("the UN's latest data", "a
    statement from the United Nations Human Rights Office")."""
    found = re.match(r"^(?P<owner>.+?)['’]s?\s+(?:[a-z-]+\s+){0,2}(?P<noun>[a-z]+)$", text.strip())
    if found is None:
        found = re.match(
            # "reports by local authorities"; but "reports of fighting" name no one
            r"^(?:(?:a|an|the|its|their)\s+)?(?:[a-z-]+\s+){0,2}(?P<noun>[a-z]+)\s+"
            r"(?:(?:from|by)\s+(?P<owner>\S.*)|of\s+(?P<named>(?:the\s+)?[A-Z].*))$",
            text.strip(),
        )
    if found is None:
        return None
    lex = lexicon()
    noun = found.group("noun").lower()
    if noun not in lex.source_nouns and (noun not in lex.toll_nouns or "from" in text):
        return None  # ("the toll from the blast" names no one)
    owner = (found.group("owner") or found.groupdict().get("named") or "").strip()
    last = owner.split()[-1].lower() if owner else ""
    named = re.sub(r"^(?:the|a|an)\s+", "", owner)[:1].isupper()
    if not named and {last, last.rstrip("s")} & _events_and_things():
        return None  # "the toll from the blast": an event says nothing
    return owner or None


@lru_cache(maxsize=1)
def _events_and_things() -> frozenset[str]:
    """Nouns of attacks, of other events and of things: none of them states a figure."""
    lex = lexicon()
    return frozenset(lex.attack_nouns | lex.things | {n for ns in lex.nouns.values() for n in ns})


def quote_speaker(doc: Doc, start: int, end: int) -> Attribution | None:
    """Who said a quotation: the attribution right after it, or right before it."""
    text = doc_text(doc)
    after = text[end : end + 160].split("\n")[0]
    # '," Matthew Mnyan, a youth leader in Bokkos, told reporters': a name and what he is
    m = re.match(
        rf"^\s*,?\s*(?P<who>[^,.“”\"]{{2,80}}?(?:,\s*[^,.“”\"]{{2,80}}?,)?)\s+{_SAID}\b", after
    )
    if not m:
        # '," said General X, the army chief of staff': the name and the office after it
        m = re.match(
            rf"^\s*,?\s*{_SAID}\s+(?P<who>[^,.“”\"]{{2,80}}"
            r"(?:,\s*(?:the|a|an)\s[^,.“”\"]{2,80}(?=[.,]?\s*$|\.))?)",
            after,
        )
    if not m:
        m = re.match(r"^\s*,?\s*(?P<who>[^,.“”\"]{2,80}?)\s+(?:was|were)\s+quoted\b", after)
    if not m:
        # '..., the agency quoted him as saying': the speaker is him, not the agency
        m = re.match(
            r"^\s*,?\s*[^,.“”\"]{2,80}?\s+quoted\s+(?P<who>him|her|them)\s+as\s+saying", after
        )
    if m:
        who = m.group("who").strip().rstrip(",").strip()
        return _attribution_from_text(who, end + m.start("who")) if who else None
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 200) : start]
    m = re.search(rf"(?P<who>[A-Z][^.“”\"]{{1,120}}?)\s+{_SAID}\s*[,:]?\s*$", before)
    if m:
        at = start - len(before) + m.start("who")
        who, at = _past_adverbials(doc, m.group("who").strip(), at)
        return _attribution_from_text(who, at) if who else None
    return None


def _past_adverbials(doc: Doc, who: str, at: int) -> tuple[str, int]:
    """A speaker's words before a quotation without what opens the sentence around them
    ("Earlier,", "In a statement,", "On Monday,"): words the parser hangs on the verb of
    saying, not on the speaker, and the comma after them."""
    span = doc.char_span(at, at + len(who), alignment_mode="expand")
    if span is None:
        return who, at
    skip_to = at
    for token in span:
        if token.dep_ == "punct" and token.text == "," and skip_to > at:
            skip_to = token.idx + 1
            continue
        opener = token.dep_ in ("advmod", "prep", "npadvmod", "advcl") and token.head.pos_ in (
            "VERB",
            "AUX",
        )
        if not opener:
            if token.i > span.start and token.idx < skip_to:
                continue  # inside the opener's phrase
            break
        skip_to = max(skip_to, token.right_edge.idx + len(token.right_edge))
    if skip_to == at:
        return who, at
    rest = doc.text[skip_to : at + len(who)]
    trimmed = rest.lstrip(" ,")
    return trimmed, skip_to + len(rest) - len(trimmed)


def sentence_speaker(sent: Span) -> Attribution | None:
    root = sent.root
    attribution = _stated_by(root) if _is_reporting(root) else None
    if attribution is None:
        # "The strike hit the village as people gathered, according to a member of the
        # local militia": a cited source speaks too ("he said" next is that member)
        attribution = _cited_in(sent, sentence_text(sent))
    if attribution is None:
        return None
    # "the army said" is a voice too, though who "the army" is depends on what was named
    # before it; "it said" only points back to a voice
    definite = attribution.kind == "pronoun" and not refers_to_speaker(attribution.surface or "")
    return attribution if attribution.kind == "named" or definite else None


def _stated_by(verb: Token) -> Attribution | None:
    """The subject of a verb of saying as the speaker, unless it is a relative pronoun ("the
    agency, which said 12 died": the pronoun by itself names no one)."""
    found = _subject_phrase(verb)
    if found is None or found[1].lower_ in RELATIVE_PRONOUNS:
        return None
    return _attribution_from(*found)
