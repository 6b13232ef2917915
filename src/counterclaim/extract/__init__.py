"""Stage 3, extract: counts, their categories, targets, claimants and hedges.

Works on a spaCy ``Doc`` of the whole document text (so that spans are offsets into the
stored text). For every count in a body sentence (digits, number words, "a dozen", vague
words, denials) it looks for the word that makes it a claim (a trigger verb, noun or
adjective of ``data/lexicon/triggers.yaml``) through the dependency parse, then for who
says so: a reporting verb above the trigger, "according to", a quotation's attribution,
or the claimant of the paragraph. The result is a list of :class:`Extraction`; the resolve
stage turns them into :class:`~counterclaim.model.Claim` objects with actors and sides.

This module holds the stage's entry point, :func:`find_extractions`, which walks the
sentences and carries the claimant of a paragraph from one figure to the next. The rules
live in the modules it calls, in the order of the work:

- ``sentences``: which sentences are body text, their paragraph, hedges and places
- ``counts``: the figures of a sentence and the nouns they count
- ``triggers``: the word that makes a figure a claim, and its category
- ``targets``: who or what is counted, as the text names them
- ``attribution``: who the text says makes the claim
- ``wordlists`` and ``text``: the word lists and text helpers all of them share
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from counterclaim import places
from counterclaim.extract.attribution import (
    Attribution,
    deed_claimed,
    find_attribution,
    headline_speaker,
    is_speaker,
    mend_datelines_hung_on_the_sentence,
    mend_doers_taken_for_a_relative_clause,
    mend_speakers_ending_a_list,
    mend_speakers_in_apposition,
    quote_around,
    quote_spans,
    refers_to_speaker,
    release_issuer,
    sentence_speaker,
    trailing_attribution,
)
from counterclaim.extract.counts import CountMention, find_counts, partitive_noun, unsplit_figure
from counterclaim.extract.features import OWNED_BY_ITS_DOER, candidate_features
from counterclaim.extract.sentences import (
    body_start_of,
    breaks_voice,
    cumulative_tokens,
    is_body_sentence,
    is_war_toll,
    paragraph_index,
    sentence_hedged,
    sentence_places,
    sentence_text,
)
from counterclaim.extract.targets import (
    COUNTED_PRONOUNS,
    in_subset_phrase,
    owner_named_before,
    people_named,
    target_text,
    with_owner,
)
from counterclaim.extract.text import doc_text, np_text, tidy_name
from counterclaim.extract.triggers import (
    Trigger,
    attacked_phrase,
    categories_of_verb,
    find_trigger,
    listed_trigger,
    mend_counts_joined_to_a_verb,
    mend_lists_resumed_after_an_inclusion,
    mend_object_relatives_taken_for_an_apposition,
    mend_resultatives_before_a_count,
    mend_verbs_joined_to_an_object,
    mend_verbs_tagged_as_nouns,
    nearest_trigger,
    placed_apart,
    second_trigger,
    sense_for_things,
    with_its_owner,
)
from counterclaim.extract.wordlists import Lexicon, is_person, lexicon
from counterclaim.numbers import Count

__all__ = [
    "EXTRACTOR_VERSION",
    "Attribution",
    "Extraction",
    "Lexicon",
    "extractor_version",
    "find_extractions",
    "lexicon",
    "tidy_name",
    "trailing_attribution",
]

EXTRACTOR_VERSION = "3"

# What an extraction is made of: the code of the rules and the data they read. A change to
# any of them makes stored claims stale (see ``pipeline.extraction_version``).
_MADE_OF = (
    "extract",
    "actors",
    "dates",
    "resolve.py",
    "numbers.py",
    "places.py",
    "nlp.py",
    "decide.py",
    "data/lexicon",
    "data/places.yaml",
)


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """``EXTRACTOR_VERSION`` plus a hash of the files the extraction is made of."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(EXTRACTOR_VERSION.encode())
    for part in _MADE_OF:
        path = root / part
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file() and file.suffix in (".py", ".yaml", ".yml"):
                digest.update(file.relative_to(root).as_posix().encode())
                digest.update(file.read_bytes())
    return f"{EXTRACTOR_VERSION}.{digest.hexdigest()[:10]}"


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
    attacked: str | None = None  # what an attack hit ("fired at the vessel"), when not counted
    places: list[str] = field(default_factory=list)  # place entities of the sentence
    hedged: bool = False
    trigger: str = ""
    target_kind: str = ""  # "vessel" or "warship" for a ship named in the text
    # What the parse says around the candidate, for the decision model (``decide``)
    features: dict[str, float] = field(default_factory=dict)
    # Other speakers the claim could be credited to, with where they speak relative to it
    # ("previous_1": one sentence before); the decision model chooses among them
    speaker_options: list[tuple[Attribution, str]] = field(default_factory=list)


