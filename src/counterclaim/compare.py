"""Stage 6, compare: the claims matrix of one incident, with spreads, revisions and grades.

A *cell* is a category and the side that was affected ("killed" × "Pakistan"); in a cell
every claimant's figures sit side by side. A *figure* is one value a claimant gave, carried
by one or more documents; when a claimant gives different values for a cell at different
times, every value is kept in order and the latest is marked (revisions are never
overwritten). A value whose evidence places it inside a larger one of the same claimant (a
place, a kind, a list, "of them": "126 over the Kursk region" of 337) is a part of that
total, kept as a part and out of spreads and revisions. One organisation or person is one
column (:func:`claimant_columns`).

What compare does not decide: sides come from the knowledge base (:class:`SideLookup`),
origins from provenance (:func:`document_origin`, ``provenance.claim_origin``), and word
lists from ``data/compare.yaml``. :func:`compare_incidents` is the entry point.

Grades (documented in the README, section "Grades"), decided per figure:

* ``confirmed by affected party``: the affected party itself gives this figure (an admission
  of its own losses) or gives a compatible one;
* ``contested``: another party gives an incompatible figure for the same cell or denies it;
* ``corroborated``: another claimant, from an independent origin, gives a compatible figure
  (one party's statement carried by many outlets, or copies of one text, is one origin);
* ``denied``: the figure is a denial (0);
* ``single-party claim``: none of the above.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any

from counterclaim.actors import NEUTRAL, KnowledgeBase
from counterclaim.actors.knowledge_base import REGIONAL_RULERS
from counterclaim.actors.loading import load_target_words
from counterclaim.errors import KnowledgeBaseError
from counterclaim.lexicon import load_data
from counterclaim.model import CATEGORIES, REPORTER, Claim, Document, Incident
from counterclaim.provenance import claim_origin, detect_origin, independent_origins

CONFIRMED = "confirmed by affected party"
CONTESTED = "contested"
CORROBORATED = "corroborated"
DENIED = "denied"
SINGLE = "single-party claim"
GRADES: dict[str, str] = {
    CONFIRMED: "The affected party itself gives this figure (an admission of its own losses), "
    "or gives a compatible one.",
    CONTESTED: "Another party gives an incompatible figure for the same category and side, "
    "or denies it (0); a part of a total is contested only by a denial.",
    CORROBORATED: "Another claimant, from an independent origin, gives a compatible figure "
    "(outlets repeating one party's statement, or copies of one text, are one origin).",
    DENIED: "The figure is a denial: the claimant says none (0).",
    SINGLE: "Only this claimant gives a figure for this category and side, however many "
    "outlets carry it.",
}
CIVILIANS = "civilians"
UNSPECIFIED = "unspecified"


# -- sides ----------------------------------------------------------------------------------
# Every side comes from the knowledge base (``counterclaim.actors``): the side of the actor
# resolve gave a claimant, the side resolve stored for a target (``Claim.target_actor``), or
# the knowledge base's reading of a name or phrase (its country names, demonyms and member
# words). Compare only reasons over an incident's claims for claimants the knowledge base
# cannot place (``incident_sides``); it has no country or demonym table of its own.
class SideLookup:
    """The knowledge base's answers about sides, as compare asks them; any may be None."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    @classmethod
    def from_knowledge_base(cls, kb: KnowledgeBase) -> SideLookup:
        return cls(kb)

    @classmethod
    def shipped(cls) -> SideLookup:
        """The knowledge base that ships with the package (loaded once per process)."""
        return cls(KnowledgeBase.load())

    def actor_side(self, actor_id: str | None) -> str | None:
        """The side of an actor id; None for an id an older knowledge base gave."""
        if not actor_id:
            return None
        try:
            return _placed(self.kb.actor(actor_id).side)
        except KnowledgeBaseError:
            return None

    def claimant_side(self, claim: Claim) -> str | None:
        """The side of the claimant's resolved actor, else of the actor its name is."""
        if claim.claimant == REPORTER:
            return None
        side = self.actor_side(claim.claimant_actor)
        if side is None and (actor := self.kb.lookup(claim.claimant)) is not None:
            side = _placed(actor.side)
        return side

    def phrase_side(self, phrase: str) -> str | None:
        """The side a name or phrase marks ("Pakistan Interior Ministry", "Afghan posts")."""
        return _placed(self.kb.side_of_phrase(phrase)) if phrase else None

    def target_side(self, claim: Claim) -> str | None:
        """The side of a claim's target as resolve stored it (``target_actor`` holds a side
        id; an actor id also answers, with its actor's side), else the knowledge base's
        reading of the phrase."""
        stored = claim.target_actor
        if stored:
            if stored in self._side_ids():
                return _placed(stored)
            if (side := self.actor_side(stored)) is not None:
                return side
        return self.phrase_side(claim.target)

    def state_opposed_where(self, claim: Claim, own: str | None) -> str | None:
        """The side of the state where the claim's places are, when it is opposed to the
        claimant's side: "captured seven soldiers" in a rebel statement on a fight in Mali
        counts Mali's soldiers, whoever else the rebels fight."""
        countries = {p.country_code for p in claim.places if p.country_code}
        if len(countries) != 1:
            return None
        state = self.country_side(countries.pop())
        return state if state is not None and self.kb.sides_opposed(own, state) else None

    def country_side(self, country_code: str | None) -> str | None:
        """The side of a country's state, from its ISO code."""
        return _placed(self.kb.state_side(country_code.upper())) if country_code else None

    def word_side(self, word: str) -> str | None:
        """The side one word marks when it is a country name or demonym ("russian")."""
        return _placed(self.kb.side_of_phrase(word)) if self.kb.is_side_marker(word) else None

    def side_name(self, side_id: str) -> str:
        try:
            return str(self.kb.side(side_id).name)
        except KnowledgeBaseError:  # a side id the knowledge base no longer knows: the id
            return side_id

    def _side_ids(self) -> set[str]:
        if not hasattr(self, "_ids"):
            self._ids = {side.id for side in self.kb.sides}
        return self._ids


def _placed(side: str | None) -> str | None:
    """A side that places a party: neutral (UN agencies, monitors) is no side."""
    return None if side in (None, NEUTRAL) else side


