"""Stage 3, extract: counts, their categories, targets, claimants and hedges.

Works on a spaCy ``Doc`` of the whole document text (so that spans are offsets into the
stored text). For every count in a body sentence (digits, number words, "a dozen", vague
words, denials) it looks for the word that makes it a claim (a trigger verb, noun or
adjective of ``data/lexicon/triggers.yaml``) through the dependency parse, then for who
says so: a reporting verb above the trigger, "according to", a quotation's attribution,
or the claimant of the paragraph. The result is a list of :class:`Extraction`; the resolve
stage turns them into :class:`~counterclaim.model.Claim` objects with actors and sides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from counterclaim.lexicon import load_data
from counterclaim.numbers import Count, is_vague_word, parse_number, qualifier_before, range_after

EXTRACTOR_VERSION = "2"
SKIP_ENTITY_TYPES = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
# Documents that stand for whoever issued them: "the statement said", "the release says"
_SOURCE_REFS = frozenset(
    {"statement", "report", "video", "channel", "post", "update", "release", "communique",
     "communiqué", "bulletin", "briefing"}
)  # fmt: skip
_ANAPHORS = frozenset({"he", "she", "it", "they", "him", "her", "them"})
_QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("«", "»"))


@dataclass
class Attribution:
    """Who a sentence's figure is attributed to, as the text names them."""

    surface: str | None  # None: nobody named (the outlet's own voice)
    kind: str = "reporter"  # named | pronoun | quote | inherited | reporter
    start: int = -1
    parts: list[str] = field(default_factory=list)  # appositions: "the mayor", "Sergei Sobyanin"


@dataclass
class Extraction:
    """A raw claim: count, category and attribution, before actors and sides are resolved."""

    category: str
    count: Count
    count_start: int
    count_end: int
    target: str
    target_is_person: bool | None
    evidence_start: int
    evidence_end: int
    sentence_start: int
    sentence_end: int
    paragraph: int
    attribution: Attribution
    agent: str | None = None  # who did it ("Russia fired ..."), for the direction of attacks
    places: list[str] = field(default_factory=list)  # place entities of the sentence
    hedged: bool = False
    trigger: str = ""
    target_kind: str = ""  # "vessel" or "warship" for a ship named in the text


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[str, ...]]
    nouns: dict[str, tuple[str, ...]]
    adjectives: dict[str, tuple[str, ...]]
    phrasal: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]
    people_only: frozenset[str]
    things_only: frozenset[str]
    people: frozenset[str]
    things: frozenset[str]
    projectiles: frozenset[str]
    not_counted: frozenset[str]
    reporting_verbs: frozenset[str]
    acknowledging_verbs: frozenset[str]
    reporting_phrases: tuple[str, ...]
    source_nouns: frozenset[str]
    pronouns: frozenset[str]
    hedges: tuple[str, ...]
    rejections: frozenset[str]
    rejection_nouns: tuple[str, ...]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    triggers = load_data("lexicon/triggers.yaml")
    nouns = load_data("lexicon/nouns.yaml")
    attribution = load_data("lexicon/attribution.yaml")
    verbs: dict[str, list[str]] = {}
    trigger_nouns: dict[str, list[str]] = {}
    adjectives: dict[str, list[str]] = {}
    phrasal: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    people_only, things_only = set(), set()
    for category, entry in triggers.items():
        for lemma in entry.get("verbs") or []:
            verbs.setdefault(lemma, []).append(category)
        for lemma in entry.get("nouns") or []:
            trigger_nouns.setdefault(lemma, []).append(category)
        for word in entry.get("adjectives") or []:
            adjectives.setdefault(word, []).append(category)
        for phrase in entry.get("phrasal") or []:
            head, *rest = phrase.split()
            phrasal.setdefault(head, []).append((category, tuple(rest)))
        if entry.get("people_only"):
            people_only.add(category)
        if entry.get("things_only"):
            things_only.add(category)
    return Lexicon(
        verbs={k: tuple(v) for k, v in verbs.items()},
        nouns={k: tuple(v) for k, v in trigger_nouns.items()},
        adjectives={k: tuple(v) for k, v in adjectives.items()},
        phrasal={k: tuple(v) for k, v in phrasal.items()},
        people_only=frozenset(people_only),
        things_only=frozenset(things_only),
        people=frozenset(nouns["people"]),
        things=frozenset(nouns["things"]),
        projectiles=frozenset(nouns["projectiles"]),
        not_counted=frozenset(nouns["not_counted"]),
        reporting_verbs=frozenset(attribution["reporting_verbs"]),
        acknowledging_verbs=frozenset(attribution.get("acknowledging_verbs") or ()),
        reporting_phrases=tuple(attribution["reporting_phrases"]),
        source_nouns=frozenset(attribution["source_nouns"]),
        pronouns=frozenset(p.lower() for p in attribution["pronouns"]),
        hedges=tuple(h.lower() for h in attribution["hedges"]),
        rejections=frozenset(attribution["rejections"]),
        rejection_nouns=tuple(attribution["rejection_nouns"]),
    )


# -- body text ------------------------------------------------------------------------------
def body_start_of(doc: Doc) -> int:
    start = doc.user_data.get("body_start", 0) if doc.user_data else 0
    return int(start)


def doc_text(doc: Doc) -> str:
    """The document's text, built once: spaCy joins every token again on each ``Doc.text``."""
    text = doc.user_data.get("counterclaim_text")
    if text is None:
        text = doc.user_data["counterclaim_text"] = doc.text
    return text


def is_body_sentence(sent: Span, title: str | None) -> bool:
    """Headlines, standfirsts, captions and page furniture are not body text."""
    text = sent.text.strip()
    if not text:
        return False
    if title and _squash(text).startswith(_squash(title)[:60]) and len(text) < len(title) + 30:
        return False
    line_start = doc_text(sent.doc).rfind("\n", 0, sent.start_char) + 1
    line_end = doc_text(sent.doc).find("\n", sent.start_char)
    line = doc_text(sent.doc)[
        line_start : line_end if line_end >= 0 else len(doc_text(sent.doc))
    ].strip()
    words = len(line.split())
    # A short line without closing punctuation is a heading, caption or furniture.
    return not (words < 12 and not re.search(r"[.!?\"”’)]$", line))


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