# -- the component --------------------------------------------------------------------------
def find_extractions(doc: Doc, *, loose: bool = False) -> list[Extraction]:
    """Every claim candidate in a parsed document (the rule component's work); with
    ``loose``, also each figure the parse ties to no event word, credited to the nearest
    event word of its sentence and marked as loose for the decision model."""
    # The parser's known slips, mended in the tree before any rule reads it: a dateline hung
    # on the sentence after it, a speaker hung on the counted, a deed read as a relative
    # clause on its doer, a count hung on the verb, a second verb hung on the first one's
    # object, a participle tagged a noun, a list resumed after an inclusion, a verb's
    # adjective given to its object, a relative clause's doer taken for an apposition
    mend_datelines_hung_on_the_sentence(doc)
    mend_speakers_in_apposition(doc)
    mend_speakers_ending_a_list(doc)
    mend_doers_taken_for_a_relative_clause(doc)
    mend_counts_joined_to_a_verb(doc)
    mend_verbs_joined_to_an_object(doc)
    mend_verbs_tagged_as_nouns(doc)
    mend_lists_resumed_after_an_inclusion(doc)
    mend_resultatives_before_a_count(doc)
    mend_object_relatives_taken_for_an_apposition(doc)
    title = doc.user_data.get("title") if doc.user_data else None
    body_start = body_start_of(doc)
    quotes = quote_spans(doc_text(doc))
    results: list[Extraction] = []
    paragraph_claimant: dict[int, Attribution] = {}
    last_named: Attribution | None = None
    antecedent: tuple[int, Span | None] = (-1, None)  # paragraph, the last sentence
    last_speaker: Attribution | None = None  # who last said something, for "he said"
    last_person: Attribution | None = None  # the last of them who is a person
    # The last claim's trigger, where its count ends, its target, and whether it was a part
    # listed after a colon: "20 soldiers were killed: 12 in Kidal and 8 in Gao"
    last_trigger: tuple[Trigger, int, str, bool] | None = None
    body = [
        sent for sent in doc.sents if sent.end_char > body_start and is_body_sentence(sent, title)
    ]
    speakers = [sentence_speaker(sent) for sent in body]
    # "Gunmen kill 96 in Plateau – Police": the headline's credit is the lead paragraph's
    # voice, where the lead names none of its own
    credited = headline_speaker(title) if title else None
    lead_paragraph = paragraph_index(doc_text(doc), body[0].start_char) if body else -1
    # "Press release of the Army General Staff": every paragraph is the issuer's, not the lead
    # alone
    issuer = _issuer_of_the_release(title, body)
    if issuer is not None:
        credited = issuer
    # "The air force said on Tuesday:" and a list under it: each item is said by it
    colon_voice: tuple[int, Attribution] | None = None
    for index, sent in enumerate(body):
        paragraph = paragraph_index(doc_text(doc), sent.start_char)
        if colon_voice is not None and paragraph != colon_voice[0]:
            if _a_list_item(doc_text(doc), sent.start_char):
                paragraph_claimant.setdefault(paragraph, colon_voice[1])
            else:
                colon_voice = None
        if speakers[index] is not None and sentence_text(sent).rstrip().endswith(":"):
            colon_voice = (paragraph, speakers[index])
        cumulative = cumulative_tokens(sent)
        if cumulative is not None and len(cumulative) == len(sent):
            continue
        sentence_before = antecedent[1] if antecedent[0] == paragraph else None
        antecedent = (paragraph, sent)
        hedged = sentence_hedged(sent)
        apart = breaks_voice(sentence_text(sent))  # "Separately, ...": no earlier speaker's voice
        previous_target: str | None = None
        previous_is_thing = False  # "struck a vehicle ..., killing three": not the vehicle
        listing: tuple[CountMention, Trigger] | None = None  # the sentence's last claim
        mentions = find_counts(sent)
        partitive_totals = {
            partitive_noun(m.token).i
            for m in mentions
            if m.noun is None and partitive_noun(m.token) is not None
        }
        for mention in mentions:
            if cumulative is not None and mention.token.i in cumulative:
                continue  # "..., bringing the toll since October to 35,000"
            whole = (
                mention.noun is not None
                and mention.noun.i in partitive_totals
                and mention.token.dep_ == "nummod"
            ) or mention.token.i in partitive_totals
            own_event = _event_of_the_whole(mention) if whole else None
            if whole and own_event is None:
                continue  # "four of the 25 people", "two of the five dead": the whole
            if in_subset_phrase(mention.token) and not _event_of_its_own(mention, results, sent):
                continue  # "including four Fidayeen", "among them two children"
            if mention.noun is not None and is_speaker(mention.noun, mention.count.value):
                continue
            breakdown = (
                _breakdown_list(mention.noun)
                if mention.noun is not None and not _opens_a_list(mention)
                else None
            )
            if breakdown is not None:
                # "three Indians, three Britons and one Portuguese had died": no claim each,
                # but together the people the sentence counts, when it gives no total
                summed = _breakdown_total(mention, mentions, breakdown)
                if summed is None:
                    continue
                mention = summed
            else:
                summed = None
            trigger = own_event or find_trigger(mention)
            if trigger is not None and _picked_from_the_counted(mention, trigger):
                continue
            part_of: str | None = None
            figure_of: str | None = None  # the target of the figure a count revises
            if trigger is None and mention.noun is None and last_trigger is not None:
                # Parts of a total listed after a colon are claims of the same kind
                # (ANNOTATION.md "Parts and totals")
                between = doc_text(doc)[last_trigger[1] : mention.start]
                listed = ":" in between or last_trigger[3]
                if listed and not re.search(r"[.;\n]", between.replace(":", "", 1)):
                    trigger, part_of = last_trigger[0], last_trigger[2]
                elif "\n" not in between and _sets_the_figure(mention):
                    # "Witnesses said 10 were killed, but police put the figure at four": the
                    # figure is the one just told, and whoever sets it tells it
                    trigger = Trigger(last_trigger[0].category, _figure_noun(mention))
                    figure_of = last_trigger[2]
            if trigger is None and part_of is None and listing is not None:
                trigger = listed_trigger(*listing, mention)
            if (
                trigger is not None
                and mention.count.value == 1
                and (
                    trigger.category == "attacks"
                    or (trigger.category == "seized" and _is_place(mention.noun))
                )
            ):
                trigger = None  # one attack or one place seized, however written, is no count
            if trigger is not None and _describes_one(trigger, mention):
                trigger = None  # "an injured child is lying in hospital": a person described
            if trigger is not None and _part_of_the_last(mention, trigger, listing):
                trigger = None  # "298 civilians, 194 of whom were executed": part of a toll
            if trigger is not None and _yet_to_come(trigger):
                trigger = None  # "agreed to release 1,000 prisoners", "will free 30"
            if trigger is not None and _evacuates_population(trigger, mention):
                trigger = None  # "7,000 residents were evacuated": displaced, not released
            if trigger is not None and (
                # "40 killed or wounded" is one unsplit figure, "none killed or wounded" two
                # denials
                (mention.count.value != 0 and unsplit_figure(doc, trigger.token, mention))
                or is_war_toll(trigger.token)
            ):
                trigger = None
            is_loose = False
            if loose and trigger is None and part_of is None:
                # Every figure near an event word is a candidate; the decision model judges
                # those the parse does not tie to one (``decide``: the rules alone drop them)
                trigger = nearest_trigger(mention)
                is_loose = trigger is not None
            if (
                trigger is not None
                and summed is not None
                and _within_a_toll(summed, trigger, results)
            ):
                trigger = None  # foreigners listed among a larger toll given before
            if trigger is None:
                if mention.noun is not None:
                    previous_target = target_text(mention, previous_target)
                    previous_is_thing = is_person(mention.noun) is False
                continue
            if not is_loose:
                listing = (mention, trigger)
            owned = with_its_owner(mention, trigger)
            owned_by_its_doer = owned is not trigger
            trigger = owned
            # the people of the sentence before, read only for a sentence with a claim
            people_before = people_named(sentence_before) if sentence_before else None
            pronoun = _counted_pronoun(mention)
            if pronoun is not None:
                # "... abducted 25 passengers. Five of them were later rescued": the people
                # the sentence before counted, not whoever it named last
                people_before = _people_counted_before(
                    pronoun, results, sentence_before, trigger.category
                )
                counts_things = people_before is not None and not results[-1].target_is_person
                counted: Token | None = pronoun
            else:
                counted = (
                    mention.noun if mention.noun is not None else partitive_noun(mention.token)
                )
                counts_things = is_person(counted) is False
            before = previous_target
            if (
                before
                and before.lower().split()[-1] in lexicon().bodies
                and (trigger.category != "killed")
            ):
                before = None  # "received 33 bodies and 70 wounded": the wounded are no bodies
            if (
                mention.noun is None
                and trigger.category in lexicon().people_only
                and (counts_things or (previous_is_thing and counted is None))
            ):
                # a bare count after things: "..., while 9 were lost" are things lost, where
                # the event word has a sense for things; "struck a vehicle, killing three"
                # counts people
                for_things = sense_for_things(trigger.token)
                if for_things is not None:
                    trigger = Trigger(for_things, trigger.token, trigger.agent)
                    counts_things = True
                else:
                    before = None
            target = part_of or figure_of or target_text(mention, before, people_before)
            if not part_of and mention.noun is not None:
                target = _with_description(target, mention.noun)
            previous_target = target
            previous_is_thing = counts_things or (
                mention.noun is None and before is not None and previous_is_thing
            )
            last_trigger = (trigger, mention.end, target, part_of is not None)
            attribution = find_attribution(sent, trigger.token, quotes, mention.end)
            if attribution.kind == "reporter" and not apart:
                inherited = paragraph_claimant.get(paragraph)
                if (
                    inherited is None
                    and last_named is not None
                    and (
                        "reportedly" in sentence_text(sent).lower()
                        or _continues(results, trigger.category)
                        or _counts_the_others(mention, results)
                    )
                ):
                    inherited = last_named
                quoted = quote_around(quotes, trigger.token.idx) is not None
                if (
                    inherited is None
                    and credited is not None
                    and (paragraph == lead_paragraph or issuer is not None)
                ):
                    inherited = Attribution(credited, "named", 0, [credited])
                if inherited is None and last_speaker is not None and quoted:
                    # a quotation with no speaker of its own goes on with the last one
                    # ('"... not successful," RIA quoted the ministry as saying.' then a
                    # paragraph of quotation alone)
                    inherited = last_speaker
                if inherited is not None:
                    attribution = _carried(inherited)
            elif (
                attribution.kind == "pronoun"
                and last_speaker is not None
                and refers_to_speaker(attribution.surface or "")
                and not _named_before_in_sentence(sent, attribution)
            ):
                # "He said two soldiers had died": he is who spoke last, not whichever
                # group was named last; and of those who spoke, the last person
                he = (attribution.surface or "").lower() in ("he", "she")
                attribution = _carried(last_person if he and last_person else last_speaker)
            elif (
                attribution.kind in ("named", "pronoun")
                and last_speaker is not None
                and _points_at_the_last_organisation(attribution, last_speaker, last_person)
                and not _named_before_in_sentence(sent, attribution)
            ):
                attribution = _carried(last_speaker)
            elif attribution.kind in ("named", "pronoun"):
                paragraph_claimant[paragraph] = attribution
                last_named = attribution
            if attribution.kind == "background" and speakers[index] is not None:
                # who claimed the deed is still who spoke last: "It gave higher figures"
                last_speaker = speakers[index]
            if attribution.kind == "named" or (
                # "the army said ...": a voice as well, which "it said" next points back to
                attribution.kind == "pronoun" and not refers_to_speaker(attribution.surface or "")
            ):
                last_speaker = attribution
                last_person = attribution if _a_person(doc, attribution) else last_person
            speaker = _speaker_head(sent, attribution)
            owner = (
                owner_named_before(
                    mention, trigger.agent, {t.i for t in speaker.subtree} if speaker else set()
                )
                if not part_of and _names_its_speaker(speaker, attribution)
                else None
            )
            if owner is not None:
                target = with_owner(target, owner)
            evidence_start, evidence_end = _evidence_span(sent, mention, trigger)
            results.append(
                Extraction(
                    category=trigger.category,
                    count=mention.count,
                    count_start=mention.start,
                    count_end=mention.end,
                    target=target,
                    target_is_person=is_person(mention.noun),
                    evidence_start=evidence_start,
                    evidence_end=evidence_end,
                    sentence_start=sent.start_char,
                    sentence_end=sent.end_char,
                    paragraph=paragraph,
                    attribution=attribution,
                    agent=_agent_text(trigger.agent, mention),
                    attacked=_attacked(trigger, mention),
                    hedged=hedged,
                    trigger=trigger.token.text,
                    places=sentence_places(sent),
                    target_kind=mention.kind,
                    features=candidate_features(
                        sent, mention, trigger, attribution, quotes, loose=is_loose
                    )
                    | ({OWNED_BY_ITS_DOER: 1.0} if owned_by_its_doer else {}),
                    speaker_options=_speaker_options(
                        speakers, index, paragraph_claimant.get(paragraph), last_named
                    ),
                )
            )
            also = second_trigger(mention, trigger) if not is_loose else None
            if also is not None:
                results.append(
                    replace(
                        results[-1],
                        category=also.category,
                        trigger=also.token.text,
                        # "shot down all 14 drones launched by Russia": who launched them
                        agent=_agent_text(also.agent, mention),
                        attacked=_attacked(also, mention),
                        features=candidate_features(sent, mention, also, attribution, quotes),
                    )
                )
        claimed_here = bool(results) and results[-1].sentence_start == sent.start_char
        if hedged and not claimed_here and results and _points_back(sent, results[-1], body, index):
            # "Al-Shabaab said it killed 47 soldiers. The claim could not be verified."
            last = results[-1].sentence_start
            for extraction in results:
                if extraction.sentence_start == last:
                    extraction.hedged = True
        if hedged and not claimed_here and _names_every_figure(sent):
            # "There was no independent confirmation of the casualty figures": all of them
            for extraction in results:
                extraction.hedged = True
        if (
            not claimed_here
            and not hedged
            and speakers[index] is not None
            and (_confirms_a_toll(sent) or _names_the_counted_before(sent, results, body, index))
        ):
            # "45 officers were killed near Diffa. Officials at the interior ministry later
            # confirmed the toll": the figure the outlet stated is theirs ("Reuters could not
            # verify the figures" confirms nothing)
            _credit_last_figures(results, body, index, speakers[index])
        if not mentions or paragraph not in paragraph_claimant:
            # A named speaker in a sentence without claims still sets the paragraph's voice
            # for what follows ("The ISPR said ... . The forces destroyed 3 posts.")
            voice = speakers[index]
            if voice is not None and paragraph not in paragraph_claimant and not _owns_a_deed(sent):
                paragraph_claimant[paragraph] = voice
            if voice is not None and not claimed_here:
                # "The army said troops repelled an attack on a base" (one attack, no
                # claim): it spoke all the same, and "it said" next points back to it
                last_speaker = voice
        if speakers[index] is not None and _a_person(doc, speakers[index]):
            last_person = speakers[index]  # "One soldier who survived said ...": "he" later
    return _without_losses_in_a_tally(results)


