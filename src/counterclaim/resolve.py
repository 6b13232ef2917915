"""Stage 4, resolve: raw extractions → Claims with actors, sides, places and dates.

- claimants: the attribution's surface (or the organisation a pronoun, "the statement" or
  a spokesperson stands for) looked up in the actor knowledge base; the claim carries the
  canonical short name and every surface form of that actor in the text;
- ``target_role`` from the claimant's side and the target phrase (``actors.target_role``),
  with the direction of attacks taken from who attacked;
- places from the evidence sentence, resolved in the document's country;
- the event date from the date expressions around the evidence and the publication date;
- hedging from the sentence, from rejections of a party's figures, and from denials;
- one claim per figure: repeats by the same claimant, and the outlet's own restatement of
  an attributed figure, collapse into the first attributed mention.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from itertools import pairwise
from types import EllipsisType
from urllib.parse import urlsplit

from counterclaim import actors, dates, places
from counterclaim.actors.knowledge_base import (
    INSURGENT_NAME_WORDS,
    REGIONAL_RULERS,
    ROLE_NOUN_ALTERNATIVES,
    STATE_KINDS,
)
from counterclaim.actors.roles import load_target_words
from counterclaim.actors.tokens import actor_words, generic_kinds, token_key
from counterclaim.decide import BODY_NOUNS, EXCHANGED_BY_BOTH, collapse_repeats
from counterclaim.extract import Attribution, Extraction, lexicon
from counterclaim.extract.features import OWNED_BY_ITS_DOER
from counterclaim.extract.wordlists import names_a_neutral_voice
from counterclaim.model import REPORTER, Claim, ClaimantOption, Document, DocumentFlag, claim_id
from counterclaim.numbers import is_vague_word, parse_number

# Patterns of the helpers run for every claim and speaker, compiled once (a string pattern
# costs a cache lookup per call)
_LOWER_WORDS = re.compile(r"[a-z]+")
_HEAD_WORDS = re.compile(r"[\w-]+")
_DIGIT = re.compile(r"\d")
# a minister heads a ministry; a prime, chief or first minister heads a government
_MINISTER_AT_END = re.compile(r"\b(?<!prime )(?<!chief )(?<!first )minister$", re.IGNORECASE)
_OWNER_BEFORE = re.compile(r"^[\w.-]+(?:\s[\w.-]+)?['’]s\s+")
_DESCRIBED_BESIDE = re.compile(r"(?:,|\s+(?=[A-Z]))[^,.;:()\n\"“”]*?(?=,|\s+[a-z]|$)")
# "its aircraft", "our forces"; and a spokesperson's "his group", "her forces": the speaker's
_COLLECTIVE_OWNER = re.compile(
    r"(?:its|our|their)\s|(?:his|her)\s+(?:group|movement|organi[sz]ation|forces|fighters|men|"
    r"troops|militia)\b",
    re.IGNORECASE,
)

MERCHANT_VESSELS = re.compile(
    r"\b(?:ship|vessel|bulk carrier|cargo|freighter|tanker|merchant|carrier ship|seafarers?|"
    r"crew(?:men| members?)?|seam[ae]n|sailors?)\b",
    re.IGNORECASE,
)
# Words only a merchant ship goes by: a report that uses none is about no merchant ship
_MERCHANT_ONLY = re.compile(
    r"\b(?:bulk carrier|cargo|freighter|tanker|merchant|container ship|commercial (?:ship|"
    r"vessel)|carrier ship|ferry)\b",
    re.IGNORECASE,
)
_WARSHIP = re.compile(
    r"\b(?:warship|frigate|destroyer|corvette|navy|naval|submarine)\b", re.IGNORECASE
)


def _merchant_vessel(phrase: str) -> bool:
    return bool(MERCHANT_VESSELS.search(phrase)) and not _WARSHIP.search(phrase)


# The paragraphs of a report's lead: what the report is about
LEAD_PARAGRAPHS = 3


@dataclass
class DocumentContext:
    """What resolving one document's claims needs to know about the whole document."""

    doc: Document
    kb: actors.KnowledgeBase
    mentions: list[actors.ActorMention]
    speakers: dict[str, str]  # person name → actor id
    country: str | None
    main_date: str | None
    countries: tuple[str, ...] = ()  # every country the text names, most named first
    # the place entities the tagger found in the claims' sentences ("camp in Boulkessi",
    # which the gazetteer lacks): a claim without a place of its own may take the lead's
    tagged_places: tuple[str, ...] = ()
    claimants: list[actors.Actor] = field(default_factory=list)  # resolved so far, in order
    surfaces_by_actor: dict[str, list[str]] | None = None  # built by _aliases_of
    # A named speaker resolves the same way for every claim and option that names it
    named_claimants: dict[tuple[object, ...], tuple[str, list[str], actors.Actor | None]] = field(
        default_factory=dict
    )
    warship_story: bool | None = None  # see about_a_warship: found on first use
    fighting_story: bool | None = None  # see lead_tells_of_fighting: found on first use
    # the places named before a speaker, by the speaker's offset (see places_before)
    places_by_offset: dict[int, list[places.PlaceMention]] = field(default_factory=dict)
    acronyms_given: dict[str, str] | None = None  # see acronym_given: found on first use

    def acronym_given(self, surface: str) -> actors.Actor | None:
        """The actor the text itself gives an acronym to, where the knowledge base gives it
        to another ("the Armed Forces of the Philippines (AFP)" ... "the AFP said": the
        army, not the news agency); the document is flagged for the clash as well."""
        if self.acronyms_given is None:
            # (unless the text also names the acronym's own actor in full: "the Baloch
            # Liberation Army (BLA)" and later "the Balochistan Liberation Front (BLA)" is a
            # slip of the writer's, flagged, and "the BLA" stays the BLA)
            named_in_full = {m.actor_id for m in self.mentions if not m.surface.isupper()}
            self.acronyms_given = {
                c.acronym: c.expansion_actor_id
                for c in actors.find_alias_conflicts(self.doc.text, self.kb, self.mentions)
                if c.acronym_actor_id not in named_in_full
            }
        given = self.acronyms_given.get(_without_article(surface).strip())
        return self.kb.claimant_actor(given) if given is not None else None

    def places_before(self, position: int) -> list[places.PlaceMention]:
        """The places the text names before an offset (the whole text for an unknown one),
        found once per speaker for every lookup of "the city's", "the mayor", "the state
        government" that asks."""
        end = position if position > 0 else len(self.doc.text)
        found = self.places_by_offset.get(end)
        if found is None:
            found = places.find_place_names(self.doc.text[:end], self.country)
            self.places_by_offset[end] = found
        return found

    def place_names(self) -> tuple[str, ...]:
        """Every place the text names, as written and by its gazetteer name."""
        found = self.places_before(len(self.doc.text))
        return tuple(dict.fromkeys([m.surface for m in found] + [m.place.name for m in found]))

    def place_named_last(self, position: int, kind: str) -> str | None:
        """The last place of a kind named before an offset: "settlement" (a town or city),
        "division" (a region, or the one a town named is in: "Kharkiv" for "the regional
        governor" is Kharkiv region) or "any"."""
        names: list[str | None] = []
        for mention in self.places_before(position):
            country = mention.place.country_code
            if kind == "settlement" and not places.is_settlement(mention.surface, country):
                continue
            if kind == "division" and not places.is_division(mention.surface, country):
                names.append(mention.place.admin_area)
                continue
            names.append(mention.surface)
        named = [n for n in names if n]
        return named[-1] if named else None

    def about_a_warship(self) -> bool:
        """ "the Moskva sank ... 27 crew members went missing": the crew of the warship a
        report is about are its navy's, also where the paragraph names no warship."""
        if self.warship_story is None:
            text = self.doc.text
            self.warship_story = actors.names_a_warship(text) and not _MERCHANT_ONLY.search(text)
        return self.warship_story

    def lead_tells_of_fighting(self) -> bool:
        """Whether the report's first paragraphs tell of fighting or of a military target
        ("clashes on the border", "an attack on a military camp", ``fighting_context``):
        then the people its tolls count, where no sentence calls them civilians, mix
        combatants and civilians (ANNOTATION.md, ``other``)."""
        if self.fighting_story is None:
            body = self.doc.text[self.doc.body_start :]
            paragraphs = [p for p in body.split("\n") if p.strip()][:LEAD_PARAGRAPHS]
            self.fighting_story = actors.tells_of_fighting(" ".join(paragraphs))
        return self.fighting_story


def document_context(
    doc: Document,
    kb: actors.KnowledgeBase,
    mentions: Sequence[actors.ActorMention] | None = None,
    place_names: Sequence[str] = (),
    *,
    main_date: str | EllipsisType | None = ...,
) -> DocumentContext:
    """What resolving a document's claims needs; ``place_names``: the places the parser
    found in its claims' sentences, for a report that names no country; ``main_date``: the
    main event's date when the caller found it (``...``: find it here)."""
    text = doc.text
    if mentions is None:
        mentions = kb.find_mentions(text)
    body = text[doc.body_start :] or text
    countries = places.country_context(body)
    if not countries:
        # A report that names no country is about where it was filed ("LUSAKA - Police
        # said ..."), else where its places are ("police in Quetta said")
        dateline = places.dateline_country(body)
        countries = [dateline] if dateline else []
    elif (
        doc.body_start
        and (dateline := places.dateline_country(body))
        and dateline != countries[0]
        and dateline in places.country_context(text[: doc.body_start])
    ):
        # "Attacks in Burkina Faso kill dozens / OUAGADOUGOU (Reuters) - ... near the border
        # with Niger": where the report was filed and what its headline names, together,
        # outweigh a neighbour its body names
        countries = [dateline, *(c for c in countries if c != dateline)]
    if not countries and doc.body_start:
        # else the country its headline names ("Philippines: army says 7 rebels killed")
        countries = places.country_context(text[: doc.body_start])
    if not countries:
        # else where its claims' places are ("police in Quetta said", "near Pattani"), and
        # last (the dearest way) where the towns its text names are
        guess = places.most_common_country(map(places.resolve, place_names))
        guess = guess or places.likely_country(body)
        countries = [guess] if guess else []
    # The whole text with its body's offset: date phrases are found once per document,
    # for this and for every claim's date
    if main_date is ...:
        main_date = dates.main_event_date(text, doc.published, body_start=doc.body_start)
    country = countries[0] if countries else None
    return DocumentContext(
        doc=doc,
        kb=kb,
        mentions=[m for m in mentions if not _dateline_credit(text, m)],
        speakers=actors.spokespersons(text, kb, country),
        country=country,
        main_date=main_date,
        countries=tuple(countries),
        tagged_places=tuple(dict.fromkeys(place_names)),
    )


def _dateline_credit(text: str, mention: actors.ActorMention) -> bool:
    """ "SRINAGAR, India (AA) –": an agency's credit, not the Arakan Army."""
    return bool(
        text[mention.start - 1 : mention.start] == "("
        and re.match(r"\)\s*[–—:-]", text[mention.end : mention.end + 4])
    )


def document_flags(
    doc: Document,
    kb: actors.KnowledgeBase,
    mentions: Sequence[actors.ActorMention] | None = None,
) -> list[DocumentFlag]:
    """What an analyst should check in this document: acronyms that contradict the name
    they follow are flagged here rather than silently merged into one actor."""
    flags = []
    for conflict in actors.find_alias_conflicts(doc.text, kb, mentions):
        expansion = kb.actor(conflict.expansion_actor_id)
        acronym = kb.actor(conflict.acronym_actor_id)
        flags.append(
            DocumentFlag(
                kind="alias_conflict",
                surface=conflict.surface,
                start=conflict.start,
                end=conflict.end,
                message=(
                    f"{conflict.expansion!r} names {_described(expansion)} but "
                    f"{conflict.acronym!r} stands for {_described(acronym)}: check which is meant"
                ),
                actors=(expansion.id, acronym.id),
            )
        )
    return flags


def _described(actor: actors.Actor) -> str:
    spelled_out = next((a for a in actor.aliases if " " in a and not a.isupper()), None)
    if spelled_out is None or spelled_out == actor.name:
        return actor.name
    return f"{actor.name} ({spelled_out})"


def resolve_document(
    doc: Document,
    extractions: Sequence[Extraction],
    kb: actors.KnowledgeBase,
    *,
    with_options: bool = True,
) -> tuple[list[Claim], list[DocumentFlag]]:
    """A document's resolved claims and its flags, from one scan of its actor mentions;
    ``with_options``: each claim's other possible claimants too (for training and for a
    model that chooses the claimant)."""
    kb, main_date = knowledge_of_its_time(doc, kb)
    mentions = kb.find_mentions(doc.text)
    claims = resolve_claims(
        doc, extractions, kb, mentions=mentions, with_options=with_options, main_date=main_date
    )
    return claims, document_flags(doc, kb, mentions)


def knowledge_of_its_time(
    doc: Document, kb: actors.KnowledgeBase
) -> tuple[actors.KnowledgeBase, str | EllipsisType | None]:
    """The knowledge base as it held on the day a report speaks of (``report_time``; where
    that finds none, the time of the parties the report names: ``era_named_in``), and the
    main event's date when finding the day took it."""
    day, main_date = report_time(doc)
    return kb.as_of(day or kb.era_named_in(doc.text)), main_date


