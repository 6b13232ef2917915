"""Counts in a sentence: the figures a claim can be made of.

Digits and number words ("2,500", "two hundred and fourteen", "two dozen"), ranges, vague
words ("dozens"), denials ("no civilians", "denied any deaths"), single counted nouns
("a tank") and ships named in the text, each with the noun it counts. Years, ages, money,
percentages, times, rates ("2,000 shells a day") and unsplit "killed and wounded" figures
are not counts. This module knows numbers, not what makes them a claim (``triggers``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

import numpy as np
from spacy.attrs import ENT_IOB, ENT_TYPE, LEMMA, LIKE_NUM, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from counterclaim.extract.text import POSSESSIVE_PRONOUNS, along_with, doc_text
from counterclaim.extract.wordlists import lexicon
from counterclaim.numbers import Count, is_vague_word, parse_number, qualifier_before, range_after
from counterclaim.numbers import lexicon as count_lexicon

SKIP_ENTITY_TYPES = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}


@dataclass
class CountMention:
    count: Count
    token: Token  # the last token of the number (its syntactic anchor)
    first: Token
    noun: Token | None  # the counted noun ("personnel"), None for a bare number
    start: int
    end: int
    # what is counted, when the parse has no one noun for it: a ship's name counted as one
    # ("Eternity C"), or the items of a breakdown counted together ("Indians and Pakistani
    # national")
    name: str = ""
    kind: str = ""  # what the name names: "vessel" or "warship"


_VESSEL_NAME = re.compile(
    r"\b(?P<prefix>MV|M/V|MT|M/T|SS|HMS|USS|INS)\s+"
    r"(?P<mv>[A-Z][\w'-]*(?:\s+[A-Z0-9][\w'-]*){0,3})"
    r"|\b(?P<noun>ship|vessel|carrier|tanker|freighter|bulker|boat|warship|frigate|destroyer|"
    r"corvette)\s+(?:named\s+|called\s+)?"
    r"(?P<named>[A-Z][a-z][\w'-]*(?:\s+[A-Z0-9][\w'-]*){0,3})"
)


# What every match of _VESSEL_NAME holds: a prefix ("M/V" and "M/T" hold "M/", "USS" holds
# "SS") or a ship's noun ("warship" holds "ship")
_VESSEL_MARKS = (
    "MV", "M/", "MT", "SS", "HMS", "INS", "ship", "vessel", "carrier", "tanker", "freighter",
    "bulker", "boat", "frigate", "destroyer", "corvette",
)  # fmt: skip


def vessel_names(doc: Doc) -> dict[str, str]:
    """Names the text gives ships ("MV Eternity C", "the bulk carrier Magic Seas"), each
    "vessel" or "warship": a named ship sunk or seized is a count of one, like "a tank was
    destroyed"."""
    cached = doc.user_data.get("counterclaim_vessels")
    if cached is None:
        cached = {}
        text = doc_text(doc)
        # (the pattern is case-sensitive: a text holding none of its marks has no ship's
        # name, and the search tried both branches at every word)
        marked = any(mark in text for mark in _VESSEL_MARKS)
        for m in _VESSEL_NAME.finditer(text) if marked else ():
            words = (m.group("mv") or m.group("named")).split()
            while words and words[-1].lower() in lexicon().vessel_name_stops:
                words.pop()
            mark = m.group("prefix") or m.group("noun")
            if words:
                kind = "warship" if mark in lexicon().warship_marks else "vessel"
                cached.setdefault(" ".join(words), kind)
        doc.user_data["counterclaim_vessels"] = cached
    return cached


def _listed_after(noun: Token) -> bool:
    """ "seized a mortar, a heavy machine gun and two rifles": a thing set after a thing
    with more of the list after it is listed, where "Musa, a farmer, was killed" and "the
    commander, a colonel and veteran, was killed" describe."""
    things = lexicon().things
    return (
        noun.head.tag_ == "NN"
        and noun.lemma_.lower() in things
        and noun.head.lemma_.lower() in things
        and any(c.dep_ in ("cc", "conj") for c in noun.children)
    )


def _the_object_destroyed(det: Token) -> bool:
    noun = det.head
    if det.dep_ != "det" or noun.tag_ != "NN":
        return False
    if noun.dep_ == "nsubj" and noun.head.lower_ in ("ablaze", "alight"):
        return noun.head.head.lemma_.lower() == "set"  # "set the vehicle ablaze", one clause
    lemma = noun.lemma_.lower()
    if lemma not in lexicon().things or lemma in lexicon().places:
        return False
    if any(c.dep_ in ("nummod", "amod") and c.like_num for c in noun.children):
        return False
    noun = _first_listed(noun)
    if noun.dep_ not in ("nsubjpass", "dobj", "pobj"):
        return False
    if noun.dep_ == "pobj" or noun.head.lemma_.lower() == "set":
        return _set_on_fire(noun)
    return noun.head.lemma_.lower() in lexicon().destroying_verbs


