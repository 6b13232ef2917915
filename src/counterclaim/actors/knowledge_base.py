"""The :class:`KnowledgeBase`: actor lookup, mentions in a text, sides of phrases.

It answers the questions the extraction and resolve stages ask about actors:

* ``kb.lookup(surface)``: which actor a claimant surface names;
* ``kb.resolve_in_context(surface, text)``: the same, and "the army" from the text;
* ``kb.find_mentions(text)``: every alias occurrence in a text;
* ``kb.side_of_phrase(phrase)``: whose people or things a target phrase names.

Matching works on word tokens rather than one giant regular expression: a text is cut into
tokens once, and every n-gram that starts with a token known to begin some alias is looked
up in a dict. That is linear in the text and independent of the number of aliases.
"""

from __future__ import annotations

import bisect
import os
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from counterclaim.actors.loading import (
    NEUTRAL,
    AliasEntry,
    Side,
    TargetWords,
    alias_case_mode,
    build_knowledge,
    era_breakpoints,
    file_mtime,
    load_target_words,
)
from counterclaim.actors.tokens import (
    CHAR_MAP,
    ENGLISH_SHORT_WORDS,
    NameToken,
    actor_words,
    generic_kinds,
    name_tokens,
    name_words,
    phrase_terms,
    token_key,
)
from counterclaim.errors import KnowledgeBaseError
from counterclaim.lexicon import data_path
from counterclaim.model import Actor

FUZZY_MIN_LENGTH = 12
FUZZY_CUTOFF = 92.0
# Two spellings of one word ("defence", "defense") within a fuzzy match
_SAME_WORD = 80.0


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    surface: str
    actor_id: str
    metonym: bool = False  # a capital or seat ("Kabul", "Kremlin") standing for the actor