def _without_losses_in_a_tally(results: list[Extraction]) -> list[Extraction]:
    """ "the enemy lost up to 1,250 servicemen, 12 tanks and 30 vehicles": people a side
    lost, counted with the equipment it lost, are a communique's losses, dead and wounded
    together (ANNOTATION.md: unsplit figures are no claim); "admitted losing seven fighters"
    alone is a toll of the dead."""
    owners = {f"trigger={verb}" for verb in lexicon().owner_subject_verbs}

    def losses(e: Extraction) -> set[str]:
        return owners & set(e.features)

    things_lost = {
        (e.sentence_start, verb)
        for e in results
        if e.target_is_person is False
        for verb in losses(e)
    }
    return [
        e
        for e in results
        if not (
            e.target_is_person
            and e.category == "killed"
            and any((e.sentence_start, verb) in things_lost for verb in losses(e))
        )
    ]


SPEAKER_WINDOW = (3, 2)  # sentences before and after a claim whose speakers may own it


def _breakdown_total(
    mention: CountMention, mentions: list[CountMention], listed: list[Token]
) -> CountMention | None:
    """The first count of a breakdown list made the count of everyone listed ("two Indians
    and a Pakistani national were killed": 3, "12 children, three women and five men": 20),
    with all the listed words as its target. None for the list's other counts, for a list
    with a vague count, and when the sentence states the total itself ("killed 20 people:
    12 children, three women and five men")."""
    items = [m for m in mentions if m.noun in listed and not _opens_a_list(m)]
    if not items or items[0] is not mention or len(items) < 2:
        return None
    top = items[0].noun
    assert top is not None
    if top.head.lemma_.lower() in ("include", "including", "among"):
        return None  # "the dead included 13 Israelis and 10 Thais": part of a toll
    values = [m.count.value for m in items]
    if any(value is None for value in values):
        return None
    total = sum(v for v in values if v is not None)
    if any(
        m.count.value == total and is_person(m.noun) is not False
        for m in mentions
        if m not in items
    ):
        return None  # the people's total in the same sentence, not "three tankers"
    words = " and ".join(_described_noun(m.noun) for m in items if m.noun is not None)
    return replace(mention, count=replace(mention.count, value=total), name=words)


