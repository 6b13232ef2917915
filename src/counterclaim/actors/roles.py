"""Target roles: own / opponent / civilian / other for a target phrase (ANNOTATION.md).

Apart from the knowledge base because the rules are the annotation guide's, not the
actor data's: the knowledge base says which side a phrase names, the target-word lists
(``data/actors/_target_words.yaml``) say whether it names civilians, combatants or things,
and this module combines the two from the claimant's point of view.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from counterclaim.actors.loading import NEUTRAL, load_target_words
from counterclaim.actors.tokens import actor_words, phrase_terms, token_key

if TYPE_CHECKING:
    from counterclaim.actors.knowledge_base import KnowledgeBase


# Two or more capitalised words in a row, a possessive's "s" allowed: a name
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w-]*(?:['’]s?)?(?:\s+[A-Z][\w-]*(?:['’]s?)?)+")


# Words that make a capitalised name an armed body's ("Defence Force", "Liberation Army")
_ARMED_NAME_WORDS = frozenset(str(w) for w in actor_words("armed_name_words"))


# A claim's target is asked about by several rules (role, features, options) and the same
# phrases come back across reports; the answer depends on the phrase and the word lists alone
@lru_cache(maxsize=1 << 14)
def _split_civilian_words(phrase: str) -> tuple[frozenset[str], frozenset[str]]:
    """(civilian terms found, the terms of the remaining words): multi-word terms ("crew
    members") first, so their words ("members") are not read as combatant words. A civilian
    word right before a combatant term describes it ("national security forces", "child
    soldiers") and is not a civilian of its own."""
    words = load_target_words()
    joined = " " + " ".join(token_key(phrase)) + " "
    # "People's Defence Force", "Civilian Joint Task Force": a word of a name is no civilian
    named = {
        word
        for run in _CAPITALISED_RUN.findall(phrase)
        if set(keys := token_key(run)) & _ARMED_NAME_WORDS
        for word in keys
    }
    found: set[str] = set()
    for term in words.civilian_phrases:
        if f" {term} " in joined:
            found.add(term)
            joined = joined.replace(f" {term} ", " | ")
    remaining = joined.split()
    rest: set[str] = set()
    for start, word in enumerate(remaining):
        if (
            word in words.civilians
            and word not in named
            and not _begins_combatant_term(remaining, start + 1)
        ):
            found.add(word)
        elif word in ("member", "members") and _members_of_civilians(remaining, start + 1, named):
            remaining[start] = "|"  # "14 members of one family": of no group
        elif word != "|":
            rest.add(word)
    rest |= phrase_terms(remaining) - {"|"} - found
    return frozenset(found), frozenset(term for term in rest if "|" not in term.split())


def names_a_craft_s_people(phrase: str) -> bool:
    """Whether a phrase names people by the craft they man: "the Mi-8 helicopter's crew
    members", "the armoured vehicle's occupants" (a military object before the possessive)."""
    owner = _OWNER_BEFORE.match(phrase)
    if owner is None:
        return False
    craft = set(token_key(owner.group("owner"))) & load_target_words().military_objects
    return bool(craft - _VESSELS)


# A ship's crew are a warship's only where the report says so (``names_a_warship``)
_VESSELS = frozenset({"ship", "ships", "vessel", "vessels", "boat", "boats"})


def _members_of_civilians(words: list[str], start: int, named: set[str]) -> bool:
    """Whether the words at ``start`` are "of" and civilians, a word or two of number or
    possession between ("of one family", "of the same family"), not of a name (``named``:
    "of the People's Defence Force")."""
    if words[start : start + 1] != ["of"]:
        return False
    civilians = load_target_words().civilians
    for word in words[start + 1 : start + 4]:
        if word in civilians and word not in named:
            return True
        if word not in _BEFORE_A_BODY:
            return False
    return False


_BEFORE_A_BODY = frozenset(
    {"a", "an", "one", "the", "same", "his", "her", "their", "its", "two", "three", "local"}
)


# "houses of the bandits", "boats used by the smugglers", "the rebels' homes"
_OWNER_AFTER = re.compile(
    r"\b(?:of|belonging to|used by|owned by|held by|occupied by)\s+(?P<owner>.+)$"
)
_OWNER_BEFORE = re.compile(r"^(?P<owner>.+?)['’]s?\s")


def _owned_by_combatants(phrase: str, civilian_terms: frozenset[str]) -> bool:
    """Whether the civilian words of a phrase are only things, and the phrase names whose
    they are by words for combatants ("13 houses of the bandits", "the militants' homes"):
    then the owner decides, not the kind of thing."""
    words = load_target_words()
    if not civilian_terms <= words.civilian_only_property | words.civilian_property:
        return False
    low = phrase.lower()
    found = _OWNER_AFTER.search(low) or _OWNER_BEFORE.search(low)
    if found is None:
        return False
    owner = found["owner"]
    owner_civilians, owner_rest = _split_civilian_words(owner)
    return not owner_civilians and bool(owner_rest & words.combatant_words)


def _without_the_deed(phrase: str) -> str:
    """The phrase before the words that tell what its people did ("a Hezbollah commander
    responsible for rocket fire on northern Israel" → "a Hezbollah commander")."""
    found = _deed_phrases().search(phrase.lower())
    return phrase[: found.start()] if found is not None else phrase


@lru_cache(maxsize=1)
def _deed_phrases() -> re.Pattern[str]:
    """``deed_phrases`` as one pattern: its leftmost match is where the first deed begins
    (every target phrase of every claim is asked)."""
    phrases = sorted(load_target_words().deed_phrases, key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, phrases))})\b")