class KnowledgeBase:
    """Actors, sides and an alias index built once; query it, do not mutate it."""

    def __init__(self, actors: dict[str, Actor], sides: dict[str, Side], extra: dict[str, Any]):
        self._actors = actors
        self._sides = sides
        self._people: dict[str, list[str]] = extra["people"]
        self._metonyms: dict[str, list[str]] = extra["metonyms"]
        self._claimant: dict[str, str] = extra["claimant"]
        self._index: dict[tuple[str, ...], list[AliasEntry]] = extra["index"]
        self._named_cache: dict[tuple[str, str], bool] = {}
        # Hash of the files it was built from: claims extracted with another KB are stale.
        self.fingerprint: str = extra.get("fingerprint", "")
        self._words: TargetWords = load_target_words()
        self._first_lengths: dict[str, int] = {}
        for key in self._index:
            first = key[0]
            self._first_lengths[first] = max(self._first_lengths.get(first, 0), len(key))
        self._side_markers: dict[tuple[str, ...], str] = {}
        self._population: dict[tuple[str, ...], str] = {}
        # the movements' members ("Tuareg rebels"), by which a text may name their group
        self._member_sides: dict[tuple[str, ...], str] = {}
        for side in sides.values():
            for word in side.names + side.demonyms + side.members:
                self._side_markers.setdefault(token_key(word), side.id)
            if not side.state:
                for word in side.members:
                    self._member_sides.setdefault(token_key(word), side.id)
            for word in side.population:
                self._side_markers.setdefault(token_key(word), side.id)
                self._population.setdefault(token_key(word), side.id)
        # the last words of population phrases, asked about for every target phrase
        self._population_heads = {key[-1:] for key in self._population}
        self._country_names = {token_key(n) for side in sides.values() for n in side.names}
        self._marker_max = max((len(k) for k in self._side_markers), default=1)
        self._fuzzy_choices: dict[str, str] = {}
        for key, entries in self._index.items():
            text = " ".join(key)
            if len(text) >= FUZZY_MIN_LENGTH and not entries[0].metonym:
                self._fuzzy_choices.setdefault(text, entries[0].actor_id)
        self._fuzzy_of_size: dict[int, list[tuple[int, str]]] = {}
        for order, choice in enumerate(self._fuzzy_choices):
            self._fuzzy_of_size.setdefault(len(choice), []).append((order, choice))
        self._fuzzy_by_length: dict[int, list[str]] = {}
        self._lookup_cache: dict[str, Actor | None] = {}
        self._mentions_cache: dict[tuple[str, bool], list[ActorMention]] = {}
        self._sides_cache: dict[str, tuple[str, ...]] = {}
        self._institution_cache: dict[tuple[str, tuple[str, ...]], Actor | None] = {}
        # Country code -> the side of its state, for the countries of _countries.yaml; the
        # first code of a side is its country (a side can cover a territory too).
        self._country_sides: dict[str, str] = extra.get("country_sides", {})
        self._side_country: dict[str, str] = {}
        for code, side_id in self._country_sides.items():
            self._side_country.setdefault(side_id, code)
        self._institution_names: dict[tuple[str, ...], tuple[str, str]] | None = None
        # The actors that hold at the time this one was built for: the others keep their ids
        # (stored claims name them) but stand for no institution of today
        current = extra.get("current")
        self._current_actors = [a for a in actors.values() if current is None or a.id in current]
        self._listed_sides = {a.side for a in self._current_actors}
        # The same actors by country, in the same order: resolution asks for a country's
        # state side and institutions for claim after claim, each a scan of every actor
        self._actors_of_country: dict[str | None, list[Actor]] = {}
        for actor in self._current_actors:
            self._actors_of_country.setdefault(actor.country, []).append(actor)
        # The files and the time this one was built for (see as_of); none when built
        # directly from build_knowledge
        self._files: tuple[tuple[str, float], ...] | None = extra.get("files")
        self._era: int = extra.get("era", 0)
        self._breakpoints: tuple[date, ...] = extra.get("breakpoints", ())

    # ----------------------------------------------------------------- loading

    @classmethod
    def load(cls, extra_files: Sequence[Path] = (), as_of: date | None = None) -> KnowledgeBase:
        """The shipped knowledge base plus ``extra_files`` as it holds on ``as_of`` (default
        today), cached per list of files and time."""
        keys = tuple(
            (str(Path(p).resolve()), file_mtime(Path(p))) for p in extra_files
        )  # a user file edited between runs in one process is reloaded
        era = bisect.bisect_right(_breakpoints(keys), as_of or date.today())
        return _load_cached(keys, era)

    def as_of(self, when: date | None) -> KnowledgeBase:
        """This knowledge base as it held on ``when`` (today when None): "the Afghan
        government" of a 2019 report is the Islamic Republic's, of a 2023 report the
        Taliban's. Itself when nothing in its files changes between the two times."""
        if self._files is None:
            return self
        era = bisect.bisect_right(self._breakpoints, when or date.today())
        return self if era == self._era else _load_cached(self._files, era)

    def era_named_in(self, text: str) -> date | None:
        """A day of the time whose own actors an undated report names ("the Afghan National
        Army", "Afghan commandos" hold only until August 2021): where neither a publication
        date nor a year in the text dates a report, the parties it names still do. None when
        the files have one time only, when the text names no actor of some times only, or
        when the latest time is among those it names most (the default, today, reads it)."""
        if self._files is None or not self._breakpoints:
            return None
        eras = [_load_cached(self._files, era) for era in range(len(self._breakpoints) + 1)]
        always = _names_of_every_era(self._files)
        votes = [
            len({_norm_alias(m.surface) for m in kb.find_mentions(text)} - always) for kb in eras
        ]
        best = max(votes)
        named_most = [era for era, n in enumerate(votes) if n == best]
        if best == 0 or named_most[-1] == len(eras) - 1:
            return None
        return _era_day(self._breakpoints, named_most[-1])

    @classmethod
    def from_settings(cls, settings: Any) -> KnowledgeBase:
        """The knowledge base named by the ``kb`` setting (paths separated by os.pathsep)."""
        value = getattr(settings, "kb", "") or ""
        paths = [Path(p) for p in str(value).split(os.pathsep) if p.strip()]
        return cls.load(paths)

    # ----------------------------------------------------------------- accessors

    @property
    def actors(self) -> list[Actor]:
        return list(self._actors.values())

    @property
    def sides(self) -> list[Side]:
        return list(self._sides.values())

    def actor(self, actor_id: str) -> Actor:
        try:
            return self._actors[actor_id]
        except KeyError:
            pass
        # A state institution the files do not list ("armenia/defence+ministry"), made on
        # demand: its id says which, so any knowledge base built from the same files knows it.
        side_id, slash, head = actor_id.partition("/")
        found = self._state_institution(side_id, tuple(head.split("+"))) if slash else None
        if found is not None and found.id == actor_id:
            return found
        raise KnowledgeBaseError(f"unknown actor id {actor_id!r}")

    def side(self, side_id: str) -> Side:
        try:
            return self._sides[side_id]
        except KeyError:
            valid = ", ".join(sorted(self._sides))
            raise KnowledgeBaseError(f"unknown side {side_id!r}; known sides: {valid}") from None

    def people(self, actor_id: str) -> list[str]:
        """Named people (spokespersons, ministers) who speak for the actor."""
        return list(self._people.get(actor_id, []))

    def metonyms(self, actor_id: str) -> list[str]:
        return list(self._metonyms.get(actor_id, []))

    def ancestors(self, actor_id: str) -> list[Actor]:
        """Parent, grandparent... of an actor, nearest first."""
        out: list[Actor] = []
        parent = self.actor(actor_id).parent
        while parent and parent not in {a.id for a in out}:
            out.append(self._actors[parent])
            parent = self._actors[parent].parent
        return out

    def claimant_actor(self, actor_id: str) -> Actor:
        """The actor named as claimant when ``actor_id`` speaks (Pakistan Army → ISPR)."""
        return self.actor(self._claimant.get(actor_id, actor_id))

    def is_neutral(self, actor_id: str) -> bool:
        return self.actor(actor_id).side == NEUTRAL

    def is_state_side(self, side_id: str | None) -> bool:
        return bool(side_id and side_id in self._sides and self._sides[side_id].state)

    def sides_opposed(self, a: str | None, b: str | None) -> bool:
        """True when either side lists the other among its adversaries."""
        return self._either_lists_the_other(a, b, lambda side: side.adversaries)

    def sides_allied(self, a: str | None, b: str | None) -> bool:
        """True when either side lists the other among its allies (Russia and Assad's Syria,
        the Sahel juntas and Russia's forces)."""
        return self._either_lists_the_other(a, b, lambda side: side.allies)

    def _either_lists_the_other(
        self, a: str | None, b: str | None, listed: Callable[[Side], list[str]]
    ) -> bool:
        if not a or not b or a == b or NEUTRAL in (a, b):
            return False
        side_a, side_b = self._sides.get(a), self._sides.get(b)
        return bool((side_a and b in listed(side_a)) or (side_b and a in listed(side_b)))

    def government_of(self, side_id: str) -> Actor | None:
        """The top-level government actor of a side: the one the files list, else for a
        state side one made from the side ("Armenia government"); None for a movement."""
        for actor in self._current_actors:
            if actor.side == side_id and actor.kind == "government" and not actor.parent:
                return actor
        return self._state_institution(side_id, ("government",))

    def group_named_by_its_members(self, phrase: str) -> Actor | None:
        """The one armed group of a movement a phrase names by its members ("Tuareg rebels",
        "Fano fighters" as the files list them): its speaker when no name is given."""
        side_id = self._member_sides.get(token_key(phrase))
        if side_id is None:
            return None
        groups = [
            a
            for a in self._current_actors
            if a.side == side_id and a.kind == "armed_group" and not a.parent
        ]
        return groups[0] if len(groups) == 1 else None

    def state_side(self, country: str) -> str | None:
        """The side of a country's state: the side of its top-level government actor, else
        the side ``_countries.yaml`` gives the country (declared or made from the file)."""
        for actor in self._actors_of_country.get(country, ()):
            if actor.kind == "government" and not actor.parent:
                return actor.side
        return self._country_sides.get(country)

    # ----------------------------------------------------------------- matching

    @property
    def target_words(self) -> TargetWords:
        """The word lists behind target roles (``_target_words.yaml``)."""
        return self._words

    def known_people(self) -> dict[str, list[str]]:
        """The people the files name, by the actor they speak for."""
        return {actor_id: list(names) for actor_id, names in self._people.items()}

    def begins_a_name(self, word: str) -> bool:
        """Whether some actor's name starts with this word."""
        key = token_key(word)
        return bool(key) and key[0] in self._first_lengths

    def exact_actor_id(self, surface: str, *, strict_case: bool = True) -> str | None:
        """The actor a surface names exactly (no fuzzy match), e.g. an acronym in brackets."""
        entries = self._index.get(token_key(surface))
        entry = self._accept(entries, surface, strict_case=strict_case) if entries else None
        return entry.actor_id if entry is not None else None

    def _accept(
        self, entries: list[AliasEntry], surface: str, *, strict_case: bool
    ) -> AliasEntry | None:
        mapped = surface.translate(CHAR_MAP)
        for entry in entries:
            if strict_case:
                if entry.case_mode == "exact" and mapped != entry.alias.translate(CHAR_MAP):
                    continue
                if entry.case_mode == "capital" and not mapped[:1].isupper():
                    continue
            elif (
                entry.case_mode == "exact"
                and mapped.lower() in ENGLISH_SHORT_WORDS
                and not mapped.isupper()
            ):
                continue
            return entry
        return None

    def _scan(
        self, text: str, tokens: list[NameToken], *, include_metonyms: bool
    ) -> list[ActorMention]:
        return self._scan_words(
            text,
            [t.norm for t in tokens],
            [t.start for t in tokens],
            [t.end for t in tokens],
            include_metonyms=include_metonyms,
        )

    def _scan_words(
        self,
        text: str,
        norms: list[str],
        starts: list[int],
        ends: list[int],
        *,
        include_metonyms: bool,
    ) -> list[ActorMention]:
        """The mentions among words given as ``name_words`` gives them."""
        mentions: list[ActorMention] = []
        first_lengths = self._first_lengths
        # Only a word that starts some alias can start a mention: most words start none
        firsts = [i for i, norm in enumerate(norms) if norm in first_lengths]
        free = 0  # the first word not inside a mention found already
        for i in firsts:
            if i < free:
                continue
            longest = first_lengths[norms[i]]
            for n in range(min(longest, len(norms) - i), 0, -1):
                entries = self._index.get(tuple(norms[i : i + n]))
                if not entries:
                    continue
                start, end = starts[i], ends[i + n - 1]
                if _inside_a_hyphenated_name(text, start, end):
                    break  # "PORT-AU-PRINCE" holds no mention of the African Union
                entry = self._accept(entries, text[start:end], strict_case=True)
                if entry and (include_metonyms or not entry.metonym):
                    found = ActorMention(start, end, text[start:end], entry.actor_id, entry.metonym)
                    mentions.append(found)
                    free = i + n
                    break
        return mentions

    def find_mentions(self, text: str, *, include_metonyms: bool = False) -> list[ActorMention]:
        """Every alias occurrence on word boundaries, longest match first, in text order.

        Metonyms (capitals such as "Kabul") are left out unless asked for, because most of
        their occurrences name the place, not the government.
        """
        # Resolution scans the same document and sentences several times over (document
        # context, claimant options, spokespersons); the answer depends on the text alone.
        cache_key = (text, include_metonyms)
        found = self._mentions_cache.get(cache_key)
        if found is None:
            found = self._scan_words(text, *name_words(text), include_metonyms=include_metonyms)
            if len(self._mentions_cache) >= _MENTIONS_CACHE_LIMIT:
                self._mentions_cache.clear()
            self._mentions_cache[cache_key] = found
        return list(found)  # a copy: callers may change their list

    def lookup(self, surface: str) -> Actor | None:
        """The actor a surface names: alias, spokesperson phrase, demonym + institution, fuzzy."""
        # The answer depends on the surface and the (immutable) index alone, and resolution
        # asks about the same surfaces again and again; the fuzzy fallback is the costly part.
        try:
            return self._lookup_cache[surface]
        except KeyError:
            pass
        found = self._lookup_uncached(surface)
        if len(self._lookup_cache) >= _CACHE_LIMIT:
            self._lookup_cache.clear()
        self._lookup_cache[surface] = found
        return found

    def _lookup_uncached(self, surface: str) -> Actor | None:
        surface = surface.strip().strip(",.;:\"'")
        if not surface:
            return None
        tokens = name_tokens(surface)
        key = token_key(surface)
        entries = self._index.get(key)
        if entries:
            entry = self._accept(entries, surface, strict_case=False)
            if entry:
                return self._actors[entry.actor_id]
        office = _staff_as_their_office(key)
        if office != key:
            # "Gaza health officials", "health officials in Gaza": the ministry's staff, by
            # a name the files give the ministry ("Gaza health ministry")
            entries = self._index.get(office)
            if entries:
                entry = self._accept(entries, surface, strict_case=False)
                if entry:
                    return self._actors[entry.actor_id]
        side_id = self._side_markers.get(key)
        pronoun = surface.lower() in ENGLISH_SHORT_WORDS and not surface.isupper()  # "us"
        if side_id and self.is_state_side(side_id) and key in self._country_names and not pronoun:
            # "Pakistan said", "according to Russia": the state's government speaks.
            return self.government_of(side_id)
        via_role = _SPOKES_OF.match(surface) or _SPOKES_AFTER.match(surface)
        if via_role:
            org = via_role.group("org")
            # "South Sudan's army spokesman": the army's voice, not the state's
            skipped = surface[via_role.end("org") :].lower().split()
            for word in (w for w in skipped if w in _GENERIC_KINDS):
                found = self.lookup(f"{org} {word}")
                if found:
                    return found
            found = self.lookup(org)
            if found:
                return found
        generic = self._lookup_demonym_institution(key, make=False)
        if generic:
            return generic
        mentions = self._scan(surface, tokens, include_metonyms=True)
        if mentions:
            best = max(mentions, key=lambda m: m.end - m.start)
            if (best.end - best.start) >= 0.6 * len(surface):
                return self._actors[best.actor_id]
        # Only now an institution the files do not list: "US military Central Command" is
        # CENTCOM, found just above, not a new "American Military Central Command".
        generic = self._lookup_demonym_institution(key, make=True)
        if generic:
            return generic
        text = " ".join(key)
        if len(text) >= FUZZY_MIN_LENGTH and self._fuzzy_choices:
            for choice, _score, _index in process.extract(
                text,
                self._fuzzy_candidates(len(text)),
                scorer=fuzz.ratio,
                score_cutoff=FUZZY_CUTOFF,
                limit=5,
            ):
                if not self._marks_another_side(choice, key):
                    return self._actors[self._fuzzy_choices[choice]]
        return None

    def _marks_another_side(self, choice: str, key: tuple[str, ...]) -> bool:
        """Whether an alias a spelling is close to puts a side's name where the spelling
        has a word of its own: "the area's information ministry" is no misspelt "India
        Information Ministry" (a side merely left out, "Ministry of Defense" for "UK
        Ministry of Defence", is for the report's country to settle)."""
        words = choice.split()
        return any((word,) in self._side_markers and word not in key for word in words) and any(
            max(fuzz.ratio(word, other) for other in words) < _SAME_WORD for word in key
        )

    def _fuzzy_candidates(self, length: int) -> list[str]:
        """The fuzzy choices whose length lets them reach ``FUZZY_CUTOFF`` against a text of
        ``length`` characters, in the order of ``_fuzzy_choices``.

        ``fuzz.ratio`` is at most 200·min(a, b)/(a + b): a choice much shorter or longer
        than the text cannot reach the cutoff, and leaving it out changes no answer (the
        order of the rest, which breaks ties, is kept). The bound is loosened by one point
        so that rounding cannot drop a choice that would score exactly the cutoff.
        """
        cached = self._fuzzy_by_length.get(length)
        if cached is None:
            reachable = [
                (order, choice)
                for size, choices in self._fuzzy_of_size.items()
                if 200.0 * min(length, size) / (length + size) >= FUZZY_CUTOFF - 1
                for order, choice in choices
            ]
            cached = [choice for _order, choice in sorted(reachable)]
            self._fuzzy_by_length[length] = cached
        return cached

    def _lookup_demonym_institution(self, key: tuple[str, ...], *, make: bool) -> Actor | None:
        """'Pakistani authorities', 'Sudanese army', 'Russia's defence ministry'..., and
        the same named after the country ('the National Police of Haiti')."""
        if "of" in key[1:-1] and not set(key) & INSURGENT_NAME_WORDS:
            at = len(key) - 1 - key[::-1].index("of")
            # ("the Defence Ministry of the Russian Federation": the state's name may take
            # an article)
            state = key[at + 2 :] if key[at + 1 : at + 2] == ("the",) else key[at + 1 :]
            # ("Islamic State of Iraq": a name of its own before "of", not an institution)
            if self._side_markers.get(state) and not self._index.get(key[:at]):
                key = (*state, *key[:at])
        for n in range(min(self._marker_max, len(key) - 1), 0, -1):
            side_id = self._side_markers.get(key[:n])
            if side_id:
                found = self._institution_of_side(side_id, _office_of(key[n:]))
                if found is None and make:
                    # "US military's Central Command": an actor of the side named inside
                    found = self._side_actor_in(side_id, " ".join(key[n:]))
                if found is None and make:
                    # "Bangladesh ISPR": a state's institution the files do not list is
                    # still that state's, never another state's namesake.
                    found = self._state_institution(side_id, _made_head(key[n:]))
                return found
        return None

    def _side_actor_in(self, side_id: str, text: str) -> Actor | None:
        mentions = [
            m
            for m in self._scan(text, name_tokens(text), include_metonyms=False)
            if self._actors[m.actor_id].side == side_id
        ]
        if not mentions:
            return None
        return self._actors[max(mentions, key=lambda m: m.end - m.start).actor_id]

    def _institution_of_side(self, side_id: str, head: tuple[str, ...]) -> Actor | None:
        if not head:
            return None
        cache_key = (side_id, head)
        if cache_key not in self._institution_cache:
            self._institution_cache[cache_key] = self._institution_of_side_uncached(side_id, head)
        return self._institution_cache[cache_key]

    def _institution_of_side_uncached(self, side_id: str, head: tuple[str, ...]) -> Actor | None:
        if head[-1] in _GOVERNMENT_HEADS:
            return self.government_of(side_id)
        head_text = " ".join(head)
        if head_text in REGIONAL_RULERS:
            return None  # "the Russian mayor": a state has many, not its capital's alone
        best: Actor | None = None
        side = self._sides.get(side_id)
        national = self._national_words(side) if side is not None else frozenset()
        for actor in self._current_actors:
            if actor.side != side_id:
                continue
            for name in [actor.name, *actor.aliases]:
                words = token_key(name)
                if not " ".join(words).endswith(head_text):
                    continue
                if not set(words[: len(words) - len(head)]) <= national:
                    continue  # "Chhattisgarh police" is not what "Indian police" names
                if best is None or len(self.ancestors(actor.id)) < len(self.ancestors(best.id)):
                    best = actor
                break
        kinds = _GENERIC_KINDS.get(head[-1], ()) if len(head) == 1 else ()
        if best is None and side is not None and not side.state and "armed_group" in kinds:
            # "Tuareg-led separatists": the armed group of a side that is one
            groups = [
                a
                for a in self._current_actors
                if a.side == side_id and a.kind == "armed_group" and not a.parent
            ]
            best = groups[0] if len(groups) == 1 else None
        return best

    def _national_words(self, side: Side) -> frozenset[str]:
        """The words that may stand before a state's institution and keep it the whole
        state's: its names and demonyms, and describing words ("national", "federal")."""
        words = set(_INSTITUTION_WORDS) | _DESCRIBING | {"royal"}
        for name in [side.name, *side.names, *side.demonyms]:
            words.update(token_key(name))
        return frozenset(words)

    def _state_institution(self, side_id: str, head: tuple[str, ...]) -> Actor | None:
        """The institution ``head`` ("defence ministry", "police", "ispr") of a state side,
        made from the side when the files do not list it; None when the side is not a
        state's or the head is not an institution's."""
        side = self._sides.get(side_id)
        if side is None or not side.state or not head or len(head) > _MAX_INSTITUTION_WORDS:
            return None
        if set(head) & INSURGENT_NAME_WORDS:
            return None  # "Sudan People's Liberation Army": no institution of Sudan's
        if head[-1] in _GOVERNMENT_HEADS:
            kind, head, display = "government", ("government",), "government"
        else:
            titled = " ".join(w if w in _SMALL_WORDS else w.capitalize() for w in head)
            known = self._institution_names_index().get(head)
            if known is not None:
                kind, display = known
                if display.islower():
                    display = titled
            else:
                noun = head[head.index("of") - 1] if "of" in head[1:] else head[-1]
                found_kind = _STATE_INSTITUTION_HEADS.get(noun)
                if found_kind is None:
                    return None
                kind, display = found_kind, titled
        actor_id = f"{side_id}/{'+'.join(head)}"
        if head == ("government",):
            name = f"{side.name} government"
        else:
            name = f"{(side.demonyms or side.names or [side.name])[0]} {display}"
        return Actor(
            id=actor_id,
            name=name,
            kind=kind,
            side=side_id,
            country=self._side_country.get(side_id),
        )

    def _institution_names_index(self) -> dict[tuple[str, ...], tuple[str, str]]:
        """Institution names of states without their country ("interior ministry", "ISPR"),
        with their kind and written form, from the actors of state sides."""
        if self._institution_names is None:
            names: dict[tuple[str, ...], tuple[str, str]] = {}
            for actor in self._current_actors:
                side = self._sides.get(actor.side or "")
                if side is None or not side.state or actor.kind not in STATE_KINDS:
                    continue
                people = set(self._people.get(actor.id, []))
                # longest first: "Saudi Arabia defence ministry" loses "Saudi Arabia"
                prefixes = sorted(side.demonyms[:1] + side.names, key=len, reverse=True)
                for alias in [actor.name, *actor.aliases]:
                    if alias in people:
                        continue
                    rest = next(
                        (alias[len(p) + 1 :] for p in prefixes if alias.startswith(p + " ")), None
                    )
                    if (
                        rest is None
                        and alias_case_mode(alias) == "exact"
                        and actor.kind in _ACRONYM_KINDS
                    ):
                        rest = alias  # an acronym: "ISPR", "SBU"
                    key = token_key(rest) if rest else ()
                    if key and len(key) <= _MAX_INSTITUTION_WORDS:
                        names.setdefault(key, (actor.kind, rest or ""))
            self._institution_names = names
        return self._institution_names

    def resolve_in_context(
        self,
        surface: str,
        text: str,
        country: str | None = None,
        *,
        recent: Sequence[Actor] = (),
        mentions: Sequence[ActorMention] | None = None,
        places: Callable[[], Sequence[str]] | None = None,
    ) -> Actor | None:
        """Like :meth:`lookup`, and for generic nouns ("the army", "the ministry", "the
        group") the actor of that kind the text mentions most; failing that, the last of the
        ``recent`` claimants of that kind ("the health minister said ... the ministry
        added"), then the country's own ("the army" in a report about Mali is Mali's army),
        if ``country`` is given; of several, the one named with one of the places the text
        names ("the health ministry" in a report on the Gaza Strip is Gaza's, not
        Ramallah's; ``places`` gives them, asked only then). ``mentions``, when given, are
        the text's mentions already found (a caller resolving many claims of one document
        scans it once)."""
        found = self.lookup(surface)
        if found:
            return found
        key = token_key(surface)
        kinds = _GENERIC_KINDS.get(key[-1]) if key else None
        if not kinds or set(key[:-1]) & INSURGENT_NAME_WORDS:
            return None  # "the Sudan People's Liberation Army" is not the army of Sudan
        words = surface.split()
        if words[0].lower() in ("a", "an") and not any(k in STATE_KINDS for k in kinds):
            # "a local activist group", "a militia": one the text has not named yet, not the
            # last of its kind (a state's "an army unit" is still the state's)
            return None
        if len(words) > 1:
            # "Fano forces": the group named before the noun; but "Ukrainian forces" are not
            # Ukraine's government
            named = self.lookup(" ".join(words[:-1]))
            if named is not None and named.kind != "government":
                return named
            if named is None and self._unknown_name_before(words[:-1], country):
                return None  # "Southern forces": a force of its own, not the text's
        # "the air force", "the defence ministry": the qualifier narrows the head noun
        qualified = len(key) >= 2 and (key[-2:] == ("air", "force") or key[-1] == "ministry")
        head = " ".join(key[-2:]) if qualified else key[-1]
        state_noun = "state_military" in kinds
        # Tiers: of the kind and named with the head noun ("the army" → "Pakistan Army"),
        # of the kind ("the army" → the Frontier Corps), named with it but of another kind
        # ("the group" → "Wagner Group") — never an armed group for "the army".
        counts: list[Counter[str]] = [Counter(), Counter(), Counter()]
        first_seen: dict[str, int] = {}
        for mention in self.find_mentions(text) if mentions is None else mentions:
            actor = self._actors[mention.actor_id]
            named = self._named_with(actor, head)
            if actor.kind in kinds:
                tier = 0 if named else 1
            elif named and not state_noun:
                tier = 2
            else:
                continue
            counts[tier][actor.id] += 1
            first_seen.setdefault(actor.id, mention.start)
        for tier in counts:
            if tier:
                best = max(tier, key=lambda a: (tier[a], -first_seen[a]))
                return self._actors[best]
        for actor in reversed(recent):
            # ("the ministry" after "the defense ministry" that is Mexico's SEDENA, a state
            # actor of another kind named with the noun)
            if actor.kind in kinds or (
                actor.kind in STATE_KINDS
                and any(k in STATE_KINDS for k in kinds)
                and self._named_with(actor, head)
            ):
                return actor
        # "Abu Dhabi Police", "the Kano police command": a name of its own, not the state's
        named_apart = any(w[:1].isupper() and w.lower() not in _DESCRIBING for w in words[:-1])
        # "the army" in a report about Mali is Mali's army; but "the group" or "the rebels"
        # are no country's own: a state has institutions, not one armed group
        national_kinds = tuple(k for k in kinds if k in STATE_KINDS)
        if not country or not national_kinds:
            return None
        return self._national_actor(
            national_kinds, head, country, make=not named_apart, places=places
        )

    def national_counterpart(self, actor: Actor, country: str, surface: str) -> Actor | None:
        """The document country's institution that an unqualified name stands for: "the
        Ministry of Defence" in a report about Libya is Libya's, not Britain's. For a
        country the files list no actor of, the institution is made on its state side:
        "ISPR" in a report about Bangladesh is Bangladesh's, not Pakistan's."""
        if actor.country in (None, country):
            return None
        side_id = self._country_sides.get(country)
        if side_id is not None and side_id not in self._listed_sides:
            if self._names_a_country(surface) or actor.kind not in _ACRONYM_KINDS | {"government"}:
                return None
            for head in (token_key(surface), token_key(actor.name)):
                made = self._state_institution(side_id, head)
                if made is not None and made.kind == actor.kind:
                    return made
            return None
        if self.sides_in_phrase(surface):
            return None
        words = set(token_key(surface)) - _INSTITUTION_WORDS
        if not words:
            return None
        matches = [
            a
            for a in self._current_actors
            if a.country == country
            and a.kind == actor.kind
            and any(words <= set(token_key(n)) for n in [a.name, *a.aliases])
        ]
        return matches[0] if len(matches) == 1 else None

    def names_an_unknown_body(self, surface: str, country: str | None = None) -> bool:
        """Whether a generic noun is qualified by a name the knowledge base does not know
        ("the Southern forces", "Kano Hisbah police"): some body of its own, which the
        text's other actors of that kind do not stand for."""
        words = surface.split()
        key = token_key(surface)
        if len(words) < 2 or not key or key[-1] not in _GENERIC_KINDS:
            return False
        return self.lookup(" ".join(words[:-1])) is None and self._unknown_name_before(
            words[:-1], country
        )

    def _unknown_name_before(self, words: Sequence[str], country: str | None = None) -> bool:
        """Whether the words right before a generic noun hold a name (a capitalised word
        that is not a describing_qualifier) that is no country, demonym, side or place (of
        the report's country) the knowledge base and the gazetteer know."""
        run: list[str] = []  # "officials at the interior ministry": "at" ends the run
        for word in reversed(words):
            if not (word[:1].isupper() or word.lower() in _DESCRIBING):
                break
            run.insert(0, word)
        words = run
        named = [w for w in words if w[:1].isupper() and w.lower() not in _DESCRIBING]
        if not named:
            return False
        phrase = " ".join(words)
        if self._names_a_country(phrase) or self.sides_in_phrase(phrase):
            return False
        from counterclaim import places  # (places is a stage of its own, loaded on use)

        # "Borno State police", "Kano police": a place's institution is its state's (a
        # place of the report's country, when it is known: not Eagle, Idaho)
        place = places.resolve(" ".join(named))
        return place is None or (country is not None and place.country_code != country)

    def _names_a_country(self, phrase: str) -> bool:
        """Whether a country name or demonym occurs in the phrase ("Pakistan's ISPR")."""
        key = token_key(phrase)
        return any(
            key[i : i + n] in self._side_markers
            for i in range(len(key))
            for n in range(1, min(self._marker_max, len(key) - i) + 1)
        )

    def is_side_marker(self, phrase: str) -> bool:
        """Whether a phrase is only a country name or demonym ("Malian", "Ukraine")."""
        return token_key(phrase) in self._side_markers

    def _named_with(self, actor: Actor, head: str) -> bool:
        key = (actor.id, head)
        cached = self._named_cache.get(key)
        if cached is None:
            names = [actor.name, *actor.aliases]
            cached = self._named_cache[key] = any(
                " ".join(token_key(n)).endswith(head) for n in names
            )
        return cached

    def _national_actor(
        self,
        kinds: tuple[str, ...],
        head: str,
        country: str,
        *,
        make: bool = True,
        places: Callable[[], Sequence[str]] | None = None,
    ) -> Actor | None:
        """The country's one actor of these kinds named with the head noun ("the air force"
        → "Ukrainian Air Force"), else its one top-level actor of these kinds ("the military"
        → the Tatmadaw); None when that is ambiguous (Russia has several ministries)."""
        of_kind = [a for a in self._actors_of_country.get(country, ()) if a.kind in kinds]
        if " " in head and not any(self._named_with(a, head) for a in of_kind):
            # "the defense ministry" in a report about Mexico is SEDENA, which the files
            # list as the army it also is: the one state actor named so, whatever its kind
            named_so = [
                a
                for a in self._actors_of_country.get(country, ())
                if a.kind in STATE_KINDS and self._named_with(a, head)
            ]
            if len(named_so) == 1:
                return named_so[0]

        def top_level(actors: list[Actor]) -> list[Actor]:
            # "the government" of Pakistan is the federal one, not a provincial one under it
            return [a for a in actors if not a.parent or self._actors[a.parent].kind not in kinds]

        if not of_kind:
            # "the army" in a report about Peru, whose actors the files do not list: Peru's
            side_id = self._country_sides.get(country)
            if not make or side_id is None or side_id in self._listed_sides:
                return None
            made = self._state_institution(side_id, _made_head(tuple(head.split())))
            return made if made is not None and made.kind in kinds else None
        named = [a for a in of_kind if self._named_with(a, head)]
        if named:
            if len(named) == 1:
                return named[0]
            top = top_level(named)
            if len(top) == 1:
                return top[0]
            national = self._named_for_the_country(top, country)
            if len(national) == 1:
                return national[0]  # the federal government, not a member state's
            return _the_one_named_with_a_place(named, places)
        top = top_level(of_kind)
        return top[0] if len(top) == 1 else None

    def local_service(
        self,
        service: str,
        country: str,
        places: Callable[[], Sequence[str]] | None = None,
    ) -> Actor | None:
        """The country's one actor named with a service's words ("the civil defence" in a
        report on Gaza → "Gaza Civil Defence"); of several, the one named with a place the
        text names (``places``, asked only then); None when that is ambiguous."""
        head = " ".join(token_key(service))
        named = [a for a in self._actors_of_country.get(country, ()) if self._named_with(a, head)]
        if len(named) > 1:
            return _the_one_named_with_a_place(named, places)
        return named[0] if named else None

    def _named_for_the_country(self, actors: list[Actor], country: str) -> list[Actor]:
        """Of several actors, those named by the country's name or demonym ("Somali
        government" beside "Puntland government" and "Jubaland government")."""
        side = self._sides.get(self._country_sides.get(country) or "")
        if side is None:
            return []
        words = {" ".join(token_key(w)) for w in [*side.names, *side.demonyms]}
        return [
            a
            for a in actors
            if any(" ".join(token_key(n)[:1]) in words for n in [a.name, *a.aliases])
        ]

    # ----------------------------------------------------------------- sides

    def sides_in_phrase(self, phrase: str) -> list[str]:
        """Sides named in a phrase by actor aliases, demonyms or member nouns, in order."""
        # Claims ask about the same few target phrases ("civilians", "troops") over and
        # over; the answer depends on the phrase and the (immutable) index alone.
        found = self._sides_cache.get(phrase)
        if found is None:
            found = self._sides_in_phrase(phrase)
            if len(self._sides_cache) >= _CACHE_LIMIT:
                self._sides_cache.clear()
            self._sides_cache[phrase] = found
        return list(found)  # a copy: callers may change their list

    def _sides_in_phrase(self, phrase: str) -> tuple[str, ...]:
        tokens = name_tokens(phrase)
        found: list[tuple[int, str]] = []
        covered: set[int] = set()
        for mention in self._scan(phrase, tokens, include_metonyms=True):
            side = self._actors[mention.actor_id].side
            qualifier = self._qualifying_state(tokens, mention.start)
            if qualifier is not None and self.is_state_side(side) and qualifier != side:
                # "Bangladesh ISPR", "Ukrainian MoD": a state's name before another state's
                # institution says whose it is; the qualifier (still to be read) decides.
                side = None
            if side and side != NEUTRAL:
                found.append((mention.start, side))
            covered.update(range(mention.start, mention.end))
        i = 0
        while i < len(tokens):
            if tokens[i].start in covered:
                i += 1
                continue
            for n in range(min(self._marker_max, len(tokens) - i), 0, -1):
                side_id = self._side_markers.get(tuple(t.norm for t in tokens[i : i + n]))
                if side_id:
                    found.append((tokens[i].start, side_id))
                    i += n - 1
                    break
            i += 1
        ordered: list[str] = []
        for _, side_id in sorted(found):
            if side_id not in ordered:
                ordered.append(side_id)
        return tuple(ordered)

    def _qualifying_state(self, tokens: list[NameToken], start: int) -> str | None:
        """The state side whose name or demonym ends right before offset ``start``."""
        end = next((i for i, t in enumerate(tokens) if t.start == start), 0)
        for n in range(min(self._marker_max, end), 0, -1):
            side_id = self._side_markers.get(tuple(t.norm for t in tokens[end - n : end]))
            if side_id:
                return side_id if self.is_state_side(side_id) else None
        return None

    def side_of_phrase(self, phrase: str) -> str | None:
        """The side a target phrase belongs to; None when none or when opposed sides mix."""
        sides = self.sides_in_phrase(phrase)
        if not sides:
            return None
        first = sides[0]
        if any(self.sides_opposed(first, other) for other in sides[1:]):
            return None
        return first

    def is_population_only(self, phrase: str) -> bool:
        words = token_key(phrase)
        return (
            bool(words)
            and words[-1:] in self._population_heads
            and not (phrase_terms(words) & self._words.combatant_words)
        )


