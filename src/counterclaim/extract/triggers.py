"""Triggers: the word that makes a count a claim, and the claim's category.

Starting from the counted noun it walks the dependency parse to a trigger verb ("were
killed"), noun ("48 attacks", "the bodies of five men"), adjective ("773 dead"), total
("the toll rose to 30", "put the toll at 63") or phrasal verb ("set ablaze"), and picks the
category of ``data/lexicon/triggers.yaml`` that fits whether people or things are counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.attrs import DEP, LOWER
from spacy.tokens import Doc, Token

from counterclaim.extract.counts import CountMention, partitive_noun
from counterclaim.extract.text import (
    PERSONAL_REFLEXIVES,
    RELATIVE_PRONOUNS,
    along_with,
    doc_text,
    first_conjunct,
    tokens_labelled,
)
from counterclaim.extract.wordlists import is_person, lexicon
from counterclaim.numbers import is_vague_word, strip_qualifier


@dataclass
class Trigger:
    category: str
    token: Token
    agent: Token | None = None


def _phrase_words(verb: Token) -> set[str]:
    words = set()
    for child in verb.children:
        words.add(child.lemma_.lower())
        if child.dep_ in ("prep", "dobj", "prt", "oprd", "advmod", "acomp", "dative"):
            for grandchild in child.children:
                words.add(grandchild.lemma_.lower())
    # "set ablaze" may be parsed with ablaze beyond the object, "treated 47 people for
    # gunshot wounds" with the wounds on the people
    for tok in verb.doc[verb.i + 1 : min(len(verb.doc), verb.i + 6)]:
        words.add(tok.lower_)
        words.add(tok.lemma_.lower())
    return words


def _phrase_follows(verb: Token, phrases: tuple[tuple[str, ...], ...]) -> bool:
    if not phrases:
        return False
    words = _phrase_words(verb)
    return any(all(w in words for w in rest) for rest in phrases)


def befalls_its_subject(verb: Token) -> bool:
    """Whether a verb's phrase says what befell its subject ("paid the supreme price",
    "regained their freedom"): its subject is counted, not a speaker."""
    return _phrase_follows(verb, lexicon().victim_subject_phrases.get(verb.lemma_.lower(), ()))


def categories_of_verb(verb: Token) -> list[str]:
    lex = lexicon()
    lemma = verb.lemma_.lower()
    categories: list[str] = []
    if lemma in lex.phrasal:
        words = _phrase_words(verb)
        for category, rest in lex.phrasal[lemma]:
            if all(w in words for w in rest):
                categories.append(category)
    categories.extend(c for c in lex.verbs.get(lemma, ()) if c not in categories)
    if "killed" not in categories and _done_fatally(verb):
        categories.insert(0, "killed")  # "hacked 22 villagers to death", whatever the verb
    return categories


def _done_fatally(verb: Token) -> bool:
    lex = lexicon()
    sentenced = verb.lemma_.lower() in lex.sentencing_verbs
    return any(
        (child.dep_ == "advmod" and child.lower_ in lex.fatal_manners)
        or (
            child.dep_ == "prep"
            and child.lower_ == "to"
            and not sentenced
            and any(g.lemma_.lower() in lex.fatal_ends for g in child.children)
        )
        for child in verb.children
    )


def _fits(category: str, person: bool | None) -> bool:
    lex = lexicon()
    if person is True and category in lex.things_only:
        return False
    return not (person is False and category in lex.people_only)


def _pick(categories: list[str], person: bool | None) -> str | None:
    """The first category that fits the counted noun; "attacks" only when nothing else does."""
    for category in categories:
        if category == "attacks":
            continue
        if _fits(category, person):
            return category
    if "attacks" in categories and _fits("attacks", person):
        return "attacks"
    return None


def _counts_people(mention: CountMention) -> bool | None:
    """Whether the count counts people: by its noun, or that of "four of the 25 drones"."""
    noun = mention.noun if mention.noun is not None else partitive_noun(mention.token)
    if noun is not None and noun.lower_ in ("others", "other"):
        return _kind_of_the_others(noun)
    if noun is None:
        noun = _counted_by_the_clause_joined_before(mention.token)
    return is_person(noun)


def _counted_by_the_clause_joined_before(figure: Token) -> Token | None:
    """ "112 drones were shot down and 31 were lost": a bare count, subject of a clause joined
    to one whose subject or object is counted, counts the same kind (drones, not people)."""
    verb = figure.head
    if figure.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "conj":
        return None
    first = first_conjunct(verb)
    return next(
        (
            c
            for c in first.children
            if c.dep_ in ("nsubj", "nsubjpass", "dobj")
            and c.pos_ == "NOUN"
            and any(g.dep_ == "nummod" for g in c.children)
        ),
        None,
    )


_OTHERS_REACH = 60  # tokens back to the noun "others" stands beside


def _kind_of_the_others(others: Token) -> bool | None:
    """ "Two soldiers were killed. Police said 12 others had been taken into custody": others
    are more of the kind last counted, people or things, in this sentence or those before."""
    doc = others.doc
    lex = lexicon()
    for i in range(others.i - 1, max(-1, others.i - _OTHERS_REACH - 1), -1):
        tok = doc[i]
        if tok.lower_ in PERSONAL_REFLEXIVES:
            return True  # "the bomber killed himself and six others": people like him
        if tok.like_num and tok.dep_ in ("dobj", "nsubj", "nsubjpass"):
            # "killing three and injuring five others": a bare count stands for what its
            # verb befalls, people where the verb befalls only people
            categories = categories_of_verb(tok.head)
            if categories and all(c in lex.people_only for c in categories):
                return True
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ in ("others", "other"):
            continue
        lemma = tok.lemma_.lower()
        if lemma in lex.places or lemma in lex.not_counted:
            continue  # "the strikes targeted four locations. ... six others were wounded"
        counted = any(
            c.dep_ == "nummod" or c.lower_ in ("a", "an") or is_vague_word(c.lower_)
            for c in tok.children
        )
        kind = is_person(tok) if counted else None
        if kind is not None:
            return kind
    return None


def _verb_sharing_its_object(verb: Token) -> Token | None:
    """The verb before a joined one whose object it shares for want of its own ("shot down or
    jammed 110 drones", "captured and disarmed 40 fighters")."""
    first = verb.head
    if verb.dep_ != "conj" or first.pos_ != "VERB" or first.i > verb.i:
        return None
    if any(c.dep_ in ("dobj", "nsubjpass") for c in first.children):
        return None
    return first


def _object_after_particle(verb: Token) -> bool:
    """Whether a phrasal verb names its own object after its particle and a preposition
    ("made off with hundreds of cattle", "ran away with the rifles")."""
    particles = [c.i for c in verb.children if c.dep_ == "prt"]
    return any(
        c.dep_ == "prep" and c.i - 1 in particles and any(g.dep_ == "pobj" for g in c.children)
        for c in verb.children
    )


def second_trigger(mention: CountMention, trigger: Trigger) -> Trigger | None:
    """A second event of another category that befell the same counted things: a verb
    conjoined with the trigger ("were taken under control and destroyed"), or what the
    destroyed things had done ("shot down all 14 drones launched at Kyiv": attacks too)."""
    combinable = lexicon().combinable_categories
    person = _counts_people(mention)
    if mention.count.value == 0:
        # "not one was killed or wounded", "none were killed or injured": a denial denies
        # every event its verbs name
        for verb in trigger.token.conjuncts:
            for category in categories_of_verb(verb):
                if category != trigger.category and _fits(category, person):
                    return Trigger(category, verb)
    if trigger.category not in combinable:
        return None
    if person is True:
        return None
    counted = mention.noun if mention.noun is not None else mention.token
    # the counted are what befell a subject: a second verb with a subject of its own tells
    # of other things ("9 motorcycles destroyed and a quantity of weapons recovered")
    own_things = {"dobj", "nsubjpass"} | ({"nsubj"} if counted.dep_.startswith("nsubj") else set())
    for verb in trigger.token.conjuncts:
        if verb.pos_ != "VERB":
            continue
        if any(c.dep_ in own_things for c in verb.children) or _object_after_particle(verb):
            # "seized the town and destroyed a bridge": its own object; "two tanks were
            # destroyed and three others seized": its own things
            continue
        for category in categories_of_verb(verb):
            if category != trigger.category and category in combinable and _fits(category, person):
                return Trigger(category, verb)
    if trigger.category == "destroyed" and mention.noun is not None:
        # (not for a part: "14 of the 20 drones launched" were 20 attacks, not 14)
        for child in mention.noun.children:
            if (
                child.dep_ == "acl"
                and child.pos_ == "VERB"
                and "attacks" in categories_of_verb(child)
            ):
                return Trigger("attacks", child)
    return None


def mend_counts_joined_to_a_verb(doc: Doc) -> None:
    """ "killed the commander, Abu Bakr, and two of his aides", "killed X, alias 'Y', and
    two of his bodyguards": the parser joins the bare count to the verb, or to a word it
    left hanging on the verb, not to the verb's object. Such a count is one more of the
    objects, and is hung on the first."""
    for count in tokens_labelled(doc, DEP, ("conj",)):
        if count.pos_ != "NUM":
            continue
        verb = count.head.head if count.head.dep_ == "dep" else count.head
        if verb.pos_ != "VERB" or count.head not in (verb, *verb.children):
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < count.i]
        if objects and count not in objects[0].ancestors:
            count.head = objects[0]


