"""Spokespersons: which named person speaks for which organisation in a text.

Apart from the knowledge base because it reads role patterns in running text ("RSF
spokesperson ...", "..., the Houthis' military spokesman") and only asks the knowledge
base to name the organisation; the resolve stage uses it to attribute "Mujahid said".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from counterclaim.actors.knowledge_base import (
    MODIFIER_WORDS,
    ROLE_NOUN_ALTERNATIVES,
    KnowledgeBase,
)
from counterclaim.actors.tokens import actor_words, generic_kinds, token_key
from counterclaim.model import Actor

# Every repetition below has an upper bound. The patterns are searched at every position of
# the text, so an unbounded run ("x" * 20000, or "military " * 5000) made each start scan to
# the end of the run: time grew with the square of the input. With bounds each start costs a
# constant and a search is linear. The bounds are far above real names and titles: the
# longest word of a name or organisation is under 40 characters, a title chain under 4.
_MAX_WORD = 40
_TITLES = rf"(?:(?:{'|'.join(str(t) for t in actor_words('titles'))})[\s\-]+){{0,4}}"
_NAME_WORD = rf"[A-Z][\w'’\-]{{0,{_MAX_WORD}}}\w"
_NAME = (
    rf"{_NAME_WORD}(?:[ \t]+(?:(?:{'|'.join(str(w) for w in actor_words('name_particles'))})"
    r"[ \t\-]+)?"
    rf"{_NAME_WORD}){{0,3}}"
)
# An organisation starts where a word starts: without the look-behind every position inside a
# long word would be tried as a start. The earliest start wins anyway, so matches are the same.
_ORG_CHARS = r"[\w'’\-./]"
_ORG_BEFORE = (
    rf"(?<!{_ORG_CHARS})(?P<org>(?:{_ORG_CHARS}{{1,{_MAX_WORD}}}[ \t]+){{0,6}}?"
    rf"{_ORG_CHARS}{{1,{_MAX_WORD}}}?)(?:'s|’s|'|’)?"
)
_ORG_AFTER = r"(?P<org>[^,.;:\n()\"“”]{2,80})"
_ROLE_MODIFIERS = rf"(?:(?:{'|'.join(MODIFIER_WORDS)})\s+){{0,4}}"

_SPOKES_PATTERNS: tuple[re.Pattern[str], ...] = (
    # "BLA spokesperson Azad Baloch", "the army's spokesman Lt Gen X"
    re.compile(rf"{_ORG_BEFORE}[ \t]+{ROLE_NOUN_ALTERNATIVES}[ \t,]+{_TITLES}(?P<name>{_NAME})"),
    # "Jeeyand Baloch, spokesperson for the BLA" / "Yahya Saree, the Houthis' military spokesman"
    re.compile(
        rf"(?P<name>{_NAME}),[ \t]+(?:(?:a|an|the)[ \t]+)?{_ROLE_MODIFIERS}{ROLE_NOUN_ALTERNATIVES}[ \t]+"
        rf"(?:for|of)[ \t]+{_ORG_AFTER}"
    ),
    re.compile(
        rf"(?P<name>{_NAME}),[ \t]+(?:the[ \t]+)?{_ORG_BEFORE}[ \t]+{ROLE_NOUN_ALTERNATIVES}\b"
    ),
    # "Mesfin Tadesse, who speaks for Fano forces", "X, who represents the group"
    re.compile(
        rf"(?P<name>{_NAME}),[ \t]+who[ \t]+(?:speaks|spoke|talks|represents|represented)"
        rf"[ \t]+(?:for[ \t]+)?{_ORG_AFTER}"
    ),
    # "a spokesperson for the Balochistan government, Shahid Rind"
    re.compile(
        rf"\b{_ROLE_MODIFIERS}{ROLE_NOUN_ALTERNATIVES}[ \t]+(?:for|of)[ \t]+{_ORG_AFTER},[ \t]+{_TITLES}"
        rf"(?P<name>{_NAME})"
    ),
)
_NOT_NAMES = {str(w) for w in actor_words("not_names")}
_PLACE_PREPOSITIONS = {str(w) for w in actor_words("prepositions_of_place")}
# Each pattern needs its role noun or verb somewhere in the text, and most texts have none:
# one cheap search decides whether the patterns' scans at every position can match at all.
_ROLE_NOUN_CUE = re.compile(ROLE_NOUN_ALTERNATIVES)
_SPEAKS_FOR_CUE = re.compile(r"\bwho[ \t]+(?:speaks|spoke|talks|represents|represented)\b")
_PATTERN_CUES = (_ROLE_NOUN_CUE, _ROLE_NOUN_CUE, _ROLE_NOUN_CUE, _SPEAKS_FOR_CUE, _ROLE_NOUN_CUE)
# What the first pattern's match holds before its role noun: an organisation's words, its
# possessive and the spaces between them
_ORG_RUN_CHAR = re.compile(rf"{_ORG_CHARS}|[ \t]")


def _org_role_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose matches run from their start to a
    role noun over ``_ORG_RUN_CHAR`` alone (the first of ``_SPOKES_PATTERNS``): tried only
    at the positions of such a run before each role noun, in order, as ``finditer`` would
    meet them. Tried at every position, its organisation's repeated words made it the
    costliest search of a report."""
    starts: set[int] = set()
    cue = _ROLE_NOUN_CUE.search(text)
    while cue is not None:
        first = cue.start()
        while first > 0 and _ORG_RUN_CHAR.match(text, first - 1):
            first -= 1
        starts.update(range(first, cue.start()))
        cue = _ROLE_NOUN_CUE.search(text, cue.start() + 1)
    resume = 0
    for start in sorted(starts):
        if start < resume:
            continue
        match = pattern.match(text, start)
        if match is not None:
            yield match
            resume = max(match.end(), start + 1)