def report_time(doc: Document) -> tuple[date | None, str | EllipsisType | None]:
    """The day a report speaks of, to read it with the knowledge of its time (its
    publication date, else the date of its main event when the text gives a year), and that
    main event's date when finding the day took it (else ``...``: not looked for yet)."""
    if doc.published is not None:
        return doc.published, ...
    found = dates.main_event_date(doc.text, None, body_start=doc.body_start)
    try:
        return (date.fromisoformat(found[:10]) if found else None), found
    except ValueError:
        return None, found


def resolve_claims(
    doc: Document,
    extractions: Sequence[Extraction],
    kb: actors.KnowledgeBase,
    *,
    mentions: Sequence[actors.ActorMention] | None = None,
    with_options: bool = True,
    main_date: str | EllipsisType | None = ...,
) -> list[Claim]:
    """The resolved, de-duplicated claims of one document (``mentions``: the text's actor
    mentions, when the caller has found them already with the knowledge base of the
    report's time; ``main_date``: its main event's date, when found already)."""
    if not extractions:
        return []
    if mentions is None:
        kb, main_date = knowledge_of_its_time(doc, kb)
    places_named = [name for e in extractions for name in e.places]
    ctx = document_context(doc, kb, mentions, places_named, main_date=main_date)
    claims = []
    resolved: list[tuple[Extraction, Claim]] = []
    for e in extractions:
        parties = _parties_speaking_jointly(ctx, e)
        for credited in parties or [e]:
            claim = _resolve_one(ctx, credited, jointly=bool(parties), with_options=with_options)
            if claim.claimant_actor is not None:
                ctx.claimants.append(kb.actor(claim.claimant_actor))
            claims.append(claim)
            resolved.append((credited, claim))
    _others_share_their_role(doc.text, resolved)
    _attacks_of_one_attacker(kb, resolved)
    _apply_rejections(ctx, claims)
    _apply_denials(claims)
    unique: dict[str, Claim] = {}
    for claim in collapse_repeats(claims):
        unique.setdefault(claim.id, claim)
    _name_descriptions_named_later(list(unique.values()))
    _share_aliases(list(unique.values()))
    return list(unique.values())


def _name_descriptions_named_later(claims: list[Claim]) -> None:
    """ "Gunmen killed 12 people, state prosecutors said" and later "the Guanajuato state
    prosecutor's office said": a description in lower case of a body the knowledge base does
    not know is the body the text names in full after it, when that name holds the
    description's words (the head noun in either number). A description of an organisation
    by what it does ("a doctors' group", "a rights group": ``organisation_refs``) is the one
    named after it whose name holds those words ("the Sudan Doctors Network"), known or not.
    One body is one column."""
    # the names in full, each with its words as keys both numbers share
    named = [
        (c, [_singular(re.sub(r"['’]s?$", "", w.lower())) for w in c.claimant.split()])
        for c in claims
        if c.claimant != REPORTER and any(w[:1].isupper() for w in c.claimant.split())
    ]
    for claim in claims:
        if claim.claimant_actor is not None or claim.claimant == REPORTER:
            continue
        words = _without_article(claim.claimant).split()
        if len(words) < 2 or any(not w.islower() for w in words):
            continue
        wanted = [*words[:-1], _singular(words[-1])]
        what_it_does = _what_an_organisation_does(words)
        for later, their in named:
            if later.span_start <= claim.span_start:
                continue
            known = later.claimant_actor is not None
            if (not known and _holds_in_order(their, wanted)) or (
                what_it_does and _holds_in_order(their, what_it_does)
            ):
                aliases = [claim.claimant, *claim.claimant_aliases]
                claim.claimant = later.claimant
                claim.claimant_actor = later.claimant_actor
                claim.claimant_aliases = _unique([*later.claimant_aliases, *aliases])
                break


# Words of an organisation's description that say nothing of what it does
_ANY_ORGANISATION = frozenset({"local", "international", "independent", "same", "civil"})


def _what_an_organisation_does(words: list[str]) -> list[str]:
    """The words of "doctors' group", "rights group" that name what it does (``doctor``,
    ``right``), as name keys; none unless the description is one of ``organisation_refs``."""
    lex = lexicon()
    if _singular(words[-1]) not in _organisation_heads():
        return []
    modifiers = [re.sub(r"['’]s?$", "", w) for w in words[:-1]]
    if not modifiers or not all(
        m in lex.organisation_modifiers or f"{m}s" in lex.organisation_modifiers for m in modifiers
    ):
        return []
    return [_singular(m) for m in modifiers if m not in _ANY_ORGANISATION]


@lru_cache(maxsize=1)
def _organisation_heads() -> frozenset[str]:
    """``organisation_refs``' heads as keys both numbers share ("group", "groups")."""
    return frozenset(_singular(head) for head in lexicon().organisation_heads)


def _singular(word: str) -> str:
    """A key both numbers of a noun share ("authorities", "authority"; "prosecutors",
    "prosecutor's")."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _holds_in_order(words: list[str], wanted: list[str]) -> bool:
    """Whether ``wanted`` is a run of consecutive words of ``words``."""
    n = len(wanted)
    return any(words[i : i + n] == wanted for i in range(len(words) - n + 1))


def _share_aliases(claims: list[Claim]) -> None:
    """Every name the text gives a claimant, on each of its claims (ANNOTATION.md: the
    aliases are every surface form in the text that refers to the claimant): "the police"
    of one paragraph and "DSP Alfred Alabo" of another are one actor's."""
    names: dict[str, list[str]] = {}
    for claim in claims:
        if claim.claimant_actor is not None:
            known = names.setdefault(claim.claimant_actor, [])
            known.extend(a for a in claim.claimant_aliases if a not in known)
    for claim in claims:
        if claim.claimant_actor is not None:
            claim.claimant_aliases = list(names[claim.claimant_actor])


# -- claimants ------------------------------------------------------------------------------
def _parties_speaking_jointly(ctx: DocumentContext, e: Extraction) -> list[Extraction]:
    """ "Both sides said they had each freed 270 soldiers": the figure once per party, each
    credited to the actor that speaks for its side in the text (the one credited before,
    else the one named most), when the text names two parties; else none."""
    surface = _without_article((e.attribution.surface or "").strip()).lower()
    if surface not in lexicon().joint_speakers:
        return []
    named = _parties_named(ctx)
    if len(named) < 2:
        return []
    sides = sorted(named, key=lambda side: -len(named[side]))[:2]
    credited = []
    for side in sides:
        earlier = next((a for a in reversed(ctx.claimants) if a.side == side), None)
        voice = earlier or _most_named(ctx, named[side])
        who = Attribution(voice.name, "named", e.attribution.start, [])
        credited.append(replace(e, attribution=who))
    return credited


def _parties_named(ctx: DocumentContext) -> dict[str, list[actors.Actor]]:
    """The actors of each party side the text names (outlets and neutral voices aside)."""
    kb = ctx.kb
    named: dict[str, list[actors.Actor]] = {}
    for mention in ctx.mentions:
        actor = kb.actor(mention.actor_id)
        if actor.side and actor.kind != "outlet" and not kb.is_neutral(actor.id):
            named.setdefault(actor.side, []).append(actor)
    return named


def _most_named(ctx: DocumentContext, named: list[actors.Actor]) -> actors.Actor:
    """Of a side's actors the text names, the one it names most."""
    return ctx.kb.actor(Counter(a.id for a in named).most_common(1)[0][0])


def _actor_for_surface(ctx: DocumentContext, surface: str, start: int) -> actors.Actor | None:
    kb = ctx.kb
    surface = _without_the_doer(surface)
    found = ctx.acronym_given(surface) or kb.lookup(surface)
    if found is not None and ctx.country is not None:
        found = kb.national_counterpart(found, ctx.country, surface) or found
        if _foreign_by_description(ctx, found, surface):
            found = None
    if found is None:
        for name, actor_id in ctx.speakers.items():
            # a name the surface continues with a capitalised word of its own ("Sani
            # Abdullahi", after a governor "Uba Sani") is another person's
            if name and re.search(
                rf"\b{re.escape(name)}\b(?!\s+[A-Z][a-z])", surface, re.IGNORECASE
            ):
                return kb.claimant_actor(actor_id)
    # "X, Iran's UN envoy": the envoy's description may follow the name
    envoy = next(filter(None, (_ENVOY.match(p.strip()) for p in surface.split(","))), None)
    if found is None and envoy is not None:
        # "Iran's envoy to the United Nations" speaks for Iran, not for the UN
        side = kb.side_of_phrase(envoy.group("owner"))
        found = kb.government_of(side) if side is not None else None
    if found is None:
        # A bare demonym inside ("a Malian security source") names a side, not the actor
        inner = [m for m in kb.find_mentions(surface) if not kb.is_side_marker(m.surface)]
        if inner:
            # The longest named organisation inside the phrase ("Pakistan's Interior
            # Minister Mohsin Naqvi" → the minister's ministry)
            best = max(inner, key=lambda m: m.end - m.start)
            found = kb.actor(best.actor_id)
            if found is not None and ctx.country is not None:
                # "the Inter Services Public Relations (ISPR)" in a report on Bangladesh
                found = kb.national_counterpart(found, ctx.country, surface) or found
    if found is None:
        found = kb.resolve_in_context(
            surface,
            "",
            ctx.country,
            mentions=_mentions_before(ctx, start),
            places=ctx.place_names,
        )
    if found is None:
        seated = _SEATED_IN.match(surface)
        place = places.resolve(seated.group("place")) if seated is not None else None
        if seated is not None and place is not None and place.country_code:
            # "the Defence Ministry in Moscow" is the ministry of the country Moscow is in
            found = kb.resolve_in_context(seated.group("institution"), "", place.country_code)
    if found is None and ctx.country and core_name(surface).lower() in _RULERS:
        # "the junta spokesman", "the regime": the government of the report's country
        side = kb.state_side(ctx.country)
        found = kb.government_of(side) if side is not None else None
    if found is None:
        found = _whole_side(ctx, surface) or _seated_in_capital(kb, surface)
    if found is None and _names_a_state(kb, surface):
        # A country standing for its government ("Russia said ...", "Malian officials")
        side = kb.side_of_phrase(surface)
        if side is not None:
            found = kb.government_of(side)
    if found is None:
        # "Tuareg rebels said": the movement's one armed group speaks for its members
        found = kb.group_named_by_its_members(_without_article(surface))
    if found is None and (where := _WHERE_THEY_ARE.match(surface)) is not None:
        # "Tuareg-led rebels in northern Mali": who they are, not where
        return _actor_for_surface(ctx, where.group("who"), start)
    return kb.claimant_actor(found.id) if found is not None else None


# A speaker's description followed by where they are ("rebels in northern Mali")
_WHERE_THEY_ARE = re.compile(
    r"^(?P<who>.+?)\s+(?:in|from|near|across)\s+(?:the\s+)?(?:[a-z-]+ern\s+)?[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+)*$"
)


def _without_the_doer(surface: str) -> str:
    """ "Survivors of an airstrike by Myanmar's military", "relatives of those killed by the
    RSF": whoever a witness's phrase names as the doer, after "by", is not who speaks (a
    statement's "by", "a statement issued by the army", is)."""
    words = _without_article(surface).split()
    if not words or words[0].lower() not in lexicon().neutral_voices:
        return surface
    return re.split(r"\s+by\s+", surface, maxsplit=1)[0]


_SEATED_IN = re.compile(
    r"^(?:the\s+)?(?P<institution>[\w .'’-]+?)\s+in\s+(?P<place>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)$"
)
# A party as a whole, named by its side ("the Azerbaijani side", "the Russian party")
_WHOLE_SIDE = re.compile(r"^(?:the\s+)?(?P<owner>[\w'’ -]+?)\s+(?:side|party)$", re.IGNORECASE)
# ... and a head of state or government, who speaks for it
_RULERS = frozenset(str(w) for w in actor_words("rulers"))


def _whole_side(ctx: DocumentContext, surface: str) -> actors.Actor | None:
    """ "the Azerbaijani side": the actor of that side the report names most, else its
    government (not the one credited last: a speaker resolves the same way for every claim
    that names it, whatever the order they are resolved in)."""
    whole_side = _WHOLE_SIDE.match(surface.strip())
    side = ctx.kb.side_of_phrase(whole_side.group("owner")) if whole_side else None
    if side is None:
        return None
    named = _parties_named(ctx).get(side)
    return _most_named(ctx, named) if named else ctx.kb.government_of(side)


def _seated_in_capital(kb: actors.KnowledgeBase, surface: str) -> actors.Actor | None:
    """ "Yerevan said ...": a capital standing for the government seated there."""
    capital = places.capital_country(_without_article(surface).strip())
    side = kb.state_side(capital) if capital is not None else None
    return kb.government_of(side) if side is not None else None


def _foreign_by_description(ctx: DocumentContext, actor: actors.Actor, surface: str) -> bool:
    """ "the junta spokesman" in a report on Mali is not Myanmar's junta: a description in
    common nouns names no actor of another country than the report's."""
    if actor.country is None or actor.country == ctx.country:
        return False
    words = _without_article(surface).split()
    return (
        bool(words)
        and not any(w[:1].isupper() for w in words)
        and not ctx.kb.sides_in_phrase(surface)
    )