def incident_sides(claims: Iterable[Claim], lookup: SideLookup | None = None) -> dict[str, str]:
    """The side of each claimant of an incident, as a display name.

    The knowledge base's side of the claimant's actor or name; else the side its name marks
    ("Pakistan Interior Ministry"); else the side of the targets of its own-loss claims ("23
    Pakistani soldiers martyred") or of their places' country; else the one side the other
    parties' opponent claims name ("25 Pakistani personnel killed" makes the army that
    answers them Pakistani); else the claimant's own name. Target sides are those resolve
    stored, else the knowledge base's reading of the target.
    """
    lookup = lookup or SideLookup.shipped()
    claims = list(claims)
    sides: dict[str, str] = {}
    unknown: list[str] = []

    def opponents_named(claimant: str, *, by_others: bool = False) -> set[str]:
        return {
            side
            for c in claims
            if (c.claimant != claimant if by_others else c.claimant == claimant)
            and c.target_role == "opponent"
            and (side := lookup.target_side(c))
        }

    for claim in claims:
        if claim.claimant in sides or claim.claimant in unknown:
            continue
        known = lookup.claimant_side(claim)
        if known:
            sides[claim.claimant] = lookup.side_name(known)
            continue
        # A claimant is never on the side its own opponent claims name.
        excluded = opponents_named(claim.claimant)
        own = [c for c in claims if c.claimant == claim.claimant and c.target_role == "own"]
        candidates = [
            lookup.phrase_side(claim.claimant) if claim.claimant != REPORTER else None,
            *(lookup.target_side(c) for c in own),
            *(lookup.country_side(p.country_code) for c in own for p in c.places),
        ]
        side = next((s for s in candidates if s and s not in excluded), None)
        if side:
            sides[claim.claimant] = lookup.side_name(side)
        else:
            unknown.append(claim.claimant)
    for claimant in unknown:
        speaks = any(
            c.claimant == claimant and c.target_role in ("own", "opponent") for c in claims
        )
        named = opponents_named(claimant, by_others=True) - opponents_named(claimant)
        sides[claimant] = lookup.side_name(named.pop()) if speaks and len(named) == 1 else claimant
    return sides


def _parties(claims: Iterable[Claim], sides: Mapping[str, str]) -> list[str]:
    """Sides that speak as belligerents (own or opponent claims), in order of appearance."""
    out: list[str] = []
    for claim in claims:
        if claim.claimant != REPORTER and claim.target_role in ("own", "opponent"):
            side = sides.get(claim.claimant, claim.claimant)
            if side not in out:
                out.append(side)
    return out


def affected_side(
    claim: Claim,
    sides: Mapping[str, str],
    lookup: SideLookup | None = None,
    parties: Sequence[str] | None = None,
    claims_of_incident: Sequence[Claim] | None = None,
) -> str:
    """Whose people or things a claim counts: a side's name, ``civilians`` or ``unspecified``.

    ``own`` is the claimant's side; ``opponent`` is the target's side as resolve stored it or
    the knowledge base reads it, else the state where the claim's places are when it is
    opposed to the claimant, else the one party of the incident that speaks and is opposed
    to the claimant, else the side the claimant's other opponent claims in the incident
    name, else the side of another claimant named in the target, else the only other party
    of the incident, else "opponents of <side>".
    """
    if claim.target_role == "civilian":
        return CIVILIANS
    if claim.target_role not in ("own", "opponent"):
        return UNSPECIFIED
    own = sides.get(claim.claimant, claim.claimant)
    if claim.target_role == "own":
        return own
    lookup = lookup or SideLookup.shipped()
    own_id = lookup.claimant_side(claim)
    side = lookup.target_side(claim) or lookup.state_opposed_where(claim, own_id)
    if side is not None:
        return lookup.side_name(side)
    # "captured seven soldiers", by rebels whose other claim counted "soldiers and Russian
    # mercenaries": the one party of the incident that speaks and fights the claimant
    opposed = {
        lookup.side_name(other)
        for c in claims_of_incident or ()
        if (other := lookup.claimant_side(c)) and lookup.kb.sides_opposed(own_id, other)
    }
    if len(opposed) == 1:
        return opposed.pop()
    usual = _usual_opponent(claim.claimant, own, claims_of_incident or (), lookup)
    if usual:
        return usual
    # "74 drones shot down", as Moscow's mayor tells it, beside the defence ministry's
    # "337 Ukrainian drones": the opponent the claimant's own side names
    fellows = [c for c in claims_of_incident or () if sides.get(c.claimant) == own]
    usual = _usual_opponent(None, own, fellows, lookup)
    if usual:
        return usual
    others = [p for p in (parties or []) if p != own]
    target_words = set(re.findall(r"\w+", claim.target.lower()))
    for name, side_name in sides.items():
        if side_name != own and set(re.findall(r"\w+", name.lower())) & target_words - _COMMON:
            return side_name
    if len(others) == 1:
        return others[0]
    return f"opponents of {own}"


def _usual_opponent(
    claimant: str | None, own: str, claims: Sequence[Claim], lookup: SideLookup
) -> str | None:
    """The one side a claimant's opponent claims name (``claimant`` None: any of
    ``claims``'s claimants')."""
    named = {
        name
        for c in claims
        if claimant in (None, c.claimant) and c.target_role == "opponent"
        if (side := lookup.target_side(c)) and (name := lookup.side_name(side)) != own
    }
    return named.pop() if len(named) == 1 else None


# The word lists live in data/compare.yaml, each documented there.
_WORDS: dict[str, Any] = load_data("compare.yaml")


def qualifier_words(qualifier: str) -> str:
    """The words written before a figure of this qualifier ("at least "), for every page
    that writes figures."""
    return str(_WORDS["qualifiers"].get(qualifier) or "")


_COMMON = frozenset(_WORDS["sides"]["common_words"])
_THING_CATEGORIES = frozenset(_WORDS["things"]["categories"])
_THING_KINDS: dict[tuple[str, ...], str] = {
    tuple(str(noun).lower().split()): str(kind)
    for kind, nouns in _WORDS["things"]["kinds"].items()
    for noun in nouns
}
_LONGEST_KIND = max(len(noun) for noun in _THING_KINDS)
_KIND_WORDS = frozenset(word for noun in _THING_KINDS for word in noun)
_TARGET_TAIL = re.compile(r"\s+(?:of|in|at|on|from|near|belonging|used|carrying|with)\b.*$", re.I)


def thing_kinds(claim: Claim) -> frozenset[str]:
    """The kinds of thing a claim of destruction, seizure or attack counts, one per conjunct
    of its target ("houses of the bandits" → homes; "drones and missiles" → drones and
    missiles); none for counts of people and for targets with no head noun."""
    if claim.category not in _THING_CATEGORIES:
        return frozenset()
    target = re.sub(r"\([^()]*\)", " ", claim.target or "")
    return frozenset(filter(None, map(_kind_of, re.split(r",|\band\b|&|\bor\b", target))))