def _longest_terms(terms: set[str], vocabulary: frozenset[str]) -> set[str]:
    """The terms without the words of a longer term the vocabulary knows: "service members"
    are regular forces, not the members of a group."""
    covered = {word for term in terms & vocabulary if " " in term for word in term.split()}
    return terms - covered


def _begins_combatant_term(words: list[str], start: int) -> bool:
    combatants = load_target_words().combatant_words
    return any(" ".join(words[start : start + size]) in combatants for size in (1, 2, 3))


def names_any(phrase: str, terms: Iterable[str]) -> bool:
    """Whether one of ``terms`` (a word or words) stands whole in the phrase, as the
    word lists are matched: by its normalised words."""
    joined = " " + " ".join(token_key(phrase)) + " "
    return any(f" {term} " in joined for term in terms)


def names_own_people(phrase: str) -> bool:
    """Whether a phrase marks its people as the claimant's own ("its fighters", "our
    men", "their comrades")."""
    return names_any(phrase, load_target_words().own_markers)


def names_state_forces(phrase: str) -> bool:
    """True when the phrase names a state's forces ("troops", "commandos", "the police")."""
    return bool(phrase_terms(token_key(phrase)) & load_target_words().state_forces)


def names_the_doers_fellows(phrase: str) -> bool:
    """Whether a phrase names the fellows of whoever did the deed ("their comrades", "62 of
    their colleagues"): theirs, not the speaker's by default."""
    words = token_key(phrase)
    return any(
        word == "their" and following in load_target_words().fellows
        for word, following in pairwise(words)
    )


def is_civilian_phrase(phrase: str) -> bool:
    """True when the phrase names non-combatants or civilian property (civilians,
    residents, passengers, crew members, people, a merchant ship...)."""
    found, _rest = _split_civilian_words(phrase)
    return bool(found)


def names_civilians_or_their_property(phrase: str) -> bool:
    """True when the phrase names civilians or their property ("a school", "homes in
    Kharkiv"), with no military mark ("an army truck")."""
    words = load_target_words()
    keys = phrase_terms(token_key(phrase))
    if keys & (words.military_marks | words.combatant_words):
        return False
    return is_civilian_phrase(phrase) or bool(keys & words.civilian_property)


def names_military_objects(phrase: str) -> bool:
    """True when the phrase names a party's arms or posts ("four checkposts", "an army
    base", "two tanks"), by ``military_objects``."""
    return bool(phrase_terms(token_key(phrase)) & load_target_words().military_objects)