# Entries a per-knowledge-base answer cache holds before it starts afresh: far above the
# distinct surfaces of a large run, and a bound on memory in a long-lived server.
_CACHE_LIMIT = 100_000
# Texts whose mentions are kept: whole documents among them, so fewer.
_MENTIONS_CACHE_LIMIT = 1_000


def _knowledge_files(keys: tuple[tuple[str, float], ...]) -> list[tuple[Path, bool]]:
    shipped = sorted(p for p in data_path("actors").glob("*.yaml") if not p.name.startswith("_"))
    return [(p, False) for p in shipped] + [(Path(k), True) for k, _ in keys]


@lru_cache(maxsize=8)
def _breakpoints(keys: tuple[tuple[str, float], ...]) -> tuple[date, ...]:
    """The dates at which the entries of these files change, read once per list of files."""
    return era_breakpoints(path for path, _ in _knowledge_files(keys))


@lru_cache(maxsize=8)
def _names_of_every_era(keys: tuple[tuple[str, float], ...]) -> frozenset[str]:
    """The actor names the files give in every one of their times, found once per files."""
    eras = range(len(_breakpoints(keys)) + 1)
    names = [
        {_norm_alias(a) for actor in kb._current_actors for a in (actor.name, *actor.aliases)}
        for kb in (_load_cached(keys, era) for era in eras)
    ]
    return frozenset(set.intersection(*names))