def _last_actor_before(ctx: DocumentContext, offset: int) -> tuple[actors.Actor, str] | None:
    kb = ctx.kb
    best = None
    for mention in ctx.mentions:
        if mention.start >= offset:
            break
        actor = kb.actor(mention.actor_id)
        if actor.kind in ("outlet",):
            continue
        best = (kb.claimant_actor(actor.id), mention.surface)
    for name, actor_id in ctx.speakers.items():
        pos = ctx.doc.text.rfind(name, 0, offset)
        if pos >= 0 and best is not None:
            last_org = max((m.start for m in ctx.mentions if m.start < offset), default=-1)
            if pos > last_org:
                best = (kb.claimant_actor(actor_id), name)
    return best


_ENVOY = re.compile(
    r"^(?:the\s+)?(?P<owner>[\w .-]+?)['’]s?\s+(?:\w+\s+)?(?:envoy|ambassador|representative|"
    r"delegate|delegation|mission)\b",
    re.IGNORECASE,
)


def _mentions_before(ctx: DocumentContext, position: int) -> list[actors.ActorMention]:
    """The document's actor mentions before a position (all of them for position <= 0)."""
    if position <= 0:
        return ctx.mentions
    return [m for m in ctx.mentions if m.end <= position]


# "state media", "state-run", "government-owned", "official news agency"
_STATE_RUN = re.compile(
    r"\bstate\b|\b(?:official|government)[- ]"
    r"(?:run|owned|controlled|media|news|tv|television|radio|broadcaster)",
    re.IGNORECASE,
)


_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _without_article(text: str) -> str:
    return _ARTICLE.sub("", text)


def _names_a_state(kb: actors.KnowledgeBase, surface: str) -> bool:
    words = _without_article(surface.strip()).split()
    while words and words[-1].lower() in lexicon().state_voices:
        words.pop()
    return bool(words) and len(words) <= 3 and kb.is_side_marker(" ".join(words))


def _aliases_of(ctx: DocumentContext, actor: actors.Actor) -> list[str]:
    """Every surface of the document that names the actor (its mentions, then its
    spokespersons), gathered for all actors at once on first use: per claim, this walked
    every mention of the document, the square of a long document's length."""
    if ctx.surfaces_by_actor is None:
        kb = ctx.kb
        by_actor: dict[str, list[str]] = {}
        named = [(m.surface, m.actor_id) for m in ctx.mentions] + list(ctx.speakers.items())
        for surface, actor_id in named:
            surfaces = by_actor.setdefault(kb.claimant_actor(actor_id).id, [])
            if surface not in surfaces:
                surfaces.append(surface)
        ctx.surfaces_by_actor = by_actor
    return list(ctx.surfaces_by_actor.get(actor.id, ()))


_DESCRIPTION = re.compile(
    r",|\s(?:who|which|whose|speaking|citing|quoted)\b|\s\((?!\w+\))", re.IGNORECASE
)
_PERSON_AFTER_TITLE = re.compile(
    r"\b(?i:(minister|ministry|spokes(?:man|woman|person)|commander|governor|chief|official|"
    r"officer|general|colonel|brigadier|lt\.?|lieutenant))\s+(?:[A-Z][\w.'’-]*\s*)+$"
)
_OFFICE_RANKS = frozenset(str(w) for w in actor_words("office_ranks"))
_RANKS = frozenset(("general", "colonel", "brigadier", "lieutenant", "lt", "officer", "commander"))
_ROLE_TAIL = re.compile(
    r"\s+(?:spokes(?:man|woman|person)|official|officials|source|sources|officer)"
    r"(?:\s+(?:in|for|at|of)\s+.*)?$",
    re.IGNORECASE,
)


def _without_count(phrase: str) -> str:
    """ "two Kenyan security officials" are Kenyan security officials, however many spoke."""
    first, _, rest = phrase.partition(" ")
    counted = first.isdigit() or is_vague_word(first.lower()) or parse_number(first) is not None
    # (a name, "Three Brotherhood Alliance", keeps its number; "both sides" are two named)
    named = all(w[:1].isupper() for w in rest.split())
    if not counted or first.lower() == "both" or not rest[:1].isalpha() or named:
        return phrase
    return rest.removeprefix("of ")  # "dozens of residents"


# "Police in Quetta", "police in Jharkhand's West Singhbhum district": a local police force
# named by where it serves (its place's words: a capitalised name, its kind word after it)
_POLICE_OF_A_PLACE = re.compile(
    r"^(?:[Tt]he\s+)?(?P<body>[Pp]olice)\s+(?:in|of)\s+(?:the\s+)?"
    r"(?:(?:town|city|district|province|state|region)\s+of\s+)?"
    r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*['’]s\s+)?"  # "Jharkhand's"
    r"(?P<place>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}?)"
    r"(?:\s+(?:[Dd]istrict|[Pp]rovince|[Ss]tate|[Rr]egion|[Cc]ounty|area))?$"
)


_POLICE_RANK = "|".join(
    sorted((re.escape(str(r)) for r in actor_words("police_ranks")), key=len, reverse=True)
)
# "Senior Superintendent of Police (SSP) Kathua, Anil Verma", "Superintendent of Police,
# Reasi": a rank, then the place it serves
_RANK_THEN_PLACE = re.compile(
    rf"^(?:the\s+)?(?:(?i:{_POLICE_RANK}))(?:\s*\([A-Z]{{2,5}}\))?(?P<comma>,)?\s+"
    r"(?P<place>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)(?:\s*,.*|\s+[A-Z].*)?$"
)
# "Bannu DIG Sajjad Khan": the place, then the rank
_PLACE_THEN_RANK = re.compile(
    rf"^(?P<place>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+(?:{_POLICE_RANK.upper()})\b"
)


def _police_of_a_place(surface: str) -> str | None:
    """ "Police in Quetta" → "Quetta police", and a district's police chief ("SSP Kathua",
    "Bannu DIG Sajjad Khan") → that place's police: one names a local force so (and
    annotators do), so that every report of that force is one column."""
    surface = surface.strip()
    match = _POLICE_OF_A_PLACE.match(surface)
    if match is not None:
        return f"{match.group('place')} {match.group('body').lower()}"
    ranked = _RANK_THEN_PLACE.match(surface) or _PLACE_THEN_RANK.match(surface)
    if ranked is None:
        return None
    place = ranked.group("place")
    if places.resolve(place) is None and not ranked.groupdict().get("comma"):
        # ("SSP Anil Verma": a name, not a place; after a comma it can only be the place)
        place = place.split()[0]
        if places.resolve(place) is None:
            return None
    return f"{place} police"


def core_name(surface: str) -> str:
    """The claimant a descriptive phrase names: "A district official, speaking on condition of
    anonymity" → "district official"; "Defence minister Cristóvão Chume" → "Defence ministry";
    "An army spokesman in Ituri, Lt. Jules Ngongo" → "army"; "Police in Quetta" → "Quetta
    police"."""
    local_police = _police_of_a_place(surface)
    if local_police is not None:
        return local_police
    core = _DESCRIPTION.split(surface, maxsplit=1)[0].strip()
    core = _without_count(_without_article(core))
    core = _voice_without_its_event(core)
    titled = _PERSON_AFTER_TITLE.sub(lambda m: m.group(1), core).strip()
    # "Colonel Cyrille Atonfack": a rank alone names no one; the person is the claimant
    core = core if titled.lower().rstrip(".") in _RANKS else titled
    core = _MINISTER_AT_END.sub("ministry", core)
    without_role = _ROLE_TAIL.sub("", core)
    if without_role and without_role.split()[-1].lower() in lexicon().generic_heads:
        # "a senior police officer" speaks for the police, whatever their rank in it
        words = without_role.split()
        while len(words) > 1 and words[0].lower() in _OFFICE_RANKS:
            words.pop(0)
        return " ".join(words)
    return core or surface


def _voice_without_its_event(core: str) -> str:
    """ "Survivors of an airstrike by the military on a monastery": the survivors; the
    event they lived through describes them and names no one who speaks."""
    voice, of, rest = core.partition(" of ")
    lex = lexicon()
    if not of or voice.lower() not in lex.neutral_voices:
        return core
    words = [w.lower() for w in rest.split()[:4]]
    if words and (words[0] in ("a", "an", "the", "this", "that") or words[0].endswith("'s")):
        words = words[1:]  # "of the attack", "of Sunday's attack"
    return voice if any(w in lex.attack_nouns for w in words[:2]) else core


def resolve_claimant(
    ctx: DocumentContext, attribution: Attribution
) -> tuple[str, list[str], actors.Actor | None]:
    """Canonical claimant name, its aliases in the text, and its actor if known."""
    if attribution.surface is None or attribution.kind == "reporter":
        return REPORTER, [], None
    surface = _without_dateline(attribution.surface).rsplit("\n", 1)[-1]
    if _names_the_publisher(ctx.doc, surface):
        return REPORTER, [], None  # "..., Garowe Online reports" in Garowe Online's report
    if _UNOWNED_REPORTS.match(surface):
        return REPORTER, [], None  # "later reports raised the toll": no one's in particular
    of_the_place = _of_the_place_named_before(ctx, surface, attribution.start)
    if of_the_place is not None:
        return of_the_place.name, _unique([*_aliases_of(ctx, of_the_place), surface]), of_the_place
    mayor = _mayor_of_the_city_named(ctx, surface, attribution.start)
    if mayor is not None:
        name, found = mayor
        aliases = _aliases_of(ctx, found) if found is not None else [name]
        return (found.name if found is not None else name), _unique([*aliases, surface]), found
    office_holder = _holder_named_before(ctx, surface)
    if office_holder is not None:
        name, aliases, found = office_holder
        return name, _unique([*aliases, surface]), found
    if attribution.kind == "pronoun" or surface.lower() in lexicon().pronouns:
        # who "it" or "the ministry" is depends on who was credited before
        return _resolve_claimant(ctx, attribution, surface, pronoun=True)
    key = (attribution.surface, attribution.kind, attribution.start, *attribution.parts)
    if key not in ctx.named_claimants:
        ctx.named_claimants[key] = _resolve_claimant(ctx, attribution, surface, pronoun=False)
    name, aliases, actor = ctx.named_claimants[key]
    return name, list(aliases), actor


def _resolve_claimant(
    ctx: DocumentContext, attribution: Attribution, surface: str, *, pronoun: bool
) -> tuple[str, list[str], actors.Actor | None]:
    actor = None
    held_office: str | None = None  # the organisation whose office the speaker holds
    if pronoun:
        position = attribution.start if attribution.start >= 0 else len(ctx.doc.text)
        # "the ministry", "the army": the last one of that kind named before, else the
        # country's own; "it", "they": the last actor named
        actor = ctx.kb.resolve_in_context(
            surface,
            "",
            ctx.country,
            recent=ctx.claimants,
            mentions=_mentions_before(ctx, position),
        )
        words = surface.lower().split()
        if actor is None and ctx.claimants and words and words[-1] in lexicon().source_refs:
            actor = ctx.claimants[-1]  # "the statement said": the statement of who spoke last
        if actor is None:
            found = _last_actor_before(ctx, position)
            actor = found[0] if found is not None else None
            if actor is not None and actor.kind not in STATE_KINDS and _names_a_state_body(surface):
                # "A UN source said 30 were killed. The army put the toll at 12", "Five FARC
                # dissidents died, the army said": a state's institution is not the
                # monitor, the agency or the armed group named before it
                actor = None
            if actor is not None and actor.kind != "armed_group" and _names_an_armed_group(surface):
                actor = None  # "the militant group said" is no monitor that spoke before it
        if actor is None and ctx.claimants and surface.lower() in lexicon().anaphors:
            # "The army said 12 soldiers were killed. It said 30 attackers were also
            # killed": the army the first claim was credited to, though the text named it
            # by a common noun only
            actor = ctx.claimants[-1]
        if actor is None and surface.lower() in lexicon().anaphors:
            return REPORTER, [], None  # "It said 40 were wounded" with no one before: unknown
    else:
        surface = _SPOKE_TO.sub("", surface).strip(" ,") or surface
        named = _unlisted_name_by_its_head(ctx, surface)
        if named is not None:
            name, aliases, _ = named
            return name, _unique([*aliases, surface]), None
        # "the president's office": the office holder's voice
        holder = _holder_of_the_office(surface) or surface
        divisional = _body_of_the_division_named(ctx, holder, attribution.start)
        if divisional is not None:
            name, actor = divisional
            if actor is None:
                return name, _unique([surface, _without_article(surface)]), None
        else:
            actor = _actor_for_surface(ctx, holder, attribution.start)
        inner = _ACRONYM_WITHIN.search(surface)
        if actor is None and inner is not None:
            # "the Ministry of Health (MoH) in Gaza": the name is read without its acronym
            unbracketed = surface[: inner.start()] + surface[inner.end() :]
            actor = _actor_for_surface(ctx, unbracketed, attribution.start)
        if actor is None:
            # its appositions, and the names set beside it between commas
            beside = [p.strip() for p in surface.split(",")[1:] if p.strip()]
            for part in [*attribution.parts, *beside]:
                part = _SPOKE_TO.sub("", part).strip(" ,")
                actor = _actor_for_surface(ctx, part, attribution.start) if part else None
                if actor is not None:
                    break
        if actor is None:
            actor = _named_before_by_head(ctx, surface, attribution.start)
        if actor is None:
            actor = _local_service_of_the_country(ctx, surface)
        if actor is None:
            # "Colonel X, the army's communications chief": the office a person holds names
            # the organisation they speak for
            descriptions = [p for part in [surface, *attribution.parts] for p in part.split(",")]
            for part in descriptions:
                organisation = _office_holder_of(part)
                if organisation is not None:
                    # "Police Captain Mohamed Hussein": a named holder of an office of a
                    # body the knowledge base does not know speaks for that body
                    # (named after the office, or beside it: "the Commissioner of Police,
                    # Mr. Ahmed Ismail")
                    named_holder = _without_holder(part.strip()) is not None or any(
                        _A_PERSON_S_NAME.match(other.strip()) for other in descriptions
                    )
                    if held_office is None and named_holder and _is_an_institution(organisation):
                        held_office = organisation
                    actor = _actor_for_surface(ctx, organisation, attribution.start)
                    if actor is not None:
                        break
    # "a senior police officer, asking not to be named": the name ends at the comma
    surfaces = [p for p in [surface, surface.split(",")[0].strip(), *attribution.parts] if p]
    surfaces += _persons_described(ctx, surface, attribution.start)
    # "they", "it": a pointer to a name, not one
    anaphors = lexicon().anaphors
    surfaces = [p for p in surfaces if p.lower() not in anaphors]
    if actor is None and not pronoun:
        named_in_full = _named_in_full_before(ctx, surface)
        if named_in_full is not None:
            name, aliases, actor = named_in_full
            return name, _unique([*aliases, *surfaces]), actor
    if actor is None and held_office is not None and _police_of_a_place(surface) is None:
        # ANNOTATION.md: who speaks for an organisation is an alias of it, known or not
        # (a district's police chief is that place's police, named below)
        office = _without_article(held_office)
        named = _unlisted_name_by_its_head(ctx, f"the {office}")
        same = [
            n
            for n, _, a in ctx.named_claimants.values()
            if a is None and n.lower() == office.lower()
        ]
        name = named[0] if named is not None else (same[-1] if same else office)
        return _unlisted_name(ctx.kb, name), _unique([*surfaces, held_office]), None
    if actor is None and attribution.kind != "pronoun":
        surface = _past_a_place(ctx, surface)
        core = core_name(surface)
        # "a local activist group": one not named before, as its core keeps saying
        indefinite = re.match(r"an?\s", surface, re.IGNORECASE) is not None
        looked_up = f"a {core}" if indefinite and not core.lower().startswith("a ") else core
        actor = _actor_for_surface(ctx, looked_up, attribution.start) if core != surface else None
        if actor is None:
            aliases = _unique([*surfaces, core, *_speakers_joined(surface)])
            if _police_of_a_place(surface) is not None and surface.split()[0].lower() == "police":
                aliases.append(surface.split()[0])  # "Police", as the text calls them
            named = _person_named_in(ctx, surface, core, attribution.start)
            return _unlisted_name(ctx.kb, named or core), _unique([*aliases, core]), None
    if actor is None:
        name = _without_article(surface)
        return _unlisted_name(ctx.kb, name), _unique(surfaces), None
    return (
        actor.name,
        _unique([*_aliases_of(ctx, actor), *surfaces, *_speakers_joined(surface)]),
        actor,
    )


# The titles of whoever speaks for an institution or a region of a state
_OFFICE_TITLES = sorted(
    {str(t) for t in actor_words("office_holders")} | REGIONAL_RULERS, key=len, reverse=True
)
_OFFICE_OF_A_HOLDER = re.compile(
    r"^(?:the\s+)?(?:(?P<owner>(?:[\w-]+\s+){0,3}?"
    rf"(?:{'|'.join(_OFFICE_TITLES)}))['’]s\s+office"
    rf"|office\s+of\s+(?:the\s+)?(?P<title>(?:[\w-]+\s+){{0,3}}?(?:{'|'.join(_OFFICE_TITLES)})))$",
    re.IGNORECASE,
)


def _holder_of_the_office(surface: str) -> str | None:
    """ "the president's office", "the office of the governor": the office holder, who speaks
    for an institution ("the president": the government); None for any other speaker."""
    match = _OFFICE_OF_A_HOLDER.match(surface.strip())
    if match is None:
        return None
    return f"the {match.group('owner') or match.group('title')}"


# "the state government", "the provincial governor", "the regional police": a body of the
# country's division the report is about, not of the country
_DIVISION_BODY = re.compile(
    r"^(?:the\s+)?(?:(?:state|provincial|regional|province|region)(?:['’]s)?\s+"
    r"(?P<body>government|governor|administration|authorities|police(?:\s+command)?)"
    r"|(?P<ruler>governor))$",  # a governor rules a division, whatever the text calls it
    re.IGNORECASE,
)


def _body_of_the_division_named(
    ctx: DocumentContext, surface: str, position: int
) -> tuple[str, actors.Actor | None] | None:
    """ "Boko Haram killed 10 farmers in Borno's Gwoza area, the state government said":
    Borno State's government (the knowledge base's actor where it has one), not Nigeria's;
    None when the report names no such division before the speaker."""
    match = _DIVISION_BODY.match(surface.strip())
    if match is None:
        return None
    named = ctx.place_named_last(position, "division")
    if named is None:
        return None
    division = re.sub(r"\s(state|region|province)$", lambda m: " " + m.group(1).title(), named)
    bare = re.sub(r"\s(?:State|Region|Province)$", "", division)
    body = (match.group("body") or match.group("ruler")).lower()
    for name in dict.fromkeys([f"{division} {body}", f"{bare} State {body}", f"{bare} {body}"]):
        # an actor of the division's own name, not the country's "government"
        for mention in ctx.kb.find_mentions(name):
            if bare.lower() in mention.surface.lower():
                return name, ctx.kb.actor(mention.actor_id)
    return f"{division} {body}", None


# Reports of no one named or described ("later reports", not "the report", "local reports")
_UNOWNED_REPORTS = re.compile(
    r"^(?:(?:later|earlier|initial|subsequent|other|some|several|unconfirmed)\s+)*reports$",
    re.IGNORECASE,
)


def _named_in_full_before(
    ctx: DocumentContext, surface: str
) -> tuple[str, list[str], actors.Actor | None] | None:
    """ "Alabo stated" after "police spokesman DSP Alfred Alabo said": a surname alone is the
    person the text named in full before, with the name and organisation found for them."""
    surname = surface.strip()
    if not _SURNAME.fullmatch(surname):
        return None
    for name, aliases, actor in reversed(list(ctx.named_claimants.values())):
        for alias in (name, *aliases):
            words = alias.split()
            # (case aside: "Al-Ansari said" opening a sentence after "Majed al-Ansari")
            if len(words) > 1 and words[-1].lower() == surname.lower() and "," not in alias:
                return name, aliases, actor
    return None


_SURNAME = re.compile(r"[A-Z][a-z][\w'’-]+")
# Two to four capitalised words, after a courtesy title or a police rank's initials: a person
_A_PERSON_S_NAME = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Alhaji|Chief"
    + "".join(f"|{rank.upper()}" for rank in actor_words("police_ranks") if " " not in rank)
    + r")\.?\s+)?[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){1,3}$"
)