def _opens_a_list(mention: CountMention) -> bool:
    """ "The strike killed 20: 12 children, three women and five men": the figure before
    the colon is the total the list breaks down, whatever noun the parser gave it."""
    after = doc_text(mention.token.doc)[mention.end : mention.end + 3].lstrip()
    return after[:1] in (":", "–", "—")


def _within_a_toll(summed: CountMention, trigger: Trigger, results: list[Extraction]) -> bool:
    """Whether the report gave a larger figure of the same kind before a list's sum ("290
    were killed ... three Indians, three Britons and one Portuguese had died"): the list
    breaks down a part of that toll."""
    total = summed.count.value or 0
    return any(r.category == trigger.category and (r.count.value or 0) > total for r in results)


def _listed_items(noun: Token) -> list[Token]:
    """The nouns of the list a noun is an item of, joined by "and" or set side by side."""
    top = noun
    while top.dep_ in ("conj", "appos") and top.head.pos_ in ("NOUN", "PROPN"):
        top = top.head
    group, frontier = [top], [top]
    while frontier:
        item = frontier.pop()
        for child in item.children:
            if child.dep_ in ("conj", "appos") and child.pos_ in ("NOUN", "PROPN"):
                group.append(child)
                frontier.append(child)
    return sorted(group, key=lambda t: t.i)