def paragraph_index(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


# -- counts ---------------------------------------------------------------------------------
@dataclass
class CountMention:
    count: Count
    token: Token  # the last token of the number (its syntactic anchor)
    first: Token
    noun: Token | None  # the counted noun ("personnel"), None for a bare number
    start: int
    end: int
    name: str = ""  # a ship's name counted as one ("Eternity C")
    kind: str = ""  # what the name names: "vessel" or "warship"


_VESSEL_NAME = re.compile(
    r"\b(?P<prefix>MV|M/V|MT|M/T|SS|HMS|USS|INS)\s+"
    r"(?P<mv>[A-Z][\w'-]*(?:\s+[A-Z0-9][\w'-]*){0,3})"
    r"|\b(?P<noun>ship|vessel|carrier|tanker|freighter|bulker|boat|warship|frigate|destroyer|"
    r"corvette)\s+(?:named\s+|called\s+)?"
    r"(?P<named>[A-Z][a-z][\w'-]*(?:\s+[A-Z0-9][\w'-]*){0,3})"
)
_WARSHIP_MARKS = frozenset({"HMS", "USS", "INS", "warship", "frigate", "destroyer", "corvette"})


def vessel_names(doc: Doc) -> dict[str, str]:
    """Names the text gives ships ("MV Eternity C", "the bulk carrier Magic Seas"), each
    "vessel" or "warship": a named ship sunk or seized is a count of one, like "a tank was
    destroyed"."""
    cached = doc.user_data.get("counterclaim_vessels")
    if cached is None:
        cached = {}
        for m in _VESSEL_NAME.finditer(doc_text(doc)):
            words = (m.group("mv") or m.group("named")).split()
            while words and words[-1].lower() in _VESSEL_STOP:
                words.pop()
            mark = m.group("prefix") or m.group("noun")
            if words:
                kind = "warship" if mark in _WARSHIP_MARKS else "vessel"
                cached.setdefault(" ".join(words), kind)
        doc.user_data["counterclaim_vessels"] = cached
    return cached


_VESSEL_STOP = frozenset({"in", "on", "off", "and", "the", "was", "which", "that", "said"})


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
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        if vessels and (tok.is_title or tok.text in _VESSEL_PREFIXES):
            vessel, after = _vessel_mention(sent, i, vessels)
            if vessel is not None:
                found.append(vessel)
                i = after
                continue
        # A run of number tokens: "two hundred and fourteen", "2,500"
        if _is_number_token(tok):
            j = i
            while j + 1 < sent.end and (
                _is_number_token(doc[j + 1])
                or (
                    doc[j + 1].lower_ == "and"
                    and j + 2 < sent.end
                    and _is_number_token(doc[j + 2])
                    and not doc[j].text[0].isdigit()  # "two hundred and ten", not "60 and 70"
                )
            ):
                j += 1
            dozen = j + 1 < sent.end and doc[j + 1].lower_ == "dozen"
            if dozen:
                j += 1  # "two dozen": 24
            span = doc[i : j + 1]
            value = parse_number(doc[i:j].text if dozen else span.text)
            value = value * 12 if dozen and value is not None else value
            last = doc[j]
            range_high = re.search(
                r"\d\s*(?:to|-|–|—|or)\s*$|\bbetween\s+\S+\s+and\s+$",
                doc_text(doc)[max(0, span.start_char - 30) : span.start_char],
            )
            if value is not None and not range_high and not _excluded_number(span, value):
                prefix = doc_text(doc)[max(sent.start_char, span.start_char - 40) : span.start_char]
                qualifier = qualifier_before(prefix)
                suffix = doc_text(doc)[span.end_char : span.end_char + 20]
                if _RATE.match(doc_text(doc), span.end_char, span.end_char + 40):
                    i = j + 1
                    continue  # "firing 2,000 shells a day" is a rate, not a count
                high = range_after(suffix, value)
                if high is None and re.search(r"\bbetween\s+$", prefix):
                    high = range_after(re.sub(r"^\s*and\b", " to", suffix), value)
                if high is not None:
                    qualifier = "at_least"
                noun = _counted_noun(last)
                if noun is not None and noun.lemma_.lower() in lex.not_counted:
                    i = j + 1
                    continue
                found.append(
                    CountMention(
                        Count(value, qualifier, high),
                        last,
                        doc[i],
                        noun,
                        span.start_char,
                        span.end_char,
                    )
                )
            i = j + 1
            continue
        lower = tok.lower_
        if lower == "dozen" and i > sent.start and doc[i - 1].lower_ == "a":
            found.append(
                CountMention(
                    Count(12, "exact"),
                    tok,
                    doc[i - 1],
                    _counted_noun(tok),
                    doc[i - 1].idx,
                    tok.idx + len(tok),
                )
            )
        elif is_vague_word(lower) or (
            lower == "number" and i > sent.start and doc[i - 1].lower_ == "a"
        ):
            noun = _counted_noun(tok)
            first = doc[i - 1] if lower == "number" else tok
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
        elif lower == "none" and _partitive_noun(tok) is not None:
            found.append(
                CountMention(Count(0, "exact"), tok, tok, None, tok.idx, tok.idx + len(tok))
            )
        elif tok.lemma_.lower() in ("death", "killing") and _denied(tok):
            noun = _partitive_noun(tok)
            if noun is not None and not any(c.like_num for c in noun.children):
                found.append(
                    CountMention(Count(0, "exact"), noun, noun, noun, tok.idx, tok.idx + len(tok))
                )
        elif lower == "any" and tok.dep_ == "det" and tok.head.pos_ == "NOUN" and _negated(tok):
            # "denied that any soldier had been killed", "had not killed any civilians"
            found.append(
                CountMention(Count(0, "exact"), tok, tok, tok.head, tok.idx, tok.idx + len(tok))
            )
        elif (
            lower in ("a", "an", "another") and tok.dep_ == "det" and tok.head.tag_ in ("NN", "NNP")
        ):
            noun = tok.head
            if noun.lemma_.lower() in lex.people or noun.lemma_.lower() in lex.things:
                found.append(
                    CountMention(Count(1, "exact"), tok, tok, noun, tok.idx, tok.idx + len(tok))
                )
        i += 1
    return found


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


_RATE = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:a|per|each|every)\s+(?:day|week|month|hour|night|year)\b"
    r"|\s+(?:[\w-]+\s+){0,2}?(?:daily|weekly|monthly|nightly)\b",
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
        (_UNSPLIT.search(around) and trigger.lemma_.lower() in _CASUALTY_WORDS)
        or re.match(r"\s+(?:[\w-]+\s+){0,2}?" + _UNSPLIT.pattern, after, re.IGNORECASE)
    )