def _first_listed(noun: Token) -> Token:
    """The first thing of the list a thing is in ("eight howitzers, the air defence system
    and 20 vehicles were destroyed"): it stands where the whole list does in its clause."""
    things = lexicon().things
    while noun.dep_ in ("conj", "appos") and noun.head.lemma_.lower() in things:
        noun = noun.head
    return noun


def _set_on_fire(noun: Token) -> bool:
    """ "set fire to the bus", "set the truck ablaze", "set the depot on fire"."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "to" else noun.head
    if verb.lemma_.lower() != "set":
        return False
    words = {c.lower_ for c in verb.children} | {
        g.lower_ for c in verb.children for g in c.children
    }
    return "fire" in words or "ablaze" in words or "alight" in words


def _named_person(tok: Token) -> CountMention | None:
    """ "Commander Abdel Ghani al-Kikli was killed": a named person is a count of one, like
    "a soldier was killed", when the name is the passive subject of what happened to them."""
    if tok.ent_type_ != "PERSON" or tok.ent_iob_ != "B":
        return None
    doc = tok.doc
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    root = doc[tok.i : end].root
    if root.dep_ != "nsubjpass" or root.head.lemma_.lower() not in lexicon().person_fates:
        return None
    # The name with its titles ("businessman John Okafor", "Commander X"): they say whose
    # side the person is on
    first = min(
        [tok.i] + [c.i for c in root.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
    )
    name = doc[first:end].text
    return CountMention(
        Count(1, "exact"), root, tok, root, tok.idx, doc[end - 1].idx + len(doc[end - 1]), name
    )


def _vessel_mention(sent: Span, i: int, names: dict[str, str]) -> tuple[CountMention | None, int]:
    """A ship's name as the subject or object of its clause, and the index after it."""
    doc = sent.doc
    first_i = i
    if doc[i].text in _VESSEL_PREFIXES:
        i += 1
    elif i > sent.start and doc[i - 1].text in _VESSEL_PREFIXES:
        return None, i + 1  # tried from the prefix already
    for name in names:
        words = name.split()
        end = i + len(words)
        if end > sent.end or [t.text for t in doc[i:end]] != words:
            continue
        head = doc[i:end].root
        while head.dep_ in ("appos", "compound") and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head  # "sank the bulk carrier Sea Falcon": the carrier is the object
        if head.dep_ not in ("nsubj", "nsubjpass", "dobj", "conj"):
            return None, end
        first, last = doc[first_i], doc[end - 1]
        span_end = last.idx + len(last)
        mention = CountMention(
            Count(1, "exact"), head, first, head, first.idx, span_end, name, names[name]
        )
        return mention, end
    return None, i + 1 if i == first_i else first_i + 1


_VESSEL_PREFIXES = ("MV", "M/V", "MT", "M/T", "SS")