def names_combatants_or_prisoners(phrase: str) -> bool:
    """True when the phrase names soldiers, fighters or a party's prisoners ("27 soldiers",
    "390 prisoners"): people no one frees as civilians."""
    words = load_target_words()
    return bool(phrase_terms(token_key(phrase)) & (words.combatant_words | words.prisoners))


def names_fighters(phrase: str) -> bool:
    """True when the phrase names combatants by words of their own, once the civilian terms
    are read ("terrorist", "soldiers"; not the "members" of "crew members")."""
    _found, rest = _split_civilian_words(phrase)
    return bool(rest & load_target_words().combatant_words)


def names_irregulars(phrase: str) -> bool:
    """True when the phrase names irregular fighters or attackers ("bandits", "gunmen",
    "the militants")."""
    return bool(phrase_terms(token_key(phrase)) & load_target_words().irregulars)


def names_only_generic_people(phrase: str) -> bool:
    """True when the only civilian words of the phrase are generic ("people", "persons"):
    who they are is left to the context."""
    found, _rest = _split_civilian_words(phrase)
    return bool(found) and found <= load_target_words().generic_people


def target_role(
    claimant_side: str | None,
    target_phrase: str,
    kb: KnowledgeBase,
    *,
    claimant_is_neutral: bool = False,
    category: str | None = None,
    context: str | None = None,
    on_a_warship: bool = False,
    by_the_other_side: bool = False,
) -> str:
    """own / opponent / civilian / other for a target phrase, seen from the claimant.

    Follows ANNOTATION.md: civilians whoever the claimant; combatants counted by a neutral
    claimant are ``other``; possessives of the claimant ("its fighters") are ``own``; a
    phrase marked with the claimant's side is ``own`` and with another side ``opponent``;
    generic insurgent nouns from a state are ``opponent``. ``category`` lets things the
    claimant destroyed or seized count as the opponent's; ``context`` (the evidence
    sentence) lets "people killed in the fighting" be ``other``; ``on_a_warship``, that the
    report is about a warship and no merchant ship, makes its crew combatants;
    ``by_the_other_side``, that the claimant's adversary did it ("police said the gunmen
    set fire to two vehicles"), that what it took or destroyed was not its own.
    """
    words = kb.target_words
    civilian_terms, rest = _split_civilian_words(target_phrase)
    # Past the civilian test, a bracketed gloss ("targets in Ukraine (drones launched by
    # Russia)") describes the target rather than naming whose it is.
    target_phrase = re.sub(r"\([^()]*\s[^()]*\)", " ", target_phrase)
    key = token_key(target_phrase)
    word_set = rest
    craft = bool(
        civilian_terms
        and civilian_terms <= words.seafarers
        and names_a_craft_s_people(target_phrase)
    )
    if (
        civilian_terms
        and civilian_terms <= words.seafarers
        and (craft or on_a_warship or names_a_warship(context))
    ):
        # the crew of a warship are its navy's; of a helicopter or a tank, its side's
        if claimant_is_neutral or claimant_side in (None, NEUTRAL):
            return "other"
        sides = kb.sides_in_phrase(target_phrase)
        if sides:
            return "own" if claimant_side in sides else "opponent"
        if not craft:
            return "own" if kb.is_state_side(claimant_side) else "opponent"
        civilian_terms = frozenset()  # combatants, whose the text does not say
    if category == "seized" and not claimant_is_neutral and claimant_side not in (None, NEUTRAL):
        taken = set(token_key(target_phrase))
        if taken & words.ground and not taken & words.combatant_words:
            return "opponent"  # "retook three villages": ground the adversary held
    if civilian_terms and civilian_terms <= words.generic_people and rest & words.irregulars:
        civilian_terms = frozenset()  # "two individuals responsible for the attack": attackers
    if civilian_terms and _owned_by_combatants(target_phrase, civilian_terms):
        civilian_terms = frozenset()  # "13 houses of the bandits": whose they are decides
    if civilian_terms:
        if rest & words.combatant_words:
            return "other"  # "soldiers and civilians": the text does not split them
        if civilian_terms <= words.generic_people and context:
            # "people killed in the fighting" mixes combatants and civilians.
            if tells_of_fighting(context):
                return "other"
            if _includes_combatants(context, words.combatant_words):
                return "other"  # "24 people, including soldiers and railway staff"
        return "civilian"
    marked = word_set & (words.military_marks | words.combatant_words)  # "rebel vehicles"
    if (
        category in ("destroyed", "attacks", "seized")
        and word_set
        & words.civilian_only_property - (words.ground if category == "seized" else set())
        and not marked
    ):
        # "bandits burnt 8 houses", "raiders stole 4,000 head of cattle", whoever tells it;
        # a village seized is ground taken
        return "civilian"
    if claimant_is_neutral or claimant_side in (None, NEUTRAL):
        if word_set & words.civilian_property and not word_set & words.military_marks:
            return "civilian"  # "torched 40 houses and 12 vehicles", as the outlet tells it
        return "other"
    if names_own_people(target_phrase):
        return "own"
    if word_set & words.enemy_markers:
        return "opponent"
    if kb.is_population_only(target_phrase):
        return "civilian"
    word_set = _longest_terms(
        phrase_terms(key) - civilian_terms, words.combatant_words | words.military_objects
    )
    sides = kb.sides_in_phrase(_without_the_deed(target_phrase))
    if sides:
        if all(side == claimant_side or kb.sides_allied(side, claimant_side) for side in sides):
            return "own"  # "Syrian soldiers", as Russia tells it while it fought for Assad
        if claimant_side not in sides:
            return "opponent"
        return "other"
    state = kb.is_state_side(claimant_side)
    if word_set & words.irregulars:
        return "opponent" if state else "other"
    members = word_set & words.group_members
    if members and not (members <= {"member", "members"} and word_set & words.state_forces):
        # (but "members of the National Guard" are the state's forces)
        return "opponent" if state else "own"
    if word_set & words.state_forces:
        return "own" if state else "opponent"
    if by_the_other_side and category in ("destroyed", "seized", "captured"):
        # what the adversary burnt, took or abducted, with nothing saying whose: people's
        return "civilian"
    if category in ("destroyed", "seized", "captured", "attacks"):
        # A party's count of what it destroyed, seized, captured or attacked, with nothing
        # saying whose, is about the other side ("seized 11 vehicles", "took 22 prisoners").
        return "opponent"
    return "other"