_ACRONYM_AT_END = re.compile(r"\((?P<acronym>[A-Z][A-Z0-9&-]{1,9})\)$")
_ACRONYM_WITHIN = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z0-9&-]{1,9})\)(?=\s+\S)")
_POSSESSOR = re.compile(r"^(?P<owner>[A-Z][\w-]*(?:\s[A-Z][\w-]*){0,2})['’]s\s+(?=[A-Z])")


def _unlisted_name(kb: actors.KnowledgeBase, name: str) -> str:
    """The one name of a speaker the knowledge base does not know, however the text puts
    it: without the acronym it gives in brackets (later the acronym alone names it: see
    ``_unlisted_name_by_its_head``), and without the state that owns it ("Russia's
    National Antiterrorist Committee"), so that an incident's matrix has one column."""
    acronym = _ACRONYM_AT_END.search(name)
    if acronym is not None:
        # ISSUE 12: an acronym in brackets is no part of the name
        name = name[: acronym.start()].strip() or acronym.group("acronym")
    owner = _POSSESSOR.match(name)
    if owner is not None and _names_a_state(kb, owner.group("owner")):
        return name[owner.end() :]
    return name


def _described_by(description: str) -> list[str]:
    """The words of a definite description that say what its referent is: "the region's
    governor" is the governor of the region the text is about, named before."""
    words = description.lower().split()
    if len(words) > 1 and re.sub(r"['’]s?$", "", words[0]) in lexicon().places:
        return words[1:]
    return words


def _unlisted_name_by_its_head(
    ctx: DocumentContext, surface: str
) -> tuple[str, list[str], actors.Actor | None] | None:
    """ "The police said" after "Abu Dhabi Police said": a definite description by the head
    noun of a speaker named before whom the knowledge base does not know is that speaker
    (those it knows are found by their mentions); so is the acronym the text gave it in
    brackets ("RFI said" after "Radio France Internationale (RFI) said")."""
    bare = _without_article(surface)
    if re.fullmatch(r"[A-Z][A-Z0-9&-]{1,9}", bare):
        for name, aliases, actor in reversed(list(ctx.named_claimants.values())):
            if actor is None and any(f"({bare})" in alias for alias in aliases):
                return name, aliases, actor
        return None
    if not surface.lower().startswith("the "):
        return None
    words = _described_by(bare)
    if not 1 <= len(words) <= 2:
        return None
    for name, aliases, actor in reversed(list(ctx.named_claimants.values())):
        if actor is not None or name == REPORTER:
            continue
        head = _NAME_TAIL.sub("", name).lower().split()
        if len(head) > len(words) and head[-len(words) :] == words:
            return name, aliases, actor
    return None


def _holder_named_before(
    ctx: DocumentContext, surface: str
) -> tuple[str, list[str], actors.Actor | None] | None:
    """ "the spokesman said" after "Lt Col X, spokesman for the army, told AFP": an office
    named bare is the speaker who held it last, whatever body they spoke for."""
    office = _THE_OFFICE.match(surface.strip())
    if office is None:
        return None
    word = office.group("office").lower()
    for name, aliases, actor in reversed(list(ctx.named_claimants.values())):
        if name == REPORTER:
            continue
        if any(re.search(rf"\b{word}\b", alias, re.IGNORECASE) for alias in aliases):
            return name, aliases, actor
    return None


# "An army officer, speaking to the AFP news agency": whom a speaker spoke to carried the
# words, it did not say them
_SPOKE_TO = re.compile(
    r"(?:,\s*|\s+who\s+(?:\w+\s+){0,6}?)?\b(?:speaking|spoke|talking|talked|speak|talk)\s+"
    r"(?:to|with)\b.*$"
    # "residents reached by phone", "officials contacted by AFP": how the outlet got the words
    r"|\s+(?:(?:who\s+were\s+)?(?:reached|contacted|interviewed|questioned))\s+(?:by|on|via)\b.*$",
    re.IGNORECASE,
)


def _names_the_publisher(doc: Document, surface: str) -> bool:
    """Whether a speaker is the outlet that published the report (its name, or the name its
    web address spells): the outlet's own voice is the reporter's (ANNOTATION.md)."""
    spelled = re.sub(r"[^a-z0-9]", "", _without_article(surface).lower())
    if len(spelled) < 4:
        return False
    names = [doc.outlet or ""]
    host = urlsplit(doc.url or doc.metadata.get("url") or "").hostname or ""
    labels = [label for label in host.split(".") if label not in ("www", "en", "m", "amp")]
    if labels:
        names.append(labels[0])
    return any(spelled == re.sub(r"[^a-z0-9]", "", name.lower()) for name in names if name)


def _past_a_place(ctx: DocumentContext, surface: str) -> str:
    """ "Borno State, the State Emergency Management Agency (SEMA)": a place the parser
    made the speaker, with the organisation that spoke beside it."""
    first, comma, rest = surface.partition(",")
    rest = rest.strip(" ,")
    if not comma or not rest or not rest[:1].isalpha():
        return surface
    found = places.find_place_names(first.strip(), ctx.country)
    if len(found) == 1 and found[0].surface == first.strip():
        return rest
    return surface


def _persons_described(ctx: DocumentContext, surface: str, position: int) -> list[str]:
    """The person a speaker's description names ("a spokesperson for the Command, ASP Moses
    Yamu"), also when the parse left the name out of it: names the text gives the claimant."""
    text = ctx.doc.text
    begin = text.find(surface, max(0, position - len(surface) - 40), position + len(surface) + 40)
    described = surface
    if begin >= 0:
        after = text[begin + len(surface) : begin + len(surface) + 80]
        # ", ASP Moses Yamu, said", ", Mr. Richard Nyajo while confirming", " Abdullahi
        # Mohamed Shirwac said": up to the next comma or lowercase word
        beside = _DESCRIBED_BESIDE.match(after)
        if beside is not None:
            described = surface + beside.group()
    return [
        name
        for name in actors.names_beside(described, ctx.kb)
        if not places.find_place_names(name, ctx.country)
    ]


_SPEAKS_FOR_ROLE = re.compile(rf"\b{ROLE_NOUN_ALTERNATIVES}\b", re.IGNORECASE)