def _norm_alias(name: str) -> str:
    return " ".join(name.lower().split())


def _era_day(breakpoints: tuple[date, ...], era: int) -> date:
    """A day of an era (any will do): its first, or the day before the first change."""
    if era > 0:
        return breakpoints[era - 1]
    return breakpoints[0] - timedelta(days=1) if breakpoints else date.today()


@lru_cache(maxsize=8)
def _load_cached(keys: tuple[tuple[str, float], ...], era: int) -> KnowledgeBase:
    files = _knowledge_files(keys)
    breakpoints = _breakpoints(keys)
    day = _era_day(breakpoints, era)
    actors, sides, extra = build_knowledge(files, as_of=day)
    extra.update(files=keys, era=era, breakpoints=breakpoints)
    return KnowledgeBase(actors, sides, extra)


# "Pakistani authorities", "the Sudanese government": the side's government itself
_STATE_INSTITUTION_HEADS: dict[str, str] = {
    **{
        noun: next(k for k in kinds if k != "armed_group")
        for noun, kinds in generic_kinds().items()
        if any(k != "armed_group" for k in kinds)
    },
    **{str(noun): str(kind) for noun, kind in actor_words("state_institution_heads").items()},
}
STATE_KINDS = frozenset(
    {"state_military", "government", "ministry", "police", "media_wing", "person_role"}
)
# Kinds whose acronyms another state's institution may share ("Bangladesh ISPR").
_ACRONYM_KINDS = frozenset({"state_military", "ministry", "police", "media_wing"})
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "on"})
# "armed forces general staff" is as long as a state institution's head gets.
_MAX_INSTITUTION_WORDS = 4
_GOVERNMENT_HEADS = frozenset(str(w) for w in actor_words("government_heads"))
_INSTITUTION_WORDS = frozenset(str(w) for w in actor_words("institution_words"))
REGIONAL_RULERS = frozenset(str(w) for w in actor_words("regional_rulers"))
INSURGENT_NAME_WORDS = frozenset(str(w) for w in actor_words("insurgent_name_words"))
_GENERIC_KINDS = generic_kinds()