def tells_of_fighting(text: str) -> bool:
    """Whether a text tells of fighting or of a military target (``fighting_context``:
    "clashed", "a gunfight", "at a police academy"); a word may be the start of one in the
    text ("clash" of "clashed")."""
    lowered = " " + " ".join(token_key(text)) + " "
    return any(f" {w}" in lowered for w in load_target_words().fighting_context)


def names_civilians_beyond_people(text: str) -> bool:
    """Whether a text names civilians by more than a generic word ("six civilians",
    "villagers", not only "people"), or a place only civilians have, with no military mark
    ("a strike on a market", "at a mosque", but not "a military school")."""
    words = load_target_words()
    found, rest = _split_civilian_words(text)
    if found - words.generic_people:
        return True
    return bool(rest & words.civilian_only_property) and not rest & words.military_marks


@lru_cache(maxsize=1)
def subset_openers_pattern() -> str:
    """The words that open a list of some of a toll's people, as one regex alternation."""
    openers = sorted(load_target_words().subset_openers, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, o.split())) for o in openers)


def _includes_combatants(context: str, combatant_words: frozenset[str]) -> bool:
    """A toll said to include soldiers, police or fighters ("killing 24 people, including
    soldiers and railway staff"): the people counted are not all civilians."""
    for found in re.finditer(
        rf"\b(?:{subset_openers_pattern()})\b([^,.;:()“”\"—–]{{1,80}})", context, re.IGNORECASE
    ):
        if phrase_terms(token_key(found.group(1))) & combatant_words:
            return True
    return False


def names_a_warship(context: str | None) -> bool:
    """Whether a text names a warship ("the missile cruiser", "a frigate")."""
    return context is not None and names_any(context, load_target_words().warship_words)
