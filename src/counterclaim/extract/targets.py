"""Targets: who or what a count counts, as the text names them.

The counted noun phrase without the number ("Frontier Corps (FC) personnel"), the people of
the sentence before for a bare "Both were executed", and the subset phrases ("including four
children") whose figures are part of another count rather than claims of their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from counterclaim.extract.counts import MULTIPLIERS, CountMention, partitive_noun
from counterclaim.extract.text import (
    PERSONAL_REFLEXIVES,
    POSSESSIVE_PRONOUNS,
    doc_text,
    first_conjunct,
    np_text,
    tidy_name,
)
from counterclaim.extract.wordlists import is_person, lexicon
from counterclaim.numbers import is_vague_word
from counterclaim.places import LOCATIVE_PREPOSITIONS

_DROP_DEPS = {"relcl", "acl", "appos", "punct", "advcl", "cc"}
# A clause on the counted things that says whose they are, kept in the target
_OWNING_VERBS = ("belong", "own", "operate", "use", "occupy")
# Pronouns a count may count people of ("five of them", "scores of those")
COUNTED_PRONOUNS = ("them", "those", "these")


def _toll_of(figure: Token) -> str | None:
    """Who a toll given as a bare figure counts: "put the number of RSF fighters killed at
    312" counts RSF fighters, "put its losses at 23 dead" its own."""
    head = figure.head
    if figure.dep_ == "pobj" and head.lower_ in ("at", "to"):
        governor = head.head
        if governor.dep_ == "acl" and governor.head.pos_ == "NOUN" and is_person(governor.head):
            return _bare_phrase(governor.head)
        holders = [c for c in governor.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
        if governor.dep_ == "acl":
            holders.append(governor.head)  # "the number of fighters killed at 312"
    elif figure.dep_ in ("dobj", "attr"):
        holders = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    else:
        return None
    for holder in holders:
        if holder.lemma_.lower() == "loss" and any(c.dep_ == "poss" for c in holder.children):
            return _bare_phrase(holder)  # "put its losses at 23 dead": its own people
        if holder.lemma_.lower() not in ("number", "toll", "tally", "count", "figure"):
            continue
        for prep in holder.children:
            for obj in prep.children if prep.lower_ == "of" else ():
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and is_person(obj):
                    return _bare_phrase(obj)
    return None


# "on the friendly side", "On our side", "on the Russian side": whose a communique's toll is
# (a side's name is capitalised: "the other side of the river" names none)
_SIDE_NAMED = re.compile(r"\b(?:(?i:friendly|enemy|our|own)|[A-Z][\w'’-]+)\s+(?i:side)\b")


def _side_named_before(mention: CountMention) -> str | None:
    """The side a toll is given for, named in its sentence before the figure ("Provisional
    toll on the friendly side: 6 killed, 12 wounded")."""
    sent = mention.token.sent
    before = doc_text(sent.doc)[sent.start_char : mention.start]
    found = list(_SIDE_NAMED.finditer(before))
    return found[-1].group(0) if found else None


def _bare_phrase(noun: Token) -> str:
    tokens = [
        t
        for t in noun.subtree
        if not any(t in c.subtree for c in noun.children if c.dep_ in _DROP_DEPS | {"prep"})
        and t.dep_ != "det"
    ]
    return tidy_name("".join(t.text_with_ws for t in tokens)) or noun.text


def _people_before(pronoun: Token) -> str | None:
    # ("received 82 wounded, including 30 children, ... 9 of them died": the wounded, not
    # the part of them listed)
    found = _noun_before(
        pronoun,
        lambda tok: tok.pos_ == "NOUN" and bool(is_person(tok)) and not in_subset_phrase(tok),
    )
    if found is None:
        return None
    # "abducted 25 worshippers ... freed 10 of them": the worshippers, not 25 of them
    figures = {t.i for c in found.children if c.dep_ == "nummod" for t in c.subtree}
    if not figures:
        return np_text(found)
    words = "".join(t.text_with_ws for t in found.subtree if t.i not in figures)
    return tidy_name(words) or np_text(found)


def _named_in(phrase: str, sent: Span) -> bool:
    """Whether a sentence holds a word of ``phrase``'s heads (the last word of each of its
    joined phrases), as a noun of the same lemma."""
    heads = {part.split()[-1].lower() for part in phrase.split(" and ") if part.split()}
    return any(
        t.pos_ in ("NOUN", "PROPN") and (t.lower_ in heads or t.lemma_.lower() in heads)
        for t in sent
    )


def _a_noun(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN")


def _a_counted_noun(tok: Token) -> bool:
    """A noun that may count (not "Friday", not "the night")."""
    return (
        _a_noun(tok)
        and tok.ent_type_ not in ("DATE", "TIME")
        and tok.lower_ not in lexicon().time_words
    )


def _a_person(tok: Token) -> bool:
    return _a_counted_noun(tok) and is_person(tok) is True


def _noun_before(token: Token, fits: Callable[[Token], bool] = _a_noun) -> Token | None:
    """The last noun of the sentence before a token that ``fits``: what a pronoun stands
    for."""
    for tok in reversed(token.doc[token.sent.start : token.i]):
        if tok.dep_ not in ("compound", "nmod") and fits(tok):
            return tok
    return None


def _relative_antecedent(pronoun: Token) -> Token | None:
    """The word a relative clause hangs on, for its "whom" or "which"."""
    for clause in pronoun.ancestors:
        if clause.dep_ == "relcl":
            return clause.head
    return None


def _people_sized(number: Token) -> str | None:
    """ "a family of six", "its crew of 21": the people a number gives the size of."""
    of = number.head
    if number.dep_ != "pobj" or of.lower_ != "of":
        return None
    container = of.head
    if container.lemma_.lower() in lexicon().containers and is_person(container):
        return container.lower_
    return None


def target_text(mention: CountMention, previous: str | None, antecedent: str | None = None) -> str:
    """The counted people or things as the text names them, without the number.

    A count that stands alone as a subject ("Both were executed", "Three were killed")
    counts the people of the sentence before, ``antecedent``, when there were any.
    """
    if mention.name:
        return mention.name
    noun = mention.noun
    of_a_whole = False  # "40 of the 80 passengers": the noun is the whole's
    if noun is None:
        partitive = partitive_noun(mention.token)
        if partitive is not None:
            noun, of_a_whole = partitive, True
        elif antecedent and previous is None and mention.token.dep_ in ("nsubj", "nsubjpass"):
            # (the sentence's own people come first: "eight people were killed and 30
            # wounded")
            return antecedent
        elif (toll := _toll_of(mention.token)) is not None:
            return toll
        elif (household := _people_sized(mention.token)) is not None:
            return household
        elif (
            antecedent
            and previous is None
            and mention.token.dep_ == "dobj"
            and not _named_in(antecedent, mention.token.sent)
        ):
            # "... killing 17 soldiers. The group said it killed 40": the people the
            # sentence before counted, unless this one names them (as the doers: "The
            # militants said they killed 15")
            return antecedent
        else:
            return previous or _side_named_before(mention) or "people"
    if noun.lower_ in ("which", "whom"):
        # "launched 35 drones, 30 of which were shot down": the drones; "received 96
        # wounded on Sunday, 12 of whom later died": the figure's people, not the day
        antecedent_head = _relative_antecedent(noun)
        if antecedent_head is not None and antecedent_head.like_num and previous:
            return previous
        fits = _a_person if noun.lower_ == "whom" else _a_counted_noun
        if antecedent_head is not None and fits(antecedent_head):
            noun = antecedent_head
        else:
            noun = _noun_before(mention.token, fits) or noun
    if (
        noun.lower_ == "others"
        and noun.dep_ == "conj"
        and first_conjunct(noun).lower_ in PERSONAL_REFLEXIVES
    ):
        return "others"  # "the bomber killed himself and six others": not more bombers
    if noun.lemma_.lower() in ("other", "others") and previous:
        return previous
    if noun.lower_ in COUNTED_PRONOUNS:
        # "pursued the attackers and killed scores of them": the people named before
        # or, of things, those the sentence counted last ("destroyed 47 drones, 21 of them
        # over Belgorod"), or those the sentence before counted
        before = _people_before(noun) or previous or antecedent
        if before is not None:
            return before
    if noun.lower_ in lexicon().adjectives and noun != mention.token:
        # "more than 70 dead": people; "put its losses at 23 dead": its people; "toll on
        # the friendly side: 6 killed": that side's
        return _toll_of(noun) or previous or _side_named_before(mention) or "people"
    skip: set[int] = set()
    for tok in noun.children:
        if tok.dep_ == "punct" and tok.text in "()":
            continue  # "Frontier Corps (FC) personnel" keeps its brackets
        if tok.dep_ == "conj" and (
            any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in tok.children)
            # "10 jawans and their civilian driver": one more person, of another kind
            or (
                tok.tag_ == "NN"
                and any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in tok.children)
            )
            or any(t.dep_ == "nummod" for t in tok.subtree)
            or tok.like_num  # "a commander and two of his aides"
            # "a dozen soldiers and several civilians": a vague count of its own
            or any(c.i < tok.i and is_vague_word(c.text) for c in tok.children)
            or _another_kind(noun, tok)
        ):
            # "18 soldiers and 4 policemen", "a policeman and a child", "three vehicles and
            # the injury of three members": its own count
            skip.update(t.i for t in tok.subtree)
            continue
        if tok.dep_ == "cc":
            continue  # decided below, with its conjunct
        if tok.dep_ == "acl" and tok.lemma_.lower() in _OWNING_VERBS:
            # "vehicles belonging to the insurgents", "houses used by the militants": whose
            # they are, not where they were; "trucks used in the attack" names no one's
            if not any(c.lower_ in ("to", "by") for c in tok.children):
                skip.update(t.i for t in tok.subtree)
                continue
            for part in tok.subtree:
                owner_prep = part.head.i == tok.i and part.lower_ in ("to", "by")
                if part.dep_ in ("prep", "advmod", "npadvmod") and not (
                    owner_prep or part.lower_ == "of"
                ):
                    skip.update(t.i for t in part.subtree)
            continue
        if (
            tok.dep_ in _DROP_DEPS
            or (tok.dep_ == "prep" and tok.lower_ not in ("of", "from"))
            # "of which 93 drones were shot down": the whole they were part of
            or (tok.dep_ == "prep" and tok.i < noun.i)
            # "launched 8 missiles overnight": when, hung on the noun by the parser
            or (tok.dep_ == "advmod" and tok.i > noun.i)
        ):
            skip.update(t.i for t in tok.subtree)
    for tok in noun.children:
        if tok.dep_ == "cc" and not any(
            c.dep_ == "conj" and c.i > tok.i and c.i not in skip for c in noun.children
        ):
            # "soldiers and civilians" keeps its "and", a dropped one's goes, with the words
            # on it ("as well as")
            skip.update(t.i for t in tok.subtree)
    skip.update(t.i for t in mention.token.subtree if t.i <= mention.token.i)
    skip.update(range(mention.first.i, mention.token.i + 1))
    # "shot dead two suspects": the parser gives the counted the verb's adjective, which
    # comes before the count where none of theirs can, or after them
    skip.update(
        t.i
        for c in noun.children
        if c.dep_ == "amod"
        and (
            c.i < mention.first.i < noun.i
            # "shot two suspects dead": what befell them, not who they are
            or (c.i > noun.i and c.lower_ in lexicon().adjectives)
        )
        for t in c.subtree
    )
    # "QUITO - At least 31 inmates": a dateline the parser hung on the noun is not its name
    breaks = [t.i for t in noun.subtree if t.i < mention.first.i and t.text in _DATELINE_BREAKS]
    if breaks:
        skip.update(t.i for t in noun.subtree if t.i <= max(breaks))
    if of_a_whole:
        # "40 of the 80 passengers": the whole's own figure is no part of what is counted
        skip.update(t.i for c in noun.children if c.dep_ == "nummod" for t in c.subtree)
    tokens = [t for t in noun.subtree if t.i not in skip]
    while tokens and (
        tokens[0].dep_ in ("det", "quantmod", "advmod", "predet", "cc", "punct")
        or not any(ch.isalnum() for ch in tokens[0].text)  # a list's bullet: "• 78 drones"
        or tokens[0].lower_ in ("of", "the", "a", "an", "another", "all", "total")
        or tokens[0].lower_ in MULTIPLIERS  # "several dozen members"
        or tokens[0].lower_ in lexicon().increments  # "a further 30 civilians"
        # the far end of a range ("25–30 insurgents", "between 30 to 45 people")
        or (mention.count.value_high is not None and (tokens[0].like_num or tokens[0].is_punct))
        or (mention.count.value_high is not None and tokens[0].lower_ in ("to", "and"))
    ):
        tokens = tokens[1:]
    while tokens and tokens[-1].dep_ in ("punct", "cc"):
        tokens = tokens[:-1]
    if not tokens:
        return previous or noun.text
    return tidy_name(_joined(tokens)) or noun.text