def find_counts(sent: Span) -> list[CountMention]:
    lex = lexicon()
    found: list[CountMention] = []
    doc = sent.doc
    vessels = vessel_names(doc)
    openings = None if vessels else _count_openings(doc)
    i = sent.start
    while i < sent.end:
        if openings is not None:
            k = bisect_left(openings, i)
            if k == len(openings) or openings[k] >= sent.end:
                break
            i = openings[k]  # the next word that can open a count
        tok = doc[i]
        if vessels and (tok.is_title or tok.text in _VESSEL_PREFIXES):
            vessel, after = _vessel_mention(sent, i, vessels)
            if vessel is not None:
                found.append(vessel)
                i = after
                continue
        person = _named_person(tok)
        if person is not None:
            found.append(person)
            i = person.token.i + 1
            continue
        # A run of number tokens: "two hundred and fourteen", "2,500"
        if _is_number_token(tok):
            j = i
            while j + 1 < sent.end and (
                _is_number_token(doc[j + 1])
                or _hyphenated_number_word(doc, j)
                or (
                    doc[j + 1].lower_ == "and"
                    and j + 2 < sent.end
                    and _is_number_token(doc[j + 2])
                    and not doc[j].text[0].isdigit()  # "two hundred and ten", not "60 and 70"
                )
            ):
                j += 1
            if (
                j == i
                and tok.lower_ in MULTIPLIERS
                and i > sent.start
                and is_vague_word(doc[i - 1].lower_)
            ):
                i += 1
                continue  # "several hundred people": the vague word counts them
            dozen = j + 1 < sent.end and doc[j + 1].lower_ == "dozen"
            if dozen:
                j += 1  # "two dozen": 24
            span = doc[i : j + 1]
            value = parse_number(doc[i:j].text if dozen else span.text)
            value = value * 12 if dozen and value is not None else value
            if value == 1 and _after_not(doc, i):
                value = 0  # "not one of its guerrillas was wounded": a denial
            if value == 1 and i > sent.start and doc[i - 1].lower_ == "no":
                i = j + 1
                continue  # "no one was injured": the zero is the word "no"'s
            last = doc[j]
            range_high = re.search(
                r"\d\s*(?:to|-|–|—|or)\s*$|\bbetween\s+\S+\s+and\s+$",
                doc_text(doc)[max(0, span.start_char - 30) : span.start_char],
            )
            if value is not None and not range_high and not _excluded_number(span, value):
                prefix = doc_text(doc)[max(sent.start_char, span.start_char - 40) : span.start_char]
                # "more than a hundred": the article belongs to the number
                qualifier = qualifier_before(re.sub(r"\ban?\s+$", "", prefix))
                suffix = doc_text(doc)[span.end_char : span.end_char + 20]
                if _RATE.match(doc_text(doc), span.end_char, span.end_char + 40):
                    i = j + 1
                    continue  # "firing 2,000 shells a day" is a rate, not a count
                high = range_after(suffix, value)
                if high is None and re.search(r"\bbetween\s+$", prefix):
                    high = range_after(re.sub(r"^\s*and\b", " to", suffix), value)
                if high is not None:
                    qualifier = "at_least"
                noun = _past_bracketed_name(_counted_noun(last))
                anchor = last
                if noun is not None and noun == _container_by_its_members(last):
                    anchor = last.head  # "a 12-member family": the count stands where it stands
                if high is not None and noun is None:
                    # "25-30 insurgents": the parser hangs the noun on the range's end
                    end = _range_end(doc, j, sent.end)
                    if end is not None:
                        anchor, noun = end, _counted_noun(end)
                if noun is not None and noun.lemma_.lower() in lex.not_counted:
                    i = j + 1
                    continue
                found.append(
                    CountMention(
                        Count(value, qualifier, high),
                        anchor,
                        doc[i],
                        noun,
                        span.start_char,
                        span.end_char,
                    )
                )
            i = j + 1
            continue
        lower = tok.lower_
        article = _indefinite_before(doc, i, sent) if lower == "number" else None
        if (
            lower == "many"
            and i > sent.start
            and doc[i - 1].lower_ == "as"
            and not (i + 1 < sent.end and doc[i + 1].lower_ == "as")
            and found
            and found[-1].count.value is not None
        ):
            # "killed five people and wounded as many": the figure before, again
            first = doc[i - 1]
            found.append(
                CountMention(
                    Count(found[-1].count.value, found[-1].count.qualifier),
                    tok,
                    first,
                    _counted_noun(tok),
                    first.idx,
                    tok.idx + len(tok),
                )
            )
        elif lower == "dozen" and i > sent.start and doc[i - 1].lower_ == "a":
            half = i - 2 >= sent.start and doc[i - 2].lower_ == "half"  # "half a dozen": six
            first = doc[i - 2] if half else doc[i - 1]
            found.append(
                CountMention(
                    Count(6 if half else 12, "exact"),
                    tok,
                    first,
                    _counted_noun(tok),
                    first.idx,
                    tok.idx + len(tok),
                )
            )
        elif (
            (is_vague_word(lower) or article is not None)
            and not (
                # "some 300 drones every night", "some two dozen": a qualifier of a figure
                # ("several hundred" stays vague)
                i + 1 < sent.end
                and (
                    doc[i + 1].text[:1].isdigit()
                    or (doc[i + 1].like_num and doc[i + 1].lower_ not in MULTIPLIERS)
                )
            )
            # "did not say how many drones were launched": a question, no count
            and not (i > sent.start and doc[i - 1].lower_ == "how")
        ):
            noun = _counted_noun(tok)
            first = article if article is not None else tok
            found.append(
                CountMention(Count(None, "vague"), tok, first, noun, first.idx, tok.idx + len(tok))
            )
        elif lower == "no" and tok.dep_ == "det" and tok.head.pos_ in ("NOUN", "PROPN"):
            if i + 1 < sent.end and doc[i + 1].lower_ not in ("fewer", "more", "less", "longer"):
                found.append(
                    CountMention(Count(0, "exact"), tok, tok, tok.head, tok.idx, tok.idx + len(tok))
                )
        elif lower == "both" and tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
            found.append(
                CountMention(Count(2, "exact"), tok, tok, None, tok.idx, tok.idx + len(tok))
            )
        elif lower == "none" and partitive_noun(tok) is not None:
            found.append(
                CountMention(Count(0, "exact"), tok, tok, None, tok.idx, tok.idx + len(tok))
            )
        elif tok.lemma_.lower() in ("death", "killing") and _denied(tok):
            noun = partitive_noun(tok)
            if noun is not None and not any(c.like_num for c in noun.children):
                found.append(
                    CountMention(Count(0, "exact"), noun, noun, noun, tok.idx, tok.idx + len(tok))
                )
        elif lower == "any" and tok.dep_ == "det" and tok.head.pos_ == "NOUN" and _negated(tok):
            # "denied that any soldier had been killed", "had not killed any civilians"
            found.append(
                CountMention(Count(0, "exact"), tok, tok, tok.head, tok.idx, tok.idx + len(tok))
            )
        elif lower == "the" and _the_object_destroyed(tok):
            # "the armored vehicle was blown up", "intercepted the missile": one thing
            found.append(
                CountMention(Count(1, "exact"), tok, tok, tok.head, tok.idx, tok.idx + len(tok))
            )
        elif (
            lower in ("a", "an", "another") and tok.dep_ == "det" and tok.head.tag_ in ("NN", "NNP")
        ):
            noun = tok.head
            # "X, a militia leader, was killed" describes X; "four rifles, a machine gun"
            # lists a second thing (the parser hangs it on the plural as an apposition)
            described = noun.dep_ == "attr" or (
                noun.dep_ == "appos" and noun.head.tag_ != "NNS" and not _listed_after(noun)
            )
            if _a_speaker(noun):
                described = True  # "..., a rebel group and a resident said": who tells it
            if lower == "another" and noun.lemma_.lower() in lex.places:
                described = True  # "torched another police station": one more of a kind
            if noun.lemma_.lower() in lex.containers and _sized(noun):
                described = True  # "a family of six": the six are counted
            if not described and (
                noun.lemma_.lower() in lex.people or noun.lemma_.lower() in lex.things
            ):
                value = 0 if _after_not(doc, i) else 1  # "not a single soldier was hurt"
                found.append(
                    CountMention(Count(value, "exact"), tok, tok, noun, tok.idx, tok.idx + len(tok))
                )
        elif lower in POSSESSIVE_PRONOUNS and tok.dep_ == "poss" and _one_more_person(tok.head):
            # "12 passengers and their driver", "12 engineers, along with their driver": one
            # more person, as "and a driver" is
            noun = tok.head
            found.append(
                CountMention(Count(1, "exact"), tok, tok, noun, tok.idx, tok.idx + len(tok))
            )
        i += 1
    if vessels:
        # "sank the bulk carrier Sea Falcon": one ship, counted by its name
        named = {m.noun.i for m in found if m.name and m.noun is not None}
        found = [m for m in found if m.name or m.noun is None or m.noun.i not in named]
    return found