def _kind_of(conjunct: str) -> str:
    head = _TARGET_TAIL.sub("", conjunct)
    written = re.findall(r"[A-Za-z][\w-]*", head)
    if not written or written[-1][:1].isupper():
        return ""  # "Darawat", "NTV": a name says which, not what kind
    words = [_singular(w) for w in re.findall(r"[a-z][a-z-]*", head.lower())]
    for size in range(min(_LONGEST_KIND, len(words)), 0, -1):
        kind = _THING_KINDS.get(tuple(words[-size:]))
        if kind is not None:
            return kind
    return words[-1]


def _by_kind(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    """Claims of one category and side in groups of the kinds of thing they count, by the
    groups' names: claims whose kinds overlap are one group ("15 drones and missiles" and
    its part "9 drones"); claims of people, one group named ""."""
    groups: list[tuple[set[str], list[Claim]]] = []
    for claim in claims:
        kinds = set(thing_kinds(claim))
        joined = [g for g in groups if g[0] & kinds] if kinds else [g for g in groups if not g[0]]
        merged: tuple[set[str], list[Claim]] = (kinds, [claim])
        for group in joined:
            merged[0].update(group[0])
            merged[1][:0] = group[1]
            groups.remove(group)
        groups.append(merged)
    return {", ".join(sorted(kinds)): members for kinds, members in groups}


def _singular(word: str) -> str:
    """A plural's singular: the form the kinds list where one fits ("buses" → "bus",
    "houses" → "house"), else the word less its "s"."""
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("ves"):
        forms += [word[:-3] + "f", word[:-3] + "fe"]
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    for form in forms:
        if form in _KIND_WORDS:
            return form
    return forms[-1]


# -- columns: one organisation or person, one column ----------------------------------------
_STOPWORDS = frozenset(_WORDS["columns"]["stopwords"])
_SPELLINGS: dict[str, str] = dict(_WORDS["columns"]["spellings"])
# Words of a title or of a spokesperson's role: "Governor Vorobyov", "a spokesman for the
# army" name the person or the party they speak for, not someone else.
_TITLES = frozenset(_WORDS["columns"]["titles"])
_ORG_WORDS = frozenset(_WORDS["columns"]["org_words"])
_SPOKES = re.compile(
    r"^(?:an?\s+|the\s+)?spokes(?:man|woman|person)\s+(?:for|of)\s+(?P<org>.+)$|"
    r"^(?P<org2>.+?)(?:'s|’s)?\s+spokes(?:man|woman|person)$",
    re.IGNORECASE,
)
_IN_PLACE = re.compile(r"^(?:the\s+)?(?P<head>.+?)\s+(?:in|of)\s+(?P<place>[A-Z][\w'’-]+)$")
PERSON_FUZZ = 85.0  # rapidfuzz ratio of two surnames taken as one spelling ("Vorobyov"/"-yev")


def name_key(name: str, lookup: SideLookup | None = None) -> tuple[str, ...]:
    """The words that identify a claimant name whatever its phrasing: case, articles,
    possessives, punctuation, word order, a country's name or demonym for its side
    ("Russia's Defence Ministry", "Russian Ministry of Defense" agree). Country words are
    the knowledge base's (``lookup``, the shipped one by default)."""
    lookup = lookup or SideLookup.shipped()
    text = name.replace("’", "'").strip()
    spokes = _SPOKES.match(text)
    if spokes:
        text = spokes.group("org") or spokes.group("org2")
    text = re.sub(r"'s\b", "", text.casefold())
    words = re.findall(r"[\w-]+", text)
    out = set()
    for word in words:
        word = _SPELLINGS.get(word, word)
        if word in _STOPWORDS:
            continue
        side = lookup.word_side(word)
        out.add(f"{_SIDE_WORD}{side}" if side else word)
    return tuple(sorted(out))


_SIDE_WORD = "side:"  # how name_key writes a country word: the side it marks


def _person_parts(
    name: str, lookup: SideLookup | None = None
) -> tuple[tuple[str, ...], str] | None:
    """(given names, surname) when a claimant name looks like a person's, else None."""
    lookup = lookup or SideLookup.shipped()
    words = [w for w in re.findall(r"[\w'’.-]+", name) if w.lower().strip(".") not in _TITLES]
    words = [w for w in words if w.lower() not in ("a", "the", "an")]
    if not 1 <= len(words) <= 4:
        return None
    for word in words:
        lower = word.lower()
        if not word[:1].isupper() or word.isupper() or lower in _ORG_WORDS:
            return None
        if lookup.word_side(lower):
            return None
    return tuple(w.lower() for w in words[:-1]), words[-1].lower()


def _same_person(a: tuple[tuple[str, ...], str], b: tuple[tuple[str, ...], str]) -> bool:
    from rapidfuzz import fuzz

    (given_a, surname_a), (given_b, surname_b) = a, b
    if min(len(surname_a), len(surname_b)) < 4:
        return surname_a == surname_b and given_a == given_b
    if fuzz.ratio(surname_a, surname_b) < PERSON_FUZZ:
        return False
    # "Andrei Vorobyov" and "Vorobyev" are one; "Ali Khan" and "Imran Khan" are not.
    return not given_a or not given_b or given_a[0][:1] == given_b[0][:1]


@dataclass
class Columns:
    """Which column each claim of an incident sits in, and the names each column gathers."""

    of_claim: dict[str, str]  # claim id → column label
    names: dict[str, list[str]]  # column label → claimant names it gathers, first seen first
    actors: dict[str, str]  # column label → canonical actor id, when the KB knows it
    lookup: SideLookup | None = None  # the knowledge base the names were read with

    def key(self, name: str) -> str:
        """The column of a name or actor id (a claim's origin, say) seen in this incident:
        the same name, the column's actor, or a name with the same identifying words; else
        the name itself."""
        for label, names in self.names.items():
            if name in names or name == label or self.actors.get(label) == name:
                return label
        words = name_key(name, self.lookup)
        for label, names in self.names.items():
            if label != REPORTER and any(name_key(n, self.lookup) == words for n in names):
                return label
        return name


def _actor_of(claim: Claim, kb: KnowledgeBase) -> str | None:
    """The claimant's canonical actor id: the resolved actor, else the KB's reading of the
    name (also "the Defence Ministry in Moscow" as "Russia Defence Ministry"), mapped to the
    actor that speaks for it (Pakistan Army → ISPR)."""
    actor_id = claim.claimant_actor or _lookup_name(claim.claimant, kb)
    if not actor_id:
        return None
    try:
        return str(kb.claimant_actor(actor_id).id)
    except KnowledgeBaseError:  # an id from an older knowledge base keeps its own column
        return actor_id


def _lookup_name(name: str, kb: KnowledgeBase) -> str | None:
    found = kb.lookup(name)
    if found is None:
        placed = _IN_PLACE.match(name.strip())
        where = kb.lookup(placed.group("place")) if placed else None
        if placed and where is not None and _placed(where.side) is not None:
            try:
                country = kb.side(str(where.side)).names[0]
            except (KnowledgeBaseError, IndexError):  # a side the KB no longer knows
                country = None
            if country:
                found = kb.lookup(f"{country} {placed.group('head')}")
    return str(found.id) if found is not None else None


def claimant_columns(claims: Sequence[Claim], kb: KnowledgeBase | None = None) -> Columns:
    """One column per organisation or person among an incident's claims.

    Claims go together when their claimants resolve to one canonical actor (the knowledge
    base's actor, or the actor that speaks for it), else when their names have the same
    identifying words (:func:`name_key`), else when both are people whose surnames are one
    spelling (within the incident only). A person the knowledge base lists as an actor's
    spokesperson joins that actor's column. The column's label is one of the names it
    gathers: the knowledge base's name when it is among them, else the most used one.
    ``kb`` is the shipped knowledge base when None.
    """
    lookup = SideLookup(kb) if kb is not None else SideLookup.shipped()
    kb = lookup.kb
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            # An actor key wins the root, so the column keeps its actor.
            if rb.startswith("actor:") and not ra.startswith("actor:"):
                ra, rb = rb, ra
            parent[rb] = ra

    key_of_claim: dict[str, str] = {}
    actors_named: dict[str, set[str]] = defaultdict(set)  # name key → actor keys
    for claim in claims:
        if claim.claimant == REPORTER:
            key = REPORTER
        else:
            actor = _actor_of(claim, kb)
            by_name = "name:" + " ".join(name_key(claim.claimant, lookup))
            key = f"actor:{actor}" if actor else by_name
            if actor:
                actors_named[by_name].add(key)
        find(key)
        key_of_claim[claim.id] = key
    # A name one claim of the incident resolved and another did not is one column, when
    # the name stands for one actor only ("the ministry" may be two ministries).
    for name, actor_keys in actors_named.items():
        if name in parent and len(actor_keys) == 1:
            union(next(iter(actor_keys)), name)

    people = {
        k: parts
        for c in claims
        if (k := key_of_claim[c.id]).startswith("name:")
        and (parts := _person_parts(c.claimant, lookup))
    }
    keys = list(people)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if _same_person(people[a], people[b]):
                union(a, b)
    actor_keys = {find(k) for k in parent if find(k).startswith("actor:")}
    for key, parts in people.items():
        speaking_for = {
            actor_key
            for actor_key in actor_keys
            for person in kb.people(actor_key.removeprefix("actor:"))
            if (theirs := _person_parts(person, lookup)) and _same_person(parts, theirs)
        }
        if len(speaking_for) == 1:
            union(speaking_for.pop(), key)
    # A person another report of the incident names as an actor's speaker ("police
    # spokesman Alfred Alabo", then "Mr Alabo said") speaks for that actor there too
    spoken_for: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for claim in claims:
        root = find(key_of_claim[claim.id])
        if root.startswith("actor:"):
            for alias in claim.claimant_aliases:
                if parts := _person_parts(alias, lookup):
                    spoken_for[root].append(parts)
    for key, parts in people.items():
        if find(key).startswith("actor:"):
            continue
        speaking_for = {
            root
            for root, persons in spoken_for.items()
            if any(_same_person(parts, theirs) for theirs in persons)
        }
        if len(speaking_for) == 1:
            union(speaking_for.pop(), key)
    _join_short_names(claims, key_of_claim, find, union, lookup)

    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[find(key_of_claim[claim.id])].append(claim)
    labels: dict[str, str] = {}
    for root, members in groups.items():
        names = list(dict.fromkeys(c.claimant for c in members))
        counts = {n: sum(c.claimant == n for c in members) for n in names}
        label = max(names, key=lambda n: counts[n])  # first seen wins a tie
        actor_name = _actor_name(kb, root)
        if actor_name and actor_name.lower() in {n.lower() for n in names}:
            label = next(n for n in names if n.lower() == actor_name.lower())
        if label in labels.values():
            label = actor_name if actor_name and actor_name not in labels.values() else label
        while label in labels.values():
            label += "'"
        labels[root] = label
    return Columns(
        of_claim={c.id: labels[find(key_of_claim[c.id])] for c in claims},
        names={
            labels[root]: list(dict.fromkeys(c.claimant for c in members))
            for root, members in groups.items()
        },
        actors={labels[r]: r.removeprefix("actor:") for r in groups if r.startswith("actor:")},
        lookup=lookup,
    )


def _join_short_names(
    claims: Sequence[Claim],
    key_of_claim: Mapping[str, str],
    find: Callable[[str], str],
    union: Callable[[str, str], None],
    lookup: SideLookup,
) -> None:
    """A shorter name within one incident is the longer one it is part of, when only one
    body (or one chain of longer names) contains it: "the Defense Ministry" after "Colombian
    Defense Ministry", "Tirana Hassan" and "HRW" with "HRW Executive Director Tirana Hassan".
    Titles do not count; a name of country words only ("Pakistan") never joins, and two
    actors the knowledge base tells apart stay apart."""
    words: dict[str, frozenset[str]] = {}
    key_of_name: dict[str, str] = {}
    for claim in claims:
        if claim.claimant != REPORTER:
            words[claim.claimant] = frozenset(name_key(claim.claimant, lookup)) - _TITLES
            key_of_name.setdefault(claim.claimant, key_of_claim[claim.id])
    for name, own in words.items():
        if not own or all(w.startswith(_SIDE_WORD) for w in own):
            continue
        longer = [other for other, theirs in words.items() if own < theirs]
        nested = all(words[a] <= words[b] or words[b] <= words[a] for a in longer for b in longer)
        if not longer or not nested:
            continue
        for other in longer:
            mine, theirs = find(key_of_name[name]), find(key_of_name[other])
            if mine.startswith("actor:") and theirs.startswith("actor:"):
                continue
            union(mine, theirs)


def _actor_name(kb: KnowledgeBase, key: str) -> str | None:
    if not key.startswith("actor:"):
        return None
    try:
        return str(kb.actor(key.removeprefix("actor:")).name)
    except KnowledgeBaseError:  # an id from an older knowledge base
        return None


# -- figures --------------------------------------------------------------------------------
@dataclass
class Figure:
    """One value a claimant gave for a cell, with every document that carries it."""

    claimant: str
    category: str
    side: str
    value: int | None
    value_high: int | None
    qualifier: str
    evidence: str
    doc_id: str
    stated_on: date | None
    origins: int  # independent origins carrying this figure (the party, a cited source)
    grade: str = SINGLE
    is_latest: bool = False
    history_position: int | None = None  # 0 = first stated; None for parts of a total
    is_part: bool = False
    hedged: bool = False
    target: str = ""
    target_role: str = "other"
    claim_ids: list[str] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # claim origins, else carriers
    carriers: int = 1  # texts carrying it, copies (near-duplicates, one agency) counted once
    carrier_keys: list[str] = field(default_factory=list)
    part_of: int | None = None  # the claimant's total this figure is a part of
    names: list[str] = field(default_factory=list)  # how the claimant is named in its claims

    @property
    def display(self) -> str:
        """The figure as people write it: "more than 30", "35-40", "dozens", "none"."""
        if self.value is None:
            return "unspecified number"
        if self.value == 0:
            return "none (0)"
        if self.value_high is not None:
            return f"{self.value}-{self.value_high}"
        return f"{qualifier_words(self.qualifier)}{self.value}"

    def interval(self) -> tuple[float, float]:
        """The counts this figure allows, for compatibility tests."""
        v = self.value
        if v is None:
            return (1.0, math.inf)
        high = float(self.value_high) if self.value_high is not None else math.inf
        if self.qualifier == "at_least":
            return (float(v), high)
        if self.qualifier == "more_than":
            return (float(v), high)
        if self.qualifier == "up_to":
            return (0.0, float(v))
        if self.qualifier == "about":
            return (0.8 * v, 1.2 * v)
        return (float(v), float(self.value_high if self.value_high is not None else v))

    def compatible(self, other: Figure) -> bool:
        a, b = self.interval(), other.interval()
        return a[0] <= b[1] and b[0] <= a[1]


@dataclass
class Cell:
    """One category × affected side: every claimant's figures, and how far apart they are."""

    category: str
    side: str
    figures: dict[str, list[Figure]] = field(default_factory=dict)  # claimant → history
    kind: str = ""  # the kind of thing counted ("homes", "vehicles"); "" for people
    spread: float | None = None  # largest ÷ smallest latest nonzero figure of two claimants
    denied_by: list[str] = field(default_factory=list)
    note: str | None = None

    @property
    def label(self) -> str:
        """Whose, and what: "civilians", "civilians · homes"."""
        return row_label(self.side, self.kind)

    def latest(self) -> dict[str, Figure]:
        """Each claimant's latest headline figure (parts of a total left out)."""
        out = {}
        for claimant, history in self.figures.items():
            heads = [f for f in history if f.is_latest]
            if heads:
                out[claimant] = heads[0]
        return out


def row_label(side: str, kind: str) -> str:
    """A matrix row's name: the side affected, and the kind of thing when it counts things."""
    return f"{side} · {kind}" if kind else side


@dataclass
class Discrepancy:
    category: str
    side: str
    high_claimant: str
    high: Figure
    low_claimant: str
    low: Figure
    ratio: float | None  # None when the low figure is a denial
    kind: str = ""

    def describe(self) -> str:
        ratio = "denied" if self.ratio is None else f"×{self.ratio:.1f}"
        return (
            f"{self.category} · {row_label(self.side, self.kind)}: {self.high_claimant} {self.high.display} vs "
            f"{self.low_claimant} {self.low.display} ({ratio})"
        )


@dataclass
class Comparison:
    incident: Incident
    cells: list[Cell]
    sides: dict[str, str]  # claimant → side
    own_vs_opponent: dict[str, dict[str, dict[str, int | None]]]  # claimant → cat → own/opp
    largest_discrepancy: Discrepancy | None
    parties: list[str] = field(default_factory=list)  # sides speaking as belligerents
    columns: dict[str, list[str]] = field(default_factory=dict)  # column → claimant names

    def summary(self) -> dict[str, Any]:
        """One line of the incidents list."""
        inc = self.incident
        return {
            "id": inc.id,
            "label": inc.label,
            "date": inc.date_start,
            "date_start": inc.date_start,
            "date_end": inc.date_end,
            "places": list(inc.places),
            "operation": inc.operation,
            "parties": self.parties or sorted(set(self.sides.values())),
            "claims": len(inc.claim_ids),
            "documents": len(inc.doc_ids),
            "largest_discrepancy": (
                self.largest_discrepancy.describe() if self.largest_discrepancy else None
            ),
        }

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the same content as the CLI table."""

        def figure(f: Figure) -> dict[str, Any]:
            out = asdict(f)
            out["display"] = f.display
            out["stated_on"] = f.stated_on.isoformat() if f.stated_on else None
            return out

        return {
            "incident": asdict(self.incident),
            "sides": self.sides,
            "parties": self.parties,
            "columns": self.columns,
            "cells": [
                {
                    "category": c.category,
                    "side": c.side,
                    "kind": c.kind,
                    "spread": c.spread,
                    "denied_by": c.denied_by,
                    "note": c.note,
                    "figures": {k: [figure(f) for f in v] for k, v in c.figures.items()},
                }
                for c in self.cells
            ],
            "own_vs_opponent": self.own_vs_opponent,
            "largest_discrepancy": (
                {
                    "category": d.category,
                    "side": d.side,
                    "kind": d.kind,
                    "high_claimant": d.high_claimant,
                    "high": d.high.value,
                    "low_claimant": d.low_claimant,
                    "low": d.low.value,
                    "ratio": d.ratio,
                    "text": d.describe(),
                }
                if (d := self.largest_discrepancy)
                else None
            ),
        }


# -- building -------------------------------------------------------------------------------
def _alternatives(words: Sequence[str]) -> str:
    """A regex group of listed words or phrases, any whitespace between a phrase's words."""
    ordered = sorted(words, key=len, reverse=True)  # longest first: "previously" before "previous"
    return "(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered) + ")"