def mend_verbs_joined_to_an_object(doc: Doc) -> None:
    """ "killed 31 inmates and injured 14": the parser may join the second verb to the first
    one's object, so that "injured 14" is read as part of who was killed. A verb with an
    object of its own joined to a verb's object is joined to that verb."""
    for verb in tokens_labelled(doc, DEP, ("conj",)):
        noun = verb.head
        if (
            verb.pos_ == "VERB"
            and noun.pos_ in ("NOUN", "PROPN")
            and noun.dep_ == "dobj"
            and noun.head.pos_ == "VERB"
            and any(c.dep_ == "dobj" for c in verb.children)
        ):
            verb.head = noun.head
            for word in list(noun.children):
                if word.dep_ == "cc" and word.i < verb.i:
                    word.head = noun.head


def mend_lists_resumed_after_an_inclusion(doc: Doc) -> None:
    """ "destroyed 14 tanks, including five Leopard tanks, and 23 artillery pieces": the
    parser joins the item after the inclusion to the one inside it, so the artillery
    pieces seem part of the tanks. One item included, then ", and" another: that other goes
    on the list the inclusion hangs on (two items inside would be written "B and C")."""
    for including in tokens_labelled(doc, LOWER, ("including", "among")):
        if including.dep_ != "prep":
            continue
        listed = including.head
        inside = [c for c in including.children if c.dep_ == "pobj"]
        if not inside or listed.pos_ not in ("NOUN", "PROPN"):
            continue
        conjuncts = [c for c in inside[0].children if c.dep_ == "conj"]
        if len(conjuncts) != 1:
            continue
        resumed = conjuncts[0]
        before = doc[resumed.left_edge.i - 2 : resumed.left_edge.i]
        if [t.text for t in before] == [",", "and"] and doc[including.i - 1].text == ",":
            resumed.head = listed
            for word in before:
                word.head = listed


def mend_verbs_tagged_as_nouns(doc: Doc) -> None:
    """ "the rebels said they had overrun three army outposts": the tagger may take a past
    participle for a noun, though the parser gave it an auxiliary and an object. A noun
    with both, whose word is an event verb, is that verb."""
    verbs = lexicon().verbs
    for word in {obj.head for obj in tokens_labelled(doc, DEP, ("dobj",))}:
        if (
            word.pos_ == "NOUN"
            and word.lemma_.lower() in verbs
            and any(c.dep_ == "dobj" for c in word.children)
            and any(c.dep_ == "aux" for c in word.children)
        ):
            word.pos_ = "VERB"
            word.tag_ = "VBN"


def mend_resultatives_before_a_count(doc: Doc) -> None:
    """ "shot dead two soldiers", "set free 20 hostages": the parser makes the adjective
    that says what the verb did to its object that object's own adjective, so the object
    seems to be counted dead people, whoever killed them. An adjective right after a verb
    and before the count of the verb's object says what the verb did, as in "shot two
    soldiers dead"."""
    for adjective in tokens_labelled(doc, DEP, ("amod",)):
        if adjective.i == 0 or adjective.pos_ != "ADJ":
            continue
        verb, counted = doc[adjective.i - 1], adjective.head
        if (
            verb.pos_ == "VERB"
            and counted.head == verb
            and counted.dep_ in ("dobj", "conj")
            and any(c.dep_ == "nummod" and c.i > adjective.i for c in counted.children)
        ):
            adjective.head = verb
            adjective.dep_ = "oprd"


def mend_object_relatives_taken_for_an_apposition(doc: Doc) -> None:
    """ "shot down 38 of the 45 drones Russia launched overnight": without "that", the
    parser takes the doer of the relative clause for the counted noun's apposition and the
    clause's verb for a verb of the sentence, or the noun for that verb's subject ("all 30
    drones Russia sent"). A name set between a counted noun and a past verb with no object
    is that verb's subject, and the verb a clause on the noun."""
    for doer in tokens_labelled(doc, DEP, ("appos",)):
        noun = doer.head
        after = doer.right_edge.i + 1
        if (
            doer.pos_ != "PROPN"
            or doer.left_edge.i != noun.i + 1
            or noun.pos_ != "NOUN"
            or not any(c.dep_ == "nummod" for c in noun.children)
            or after >= len(doc)
        ):
            continue
        verb = doc[after]
        if (
            verb.tag_ != "VBD"
            or verb.pos_ != "VERB"
            or any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in verb.children)
            or any(c.dep_ == "nsubj" and c != noun for c in verb.children)
            or doer.ent_type_ in ("DATE", "TIME")
        ):
            continue
        if noun.head == verb:
            # the noun was the verb's subject: it takes the verb's place in the sentence
            if verb.dep_ not in ("ccomp", "xcomp", "conj") or verb.head == verb:
                continue
            noun.head = verb.head
            noun.dep_ = "dobj" if verb.dep_ in ("ccomp", "xcomp") else verb.dep_
        elif verb in noun.ancestors:
            continue
        verb.head = noun
        verb.dep_ = "relcl"
        doer.head = verb
        doer.dep_ = "nsubj"


def with_its_owner(mention: CountMention, trigger: Trigger) -> Trigger:
    """The trigger with the owner of the counted as its doer, where the count (or the first
    of the counts it is joined to) is the object of a verb whose subject owns it: "we lost
    four killed and seven wounded", "we deplore 4 killed and 7 wounded" (the wounded are
    ours as much as the killed)."""
    anchor = first_conjunct(mention.noun if mention.noun is not None else mention.token)
    verb = anchor.head
    if anchor.dep_ in ("nsubj", "nsubjpass") and verb.dep_ == "conj":
        # "... 4 killed and 7 wounded" parsed as a clause of its own, "7" its subject
        verb = verb.head
        if not any(c.dep_ == "dobj" and c.like_num for c in verb.children):
            return trigger
    elif anchor.dep_ != "dobj":
        return trigger
    if trigger.agent is not None or verb.lemma_.lower() not in lexicon().owner_subject_verbs:
        return trigger
    owner = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return Trigger(trigger.category, trigger.token, owner) if owner is not None else trigger