def _a_speaker(noun: Token) -> bool:
    """Whether a noun is the subject of a verb of saying, or joined to it ("a local group
    and a resident said"): the one who tells, not one of the counted."""
    while noun.dep_ == "conj" and noun.head.i < noun.i:
        noun = noun.head
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in lexicon().reporting_verbs


def _sized(container: Token) -> bool:
    """Whether a container's size is given: after it ("a family of six", "a crew of 12") or
    before it ("a 12-member family")."""
    if _size_before(container) is not None:
        return True
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and any(o.like_num or any(n.dep_ == "nummod" for n in o.children) for o in prep.children)
        for prep in container.children
    )


def _household_size(doc: Doc, i: int) -> bool:
    """ "a 12-member family": "member" at ``i``, before a container of people."""
    return (
        doc[i].lower_ == "member"
        and i + 1 < len(doc)
        and doc[i + 1].lemma_.lower() in lexicon().containers
    )


def _container_by_its_members(number: Token) -> Token | None:
    """The container whose size a number gives before it ("a 12-member family"): the number
    is hung on "member", a compound of the container."""
    member = number.head
    if (
        member.lower_ == "member"
        and member.dep_ == "compound"
        and member.head.lemma_.lower() in lexicon().containers
    ):
        return member.head
    return None