_REVISIONS: dict[str, list[str]] = _WORDS["revisions"]
_RISE = _alternatives(_REVISIONS["rise"])
# "an initial estimate of 20", "the ministry initially said one": the figure that was replaced
_FIRST_STATED = _alternatives(_REVISIONS["first_stated"])
_SAID = _alternatives(_REVISIONS["said"])
# "..., updating an earlier toll", "in a revised tally": the statement replaces a figure
_UPDATING = re.compile(
    rf"\b(?:{_alternatives(_REVISIONS['updating'])})\s+(?:(?:an?|the|its|their)\s+)?"
    rf"(?:(?:{_FIRST_STATED}|{_alternatives(_REVISIONS['earlier'])})\s+)?"
    rf"(?:{_alternatives(_REVISIONS['tolls'])})\b",
    re.IGNORECASE,
)


def _revision_rank(claim: Claim) -> int:
    """0 for the old value of a stated revision ("from 20"), 2 for the new one, else 1."""
    if claim.value is None:
        return 1
    v = str(claim.value)
    text = claim.evidence
    if re.search(
        rf"\bfrom\s+(?:an?\s+)?(?:earlier|previous|initial)?\s*(?:toll\s+of\s+)?{v}\b", text
    ):
        return 0
    if re.search(rf"{_RISE}\b[^.]{{0,40}}?\b(?:to|at)\s+{v}\b", text, re.IGNORECASE):
        return 2
    if re.search(rf"\b{_FIRST_STATED}\b[^.\d]{{0,40}}?\b{v}\b", text, re.IGNORECASE):
        return 0
    if re.search(rf"\b{_FIRST_STATED}\s+{_SAID}\b", text, re.IGNORECASE) and _numbers(text) <= {
        claim.value
    }:
        return 0  # "initially said four soldiers died": the number may be a word
    if _UPDATING.search(text):
        return 2  # "one person had been killed and seven wounded, updating an earlier toll"
    return 1


