"""Text helpers every part of the rule stage uses: the document's text and noun phrases.

Counts, targets and attributions all cut text out of the document or out of a parse
subtree; the helpers live here so that none of those modules has to import another for them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token


def doc_text(doc: Doc) -> str:
    """The document's text, built once: spaCy joins every token again on each ``Doc.text``."""
    text = doc.user_data.get("counterclaim_text")
    if text is None:
        text = doc.user_data["counterclaim_text"] = doc.text
    return text


def tokens_labelled(doc: Doc, attribute: int, labels: Iterable[str]) -> list[Token]:
    """The tokens whose ``attribute`` (``spacy.attrs.DEP``, ``POS``, ``LEMMA``...) is one of
    ``labels``, found in one pass of spaCy's own arrays: walking every token in Python to
    test a label costs more than the tests made on the few that pass."""
    key = (id(doc.vocab), tuple(labels))
    wanted = _LABEL_IDS.get(key)
    if wanted is None:
        wanted = _LABEL_IDS[key] = frozenset(doc.vocab.strings.add(label) for label in key[1])
    column = doc.to_array([attribute]).tolist()
    return [doc[i] for i, value in enumerate(column) if value in wanted]


# The ids of the labels asked for, per vocabulary (one per loaded pipeline) and label set
_LABEL_IDS: dict[tuple[int, tuple[str, ...]], frozenset[int]] = {}

# The pronouns that open a relative clause ("the agency, which said", "the drones that
# Russia launched", "the soldiers whom the militants killed")
RELATIVE_PRONOUNS = ("who", "whom", "which", "that")
# Possessive pronouns before one person joined to a count ("and their driver")
POSSESSIVE_PRONOUNS = ("their", "his", "her", "its")
# "the bomber killed himself and six others": the doer counted among the dead
PERSONAL_REFLEXIVES = frozenset({"himself", "herself", "themselves"})


def first_conjunct(token: Token) -> Token:
    """The first item of the list a token is in ("15 air strikes and 780 shelling attacks":
    the strikes), where the list's relation to the rest of the sentence hangs."""
    while token.dep_ == "conj":
        token = token.head
    return token


def np_text(head: Token) -> str:
    tokens = [
        t
        for t in head.subtree
        if not (t.dep_ == "punct" and t.i in (head.left_edge.i, head.right_edge.i))
    ]
    return tidy_name("".join(t.text_with_ws for t in tokens))


def tidy_name(text: str) -> str:
    """A name as a claimant alias: one-spaced, without empty or unbalanced brackets.

    Dropping the edge punctuation of a parse subtree can cut "Front (BLA)" to "Front (BLA",
    and removing an apposition leaves "Front ()".
    """
    text = _SPACES.sub(" ", text).strip(" ,")
    if not any(bracket in text for bracket in "()[]"):
        return text  # (most names: nothing below would change them)
    if text.count(")") > text.count("("):
        text = text.replace(")", "")
    if text.count("]") > text.count("["):
        text = text.replace("]", "")  # "FAMa] soldiers" of "Mali Armed Forces [FAMa] soldiers"
    if text.count("(") > text.count(")") and not text.endswith(")"):
        text = text.strip(" ,") + ")"
    previous = None
    while previous != text:
        previous = text
        text = _SPACES.sub(" ", _EMPTY_BRACKETS.sub(" ", text)).strip(" ,")
    return text


_SPACES = re.compile(r"\s+")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")


def along_with(noun: Token) -> Token | None:
    """The "along" or "together" of "along with" or "together with" before a noun ("12
    engineers, along with their driver"), or None."""
    with_ = noun.head
    along = with_.head
    if noun.dep_ == "pobj" and with_.lower_ == "with" and along.lower_ in ("along", "together"):
        return along
    return None