def _size_before(container: Token) -> Token | None:
    """The number of "a 12-member family": hung on "member", compound of the container."""
    for word in container.children:
        if word.dep_ == "compound" and word.lower_ == "member":
            return next((n for n in word.children if n.dep_ == "nummod" and n.like_num), None)
    return None


def _one_more_person(noun: Token) -> bool:
    """A singular person joined to counted people: "and their driver", "along with his
    guard"."""
    if noun.tag_ != "NN" or noun.lemma_.lower() not in lexicon().people:
        return False
    joined_to: list[Token] = []
    along = along_with(noun)
    if noun.dep_ == "conj":
        joined_to = [noun.head]
    elif along is not None:
        # hung on the counted noun, or on the verb whose object (or passive subject) it is
        joined_to = [
            along.head,
            *(c for c in along.head.children if c.dep_ in ("dobj", "nsubjpass")),
        ]
    return any(c.dep_ == "nummod" and c.like_num for j in joined_to for c in j.children)


# Every word the branches of find_counts test for (besides numbers, names and vague words):
# a word a branch starts testing must be added here, or its tokens are skipped unread.
_WORDS_READ = (
    "number", "many", "dozen", "no", "both", "none", "any", "the", "a", "an", "another",
    *POSSESSIVE_PRONOUNS,
)  # fmt: skip
_LEMMAS_READ = ("death", "killing")
_PERSON, _BEGIN = get_string_id("PERSON"), 3  # spaCy's ENT_IOB code of "B"


def _count_openings(doc: Doc) -> list[int]:
    """The tokens find_counts can make anything of (a number, a person's name, a word its
    branches test), in order, found once per document in spaCy's arrays: most words open
    no count, and making a ``Token`` of each, or even visiting each, to find that out was
    most of its time."""
    cached = doc.user_data.get("counterclaim_count_openings")
    if cached is None:
        rows = doc.to_array([LOWER, LEMMA, LIKE_NUM, ENT_TYPE, ENT_IOB])
        words, lemmas = _ids_read()
        opens = (
            (rows[:, 2] != 0)
            | ((rows[:, 3] == _PERSON) & (rows[:, 4] == _BEGIN))
            | _among(rows[:, 0], words)
            | _among(rows[:, 1], lemmas)
        )
        cached = doc.user_data["counterclaim_count_openings"] = np.flatnonzero(opens).tolist()
    return cached


def _among(ids: np.ndarray, sorted_ids: np.ndarray) -> np.ndarray:
    """Which of ``ids`` are in ``sorted_ids`` (a binary search each, not a set per word)."""
    found = np.searchsorted(sorted_ids, ids).clip(max=len(sorted_ids) - 1)
    return sorted_ids[found] == ids


@lru_cache(maxsize=1)
def _ids_read() -> tuple[np.ndarray, np.ndarray]:
    """The ids of the lowered words find_counts reads, and those of every lemma whose
    lowered text is one it reads ("Deaths" lemmatised "Death" is read as "death")."""
    words = {get_string_id(w) for w in (*_WORDS_READ, *count_lexicon().vague)}
    lemmas = {get_string_id(text) for lemma in _LEMMAS_READ for text in spellings_of(lemma)}
    return (
        np.array(sorted(words), dtype=np.uint64),
        np.array(sorted(lemmas), dtype=np.uint64),
    )


# The letters beyond ASCII whose lowered form is an ASCII letter (the Kelvin sign lowers to
# "k"; U+0130 lowers to "i" with a combining dot, two characters)
_LOWERED_TO_ASCII = {"k": "\u212a"}


def spellings_of(word: str) -> list[str]:
    """Every text ``str.lower`` makes into ``word``, a word of ASCII letters."""
    letters = [
        sorted({letter, letter.upper(), *_LOWERED_TO_ASCII.get(letter, "")}) for letter in word
    ]
    return ["".join(spelling) for spelling in product(*letters)]


_NAME_PARTS = frozenset({"PROPN", "PART", "PUNCT", "SYM"})


def _noun_past_a_name(number: Token, name: Token) -> Token | None:
    """The common noun a name between it and a number describes: the name's words hang,
    as compounds or a possessor, on the first noun after them, and nothing but the name's
    words stands between the number and that noun."""
    noun = name
    while noun.pos_ == "PROPN" and noun.dep_ in ("compound", "nmod", "poss"):
        if noun.head.i <= noun.i or noun.head.pos_ not in ("NOUN", "PROPN"):
            return None
        noun = noun.head
    if noun.pos_ != "NOUN" or noun is name:
        return None
    between = noun.doc[number.i + 1 : noun.i]
    if not all(t.pos_ in _NAME_PARTS and t.text not in (",", ";", ":") for t in between):
        return None
    return noun


