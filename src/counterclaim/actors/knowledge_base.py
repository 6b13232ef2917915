"""The actor knowledge base: who is who, on which side, and how texts name them.

The knowledge base is a set of YAML files (one per region, schema in
``data/actors/README.md``) plus any files the user adds with ``--kb``. This module loads
them into a :class:`KnowledgeBase` and answers the questions the extraction and resolve
stages ask about actors:

* ``kb.lookup(surface)``: which actor a claimant surface names;
* ``kb.find_mentions(text)``: every alias occurrence in a text;
* ``spokespersons(text, kb)``: which person speaks for which organisation in a text;
* ``kb.side_of_phrase(phrase)`` and ``target_role(...)``: whose people or things a target
  phrase names, and what that is from the claimant's point of view (ANNOTATION.md);
* ``find_alias_conflicts(text, kb)``: "Balochistan Liberation Front (BLA)" style mix-ups.

Matching works on word tokens rather than one giant regular expression: a text is cut into
tokens once, and every n-gram that starts with a token known to begin some alias is looked
up in a dict. That is linear in the text and independent of the number of aliases.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from counterclaim.errors import KnowledgeBaseError
from counterclaim.lexicon import data_path
from counterclaim.model import Actor

KINDS: tuple[str, ...] = (
    "armed_group",
    "state_military",
    "government",
    "ministry",
    "police",
    "media_wing",
    "international_organisation",
    "ngo",
    "outlet",
    "person_role",
    "hospital",
)
NEUTRAL = "neutral"
ACTOR_FIELDS = {
    "id",
    "name",
    "kind",
    "side",
    "parent",
    "country",
    "aliases",
    "people",
    "metonyms",
    "claimant",
}
SIDE_FIELDS = {"id", "name", "state", "names", "demonyms", "population", "members", "adversaries"}
TARGET_WORDS_FILE = "actors/_target_words.yaml"
FUZZY_MIN_LENGTH = 12
FUZZY_CUTOFF = 92.0

# Same-length character substitutions, so offsets in the mapped text are offsets in the input.
_CHAR_MAP = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u00a0": " ",
    }
)
_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
# British spelling is the canonical one in the data; news text uses both.
_SPELLING = {
    "defense": "defence",
    "center": "centre",
    "organization": "organisation",
    "organizations": "organisations",
    "counterterrorism": "counter-terrorism",
}
# Lowercase words that are also short acronyms ("us", "is", "aa"): never taken as actors.
_ENGLISH_SHORT_WORDS = {
    "us", "is", "it", "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in",
    "me", "my", "no", "of", "on", "or", "so", "to", "up", "we", "aa", "un",
}  # fmt: skip


@dataclass(frozen=True)
class Side:
    """A party to a conflict, with the words that mark its people and things."""

    id: str
    name: str
    state: bool = False
    names: list[str] = field(default_factory=list)  # country or movement names
    demonyms: list[str] = field(default_factory=list)  # adjectives: "Pakistani"
    population: list[str] = field(default_factory=list)  # plural people nouns: "Pakistanis"
    members: list[str] = field(default_factory=list)  # member nouns: "khawarij", "Fidayeen"
    adversaries: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    surface: str
    actor_id: str
    metonym: bool = False  # a capital or seat ("Kabul", "Kremlin") standing for the actor


@dataclass(frozen=True)
class AliasConflict:
    """An expansion followed by a bracketed acronym of a different actor."""

    surface: str
    start: int
    end: int
    expansion: str
    expansion_actor_id: str
    acronym: str
    acronym_actor_id: str


@dataclass(frozen=True)
class _Token:
    norm: str
    start: int
    end: int


@dataclass(frozen=True)
class _Entry:
    actor_id: str
    alias: str
    case_mode: str  # "exact", "capital" or "any", see _case_mode
    metonym: bool
    generated: bool


@dataclass(frozen=True)
class _TargetWords:
    civilians: frozenset[str]
    civilian_phrases: tuple[str, ...]
    generic_people: frozenset[str]
    fighting_context: tuple[str, ...]
    state_forces: frozenset[str]
    irregulars: frozenset[str]
    group_members: frozenset[str]
    own_markers: tuple[str, ...]
    enemy_markers: frozenset[str]
    military_objects: frozenset[str]
    combatant_words: frozenset[str]


def _tokens(text: str) -> list[_Token]:
    """Word and punctuation tokens with possessive endings removed, offsets into ``text``."""
    mapped = text.translate(_CHAR_MAP)
    raw = [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(mapped)]
    out: list[_Token] = []
    i = 0
    while i < len(raw):
        word, start, end = raw[i]
        if word == "'" and out and out[-1].end == start:
            # "Houthis' spokesman", "Pakistan's army": the possessive is not part of a name.
            if i + 1 < len(raw) and raw[i + 1][0].lower() == "s" and raw[i + 1][1] == end:
                i += 2
                continue
            if out[-1].norm.endswith("s"):
                i += 1
                continue
        norm = word.lower()
        out.append(_Token(_SPELLING.get(norm, norm), start, end))
        i += 1
    return out


def _key(text: str) -> tuple[str, ...]:
    words = tuple(t.norm for t in _tokens(text))
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return words


def _case_mode(alias: str) -> str:
    """How strictly an alias must match the case of the text.

    Acronyms ("AA", "LeT", "IS") must match exactly, or "us", "let" and "is" would be
    actors; single capitalised words ("Dawn", "Amnesty") must be capitalised in the text,
    or "at dawn" would be the newspaper. Longer names match in any case.
    """
    compact = alias.replace("-", "").replace("/", "").replace(".", "")
    if " " not in alias and len(compact) <= 5 and sum(c.isupper() for c in compact) >= 2:
        return "exact"
    if " " not in alias and alias[:1].isupper():
        return "capital"
    return "any"


def _as_list(value: Any, where: str, name: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KnowledgeBaseError(f"{where}: field {name!r} must be a list of strings")
    return list(value)


class KnowledgeBase:
    """Actors, sides and an alias index built once; query it, do not mutate it."""

    def __init__(self, actors: dict[str, Actor], sides: dict[str, Side], extra: dict[str, Any]):
        self._actors = actors
        self._sides = sides
        self._people: dict[str, list[str]] = extra["people"]
        self._metonyms: dict[str, list[str]] = extra["metonyms"]
        self._claimant: dict[str, str] = extra["claimant"]
        self._index: dict[tuple[str, ...], list[_Entry]] = extra["index"]
        # Hash of the files it was built from: claims extracted with another KB are stale.
        self.fingerprint: str = extra.get("fingerprint", "")
        self._words: _TargetWords = _load_target_words()
        self._first_lengths: dict[str, int] = {}
        for key in self._index:
            first = key[0]
            self._first_lengths[first] = max(self._first_lengths.get(first, 0), len(key))
        self._side_markers: dict[tuple[str, ...], str] = {}
        self._population: dict[tuple[str, ...], str] = {}
        for side in sides.values():
            for word in side.names + side.demonyms + side.members:
                self._side_markers.setdefault(_key(word), side.id)
            for word in side.population:
                self._side_markers.setdefault(_key(word), side.id)
                self._population.setdefault(_key(word), side.id)
        self._country_names = {_key(n) for side in sides.values() for n in side.names}
        self._marker_max = max((len(k) for k in self._side_markers), default=1)
        self._fuzzy_choices: dict[str, str] = {}
        for key, entries in self._index.items():
            text = " ".join(key)
            if len(text) >= FUZZY_MIN_LENGTH and not entries[0].metonym:
                self._fuzzy_choices.setdefault(text, entries[0].actor_id)

    # ----------------------------------------------------------------- loading

    @classmethod
    def load(cls, extra_files: Sequence[Path] = ()) -> KnowledgeBase:
        """The shipped knowledge base plus ``extra_files`` (cached per list of files)."""
        keys = tuple(
            (str(Path(p).resolve()), _mtime(Path(p))) for p in extra_files
        )  # a user file edited between runs in one process is reloaded
        return _load_cached(keys)

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
            raise KnowledgeBaseError(f"unknown actor id {actor_id!r}") from None

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
        if not a or not b or a == b or NEUTRAL in (a, b):
            return False
        side_a, side_b = self._sides.get(a), self._sides.get(b)
        return bool((side_a and b in side_a.adversaries) or (side_b and a in side_b.adversaries))

    def government_of(self, side_id: str) -> Actor | None:
        """The top-level government actor of a side, if the knowledge base has one."""
        for actor in self._actors.values():
            if actor.side == side_id and actor.kind == "government" and not actor.parent:
                return actor
        return None

    # ----------------------------------------------------------------- matching

    def _accept(self, entries: list[_Entry], surface: str, *, strict_case: bool) -> _Entry | None:
        mapped = surface.translate(_CHAR_MAP)
        for entry in entries:
            if strict_case:
                if entry.case_mode == "exact" and mapped != entry.alias.translate(_CHAR_MAP):
                    continue
                if entry.case_mode == "capital" and not mapped[:1].isupper():
                    continue
            elif (
                entry.case_mode == "exact"
                and mapped.lower() in _ENGLISH_SHORT_WORDS
                and not mapped.isupper()
            ):
                continue
            return entry
        return None

    def _scan(
        self, text: str, tokens: list[_Token], *, include_metonyms: bool
    ) -> list[ActorMention]:
        mentions: list[ActorMention] = []
        i = 0
        while i < len(tokens):
            longest = self._first_lengths.get(tokens[i].norm, 0)
            found = None
            for n in range(min(longest, len(tokens) - i), 0, -1):
                entries = self._index.get(tuple(t.norm for t in tokens[i : i + n]))
                if not entries:
                    continue
                start, end = tokens[i].start, tokens[i + n - 1].end
                entry = self._accept(entries, text[start:end], strict_case=True)
                if entry and (include_metonyms or not entry.metonym):
                    found = ActorMention(start, end, text[start:end], entry.actor_id, entry.metonym)
                    i += n
                    break
            if found:
                mentions.append(found)
            else:
                i += 1
        return mentions

    def find_mentions(self, text: str, *, include_metonyms: bool = False) -> list[ActorMention]:
        """Every alias occurrence on word boundaries, longest match first, in text order.

        Metonyms (capitals such as "Kabul") are left out unless asked for, because most of
        their occurrences name the place, not the government.
        """
        return self._scan(text, _tokens(text), include_metonyms=include_metonyms)

    def lookup(self, surface: str) -> Actor | None:
        """The actor a surface names: alias, spokesperson phrase, demonym + institution, fuzzy."""
        surface = surface.strip().strip(",.;:\"'")
        if not surface:
            return None
        tokens = _tokens(surface)
        key = _key(surface)
        entries = self._index.get(key)
        if entries:
            entry = self._accept(entries, surface, strict_case=False)
            if entry:
                return self._actors[entry.actor_id]
        side_id = self._side_markers.get(key)
        pronoun = surface.lower() in _ENGLISH_SHORT_WORDS and not surface.isupper()  # "us"
        if side_id and self.is_state_side(side_id) and key in self._country_names and not pronoun:
            # "Pakistan said", "according to Russia": the state's government speaks.
            return self.government_of(side_id)
        via_role = _SPOKES_OF.match(surface) or _SPOKES_AFTER.match(surface)
        if via_role:
            found = self.lookup(via_role.group("org"))
            if found:
                return found
        generic = self._lookup_demonym_institution(key)
        if generic:
            return generic
        mentions = self._scan(surface, tokens, include_metonyms=True)
        if mentions:
            best = max(mentions, key=lambda m: m.end - m.start)
            if (best.end - best.start) >= 0.6 * len(surface):
                return self._actors[best.actor_id]
        text = " ".join(key)
        if len(text) >= FUZZY_MIN_LENGTH and self._fuzzy_choices:
            match = process.extractOne(
                text, self._fuzzy_choices.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
            )
            if match:
                return self._actors[self._fuzzy_choices[match[0]]]
        return None

    def _lookup_demonym_institution(self, key: tuple[str, ...]) -> Actor | None:
        """'Pakistani authorities', 'Sudanese army', 'Russia's defence ministry'..."""
        for n in range(min(self._marker_max, len(key) - 1), 0, -1):
            side_id = self._side_markers.get(key[:n])
            if side_id:
                return self._institution_of_side(side_id, key[n:])
        return None

    def _institution_of_side(self, side_id: str, head: tuple[str, ...]) -> Actor | None:
        if not head:
            return None
        if head[-1] in ("authorities", "government", "officials", "administration", "state"):
            return self.government_of(side_id)
        head_text = " ".join(head)
        best: Actor | None = None
        for actor in self._actors.values():
            if actor.side != side_id:
                continue
            for name in [actor.name, *actor.aliases]:
                if " ".join(_key(name)).endswith(head_text):
                    if best is None or len(self.ancestors(actor.id)) < len(self.ancestors(best.id)):
                        best = actor
                    break
        return best

    def resolve_in_context(self, surface: str, text: str) -> Actor | None:
        """Like :meth:`lookup`, and for generic nouns ("the army", "the ministry", "the
        group") the actor of that kind the text mentions most, if any."""
        found = self.lookup(surface)
        if found:
            return found
        key = _key(surface)
        if not key:
            return None
        kinds = _GENERIC_KINDS.get(key[-1])
        if not kinds:
            return None
        # An actor named with the same head noun ("the army" → "Pakistan Army") beats one
        # that is only of the same kind ("the army" is not the "Frontier Corps").
        named: Counter[str] = Counter()
        of_kind: Counter[str] = Counter()
        first_seen: dict[str, int] = {}
        head = " ".join(key)
        for mention in self.find_mentions(text):
            actor = self._actors[mention.actor_id]
            names = [" ".join(_key(n)) for n in [actor.name, *actor.aliases]]
            if any(n.endswith(head) for n in names):
                named[actor.id] += 1
            elif actor.kind in kinds:
                of_kind[actor.id] += 1
            else:
                continue
            first_seen.setdefault(actor.id, mention.start)
        counts = named or of_kind
        if not counts:
            return None
        best = max(counts, key=lambda a: (counts[a], -first_seen[a]))
        return self._actors[best]

    # ----------------------------------------------------------------- sides

    def sides_in_phrase(self, phrase: str) -> list[str]:
        """Sides named in a phrase by actor aliases, demonyms or member nouns, in order."""
        tokens = _tokens(phrase)
        found: list[tuple[int, str]] = []
        covered: set[int] = set()
        for mention in self._scan(phrase, tokens, include_metonyms=True):
            side = self._actors[mention.actor_id].side
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
        return ordered

    def side_of_phrase(self, phrase: str) -> str | None:
        """The side a target phrase belongs to; None when none or when opposed sides mix."""
        sides = self.sides_in_phrase(phrase)
        if not sides:
            return None
        first = sides[0]
        if any(self.sides_opposed(first, other) for other in sides[1:]):
            return None
        return first

    def _is_population_only(self, phrase: str) -> bool:
        words = _key(phrase)
        return (
            bool(words)
            and words[-1:] in {k[-1:] for k in self._population}
            and not (set(words) & self._words.combatant_words)
        )