_DATELINE_BREAKS = frozenset({"-", "–", "—", ":", "--"})
_OWNER_PRONOUNS = ("its", "their")
_OWNER_PRONOUN = re.compile(rf"\b(?:{'|'.join(_OWNER_PRONOUNS)})\b", re.IGNORECASE)


def owner_named_before(mention: CountMention, doer: Token | None, speaker: set[int]) -> str | None:
    """Whose people "its" or "their" counts when the sentence names another body before
    the pronoun (a name, not of a place or a person, or a noun of ``member_bodies``):
    "repelled an attack by the terrorist militia, killing 300 of its members" counts the
    militia's. None when the nearest body before it is the speaker (the tokens
    ``speaker``), when it names none, and never the doer of the deed ("the army killed 12
    of its fighters, the group said": the group's)."""
    noun = mention.noun if mention.noun is not None else partitive_noun(mention.token)
    if noun is None:
        return None
    pronoun = next(
        (c for c in noun.children if c.dep_ == "poss" and c.lower_ in _OWNER_PRONOUNS), None
    )
    if pronoun is None or any(c.lower_ == "own" for c in noun.children):
        return None  # "losing nine of their own men": the subject's own
    doers = {t.i for t in doer.subtree} if doer is not None else set()
    lex = lexicon()
    bodies = lex.member_bodies
    # "shot down a helicopter and killed its three crew members": a craft owns its crew
    crew = noun.lemma_.lower() in lex.craft_people or any(
        c.dep_ == "compound" and c.lemma_.lower() in lex.craft_people for c in noun.children
    )  # ("crew members": the members of a crew)
    for tok in reversed(noun.doc[noun.sent.start : pronoun.i]):
        if not (
            (tok.pos_ == "NOUN" and tok.lemma_.lower() in bodies)
            or (crew and tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.crafts)
            or (tok.pos_ == "PROPN" and tok.ent_type_ in ("", "ORG", "NORP"))
        ):
            continue
        if tok.i in speaker:
            return None
        if tok.i in doers or _a_place(tok) or not _in_the_pronoun_s_clause(tok, pronoun):
            continue
        words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("det", "punct")]
        return tidy_name("".join(t.text_with_ws for t in words)) or tok.text
    return None