def _resolve_org(
    kb: KnowledgeBase, org: str, text: str, from_end: bool, country: str | None = None
) -> Actor | None:
    """Longest run of words next to the role noun that names an actor.

    Role modifiers at the end ("the Houthi military", "Afghan government") are tried
    without them first, so that "military" does not fall back to whichever army the text
    mentions most, then with them ("the government" resolved from the text).
    """
    if from_end and kb.names_an_unknown_body(org, country):
        return None  # "the Southern forces spokesperson": not whichever forces the text names
    words = org.split()
    spans = range(len(words)) if from_end else range(len(words), 0, -1)
    for cut in spans:
        part_words = words[cut:] if from_end else words[:cut]
        stripped = list(part_words)
        while stripped and token_key(stripped[-1])[-1:] in {(w,) for w in MODIFIER_WORDS}:
            stripped.pop()
        for candidate in (stripped, part_words):
            if not candidate or not token_key(" ".join(candidate)):
                continue
            actor = kb.resolve_in_context(" ".join(candidate), text, country)
            if actor:
                return actor
    return None


def _clean_name(kb: KnowledgeBase, name: str) -> str | None:
    words = name.split()
    if words and words[0].lower() in _PLACE_PREPOSITIONS:
        return None  # "In Nasir, SPLA-IO spokesman ...": where, not who
    while words and words[-1].lower() in _NOT_NAMES:
        words.pop()
    while words and words[0].lower() in _NOT_NAMES:
        words.pop(0)
    if not words:
        return None
    name = " ".join(words)
    if name.isupper() or kb.is_side_marker(name):
        return None  # an acronym or a country, not a person
    if kb.lookup(name) and name not in _all_people(kb):
        return None  # an organisation, not a person
    return name


# Built once per knowledge base (one per era; a knowledge base is never changed), not per
# report: each is a walk over every person the files name
@lru_cache(maxsize=16)
def _people_index(kb: KnowledgeBase) -> dict[tuple[str, ...], str]:
    return {token_key(p): actor_id for actor_id, names in kb.known_people().items() for p in names}


@lru_cache(maxsize=16)
def _all_people(kb: KnowledgeBase) -> frozenset[str]:
    return frozenset(p for names in kb.known_people().values() for p in names)


def spokespersons(text: str, kb: KnowledgeBase, country: str | None = None) -> dict[str, str]:
    """Person names bound to the organisation they speak for in ``text`` (name → actor id).

    Names come from role patterns ("RSF spokesperson Al-Fateh Qurashi", "Yahya Saree, the
    Houthis' military spokesman") and from the knowledge base's known people. A bare surname
    used later in the text ("Mujahid said") maps to the same organisation, unless the surname
    is also a demonym or part of an actor's name ("Baloch"). ``country``, the report's, tells
    a place's institution ("Kano police") from a body of its own ("the Southern forces").
    """
    found: dict[str, str] = {}
    cued = {cue: cue.search(text) is not None for cue in set(_PATTERN_CUES)}
    for pattern, cue in zip(_SPOKES_PATTERNS, _PATTERN_CUES, strict=True):
        if not cued[cue]:
            continue
        first = pattern is _SPOKES_PATTERNS[0]
        for match in _org_role_matches(pattern, text) if first else pattern.finditer(text):
            name = _clean_name(kb, match.group("name"))
            if not name or name in found:
                continue
            # An organisation before the role noun ends next to it; one after starts there.
            org_before = pattern in (_SPOKES_PATTERNS[0], _SPOKES_PATTERNS[2])
            actor = _resolve_org(kb, match.group("org"), text, org_before, country)
            if actor:
                found[name] = actor.id
    for name, actor_id in _titled_names(text, kb):
        found.setdefault(name, actor_id)
    people = _people_index(kb)
    for token_run in _name_runs(text):
        actor_id = people.get(token_key(token_run)) or _person_alias(kb, token_run)
        if actor_id and token_run not in found:
            found[token_run] = actor_id
    for name, actor_id in list(found.items()):
        parts = name.split()
        if len(parts) < 2:
            continue
        surname = parts[-1]
        if len(surname) < 3 or surname in found or kb.is_side_marker(surname):
            continue
        if kb.lookup(surname) is not None or kb.begins_a_name(surname):
            continue
        remainder = text.replace(name, "")
        if re.search(rf"\b{re.escape(surname)}\b", remainder):
            found[surname] = actor_id
    return found


