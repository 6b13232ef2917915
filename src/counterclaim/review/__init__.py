"""Stage 7, review: an analyst's verdicts on the machine's claims, kept as history.

Nothing is overwritten. Each reviewed claim keeps its machine version (the store's
``machine_claims``) and every review of it (``reviews``: who, when, what changed, why); the
*effective* claim, the one the matrix, grades, exports and briefs read, is the machine
version with the reviews applied in order (:func:`effective_claim`). A claim can be

* **accepted** (unchanged, but a person vouched for it),
* **corrected** (claimant, category, target and its role, value, qualifier, event date,
  incident, hedged, places),
* **rejected** (it leaves the ledger; an accept or a correction later brings it back),
* **added** by an analyst where the machine missed it, from its evidence span.

Analyst operations over many claims are recorded the same way, one review row per claim
plus one row for the operation: merging two claimant columns (:func:`merge_actors`, which
also writes an alias into the user's knowledge-base file so it holds for future
documents), splitting an incident (:func:`split_incident`) and merging two
(:func:`merge_incidents`).

Re-extraction after an upgrade replaces the machine claims of a document; the pipeline then
calls :func:`reapply_reviews`, which finds each reviewed claim's new machine version by its
evidence span (same document, overlapping span, same category or value) and applies the
reviews to it, and :func:`reapply_incident_reviews` after incidents are regrouped.

The first part of this module is data in, data out (:func:`effective_claim`,
:func:`match_new_versions`, :func:`check_changes`); the second runs those over a store.
"""

from counterclaim.review.core import (
    ACCEPT,
    ACCEPTED,
    ADD,
    ADDED,
    CORRECT,
    CORRECTED,
    EDITABLE,
    MERGE_ACTORS,
    MERGE_INCIDENTS,
    OPERATIONS,
    REJECT,
    SPLIT_INCIDENT,
    Review,
    ReviewError,
    apply_changes,
    check_changes,
    claim_from_data,
    claim_to_data,
    effective_claim,
    match_new_versions,
)
from counterclaim.review.knowledge import write_alias
from counterclaim.review.operations import (
    ReviewResult,
    accept,
    accept_document,
    add_claim,
    correct,
    history,
    merge_actors,
    merge_incidents,
    reapply_incident_reviews,
    reapply_reviews,
    reject,
    reviewed_documents,
    split_incident,
)

__all__ = [
    "ACCEPT",
    "ACCEPTED",
    "ADD",
    "ADDED",
    "CORRECT",
    "CORRECTED",
    "EDITABLE",
    "MERGE_ACTORS",
    "MERGE_INCIDENTS",
    "OPERATIONS",
    "REJECT",
    "SPLIT_INCIDENT",
    "Review",
    "ReviewError",
    "ReviewResult",
    "accept",
    "accept_document",
    "add_claim",
    "apply_changes",
    "check_changes",
    "claim_from_data",
    "claim_to_data",
    "correct",
    "effective_claim",
    "history",
    "match_new_versions",
    "merge_actors",
    "merge_incidents",
    "reapply_incident_reviews",
    "reapply_reviews",
    "reject",
    "reviewed_documents",
    "split_incident",
    "write_alias",
]