_OFFICES = sorted(
    (
        (tuple(str(title).split()), tuple(str(office).split()))
        for title, office in actor_words("office_holders").items()
    ),
    key=lambda pair: -len(pair[0]),
)
_MINISTRY_FIELDS = frozenset(str(w) for w in actor_words("ministry_fields"))
_MINISTRY_STAFF = frozenset(str(w) for w in actor_words("ministry_staff"))
_SAME_INSTITUTION = {
    tuple(str(name).split()): tuple(str(head).split())
    for name, head in actor_words("same_institution").items()
}


def _made_head(head: tuple[str, ...]) -> tuple[str, ...]:
    """The head by which an unlisted state's institution is made: its office's, and one of
    each institution's several names."""
    head = _office_of(head)
    if len(head) > 2 and head[0] in ("ministry", "department") and head[1] == "of":
        # "Peru's Ministry of Defence" is "Peru's defence ministry", one column
        head = (*(w for w in head[2:] if w != "the"), head[0])
    return _SAME_INSTITUTION.get(head, head)


_OFFICE_RANKS = frozenset(str(w) for w in actor_words("office_ranks"))


def _ministry_of_its_staff(key: tuple[str, ...], at: int) -> tuple[str, ...] | None:
    """The ministry a ministry's staff at ``at`` (after the word before them) stand for, in
    the place of those two words: "health officials" → ("health", "ministry"), "ministry
    officials" → ("ministry",); None when the word at ``at`` is no staff of a ministry."""
    if at < 1 or key[at] not in _MINISTRY_STAFF:
        return None
    if key[at - 1] in _MINISTRY_FIELDS:
        return (key[at - 1], "ministry")
    return ("ministry",) if key[at - 1] == "ministry" else None