def _in_the_pronoun_s_clause(tok: Token, pronoun: Token) -> bool:
    """Whether a word is inside a clause the pronoun's is part of, below any verb of saying:
    "repelled an attack by the RSF, killing 120 of its fighters", not "deployed units
    including the STOS and revealed that seven of its personnel were killed" (the speaker's
    own, the units a sibling clause named)."""
    verb = pronoun
    reporting = lexicon().reporting_verbs
    while verb.head != verb:
        verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        if verb.lemma_.lower() in reporting:
            return False
        if tok in verb.subtree:
            return True
    return False


def _a_place(tok: Token) -> bool:
    """A name after a preposition of place ("an attack on El Obeid"), whatever the tagger
    calls it."""
    root = tok
    while root.dep_ in ("compound", "flat") and root.head.i > root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS


def with_owner(target: str, owner: str) -> str:
    """ "its members" with the owner in the pronoun's place: "terrorist militia's members"."""
    return _OWNER_PRONOUN.sub(f"{owner}'s", target, count=1)


def _another_kind(noun: Token, listed: Token) -> bool:
    """People listed after things, or things after people ("two synagogues and police
    officers"): another item of the list, not more of the counted."""
    kinds = (is_person(noun), is_person(listed))  # (a place is a thing there)
    return None not in kinds and kinds[0] != kinds[1]


