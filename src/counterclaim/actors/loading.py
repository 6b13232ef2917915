"""Reading the knowledge base's YAML files: validation, sides, actors and the alias index.

Everything here runs once per set of files (the result is cached by
:meth:`KnowledgeBase.load <counterclaim.actors.knowledge_base.KnowledgeBase.load>`); it is
apart from the query code so that the schema checks and their error messages (one line
naming the file, the entry and the valid values) can be read in one place. The schema is
documented in ``data/actors/README.md``; the target-role vocabulary in
``data/actors/_target_words.yaml``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from counterclaim.actors.tokens import actor_words, token_key
from counterclaim.errors import KnowledgeBaseError
from counterclaim.lexicon import data_path, load_data
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
    "from",
    "until",
}
SIDE_FIELDS = {
    *("id", "name", "state", "names", "demonyms", "population", "members", "adversaries"),
    *("allies", "from", "until"),
}
# An entry may hold for a time only ("from", "until": dates): a state's government after a
# change of power, an insurgency that became the government. A knowledge base is built as
# of one date, and a report is resolved with the one of its date.
ERA_FIELDS = ("from", "until")
TARGET_WORDS_FILE = "actors/_target_words.yaml"
COUNTRIES_FILE = "actors/_countries.yaml"
COUNTRY_FIELDS = {"code", "name", "names", "demonyms", "population"}


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
    allies: list[str] = field(default_factory=list)  # sides that fight beside it


@dataclass(frozen=True)
class AliasEntry:
    actor_id: str
    alias: str
    case_mode: str  # "exact", "capital" or "any", see alias_case_mode
    metonym: bool
    generated: bool


@dataclass(frozen=True)
class TargetWords:
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
    prisoners: frozenset[str]
    civilian_property: frozenset[str]
    civilian_only_property: frozenset[str]
    seafarers: frozenset[str]
    warship_words: tuple[str, ...]
    military_marks: frozenset[str]
    ground: frozenset[str]
    fellows: frozenset[str]
    peacekeepers: tuple[str, ...]
    subset_openers: tuple[str, ...]
    deed_phrases: tuple[str, ...]


def alias_case_mode(alias: str) -> str:
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


def file_mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _era_date(value: Any, where: str, name: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise KnowledgeBaseError(
            f"{where}: {name!r} must be a date (YYYY-MM-DD), not {value!r}"
        ) from None


def _era(raw: dict[str, Any], where: str) -> tuple[date | None, date | None]:
    start, end = (_era_date(raw.get(name), where, name) for name in ERA_FIELDS)
    if start is not None and end is not None and start >= end:
        raise KnowledgeBaseError(f"{where}: 'from' {start} must come before 'until' {end}")
    return start, end


def _holds_on(raw: dict[str, Any], where: str, as_of: date) -> bool:
    start, end = _era(raw, where)
    return (start is None or start <= as_of) and (end is None or as_of < end)


def era_breakpoints(paths: Iterable[Path]) -> tuple[date, ...]:
    """Every date at which an entry of these files begins or ends to hold, in order."""
    found: set[date] = set()
    for path in paths:
        data = _read_yaml(path, file_mtime(path))
        if not isinstance(data, dict):
            continue
        for section in ("sides", "actors"):
            for number, raw in enumerate(data.get(section) or [], 1):
                if isinstance(raw, dict):
                    where = f"{path}: {section[:-1]} #{number}"
                    found.update(d for d in _era(raw, where) if d is not None)
    return tuple(sorted(found))


def build_knowledge(
    files: list[tuple[Path, bool]],
    as_of: date | None = None,
) -> tuple[dict[str, Actor], dict[str, Side], dict[str, Any]]:
    """Actors, sides and the extra tables (people, metonyms, claimants, alias index,
    fingerprint) read from ``files`` (path, written by the user?), validated, as they hold
    on ``as_of`` (default today). An actor out of its time keeps its id, name and side (a
    stored claim may name it) but no alias finds it; a side out of its time marks nothing."""
    as_of = as_of or date.today()
    actors: dict[str, Actor] = {}
    sides: dict[str, Side] = {NEUTRAL: Side(NEUTRAL, "Neutral")}
    dormant_sides: dict[str, Side] = {}
    origin: dict[str, Path] = {}
    side_origin: dict[str, Path] = {}  # the last file that declared or extended each side
    extra: dict[str, Any] = {"people": {}, "metonyms": {}, "claimant": {}}
    raw_actors: list[tuple[Path, bool, dict[str, Any]]] = []
    for path, user in files:
        data = _read_yaml(path, file_mtime(path))
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
            where = f"{path}: side #{number}"
            side = _parse_side(raw, where)
            if not _holds_on(raw, where, as_of):
                dormant_sides.setdefault(side.id, side)
                continue
            if side.id in sides:
                side = _merge_sides(sides[side.id], side)
            sides[side.id] = side
            side_origin[side.id] = path
        defaults = data.get("defaults") or {}
        if not isinstance(defaults, dict):
            raise KnowledgeBaseError(f"{path}: 'defaults' must be a mapping")
        for number, raw in enumerate(data.get("actors") or [], 1):
            if not isinstance(raw, dict):
                raise KnowledgeBaseError(f"{path}: actor #{number} must be a mapping")
            raw_actors.append((path, user, {**defaults, **raw, "_number": number}))
    for side_id, side in dormant_sides.items():
        if side_id not in sides:
            sides[side_id] = Side(
                side.id, side.name, side.state, adversaries=side.adversaries, allies=side.allies
            )
    current = [
        entry
        for entry in raw_actors
        if _holds_on(entry[2], f"{entry[0]}: actor #{entry[2]['_number']}", as_of)
    ]
    extra["country_sides"] = _add_country_sides(sides, current)
    current_ids = {id(entry[2]) for entry in current}
    for path, _user, raw in raw_actors:
        where = f"{path}: actor #{raw['_number']}" + (f" ({raw['id']})" if "id" in raw else "")
        actor = _parse_actor(raw, where, extra)
        if id(raw) not in current_ids:
            extra["people"][actor.id] = []
            extra["metonyms"][actor.id] = []
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
        where = f"side {side.id!r}"
        if side.id in side_origin:
            where = f"{side_origin[side.id]}: {where}"
        for adversary in side.adversaries:
            if adversary not in sides:
                raise KnowledgeBaseError(f"{where}: unknown adversary side {adversary!r}")
        for ally in side.allies:
            if ally not in sides:
                raise KnowledgeBaseError(f"{where}: unknown ally side {ally!r}")
            if ally in side.adversaries or side.id in sides[ally].adversaries:
                raise KnowledgeBaseError(f"{where}: {ally!r} is both an ally and an adversary")
    extra["index"] = _build_index(current, actors, sides, extra)
    extra["current"] = frozenset(str(raw["id"]) for _path, _user, raw in current)
    extra["fingerprint"] = _fingerprint([data_path(COUNTRIES_FILE), *(path for path, _ in files)])
    return actors, sides, extra


@dataclass(frozen=True)
class Country:
    """An entry of ``_countries.yaml``: a state or territory and the words that name it."""

    code: str
    name: str
    names: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    population: list[str] = field(default_factory=list)

    @property
    def side_id(self) -> str:
        return slug(self.name)


def slug(name: str) -> str:
    """'Sri Lanka' -> 'sri-lanka', 'Côte d'Ivoire' -> 'cote-d-ivoire'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