def _breakdown_list(noun: Token) -> list[Token] | None:
    """The nouns of the list a count is listed in, when its counts split the same people by
    nationality ("13 Israelis, 10 Thais and one Filipino") or by sex or age ("nine adults
    and one child", "12 children, three women and five men"): a breakdown of the people, not
    a claim each (ANNOTATION.md). None for counts split by side ("30 soldiers and 12
    villagers"), which stand."""
    listed = _listed_items(noun)
    group = listed
    if any(c.dep_ == "punct" and c.text in ":–—" for c in group[0].children):
        group = group[1:]  # "20 people: 12 children, three women and five men": the total
    counted = [
        t
        for t in group
        if any(c.dep_ == "nummod" or c.like_num or c.lower_ in ("a", "an") for c in t.children)
    ]
    if len(counted) < 2 or noun not in counted:
        return None
    by_sex_or_age = lexicon().breakdown_nouns
    if all(t.lemma_.lower() in by_sex_or_age or t.lower_ in by_sex_or_age for t in counted):
        return listed
    nations = {tuple(places.country_context(_described_noun(t))) for t in counted}
    return listed if len(nations) >= 2 and all(nations) else None


def _with_description(target: str, noun: Token) -> str:
    """A person counted by name with what the text says they are ("Nikolai Kotelnikov, a
    66-year-old priest at the church" → "Nikolai Kotelnikov (priest)"): whose they were
    is in the description, not the name."""
    if noun.pos_ != "PROPN":
        return target
    for child in noun.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i > noun.i:
            return f"{target} ({_described_noun(child)})"
    return target


def _described_noun(noun: Token) -> str:
    """A noun with the words that describe it before it ("Pakistani national"), but not
    an age ("a 66-year-old priest" is a priest)."""
    describing = [
        t.text
        for t in noun.lefts
        if t.dep_ in ("amod", "compound") and not any(w.like_num for w in t.subtree)
    ]
    return " ".join([*describing, noun.text])


def _yet_to_come(trigger: Trigger) -> bool:
    """An event still to come: "will release 30 prisoners", "agreed to release 1,000",
    "the deal calls for Hamas to free 50 hostages", "the plan to exchange 1,000 prisoners"."""
    verb = trigger.token
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & {"will", "shall", "'ll"}:
        return True
    if "to" not in auxiliaries or verb.dep_ not in ("xcomp", "acl", "ccomp", "advcl"):
        return False
    # "confirmed the plan for both sides to release 1,000": the parser may hang the
    # infinitive on the verb whose object is the plan
    head = verb.head
    planners = [head] + [
        c for c in head.children if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.i < verb.i
    ]
    return any(p.lemma_.lower() in lexicon().planning_words for p in planners)


def _sets_the_figure(mention: CountMention) -> bool:
    """ "put the figure at four", "the number stood at 12": a count a generic figure noun is
    set at, which names no event of its own."""
    prep = mention.token.head
    if mention.token.dep_ != "pobj" or prep.lower_ != "at":
        return False
    verb = prep.head
    if verb.lemma_.lower() not in lexicon().put_at_verbs and verb.lemma_.lower() != "be":
        return False
    return _figure_noun(mention) != mention.token