# --------------------------------------------------------------------- loading helpers


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ~10x faster


@lru_cache(maxsize=64)
def _read_yaml(path: Path, mtime: float) -> Any:
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_YAML_LOADER)  # CSafeLoader or SafeLoader
    except FileNotFoundError as exc:
        raise KnowledgeBaseError(f"{path}: knowledge-base file not found") from exc
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"{path}: not valid YAML: {exc}") from exc


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


@lru_cache(maxsize=8)
def _load_cached(keys: tuple[tuple[str, float], ...]) -> KnowledgeBase:
    shipped = sorted(p for p in data_path("actors").glob("*.yaml") if not p.name.startswith("_"))
    return _build([(p, False) for p in shipped] + [(Path(k), True) for k, _ in keys])


def _build(files: list[tuple[Path, bool]]) -> KnowledgeBase:
    actors: dict[str, Actor] = {}
    sides: dict[str, Side] = {NEUTRAL: Side(NEUTRAL, "Neutral")}
    origin: dict[str, Path] = {}
    extra: dict[str, Any] = {"people": {}, "metonyms": {}, "claimant": {}}
    raw_actors: list[tuple[Path, bool, dict[str, Any]]] = []
    for path, user in files:
        data = _read_yaml(path, _mtime(path))
        if data is None:
            continue
        if not isinstance(data, dict):
            raise KnowledgeBaseError(f"{path}: expected a mapping with 'actors' and/or 'sides'")
        unknown = set(data) - {"sides", "actors", "defaults"}
        if unknown:
            raise KnowledgeBaseError(
                f"{path}: unknown top-level key(s) {sorted(unknown)}; "
                "valid keys: actors, defaults, sides"
            )
        for number, raw in enumerate(data.get("sides") or [], 1):
            side = _parse_side(raw, f"{path}: side #{number}")
            if side.id in sides:
                side = _merge_sides(sides[side.id], side)
            sides[side.id] = side
        defaults = data.get("defaults") or {}
        if not isinstance(defaults, dict):
            raise KnowledgeBaseError(f"{path}: 'defaults' must be a mapping")
        for number, raw in enumerate(data.get("actors") or [], 1):
            if not isinstance(raw, dict):
                raise KnowledgeBaseError(f"{path}: actor #{number} must be a mapping")
            raw_actors.append((path, user, {**defaults, **raw, "_number": number}))
    for path, _user, raw in raw_actors:
        where = f"{path}: actor #{raw['_number']}" + (f" ({raw['id']})" if "id" in raw else "")
        actor = _parse_actor(raw, where, extra)
        if actor.id in actors:
            raise KnowledgeBaseError(
                f"{where}: duplicate actor id {actor.id!r} (already defined in {origin[actor.id]})"
            )
        actors[actor.id] = actor
        origin[actor.id] = path
    for path, _user, raw in raw_actors:
        actor_id = raw["id"]
        where = f"{path}: actor {actor_id!r}"
        actor = actors[actor_id]
        for ref_field, ref in (
            ("parent", actor.parent),
            ("claimant", extra["claimant"].get(actor_id)),
        ):
            if ref and ref not in actors:
                raise KnowledgeBaseError(f"{where}: unknown {ref_field} {ref!r}")
        if actor.side and actor.side not in sides:
            valid = ", ".join(sorted(sides))
            raise KnowledgeBaseError(
                f"{where}: unknown side {actor.side!r}; define it under 'sides' or use one "
                f"of: {valid}"
            )
    for side in sides.values():
        for adversary in side.adversaries:
            if adversary not in sides:
                raise KnowledgeBaseError(f"side {side.id!r}: unknown adversary side {adversary!r}")
    extra["index"] = _build_index(raw_actors, actors, sides, extra)
    extra["fingerprint"] = _fingerprint(path for path, _ in files)
    return KnowledgeBase(actors, sides, extra)