@lru_cache(maxsize=1)
def load_countries() -> tuple[Country, ...]:
    """The entries of ``data/actors/_countries.yaml``, validated."""
    where = data_path(COUNTRIES_FILE)
    data = load_data(COUNTRIES_FILE)
    entries = data.get("countries") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise KnowledgeBaseError(f"{where}: missing list 'countries'")
    out: list[Country] = []
    seen: set[str] = set()
    for number, raw in enumerate(entries, 1):
        at = f"{where}: country #{number}"
        if not isinstance(raw, dict):
            raise KnowledgeBaseError(f"{at}: must be a mapping")
        _reject_unknown_fields(raw, COUNTRY_FIELDS, at)
        code, name = raw.get("code"), raw.get("name")
        if not (isinstance(code, str) and re.fullmatch(r"[A-Z]{2}", code)):
            raise KnowledgeBaseError(f"{at}: code {code!r} must be an ISO 3166 alpha-2 code")
        if not isinstance(name, str) or not slug(name):
            raise KnowledgeBaseError(f"{at} ({code}): missing field 'name'")
        if code in seen:
            raise KnowledgeBaseError(f"{at}: duplicate code {code!r}")
        seen.add(code)
        out.append(
            Country(
                code=code,
                name=name,
                names=_as_list(raw.get("names"), at, "names"),
                demonyms=_as_list(raw.get("demonyms"), at, "demonyms"),
                population=_as_list(raw.get("population"), at, "population"),
            )
        )
    return tuple(out)