def _figure_noun(mention: CountMention) -> Token:
    """The figure noun a count is set at ("put the figure at four": "figure"), whose clause
    says who sets it; the count itself when there is none."""
    verb = mention.token.head.head
    # the toll nouns but "toll", which names its own event ("put the toll at 40": killed)
    figures = lexicon().toll_nouns - {"toll"}
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubj") and child.lemma_.lower() in figures:
            return child
    return mention.token


def _part_of_the_last(
    mention: CountMention, trigger: Trigger, listing: tuple[CountMention, Trigger] | None
) -> bool:
    """ "killed 298 civilians, 194 of whom were executed": a part of the sentence's last
    figure that befell them the same way is no claim of its own; "abducted 30, 20 of whom
    were later killed" tells of another event and is."""
    if listing is None or listing[1].category != trigger.category:
        return False
    doc = mention.token.doc
    after = doc[mention.token.i + 1 : mention.token.i + 3]
    return (
        len(after) == 2
        and after[0].lower_ == "of"
        and after[1].lower_ in ("whom", "them")
        and not placed_apart(mention.token)
    )


def _describes_one(trigger: Trigger, mention: CountMention) -> bool:
    """One person or thing with an article, whose event word only describes them ("an
    injured boy told reporters", "a boy who was wounded in the strike said"): no count.
    "A soldier was killed" states the event and stays a claim."""
    noun = mention.noun
    if not (
        mention.count.value == 1
        and mention.first.lower_ in ("a", "an")
        and noun is not None
        and trigger.token.head == noun
        and trigger.token.dep_ in ("amod", "relcl", "acl")
    ):
        return False
    # what the person or thing does or undergoes: "a wounded soldier died" is an event,
    # and so is finding the dead ("a dead man was found")
    predicate = noun.head
    if predicate.pos_ in ("VERB", "AUX") and categories_of_verb(predicate):
        return False
    return not (
        trigger.category == "killed" and predicate.lemma_.lower() in lexicon().finding_verbs
    )


def _evacuates_population(trigger: Trigger, mention: CountMention) -> bool:
    lex = lexicon()
    # "14 of its staff": the people a part counts are those of its whole
    noun = mention.noun if mention.noun is not None else partitive_noun(mention.token)
    return (
        trigger.category == "released"
        and trigger.token.lemma_.lower() in lex.evacuating_verbs
        # "evacuated about 13,000": a bare figure moved is a population; hostages or a
        # crew brought out are named
        and (noun is None or noun.lemma_.lower() in lex.evacuated_population)
    )


def _points_back(sent: Span, last: Extraction, body: list[Span], index: int) -> bool:
    """Whether a sentence names the figures of the sentence right before it by a word for a
    figure ("The claim could not be independently verified", "The Pentagon rejected the
    claim as false"): a hedge of its own then hedges them."""
    if index == 0 or body[index - 1].start_char != last.sentence_start:
        return False
    figure_words = lexicon().figure_words
    return any(t.lemma_.lower() in figure_words for t in sent)


def _names_every_figure(sent: Span) -> bool:
    """Whether a sentence without a figure of its own names the report's figures in the
    plural ("the casualty figures", "the tolls", "either side's claims"): its hedge hedges
    every figure before it, not only the last sentence's."""
    figure_words = lexicon().figure_words
    return any(
        t.lemma_.lower() in figure_words and t.tag_ == "NNS" and t.lemma_.lower() != t.lower_
        for t in sent
    )


def _confirms_a_toll(sent: Span) -> bool:
    """A statement about a toll or the deaths themselves, with no figure of its own
    ("confirmed the toll", "confirmed the deaths", "the death toll is expected to rise, the
    committee said")."""
    lex = lexicon()
    return any(
        token.pos_ == "NOUN"
        and (
            token.lemma_.lower() in lex.toll_nouns
            # the deaths themselves, not the event: "confirmed the abduction" of 17 workers
            # says it happened, not how many
            or (token.lemma_.lower() in lex.counted and token.tag_ == "NNS")
        )
        for token in sent
    )


def _names_the_counted_before(
    sent: Span, results: list[Extraction], body: list[Span], index: int
) -> bool:
    """A definite noun for what the outlet counted in the sentence right before, told of
    the same event ("Turkish troops killed 14 PKK militants. The ministry said the militants
    were neutralised"): the speaker gave the figure. Telling of those people something else
    ("the villagers were farmers") is not."""
    if index == 0:
        return False
    start = body[index - 1].start_char
    counted = {
        (e.target.split()[-1].lower(), e.category)
        for e in results
        if e.sentence_start == start and e.attribution.kind == "reporter" and e.target.split()
    }
    if not counted:
        return False
    for token in sent:
        if token.pos_ != "NOUN" or not any(
            c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in token.children
        ):
            continue
        event = token.head
        if token.dep_ not in ("nsubjpass", "dobj") or event.pos_ not in ("VERB", "AUX"):
            continue
        categories = categories_of_verb(event)
        if any(
            (token.lower_ == head or token.lemma_.lower() == head) and category in categories
            for head, category in counted
        ):
            return True
    return False