def _person_named_in(ctx: DocumentContext, surface: str, core: str, position: int) -> str | None:
    """The person a speaker's description names, when the description comes first ("a
    community leader and former council chairman, Mr. John Terver"): the person is who
    speaks, and one name across the report's claims; None when the speaker is a name."""
    words = _without_article(core).split()
    if not words or words[0][:1].isupper():
        return None  # "John Terver, a local chief": the name comes first already
    if _SPEAKS_FOR_ROLE.search(core):
        return None  # "a spokesperson for the Command, ASP Moses Yamu": the Command speaks
    named = [n for n in _persons_described(ctx, surface, position) if len(n.split()) >= 2]
    return min(named, key=len) if named else None


_NAME_TAIL = re.compile(r"\s+(?:for|of|on|in|at)\s+.*$", re.IGNORECASE)


_THE_PLACE_S = re.compile(
    r"^the\s+(?P<kind>city|town|region|province|state|district|oblast|territory|enclave)['’]s"
    r"\s+(?P<rest>.+)$",
    re.IGNORECASE,
)


def _of_the_place_named_before(
    ctx: DocumentContext, surface: str, position: int
) -> actors.Actor | None:
    """ "the city's military administration" after "Kyiv", "the region's governor" after
    "Belgorod": the institution of the place of that kind named last before, by its name."""
    found = _THE_PLACE_S.match(surface.strip())
    if found is None or position <= 0:
        return None
    kind, rest = found.group("kind"), found.group("rest")
    place = ctx.place_named_last(position, "any")
    if place is None:
        return None
    for name in (f"{place} {kind.title()} {rest}", f"{place} {rest}"):
        actor = ctx.kb.lookup(name)
        if actor is not None:
            return ctx.kb.claimant_actor(actor.id)
    if " ".join(token_key(rest)) in _LOCAL_SERVICES and ctx.country:
        # "the territory's health ministry" in a report on the Gaza Strip: the service of
        # the report's country, of the place the text names where the country has several
        actor = ctx.kb.resolve_in_context(f"the {rest}", "", ctx.country, places=ctx.place_names)
        return ctx.kb.claimant_actor(actor.id) if actor is not None else None
    return None


_THE_MAYOR = re.compile(r"^(?:the\s+)?(?:city['’]s\s+)?mayor$", re.IGNORECASE)


def _mayor_of_the_city_named(
    ctx: DocumentContext, surface: str, position: int
) -> tuple[str, actors.Actor | None] | None:
    """ "In Kharkiv, three people were killed, the mayor said": the mayor of the town or city
    named last before (the knowledge base's actor where it has one)."""
    if _THE_MAYOR.match(surface.strip()) is None or position <= 0:
        return None
    town = ctx.place_named_last(position, "settlement")
    if town is None:
        return None
    name = f"{town} mayor"
    found = ctx.kb.lookup(name)
    return name, (ctx.kb.claimant_actor(found.id) if found is not None else None)


def _named_before_by_head(ctx: DocumentContext, surface: str, position: int) -> actors.Actor | None:
    """ "the Observatory" after "the Syrian Observatory for Human Rights", "the Commission"
    after "the National Human Rights Commission": a definite description by the head noun
    of a name the text gave before is that name's actor."""
    if not surface.lower().startswith("the "):
        return None
    words = _described_by(_without_article(surface))
    if not 1 <= len(words) <= 2:
        return None
    for mention in reversed(_mentions_before(ctx, position)):
        actor = ctx.kb.actor(mention.actor_id)
        for name in (mention.surface, actor.name, *actor.aliases):
            head = _NAME_TAIL.sub("", name).lower().split()
            if len(head) > len(words) and head[-len(words) :] == words:
                return actor
    return None


# "the army's communications chief", "head of the police in Diffa", "a spokesman for the
# border service": an office and the organisation that holds it (``office_words``)
_OFFICE_WORDS = (
    "(?:" + "|".join(map(re.escape, sorted(lexicon().office_words, key=len, reverse=True))) + ")"
)
# "the spokesman said": an office named bare, held by a speaker named before
_THE_OFFICE = re.compile(rf"^the\s+(?P<office>{_OFFICE_WORDS})$", re.IGNORECASE)
# "chief of staff", "chief of the general staff": an office whose words run on
_STAFF_TAIL = r"(?:\s+of\s+(?:the\s+)?(?:general\s+|defen[cs]e\s+|army\s+)?staff)?"
_OFFICE = rf"(?:[\w-]+\s+){{0,2}}{_OFFICE_WORDS}{_STAFF_TAIL}"
_OFFICE_OF_OWNER = re.compile(
    rf"^(?:the\s+|a\s+|an\s+)?(?P<owner>[\w .-]{{2,60}}?)['’]s?\s+{_OFFICE}$", re.IGNORECASE
)
_OFFICE_FOR_OWNER = re.compile(
    rf"^(?:the\s+|a\s+|an\s+)?{_OFFICE}\s+(?:of|for|at)\s+"
    r"(?!(?:the\s+)?(?:general\s+|defen[cs]e\s+|army\s+)?staff$)"  # "chief of staff"
    rf"(?P<owner>(?:the\s+)?[\w .'’-]{{2,60}})$",
    re.IGNORECASE,
)


# "a deputy chief police investigator", "the senior army officer": an institution's own word
# right before the office
_INSTITUTION_HEADS = frozenset(str(w) for w in actor_words("state_institution_heads"))
_OFFICE_IN_INSTITUTION = re.compile(
    r"^(?:the\s+|a\s+|an\s+)?(?P<qualifier>(?:[\w-]+\s+){0,3}?)(?P<owner>"
    + "|".join(sorted(_INSTITUTION_HEADS, key=len, reverse=True))
    + rf")\s+(?:[\w-]+\s+){{0,2}}{_OFFICE_WORDS}{_STAFF_TAIL}$",
    re.IGNORECASE,
)
# "a rebel spokesman", "a militant commander": an office of the armed group named before
_GROUP_WORDS = sorted(
    (w for w, kinds in generic_kinds().items() if "armed_group" in kinds),
    key=len,
    reverse=True,
)
# "militant", "rebels": words that name an armed group and nothing else ("group" may be a
# rights group: ``organisation_refs``)
_ARMED_GROUP_ONLY = frozenset(
    w
    for w, kinds in generic_kinds().items()
    if kinds == ("armed_group",) and w not in lexicon().organisation_heads
)


# "the government", "the authorities", "the army": nouns that stand for a state's bodies only
# (a media wing or a cell may be an armed group's as well)
_STATE_ONLY_NOUNS = frozenset(
    w
    for w, kinds in generic_kinds().items()
    if all(k in STATE_KINDS - {"media_wing"} for k in kinds)
)


def _names_a_state_body(surface: str) -> bool:
    words = _without_article(surface).lower().split()
    return _is_an_institution(surface) or bool(words and words[-1] in _STATE_ONLY_NOUNS)


def _names_an_armed_group(surface: str) -> bool:
    return any(word in _ARMED_GROUP_ONLY for word in surface.lower().split())


_OFFICE_IN_A_GROUP = re.compile(
    rf"^(?:the\s+|a\s+|an\s+)?(?:senior\s+|local\s+)?(?P<owner>{'|'.join(_GROUP_WORDS)})\s+"
    rf"{_OFFICE_WORDS}$",
    re.IGNORECASE,
)
# Where an office is held, after it: "the Police Public Relations Officer in the state"
_OFFICE_WHERE = re.compile(
    r"\s+in\s+(?:the\s+(?:state|region|province|district|country|area)|[A-Z][\w-]+)$"
)


def _office_holder_of(description: str) -> str | None:
    """The organisation an office belongs to, in a description of who speaks; the holder's
    name after the office is no part of it ("Police Captain Mohamed Hussein",
    "Senior Superintendent of Police Mohita Sharma", "Army Maj. Gen. X")."""
    description = _OFFICE_WHERE.sub("", _titles_spelt_out(description.strip()))
    office = _without_holder(description)
    for pattern in (
        _OFFICE_OF_OWNER,
        _OFFICE_FOR_OWNER,
        _OFFICE_IN_INSTITUTION,
        _OFFICE_IN_A_GROUP,
    ):
        found = (pattern.match(office) if office else None) or pattern.match(description)
        if found is not None:
            owner = found.group("owner").strip()
            qualifier = found.groupdict().get("qualifier") or ""
            if any(w[:1].isupper() for w in qualifier.split()):
                # "the Southern forces spokesperson": the forces the name says, not any
                return f"{qualifier.strip()} {owner}"
            return _body_of_its_unit(owner)
    if _held_by_a_head_of_state(description):
        # "President Hakainde Hichilema", "Prime Minister X": a head of state or government
        # named without a state speaks for the report's own (ANNOTATION.md: heads of state
        # are aliases of their government)
        return "the government"
    return None


def _held_by_a_head_of_state(description: str) -> bool:
    """Whether a description is a head of state's or government's title and a name after
    it ("President Hakainde Hichilema", "Prime Minister Anwar Ibrahim")."""
    words = description.split()
    while len(words) > 1 and words[-1][:1].isupper():
        words.pop()
        if _HEAD_OF_STATE.fullmatch(" ".join(words)):
            return len(words) < len(description.split())
    return False


# the offices that speak for a whole government (``office_holders`` mapped to "government")
_HEAD_OF_STATE = re.compile(
    r"(?:the\s+)?(?:"
    + "|".join(
        re.escape(str(title))
        for title, office in actor_words("office_holders").items()
        if str(office) == "government"
    )
    + r")",
    re.IGNORECASE,
)


_TITLE_ABBREVIATION = re.compile(r"\b[A-Z][a-z]{1,5}\.(?:-[A-Z][a-z]{1,5}\.)?")


def _titles_spelt_out(description: str) -> str:
    """ "Police Capt. X" as "Police Captain X", "Maj.-Gen. Y" as "Major General Y": the
    ranks written short, as the words of office they stand for (``title_abbreviations``)."""
    words = lexicon().title_abbreviations

    def spelt(found: re.Match[str]) -> str:
        parts = found.group(0).split("-")
        return " ".join(words.get(part, part).capitalize() for part in parts)

    return _TITLE_ABBREVIATION.sub(spelt, description)


def _body_of_its_unit(owner: str) -> str:
    """ "the army's 3rd Division", "the police's 5th battalion": a unit speaks for the body
    it is part of (``unit_names``)."""
    found = re.match(r"^(?P<body>.+?)['’]s?\s+(?:[\w-]+\s+)?(?P<unit>\w+)$", owner)
    if found is not None and found.group("unit").lower() in lexicon().unit_names:
        return found.group("body")
    return owner


_OFFICE_WORD = re.compile(rf"{_OFFICE_WORDS}", re.IGNORECASE)


def _is_an_institution(name: str) -> bool:
    """ "police", "the Command", "health department in Saada": a body, not a place ("the
    region's governor") nor a person."""
    words = _NAME_TAIL.sub("", _without_article(name)).lower().split()
    return bool(words) and words[-1] in _INSTITUTION_HEADS


def _without_holder(description: str) -> str | None:
    """A description without the capitalised name that ends it, when an office or an
    institution comes right before the name; else None."""
    words = description.split()
    while len(words) > 1 and words[-1][:1].isupper():
        word = words[-1].lower().strip(".,")
        if word in _INSTITUTION_HEADS or _OFFICE_WORD.fullmatch(word):
            return " ".join(words) if len(words) < len(description.split()) else None
        words.pop()
    return None


_JOINED_SPEAKERS = re.compile(r"^(?P<first>[^,]+?)\s+and\s+(?P<second>[^,]+)$")


def _speakers_joined(surface: str) -> list[str]:
    """ "a hospital director and police officials": one statement of two speakers, each of
    whom the text names."""
    joined = _JOINED_SPEAKERS.match(surface)
    if joined is None:
        return []
    parts = [joined.group("first"), joined.group("second")]
    return parts if all(len(p.split()) <= 6 for p in parts) else []


# "KABUL:", "Moscow, (APP - UrduPoint - 12th Mar, 2025)", "GOMA (Reuters) -": where the report
# was filed and whose wire carried it, which the parser may take into the speaker
# (a place then a bracket is a dateline only after a comma or in capitals: "Tehreek-e-Taliban
# Pakistan (TTP) Commander X" is a name and its acronym)
_DATELINE = re.compile(
    r"^(?:[A-Z][\w .’'-]{1,30}:\s+"
    r"|(?:[A-Z][\w .’'-]{1,30},\s*|[A-Z][A-Z .’'-]{1,30}\s*)\([^()]{1,80}\)\s*(?:[-–—:]\s*)?(?=[A-Z])"
    r"|[A-Z][\w’'.-]+(?:,?\s[A-Z][\w’'.-]+){0,3}\s+[-–—]{1,2}\s+(?=[A-Z]))"
)


def _without_dateline(surface: str) -> str:
    return _DATELINE.sub("", surface.strip())


def _unique(items: list[str]) -> list[str]:
    """The surfaces once each, each also without its article or its possessor ("the Defense
    Ministry", "Venezuela's defense ministry" are in the text as "defense ministry" too):
    all are names the text calls the claimant."""
    out: list[str] = []
    for item in items:
        # a name never runs across a line: "Nigeria\n\nTroops" is a title and a subject
        item = item.rsplit("\n", 1)[-1].strip(" ,")
        bare = _without_article(item)
        unowned = _OWNER_BEFORE.sub("", bare)
        for name in (item, bare, unowned):
            if name and name not in out:
                out.append(name)
    return out