def _staff_as_their_office(key: tuple[str, ...]) -> tuple[str, ...]:
    """A name with a ministry's staff in it, with the ministry in their place: "gaza health
    officials" → "gaza health ministry", "interior ministry officials in gaza" → "interior
    ministry in gaza"; else the name as it is."""
    for at in range(1, len(key)):
        ministry = _ministry_of_its_staff(key, at)
        if ministry is not None:
            return (*key[: at - 1], *ministry, *key[at + 1 :])
    return key


def _office_of(head: tuple[str, ...]) -> tuple[str, ...]:
    """The institution an office holder speaks for, in its words: ("defence", "minister") →
    ("defence", "ministry"); ("prime", "minister") → ("government",); else ``head``."""
    ministry = _ministry_of_its_staff(head, len(head) - 1)
    if ministry == ("ministry",) and len(head) >= 3:
        return head[:-1]  # "interior ministry officials": the ministry's
    if ministry is not None and ministry != ("ministry",):
        return ministry  # "health officials": the health ministry's
    for title, office in _OFFICES:
        if head[-len(title) :] == title:
            rest = tuple(w for w in head[: -len(title)] if w not in _OFFICE_RANKS)
            return office if office == ("government",) else (*rest, *office)
    return head


# Role nouns: lookup reads "a spokesman for X" as X, and spokesperson finding uses them too.
ROLE_NOUN_ALTERNATIVES = f"(?:{'|'.join(str(w) for w in actor_words('role_nouns'))})"
MODIFIER_WORDS = tuple(str(w) for w in actor_words("modifier_words"))
_DESCRIBING = frozenset(str(w) for w in actor_words("describing_qualifiers"))
_ROLE_MODIFIERS = rf"(?:(?:{'|'.join(MODIFIER_WORDS)})\s+)*"
_SPOKES_OF = re.compile(
    rf"^(?:(?:a|an|the)\s+)?{_ROLE_MODIFIERS}{ROLE_NOUN_ALTERNATIVES}\s+(?:for|of)\s+(?P<org>.+)$",
    re.I,
)
_SPOKES_AFTER = re.compile(
    rf"^(?P<org>.+?)(?:'s|’s|'|’)?\s+{_ROLE_MODIFIERS}{ROLE_NOUN_ALTERNATIVES}(?:\s+.*)?$", re.I
)