def find_trigger(mention: CountMention) -> Trigger | None:
    """The word that makes a count a claim, through the parse around the counted noun."""
    lex = lexicon()
    anchor = mention.noun if mention.noun is not None else mention.token
    person = _counts_people(mention)
    noun_lemma = anchor.lemma_.lower()

    # "773 dead", "15 missing", "2,880 injured": the counted word is the trigger
    if anchor.i != mention.token.i:
        trig = _adjective_trigger(anchor, True)
        if trig:
            return trig
    # "48 attacks", "12 strikes": the counted noun is an attack
    if (
        noun_lemma in lex.nouns
        and "attacks" in lex.nouns[noun_lemma]
        and noun_lemma not in lex.things
    ):
        return Trigger("attacks", anchor, _doer_of_an_act_noun(anchor))
    if mention.noun is not None and noun_lemma in lex.counted:
        # "three fatalities", "42 injuries", "four abductions": the noun is the event
        cats = [c for c in lex.counted[noun_lemma] if _fits(c, True)]
        if cats:
            return Trigger(cats[0], anchor)
    if mention.noun is not None and noun_lemma in ("life", "body", "corpse"):
        return Trigger("killed", anchor)  # "31 bodies were recovered" counts the dead
    # "23 martyred soldiers", "six rescued seafarers", "2,000 people killed in fighting"
    if (
        mention.count.value == 1
        and mention.first.lower_ in ("a", "an")
        and anchor.head.pos_ == "VERB"
        and anchor.dep_ in ("nsubj", "nsubjpass", "dobj")
    ):
        # "a wounded soldier died", "militants killed a wounded soldier": one person's
        # description gives way to what befell them
        trig = _verb_trigger(
            anchor.head,
            mention,
            person,
            passive=anchor.dep_ == "nsubjpass",
            subject=anchor.dep_ == "nsubj",
        )
        if trig:
            return trig
    for child in anchor.children:
        if child.dep_ == "amod":
            trig = _adjective_trigger(child, person)
            if trig:
                # "rescued 12 kidnapped persons": their being held says who they are, the
                # release what befell them
                return _befalling_governor(anchor, mention, person, trig) or trig
        if child.dep_ in ("acl", "relcl") and child.pos_ in ("VERB", "AUX", "ADJ"):
            if child.dep_ == "relcl" and _object_relative(child):
                # "the 45 drones (that) Russia launched": the counted are what the clause's
                # subject acted on
                trig = _verb_trigger(child, mention, person, passive=True)
                if trig and not _governing_trigger(anchor, mention, person):
                    return trig
                continue
            if child.dep_ == "relcl" and not any(
                g.dep_ in ("nsubjpass", "nsubj") and g.lower_ in RELATIVE_PRONOUNS
                for g in child.children
            ):
                continue
            trig = _clause_trigger(child, mention, person)
            freed = _befalling_governor(anchor, mention, person, trig) if trig else None
            if freed is not None:
                return freed  # "the release of 287 students kidnapped earlier this month"
            if _governing_trigger(anchor, mention, person):
                continue  # "freed 14 people who had been kidnapped": the main verb counts
            if trig:
                return trig
    if person is not False:
        # "seven colleagues from Japan, who are missing": the parser hangs a "who" clause on
        # the place after the people ("who": they are people)
        for clause in _who_clauses_past(anchor):
            trig = _clause_trigger(clause, mention, True)
            if trig:
                return trig
    head = anchor.head
    dep = anchor.dep_
    if mention.noun is None and dep == "quantmod":
        whole = partitive_noun(mention.token)
        if whole is not None and whole.i > anchor.i:
            # "neutralised 74 of 98 drones" parsed as one number phrase: the part stands
            # where the drones stand
            anchor, dep, head = whole, whole.dep_, whole.head
    if dep in ("appos",) and anchor.head.pos_ in ("NOUN", "PROPN"):
        # "The most drones – 126 – were shot down": the number stands in apposition
        anchor, dep, head = anchor.head, anchor.head.dep_, anchor.head.head
    up_to = (
        head.lower_ == "to"
        and head.i > 0
        and head.nbor(-1).lower_ == "up"
        and mention.token.i <= head.i + 2
    )  # "killed up to 1,350 servicemen" parsed with "up" a particle of the verb
    if (
        dep == "pobj"
        and (
            (
                head.lower_ in ("around", "about", "over", "some", "nearly", "between")
                and mention.first.i == head.i + 1
            )
            or up_to
        )
        and head.head.pos_ in ("VERB", "AUX")
    ):
        # "struck around 45 targets" parsed with "around" as a preposition; "said between
        # 60 and 70 soldiers had died", where the soldiers are the subject of "died"
        dep, head = "dobj", head.head
        verb = _subjectless_verb_after(anchor)
        if verb is not None:
            dep, head = "nsubj", verb
    if dep == "conj" and first_conjunct(anchor).dep_ == "pobj":
        root = first_conjunct(anchor)
        if _joined_by_along_with(root) is not None:
            anchor, dep, head = root, root.dep_, root.head  # "along with 11 tanks and 34 ..."
    joined = _joined_by_along_with(anchor) if dep == "pobj" else None
    if joined is not None and joined.pos_ == "VERB":
        # "lost 1,250 troops over the past day, along with 11 tanks": what comes along with
        # the verb's object (or its passive subject) is more of it
        dep, head = _role_beside(joined), joined
    elif joined is not None:
        dep, head = joined.dep_, joined.head  # "12 engineers, along with their driver, were"
    if dep == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in lex.containers:
        # "detained a total of 11 suspects": the count stands where its container stands
        anchor = head.head
        dep, head = anchor.dep_, anchor.head
    while dep in ("nmod", "compound") and head.pos_ in ("NOUN", "PROPN"):
        # "200 Taliban and affiliated militants were killed": the count is parsed on a
        # modifier of the noun that carries the predicate
        anchor, dep, head = head, head.dep_, head.head
    if dep == "conj":
        # "84 killed and 18 captured": a conjoined count shares its head's predicate unless
        # it has its own
        predicate = _orphan_predicate_after(anchor)
        if predicate is not None:
            # "... struck the base and one officer was missing": the parser joined the count
            # to the nouns before it, but it is the subject of the clause that follows
            passive = any(c.dep_ == "auxpass" for c in predicate.children) or (
                predicate.tag_ == "VBN" and not any(c.dep_ == "aux" for c in predicate.children)
            )  # "12 killed and some 200 others injured"
            dep, head = ("nsubjpass" if passive else "nsubj"), predicate
        else:
            root = first_conjunct(anchor)
            dep, head = root.dep_, root.head
    if dep in ("nsubj", "nsubjpass") and head.dep_ in ("aux", "auxpass"):
        # "40 soldiers were missing near Pokrovsk": the parser hangs the subject on the
        # auxiliary, whose verb is the clause's head
        head = head.head
    if dep in ("nsubj", "nsubjpass") and head.pos_ == "ADJ":
        # "dozens more were unaccounted for": the adjective is the clause's head
        trig = _adjective_trigger(head, person)
        if trig:
            return trig
        if dep == "nsubj" and head.dep_ in ("ccomp", "xcomp", "oprd"):
            # "set the vehicle ablaze" parsed as a clause of its own: the verb's phrase
            verb = head.head
            cats = [c for c in categories_of_verb(verb) if _fits(c, person)]
            if verb.pos_ == "VERB" and cats and verb.lemma_.lower() in lex.phrasal:
                return Trigger(cats[0], verb, _agent_of(verb))
    if dep == "nsubj" and head.pos_ in ("AUX", "VERB"):
        # "one officer was missing", "two crew remain missing" with the adjective tagged a
        # verb: the complement of the copula is the event word
        trig = _complement_trigger_of(head, person)
        if trig:
            return trig
    if (
        dep == "npadvmod"
        and head.pos_ == "VERB"
        and mention.noun is None
        and partitive_noun(mention.token) is not None
    ):
        dep = "dobj"  # "shot down 14 of the 20 drones": the parser hangs the part loosely
    if dep == "dobj" and head.pos_ in ("VERB", "AUX"):
        # "left nine people dead", "leaving 12 others wounded": what the object was left
        # is the claim, whatever the verb
        trig = _complement_trigger(head, person, ("oprd", "acomp"), _agent_of(head))
        if trig:
            return trig
    if dep in ("nsubj", "dobj") and head.pos_ in ("VERB", "AUX") and person is not False:
        trig = _captivity(anchor, head)
        if trig:
            return trig
    if dep in ("dobj", "nsubjpass") and head.pos_ == "VERB" and person is not True:
        trig = _left_in_ruins(head)
        if trig:
            return trig
    if dep in ("nsubjpass", "dobj", "nsubj", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
        if dep == "nsubj" and _gapped_passive(head):
            dep = "nsubjpass"  # "12 were killed and 26 others taken to hospital"
        trig = _verb_trigger(
            head, mention, person, passive=dep == "nsubjpass", subject=dep == "nsubj"
        )
        if trig:
            return trig
        shared = _verb_sharing_its_object(head) if dep == "dobj" else None
        if shared is not None:
            # "shot down or jammed 110 drones": the object hangs on the last verb only
            trig = _verb_trigger(shared, mention, person)
            if trig:
                return trig
        if head.lemma_ in lex.total_verbs:
            trig = _total_trigger(head, person)
            if trig:
                return trig
    if (
        dep == "pobj"
        and head.lower_ == "for"
        and person is not False
        and "released" in _categories_of_word(head.head)
    ):
        # "freed 13 hostages in exchange for 39 prisoners", "swapped them for 95 POWs": those
        # given back for them are freed too
        return Trigger("released", head.head)
    if dep == "pobj":
        prep = head
        governor = prep.head
        if prep.lower_ == "of" and _earlier_figure_named(governor):
            # "rose to 54 from a previous figure of 32": the figure stands for the count
            prep = governor.head
            governor = prep.head
        verb = governor.head if governor.dep_ == "dobj" else governor
        if verb.pos_ == "VERB" and verb.lemma_.lower() in lex.phrasal:
            # "lost contact with 12 soldiers": the count closes the verb's phrase
            words = _phrase_words(verb)
            for category, rest in lex.phrasal[verb.lemma_.lower()]:
                closes = bool(rest) and rest[-1] == prep.lower_
                if closes and all(w in words for w in rest) and _fits(category, person):
                    return Trigger(category, verb, _agent_of(verb))
        gerund = governor.head if governor.dep_ in ("prt", "advmod") else governor
        if prep.lower_ == "of" and gerund.pos_ == "NOUN":
            # "the blowing up of two bridges": "of" hung on the gerund or on its particle
            cats = [c for c in _gerund_phrase_categories(gerund) if _fits(c, person)]
            if cats:
                return Trigger(cats[0], gerund)
        if prep.lower_ == "of" and governor.pos_ in ("NOUN", "PROPN"):
            glemma = governor.lemma_.lower()
            if glemma in lex.nouns:
                cats = [c for c in lex.nouns[glemma] if _fits(c, person)]
                if glemma == "fate" and not _predicate_unknown(governor):
                    cats = []
                if glemma == "control" and not cats:
                    cats = []
                if cats:
                    return Trigger(cats[0], governor)
            if glemma == "control" and governor.head.pos_ in ("VERB", "AUX"):
                return Trigger("seized", governor.head)
            if glemma in ("life", "body", "corpse", "remains"):
                return Trigger("killed", governor)  # "the bodies of five men were found"
        if prep.lower_ == "of" and governor.pos_ in ("VERB", "AUX"):
            # "took control of three bases", "announced the destruction of 12 vehicles", the
            # parser hanging "of" on the verb: the event the verb's object names
            for obj in (c for c in governor.children if c.dep_ == "dobj" and c.i < prep.i):
                olemma = obj.lemma_.lower()
                if olemma == "control":
                    return Trigger("seized", governor)
                cats = [c for c in lex.nouns.get(olemma, ()) if c != "attacks" and _fits(c, person)]
                if cats:
                    return Trigger(cats[0], obj)
        if prep.lower_ in ("to", "on") and person is not False:
            # "caused injuries to 27 residents", "inflicted injuries on 27 passengers": the
            # noun names what befell the counted people, whether the parser hangs the
            # people on the noun or on the verb
            nouns = [governor] if governor.pos_ == "NOUN" else []
            if governor.pos_ == "VERB" and governor.lemma_.lower() in lex.causing_verbs:
                nouns = [c for c in governor.children if c.dep_ == "dobj"]
            for noun in nouns:
                trig = _fitting_event(lex.counted.get(noun.lemma_.lower(), ()), noun, person)
                if trig:
                    return trig
        if prep.lower_ in ("at", "on", "against", "in"):
            # "attacks on 30 posts", and "carried out attacks at 48 locations" where the
            # parser hangs the place on the verb
            attack_nouns = [governor] if governor.pos_ == "NOUN" else []
            if governor.pos_ == "VERB" and prep.lower_ != "in":
                attack_nouns = [c for c in governor.children if c.dep_ == "dobj"]
            if governor.pos_ == "VERB" and governor.lemma_.lower() in _CARRYING_OUT:
                # "the attacks, carried out by bandits in 12 communities", "carried out
                # attacks in 15 villages": the places the attacks were made in
                attack_nouns = [c for c in governor.children if c.dep_ == "dobj"]
                if governor.dep_ == "acl":
                    attack_nouns.append(governor.head)
            for noun in attack_nouns:
                lemma = noun.lemma_.lower()
                # "fired rockets at 12 positions": the projectiles fired at the places
                fired = noun != governor and _is_projectile(lemma)
                carried_out_in = (
                    governor.lemma_.lower() in _CARRYING_OUT and noun_lemma not in _REGIONS
                )
                if ("attacks" in lex.nouns.get(lemma, ()) or fired) and (
                    prep.lower_ != "in" or noun == governor or carried_out_in
                ):
                    return Trigger("attacks", noun, _doer_of_an_act_noun(noun))
        if (
            prep.lower_ == "with"
            and governor.pos_ == "VERB"
            and _is_projectile(noun_lemma)
            and "attacks" in categories_of_verb(governor)
        ):
            # "struck Kharkiv with 12 drones", "hit the ship with two missiles": the
            # projectiles an attack was made with are its attacks (ANNOTATION.md)
            return Trigger("attacks", governor, _agent_of(governor))
        if prep.lower_ == "to" and governor.pos_ in ("VERB", "AUX"):
            trig = _total_trigger(governor, person)
            if trig:
                return trig
        if prep.lower_ in ("between", "from") and governor.lemma_.lower() in lex.range_verbs:
            # "the number of injured ranged between 2,750 and 2,800": a total in a range
            trig = _total_trigger(governor, person)
            if trig:
                return trig
        if prep.lower_ == "from":
            # "the toll rose to 45 from 31", "rose to 45, up from 31": the earlier toll is
            # a claim too (ANNOTATION.md "Revisions")
            verb = governor.head if governor.lower_ in ("up", "down") else governor
            risen = [c for c in verb.children if c.dep_ == "ccomp" and c.i < governor.i]
            if verb.lemma_.lower() in lex.reporting_verbs and risen:
                verb = risen[-1]  # "has risen to 46, the commissioner said, up from 31"
            lemma = verb.lemma_.lower()
            if verb.pos_ == "VERB" and (lemma in lex.raising_verbs or lemma in lex.total_verbs):
                trig = _total_trigger(verb, person)
                if trig:
                    return trig
            if governor.lower_ in ("up", "down") and verb.pos_ == "VERB" and _counted_by(verb):
                # "54 people had been killed, up from 31": the earlier toll of the same event
                # ("were missing", tagged a verb, is the adjective's event)
                cats = categories_of_verb(verb) or list(lex.adjectives.get(verb.lower_, ()))
                trig = _fitting_event(cats, verb, person)
                if trig:
                    return trig
        if (
            prep.lower_ in ("to", "on")
            and governor.pos_ == "VERB"
            and person is not True
            and "destroyed" in categories_of_verb(governor)
        ):
            # "set fire to five vehicles"
            return Trigger("destroyed", governor, _agent_of(governor))
        if prep.lower_ == "at" and governor.lemma_.lower() == "be":
            # "the death toll is now at 212": a total set at its figure by the copula
            trig = _total_trigger(governor, person)
            if trig:
                return trig
        if prep.lower_ == "at" and governor.lemma_.lower() in lex.put_at_verbs:
            # "put the death toll at 63", "the number of dead stood at about 60"; of "put the
            # dead at 12 and the wounded at 40", the object right before the figure
            trig = _second_object_put_at(governor, prep, person) or _total_trigger(governor, person)
            if trig and person is None and trig.category in lex.things_only:
                # "put the army's losses at 40": a bare figure of losses counts people and
                # things alike (unsplit, ANNOTATION.md); "put its losses at 12 tanks" counts
                trig = None
            if trig:
                return trig
        if (
            prep.lower_ == "at"
            and governor.dep_ == "conj"
            and governor.head.lemma_.lower() in lex.put_at_verbs
        ):
            # "put the death toll at 30 and the injuries at some 100": the second object
            # shares the verb and names its own event
            trig = _object_event(governor, person)
            if trig:
                return trig
        if (
            prep.lower_ == "at"
            and governor.dep_ == "acl"
            and any(a.lemma_.lower() in lex.put_at_verbs for a in list(governor.ancestors)[:4])
        ):
            # "put the number of fighters killed at 312": the figure hangs on "killed"
            cats = [c for c in categories_of_verb(governor) if c != "attacks"]
            if cats:
                return Trigger(cats[0], governor)
    whole = partitive_noun(mention.token) if mention.noun is None else None
    if (
        whole is not None
        and mention.token.dep_ in ("nsubj", "nsubjpass")
        and not whole.like_num
        and not any(c.dep_ == "nummod" for c in whole.children)
    ):  # (a whole with its own figure, "two of the five dead", is that figure's claim)
        # "thousands of captured soldiers have been paraded": no verb tells what befell
        # them, the word describing them does
        for child in whole.children:
            trig = _adjective_trigger(child, person) if child.dep_ == "amod" else None
            if trig:
                return trig
    return _adjective_after(mention) or _object_of_the_verb_before(mention, person)


# verbs that make attacks happen: the places after them are where the attacks were made
_CARRYING_OUT = frozenset({"carry", "conduct", "launch", "stage", "mount", "orchestrate"})
# areas a campaign spans, which ANNOTATION.md does not count ("strikes in five provinces")
_REGIONS = frozenset(
    {"province", "region", "district", "state", "country", "governorate", "county", "oblast"}
)


def _left_in_ruins(verb: Token) -> Trigger | None:
    """ "left many vehicles in flames", "30 houses were reduced to rubble": things left in
    ruins were destroyed."""
    lex = lexicon()
    if verb.lemma_.lower() not in lex.ruining_verbs:
        return None
    for prep in verb.children:
        if (
            prep.dep_ == "prep"
            and prep.lower_ in ("in", "to", "into")
            and any(o.dep_ == "pobj" and o.lower_ in lex.ruin_states for o in prep.children)
        ):
            return Trigger("destroyed", verb, _agent_of(verb))
    return None


def _captivity(noun: Token, verb: Token) -> Trigger | None:
    """ "40 pupils remain in captivity", "leaves 287 students in the custody of the bandits":
    people kept in captivity are captured; "50 pupils escaped from captivity" are released."""
    lex = lexicon()
    lemma = verb.lemma_.lower()
    # the phrase may hang on the list's last member ("187 students and the principal in ...")
    listed = (c for member in noun.conjuncts for c in member.children)
    for prep in (*noun.children, *verb.children, *listed):
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "with", "from"):
            continue
        for held in prep.children:
            if held.dep_ != "pobj":
                continue
            where = held.lemma_.lower()
            if where in lex.captivity_states or (prep.lower_ != "in" and where in lex.captors):
                if prep.lower_ == "from" and lemma in lex.leaving_verbs:
                    return Trigger("released", verb)
                if prep.lower_ != "from" and lemma in lex.staying_verbs:
                    return Trigger("captured", held)
    return None