def _add_country_sides(
    sides: dict[str, Side], raw_actors: list[tuple[Path, bool, dict[str, Any]]]
) -> dict[str, str]:
    """Give every country of ``_countries.yaml`` a state side unless a declared one covers
    it (adds to ``sides``); returns country code -> side id for the countries known."""
    markers: dict[tuple[str, ...], str] = {}
    for side in sides.values():
        for word in side.names + side.demonyms:
            markers.setdefault(token_key(word), side.id)
    declared_codes: dict[str, str] = {}
    for _path, _user, raw in raw_actors:
        side = sides.get(str(raw.get("side") or ""))
        if isinstance(raw.get("country"), str) and side is not None and side.state:
            declared_codes.setdefault(raw["country"], side.id)
    country_sides: dict[str, str] = {}
    for country in load_countries():
        words = [country.name, *country.names, *country.demonyms]
        covering = next((markers[token_key(w)] for w in words if token_key(w) in markers), None)
        covering = covering or declared_codes.get(country.code)
        fallback = Side(
            id=country.side_id,
            name=country.name,
            state=True,
            names=[country.name, *country.names],
            demonyms=list(country.demonyms),
            population=list(country.population),
        )
        if covering is not None:
            if sides[covering].state:
                country_sides[country.code] = covering
            continue
        # A declared side with the country's id (a --kb file adding words to a country
        # that has no shipped side) keeps its own name and state; the entry's words join it.
        old = sides.get(country.side_id)
        sides[country.side_id] = _merge_sides(old, fallback) if old else fallback
        country_sides[country.code] = country.side_id
    return country_sides


def _fingerprint(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(path.read_bytes())  # every file was read already by _read_yaml
    return digest.hexdigest()[:12]


def _reject_unknown_fields(
    raw: dict[str, Any], allowed: Iterable[str], where: str, *, internal: Iterable[str] = ()
) -> None:
    """A file's entry may hold only the documented fields (and the loader's own)."""
    allowed = set(allowed)
    unknown = set(raw) - allowed - set(internal)
    if unknown:
        raise KnowledgeBaseError(
            f"{where}: unknown field(s) {sorted(unknown)}; valid: {sorted(allowed)}"
        )


def _parse_side(raw: Any, where: str) -> Side:
    if not isinstance(raw, dict):
        raise KnowledgeBaseError(f"{where}: must be a mapping")
    _reject_unknown_fields(raw, SIDE_FIELDS, where)
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
        allies=_as_list(raw.get("allies"), where, "allies"),
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
        allies=union(old.allies, new.allies),
    )


def _parse_actor(raw: dict[str, Any], where: str, extra: dict[str, Any]) -> Actor:
    _reject_unknown_fields(raw, ACTOR_FIELDS, where, internal={"_number"})
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
    """'Russian Defence Ministry' also as 'Russia Defence Ministry' ('Russia's ...'); 'UN
    human rights office' also as 'United Nations human rights office'."""
    spelled = _spelled_out(alias)
    if side is None or not side.state:
        return spelled
    # Only the main demonym: "Russia-backed Defence Ministry" is not a variant.
    prefixes = side.demonyms[:1] + side.names
    out = spelled
    for prefix in prefixes:
        if alias.startswith(prefix + " "):
            rest = alias[len(prefix) :]
            out.extend(other + rest for other in prefixes if other != prefix)
    return out