_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d,]\d)|(?<![\w.,])\d+(?![\d,]\d)")
# Wording that makes a figure a subset of another: "126 of them", "among them 14".
_SUBSET = re.compile(rf"\b{_alternatives(_REVISIONS['subset'])}\b", re.IGNORECASE)
# "earlier 12", "previously reported 20": a figure beside its own earlier value is a revision.
_EARLIER = re.compile(rf"\b{_alternatives(_REVISIONS['earlier'])}\b", re.IGNORECASE)
_PLACE_AFTER = re.compile(
    rf"\b{_alternatives(_REVISIONS['place_words'])}\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
)
_NOT_PLACES = frozenset(_REVISIONS["not_places"])


def _numbers(text: str) -> set[int]:
    return {int(n.replace(",", "")) for n in _NUMBER.findall(text)}


def _places(claim: Claim) -> set[str]:
    """Places a figure is said to be about, lowercase: its locations and the capitalised
    words after "over", "in", "at"... in its evidence ("126 over the Kursk region")."""
    found = {p.lower() for p in claim.locations}
    for match in _PLACE_AFTER.finditer(claim.evidence):
        place = match.group("place")
        if place.split()[0].lower() not in _NOT_PLACES:
            found.add(place.lower())
    return found


def _mentions(claim: Claim, place: str) -> bool:
    where = claim.evidence.lower() + " " + " ".join(claim.locations).lower()
    return any(word in where for word in place.split() if len(word) > 3)