def _second_object_put_at(verb: Token, prep: Token, person: bool | None) -> Trigger | None:
    objects = [c for c in verb.children if c.dep_ in ("dobj", "conj") and c.i < prep.i]
    if not objects:
        return None
    nearest = max(objects, key=lambda c: c.i)
    return _object_event(nearest, person) if nearest.dep_ == "conj" else None


def _object_event(word: Token, person: bool | None) -> Trigger | None:
    """The event a toll's object names: "the injuries", "the wounded", "the death toll";
    a bare total names the event of what it counts ("the number of wounded")."""
    lex = lexicon()
    lemma = word.lemma_.lower()
    if lemma in lex.toll_nouns:
        counted = [
            obj
            for prep in word.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        for obj in counted:
            inner = _object_event(obj, person)
            if inner is not None:
                return inner
    cats = [
        *lex.adjectives.get(word.lower_, ()),
        *lex.counted.get(lemma, ()),
        *(("killed",) if lemma in lex.toll_nouns else ()),
    ]
    return _fitting_event(cats, word, person)


def _adjective_after(mention: CountMention) -> Trigger | None:
    """ "reported 14 dead", "a lower toll: 19 dead": the parser may not hang the number on
    the adjective right after it, but the adjective says what it counts."""
    doc = mention.token.doc
    nxt = mention.token.i + 1
    if mention.noun is not None or nxt >= len(doc):
        return None
    return _adjective_trigger(doc[nxt], True)


def _object_of_the_verb_before(mention: CountMention, person: bool | None) -> Trigger | None:
    """ "downed 23 of the 31 drones Russia launched": the parser may take a count for the
    subject of a verb after it, or hang it nowhere useful; right after an event verb in the
    active voice, with nothing between, the count is that verb's object."""
    doc = mention.first.doc
    sent = mention.first.sent
    # "lost at least 20 men": the verb before the count's qualifier
    prefix = strip_qualifier(doc_text(doc)[sent.start_char : mention.first.idx]).rstrip()
    before = mention.first.i - 1
    while before >= sent.start and doc[before].idx >= sent.start_char + len(prefix):
        before -= 1
    if before < sent.start:
        return None
    verb = doc[before]
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP", "VBG"):
        return None
    return _verb_trigger(verb, mention, person, passive=False, subject=False)


def _gapped_passive(verb: Token) -> bool:
    """A participle joined to a passive verb without an auxiliary of its own: the passive
    goes on ("were killed and 26 others taken to hospital"), its subject undergoes it."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "conj"
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and any(c.dep_ == "auxpass" for c in verb.head.children)
    )


def _befalling_governor(
    anchor: Token, mention: CountMention, person: bool | None, described: Trigger
) -> Trigger | None:
    """What befell people described as held, missing or wounded, when that was a release
    or their death ("freed 40 abducted passengers", "the rescue of 12 kidnapped persons",
    "12 kidnapped farmers were killed", "three wounded soldiers died"), or None."""
    outcomes = _OUTCOMES.get(described.category)
    if outcomes is None:
        return None
    head = anchor.head
    found: Trigger | None = None
    if anchor.dep_ in ("dobj", "nsubjpass", "nsubj") and head.pos_ == "VERB":
        found = _verb_trigger(
            head,
            mention,
            person,
            passive=anchor.dep_ == "nsubjpass",
            subject=anchor.dep_ == "nsubj",
        )
    elif (
        anchor.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.pos_ == "NOUN"
        and "released" in lexicon().nouns.get(head.head.lemma_.lower(), ())
    ):
        found = Trigger("released", head.head)
    return found if found is not None and found.category in outcomes else None


# What may befall people described by a state: held or missing people may be freed or
# killed, the wounded may die
_OUTCOMES = {
    "captured": ("released", "killed"),
    "missing": ("released", "killed"),
    "wounded": ("killed",),
}


def _governing_trigger(anchor: Token, mention: CountMention, person: bool | None) -> bool:
    head = anchor.head
    if anchor.dep_ == "nsubj" and head.pos_ in ("AUX", "VERB"):
        # "eight hostages who were being held ... were still missing": the main predicate
        complement = _complement_trigger_of(head, person) or _adjective_trigger(head, person)
        return complement is not None
    if anchor.dep_ not in ("dobj", "nsubjpass") or head.pos_ != "VERB":
        return False
    passive = anchor.dep_ == "nsubjpass"
    return _verb_trigger(head, mention, person, passive=passive) is not None


def _joined_by_along_with(noun: Token) -> Token | None:
    """The verb a noun is joined to by "along with" or "together with", when the phrase
    hangs on the verb, or the counted noun it hangs on ("12 engineers, along with their
    driver")."""
    along = along_with(noun)
    if (
        along is not None
        and along.dep_ in ("prep", "advmod")
        and (
            along.head.pos_ == "VERB"
            or (along.head.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in along.head.children))
        )
    ):
        return along.head
    return None


def _role_beside(verb: Token) -> str:
    """Where a noun joined to a verb's counted stands: its object, or passive or
    intransitive subject."""
    deps = {c.dep_ for c in verb.children}
    if "dobj" in deps:
        return "dobj"
    return "nsubjpass" if "nsubjpass" in deps else "nsubj"


def _subjectless_verb_after(noun: Token) -> Token | None:
    doc = noun.doc
    for tok in doc[noun.i + 1 : min(len(doc), noun.i + 4)]:
        if tok.pos_ == "VERB":
            has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
            return None if has_subject else tok
        if tok.pos_ not in ("AUX", "PART", "ADV"):
            return None
    return None


def _orphan_predicate_after(noun: Token) -> Token | None:
    """The verb (or copula) right after a conjoined noun when it has no subject of its own:
    the noun is that subject, whatever the parser joined it to."""
    doc = noun.doc
    for tok in doc[noun.i + 1 : min(len(doc), noun.i + 4)]:
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ in ("conj", "ROOT", "ccomp")):
            has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)
            return None if has_subject or tok.dep_ not in ("conj", "ROOT", "ccomp") else tok
        if tok.pos_ not in ("AUX", "PART", "ADV"):
            return None
    return None