# -- roles ----------------------------------------------------------------------------------
def resolve_role(ctx: DocumentContext, e: Extraction, actor: actors.Actor | None) -> str:
    kb = ctx.kb
    # What the paragraph has said up to the claim ("Guards clashed near Batken on Thursday.
    # Officials said eight people were killed") tells whether its people were fighting
    context = _paragraph_so_far(ctx, e)
    if e.target_kind == "vessel" or (
        _merchant_vessel(e.target)
        and not (actors.names_a_warship(context) or ctx.about_a_warship())
        and not actors.names_a_craft_s_people(e.target)
    ):
        return "civilian"
    if (
        actor is not None
        and actor.kind == "international_organisation"
        and (
            actors.names_any(e.target, kb.target_words.peacekeepers)
            or (actors.names_own_people(e.target) and actors.names_state_forces(e.target))
        )
    ):
        # "MINUSMA said three peacekeepers were killed", "MONUSCO said three of its troops
        # were wounded": its own forces
        return "own"
    neutral = actor is None or kb.is_neutral(actor.id) or _outlet_abroad(ctx, actor)
    side = actor.side if actor is not None else None
    if actor is None and e.attribution.kind in ("named", "inherited") and e.attribution.surface:
        # "a Malian security source": no actor, but a side; "the Kirkuk Operations Command",
        # "the governor's office": an institution of the state the report is about
        side = kb.side_of_phrase(e.attribution.surface)
        if side is not None and _irregulars_in(e.attribution.surface):
            # "separatist rebels in northern Mali": fighters in a country, against its state
            side = f"{_ARMED_AGAINST}{side}"
        if side is not None and names_a_neutral_voice(e.attribution.surface):
            # "Israel's Channel 10", "several Ukrainian media", "French state media" on Mali:
            # an outlet on its own word; a state's own outlet on its state's war is its voice
            state_outlet = _STATE_RUN.search(e.attribution.surface) is not None
            if not (state_outlet and ctx.country and kb.state_side(ctx.country) == side):
                side = None
        if side is None and ctx.country and not names_a_neutral_voice(e.attribution.surface):
            # Nor does a speaker the knowledge base lacks ("Onyeuko", "the statement",
            # "local officials") stand apart from the parties: in a report on one country
            # it speaks for that state, unless it is a witness, an outlet or a monitor
            side = kb.state_side(ctx.country)
            if side is not None and (
                _irregulars_in(e.attribution.surface) or _its_own_irregulars(e.agent)
            ):
                # "the West Papua Liberation Army", or "the TPNPB said its fighters ..."
                side = f"{_ARMED_AGAINST}{side}"
        neutral = side is None or side == actors.NEUTRAL
    if (
        neutral
        and actor is None
        and e.attribution.kind in ("named", "inherited", "pronoun")
        and e.attribution.surface
        and not names_a_neutral_voice(e.attribution.surface)
    ):
        # "the army said two of its soldiers were killed", "'We lost five soldiers and
        # killed 20 terrorists'": a speaker who has people of its own is a party, though the
        # knowledge base cannot say which
        we = (e.agent or "").lower() in ("we", "us")
        # "the army said it had lost four men": the speaker itself lost them
        itself = (e.agent or "").lower() in ("we", "us", "it", "they") or _agent_speaks(e)
        if actors.names_own_people(e.target) or (itself and _owner_verb(e)):
            return "own"
        # "its jets destroyed a Houthi drone": the speaker's own did it, to the other side
        by_itself = (
            we
            or bool(_COLLECTIVE_OWNER.match(e.agent or ""))
            # "the rebels said they seized three armoured vehicles": a fighting force's
            # "they" is itself
            or (
                (e.agent or "").lower() in ("it", "they")
                and (
                    actors.names_irregulars(e.attribution.surface)
                    or actors.names_state_forces(e.attribution.surface)
                )
            )
        )
        if by_itself and _done_to_the_count(e) and not actors.is_civilian_phrase(e.target):
            return "opponent"
        if (
            actors.names_irregulars(e.attribution.surface)
            and actors.names_state_forces(e.target)
            and not actors.is_civilian_phrase(e.target)
        ):
            # "the jihadists said they killed 20 soldiers": irregulars fight the state
            return "opponent"
        if _speaks_for_a_state(e.attribution.surface) and not actors.is_civilian_phrase(e.target):
            # "police said the militants killed 12 soldiers", of a state the text names
            # nowhere: the state's forces are its own, irregulars its adversaries
            sides = kb.sides_in_phrase(e.target)
            if sides and not any(kb.is_state_side(s) for s in sides):
                # "the army said it killed 73 Boko Haram fighters", "... four New People's
                # Army guerrillas": a group the knowledge base knows, whatever its name says
                return "opponent"
            if actors.names_state_forces(e.target):
                return "own"
            if actors.names_irregulars(e.target):
                return "opponent"
            if e.category == "seized" and not actors.names_civilians_or_their_property(e.target):
                # "police said 40 illegal weapons were seized": taken from its adversaries
                return "opponent"
    if not neutral and e.agent and _owner_verb(e) and not actors.is_civilian_phrase(e.target):
        # "the Ukrainian military lost 485 troops": whose the troops are is who lost them
        owner = (
            side
            if _agent_speaks(e)
            else _doer_side(ctx, e, side)
            # "the attackers also lost around 30 men", as a state tells it: its adversary's
            or _side_by_its_kind(ctx, e.agent, side)
        )
        if owner is not None and owner != actors.NEUTRAL:
            return "own" if owner == side else "opponent"
    if not neutral and e.agent and actors.names_the_doers_fellows(e.target):
        # "commandos freed 62 of their comrades": the doers' own, whoever tells it
        doer = _doer_side(ctx, e, side) or _side_by_its_kind(ctx, e.agent, side)
        if doer is not None and doer != actors.NEUTRAL:
            return "own" if doer == side else "opponent"
    if (
        not neutral
        and e.category in ("killed", "wounded", "captured")
        and e.agent
        and _done_to_the_count(e)
        and _doer_side(ctx, e, side) == side
        and not actors.is_civilian_phrase(e.target)
        and not kb.sides_in_phrase(e.target)
        and not actors.names_own_people(e.target)
    ):
        # "the rebels said they killed 84 fighters": whom the claimant's side killed or took
        # are the other side's, whatever noun names them
        return "opponent"
    if e.target_kind == "warship" and not neutral and not kb.side_of_phrase(e.target):
        return "opponent"  # a party sinking a named warship sinks the other side's
    if (
        e.category == "released"
        and neutral
        and not kb.side_of_phrase(e.target)
        and not actors.names_combatants_or_prisoners(e.target)
    ):
        # people a neutral party rescues or frees are not combatants, unless the text says
        # they are ("commandos freed 27 soldiers", "each side released 390 prisoners")
        return "civilian"
    if (
        e.category == "captured"
        and not neutral
        and _trigger_in(e, lexicon().arresting_verbs)
        and actors.names_only_generic_people(e.target)
    ):
        return "opponent"  # "police said 24 people had been arrested": suspects
    if (
        e.category == "attacks"
        and e.attacked
        and (actors.names_civilians_or_their_property(e.attacked) or _merchant_vessel(e.attacked))
    ):
        # "five RPGs were fired at the vessel", "15 rockets hit a residential area": whose
        # attack it was matters less than who was attacked (ANNOTATION.md, attacks)
        return "civilian"
    if (
        e.category == "destroyed"
        and not neutral
        and e.agent
        and _destroyed_by_the_other_side(ctx, e.agent, side)
        and actors.names_civilians_or_their_property(e.target)
    ):
        # "police said bandits burnt 10 motorcycles and two cars": what the other side
        # destroyed is not its own, and no military mark makes it the claimant's
        return "civilian"
    if e.category == "attacks" and not neutral:
        attacker = _attack_noun_side(kb, e.target)
        if attacker is not None:
            # "repelled 22 Russian attacks": the side on an attack noun is the attacker's
            return "opponent" if attacker == side else "own"
        if kb.is_state_side(side) and _attacks_by_irregulars(e.target):
            return "own"  # "two terrorist attacks", as a state tells them: on its own people
        if kb.is_state_side(side) and _places_of_its_own_state(ctx, e, side):
            return "own"  # "the strikes targeted four locations in Barmal district"
        agent_side = _doer_side(ctx, e, side)
        if agent_side is None and actors.names_military_objects(e.target):
            # "militants attacked four checkposts", as the army tells it: its own posts
            agent_side = _side_by_its_kind(ctx, e.agent or "", side)
        if agent_side is not None:
            if actors.is_civilian_phrase(e.target):
                return "civilian"
            return "opponent" if agent_side == side else "own"
        target_side = kb.side_of_phrase(e.target)
        if _is_projectile_target(e.target):
            return "own" if target_side != side else "opponent"
    if not neutral and _unnamed_victims_of_its_own_deed(e):
        # "'Our fighters destroyed five tanks and killed dozens'", "the Taliban said they
        # killed 25": a party telling of its own deed against people it does not name tells
        # of its enemies
        return "opponent"
    if not neutral and _bodies_left_by_fighting(ctx, e):
        # "the area was searched after the encounter and 29 bodies were recovered": a
        # party's count of the dead its fight left, named as nothing more, is the enemy's
        return "opponent"
    included = _included_roles(ctx, e, side, neutral)
    if included:
        # "41 people, including eight soldiers and 33 militiamen": the people are those
        # listed (militia of no known side do not change whose they are); a list of
        # soldiers and children mixes combatants and civilians (other)
        definite = included - {"other"}
        return definite.pop() if len(definite) == 1 else "other"
    return actors.target_role(
        side,
        e.target,
        kb,
        claimant_is_neutral=neutral,
        category=e.category,
        context=context,
        on_a_warship=ctx.about_a_warship(),
        by_the_other_side=_done_by_irregulars(ctx, e, side, neutral),
    )


# The side of an armed group the knowledge base lacks, named by the state it fights
_ARMED_AGAINST = "armed-against:"


def _bodies_left_by_fighting(ctx: DocumentContext, e: Extraction) -> bool:
    """Whether a count of dead bodies, no one said whose, is of the fighting its sentence
    tells of (``fighting_context``: a clash, an encounter, a gunfight)."""
    words = e.target.lower().split()
    if e.category != "killed" or not words or words[-1] not in BODY_NOUNS:
        return False
    if ctx.kb.sides_in_phrase(e.target) or len(words) > 3:
        return False  # "the bodies of 12 villagers", "bodies of Russian soldiers"
    sentence = ctx.doc.text[e.sentence_start : e.sentence_end]
    return actors.names_any(sentence, (*ctx.kb.target_words.fighting_context, "encounter"))


def _its_own_irregulars(agent: str | None) -> bool:
    """ "its fighters", "our mujahideen": the speaker's own, named as irregulars or as a
    group names its members (a state's are its troops, soldiers or forces)."""
    if not agent or not _COLLECTIVE_OWNER.match(agent):
        return False
    words = load_target_words()
    members = (words.irregulars | words.group_members) - _ANY_BODYS_MEMBERS
    return bool(set(token_key(agent)) & members)


# Members any body has, a state's as much as a group's
_ANY_BODYS_MEMBERS = frozenset({"members", "commander", "commanders"})


def _irregulars_in(speaker: str) -> bool:
    """Whether a speaker is irregular fighters ("rebels in northern Mali", "the
    militants"), by its head noun before any place it is in, or by its name ("the West Papua
    Liberation Army")."""
    if set(token_key(speaker)) & INSURGENT_NAME_WORDS:
        return True
    head = _NAME_TAIL.sub("", speaker).split()
    return bool(head) and head[-1].lower() in load_target_words().irregulars


_INCLUDING = re.compile(
    rf"^[^,;.]{{0,40}}?,?\s*(?:{actors.subset_openers_pattern()})\s+([^;.]+)", re.IGNORECASE
)
_LIST_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _included_roles(
    ctx: DocumentContext, e: Extraction, side: str | None, neutral: bool
) -> set[str]:
    """The roles of those an "including" list right after a count of people in general
    names ("Forty-one people, including eight soldiers and 33 militiamen, were killed"),
    each listed part with a figure of its own; empty when there is no such list."""
    if not actors.names_only_generic_people(e.target):
        return set()
    found = _INCLUDING.match(ctx.doc.text[e.count_end : e.sentence_end])
    if found is None:
        return set()
    listed = found.group(1)
    verb = re.search(r",\s*(?:were|was|had|have|are|died)\b|\s(?:were|was)\s", listed)
    parts = [p.strip() for p in _LIST_SPLIT.split(listed[: verb.start()] if verb else listed)]
    figures = [_leading_figure(p) for p in parts if p]
    known = [f for f in figures if f is not None]
    if not known or len(known) < len(figures) or sum(known) != e.count.value:
        return set()  # a list of some of them ("nine, including a soldier") leaves the rest unknown
    return {
        actors.target_role(side, part, ctx.kb, claimant_is_neutral=neutral, category=e.category)
        for part in parts
    }


def _leading_figure(part: str) -> int | None:
    first = part.split()[0].lower()
    return 1 if first in ("a", "an") else parse_number(first)


def _outlet_abroad(ctx: DocumentContext, actor: actors.Actor) -> bool:
    """A state's news outlet telling of another country's war is neutral (ANNOTATION.md,
    whose people: an outlet on its own word); on its own state's war it is that state's
    voice."""
    if actor.kind != "outlet" or not actor.side or not ctx.country:
        return False
    return ctx.kb.state_side(ctx.country) not in (None, actor.side)