# A person named beside a description of who speaks: after its comma ("a spokesperson for
# the Command, ASP Moses Yamu", "Chairman of Logo LGA, Mr. Richard Nyajo") or at its end
# ("the chairman of a committee set up for the attack Abdullahi Mohamed Shirwac").
_NAME_BESIDE = re.compile(
    rf"(?:,[ \t]+|(?<=[a-z])[ \t]+)(?P<title>{_TITLES})(?P<name>{_NAME})(?=\s*(?:$|,))"
)


def names_beside(description: str, kb: KnowledgeBase) -> list[str]:
    """The person a description of a speaker names, with and without the title the text
    gives them; none for a description without a person ("the police in Jos, Plateau")."""
    found: list[str] = []
    for match in _NAME_BESIDE.finditer(description):
        if not match.group().startswith(",") and _continues_a_name(description[: match.start()]):
            continue
        name = _clean_name(kb, match.group("name"))
        if name is None or len(name.split()) < 2 or kb.lookup(name) is not None:
            continue
        titled = (match.group("title") + name).strip()
        found.extend(dict.fromkeys((titled, name)))
    return found


_NAME_JOINERS = frozenset(
    {"for", "of", "on", "in", "at", "to", "against", "and", "the", "de", "du", "des", "la", "le"}
)


def _continues_a_name(before: str) -> bool:
    """Whether capitalised words right after ``before`` go on a name begun there ("the
    Syrian Observatory for | Human Rights", "Office for the | Coordination of ...",
    "Médecins | Sans Frontières"), not a person."""
    words = before.split()
    while words and words[-1].lower() in _NAME_JOINERS:
        words.pop()
    if not words or not words[-1][:1].isupper():
        return False
    return words[-1].lower().strip(".") not in _TITLE_WORDS  # "Captain | Somchai Dee"


# (the titles are patterns: "capt\\.?" is "capt")
_TITLE_WORDS = frozenset(re.sub(r"[\\.?]", "", str(t).lower()) for t in actor_words("titles"))


_TITLED = re.compile(r"\b(?:[A-Z][\w'’.-]*[ ]+){2,7}[A-Z][\w'’-]+")
_TITLE_HEADS = frozenset(
    ("minister", "president", "governor", "premier", "mayor", "chancellor", "secretary")
)


def _titled_names(text: str, kb: KnowledgeBase) -> Iterable[tuple[str, str]]:
    """ "Armenian Prime Minister Nikol Pashinyan", "Kherson Governor Oleksandr Prokudin": a
    name after an office the knowledge base knows (or makes for a state) speaks for it."""
    if not any(head.capitalize() in text for head in _TITLE_HEADS):
        return
    for match in _TITLED.finditer(text):
        words = match.group().split()
        for size in (2, 3):
            title, name = words[:-size], words[-size:]
            if len(title) < 2 or title[-1].lower() not in _TITLE_HEADS:
                continue
            actor = kb.lookup(" ".join(title))
            if actor is not None and kb.lookup(" ".join(name)) is None:
                yield " ".join(name), actor.id
                break


# Words of organisations' names, never of a person's ("National Guard", "Security Council")
_ORGANISATION_WORDS = frozenset(
    token_key(" ".join(map(str, actor_words("state_institution_heads"))))
    + token_key(" ".join(generic_kinds()))
    + token_key(" ".join(map(str, actor_words("institution_words"))))
)


def _person_alias(kb: KnowledgeBase, run: str) -> str | None:
    """The actor an alias that is a person's name stands for ("Ali Yerlikaya" for the
    Turkish Interior Ministry): two or three capitalised words, none of them in the actor's
    own name nor a country's, so that its surname alone may speak for it later."""
    words = run.split()
    if not 2 <= len(words) <= 3:
        return None
    actor_id = kb.exact_actor_id(run)
    if actor_id is None:
        return None
    actor = kb.actor(actor_id)
    names = [actor.name, *actor.aliases]
    initials = "".join(w[0] for w in words).upper()
    if any(name == initials for name in names):
        return None  # "United Nations" spells out "UN": an organisation
    own_words = set(token_key(actor.name))
    if own_words & set(token_key(run)) or any(kb.is_side_marker(w) for w in words):
        return None
    if set(token_key(run)) & _ORGANISATION_WORDS:
        return None
    return actor_id


def _name_runs(text: str) -> Iterable[str]:
    """Runs of capitalised words (candidate names), and their 2-word tails."""
    for match in re.finditer(_NAME, text):
        run = match.group()
        yield run
        words = run.split()
        for i in range(1, len(words) - 1):
            yield " ".join(words[i:])