def _predicate_unknown(noun: Token) -> bool:
    head = noun.head
    return any(c.dep_ == "acomp" and c.lower_ in ("unknown", "unclear") for c in head.children)


def _total_trigger(verb: Token, person: bool | None) -> Trigger | None:
    """ "bringing the number of those rescued to 10", "the death toll rose to 30"; a total
    foreseen ("the toll could rise to 300", "is expected to reach 50") is no claim."""
    lex = lexicon()
    if _foreseen(verb):
        return None
    for child in verb.children:
        if child.dep_ not in ("nsubj", "dobj", "nsubjpass"):
            continue
        for tok in child.subtree:
            low = tok.lower_
            lemma = tok.lemma_.lower()
            if low == "toll" or lemma == "toll":
                if any(t.lower_ in ("injury", "injuries", "wounded") for t in child.subtree):
                    return Trigger("wounded", tok)
                return Trigger("killed", tok)
            cats = list(lex.adjectives.get(low, ())) + list(
                lex.verbs.get(lemma, ()) if tok.pos_ == "VERB" else ()
            )
            if tok.pos_ == "NOUN" and tok.i == child.i:
                # "the losses amounted to 12 tanks": the subject names the event
                cats += lex.nouns.get(lemma, ())
            trig = _fitting_event(cats, tok, person)
            if trig:
                return trig
    return _continued_total(verb, person)