def _joined(tokens: list[Token]) -> str:
    """The tokens' text with their spacing; where words between them were left out, a space
    keeps the words on either side apart ("howitzers, an ..." without its conjunct)."""
    parts = []
    for token, following in zip(tokens, [*tokens[1:], None], strict=True):
        parts.append(token.text_with_ws)
        if following is not None and following.i != token.i + 1 and not token.whitespace_:
            parts.append(" ")
    return "".join(parts)


def people_named(sent: Span) -> str | None:
    """The people a sentence names as nouns ("an officer and an operative"), for a count in
    the next sentence that refers back to them (read once per sentence)."""
    cache = sent.doc.user_data.setdefault("counterclaim_people_named", {})
    key = (sent.start, sent.end)
    if key not in cache:
        cache[key] = _people_named(sent)
    return cache[key]


def _people_named(sent: Span) -> str | None:
    found: list[tuple[Token | None, str]] = []
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.dep_ in ("compound", "nmod") or not is_person(tok):
            continue
        if tok.dep_ == "nsubj" and tok.head.lemma_ != "be":
            continue  # who acts ("fighters stopped a bus") is not who it happened to
        skip = {
            t.i
            for child in tok.children
            if child.dep_ in _DROP_DEPS or child.dep_ in ("prep", "conj", "nummod", "quantmod")
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


def in_subset_phrase(tok: Token) -> bool:
    """ "killed 25, including 4 children": the 4 are part of a figure, not a claim. But
    "attacks in nine regions, including 126 drones downed over Kursk" lists a figure within
    places, which are never claims: that one stands."""
    lex = lexicon()
    for ancestor in [tok, *tok.ancestors]:
        if ancestor.lower_ in ("including", "among") and ancestor.dep_ in ("prep", "advcl", "acl"):
            if (
                ancestor.lower_ == "among"
                and _counted_by(tok).head == ancestor
                and not any(c.dep_ == "pobj" and c.pos_ == "PRON" for c in ancestor.children)
            ):
                # "X and two guards were among four people killed": the whole (but "among
                # them 15 children" is a part)
                return False
            if (
                ancestor.lower_ == "including"
                and not _holds_a_figure(ancestor.head, ancestor)
                and not _figure_right_before(ancestor)
            ):
                return False  # "inflicted losses, including the destruction of 3 vehicles"
            return ancestor.head.lemma_.lower() not in lex.not_counted
        if ancestor.dep_ in ("ROOT",):
            break
    if _breaks_down_a_toll(tok, lex.breakdown_nouns):
        return True
    text = doc_text(tok.doc)
    return window_names_a_part(text[max(0, tok.idx - 40) : tok.idx].lower())


def _figure_right_before(including: Token) -> bool:
    """ "killed 5, including 2 children", however the parser hung "including": a figure
    stands right before its comma."""
    doc = including.doc
    if including.i < 2 or doc[including.i - 1].text != ",":
        return False
    before = doc[including.i - 2]
    # ("received 82 wounded, including 30 children": a count of the dead or the wounded)
    counted_casualties = (
        including.i >= 3 and before.lower_ in lexicon().adjectives and doc[including.i - 3].like_num
    )
    return before.like_num or counted_casualties or any(c.dep_ == "nummod" for c in before.children)


def window_names_a_part(window: str) -> bool:
    """Whether the lowered words before a figure make it part of another: "including",
    "among them", or a dash after a counted phrase."""
    # (each pattern is tried only on a window holding what it needs: their searches at every
    # character were most of in_subset_phrase's time)
    if any(words in window for words in _SUBSET_WORDS) and _SUBSET_PHRASE.search(window):
        return True  # "killing 13 passengers, among them a mother and her two children"
    # "six health workers – four doctors, a nurse and a pharmacist – were abducted": a
    # breakdown by kind set off by a dash right after another counted phrase (a breakdown by
    # place after a colon, "20 killed: 12 in Kidal and 8 in Gao", is a set of claims)
    if not window.rstrip().endswith(("–", "—")):
        return False
    dashed = _DASHED_BREAKDOWN.search(window)
    counted = _COUNTED.search(window)
    return bool(dashed and counted)


_SUBSET_WORDS = ("including", "among them", "of whom", "of which")
_SUBSET_PHRASE = re.compile(rf"\b(?:{'|'.join(_SUBSET_WORDS)})\s+(?:[a-z'’-]+\s+){{0,4}}$")
_DASHED_BREAKDOWN = re.compile(r"\b(?:\d[\d,]*|[a-z]+)\s+[a-z'’ -]{2,30}?\s*[–—]\s*$")
_COUNTED = re.compile(r"\b\d|\b(?:two|three|four|five|six|seven|eight|nine|ten)\b")


def _holds_a_figure(whole: Token, part: Token) -> bool:
    """Whether what a part is "including" in has a figure of its own ("killed 25, including
    four children"; "a toll of 40, including ..."), outside the part itself."""
    inside = {t.i for t in part.subtree}
    return any(
        t.like_num or t.lower_ in ("dozens", "scores", "hundreds", "thousands", "several", "many")
        for t in whole.subtree
        if t.i not in inside
    )


def _breaks_down_a_toll(tok: Token, breakdown_nouns: frozenset[str]) -> bool:
    """ "the toll includes 14 women and nine children": what a toll or the dead include by
    sex or age is a breakdown (ANNOTATION.md), though "the dead included 30 soldiers and 12
    villagers" splits it by side and those are claims."""
    noun = first_conjunct(tok.head if tok.dep_ in ("nummod", "quantmod") else tok)
    if noun.lemma_.lower() not in breakdown_nouns and noun.lower_ not in breakdown_nouns:
        return False
    verb = noun.head
    return noun.dep_ in ("dobj", "attr") and verb.lemma_.lower() == "include"


def _counted_by(tok: Token) -> Token:
    """The noun a count token counts, or the token itself."""
    return tok.head if tok.dep_ in ("nummod", "quantmod") and tok.head.pos_ == "NOUN" else tok