_CASUALTY_WORDS = frozenset(
    {"kill", "dead", "wound", "injure", "wounded", "injured", "killed", "lose"}
)


def _bare_number_entity(tok: Token) -> bool:
    """A "DATE" that is only a number ("put the toll at 63") is the tagger's guess, not a
    date: dates carry a month, weekday or year word, and years are excluded on their own."""
    if tok.ent_type_ != "DATE":
        return False
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return all(t.like_num or t.is_punct for t in doc[start:end])


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
        and span.end + 1 < len(span.doc)
        and span.doc[span.end + 1].lower_ in ("year", "ton", "tonne", "day", "member", "strong")
    ):
        return True
    if prev is not None and prev.text in ("$", "€", "£", "₹", "#", "No.", "No"):
        return True
    if prev is not None and prev.lower_ in ("aged", "age", "ages", "rs", "rs.", "pm", "at"):
        return prev.lower_ != "at" or bool(
            nxt is not None and nxt.lower_ in ("p.m.", "a.m.", "pm", "am")
        )
    return nxt is not None and nxt.lower_ in ("p.m.", "a.m.", "pm", "am", "o'clock", "gmt", "utc")


def _counted_noun(tok: Token) -> Token | None:
    """The noun a number counts: its head for "84 personnel", None for a bare "18"."""
    head = tok.head
    if tok.dep_ in ("nummod", "amod", "quantmod", "det", "compound") and head.pos_ in (
        "NOUN",
        "PROPN",
        "ADJ",
    ):
        if head.pos_ == "ADJ" and head.dep_ not in (
            "dobj",
            "nsubj",
            "nsubjpass",
            "pobj",
            "conj",
            "attr",
        ):
            return None
        return head
    if tok.dep_ == "quantmod" and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head
    if tok.dep_ == "npadvmod" and head.lower_ in lexicon().adjectives:
        return head  # "counted more than 70 dead"
    if tok.dep_ == "appos" and head.pos_ == "NOUN":
        return head  # "The most drones – 126 – were shot down"
    return None