def _spelled_out(alias: str) -> list[str]:
    """An alias that starts with a short form (``name_abbreviations``), with each of the
    forms it stands for, and the other way round."""
    out: list[str] = []
    for short, longs in _abbreviations().items():
        forms = [short, *longs]
        for form in forms:
            if alias.startswith(form + " "):
                rest = alias[len(form) :]
                out.extend(other + rest for other in forms if other != form)
    return out


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, list[str]]:
    return {str(k): [str(v) for v in vs] for k, vs in actor_words("name_abbreviations").items()}


def _build_index(
    raw_actors: list[tuple[Path, bool, dict[str, Any]]],
    actors: dict[str, Actor],
    sides: dict[str, Side],
    extra: dict[str, Any],
) -> dict[tuple[str, ...], list[AliasEntry]]:
    index: dict[tuple[str, ...], list[AliasEntry]] = {}
    owner: dict[tuple[str, ...], tuple[str, bool, Path]] = {}

    def add(
        alias: str, actor_id: str, path: Path, user: bool, *, metonym: bool, generated: bool
    ) -> None:
        key = token_key(alias)
        if not key:
            return
        entry = AliasEntry(actor_id, alias, alias_case_mode(alias), metonym, generated)
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


def other_number(phrase: str) -> str:
    """The phrase with its last word in the other grammatical number, by the regular
    English endings ("soldiers" → "soldier", "gunman" → "gunmen", "militia" → "militias")."""
    head, _, last = phrase.rpartition(" ")
    if last.endswith("men"):
        other = last[:-3] + "man"
    elif last.endswith("man"):
        other = last[:-3] + "men"
    elif last.endswith("ies") and len(last) > 4:
        other = last[:-3] + "y"
    elif last.endswith("y") and last[-2:-1] not in ("a", "e", "i", "o", "u"):
        other = last[:-1] + "ies"
    elif last.endswith(("sses", "shes", "ches", "xes", "uses")):
        other = last[:-2]
    elif last.endswith("s") and not last.endswith(("ss", "us")):
        other = last[:-1]
    elif last.endswith(("ss", "sh", "ch", "x", "us")):
        other = last + "es"
    else:
        other = last + "s"
    return f"{head} {other}" if head else other


# Every role decision asks for the word lists (thousands of calls a batch): built once.
@lru_cache(maxsize=1)
def load_target_words() -> TargetWords:
    data = load_data(TARGET_WORDS_FILE)

    def words(name: str) -> list[str]:
        value = data.get(name)
        if not isinstance(value, list):
            raise KnowledgeBaseError(f"{data_path(TARGET_WORDS_FILE)}: missing list {name!r}")
        return [" ".join(token_key(str(v))) for v in value]

    def people(name: str) -> list[str]:
        # a list of people or things names each in one number or both; the other is read
        # as well ("one marine" as "marines", "two schoolgirls" as "schoolgirl")
        return list(dict.fromkeys(form for w in words(name) for form in (w, other_number(w))))

    civilians = people("civilians")
    return TargetWords(
        civilians=frozenset(w for w in civilians if " " not in w),
        civilian_phrases=tuple(sorted((w for w in civilians if " " in w), key=len, reverse=True)),
        generic_people=frozenset(words("generic_people")),
        fighting_context=tuple(words("fighting_context")),
        state_forces=frozenset(people("state_forces")),
        irregulars=frozenset(people("irregulars")),
        group_members=frozenset(words("group_members")),
        own_markers=tuple(words("own_markers")),
        enemy_markers=frozenset(words("enemy_markers")),
        military_objects=frozenset(words("military_objects")),
        combatant_words=frozenset(
            people("state_forces") + people("irregulars") + words("group_members")
        ),
        prisoners=frozenset(people("prisoners")),
        civilian_property=frozenset(people("civilian_property")),
        civilian_only_property=frozenset(people("civilian_only_property")),
        seafarers=frozenset(people("seafarers")),
        warship_words=tuple(words("warship_words")),
        military_marks=frozenset(words("military_marks")),
        ground=frozenset(words("ground")),
        fellows=frozenset(words("fellows")),
        peacekeepers=tuple(words("peacekeepers")),
        subset_openers=tuple(words("subset_openers")),
        deed_phrases=tuple(words("deed_phrases")),
    )