def _after_colon(claim: Claim) -> bool:
    _, colon, tail = claim.evidence.partition(":")
    return bool(colon) and claim.value is not None and claim.value in _numbers(tail)


def _part_of(part: Claim, total: Claim, part_day: date, total_day: date) -> bool:
    """Whether the evidence places ``part``'s figure inside ``total``'s larger one (one
    claimant, one cell): by place ("126 over the Kursk region" of 337), by kind ("126
    drones" of "337 drones and missiles"), in a list after a colon, "of them"/"including",
    or beside it in one statement. A stated rise ("rose to 30 from 20") is a revision."""
    if part.value is None or total.value is None or part.value >= total.value:
        return False
    if _revision_rank(part) == 0 or _revision_rank(total) == 2:
        return False
    if _EARLIER.search(part.evidence) or _EARLIER.search(total.evidence):
        return False
    if total.value in _numbers(part.evidence) or part.value in _numbers(total.evidence):
        return True
    if _SUBSET.search(part.evidence) or _after_colon(part):
        return True
    if part.doc_id == total.doc_id and abs(part.span_start - total.span_start) <= 300:
        return True  # given together, with no revision wording: a total and its breakdown
    if part_day < total_day:
        return False  # an earlier, smaller figure is an earlier toll, wherever it was
    if any(not _mentions(total, place) for place in _places(part)):
        return True
    part_words = set(re.findall(r"\w+", part.target.lower()))
    total_words = set(re.findall(r"\w+", total.target.lower()))
    listed = bool(re.search(r",|\band\b", total.target))
    return listed and bool(part_words) and part_words < total_words


# -- origins: provenance's, one rule -------------------------------------------------------
def document_origin(doc: Document) -> str:
    """Where a document's text comes from: the origin provenance stored for it
    (``pipeline.update_provenance``: the agency it is credited to, else the outlet's own
    reporting), else provenance's reading of the text now (a document stored without it)."""
    return doc.origin or detect_origin(doc).origin or f"document:{doc.id}"


def origin_groups(docs: Iterable[Document]) -> dict[str, list[Document]]:
    """The independent origins among documents, each with the documents it accounts for.

    Documents with one origin (:func:`document_origin`, case aside) are one, and so are the
    copies in one near-duplicate group whatever each is credited to. Each origin is named
    by the origin of its first document.
    """
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    docs = list(docs)
    node_of = {d.id: f"origin:{document_origin(d).lower()}" for d in docs}
    for d in docs:
        find(node_of[d.id])
        if d.near_duplicate_group:
            root, other = find(node_of[d.id]), find(f"group:{d.near_duplicate_group}")
            if root != other:
                parent[other] = root
    out: dict[str, list[Document]] = {}
    names: dict[str, str] = {}
    for d in docs:
        name = names.setdefault(find(node_of[d.id]), document_origin(d))
        out.setdefault(name, []).append(d)
    return out


def copy_key(doc_id: str, docs: Mapping[str, Document]) -> str:
    """Documents with the same key are one text (a carrier): the near-duplicate group, else
    the agency the copy is credited to, else the document itself. Copies, not origins: two
    outlets' own reports of one party's statement are two carriers of one origin."""
    doc = docs.get(doc_id)
    if doc is not None and doc.near_duplicate_group:
        return f"group:{doc.near_duplicate_group}"
    if doc is not None and doc.syndicated_from:
        return f"agency:{doc.syndicated_from.lower()}"
    return f"doc:{doc_id}"