def _inside_a_hyphenated_name(text: str, start: int, end: int) -> bool:
    """Whether a span is joined by hyphens to letters on both sides: the middle of one
    compound name ("Port-au-Prince"), not a name of its own ("UN-backed", "Hamas-run")."""
    return (
        text[start - 1 : start] == "-"
        and text[start - 2 : start - 1].isalpha()
        and text[end : end + 1] == "-"
        and text[end + 1 : end + 2].isalpha()
    )


def _the_one_named_with_a_place(
    actors: Sequence[Actor], places: Callable[[], Sequence[str]] | None
) -> Actor | None:
    """Of several actors, the one whose name or an alias holds a place the text names
    (``places``, asked only here): "Gaza Health Ministry", "Health Ministry in Gaza" for
    "Gaza", and for "Gaza City", the name without its kind word; None unless exactly one."""
    from counterclaim import places as gazetteer  # (a stage of its own, loaded on use)

    names = {
        name.lower()
        for place in (places() if places is not None else ())
        if place
        for name in (place, gazetteer.without_kind_word(place))
        if name
    }
    patterns = [re.compile(rf"\b{re.escape(name)}\b") for name in names]
    found = []
    for actor in actors:
        written = " | ".join([actor.name, *actor.aliases]).lower()
        if any(p.search(written) for p in patterns):
            found.append(actor)
    return found[0] if len(found) == 1 else None