def _fingerprint(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(path.read_bytes())  # every file was read already by _read_yaml
    return digest.hexdigest()[:12]


def _parse_side(raw: Any, where: str) -> Side:
    if not isinstance(raw, dict):
        raise KnowledgeBaseError(f"{where}: must be a mapping")
    unknown = set(raw) - SIDE_FIELDS
    if unknown:
        raise KnowledgeBaseError(
            f"{where}: unknown field(s) {sorted(unknown)}; valid: {sorted(SIDE_FIELDS)}"
        )
    if not isinstance(raw.get("id"), str) or not raw["id"]:
        raise KnowledgeBaseError(f"{where}: missing field 'id'")
    return Side(
        id=raw["id"],
        name=str(raw.get("name") or raw["id"]),
        state=bool(raw.get("state", False)),
        names=_as_list(raw.get("names"), where, "names"),
        demonyms=_as_list(raw.get("demonyms"), where, "demonyms"),
        population=_as_list(raw.get("population"), where, "population"),
        members=_as_list(raw.get("members"), where, "members"),
        adversaries=_as_list(raw.get("adversaries"), where, "adversaries"),
    )


def _merge_sides(old: Side, new: Side) -> Side:
    def union(a: list[str], b: list[str]) -> list[str]:
        return a + [x for x in b if x not in a]

    return Side(
        id=old.id,
        name=old.name,
        state=old.state or new.state,
        names=union(old.names, new.names),
        demonyms=union(old.demonyms, new.demonyms),
        population=union(old.population, new.population),
        members=union(old.members, new.members),
        adversaries=union(old.adversaries, new.adversaries),
    )


def _parse_actor(raw: dict[str, Any], where: str, extra: dict[str, Any]) -> Actor:
    unknown = set(raw) - ACTOR_FIELDS - {"_number"}
    if unknown:
        raise KnowledgeBaseError(
            f"{where}: unknown field(s) {sorted(unknown)}; valid: {sorted(ACTOR_FIELDS)}"
        )
    for required in ("id", "name", "kind"):
        if not isinstance(raw.get(required), str) or not raw[required].strip():
            raise KnowledgeBaseError(f"{where}: missing field {required!r}")
    if not re.fullmatch(r"[a-z0-9][a-z0-9\-]*", raw["id"]):
        raise KnowledgeBaseError(
            f"{where}: id {raw['id']!r} must be a slug (lowercase letters, digits, hyphens)"
        )
    if raw["kind"] not in KINDS:
        raise KnowledgeBaseError(
            f"{where}: bad kind {raw['kind']!r}; valid kinds: {', '.join(KINDS)}"
        )
    country = raw.get("country")
    if country is not None and not (
        isinstance(country, str) and re.fullmatch(r"[A-Z]{2}", country)
    ):
        raise KnowledgeBaseError(f"{where}: country {country!r} must be an ISO 3166 alpha-2 code")
    people = _as_list(raw.get("people"), where, "people")
    extra["people"][raw["id"]] = people
    extra["metonyms"][raw["id"]] = _as_list(raw.get("metonyms"), where, "metonyms")
    if raw.get("claimant"):
        extra["claimant"][raw["id"]] = str(raw["claimant"])
    aliases = _as_list(raw.get("aliases"), where, "aliases")
    return Actor(
        id=raw["id"],
        name=raw["name"].strip(),
        kind=raw["kind"],
        side=raw.get("side"),
        parent=raw.get("parent"),
        aliases=[a for a in aliases + people if a != raw["name"]],
        country=country,
    )


def _variants(alias: str, side: Side | None) -> list[str]:
    """'Russian Defence Ministry' also as 'Russia Defence Ministry' ('Russia's ...')."""
    if side is None or not side.state:
        return []
    # Only the main demonym: "Russia-backed Defence Ministry" is not a variant.
    prefixes = side.demonyms[:1] + side.names
    out = []
    for prefix in prefixes:
        if alias.startswith(prefix + " "):
            rest = alias[len(prefix) :]
            out.extend(other + rest for other in prefixes if other != prefix)
    return out


def _build_index(
    raw_actors: list[tuple[Path, bool, dict[str, Any]]],
    actors: dict[str, Actor],
    sides: dict[str, Side],
    extra: dict[str, Any],
) -> dict[tuple[str, ...], list[_Entry]]:
    index: dict[tuple[str, ...], list[_Entry]] = {}
    owner: dict[tuple[str, ...], tuple[str, bool, Path]] = {}

    def add(
        alias: str, actor_id: str, path: Path, user: bool, *, metonym: bool, generated: bool
    ) -> None:
        key = _key(alias)
        if not key:
            return
        entry = _Entry(actor_id, alias, _case_mode(alias), metonym, generated)
        entries = index.setdefault(key, [])
        if any(e.actor_id == actor_id for e in entries):
            return
        if generated:
            entries.append(entry)  # generated variants never override a written alias
            return
        written = [e for e in entries if not e.generated]
        if written:
            first_actor, first_user, first_path = owner[key]
            if first_user == user:
                raise KnowledgeBaseError(
                    f"{path}: alias {alias!r} of {actor_id!r} is already an alias of "
                    f"{first_actor!r} ({first_path})"
                )
            # A user's file overrides the shipped meaning of an alias.
            entries[:] = [e for e in entries if e.generated]
        entries.insert(0, entry)
        owner[key] = (actor_id, user, path)

    for path, user, raw in raw_actors:
        actor = actors[raw["id"]]
        for alias in [actor.name, *actor.aliases]:
            add(alias, actor.id, path, user, metonym=False, generated=False)
        for alias in extra["metonyms"].get(actor.id, []):
            add(alias, actor.id, path, user, metonym=True, generated=False)
    for path, user, raw in raw_actors:
        actor = actors[raw["id"]]
        side = sides.get(actor.side or "")
        for alias in [actor.name, *actor.aliases]:
            for variant in _variants(alias, side):
                add(variant, actor.id, path, user, metonym=False, generated=True)
    return index


@lru_cache(maxsize=1)
def _load_target_words() -> _TargetWords:
    from counterclaim.lexicon import load_data

    data = load_data(TARGET_WORDS_FILE)

    def words(name: str) -> list[str]:
        value = data.get(name)
        if not isinstance(value, list):
            raise KnowledgeBaseError(f"{data_path(TARGET_WORDS_FILE)}: missing list {name!r}")
        return [" ".join(_key(str(v))) for v in value]

    civilians = words("civilians")
    return _TargetWords(
        civilians=frozenset(w for w in civilians if " " not in w),
        civilian_phrases=tuple(sorted((w for w in civilians if " " in w), key=len, reverse=True)),
        generic_people=frozenset(words("generic_people")),
        fighting_context=tuple(words("fighting_context")),
        state_forces=frozenset(words("state_forces")),
        irregulars=frozenset(words("irregulars")),
        group_members=frozenset(words("group_members")),
        own_markers=tuple(words("own_markers")),
        enemy_markers=frozenset(words("enemy_markers")),
        military_objects=frozenset(words("military_objects")),
        combatant_words=frozenset(
            words("state_forces") + words("irregulars") + words("group_members")
        ),
    )


_GENERIC_KINDS: dict[str, tuple[str, ...]] = {
    "army": ("state_military",),
    "military": ("state_military",),
    "forces": ("state_military", "armed_group"),
    "navy": ("state_military",),
    "ministry": ("ministry",),
    "government": ("government",),
    "authorities": ("government",),
    "administration": ("government",),
    "group": ("armed_group",),
    "rebels": ("armed_group",),
    "militia": ("armed_group",),
    "movement": ("armed_group",),
    "police": ("police",),
}

# --------------------------------------------------------------------- spokespersons

_SPOKES = r"(?:spokes(?:person|man|woman|people|men|women)|mouthpiece)"
_MODIFIER_WORDS = (
    "chief", "military", "official", "deputy", "senior", "main", "principal", "government",
    "press", "media", "army", "group", "militia", "movement", "regime", "junta",
)  # fmt: skip
_ROLE_MODIFIERS = rf"(?:(?:{'|'.join(_MODIFIER_WORDS)})\s+)*"
_TITLES = (
    r"(?:(?:Lieutenant|Lt\.?|Major|Maj\.?|Brigadier|Brig\.?|General|Gen\.?|Colonel|Col\.?|"
    r"Rear|Vice|Admiral|Adm\.?|Captain|Capt\.?|Commander|Cdr\.?|Sergeant|Sgt\.?|Dr\.?|Mr\.?|"
    r"Mrs\.?|Ms\.?|Mullah|Maulvi|Mawlawi|Sheikh|Shaikh|Brigadier-General|Lt-Gen|Maj-Gen|"
    r"Brig-Gen|Lt-Col|Ambassador|Minister)[\s\-]+)*"
)
_NAME_WORD = r"[A-Z][\w'’\-]*\w"
_NAME = (
    rf"{_NAME_WORD}(?:[ \t]+(?:(?:al|el|bin|ibn|bint|abu|de|del|van|von|da|dos|du)[ \t\-]+)?"
    rf"{_NAME_WORD}){{0,3}}"
)
_ORG_BEFORE = r"(?P<org>(?:[\w'’\-./]+[ \t]+){0,6}?[\w'’\-./]+?)(?:'s|’s|'|’)?"
_ORG_AFTER = r"(?P<org>[^,.;:\n()\"“”]{2,80})"

_SPOKES_PATTERNS: tuple[re.Pattern[str], ...] = (
    # "BLA spokesperson Azad Baloch", "the army's spokesman Lt Gen X"
    re.compile(rf"{_ORG_BEFORE}[ \t]+{_SPOKES}[ \t,]+{_TITLES}(?P<name>{_NAME})"),
    # "Jeeyand Baloch, spokesperson for the BLA" / "Yahya Saree, the Houthis' military spokesman"
    re.compile(
        rf"(?P<name>{_NAME}),[ \t]+(?:(?:a|an|the)[ \t]+)?{_ROLE_MODIFIERS}{_SPOKES}[ \t]+"
        rf"(?:for|of)[ \t]+{_ORG_AFTER}"
    ),
    re.compile(rf"(?P<name>{_NAME}),[ \t]+(?:the[ \t]+)?{_ORG_BEFORE}[ \t]+{_SPOKES}\b"),
    # "a spokesperson for the Balochistan government, Shahid Rind"
    re.compile(
        rf"\b{_ROLE_MODIFIERS}{_SPOKES}[ \t]+(?:for|of)[ \t]+{_ORG_AFTER},[ \t]+{_TITLES}"
        rf"(?P<name>{_NAME})"
    ),
)
_SPOKES_OF = re.compile(
    rf"^(?:(?:a|an|the)\s+)?{_ROLE_MODIFIERS}{_SPOKES}\s+(?:for|of)\s+(?P<org>.+)$", re.I
)
_SPOKES_AFTER = re.compile(
    rf"^(?P<org>.+?)(?:'s|’s|'|’)?\s+{_ROLE_MODIFIERS}{_SPOKES}(?:\s+.*)?$", re.I
)
_NOT_NAMES = {
    "the", "a", "an", "he", "she", "it", "they", "in", "on", "said", "says", "told",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "however", "meanwhile", "separately",
}  # fmt: skip


def _resolve_org(kb: KnowledgeBase, org: str, text: str, *, from_end: bool) -> Actor | None:
    """Longest run of words next to the role noun that names an actor.

    Role modifiers at the end ("the Houthi military", "Afghan government") are tried
    without them first, so that "military" does not fall back to whichever army the text
    mentions most, then with them ("the government" resolved from the text).
    """
    words = org.split()
    spans = range(len(words)) if from_end else range(len(words), 0, -1)
    for cut in spans:
        part_words = words[cut:] if from_end else words[:cut]
        stripped = list(part_words)
        while stripped and _key(stripped[-1])[-1:] in {(w,) for w in _MODIFIER_WORDS}:
            stripped.pop()
        for candidate in (stripped, part_words):
            if not candidate or not _key(" ".join(candidate)):
                continue
            actor = kb.resolve_in_context(" ".join(candidate), text)
            if actor:
                return actor
    return None


def _clean_name(kb: KnowledgeBase, name: str) -> str | None:
    words = name.split()
    while words and words[-1].lower() in _NOT_NAMES:
        words.pop()
    while words and words[0].lower() in _NOT_NAMES:
        words.pop(0)
    if not words:
        return None
    name = " ".join(words)
    if name.isupper() or _key(name) in kb._side_markers:
        return None  # an acronym or a country, not a person
    if kb.lookup(name) and name not in _all_people(kb):
        return None  # an organisation, not a person
    return name


@lru_cache(maxsize=4)
def _people_index(kb: KnowledgeBase) -> dict[tuple[str, ...], str]:
    return {_key(p): actor_id for actor_id, names in kb._people.items() for p in names}


def _all_people(kb: KnowledgeBase) -> set[str]:
    return {p for names in kb._people.values() for p in names}


def spokespersons(text: str, kb: KnowledgeBase) -> dict[str, str]:
    """Person names bound to the organisation they speak for in ``text`` (name → actor id).

    Names come from role patterns ("RSF spokesperson Al-Fateh Qurashi", "Yahya Saree, the
    Houthis' military spokesman") and from the knowledge base's known people. A bare surname
    used later in the text ("Mujahid said") maps to the same organisation, unless the surname
    is also a demonym or part of an actor's name ("Baloch").
    """
    found: dict[str, str] = {}
    for pattern in _SPOKES_PATTERNS:
        for match in pattern.finditer(text):
            name = _clean_name(kb, match.group("name"))
            if not name or name in found:
                continue
            # An organisation before the role noun ends next to it; one after starts there.
            org_before = pattern in (_SPOKES_PATTERNS[0], _SPOKES_PATTERNS[2])
            actor = _resolve_org(kb, match.group("org"), text, from_end=org_before)
            if actor:
                found[name] = actor.id
    people = _people_index(kb)
    for token_run in _name_runs(text):
        actor_id = people.get(_key(token_run))
        if actor_id and token_run not in found:
            found[token_run] = actor_id
    for name, actor_id in list(found.items()):
        parts = name.split()
        if len(parts) < 2:
            continue
        surname = parts[-1]
        if len(surname) < 3 or surname in found or _key(surname) in kb._side_markers:
            continue
        if kb.lookup(surname) is not None or _key(surname)[0] in kb._first_lengths:
            continue
        remainder = text.replace(name, "")
        if re.search(rf"\b{re.escape(surname)}\b", remainder):
            found[surname] = actor_id
    return found


def _name_runs(text: str) -> Iterable[str]:
    """Runs of capitalised words (candidate names), and their 2-word tails."""
    for match in re.finditer(_NAME, text):
        run = match.group()
        yield run
        words = run.split()
        for i in range(1, len(words) - 1):
            yield " ".join(words[i:])


# --------------------------------------------------------------------- targets


def _split_civilian_words(phrase: str) -> tuple[set[str], set[str]]:
    """(civilian terms found, remaining words): multi-word terms ("crew members") first,
    so their words ("members") are not read as combatant words."""
    words = _load_target_words()
    joined = " " + " ".join(_key(phrase)) + " "
    found: set[str] = set()
    for term in words.civilian_phrases:
        if f" {term} " in joined:
            found.add(term)
            joined = joined.replace(f" {term} ", " ")
    rest = set(joined.split())
    found |= rest & words.civilians
    return found, rest - words.civilians


def is_civilian_phrase(phrase: str) -> bool:
    """True when the phrase names non-combatants or civilian property (civilians,
    residents, passengers, crew members, people, a merchant ship...)."""
    found, _rest = _split_civilian_words(phrase)
    return bool(found)


def target_role(
    claimant_side: str | None,
    target_phrase: str,
    kb: KnowledgeBase,
    *,
    claimant_is_neutral: bool = False,
    category: str | None = None,
    context: str | None = None,
) -> str:
    """own / opponent / civilian / other for a target phrase, seen from the claimant.

    Follows ANNOTATION.md: civilians whoever the claimant; combatants counted by a neutral
    claimant are ``other``; possessives of the claimant ("its fighters") are ``own``; a
    phrase marked with the claimant's side is ``own`` and with another side ``opponent``;
    generic insurgent nouns from a state are ``opponent``. ``category`` lets things the
    claimant destroyed or seized count as the opponent's; ``context`` (the evidence
    sentence) lets "people killed in the fighting" be ``other``.
    """
    words = kb._words
    civilian_terms, rest = _split_civilian_words(target_phrase)
    # Past the civilian test, a bracketed gloss ("targets in Ukraine (drones launched by
    # Russia)") describes the target rather than naming whose it is.
    target_phrase = re.sub(r"\([^()]*\s[^()]*\)", " ", target_phrase)
    key = _key(target_phrase)
    joined = " " + " ".join(key) + " "
    word_set = rest
    if civilian_terms:
        if rest & words.combatant_words:
            return "other"  # "soldiers and civilians": the text does not split them
        if civilian_terms <= words.generic_people and context:
            # "people killed in the fighting" mixes combatants and civilians.
            lowered = " " + " ".join(_key(context)) + " "
            if any(f" {w}" in lowered for w in words.fighting_context):
                return "other"
        return "civilian"
    if claimant_is_neutral or claimant_side in (None, NEUTRAL):
        return "other"
    if any(f" {marker} " in joined for marker in words.own_markers):
        return "own"
    if word_set & words.enemy_markers:
        return "opponent"
    if kb._is_population_only(target_phrase):
        return "civilian"
    word_set = set(key) - civilian_terms
    sides = kb.sides_in_phrase(target_phrase)
    if sides:
        if all(side == claimant_side for side in sides):
            return "own"
        if claimant_side not in sides:
            return "opponent"
        return "other"
    state = kb.is_state_side(claimant_side)
    if word_set & words.irregulars:
        return "opponent" if state else "other"
    if word_set & words.group_members:
        return "opponent" if state else "own"
    if word_set & words.state_forces:
        return "own" if state else "opponent"
    if category in ("destroyed", "seized", "attacks") and (
        word_set & words.military_objects or category == "attacks"
    ):
        return "opponent"
    return "other"


# --------------------------------------------------------------------- alias conflicts

_BRACKETED = re.compile(r"\(\s*([A-Za-z][A-Za-z0-9/\-.]{1,11})\s*\)")


def find_alias_conflicts(text: str, kb: KnowledgeBase) -> list[AliasConflict]:
    """Expansions followed by a bracketed acronym that belongs to a different actor.

    "Balochistan Liberation Front (BLA)" names the BLF and gives the BLA's acronym; the
    pipeline flags the document instead of silently merging the two groups.
    """
    mentions = kb.find_mentions(text)
    by_end = {m.end: m for m in mentions}
    conflicts: list[AliasConflict] = []
    for match in _BRACKETED.finditer(text):
        before = text[: match.start()].rstrip()
        expansion = by_end.get(len(before))
        if expansion is None:
            continue
        acronym = match.group(1)
        entries = kb._index.get(_key(acronym))
        entry = kb._accept(entries, acronym, strict_case=True) if entries else None
        if entry is None or entry.actor_id == expansion.actor_id:
            continue
        related = {a.id for a in kb.ancestors(expansion.actor_id)} | {
            a.id for a in kb.ancestors(entry.actor_id)
        }
        if entry.actor_id in related or expansion.actor_id in related:
            continue
        if kb.claimant_actor(entry.actor_id).id == kb.claimant_actor(expansion.actor_id).id:
            continue
        conflicts.append(
            AliasConflict(
                surface=text[expansion.start : match.end()],
                start=expansion.start,
                end=match.end(),
                expansion=expansion.surface,
                expansion_actor_id=expansion.actor_id,
                acronym=acronym,
                acronym_actor_id=entry.actor_id,
            )
        )
    return conflicts