def _partitive_noun(tok: Token) -> Token | None:
    """The noun of "of the 25 people" after a count token ("four of the 25 people")."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


# -- triggers -------------------------------------------------------------------------------
@dataclass
class Trigger:
    category: str
    token: Token
    agent: Token | None = None


def _phrase_words(verb: Token) -> set[str]:
    words = set()
    for child in verb.children:
        words.add(child.lemma_.lower())
        if child.dep_ in ("prep", "dobj", "prt", "oprd", "advmod", "acomp", "dative"):
            for grandchild in child.children:
                words.add(grandchild.lemma_.lower())
    # "set ablaze" may be parsed with ablaze beyond the object
    for tok in verb.doc[verb.i + 1 : min(len(verb.doc), verb.i + 6)]:
        words.add(tok.lower_)
    return words


def _categories_of_verb(verb: Token) -> list[str]:
    lex = lexicon()
    lemma = verb.lemma_.lower()
    categories: list[str] = []
    if lemma in lex.phrasal:
        words = _phrase_words(verb)
        for category, rest in lex.phrasal[lemma]:
            if all(w in words for w in rest):
                categories.append(category)
    categories.extend(c for c in lex.verbs.get(lemma, ()) if c not in categories)
    return categories


def _is_person(noun: Token | None) -> bool | None:
    if noun is None:
        return None
    lex = lexicon()
    lemma = noun.lemma_.lower()
    text = noun.lower_
    if lemma in lex.people or text in lex.people:
        return True
    if lemma in lex.things or text in lex.things:
        return False
    if noun.ent_type_ in ("NORP", "PERSON"):
        return True
    if noun.ent_type_ in ("GPE", "LOC", "FAC", "PRODUCT"):
        return False
    return None


def _fits(category: str, person: bool | None) -> bool:
    lex = lexicon()
    if person is True and category in lex.things_only:
        return False
    return not (person is False and category in lex.people_only)


def _pick(categories: list[str], person: bool | None) -> str | None:
    """The first category that fits the counted noun; "attacks" only when nothing else does."""
    for category in categories:
        if category == "attacks":
            continue
        if _fits(category, person):
            return category
    if "attacks" in categories:
        return "attacks"
    return None


def find_trigger(mention: CountMention) -> Trigger | None:
    """The word that makes a count a claim, through the parse around the counted noun."""
    lex = lexicon()
    anchor = mention.noun if mention.noun is not None else mention.token
    person = _is_person(mention.noun)
    if mention.noun is None:
        partitive = _partitive_noun(mention.token)
        person = _is_person(partitive) if partitive is not None else None
    noun_lemma = anchor.lemma_.lower()

    # "773 dead", "15 missing", "2,880 injured": the counted word is the trigger
    if anchor.lower_ in lex.adjectives and anchor is not mention.token:
        cats = [c for c in lex.adjectives[anchor.lower_] if _fits(c, True)]
        if cats:
            return Trigger(cats[0], anchor)
    # "48 attacks", "12 strikes": the counted noun is an attack
    if (
        noun_lemma in lex.nouns
        and "attacks" in lex.nouns[noun_lemma]
        and noun_lemma not in lex.things
    ):
        return Trigger("attacks", anchor)
    if noun_lemma in ("life", "body", "corpse") and mention.noun is not None:
        return Trigger("killed", anchor)  # "31 bodies were recovered" counts the dead
    # "23 martyred soldiers", "six rescued seafarers", "2,000 people killed in fighting"
    for child in anchor.children:
        if child.dep_ == "amod" and child.lower_ in lex.adjectives:
            cats = [c for c in lex.adjectives[child.lower_] if _fits(c, person)]
            if cats:
                return Trigger(cats[0], child)
        if child.dep_ in ("acl", "relcl") and child.pos_ in ("VERB", "AUX", "ADJ"):
            if child.dep_ == "relcl" and not any(
                g.dep_ in ("nsubjpass", "nsubj") and g.lower_ in ("who", "which", "that")
                for g in child.children
            ):
                continue
            if _governing_trigger(anchor, mention, person):
                continue  # "freed 14 people who had been kidnapped": the main verb counts
            trig = _verb_trigger(child, mention, person, passive=True)
            if trig:
                return trig
    head = anchor.head
    dep = anchor.dep_
    if dep in ("appos",) and anchor.head.pos_ in ("NOUN", "PROPN"):
        # "The most drones – 126 – were shot down": the number stands in apposition
        anchor, dep, head = anchor.head, anchor.head.dep_, anchor.head.head
    if (
        dep == "pobj"
        and head.lower_ in ("around", "about", "over", "some", "nearly", "between")
        and head.head.pos_ in ("VERB", "AUX")
        and mention.first.i == head.i + 1
    ):
        # "struck around 45 targets" parsed with "around" as a preposition; "said between
        # 60 and 70 soldiers had died", where the soldiers are the subject of "died"
        dep, head = "dobj", head.head
        verb = _subjectless_verb_after(anchor)
        if verb is not None:
            dep, head = "nsubj", verb
    while dep in ("nmod", "compound") and head.pos_ in ("NOUN", "PROPN"):
        # "200 Taliban and affiliated militants were killed": the count is parsed on a
        # modifier of the noun that carries the predicate
        anchor, dep, head = head, head.dep_, head.head
    if dep == "conj":
        # "84 killed and 18 captured": a conjoined count shares its head's predicate unless
        # it has its own
        root = anchor
        while root.dep_ == "conj":
            root = root.head
        dep, head = root.dep_, root.head
    if dep in ("nsubjpass", "dobj", "nsubj", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
        trig = _verb_trigger(
            head, mention, person, passive=dep == "nsubjpass", subject=dep == "nsubj"
        )
        if trig:
            return trig
        if head.lemma_ in (
            "include",
            "reach",
            "rise",
            "climb",
            "stand",
            "total",
            "exceed",
            "surpass",
            "hit",
            "bring",
            "jump",
            "increase",
            "pass",
            "top",
            "near",
            "approach",
        ):
            trig = _total_trigger(head, person)
            if trig:
                return trig
    if dep == "pobj":
        prep = head
        governor = prep.head
        if prep.lower_ == "of" and governor.pos_ in ("NOUN", "PROPN"):
            glemma = governor.lemma_.lower()
            if glemma in lex.nouns:
                cats = [c for c in lex.nouns[glemma] if _fits(c, person)]
                if glemma == "fate" and not _predicate_unknown(governor):
                    cats = []
                if glemma == "control" and not cats:
                    cats = []
                if cats:
                    return Trigger(cats[0], governor)
            if glemma == "control" and governor.head.pos_ in ("VERB", "AUX"):
                return Trigger("seized", governor.head)
            if glemma in ("life", "body", "corpse", "remains"):
                return Trigger("killed", governor)  # "the bodies of five men were found"
        if prep.lower_ in ("at", "on", "against", "in"):
            # "attacks on 30 posts", and "carried out attacks at 48 locations" where the
            # parser hangs the place on the verb
            attack_nouns = [governor] if governor.pos_ == "NOUN" else []
            if governor.pos_ == "VERB" and prep.lower_ != "in":
                attack_nouns = [c for c in governor.children if c.dep_ == "dobj"]
            for noun in attack_nouns:
                lemma = noun.lemma_.lower()
                fired = noun is not governor and (
                    lemma in lex.projectiles or lemma.rstrip("s") in lex.projectiles
                )  # "fired rockets at 12 positions"
                if ("attacks" in lex.nouns.get(lemma, ()) or fired) and (
                    prep.lower_ != "in" or noun is governor
                ):
                    return Trigger("attacks", noun)
        if prep.lower_ == "to" and governor.pos_ in ("VERB", "AUX"):
            trig = _total_trigger(governor, person)
            if trig:
                return trig
        if (
            prep.lower_ in ("to", "on")
            and governor.pos_ == "VERB"
            and person is not True
            and "destroyed" in _categories_of_verb(governor)
        ):
            return Trigger("destroyed", governor)  # "set fire to five military vehicles"
        if prep.lower_ == "at" and governor.lemma_.lower() in _PUT_AT:
            # "put the death toll at 63", "the number of dead stood at about 60"
            trig = _total_trigger(governor, person)
            if trig:
                return trig
        if (
            prep.lower_ == "at"
            and governor.dep_ == "acl"
            and any(a.lemma_.lower() in _PUT_AT for a in list(governor.ancestors)[:4])
        ):
            # "put the number of fighters killed at 312": the figure hangs on "killed"
            cats = [c for c in _categories_of_verb(governor) if c != "attacks"]
            if cats:
                return Trigger(cats[0], governor)
    return _adjective_after(mention)


def _adjective_after(mention: CountMention) -> Trigger | None:
    """ "reported 14 dead", "a lower toll: 19 dead": the parser may not hang the number on
    the adjective right after it, but the adjective says what it counts."""
    doc = mention.token.doc
    nxt = mention.token.i + 1
    if mention.noun is not None or nxt >= len(doc):
        return None
    cats = [c for c in lexicon().adjectives.get(doc[nxt].lower_, ()) if _fits(c, True)]
    return Trigger(cats[0], doc[nxt]) if cats else None


def _governing_trigger(anchor: Token, mention: CountMention, person: bool | None) -> bool:
    head = anchor.head
    if anchor.dep_ not in ("dobj", "nsubjpass") or head.pos_ != "VERB":
        return False
    passive = anchor.dep_ == "nsubjpass"
    return _verb_trigger(head, mention, person, passive=passive) is not None


def _subjectless_verb_after(noun: Token) -> Token | None:
    doc = noun.doc
    for tok in doc[noun.i + 1 : min(len(doc), noun.i + 4)]:
        if tok.pos_ == "VERB":
            has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
            return None if has_subject else tok
        if tok.pos_ not in ("AUX", "PART", "ADV"):
            return None
    return None


def _predicate_unknown(noun: Token) -> bool:
    head = noun.head
    return any(c.dep_ == "acomp" and c.lower_ in ("unknown", "unclear") for c in head.children)


_TOLL_NOUNS = frozenset({"toll", "figure", "figures", "tally", "number", "estimate", "count"})
_COUNTING = frozenset({"count", "record", "document", "tally", "list", "estimate", "show"})
_PUT_AT = frozenset({"put", "place", "estimate", "set", "fix", "peg", "stand", "revise"})


def _total_trigger(verb: Token, person: bool | None) -> Trigger | None:
    """ "bringing the number of those rescued to 10", "the death toll rose to 30"."""
    lex = lexicon()
    for child in verb.children:
        if child.dep_ not in ("nsubj", "dobj", "nsubjpass"):
            continue
        for tok in child.subtree:
            low = tok.lower_
            lemma = tok.lemma_.lower()
            if low == "toll" or lemma == "toll":
                if any(t.lower_ in ("injury", "injuries", "wounded") for t in child.subtree):
                    return Trigger("wounded", tok)
                return Trigger("killed", tok)
            cats = list(lex.adjectives.get(low, ())) + list(
                lex.verbs.get(lemma, ()) if tok.pos_ == "VERB" else ()
            )
            cats = [c for c in cats if c != "attacks" and _fits(c, person)]
            if cats:
                return Trigger(cats[0], tok)
    return None


def _verb_trigger(
    verb: Token,
    mention: CountMention,
    person: bool | None,
    *,
    passive: bool = False,
    subject: bool = False,
) -> Trigger | None:
    lex = lexicon()
    noun = mention.noun
    noun_lemma = noun.lemma_.lower() if noun is not None else ""
    if subject and not passive:
        # "15 crew members are missing", "40 were dead": a predicate adjective
        if verb.lower_ in lex.adjectives and verb.lower_ not in lex.verbs:
            cats = [c for c in lex.adjectives[verb.lower_] if _fits(c, person)]
            if cats:
                return Trigger(cats[0], verb)
        for child in verb.children:
            if child.dep_ in ("acomp", "attr") and child.lower_ in lex.adjectives:
                cats = [c for c in lex.adjectives[child.lower_] if _fits(c, person)]
                if cats:
                    return Trigger(cats[0], child)
            if child.dep_ == "prep" and child.lower_ == "among" and verb.lemma_ == "be":
                # "eight of its fighters were among the dead"
                for obj in child.children:
                    cats = [c for c in lex.adjectives.get(obj.lower_, ()) if _fits(c, person)]
                    if obj.dep_ == "pobj" and cats:
                        return Trigger(cats[0], obj)
    candidates = [verb] + [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    for cand in candidates:
        cats = _categories_of_verb(cand)
        if not cats:
            continue
        lemma = cand.lemma_.lower()
        if (
            subject
            and not passive
            and lemma not in ("die", "perish", "surrender", "drown", "sink", "go", "come")
        ):
            # An active subject did the act ("84 fighters attacked"): only intransitive
            # verbs (die, perish) make it the count of victims.
            continue
        if "attacks" in cats and lemma in ("fire", "launch"):
            if noun_lemma in lex.projectiles or "attacks" in lex.nouns.get(noun_lemma, ()):
                return Trigger("attacks", cand, _agent_of(cand))
            continue
        if (
            lemma in ("hold", "recover", "pull", "save")
            and person is not True
            and noun is not None
            and not (lemma == "recover" and noun_lemma in lex.things)
        ):
            continue  # "held talks" is nothing; "recovered six firearms" is a seizure
        if lemma == "take" and (
            not any(c in ("seized", "captured") for c in cats)
            or any(c.dep_ == "prt" and c.lower_ in ("in", "part", "place") for c in cand.children)
            or (person is not True and noun_lemma not in lex.things)
        ):
            continue  # "took 22 prisoners", "took four vehicles"; not "took in", "took steps"
        if lemma == "target" and noun_lemma in lex.projectiles:
            return Trigger("attacks", cand, _agent_of(cand))
        category = _pick(cats, person)
        if category == "destroyed" and person is True:
            continue
        if category == "attacks" and noun_lemma in lex.projectiles:
            category = None
        if category:
            return Trigger(category, cand, _agent_of(cand))
    return None


def _agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    if verb.dep_ == "conj":
        return _agent_of(verb.head)
    return None


# -- targets --------------------------------------------------------------------------------
_DROP_DEPS = {"relcl", "acl", "appos", "punct", "advcl", "cc"}


def target_text(mention: CountMention, previous: str | None, antecedent: str | None = None) -> str:
    """The counted people or things as the text names them, without the number.

    A count that stands alone as a subject ("Both were executed", "Three were killed")
    counts the people of the sentence before, ``antecedent``, when there were any.
    """
    if mention.name:
        return mention.name
    noun = mention.noun
    if noun is None:
        partitive = _partitive_noun(mention.token)
        if partitive is not None:
            noun = partitive
        elif antecedent and mention.token.dep_ in ("nsubj", "nsubjpass"):
            return antecedent
        else:
            return previous or "people"
    if noun.lemma_.lower() in ("other", "others") and previous:
        return previous
    if noun.lower_ in lexicon().adjectives and noun is not mention.token:
        return previous or "people"  # "more than 70 dead": people
    skip: set[int] = set()
    for tok in noun.children:
        if tok.dep_ == "punct" and tok.text in "()":
            continue  # "Frontier Corps (FC) personnel" keeps its brackets
        if tok.dep_ == "conj" and any(c.dep_ == "nummod" for c in tok.children):
            skip.update(t.i for t in tok.subtree)  # "18 soldiers and 4 policemen": its own count
            continue
        if tok.dep_ == "cc":
            continue  # decided below, with its conjunct
        if tok.dep_ in _DROP_DEPS or (tok.dep_ == "prep" and tok.lower_ not in ("of", "from")):
            skip.update(t.i for t in tok.subtree)
    for tok in noun.children:
        if tok.dep_ == "cc" and not any(
            c.dep_ == "conj" and c.i > tok.i and c.i not in skip for c in noun.children
        ):
            skip.add(tok.i)  # "soldiers and civilians" keeps its "and", a dropped one's goes
    skip.update(t.i for t in mention.token.subtree if t.i <= mention.token.i)
    skip.update(range(mention.first.i, mention.token.i + 1))
    tokens = [t for t in noun.subtree if t.i not in skip]
    while tokens and (
        tokens[0].dep_ in ("det", "quantmod", "advmod", "predet", "cc", "punct")
        or tokens[0].lower_ in ("of", "the", "a", "an", "another", "all", "total")
    ):
        tokens = tokens[1:]
    while tokens and tokens[-1].dep_ in ("punct", "cc"):
        tokens = tokens[:-1]
    if not tokens:
        return previous or noun.text
    return tidy_name("".join(t.text_with_ws for t in tokens)) or noun.text


# -- attribution ----------------------------------------------------------------------------
def people_named(sent: Span) -> str | None:
    """The people a sentence names as nouns ("an officer and an operative"), for a count in
    the next sentence that refers back to them."""
    found: list[tuple[Token | None, str]] = []
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.dep_ in ("compound", "nmod") or not _is_person(tok):
            continue
        if tok.dep_ == "nsubj" and tok.head.lemma_ != "be":
            continue  # who acts ("fighters stopped a bus") is not who it happened to
        skip = {
            t.i
            for child in tok.children
            if child.dep_ in _DROP_DEPS or child.dep_ in ("prep", "conj")
            for t in child.subtree
        }
        phrase = tidy_name("".join(t.text_with_ws for t in tok.subtree if t.i not in skip))
        if phrase:
            found.append((_clause_verb(tok), phrase))
    if not found:
        return None
    # The referent is in the sentence's last clause that names people: "upon checking two
    # travellers, one was found to be an officer and the other an agent. Both were shot."
    last = found[-1][0]
    return " and ".join(phrase for verb, phrase in found if verb == last)


def _clause_verb(tok: Token) -> Token | None:
    for ancestor in tok.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


def quote_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for open_q, close_q in _QUOTE_PAIRS:
        pos = 0
        while True:
            start = text.find(open_q, pos)
            if start < 0:
                break
            end = text.find(close_q, start + 1)
            if end < 0:
                break
            if end - start > 30:
                spans.append((start, end + 1))
            pos = end + 1
    return sorted(spans)


def _subject_phrase(verb: Token) -> tuple[str, Token] | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and not _is_dateline_label(child):
            return _np_text(child), child
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject_phrase(verb.head)
    return _name_before(verb)


_SOURCE_REF = re.compile(
    r"^(?:the|a|an|this|that|its|their|his|her)(?:\s+[\w-]+){0,2}?\s+(?:"
    + "|".join(sorted(_SOURCE_REFS))
    + r")$"
)


def _refers_to_speaker(surface: str) -> bool:
    low = surface.lower().strip()
    return low in _ANAPHORS or bool(_SOURCE_REF.match(low))


def _refers_back(head: Token, attribution: Attribution) -> bool:
    """A subject that points at a speaker named above it: "it", "they", "its fighters"."""
    if attribution.kind == "pronoun" and head.lower_ in _ANAPHORS | {"we"}:
        return True
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in head.children)


def _name_before(verb: Token) -> tuple[str, Token] | None:
    """ "..., which borders Ukraine, Governor Vyacheslav Gladkov said": the parser lost the
    subject, but a proper name stands right before the verb."""
    doc = verb.doc
    i = verb.i
    while i > 0 and not doc[i].is_sent_start and doc[i - 1].pos_ == "PROPN" and verb.i - i < 5:
        i -= 1
    if i == verb.i or not _is_reporting(verb):
        return None
    return tidy_name(doc[i : verb.i].text), doc[verb.i - 1]


def _is_dateline_label(head: Token) -> bool:
    """ "Khartoum: The army said ..." parses the dateline as a second subject."""
    doc = head.doc
    return bool(
        head.left_edge.is_sent_start
        and head.i + 1 < len(doc)
        and doc[head.i + 1].text in (":", "-", "–", "—")
    )


def _np_text(head: Token) -> str:
    tokens = [
        t
        for t in head.subtree
        if not (t.dep_ == "punct" and t.i in (head.left_edge.i, head.right_edge.i))
    ]
    return tidy_name("".join(t.text_with_ws for t in tokens))


def tidy_name(text: str) -> str:
    """A name as a claimant alias: one-spaced, without empty or unbalanced brackets.

    Dropping the edge punctuation of a parse subtree can cut "Front (BLA)" to "Front (BLA",
    and removing an apposition leaves "Front ()".
    """
    text = re.sub(r"\s+", " ", text).strip(" ,")
    if text.count(")") > text.count("("):
        text = text.replace(")", "")
    if text.count("(") > text.count(")") and not text.endswith(")"):
        text = text.strip(" ,") + ")"
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"\s+", " ", re.sub(r"\(\s*\)|\[\s*\]", " ", text)).strip(" ,")
    return text


def _apposition_parts(head: Token) -> list[str]:
    parts = []
    main = [
        t
        for t in head.subtree
        if not any(a.dep_ == "appos" and t in a.subtree for a in head.children)
    ]
    text = tidy_name("".join(t.text_with_ws for t in main))
    if text:
        parts.append(text)
    for child in head.children:
        if child.dep_ == "appos":
            parts.append(tidy_name("".join(t.text_with_ws for t in child.subtree).strip(" ,()")))
    return parts


_SAID = (
    r"(?:said|says|added|adds|stated|states|reported|reports|claimed|claims|told|wrote|announced|"
    r"confirmed|noted|insisted|asserted|declared|posted)"
)
_ADVERBIAL_TAIL = (
    r"(?:\s+(?:on|in|at|during|via|late|early|earlier|later|this|last|today|yesterday|overnight|"
    r"through|from|after|when|citing|according)\b[^“”\"]{0,80})?"
)
_TRAILING_ATTRIBUTION = [
    re.compile(
        rf",\s*(?P<who>[^,“”\"]{{2,70}}?(?:,\s*[^,“”\"]{{2,50}},)?)\s+{_SAID}{_ADVERBIAL_TAIL}$"
    ),
    re.compile(rf",\s*{_SAID}\s+(?P<who>[^,.“”\"]{{2,70}}?)(?:,\s*[^.“”\"]{{0,80}})?$"),
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
            if len(who.split()) <= 10 and not _NOT_A_SPEAKER.search(who):
                return who
    return None


_ACCORDING = re.compile(
    r"\b(?:according to|as reported by|citing|quoted by|as per)\s+"
    r"(?P<who>(?:the\s+)?[^,.;“”\"]{2,90}?)(?=,|\.|;| on | in a | in an | posted| said|$)",
    re.IGNORECASE,
)


def find_attribution(
    sent: Span, trigger: Token, quotes: list[tuple[int, int]], count_end: int | None = None
) -> Attribution:
    lex = lexicon()
    doc = sent.doc
    # 0. "as reported by X" right after the figure is the figure's own source
    for m in _ACCORDING.finditer(sent.text):
        position = sent.start_char + m.start()
        anchor = count_end if count_end is not None else trigger.idx
        if m.group(0).lower().startswith("as reported by") and 0 < position - anchor < 80:
            who = m.group("who").strip()
            return Attribution(who, "named", sent.start_char + m.start("who"), [who])
    # 1. inside a quotation the quote's speaker owns the figure, even when the quote names
    # a source of its own ('"Officials informed me that 2,000 bodies were buried," X said')
    for start, end in quotes:
        if start <= trigger.idx < end:
            speaker = quote_speaker(doc, start, end)
            if speaker is not None:
                return speaker
    # 2. a reporting verb above the trigger: "X said (that) ... killed ..."
    node: Token | None = trigger
    steps = 0
    pronoun: Attribution | None = None
    while node is not None and steps < 12:
        steps += 1
        for aside in node.children:
            # "In central Gaza, the army said, aircraft struck 45 targets"
            if aside.dep_ == "parataxis" and _is_reporting(aside):
                found = _subject_phrase(aside)
                if found and found[1].lower_ not in ("which", "that", "who"):
                    return _attribution_from(*found)
        if _is_reporting(node) and node is not trigger:
            found = _subject_phrase(node)
            if found:
                text, head = found
                if head.lower_ in ("which", "that", "who"):
                    break
                attribution = _attribution_from(text, head)
                if head.lemma_.lower() in lex.source_nouns and attribution.surface == text:
                    # "Initial estimates show ..., the governor said": the speaker wins
                    who = trailing_attribution(sent.text)
                    if who:
                        return _attribution_from_text(who, sent.start_char + sent.text.rfind(who))
                if not _refers_back(head, attribution) and node.lemma_.lower() not in _COUNTING:
                    return attribution
                # "The committee said it had counted 31 bodies": it is the committee; "the
                # spokesman said crews had counted 70 dead": the spokesman's figure
                pronoun = pronoun or attribution
        if node.head is node:
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
    for m in _ACCORDING.finditer(sent.text):
        who = m.group("who").strip()
        return _attribution_from_text(who, sent.start_char + m.start("who"))
    # 4. ", Kyiv's Air Force said." at the end
    who = trailing_attribution(sent.text)
    if who:
        return _attribution_from_text(who, sent.start_char + sent.text.rfind(who))
    return Attribution(None, "reporter")


def _is_reporting(verb: Token) -> bool:
    """A verb of saying: "claimed the lives of" and "claimed the town" are not."""
    lex = lexicon()
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if lemma in ("give", "provide", "offer", "issue", "release", "publish", "revise") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _TOLL_NOUNS for c in verb.children
    ):
        return True  # "the ministry gave a lower toll: 19 dead"
    if lemma in lex.acknowledging_verbs:
        # "the group buried its 12 fighters" states a figure; "2,000 people have been
        # buried" names no one who states it
        return not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if lemma not in lex.reporting_verbs:
        return False
    if lemma == "claim":
        objects = [c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"]
        if objects and objects[0] not in ("responsibility", "credit"):
            return False
    return True


def _inside(head: Token, trigger: Token) -> bool:
    return trigger in head.subtree


def _attribution_from(text: str, head: Token) -> Attribution:
    lex = lexicon()
    low = text.lower()
    if low in lex.pronouns or head.lower_ in PERSON_PRONOUNS:
        return Attribution(text, "pronoun", head.idx, [text])
    if head.lemma_.lower() in lex.source_nouns:
        # "reports from the M23", "a statement by the ministry": the organisation named inside
        for child in head.children:
            if child.dep_ in ("prep", "agent") and child.lower_ in ("from", "by", "of"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        inner = _np_text(obj)
                        return Attribution(inner, "named", obj.idx, [inner, text])
        if head.lemma_.lower() in _SOURCE_REFS:
            return Attribution(text, "pronoun", head.idx, [text])
    return Attribution(text, "named", head.idx, _apposition_parts(head) or [text])


def _attribution_from_text(text: str, start: int) -> Attribution:
    lex = lexicon()
    low = text.lower()
    if low in lex.pronouns or low in PERSON_PRONOUNS:
        return Attribution(text, "pronoun", start, [text])
    if _SOURCE_REF.match(low):
        return Attribution(text, "pronoun", start, [text])  # "according to the same statement"
    parts = [p.strip() for p in re.split(r",\s*", text) if p.strip()]
    return Attribution(text, "named", start, parts or [text])


def quote_speaker(doc: Doc, start: int, end: int) -> Attribution | None:
    """Who said a quotation: the attribution right after it, or right before it."""
    text = doc_text(doc)
    after = text[end : end + 160].split("\n")[0]
    m = re.match(rf"^\s*,?\s*(?P<who>[^,.“”\"]{{2,80}}?)\s+{_SAID}\b", after)
    if not m:
        m = re.match(rf"^\s*,?\s*{_SAID}\s+(?P<who>[^,.“”\"]{{2,80}})", after)
    if not m:
        m = re.match(r"^\s*,?\s*(?P<who>[^,.“”\"]{2,80}?)\s+(?:was|were)\s+quoted\b", after)
    if not m:
        # '..., the agency quoted him as saying': the speaker is him, not the agency
        m = re.match(
            r"^\s*,?\s*[^,.“”\"]{2,80}?\s+quoted\s+(?P<who>him|her|them)\s+as\s+saying", after
        )
    if m:
        who = m.group("who").strip()
        return _attribution_from_text(who, end + m.start("who")) if who else None
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 200) : start]
    m = re.search(rf"(?P<who>[A-Z][^.“”\"]{{1,120}}?)\s+{_SAID}\s*[,:]?\s*$", before)
    if m:
        who = m.group("who").strip()
        who = re.sub(r"^(?:In a (?:detailed )?statement|Later|Meanwhile|However),\s*", "", who)
        return _attribution_from_text(who, start - len(before) + m.start("who"))
    return None


def sentence_hedged(sent: Span) -> bool:
    low = sent.text.lower()
    return any(h in low for h in lexicon().hedges)


# Whole-war and campaign tolls are background, not claims about an incident (ANNOTATION.md).
_WAR = r"(?:war|civil war|conflict|insurgency|violence|uprising|rebellion|fighting|campaign)"
_CUMULATIVE = re.compile(
    r"\b(since (?:the (?:start|beginning|outbreak)|october|the war|\d{4}|january|february|march|"
    r"april|may|june|july|august|september|november|december)|over the years|so far this year|"
    r"to date|throughout the war|in total since|previously reported|at that time|in the previous"
    r"|since the (?:\w+ )?(?:\d{4} )?(?:coup|invasion|takeover|war|conflict|insurgency|uprising)"
    rf"|(?:in|over) the (?:past|last) (?:decade|\w+ (?:years|decades))|in recent years"
    rf"|{_WAR},? which (?:began|started|erupted|broke out)"
    rf"|the {_WAR} (?:\w+ ){{0,6}}ha(?:s|ve) (?:killed|left|claimed|displaced)"
    r"|cumulative|last year|since (?:early|mid|late)[ -]\w+"
    r"|(?:from|between) (?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)(?: \d{4})? (?:until|to|through|and) (?:january|february|march|"
    r"april|may|june|july|august|september|october|november|december|this|last))\b",
    re.IGNORECASE,
)


# -- the component --------------------------------------------------------------------------
def find_extractions(doc: Doc) -> list[Extraction]:
    """Every claim candidate in a parsed document (the rule component's work)."""
    title = doc.user_data.get("title") if doc.user_data else None
    body_start = body_start_of(doc)
    quotes = quote_spans(doc_text(doc))
    results: list[Extraction] = []
    paragraph_claimant: dict[int, Attribution] = {}
    last_named: Attribution | None = None
    antecedent: tuple[int, str | None] = (-1, None)  # paragraph, people of the last sentence
    last_speaker: Attribution | None = None  # who last said something, for "he said"
    for sent in doc.sents:
        if sent.end_char <= body_start or not is_body_sentence(sent, title):
            continue
        if _CUMULATIVE.search(sent.text):
            continue
        paragraph = paragraph_index(doc_text(doc), sent.start_char)
        people_before = antecedent[1] if antecedent[0] == paragraph else None
        antecedent = (paragraph, people_named(sent))
        hedged = sentence_hedged(sent)
        previous_target: str | None = None
        mentions = find_counts(sent)
        partitive_totals = {
            _partitive_noun(m.token).i
            for m in mentions
            if m.noun is None and _partitive_noun(m.token) is not None
        }
        for mention in mentions:
            if (
                mention.noun is not None
                and mention.noun.i in partitive_totals
                and mention.token.dep_ == "nummod"
            ):
                continue  # "four of the 25 people": 25 is the whole, not a claim
            if _in_subset_phrase(mention.token):
                continue  # "including four Fidayeen", "among them two children"
            trigger = find_trigger(mention)
            if (
                trigger is not None
                and mention.count.value == 1
                and trigger.category in ("attacks", "seized")
                and mention.first.lower_ in ("a", "an")
            ):
                trigger = None  # one attack or one place seized is not a count
            if trigger is not None and unsplit_figure(doc, trigger.token, mention):
                trigger = None
            if trigger is None:
                if mention.noun is not None:
                    previous_target = target_text(mention, previous_target)
                continue
            target = target_text(mention, previous_target, people_before)
            previous_target = target
            attribution = find_attribution(sent, trigger.token, quotes, mention.end)
            if attribution.kind == "reporter":
                inherited = paragraph_claimant.get(paragraph)
                if (
                    inherited is None
                    and last_named is not None
                    and ("reportedly" in sent.text.lower() or _continues(results, trigger.category))
                ):
                    inherited = last_named
                if inherited is not None:
                    attribution = Attribution(
                        inherited.surface, "inherited", inherited.start, inherited.parts
                    )
            elif (
                attribution.kind == "pronoun"
                and last_speaker is not None
                and _refers_to_speaker(attribution.surface or "")
            ):
                # "He said two soldiers had died": he is who spoke last, not whichever
                # group was named last
                attribution = Attribution(
                    last_speaker.surface, "inherited", last_speaker.start, last_speaker.parts
                )
            elif attribution.kind in ("named", "pronoun"):
                paragraph_claimant[paragraph] = attribution
                last_named = attribution
            if attribution.kind == "named":
                last_speaker = attribution
            evidence_start, evidence_end = _evidence_span(sent, mention, trigger)
            results.append(
                Extraction(
                    category=trigger.category,
                    count=mention.count,
                    count_start=mention.start,
                    count_end=mention.end,
                    target=target,
                    target_is_person=_is_person(mention.noun),
                    evidence_start=evidence_start,
                    evidence_end=evidence_end,
                    sentence_start=sent.start_char,
                    sentence_end=sent.end_char,
                    paragraph=paragraph,
                    attribution=attribution,
                    agent=_np_text(trigger.agent) if trigger.agent is not None else None,
                    hedged=hedged,
                    trigger=trigger.token.text,
                    places=_sentence_places(sent),
                    target_kind=mention.kind,
                )
            )
        if not mentions or paragraph not in paragraph_claimant:
            # A named speaker in a sentence without claims still sets the paragraph's voice
            # for what follows ("The ISPR said ... . The forces destroyed 3 posts.")
            voice = _sentence_speaker(sent)
            if voice is not None and paragraph not in paragraph_claimant:
                paragraph_claimant[paragraph] = voice
            if voice is not None and not mentions:
                last_speaker = voice
    return results


def _in_subset_phrase(tok: Token) -> bool:
    """ "killed 25, including 4 children": the 4 are part of a figure, not a claim. But
    "attacks in nine regions, including 126 drones downed over Kursk" lists a figure within
    places, which are never claims: that one stands."""
    for ancestor in [tok, *tok.ancestors]:
        if ancestor.lower_ in ("including", "among") and ancestor.dep_ in ("prep", "advcl", "acl"):
            return ancestor.head.lemma_.lower() not in lexicon().not_counted
        if ancestor.dep_ in ("ROOT",):
            break
    window = doc_text(tok.doc)[max(0, tok.idx - 30) : tok.idx].lower()
    return bool(
        re.search(
            r"\b(?:including|among them|of whom|of which)\s+(?:at least |some |about )?$", window
        )
    )


def _sentence_places(sent: Span) -> list[str]:
    names: list[str] = []
    for ent in sent.ents:
        if ent.label_ in ("GPE", "LOC", "FAC") and ent.text not in names:
            names.append(re.sub(r"^the\s+", "", ent.text))
    return names


def _sentence_speaker(sent: Span) -> Attribution | None:
    root = sent.root
    if _is_reporting(root):
        found = _subject_phrase(root)
        if found and found[1].lower_ not in ("which", "that", "who"):
            attribution = _attribution_from(*found)
            if attribution.kind == "named":
                return attribution
    return None


def _continues(results: list[Extraction], category: str) -> bool:
    return (
        bool(results)
        and results[-1].category == category
        and results[-1].attribution.kind != "reporter"
    )


def _evidence_span(sent: Span, mention: CountMention, trigger: Trigger) -> tuple[int, int]:
    """The sentence, trimmed to the clause holding count and trigger when it is long."""
    start, end = sent.start_char, sent.end_char
    text = doc_text(sent.doc)
    while end > start and text[end - 1] in " \n":
        end -= 1
    return start, end