def _done_to_the_count(e: Extraction) -> bool:
    """Whether the count is what the event's verb acted on ("killed 84 fighters"), not
    who underwent it ("eight soldiers died")."""
    return any(k.startswith("path=") and k.endswith("dobj") for k in e.features)


def _unnamed_victims_of_its_own_deed(e: Extraction) -> bool:
    """A bare count ("killed dozens": no noun of its own, "noun=-", nor one from the text
    before) that the speaker's own acted on: "we", "it", "they", "our fighters", or the
    speaker."""
    if e.category not in ("killed", "wounded", "captured") or not _done_to_the_count(e):
        return False
    if e.target != "people" or "noun=-" not in e.features:
        return False
    agent = (e.agent or "").lower()
    return (
        agent in ("we", "us", "it", "they")
        or bool(_COLLECTIVE_OWNER.match(agent))
        or _agent_speaks(e)
    )


def _agent_speaks(e: Extraction) -> bool:
    """Whether who did it is who tells it ("the rebels admitted to losing seven fighters")."""
    surface = e.attribution.surface
    return bool(e.agent and surface) and e.agent.lower() == surface.lower()


def _owner_verb(e: Extraction) -> bool:
    """Whether the doer owns the counted: "lost 485 troops", "we deplore 4 killed and 7
    wounded"."""
    return OWNED_BY_ITS_DOER in e.features or _trigger_in(e, lexicon().owner_subject_verbs)


def _trigger_in(e: Extraction, lemmas: frozenset[str]) -> bool:
    return any(f"trigger={lemma}" in e.features for lemma in lemmas)


def _doer_side(ctx: DocumentContext, e: Extraction, claimant_side: str | None) -> str | None:
    """The side of a claim's doer (``_agent_side``), read as its words were said: quoted or
    reported."""
    return _agent_side(ctx, e.agent, claimant_side, quoted="in_quote" in e.features)


def _agent_side(
    ctx: DocumentContext,
    agent: str | None,
    claimant_side: str | None = None,
    *,
    quoted: bool = False,
) -> str | None:
    if not agent:
        return None
    if _COLLECTIVE_OWNER.match(agent):
        return claimant_side  # "its aircraft fired three munitions": the claimant attacked
    if agent.lower() == "they" and quoted:
        # '"They burned three trucks," the army spokesman said': in its own words a party
        # is "we"; "they" are the others, whom it fights
        return f"{_ARMED_AGAINST}{claimant_side}" if claimant_side else None
    if agent.lower() in ("they", "we", "it"):
        return claimant_side  # "the Houthis said they fired 18 missiles at the carrier"
    if agent.lower() in lexicon().pronouns:
        return None
    if set(token_key(agent)) & ctx.kb.target_words.enemy_markers:
        # "the enemy lost up to 1,250 servicemen": whoever the claimant fights
        return f"{_ARMED_AGAINST}{claimant_side}"
    agent = _before_its_places(agent)
    actor = ctx.kb.lookup(agent)
    if actor is not None:
        return actor.side
    return ctx.kb.side_of_phrase(agent)


def _before_its_places(agent: str) -> str:
    """The doer's words before any preposition of place: "a drone attack on a military
    parade in Aden" is no doing of the government seated in Aden."""
    words = agent.split()
    for i, word in enumerate(words[1:], start=1):
        if word.lower() in places.LOCATIVE_PREPOSITIONS:
            return " ".join(words[:i])
    return agent


def _speaks_for_a_state(surface: str) -> bool:
    """Whether a speaker is, by what it is, a state's: its forces ("police"), an institution
    ("the defence ministry"), its voice ("officials") or a ruler ("the governor")."""
    if actors.names_state_forces(surface):
        return True
    words = core_name(surface).lower().split()
    heads = _state_speaker_heads()
    return bool(words) and (words[-1] in heads or " ".join(words[-2:]) in heads)


@lru_cache(maxsize=1)
def _state_speaker_heads() -> frozenset[str]:
    return _INSTITUTION_HEADS | lexicon().state_voices | _RULERS | REGIONAL_RULERS


def _side_by_its_kind(ctx: DocumentContext, agent: str, side: str | None) -> str | None:
    """The side of doers the knowledge base does not know, by what they are as a state tells
    it: its forces ("commandos", "troops") are its own, irregulars its adversary's."""
    if not ctx.kb.is_state_side(side):
        return None
    if actors.names_irregulars(agent):
        return _ARMED_AGAINST + (side or "")
    if actors.names_state_forces(agent):
        return side
    return None


def _destroyed_by_the_other_side(ctx: DocumentContext, agent: str, side: str | None) -> bool:
    agent_side = _agent_side(ctx, agent, side)
    if agent_side is not None:
        return agent_side not in (side, actors.NEUTRAL)
    return actors.names_irregulars(agent) and not _claimant_is_armed_group(ctx, side)


def _done_by_irregulars(
    ctx: DocumentContext, e: Extraction, side: str | None, neutral: bool
) -> bool:
    """Whether a state's word tells of what irregulars ("gunmen", "bandits") did to people
    or things nobody names the owner of: then they were not the irregulars' own. (Of two
    states the knowledge base may lack the alliance, and a projectile is whoever's fired it.)"""
    return (
        not neutral
        and bool(e.agent)
        and _side_by_its_kind(ctx, e.agent or "", side) == f"{_ARMED_AGAINST}{side}"
        and not _is_projectile_target(e.target)
    )


def _claimant_is_armed_group(ctx: DocumentContext, side: str | None) -> bool:
    """Whether the claimant is itself an armed group (then "militants" may be its own)."""
    return side is not None and not ctx.kb.is_state_side(side)


def _attack_noun_side(kb: actors.KnowledgeBase, target: str) -> str | None:
    words = target.lower().split()
    if not words or words[-1] not in lexicon().attack_nouns:
        return None
    return kb.side_of_phrase(target)


_PLACE_HEADS = frozenset({"location", "locations", "area", "areas", "place", "places", "site"})
_PLACE_HEADS |= {"sites", "district", "districts", "region", "regions", "point", "points"}


def _places_of_its_own_state(ctx: DocumentContext, e: Extraction, side: str | None) -> bool:
    """Whether what was attacked is places ("locations", "areas") that the sentence puts in
    the claimant state's own country."""
    words = e.target.lower().split()
    if not words or words[-1] not in _PLACE_HEADS:
        return False
    sentence = ctx.doc.text[e.sentence_start : e.sentence_end]
    found = [m.place for m in places.find_place_names(sentence, ctx.country)]
    countries = {p.country_code for p in found if p.country_code}
    if not countries and ctx.country:
        countries = {ctx.country}  # "four locations in Barmal district": the report's country
    return len(countries) == 1 and ctx.kb.state_side(countries.pop()) == side


def _attacks_by_irregulars(target: str) -> bool:
    """ "two terrorist attacks", "jihadist raids": attacks named by irregular attackers."""
    words = target.lower().split()
    if len(words) < 2 or words[-1] not in lexicon().attack_nouns:
        return False
    irregulars = load_target_words().irregulars
    return any(w in irregulars or f"{w}s" in irregulars for w in words[:-1])


def _is_projectile_target(target: str) -> bool:
    words = set(_LOWER_WORDS.findall(target.lower()))
    singular = {w.rstrip("s") for w in words}
    return bool((words | singular) & lexicon().projectiles)


# -- one claim --------------------------------------------------------------------------------
def _resolve_one(
    ctx: DocumentContext, e: Extraction, *, jointly: bool = False, with_options: bool = True
) -> Claim:
    doc = ctx.doc
    if e.attribution.kind == "inherited" and _tells_of_another_day(ctx, e):
        # "A shootout between two groups on August 30 left nine dead", after a ministry's
        # statement about the news of another day: the outlet's background, not the voice
        # carried from before
        e = replace(e, attribution=Attribution(None))
    framed = _framed_country(ctx, e) or _country_of_a_local_service(ctx, e)
    if framed is not None:
        # "In Burkina Faso, the army said ...", in a roundup about Mali: that country's army,
        # not the last army that spoke in it
        recent = [a for a in ctx.claimants if a.country in (None, framed)]
        ctx = replace(ctx, country=framed, claimants=recent)
    claimant, aliases, actor = resolve_claimant(ctx, e.attribution)
    role = resolve_role(ctx, e, actor)
    exchange = (
        jointly
        and e.category in ("released", "captured")
        and actors.names_combatants_or_prisoners(e.target)
    )
    if exchange:
        # "both sides said they had each freed 270 soldiers": prisoners of both sides
        # counted together in an exchange are neither's own (ANNOTATION.md, whose people)
        role = "other"
    target_side = ctx.kb.side_of_phrase(e.target)
    evidence = doc.text[e.evidence_start : e.evidence_end]
    place_names = _claim_places(ctx, e)
    resolved = [
        places.resolve_or_text(name, ctx.country, named_countries=ctx.countries)
        for name in place_names
    ]
    event_date = _event_date(ctx, e)
    return Claim(
        id=claim_id(
            doc.id,
            e.evidence_start,
            e.evidence_end,
            e.category,
            e.count.value,
            e.count_start,
            party=claimant if jointly else None,
        ),
        doc_id=doc.id,
        category=e.category,
        value=e.count.value,
        value_high=e.count.value_high,
        qualifier=e.count.qualifier,
        evidence=evidence,
        span_start=e.evidence_start,
        span_end=e.evidence_end,
        claimant=claimant,
        claimant_aliases=aliases,
        claimant_actor=actor.id if actor is not None else None,
        target=e.target,
        target_actor=target_side,
        target_role=role,
        event_date=event_date,
        locations=place_names,
        places=resolved,
        hedged=e.hedged,
        confidence=_confidence(e),
        origin=(actor.name if actor is not None else None) or doc.syndicated_from or doc.outlet,
        stated_on=doc.published,
        features=_with_exchange(claim_features(ctx, e, actor, role, target_side), exchange),
        claimant_options=claimant_options(ctx, e, target_side) if with_options else [],
    )


# A sentence that opens by placing itself: "In Burkina Faso, ...", "Separately, in Mali, ..."
_PLACE_FRAME = re.compile(
    r"(?:^|[.!?][\"”’']?\s+)(?:[A-Z]\w+,\s+)?[Ii]n\s+(?P<place>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2}),",
    re.MULTILINE,
)


def _framed_country(ctx: DocumentContext, e: Extraction) -> str | None:
    """The country a claim's paragraph, up to its sentence, last opened a sentence in ("In
    Burkina Faso, the army said"), which a roundup of several countries' news gives the
    generic speakers after it ("the army", "the ministry")."""
    text = ctx.doc.text
    start = text.rfind("\n", 0, e.sentence_start) + 1
    country = None
    for frame in _PLACE_FRAME.finditer(text, start, e.sentence_end):
        place = places.resolve(frame.group("place"))
        if place is not None and place.country_code:
            country = place.country_code
    return country


_LOCAL_SERVICES = frozenset(" ".join(token_key(str(w))) for w in actor_words("local_services"))
_SERVICE_WORDS = frozenset(str(w) for w in actor_words("service_words"))


def _local_service_of_the_country(ctx: DocumentContext, surface: str) -> actors.Actor | None:
    """ "the civil defence agency said" in a report on Gaza: the service of the report's
    country the knowledge base names with the service's words (with or without a word of
    organisation after them: "agency", "department")."""
    key = token_key(surface)
    if key and key[-1] in _SERVICE_WORDS and " ".join(key[:-1]) in _LOCAL_SERVICES:
        key = key[:-1]
    if not ctx.country or " ".join(key) not in _LOCAL_SERVICES:
        return None
    actor = ctx.kb.local_service(" ".join(key), ctx.country, places=ctx.place_names)
    return ctx.kb.claimant_actor(actor.id) if actor is not None else None


def _country_of_a_local_service(ctx: DocumentContext, e: Extraction) -> str | None:
    """ "An Israeli raid on Jenin killed four Palestinians, the health ministry said": a
    service that counts the dead where they fall, named without a country, is the one of
    the country the claim's places are in (when they are in one)."""
    surface = e.attribution.surface
    if not surface or " ".join(token_key(surface)) not in _LOCAL_SERVICES:
        return None
    found = {
        place.country_code
        for name in _claim_places(ctx, e)
        if (place := places.resolve(name, ctx.country)) is not None and place.country_code
    }
    return found.pop() if len(found) == 1 else None


def _with_exchange(features: dict[str, float], exchange: bool) -> dict[str, float]:
    if exchange:
        features[EXCHANGED_BY_BOTH] = 1.0
    return features


_PROPER = re.compile(r"\b[A-Z][a-z]{3,}")


def _nation_relation(claimant: str, target: str) -> str:
    """Whether the claimant and the target name the same proper stem ("Russian Defence
    Ministry" and "Russian servicemen", "Armenia" and "Armenian troops") or different ones
    ("Azerbaijani ministry" and "Armenian tanks"): the usual sign of own and opponent."""
    mine = {w[:5].lower() for w in _PROPER.findall(claimant)}
    theirs = {w[:5].lower() for w in _PROPER.findall(target)}
    if not mine or not theirs:
        return "unnamed"
    return "same" if mine & theirs else "different"


def _size_class(value: int | None) -> str:
    if value is None:
        return "vague"
    for limit, name in ((1, "0"), (2, "1"), (10, "few"), (100, "tens"), (1000, "hundreds")):
        if value < limit:
            return name
    return "many"