def _foreseen(verb: Token) -> bool:
    """Whether a verb tells what may come ("could rise", "may reach", "is expected to top"),
    not what is (``projecting_words``)."""
    words = lexicon().projecting_words
    if any(c.dep_ == "aux" and c.lower_ in words for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in words


_BARE_TOTALS = frozenset({"total", "tally", "number", "figure", "count"})


_EARLIER_FIGURES = _BARE_TOTALS | {"toll", "estimate"}


def _earlier_figure_named(noun: Token) -> bool:
    """ "from a previous figure of 32", "from an earlier toll of 45": a word for a figure
    that a revision starts from."""
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "from"
        and noun.lemma_.lower() in _EARLIER_FIGURES
    )


def _counted_by(verb: Token) -> bool:
    """Whether an event verb has a count among its subjects or objects ("54 people had been
    killed"): what an "up from" figure revises."""
    # (a subject the parser hangs on the auxiliary is the verb's too)
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj")
        and any(t.like_num or t.dep_ == "nummod" for t in c.subtree)
        for word in (verb, *auxiliaries)
        for c in word.children
    )


def _continued_total(verb: Token, person: bool | None) -> Trigger | None:
    """ "the shelling killed nine, bringing the total to 52": a total that names no event
    continues the clause it hangs on, and is a total of that clause's event."""
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in _BARE_TOTALS:
        # "bringing the total wounded to 19", "the number killed rose to 40": the total
        # is named by the event its participle tells
        return _fitting_event(categories_of_verb(verb), verb, person)
    names_bare_total = any(
        c.dep_ in ("nsubj", "dobj", "nsubjpass") and c.lemma_.lower() in _BARE_TOTALS
        for c in verb.children
    )
    if not names_bare_total or verb.dep_ not in ("advcl", "conj", "xcomp"):
        return None
    event = verb.head
    categories = _dead_found(event) or categories_of_verb(event)
    if not categories and event.lemma_.lower() in lexicon().causing_verbs:
        # "caused injuries to 27 residents, bringing the total to 52": what the clause
        # caused names the event its total counts
        for obj in (c for c in event.children if c.dep_ == "dobj"):
            counted = lexicon().counted.get(obj.lemma_.lower(), ())
            if counted:
                return _fitting_event(counted, obj, person)
    return _fitting_event(categories, event, person)