def _past_bracketed_name(noun: Token | None) -> Token | None:
    """ "16 Mali Armed Forces [FAMa] soldiers were killed": the parser takes the name before
    the bracketed acronym for what is counted; the noun after the brackets is, when it names
    people or things."""
    if noun is None or noun.pos_ != "PROPN":
        return noun
    doc = noun.doc
    opening = noun.i + 1
    if opening >= len(doc) or doc[opening].text not in ("[", "("):
        return noun
    for close in range(opening + 1, min(len(doc), opening + 6)):
        if doc[close].text in ("]", ")"):
            after = doc[close + 1] if close + 1 < len(doc) else None
            lex = lexicon()
            if (
                after is not None
                and after.pos_ == "NOUN"
                and (after.lemma_.lower() in lex.people or after.lemma_.lower() in lex.things)
            ):
                return after
            return noun
    return noun


def _after_not(doc: Doc, i: int) -> bool:
    """ "not one", "not a single", "not even one": the count is denied."""
    before = [t.lower_ for t in doc[max(0, i - 2) : i]]
    return bool(before) and (before[-1] == "not" or before == ["not", "even"])


def _range_end(doc: Doc, last: int, limit: int) -> Token | None:
    """The number that closes a range starting at token ``last`` ("25-30", "35 to 40")."""
    for k in range(last + 1, min(limit, last + 4)):
        if _is_number_token(doc[k]):
            return doc[k]
        if doc[k].lower_ not in ("-", "–", "—", "to", "or", "and"):
            return None
    return None


def _hyphenated_number_word(doc: Doc, i: int) -> bool:
    """ "Thirty-four" split by the tokenizer into "Thirty", "-", "four": one number."""
    if i + 2 >= len(doc) or doc[i + 1].text != "-" or doc[i].text[0].isdigit():
        return False
    return _is_number_token(doc[i]) and _is_number_token(doc[i + 2]) and doc[i + 2].is_alpha


def _negated(tok: Token) -> bool:
    """Whether a word stands under a negation or a denial in its clause."""
    for ancestor in tok.ancestors:
        if ancestor.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ == "neg" for c in ancestor.children):
            return True
        if ancestor.lemma_.lower() in ("deny", "reject", "dismiss", "refute"):
            return True
    return False


def _denied(tok: Token) -> bool:
    """ "deny ... the deaths of civilians": a denial of a figure, a claim of zero."""
    rejections = lexicon().rejections
    return any(
        a.lemma_.lower() in rejections and a.lemma_.lower() in ("deny", "reject", "refute")
        for a in tok.ancestors
    )


def _is_number_token(tok: Token) -> bool:
    if tok.ent_type_ in SKIP_ENTITY_TYPES and not _bare_number_entity(tok):
        return False
    if tok.like_num and tok.lower_ not in ("and",):
        return bool(re.fullmatch(r"[\d,]+|[a-z]+(?:-[a-z]+)?", tok.lower_)) and (
            tok.text[0].isdigit() or parse_number(tok.text) is not None
        )
    return False


# "30 drones a day", "killing 50 people every week": a rate, not a count. The words between
# are words, not another figure ("rose to 46 from 31 a day earlier"), and "a day earlier"
# or "a week ago" says when, not how often.
_RATE = re.compile(
    r"\s+(?:[^\W\d][\w-]*\s+){0,2}?(?:a|per|each|every)\s+(?:day|week|month|hour|night|year)\b"
    r"(?!\s+(?:earlier|ago|before|later|after|prior))"
    r"|\s+(?:[^\W\d][\w-]*\s+){0,2}?(?:daily|weekly|monthly|nightly)\b",
    re.IGNORECASE,
)
_UNSPLIT = re.compile(
    r"(?:killed|dead|kill|killing)\s+(?:and|or)\s+(?:wounded|injured|wound|injure|wounding)",
    re.IGNORECASE,
)