def _figures_of(
    claimant: str,
    side: str,
    claims: list[Claim],
    docs: Mapping[str, Document],
    origins: Mapping[str, int] | None,
    source_of: Callable[[Claim], str] | None = None,
    names: Mapping[str, str] | None = None,
) -> list[Figure]:
    """One claimant's figures in one cell: equal values merged, parts of a larger figure
    marked, the other figures ordered in time as revisions."""

    def stated(c: Claim) -> date:
        doc = docs.get(c.doc_id)
        return c.stated_on or (doc.published if doc else None) or date.min

    def source(c: Claim) -> str:
        return source_of(c) if source_of else (c.origin or copy_key(c.doc_id, docs))

    by_value: dict[tuple[int | None, int | None], list[Claim]] = defaultdict(list)
    for c in sorted(claims, key=lambda c: (stated(c), c.doc_id, c.span_start)):
        by_value[(c.value, c.value_high)].append(c)
    figures = []
    for (value, high), group in by_value.items():
        first = group[0]
        doc_ids = list(dict.fromkeys(c.doc_id for c in group))
        # Where the figure comes from (provenance's claim origin: the party, or the source
        # a reporter cites) decides independence; carriers only count copies.
        carriers = sorted({copy_key(d, docs) for d in doc_ids})
        counted = [origins[c.id] for c in group if origins and c.id in origins]
        figures.append(
            Figure(
                claimant=claimant,
                category=first.category,
                side=side,
                value=value,
                value_high=high,
                qualifier=first.qualifier,
                evidence=first.evidence,
                doc_id=first.doc_id,
                stated_on=None if stated(first) == date.min else stated(first),
                origins=max(counted) if counted else len(carriers),
                carriers=len(carriers),
                carrier_keys=carriers,
                sources=sorted({source(c) for c in group}),
                hedged=any(c.hedged for c in group),
                target=first.target,
                target_role=first.target_role,
                claim_ids=[c.id for c in group],
                doc_ids=doc_ids,
                names=list(dict.fromkeys((names or {}).get(c.id, c.claimant) for c in group)),
            )
        )
    firsts = {id(f): next(c for c in claims if c.id == f.claim_ids[0]) for f in figures}
    figures.sort(
        key=lambda f: (
            f.stated_on or date.min,
            _revision_rank(firsts[id(f)]),
            firsts[id(f)].span_start,
        )
    )
    day = {id(f): f.stated_on or date.min for f in figures}
    for f in figures:
        totals = [
            g
            for g in figures
            if g is not f
            and any(
                _part_of(p, t, day[id(f)], day[id(g)])
                for p in claims
                if p.id in f.claim_ids
                for t in claims
                if t.id in g.claim_ids
            )
        ]
        if totals:
            f.is_part = True
            f.part_of = min(t.value or 0 for t in totals)
    heads = [f for f in figures if not f.is_part]
    for position, f in enumerate(heads):
        f.history_position = position
    # "Dozens" after "at least 200" does not replace it: a vague figure is the latest only
    # when the claimant gave no number.
    counted = [f for f in heads if f.value is not None] or heads
    if counted:
        counted[-1].is_latest = True
    return figures


def _independent(a: Figure, b: Figure) -> bool:
    """Whether ``b`` comes from somewhere else than ``a``: another origin (party or cited
    source); and when either is an outlet's own voice, also another text than ``a``'s (not
    the same article or a copy of it, which repeats what it quoted)."""
    if not set(b.sources) - set(a.sources):
        return False
    if REPORTER in (a.claimant, b.claimant):
        return bool(set(b.carrier_keys) - set(a.carrier_keys))
    return True


def _grade(
    figure: Figure, cell: Cell, sides: Mapping[str, str], compared: Mapping[str, Figure]
) -> str:
    """``compared``: the cell's figures that stand against each other (``_compared``)."""
    if figure.value == 0:
        return DENIED
    if figure.value is not None and sides.get(figure.claimant, figure.claimant) == cell.side:
        return CONFIRMED
    # Other columns' headline figures: this claimant's own other values (revisions, parts)
    # and its parts' totals never contest or corroborate it.
    latest = cell.latest()
    others = [f for name, f in latest.items() if name != figure.claimant]
    affected = [f for f in others if sides.get(f.claimant, f.claimant) == cell.side]
    if any(f.value and figure.compatible(f) for f in affected):
        return CONFIRMED
    conflicting = [f for f in others if not figure.compatible(f)]
    left_out = figure.claimant in latest and figure.claimant not in compared
    if figure.is_part or left_out:
        # A part of a total is contested by a denial, not by someone else's larger total;
        # nor is a figure the comparison leaves out (a person singled out, a region's tally)
        conflicting = [f for f in conflicting if f.value == 0]
    else:
        # ... and none of those contests anyone else's
        conflicting = [f for f in conflicting if f.claimant in compared or f.value == 0]
    if conflicting:
        return CONTESTED
    if any(f.value and figure.compatible(f) and _independent(figure, f) for f in others):
        return CORROBORATED
    return SINGLE