def _dead_found(verb: Token) -> list[str]:
    """ "two more bodies were found, bringing the total to 52": finding the dead is a toll's
    event too."""
    lex = lexicon()
    if verb.lemma_.lower() not in lex.finding_verbs:
        return []
    found = (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass"))
    return ["killed"] if any(c.lemma_.lower() in ("body", "corpse") for c in found) else []


def _fitting_event(categories: Iterable[str], word: Token, person: bool | None) -> Trigger | None:
    """The first of an event word's categories that fits what is counted, attacks aside: a
    toll or its object counts what befell people or things, not attacks."""
    for category in categories:
        if category != "attacks" and _fits(category, person):
            return Trigger(category, word)
    return None


_OWNING = frozenset({"its", "their", "our", "his", "her", "my"})


def _owned_by_speaker(count: Token) -> bool:
    """ "eight of its fighters", "their 12 men": the counted people belong to someone named
    by a possessive pronoun."""
    phrase = count.head if count.dep_ == "nummod" else count
    return any(t.dep_ == "poss" and t.lower_ in _OWNING for t in phrase.subtree)


def _verb_trigger(
    verb: Token,
    mention: CountMention,
    person: bool | None,
    *,
    passive: bool = False,
    subject: bool = False,
) -> Trigger | None:
    lex = lexicon()
    noun = mention.noun
    if noun is None and mention.count.value is None:
        # "fired dozens of rockets": the rockets are what the verb's sense turns on (but in
        # "downed 23 of the 31 drones Russia launched" a clause on the whole is not the part's)
        noun = partitive_noun(mention.token)
    noun_lemma = noun.lemma_.lower() if noun is not None else ""
    if passive:
        # "20 residents had been reported missing", "were found dead"
        trig = _complement_trigger(verb, person, ("oprd", "acomp", "xcomp"))
        if trig:
            return trig
    if subject and not passive:
        # "15 crew members are missing", "40 were dead": a predicate adjective; and
        # "five soldiers killed in an ambush", a headline's passive. A verb with an object
        # is active ("two gunmen killed five villagers"): its subject did the act
        if verb.lower_ not in lex.verbs and not any(c.dep_ == "dobj" for c in verb.children):
            trig = _adjective_trigger(verb, person)
            if trig:
                return trig
        trig = _complement_trigger(verb, person, ("acomp", "attr", "oprd"))
        if trig:
            return trig
        for child in verb.children:
            if (
                child.dep_ == "prep"
                and child.lower_ == "among"
                and verb.lemma_ == "be"
                and _owned_by_speaker(mention.token)
            ):
                # "eight of its fighters were among the dead": a party's own losses within a
                # toll are its claim; "nine foreigners were among the dead" is a part of the
                # toll (ANNOTATION.md: a subset "among them" is no claim of its own)
                for obj in child.children:
                    trig = _adjective_trigger(obj, person) if obj.dep_ == "pobj" else None
                    if trig:
                        return trig
        suffered = _suffered_event(verb, person)
        if suffered is not None:
            return suffered
    # a verb joined to this one shares its subject or object ("ambushed and killed 12"),
    # unless it has a subject of its own ("1,000 were displaced and 12 were killed")
    candidates = [verb] + [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.pos_ == "VERB"
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
    ]
    for cand in candidates:
        cats = categories_of_verb(cand)
        if not cats:
            continue
        lemma = cand.lemma_.lower()
        if subject and not passive and "attacks" in cats and noun_lemma in lex.projectiles:
            # "About 15 rockets hit the suburbs", "40 drones attacked Kyiv": the projectiles
            # that struck are the attacks, as those launched are (ANNOTATION.md)
            return Trigger("attacks", cand, _agent_of(cand))
        if (
            subject
            and not passive
            and lemma not in lex.victim_subject_verbs
            and not _phrase_follows(cand, lex.victim_subject_phrases.get(lemma, ()))
        ):
            # An active subject did the act ("84 fighters attacked"): only intransitive
            # verbs (die, perish) make it the count of victims.
            continue
        if "attacks" in cats and lemma in ("fire", "launch"):
            if noun_lemma in lex.projectiles or "attacks" in lex.nouns.get(noun_lemma, ()):
                return Trigger("attacks", cand, _agent_of(cand))
            continue
        if (
            lemma in ("hold", "recover", "pull", "save")
            and person is not True
            and noun is not None
            and not (lemma == "recover" and noun_lemma in lex.things)
        ):
            continue  # "held talks" is nothing; "recovered six firearms" is a seizure
        phrasal = [c for c in cats if c not in lex.verbs.get(lemma, ())]
        if lemma == "take" and phrasal and _fits(phrasal[0], person):
            # "with 45 more taken to hospital": the phrase says what happened
            return Trigger(phrasal[0], cand, _agent_of(cand))
        if lemma == "take" and (
            not any(c in ("seized", "captured") for c in cats)
            or any(c.dep_ == "prt" and c.lower_ in ("in", "part", "place") for c in cand.children)
            or (person is not True and noun_lemma not in lex.things)
        ):
            continue  # "took 22 prisoners", "took four vehicles"; not "took in", "took steps"
        if lemma == "target" and noun_lemma in lex.projectiles:
            return Trigger("attacks", cand, _agent_of(cand))
        category = _pick(cats, person)
        if category == "destroyed" and person is True:
            continue
        agent = _agent_of(cand)
        if agent is not None and _lemmas(agent) & lex.recording_nouns:
            continue  # "surveillance footage captured a person paying": filmed, not taken
        if category == "attacks" and noun_lemma in lex.projectiles:
            category = None
        if category:
            return Trigger(category, cand, _agent_of(cand))
    return None


def _lemmas(token: Token) -> set[str]:
    """A noun's lemma, also where the tagger took it for a name ("Cameras" opening a
    sentence stays "Cameras")."""
    lower = token.lower_
    return {token.lemma_.lower(), lower, lower.removesuffix("s")}


def _object_relative(clause: Token) -> bool:
    """A relative clause whose own subject acts on the noun it describes: it has a subject
    that is no relative pronoun and no object but, at most, one ("the drones that Russia
    launched", "the soldiers the militants killed")."""
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return (
        subject is not None
        and subject.lower_ not in RELATIVE_PRONOUNS
        and clause.pos_ == "VERB"
        and all(c.lower_ in RELATIVE_PRONOUNS for c in clause.children if c.dep_ == "dobj")
    )


def _clause_trigger(clause: Token, mention: CountMention, person: bool | None) -> Trigger | None:
    """The event word of a clause that describes the counted ("14 people who had been
    kidnapped", "seven colleagues, who are missing": the participle tagged a verb, or its
    copula the head)."""
    return (
        _verb_trigger(clause, mention, person, passive=True)
        or _adjective_trigger(clause, person)
        or _complement_trigger_of(clause, person)
    )


def _who_clauses_past(noun: Token) -> list[Token]:
    """ "who" clauses hung on the object of a preposition after a noun of people."""
    return [
        clause
        for prep in noun.children
        if prep.dep_ == "prep"
        for obj in prep.children
        if obj.dep_ == "pobj" and obj.pos_ == "PROPN"
        for clause in obj.children
        if clause.dep_ == "relcl" and any(g.lower_ == "who" for g in clause.children)
    ]


def _complement_trigger_of(verb: Token, person: bool | None) -> Trigger | None:
    """The event adjective a copula or a verb takes as its complement ("were missing")."""
    for complement in verb.children:
        if complement.dep_ == "acomp":
            trig = _adjective_trigger(complement, person)
            if trig:
                return trig
    return None


def _adjective_trigger(
    word: Token, person: bool | None, agent: Token | None = None
) -> Trigger | None:
    """An event adjective of the lexicon ("dead", "missing") whose category fits what is
    counted."""
    cats = [c for c in lexicon().adjectives.get(word.lower_, ()) if _fits(c, person)]
    return Trigger(cats[0], word, agent) if cats else None


def _complement_trigger(
    verb: Token, person: bool | None, deps: tuple[str, ...], agent: Token | None = None
) -> Trigger | None:
    """What a verb says its subject or object ended up: "were found dead", "left nine people
    dead"."""
    for child in verb.children:
        if child.dep_ in deps:
            trig = _adjective_trigger(child, person, agent)
            if trig:
                return trig
    return None


def _suffered_event(verb: Token, person: bool | None) -> Trigger | None:
    """ "14 fighters lost their lives", "three soldiers suffered injuries", "two embraced
    martyrdom": a verb whose object names what befell people makes its subject the victims,
    whatever the verb."""
    lex = lexicon()
    if verb.lemma_.lower() in lex.causing_verbs:
        return None
    for child in verb.children:
        if child.dep_ != "dobj":
            continue
        lemma = child.lemma_.lower()
        cats = list(lex.counted.get(lemma, ())) + list(lex.nouns.get(lemma, ()))
        # (a release, a rescue or an exchange is done to people by others: "the two sides
        # completed the exchange" freed neither)
        cats = [c for c in cats if c in lex.people_only and c != "released" and _fits(c, person)]
        if cats:
            return Trigger(cats[0], verb)
    return None


def _doer_of_an_act_noun(noun: Token) -> Token | None:
    """Who carried out the acts a noun counts: "15 air strikes by Russian forces", or the
    subject of the verb that has them for object ("Russian forces carried out 15 air strikes
    and 780 shelling attacks")."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            return next((o for o in prep.children if o.dep_ == "pobj"), None)
    first = first_conjunct(noun)
    if first.dep_ == "dobj" and first.head.pos_ == "VERB":
        return _agent_of(first.head)
    return None


def _agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    if verb.dep_ == "conj":
        return _agent_of(verb.head)
    governor = _controlling_verb(verb)
    if governor is not None:
        return _agent_of(governor)
    return None


def _controlling_verb(verb: Token) -> Token | None:
    """The verb whose subject is also a non-finite verb's ("the rebels admitted to losing
    seven fighters", "the army managed to kill 20"): the verb it completes, where that verb
    has no object to do it instead."""
    having = any(c.dep_ == "aux" and c.lower_ == "having" for c in verb.children)
    if verb.tag_ not in ("VB", "VBG") and not having:  # "acknowledged having lost 12"
        return None
    if (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and verb.head.pos_ == "VERB"
        and not any(c.dep_ in ("nsubj", "mark") for c in verb.children)
        and any(c.dep_ == "nsubj" and c.lower_ in ("we", "they", "it") for c in verb.head.children)
        and verb.head.dep_ == "ccomp"
        and verb.head.head.lemma_.lower() in lexicon().reporting_verbs
    ):
        # "the SDF said they repelled an attack, killing 31 fighters": the speakers killed
        # them (another subject's deed may have been done to it: "militants stormed a post,
        # killing ...")
        return verb.head
    governor = None
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        governor = verb.head
    elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "VERB":
        governor = verb.head.head
    if governor is None or any(c.dep_ == "dobj" for c in governor.children):
        return None  # "ordered troops to free 12 hostages": the troops free them
    return governor


_AT_PREPOSITIONS = ("at", "on", "against", "toward", "towards", "into")


def attacked_phrase(trigger: Token, count: Token) -> Token | None:
    """What an attack word says was attacked, when the count is not it: "five RPGs were
    fired at the vessel", "15 rockets hit the suburbs", "two shells struck a school"."""
    for child in trigger.children:
        if child.dep_ == "dobj" and count not in child.subtree:
            return child
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in _AT_PREPOSITIONS:
            for obj in child.children:
                when = obj.ent_type_ in ("DATE", "TIME")  # "on Monday" says when, not what
                if obj.dep_ == "pobj" and count not in obj.subtree and not when:
                    return obj
    return None


LOOSE_WINDOW = 12  # tokens between a figure and an event word that may still go together


def nearest_trigger(mention: CountMention) -> Trigger | None:
    """The event word of the figure's sentence nearest to it, whatever the parse says: a
    loose candidate for the decision model to judge ("16 Mali Armed Forces [FAMa] soldiers
    were killed" when the parse loses the subject)."""
    sent = mention.token.sent
    person = is_person(mention.noun)
    best: tuple[int, Trigger] | None = None
    for token in sent:
        distance = abs(token.i - mention.token.i)
        if distance == 0 or distance > LOOSE_WINDOW or token.like_num:
            continue
        categories = _categories_of_word(token)
        category = _pick(categories, person) if categories else None
        if category is not None and (best is None or distance < best[0]):
            best = (distance, Trigger(category, token))
    return best[1] if best is not None else None


# What may stand between two items of one list ("10 tanks, six D-20 guns and about 30
# armoured vehicles"): the words of a noun phrase, commas and conjunctions, never a verb
_LIST_WORDS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "DET", "CCONJ", "PART", "SYM", "X"})
# Dashes and brackets set off a breakdown of the figure before them, not a further item
_LIST_PUNCT = frozenset({",", ";", "'", "’", '"'})
_GAP_PREPOSITIONS = frozenset({"ADP"})