def _a_person(doc: Doc, speaker: Attribution) -> bool:
    """Whether a speaker is a person ("one soldier", "Colonel X", "a police spokesman"), whom
    "he" or "she" can point back to, rather than an organisation."""
    if speaker.start < 0 or not speaker.surface:
        return False
    # an attribution starts at its head word
    span = doc.char_span(speaker.start, speaker.start + 1, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    if head.pos_ == "DET":
        # a cited source starts at its first word: "according to a member of the militia"
        phrase = doc.char_span(
            speaker.start, speaker.start + len(speaker.surface), alignment_mode="expand"
        )
        head = phrase.root if phrase is not None else head
    if head.lower_ in lexicon().generic_heads:
        return False  # "the police", "the army": a body, though "12 police" are people
    return head.ent_type_ == "PERSON" or (
        head.pos_ == "NOUN" and (is_person(head) is True or head.lower_.startswith("spokes"))
    )


_OF_WHICH = re.compile(r"\bof (?:which|whom)\b")


def _event_of_its_own(mention: CountMention, results: list[Extraction], sent: Span) -> bool:
    """ "Russia launched 112 drones, of which 93 drones were shot down": a part of a figure
    that undergoes an event of its own, not the whole's, is a claim of that event; "of whom
    four were children" names no event, and "of whom four were killed" is the whole's."""
    window = doc_text(sent.doc)[max(sent.start_char, mention.start - 40) : mention.start]
    if not _OF_WHICH.search(window.lower()):
        return False
    trigger = find_trigger(mention)
    if trigger is None or trigger.token.i < mention.token.i:
        return False  # the part's own clause says what befell it, after it
    whole = [e for e in results if e.sentence_start == sent.start_char]
    return bool(whole) and whole[-1].category != trigger.category


def _named_before_in_sentence(sent: Span, pronoun: Attribution) -> bool:
    """ "JNIM then released a video they said showed ...": a pronoun after a name that is
    its sentence's subject points back to that name, not to whoever spoke before."""
    return any(
        token.idx < pronoun.start and token.dep_ == "nsubj" and token.pos_ == "PROPN"
        for token in sent
    )


def _points_at_the_last_organisation(
    description: Attribution, last_speaker: Attribution, last_person: Attribution | None
) -> bool:
    """ "The group said 48 were wounded" after "the Sudan Doctors Network said": a
    description by an organisation noun (``organisation_refs``) is the organisation that
    spoke last, not the armed group the report names most; unless that speaker is a
    person or a state's institution ("the army said ... The group said": the armed group)."""
    lex = lexicon()
    if not lex.organisation_ref.fullmatch((description.surface or "").strip()):
        return False
    if last_speaker is last_person or last_speaker.kind != "named" or not last_speaker.surface:
        return False
    head = last_speaker.surface.split()[-1].lower()
    return head not in lex.generic_heads and head not in lex.state_voices


def _carried(voice: Attribution) -> Attribution:
    """A speaker carried from where they spoke to a figure they did not state there."""
    return Attribution(voice.surface, "inherited", voice.start, voice.parts)


_LIST_MARK = re.compile(r"[ \t]*(?:[-–—•*·▪]|\d{1,2}[.)])\s")


def _a_list_item(text: str, start: int) -> bool:
    """Whether the line a sentence stands on opens with a list mark ("- ", "• ", "2. ")."""
    return _LIST_MARK.match(text, text.rfind("\n", 0, start) + 1) is not None


def _credit_last_figures(
    results: list[Extraction], body: list[Span], index: int, speaker: Attribution
) -> None:
    """The outlet's own figures of the sentence right before become the confirming
    speaker's."""
    if index == 0:
        return
    start = body[index - 1].start_char
    for k, e in enumerate(results):
        # the outlet's, or a voice only carried over from before: the confirmation is nearer
        if e.sentence_start == start and e.attribution.kind in ("reporter", "inherited"):
            results[k] = replace(e, attribution=_carried(speaker))


def _speaker_options(
    speakers: list[Attribution | None],
    index: int,
    paragraph_voice: Attribution | None,
    last_named: Attribution | None,
) -> list[tuple[Attribution, str]]:
    before, after = SPEAKER_WINDOW
    options: list[tuple[Attribution, str]] = []
    for j in range(max(0, index - before), min(len(speakers), index + after + 1)):
        speaker = speakers[j]
        if speaker is not None:
            where = (
                "same"
                if j == index
                else f"previous_{index - j}"
                if j < index
                else (f"next_{j - index}")
            )
            options.append((speaker, where))
    if paragraph_voice is not None:
        options.append((paragraph_voice, "paragraph"))
    if last_named is not None:
        options.append((last_named, "last_named"))
    return options


def _is_place(noun: Token | None) -> bool:
    return noun is None or noun.lemma_.lower() in lexicon().places


def _issuer_of_the_release(title: str | None, body: list[Span]) -> str | None:
    """The issuer a text opens with as its release: in its title or its first sentence."""
    for line in (title or "", sentence_text(body[0]) if body else ""):
        issuer = release_issuer(line.strip().rstrip(".: "))
        if issuer is not None:
            return issuer
    return _announcing_itself(body[0]) if body else None


def _announcing_itself(sent: Span) -> str | None:
    """ "The Rapid Support Forces announce that ...", "The General Command informs the
    public that ...": an organisation opening a text in the present tense with a verb of
    its own communiques (``release_verbs``) issues it."""
    root = sent.root
    if root.tag_ not in ("VBP", "VBZ") or root.lemma_.lower() not in lexicon().release_verbs:
        return None
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or subjects[0].pos_ != "PROPN" or subjects[0].ent_type_ == "PERSON":
        return None
    words = list(subjects[0].subtree)
    return tidy_name(sent.doc[words[0].i : words[-1].i + 1].text)


def _speaker_head(sent: Span, attribution: Attribution) -> Token | None:
    """The head of the speaker's phrase where the sentence names the speaker."""
    if not sent.start_char <= attribution.start < sent.end_char:
        return None
    head = next((t for t in sent if t.idx == attribution.start), None)
    while head is not None and head.dep_ in ("compound", "flat", "amod", "det", "poss", "nmod"):
        head = head.head  # the name's first word: its phrase is the head's ("Mohamed Ramadan")
    return head


def _names_its_speaker(speaker: Token | None, attribution: Attribution) -> bool:
    """Whether the sentence tells who speaks, by name or description ("the army"), or the
    outlet does; not a pronoun or a statement, whose issuer an "its" may stand for."""
    if speaker is None:
        return attribution.kind == "reporter"
    lex = lexicon()
    return speaker.pos_ != "PRON" and speaker.lemma_.lower() not in lex.source_nouns


def _agent_text(agent: Token | None, mention: CountMention) -> str | None:
    """Who did the deed, never the counted themselves: in "14 were killed and 41 wounded"
    the parser makes 41 the subject of "wounded"."""
    if agent is None or mention.first.i <= agent.i <= mention.token.i:
        return None
    if mention.noun is not None and agent.i == mention.noun.i:
        return None
    return np_text(agent)


def _attacked(trigger: Trigger, mention: CountMention) -> str | None:
    if trigger.category != "attacks":
        return None
    attacked = attacked_phrase(trigger.token, mention.token)
    return np_text(attacked) if attacked is not None else None


def _picked_from_the_counted(mention: CountMention, trigger: Trigger) -> bool:
    """Whether a count picks some out of people already counted, the event known only from
    how the whole is described ("one of the deceased Maoists is a commander", "two of the
    kidnapped students are sisters", "seven of the wounded were rushed to hospital"): a part
    of a figure, no claim. What befell the part is one ("one of the wounded later died")."""
    whole = partitive_noun(mention.token)
    if whole is None or not any(
        c.dep_ in ("det", "poss") and c.lower_ != "a" for c in whole.children
    ):
        return False
    if trigger.token.dep_ == "amod" and trigger.token.head == whole:
        return True
    # "five of the injured were taken to hospital": the whole named by the event itself,
    # and the part befell the same
    return trigger.category in lexicon().adjectives.get(whole.lower_, ())


def _event_of_the_whole(mention: CountMention) -> Trigger | None:
    """ "shot down 30 of 35 drones launched by Russia": the whole is counted by an event of
    its own, told by a participle or a relative clause on its noun (35 launched, 30 shot
    down; "38 of the 45 drones Russia launched"), also where the parser hung the part on the
    whole's number ("neutralised 74 of 98 drones launched")."""
    noun = mention.noun
    if noun is None:
        return None
    trigger = find_trigger(mention)
    if (
        trigger is not None
        and trigger.token.dep_ in ("acl", "relcl")
        and trigger.token.head == noun
    ):
        return trigger
    for clause in noun.children:
        if clause.dep_ == "acl" and clause.pos_ == "VERB":
            categories = categories_of_verb(clause)
            if categories:
                return Trigger(categories[0], clause)
    return None


def _owns_a_deed(sent: Span) -> bool:
    """ "The group claimed responsibility for the bombing": who claims a deed says nothing
    of its toll, so the sentences after it are not in its voice."""
    lowered = sentence_text(sent).lower()
    if "responsib" not in lowered and "credit" not in lowered:
        return False  # (the parse is read only where the words are)
    return any(deed_claimed(tok) for tok in sent)


def _counts_the_others(mention: CountMention, results: list[Extraction]) -> bool:
    """ "The toll has risen to 53, security sources said. More than 60 others were
    injured": the others are the last figure's people's, told by the same voice."""
    return (
        mention.noun is not None
        and mention.noun.lower_ == "others"
        and bool(results)
        and results[-1].attribution.kind != "reporter"
    )


def _counted_pronoun(mention: CountMention) -> Token | None:
    """The pronoun a count counts people of ("five of them", "scores of those"), if any."""
    whole = mention.noun if mention.noun is not None else partitive_noun(mention.token)
    return whole if whole is not None and whole.lower_ in COUNTED_PRONOUNS else None


def _people_counted_before(
    pronoun: Token, results: list[Extraction], sentence_before: Span | None, category: str
) -> str | None:
    """The people the sentence before counted last, for "five of them" with no people of
    its own sentence before it; or its things, where the event befalls things ("launched 40
    drones. Of those, 31 were shot down")."""
    if any(t.pos_ == "NOUN" and is_person(t) for t in pronoun.doc[pronoun.sent.start : pronoun.i]):
        return None
    last = results[-1] if results else None
    if (
        last is None
        or sentence_before is None
        or last.sentence_start != sentence_before.start_char
        or (
            not last.target_is_person
            and (last.target_is_person is None or category in lexicon().people_only)
        )
    ):
        return None
    return last.target


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