def compare_incident(
    incident: Incident,
    claims: Sequence[Claim],
    docs: Mapping[str, Document],
    origins: Mapping[str, int] | None = None,
    lookup: SideLookup | None = None,
) -> Comparison:
    """The claims matrix of one incident.

    ``claims`` may hold more than the incident's (they are filtered by ``claim_ids``).
    Claimants are first gathered into one column per organisation or person
    (:func:`claimant_columns`, with the knowledge base of ``lookup`` when there is one).
    ``origins`` maps a claim id to the number of independent origins carrying its figure;
    without it they are counted here (``provenance.independent_origins``) once the columns
    are gathered, so one party named two ways is one origin.
    """
    wanted = set(incident.claim_ids)
    raw = [c for c in claims if c.id in wanted or (not wanted and c.incident_id == incident.id)]
    lookup = lookup or SideLookup.shipped()
    columns = claimant_columns(raw, lookup.kb)
    members = [
        replace(
            c,
            claimant=columns.of_claim[c.id],
            claimant_actor=columns.actors.get(columns.of_claim[c.id]) or c.claimant_actor,
        )
        for c in raw
    ]
    names = {c.id: c.claimant for c in raw}
    if origins is None:
        origins = independent_origins(members, docs)

    def source_of(claim: Claim) -> str:
        # Provenance's origin of the claim (its party, whoever carries it; for the outlet's
        # own voice, the source cited in the passage, else the agency, else the outlet),
        # written as the column that party has in this incident.
        doc = docs.get(claim.doc_id)
        if claim.claimant != REPORTER:
            return f"party:{claim.claimant}"
        if doc is None:
            return (
                f"party:{columns.key(claim.origin)}"
                if claim.origin
                else copy_key(claim.doc_id, docs)
            )
        return f"party:{columns.key(claim_origin(claim, doc))}"

    sides = incident_sides(members, lookup)
    parties = _parties(members, sides)
    by_row: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in members:
        by_row[(claim.category, affected_side(claim, sides, lookup, parties, members))].append(
            claim
        )
    # one kind of thing to a row: "221 houses" and "8 vehicles" burnt are no discrepancy
    grouped: dict[tuple[str, str, str], dict[str, list[Claim]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for (category, side), row in by_row.items():
        for kind, of_kind in _by_kind(row).items():
            for claim in of_kind:
                grouped[(category, side, kind)][claim.claimant].append(claim)

    cells = []
    for (category, side, kind), by_claimant in grouped.items():
        cell = Cell(category, side, kind=kind)
        for claimant, cs in by_claimant.items():
            cell.figures[claimant] = _figures_of(
                claimant, side, cs, docs, origins, source_of, names
            )
        compared = _compared(cell)
        for history in cell.figures.values():
            for f in history:
                f.grade = _grade(f, cell, sides, compared)
        _spread(cell, compared)
        cells.append(cell)
    order = {c: i for i, c in enumerate(_CATEGORY_ORDER)}
    cells.sort(
        key=lambda c: (
            order.get(c.category, 99),
            c.side in (CIVILIANS, UNSPECIFIED),
            c.side,
            c.kind,
        )
    )
    return Comparison(
        incident=incident,
        cells=cells,
        sides=sides,
        own_vs_opponent=_own_vs_opponent(cells),
        largest_discrepancy=_largest(cells),
        parties=parties,
        columns=columns.names,
    )


_CATEGORY_ORDER: tuple[str, ...] = tuple(_WORDS["category_order"])


_PEOPLE_CATEGORIES = frozenset(CATEGORIES) - _THING_CATEGORIES
_NATIONALITY_PARTS = frozenset(str(w) for w in _WORDS["things"]["parts_by_nationality"])


@lru_cache(maxsize=1)
def _not_individuals() -> frozenset[str]:
    """Head nouns of a count of one that is a toll, not one person singled out: people in
    general and combatants ("one person", "a soldier")."""
    words = load_target_words()
    return words.generic_people | words.combatant_words | set(_WORDS["things"]["tolls_of_one"])


def _an_individual(figure: Figure) -> bool:
    """A count of one person singled out by what they are ("a priest", "the principal",
    "one Japanese national"): a part of any toll of the cell, never a figure against it."""
    if figure.value != 1 or figure.category not in _PEOPLE_CATEGORIES:
        return False
    head = _head_noun(figure.target)
    return bool(head) and head not in _not_individuals()


def _by_nationality(figure: Figure) -> bool:
    """People counted by nationality ("two Indian nationals", "14 foreigners")."""
    if figure.category not in _PEOPLE_CATEGORIES:
        return False
    head = _head_noun(figure.target)
    return bool(head) and _singular(head) in _NATIONALITY_PARTS


def _head_noun(target: str | None) -> str:
    """The last word of a target before what follows it ("of the school", "in Kano"),
    lower case; "" for none."""
    words = re.findall(r"[a-z][\w-]*", _TARGET_TAIL.sub("", target or "").lower())
    return words[-1] if words else ""


def _compared(cell: Cell) -> dict[str, Figure]:
    """The claimants' latest figures that stand against each other: a person singled out,
    or people counted by nationality, beside a larger toll are left out; so is a region's
    tally of things ("74 drones shot down approaching the capital", as its mayor tells it)
    beside a larger one of the whole state's (the defence ministry's 337 of the night)."""
    latest = cell.latest()
    largest = max((f.value or 0 for f in latest.values()), default=0)
    national = any(
        (f.value or 0) == largest and not _speaks_for_a_region(f) for f in latest.values()
    )
    return {
        k: f
        for k, f in latest.items()
        if not (
            (largest > 1 and _an_individual(f))
            or ((f.value or 0) < largest and _by_nationality(f))
            or (cell.kind and national and (f.value or 0) < largest and _speaks_for_a_region(f))
        )
    }


_REGIONAL_TITLE = re.compile(
    rf"\b(?:{'|'.join(re.escape(t) for t in sorted(REGIONAL_RULERS, key=len, reverse=True))})\b"
)


def _speaks_for_a_region(figure: Figure) -> bool:
    """Whether a figure's claimant is a region's authority: a governor or a mayor."""
    return _REGIONAL_TITLE.search(" ".join([figure.claimant, *figure.names]).lower()) is not None


def _spread(cell: Cell, latest: Mapping[str, Figure]) -> None:
    """The cell's spread and denials, over its figures that stand against each other."""
    nonzero = {k: f.value for k, f in latest.items() if f.value}
    cell.denied_by = [k for k, f in latest.items() if f.value == 0]
    if len(nonzero) >= 2:
        cell.spread = round(max(nonzero.values()) / min(nonzero.values()), 2)
    if cell.denied_by and nonzero:
        names = ", ".join(cell.denied_by)
        others = ", ".join(f"{k} {v}" for k, v in nonzero.items())
        cell.note = f"{names} denies any ({others})"


def _largest(cells: Sequence[Cell]) -> Discrepancy | None:
    best: tuple[float, Discrepancy] | None = None
    for cell in cells:
        latest = [(k, f) for k, f in _compared(cell).items() if f.value is not None]
        if len(latest) < 2:
            continue
        high_name, high = max(latest, key=lambda kv: kv[1].value or 0)
        low_name, low = min(latest, key=lambda kv: kv[1].value or 0)
        if not high.value or high_name == low_name:
            continue
        ratio = None if low.value == 0 else high.value / low.value  # type: ignore[operator]
        if ratio is not None and ratio <= 1.0:
            continue
        rank = math.inf if ratio is None else ratio
        found = Discrepancy(
            cell.category, cell.side, high_name, high, low_name, low, ratio, kind=cell.kind
        )
        if best is None or rank > best[0]:
            best = (rank, found)
    return best[1] if best else None


def _own_vs_opponent(cells: Sequence[Cell]) -> dict[str, dict[str, dict[str, int | None]]]:
    out: dict[str, dict[str, dict[str, int | None]]] = defaultdict(dict)
    for cell in cells:
        for claimant, figure in cell.latest().items():
            if figure.target_role not in ("own", "opponent"):
                continue
            entry = out[claimant].setdefault(cell.category, {"own": None, "opponent": None})
            previous = entry[figure.target_role]
            if previous is None or (figure.value or 0) > previous:
                entry[figure.target_role] = figure.value
    return dict(out)


def compare_incidents(
    incidents: Sequence[Incident],
    claims: Sequence[Claim],
    docs: Mapping[str, Document],
    kb: KnowledgeBase | None = None,
) -> list[Comparison]:
    """The claims matrix of each incident: the one entry point of the CLI, the API and the
    dashboard.

    Data in, data out: the caller loads the incidents, their claims (more are ignored) and
    their documents, and the knowledge base that tells sides apart (None: the shipped one;
    see ``incident_sides``). A figure's independent origins are
    counted among its own incident's claims (``provenance.independent_origins``), so a
    figure reads the same whether one incident or the whole list is compared.
    """
    lookup = SideLookup(kb) if kb is not None else SideLookup.shipped()
    position = {claim.id: index for index, claim in enumerate(claims)}
    by_incident: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.incident_id:
            by_incident[claim.incident_id].append(claim)
    out = []
    for incident in incidents:
        if incident.claim_ids:
            held = sorted(position[i] for i in set(incident.claim_ids) if i in position)
            members = [claims[i] for i in held]
        else:
            members = by_incident.get(incident.id, [])
        out.append(compare_incident(incident, members, docs, None, lookup))
    return out