def unsplit_figure(doc: Doc, trigger: Token, mention: CountMention) -> bool:
    """ "47,000 killed and wounded", "lost 47,000 troops killed and wounded": ANNOTATION.md
    leaves unsplit figures out."""
    around = doc_text(doc)[max(0, trigger.idx - 20) : trigger.idx + len(trigger.text) + 20]
    after = doc_text(doc)[mention.end : mention.end + 45]
    return bool(
        (_UNSPLIT.search(around) and trigger.lemma_.lower() in lexicon().casualty_words)
        or re.match(r"\s+(?:[\w-]+\s+){0,2}?" + _UNSPLIT.pattern, after, re.IGNORECASE)
    )


def _bare_number_entity(tok: Token) -> bool:
    """A "DATE" or "TIME" without a word of time ("put the toll at 63", "five mortars were
    destroyed"), or a "QUANTITY" without a unit ("burnt 10 motorcycles"), is the tagger's
    guess: dates carry a month, weekday, year or other time word (``time_words``), years are
    excluded on their own, and quantities carry a unit (``quantity_units``)."""
    if tok.ent_type_ not in ("DATE", "TIME", "QUANTITY"):
        return False
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    # "between 25-30" is tagged a date too: range words carry no date
    lex = lexicon()
    if tok.ent_type_ == "QUANTITY":
        units = lex.quantity_units
        return not any(
            t.lower_ in units or t.lemma_.lower() in units or t.like_url for t in doc[start:end]
        )
    if tok.i + 1 < end and doc[tok.i + 1].lower_ in ("a", "an", "the", "one"):
        return True  # "up from 31 a day earlier": the figure, then when it was given
    before = doc[tok.i - 1] if tok.i > start else None
    if end == tok.i + 1 and before is not None and before.head == tok and before.pos_ == "ADJ":
        return True  # "from an earlier 32", "an initial 12": a time word describing the figure
    time_words = lex.time_words
    return not any(
        t.lower_.rstrip(".") in time_words or t.lemma_.lower() in time_words or _looks_like_date(t)
        for t in doc[start:end]
    )


def _looks_like_date(tok: Token) -> bool:
    """ "12/03", "2024-05-01", "10:30", "1990s": written as a date or time, not a count."""
    return bool(re.search(r"\d[/:.]\d|^\d{4}s?$|\d{4}-\d", tok.text))


def _excluded_number(span: Span, value: int) -> bool:
    text = span.text
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    prev = span.doc[span.start - 1] if span.start > 0 else None
    if text.isdigit() and len(text) == 4 and 1900 <= value <= 2100:
        return True  # a year
    if nxt is not None and (
        nxt.text in ("%", "-year", "-year-old") or nxt.lower_ in ("percent", "per")
    ):
        return True
    if (
        nxt is not None
        and nxt.text == "-"
        and not span[-1].whitespace_
        and not nxt.whitespace_  # "eight - over Bryansk" is a dash, not "eight-storey"
        and span.end + 1 < len(span.doc)
        and span.doc[span.end + 1].is_alpha
        and parse_number(span.doc[span.end + 1].text) is None
        and not _household_size(span.doc, span.end + 1)
    ):
        return True  # "a three-storey building", "a 12-member team", "two-thirds"
    if prev is not None and prev.text in ("$", "€", "£", "₹", "#", "No.", "No"):
        return True
    if (
        value > 1
        and nxt is not None
        and nxt.lower_ in lexicon().unit_names
        and nxt.dep_ != "compound"  # "24 corps vehicles" counts the vehicles
    ):
        return True  # "the 68 Battalion": a unit's name; a count would take the plural
    if prev is not None and prev.lower_ in ("aged", "age", "ages", "rs", "rs.", "pm", "at"):
        return prev.lower_ != "at" or bool(
            nxt is not None and nxt.lower_ in ("p.m.", "a.m.", "pm", "am")
        )
    return nxt is not None and nxt.lower_ in ("p.m.", "a.m.", "pm", "am", "o'clock", "gmt", "utc")


def _indefinite_before(doc: Doc, i: int, sent: Span) -> Token | None:
    """The "a" of "a number of", "a large number of", "a significant number of"."""
    j = i - 1
    while j > sent.start and doc[j].pos_ == "ADJ":
        j -= 1
    return doc[j] if j >= sent.start and doc[j].lower_ == "a" else None


# Words that multiply a number ("two dozen"), counting nothing of their own
MULTIPLIERS = ("dozen", "hundred", "thousand")


