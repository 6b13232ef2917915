"""What the parse says around a claim candidate, as features for the decision model.

The rules decide *where* a figure and its trigger are; the decision model (``decide``)
decides whether the candidate is a claim and whose people it counts. It reads these
features: the trigger's lemma and its syntactic relation to the count, the counted noun,
the content words of its sentence, quotation and negation. Each feature is a
name (``"trigger=kill"``) with a weight, so that adding one needs no change elsewhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

if TYPE_CHECKING:
    from counterclaim.extract.attribution import Attribution
    from counterclaim.extract.counts import CountMention
    from counterclaim.extract.triggers import Trigger

from counterclaim.decide import LOOSE
from counterclaim.extract.attribution import quote_around

_CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV"})
# The counted are the object of a verb whose subject owns them ("we lost four killed and
# seven wounded"): the role follows from who that subject is (``resolve``)
OWNED_BY_ITS_DOER = "owned_by_its_doer"


def _word(token: Token) -> str:
    return token.lemma_.lower() if token.pos_ != "PROPN" else token.lower_


def _path(start: Token, end: Token, limit: int = 4) -> str:
    """The dependency labels from ``start`` up to ``end`` (``"nummod>nsubjpass"``), or "far".
    The steps through the items of a list are one step, "list": every conjunct of "destroyed
    12 camps, nine motorcycles, four canoes and two generators" is the verb's object."""
    labels: list[str] = []
    token = start
    steps = 0
    while steps < limit:
        if token == end:
            return ">".join(labels) or "self"
        if _list_item(token):
            if not labels or labels[-1] != "list":
                labels.append("list")
                steps += 1
        else:
            labels.append(token.dep_)
            steps += 1
        if token.head == token:
            break
        token = token.head
    return "far"


def _list_item(token: Token) -> bool:
    """An item of a list of nouns after its first ("nine motorcycles" of "12 camps, nine
    motorcycles and ...")."""
    return token.dep_ in ("conj", "appos") and token.head.pos_ in ("NOUN", "PROPN")


def _trigger_path(count: Token, trigger: Token) -> str:
    """The path from the count to its trigger; to the verb, for an adjective that says what
    a verb did to its object ("shot two soldiers dead": the soldiers are its object)."""
    path = _path(count, trigger)
    if path == "far" and trigger.dep_ in ("oprd", "acomp"):
        return _path(count, trigger.head)
    return path


def candidate_features(
    sent: Span,
    mention: CountMention,
    trigger: Trigger,
    attribution: Attribution,
    quotes: list[tuple[int, int]],
    *,
    loose: bool = False,
) -> dict[str, float]:
    features: dict[str, float] = {}
    if loose:
        features[LOOSE] = 1.0
        features[f"loose_distance={min(abs(trigger.token.i - mention.token.i), 8)}"] = 1.0

    def add(name: str, weight: float = 1.0) -> None:
        features[name] = weight

    anchor = mention.token
    add(f"trigger={trigger.token.lemma_.lower()}")
    add(f"trigger_dep={trigger.token.dep_}")
    add(f"path={_trigger_path(anchor, trigger.token)}")
    add(f"count_dep={anchor.dep_}")
    add(f"count_head={_word(anchor.head)}")
    add(f"noun={_word(mention.noun) if mention.noun is not None else '-'}")
    add(f"attribution={attribution.kind}")
    add("trigger_before_count" if trigger.token.i < anchor.i else "trigger_after_count")
    if any(child.dep_ == "neg" for child in trigger.token.children):
        add("negated")
    if quote_around(quotes, mention.start) is not None:
        add("in_quote")
    # The words right beside the figure were tried as features too: they fit the conflicts
    # of the training set and lost on groups left out (README, "Rules against the model")
    words, figures = _sentence_words(sent)
    for name in words:
        add(name, 0.5)
    add(f"figures_in_sentence={min(figures, 4)}")
    return features


def _sentence_words(sent: Span) -> tuple[tuple[str, ...], int]:
    """The sentence's content-word features, in order, and how many figures it holds: read
    once per sentence, not again for each of its candidates."""
    cache = sent.doc.user_data.setdefault("counterclaim_sentence_words", {})
    key = (sent.start, sent.end)
    found = cache.get(key)
    if found is None:
        words: dict[str, None] = {}
        figures = 0
        for token in sent:
            if token.like_num:
                figures += 1
            elif token.pos_ in _CONTENT:
                words[f"sentence={_word(token)}"] = None
        found = cache[key] = (tuple(words), figures)
    return found