def claim_features(
    ctx: DocumentContext,
    e: Extraction,
    actor: actors.Actor | None,
    role: str,
    target_side: str | None,
) -> dict[str, float]:
    """The extraction's parse features plus what resolving found: the rules' own decisions,
    the claimant's kind and side, and how the target's side relates to it."""
    head = _target_head(e)
    features = dict(e.features)
    for word in _LOWER_WORDS.findall(e.target.lower()):
        features[f"target_word={word}"] = 0.5
    features.update(
        {
            f"category={e.category}": 1.0,
            f"category_x_head={e.category}|{head}": 1.0,
            f"qualifier={e.count.qualifier}": 1.0,
            f"value={_size_class(e.count.value)}": 1.0,
            f"person={e.target_is_person}": 1.0,
            f"target_head={head}": 1.0,
            f"civilian_phrase={actors.is_civilian_phrase(e.target)}": 1.0,
        }
    )
    if e.hedged:
        features["hedged"] = 1.0
    if e.paragraph <= 1:
        features["lead_paragraph"] = 1.0
    if _people_in_a_report_of_fighting(ctx, e):
        features["people_in_a_report_of_fighting"] = 1.0
    features.update(claimant_features(ctx, e, e.attribution, actor, role, target_side))
    return features


def _people_in_a_report_of_fighting(ctx: DocumentContext, e: Extraction) -> bool:
    """People counted, no more than "people", in a report whose lead tells of fighting or
    of a military target, where their paragraph names no civilians and no place only
    civilians have: ANNOTATION.md's ``other`` if they mix combatants and civilians. A
    feature for the decision model, not a rule: on the groups read the annotators gave
    such people ``other`` 28 times in 32, but as a rule it broke more held-out roles than it
    mended."""
    if not actors.names_only_generic_people(e.target) or not ctx.lead_tells_of_fighting():
        return False
    return not actors.names_civilians_beyond_people(_paragraph_so_far(ctx, e))


def _paragraph_so_far(ctx: DocumentContext, e: Extraction) -> str:
    """The claim's paragraph up to the end of its sentence."""
    text = ctx.doc.text
    return text[text.rfind("\n", 0, e.sentence_start) + 1 : e.sentence_end]


def _target_head(e: Extraction) -> str:
    return (_HEAD_WORDS.findall(e.target.lower()) or ["-"])[-1]


def claimant_features(
    ctx: DocumentContext,
    e: Extraction,
    attribution: Attribution,
    actor: actors.Actor | None,
    role: str,
    target_side: str | None,
) -> dict[str, float]:
    """The features that change with who is credited (``CLAIMANT_FEATURE_PREFIXES``)."""
    if actor is None:
        relation = "no_actor"
    elif ctx.kb.is_neutral(actor.id):
        relation = "neutral_claimant"
    elif target_side is None:
        relation = "target_side_unknown"
    else:
        relation = "same_side" if target_side == actor.side else "other_side"
    head = _target_head(e)
    kind = actor.kind if actor is not None else attribution.kind
    surface = attribution.surface or ""
    features = {f"claimant_word={word}": 0.5 for word in _LOWER_WORDS.findall(surface.lower())}
    features.update(
        {
            f"nation={_nation_relation(surface, e.target)}": 1.0,
            # A linear model sees no interactions: the pairs that decide a role are given
            f"kind_x_head={kind}|{head}": 1.0,
            f"relation_x_head={relation}|{head}": 1.0,
            f"rule_role={role}": 1.0,
            f"category_rule_role={e.category}:{role}": 1.0,
            f"claimant_kind={actor.kind if actor is not None else '-'}": 1.0,
            f"side_relation={relation}": 1.0,
        }
    )
    return features


def claimant_options(
    ctx: DocumentContext, e: Extraction, target_side: str | None
) -> list[ClaimantOption]:
    """Everyone the claim could be credited to: the rules' choice first, the outlet itself,
    and the speakers around it, each resolved to a name, aliases, actor and the target role
    that crediting them implies."""
    choices: list[tuple[Attribution, str]] = [
        (e.attribution, "rule"),
        (Attribution(None), "reporter"),
        *e.speaker_options,
    ]
    by_name: dict[str, ClaimantOption] = {}
    for attribution, where in choices:
        name, aliases, actor = resolve_claimant(ctx, attribution)
        key = name.lower()
        if key in by_name:
            by_name[key].features[f"where={where}"] = 1.0
            continue
        as_credited = replace(e, attribution=attribution)
        role = resolve_role(ctx, as_credited, actor)
        features = {
            f"where={where}": 1.0,
            f"speaker_kind={attribution.kind}": 1.0,
            f"actor_kind={actor.kind if actor is not None else '-'}": 1.0,
            f"rule_attribution_x_where={e.attribution.kind}|{where}": 1.0,
            f"category_x_actor_kind={e.category}|{actor.kind if actor else '-'}": 1.0,
            f"role_x_actor_kind={role}|{actor.kind if actor else '-'}": 1.0,
        }
        if "in_quote" in e.features:
            features[f"quote_x_where={where}"] = 1.0
        # What the name looks like: "nine people", "subsequent" or "later reports" are no
        # speakers; "police", "ministry" or a person's name are
        words = _LOWER_WORDS.findall(name.lower()) or ["-"]
        features[f"speaker_head={words[-1]}"] = 1.0
        features[f"speaker_first={words[0]}"] = 1.0
        features[f"speaker_length={min(len(words), 5)}"] = 1.0
        if _DIGIT.search(name):
            features["speaker_has_digit"] = 1.0
        by_name[key] = ClaimantOption(
            name=name,
            aliases=aliases,
            actor=actor.id if actor is not None else None,
            role=role,
            features=features,
            claim_features=claimant_features(ctx, e, attribution, actor, role, target_side),
            origin=(actor.name if actor is not None else None)
            or ctx.doc.syndicated_from
            or ctx.doc.outlet,
        )
    return list(by_name.values())


def _confidence(e: Extraction) -> float:
    score = {
        "named": 0.9,
        "quote": 0.85,
        "pronoun": 0.75,
        "inherited": 0.6,
        "reporter": 0.7,
        "background": 0.7,
    }
    return score.get(e.attribution.kind, 0.5)


def _claim_places(ctx: DocumentContext, e: Extraction) -> list[str]:
    doc = ctx.doc
    # "Fighting between M23/AFC and the army": a party the tagger took for a place is none
    # (a place that names a party too, "Kyiv", the gazetteer knows)
    tagged = [
        name
        for name in e.places
        if ctx.kb.exact_actor_id(name) is None or places.resolve(name, ctx.country) is not None
    ]
    return places.claim_places(
        doc.text,
        e.sentence_start,
        e.sentence_end,
        tagged,
        country=ctx.country,
        dateline_place=doc.dateline_place,
        body_start=doc.body_start,
        lead_entity_names=ctx.tagged_places,
    )


_MONTH_OR_YEAR = re.compile(
    r"\b(?i:in|during|since|last|early|late|mid|earlier in)[\s-]+(?:(?P<month>[A-Z][a-z]+)\b"
    r"|(?P<year>(?:19|20)\d\d)\b|(?P<last>(?i:year|month))\b)"
)


def _in_another_month(ctx: DocumentContext, e: Extraction) -> bool:
    """ "In January, 28 soldiers were killed in a similar assault", "last year", "in 2019",
    in a report whose main event is of another month: a time the dates leave unresolved
    (a month is no day) that is still not the main event's."""
    assert ctx.main_date is not None
    main = date.fromisoformat(ctx.main_date[:10])
    sentence = ctx.doc.text[e.sentence_start : e.sentence_end]
    for found in _MONTH_OR_YEAR.finditer(sentence):
        if found.group("last"):
            return True
        if found.group("year"):
            return int(found.group("year")) != main.year
        month = dates.MONTHS.get(found.group("month").lower())
        if month is not None:
            return month != main.month
    return False


def _tells_of_another_day(ctx: DocumentContext, e: Extraction) -> bool:
    """A claim whose own sentence dates it more than two days from the report's main event."""
    if ctx.main_date is None:
        return False
    if _in_another_month(ctx, e):
        # "In January, 28 soldiers were killed": a month of its own, though the day found
        # for it is carried from the sentence before
        return True
    own = dates.event_date_for(e.evidence_start, e.evidence_end, ctx.doc.text, ctx.doc.published)
    if own is None:
        return False
    try:
        gap = abs(date.fromisoformat(own[:10]) - date.fromisoformat(ctx.main_date[:10]))
    except ValueError:
        return False
    return gap.days > 2


def _event_date(ctx: DocumentContext, e: Extraction) -> str | None:
    return dates.event_date_for(
        e.evidence_start,
        e.evidence_end,
        ctx.doc.text,
        ctx.doc.published,
        default=ctx.main_date,
        focus=e.count_start,
    )


# -- hedges ---------------------------------------------------------------------------------
def _apply_rejections(ctx: DocumentContext, claims: list[Claim]) -> None:
    """A party rejecting another's figures ("termed the ISPR's claims fabricated") hedges them."""
    lex = lexicon()
    text = ctx.doc.text
    rejected: set[str] = set()
    rejecting = _rejecting_verbs()
    # What a sentence needs, asked of the whole text first: most reports reject nothing
    if not _may_reject(text.lower(), rejecting, lex.rejection_nouns):
        return
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        if not _may_reject(sentence.lower(), rejecting, lex.rejection_nouns):
            continue
        found = ctx.kb.find_mentions(sentence)
        # The speaker is the subject named first after the rejection or at the start; the
        # rejected parties are the others. Without a parse, treat every party whose claims
        # ("X's claims", "claims by X", "X military's claims") are named as rejected; with
        # one party named, only one whose claim the possessive names ("the minister
        # dismissed al-Shabaab's claim"), for "X denied claims" is X rejecting
        several = len({ctx.kb.claimant_actor(m.actor_id).id for m in found}) >= 2
        for m in found:
            after = sentence[m.end : m.end + 25].lower()
            before = sentence[max(0, m.start - 15) : m.start].lower()
            owned = re.match(r"^(?:’s|'s)\s*(?:\w+\s)?claims?", after)
            if owned or (
                several
                and (
                    re.match(r"^(?:’s|'s)?\s*(?:\w+\s)?(?:’s|'s)?\s*(?:\w+\s)?claims?", after)
                    or "claims by" in before
                    or "claims of" in before
                )
            ):
                rejected.add(ctx.kb.claimant_actor(m.actor_id).id)
    for claim in claims:
        if claim.claimant_actor in rejected:
            claim.hedged = True


def _may_reject(low: str, rejecting: re.Pattern[str], nouns: Iterable[str]) -> bool:
    """Whether a lower-cased text holds a rejection's words: a rejecting verb with "claim"
    or a word of rejection, or a word of rejection with "claim"."""
    has_verb = rejecting.search(low) is not None
    has_noun = any(n in low for n in nouns)
    return (has_verb and ("claim" in low or has_noun)) or (has_noun and "claim" in low)


@lru_cache(maxsize=1)
def _rejecting_verbs() -> re.Pattern[str]:
    """Any rejection verb of the lexicon in any of its forms, as one pattern."""
    verbs = sorted(lexicon().rejections, key=len, reverse=True)
    if not verbs:
        return re.compile(r"(?!)")  # matches nothing
    return re.compile(r"\b(?:" + "|".join(map(re.escape, verbs)) + r")(?:s|d|ed|ing|es)?\b")


_OTHERS = re.compile(r"\s*(?:more\s+)?others?\b", re.IGNORECASE)


def _others_share_their_role(text: str, resolved: list[tuple[Extraction, Claim]]) -> None:
    """ "They admitted to losing seven fighters, with twelve others injured": the others are
    more of the people the count before them counted, in the same sentence and the same
    claimant's words, so they are whose those were."""
    for (before, earlier), (e, claim) in pairwise(resolved):
        if (
            _OTHERS.match(text, e.count_end)
            and e.sentence_start == before.sentence_start
            and e.target == before.target
            and claim.claimant == earlier.claimant
        ):
            claim.target_role = earlier.target_role


def _attacks_of_one_attacker(
    kb: actors.KnowledgeBase, resolved: list[tuple[Extraction, Claim]]
) -> None:
    """ "repelled 156 Russian assaults ..., with the heaviest fighting near Pokrovsk, where 47
    attacks were recorded": attacks a sentence names no attacker of are those of the attacks
    it named one for, in the same claimant's words."""
    for (before, earlier), (e, claim) in pairwise(resolved):
        if (
            e.category == earlier.category == "attacks"
            and e.sentence_start == before.sentence_start
            and claim.claimant == earlier.claimant
            and not kb.sides_in_phrase(e.target)
            and kb.sides_in_phrase(before.target)
        ):
            claim.target_role = earlier.target_role


def _apply_denials(claims: list[Claim]) -> None:
    """A party's denial (a figure of 0) contests other parties' figures for the same loss."""
    for denial in [c for c in claims if c.value == 0 and c.claimant != REPORTER]:
        for claim in claims:
            if (
                claim is denial
                or claim.claimant == denial.claimant
                or claim.category != denial.category
            ):
                continue
            if not claim.value:
                continue
            same_cell = (claim.target_role == denial.target_role == "civilian") or (
                denial.target_role == "own" and claim.target_role == "opponent"
            )
            if same_cell:
                claim.hedged = True