def _counted_noun(tok: Token) -> Token | None:
    """The noun a number counts: its head for "84 personnel", None for a bare "18"."""
    head = tok.head
    if _whole_number_after(tok) is not None:
        return None  # "74 of 98 drones": a part, whose whole is the drones (partitive_noun)
    container = _container_by_its_members(tok)
    if container is not None:
        return container  # "a 12-member family": the family's people
    if (
        head.lower_ in MULTIPLIERS
        and head.dep_ in ("nummod", "compound")
        and head.head.pos_ in ("NOUN", "PROPN")
    ):
        return head.head  # "several dozen members": the members
    if (
        head.lower_ in MULTIPLIERS
        and tok.dep_ == "nummod"
        and not any(c.dep_ == "prep" for c in head.children)
    ):
        return None  # "injured some two dozen": a bare count, of the people before
    if (
        tok.dep_ in ("compound", "nummod", "quantmod")
        and head.pos_ == "NUM"
        and re.search(r"[A-Za-z]", head.text)
        and re.search(r"\d", head.text)
        and head.head.pos_ in ("NOUN", "PROPN")
    ):
        return head.head  # "four AK-47 assault rifles": the model's name is tagged a number
    if tok.dep_ in ("nummod", "amod", "quantmod", "det", "compound") and head.pos_ in (
        "NOUN",
        "PROPN",
        "ADJ",
    ):
        if head.pos_ == "PROPN":
            noun = _noun_past_a_name(tok, head)
            if noun is not None:
                # "13 PKK/YPG terrorists", "Seven New People's Army rebels": the count hung
                # on a name that describes the noun after it
                return noun
        if head.pos_ == "ADJ" and head.dep_ not in (
            "dobj",
            "nsubj",
            "nsubjpass",
            "pobj",
            "conj",
            "attr",
        ):
            return None
        while head.dep_ == "compound" and head.tag_ == "NN" and head.head.i > head.i:
            # "12 field artillery guns", the number hung on the first word of the name:
            # the guns are counted
            if head.head.tag_ == "NNS" or head.head.dep_ == "compound":
                head = head.head
            else:
                break
        return head
    if tok.dep_ == "nmod" and tok.like_num and head.pos_ == "NOUN" and head.i > tok.i:
        return head  # "Sixteen Malian soldiers" opening a report: the number word tagged a name
    if tok.dep_ == "quantmod" and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head
    if (
        tok.dep_ in ("advmod", "npadvmod")
        and head.lemma_.lower() in lexicon().increments
        and head.dep_ == "amod"
        and head.head.pos_ in ("NOUN", "PROPN")
    ):
        return head.head  # "several more soldiers were wounded": the soldiers
    if tok.dep_ == "npadvmod" and head.lower_ in lexicon().adjectives and head.pos_ != "VERB":
        # "counted more than 70 dead" (of "destroyed 47 drones, 21 of them over Belgorod"
        # the verb is no noun)
        return head
    if (
        tok.dep_ == "appos"
        and head.pos_ == "NOUN"
        and not opens_a_list_of_parts(tok)
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    ):  # (of "shot down 337 drones, 91 of them over Moscow" the whole is "them")
        return head  # "The most drones – 126 – were shot down"
    return None


def opens_a_list_of_parts(number: Token) -> bool:
    """Whether a number the parser set in apposition comes after a colon: it opens a list
    of parts, whatever noun it was hung on ("the air force said it shot down 38 drones: 20
    over Kyiv, ...", "14 people were wounded: nine in Kharkiv and five in the suburbs")."""
    return any(t.text in (":", ";") for t in number.doc[number.head.i + 1 : number.i])


def partitive_noun(tok: Token) -> Token | None:
    """The noun of "of the 25 people" after a count token ("four of the 25 people")."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    whole = _whole_number_after(tok)
    if whole is not None and whole.head.pos_ in ("NOUN", "PROPN"):
        return whole.head  # "74 of 98 drones" parsed as one number phrase: the drones
    return _fronted_whole(tok)


def _fronted_whole(tok: Token) -> Token | None:
    """ "Of those, 31 were shot down", "Of the wounded, six died": the whole, fronted before
    its clause's verb, of a count that is the verb's subject."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for prep in tok.head.children:
        if prep.i > tok.i:
            break
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == prep.sent.start:
            objects = [obj for obj in prep.children if obj.dep_ == "pobj"]
            if objects and tok.doc[objects[0].right_edge.i + 1].text == ",":
                return objects[0]
    return None


def _whole_number_after(tok: Token) -> Token | None:
    """The 98 of "74 of 98 drones" when the parser made the part a modifier of the whole."""
    doc = tok.doc
    if tok.dep_ != "quantmod" or tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "of":
        return None
    whole = doc[tok.i + 2]
    return whole if whole.like_num and whole.dep_ == "nummod" and tok.head == whole else None