def listed_trigger(
    previous: CountMention, trigger: Trigger, mention: CountMention
) -> Trigger | None:
    """The event word of a figure listed after another of its sentence: every item of a
    list shares the list's event word ("lost 300 troops, ten tanks and an artillery gun",
    "snatched four rifles, a machine gun and a radio"), and so does a figure of a gapped
    clause ("40 were killed in Kidal and 12 in Menaka"). The category is the event word's
    for what the item counts: people lost are killed, tanks lost destroyed."""
    doc = mention.token.doc
    text = doc_text(doc)
    if mention.start <= previous.end or _of_whom(mention):
        return None
    if _speaks(mention):
        return None  # "killed 40 soldiers, two security sources said": who told it
    glue_end = previous.end + len(strip_qualifier(text[previous.end : mention.start]).rstrip())
    between = [t for t in doc[_item_end(previous) : mention.first.i] if t.idx < glue_end]
    if not between or not (between[-1].pos_ == "CCONJ" or between[-1].text in (",", ";")):
        return None
    listed = all(_listed_word(t) for t in between)
    if not listed and not _gapped(previous, trigger, mention, between):
        return None
    person = is_person(mention.noun)
    if person is None and mention.noun is None:
        person = is_person(previous.noun)
    category = _pick(_categories_of_word(trigger.token), person)
    if category is None and _fits(trigger.category, person):
        category = trigger.category
    return Trigger(category, trigger.token, trigger.agent) if category else None


def _speaks(mention: CountMention) -> bool:
    """Whether the counted are the nearest subject of a verb of saying after them, and can
    speak: sources, officials, people ("two security sources said"); not things the parser
    made a subject ("ten tanks, the ministry said"). Looser than ``attribution.is_speaker``,
    which every figure must pass: here only whether a list goes on is at stake."""
    counted = mention.noun
    if counted is None or counted.dep_ != "nsubj":
        return False
    verb = counted.head
    lex = lexicon()
    if verb.i < counted.i or verb.lemma_.lower() not in lex.reporting_verbs:
        return False
    if any(c.dep_ == "nsubj" and counted.i < c.i < verb.i for c in verb.children):
        return False
    return counted.lemma_.lower() in lex.source_nouns or is_person(counted) is True


def _is_projectile(lemma: str) -> bool:
    """A drone, missile or rocket, in the singular or (as the lemmatizer may leave it) the
    plural."""
    projectiles = lexicon().projectiles
    return lemma in projectiles or lemma.rstrip("s") in projectiles


def _listed_word(token: Token) -> bool:
    """A word of a listed item or of the glue between items; "self-propelled" describing an
    item is one, though the tagger calls "propelled" a verb and the hyphen punctuation."""
    if token.pos_ in _LIST_WORDS or (token.pos_ == "PUNCT" and token.text in _LIST_PUNCT):
        return True
    if token.text == "-" and not token.whitespace_:
        return True
    return token.dep_ in ("amod", "compound", "npadvmod") and token.head.pos_ in (
        "NOUN",
        "PROPN",
        "ADJ",
        "VERB",
    )


def _item_end(item: CountMention) -> int:
    """Where a listed item's phrase ends: after its count, or after the words of its noun
    ("a mobile artillery system of the Akatsya model"), without the items joined to it."""
    noun = item.noun
    if noun is None or noun.i <= item.token.i:
        return item.token.i + 1
    end = noun.i
    pending = [c for c in noun.children if c.i > noun.i and c.dep_ not in _NOT_THE_ITEMS]
    while pending:
        token = pending.pop()
        if token.dep_ == "conj" and any(c.dep_ == "nummod" for c in token.children):
            continue  # "a pickup with a gun and 14 rifles": the rifles are the next item
        end = max(end, token.i)
        pending.extend(c for c in token.children if c.dep_ != "cc")
    return end + 1


_NOT_THE_ITEMS = ("conj", "cc", "punct", "appos")


def _gapped(
    previous: CountMention, trigger: Trigger, mention: CountMention, between: list[Token]
) -> bool:
    """ "40 people were killed in Kidal and 12 in Menaka": the second clause leaves out the
    event word; its figure is followed by a place or time phrase as the first one's was."""
    doc = mention.token.doc
    if mention.noun is not None and (
        previous.noun is None
        or (
            mention.noun.lemma_ != previous.noun.lemma_
            # "two drones over Kursk and one UAV over Belgorod": another word for the same
            # kind of thing
            and (
                is_person(mention.noun) is None
                or is_person(mention.noun) != is_person(previous.noun)
            )
        )
    ):
        return False
    after = mention.noun.i + 1 if mention.noun is not None else mention.token.i + 1
    if after >= len(doc) or doc[after].pos_ not in _GAP_PREPOSITIONS:
        return False
    for token in between:
        auxiliary = token.head.i == trigger.token.i and token.dep_ in ("aux", "auxpass")
        if token.pos_ in ("VERB", "AUX") and token.i != trigger.token.i and not auxiliary:
            return False
        if token.pos_ == "PUNCT" and token.text in (".", ":", "?", "!"):
            return False
    return trigger.token.i < mention.first.i


def _of_whom(mention: CountMention) -> bool:
    """ "killed five soldiers, two of whom were officers": a part, not a list item (unless
    the part has a place of its own: "337 drones, 126 of them over the Kursk region")."""
    partitive = partitive_noun(mention.token)
    return (
        partitive is not None
        and partitive.lower_ in ("whom", "which", "them", "those")
        and not placed_apart(mention.token)
    )


_PLACING_PREPOSITIONS = frozenset({"in", "over", "near", "at", "around", "on"})


def placed_apart(count: Token) -> bool:
    """ "destroyed 47 drones, 21 of them over Belgorod": a part given a place of its own is
    the figure for that place (ANNOTATION.md "Parts and totals"), whether the parser hangs
    the place on the part or, right after "of them", on the verb."""
    doc = count.doc
    after_whole = doc[count.i + 3] if count.i + 3 < len(doc) else None
    preps = [*count.children, *([after_whole] if after_whole is not None else [])]
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in _PLACING_PREPOSITIONS
        and any(
            obj.dep_ == "pobj" and any(t.pos_ == "PROPN" for t in obj.subtree)
            for obj in prep.children
        )  # ("over Belgorod", "over the Kursk region")
        for prep in preps
    )


def _gerund_phrase_categories(noun: Token) -> list[str]:
    """The categories of a phrasal verb's gerund used as a noun ("the shooting down of three
    helicopters", "the setting ablaze of 20 huts", "the blowing up of a bridge"): the
    verb's phrase must follow the gerund, as it must follow the verb."""
    word = noun.lower_
    if not word.endswith("ing") or len(word) < 6:
        return []
    stem = word[:-3]
    phrasal = lexicon().phrasal
    # "shooting": shoot; "setting": set; "taking": take
    for lemma in (stem, stem[:-1], stem + "e"):
        if lemma in phrasal:
            words = _phrase_words(noun)
            return [c for c, rest in phrasal[lemma] if rest and all(w in words for w in rest)]
    return []


def sense_for_things(token: Token) -> str | None:
    """The category an event word has when it befalls things ("9 were lost" of drones:
    destroyed), if it has one ("killed" has none)."""
    return _pick(_categories_of_word(token), False)


def _categories_of_word(token: Token) -> list[str]:
    """The categories an event word stands for, as a verb, a noun or an adjective."""
    lex = lexicon()
    if token.pos_ in ("VERB", "AUX"):
        return categories_of_verb(token)
    lemma = token.lemma_.lower()
    if lemma in lex.nouns:
        return list(lex.nouns[lemma])
    return list(lex.adjectives.get(token.lower_, ()))
