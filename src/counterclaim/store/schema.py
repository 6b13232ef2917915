"""Table definitions (SQLAlchemy Core). Migrations under ``migrations/`` create them."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("url", Text),
    Column("title", Text),
    Column("outlet", Text),
    Column("published", Date),
    Column("language", String(8), nullable=False, default="en"),
    Column("text", Text, nullable=False),
    Column("source", Text),
    Column("syndicated_from", Text),
    Column("origin", Text),
    Column("dateline_place", Text),
    Column("near_duplicate_group", String(32), index=True),
    Column("body_start", Integer, nullable=False, default=0),
    Column("metadata", JSON, nullable=False, default=dict),
    Column("flags", JSON, nullable=False, default=list, server_default="[]"),
    Column("extractor_version", String(32)),
    Column("ingested_at", DateTime, nullable=False),
)

ingest_failures = Table(
    "ingest_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", DateTime, nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("doc_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("claimant", Text, nullable=False),
    Column("claimant_aliases", JSON, nullable=False, default=list),
    Column("claimant_actor", Text),
    Column("category", String(16), nullable=False),
    Column("target", Text, nullable=False, default=""),
    Column("target_actor", Text),
    Column("target_role", String(16), nullable=False),
    Column("value", Integer),
    Column("value_high", Integer),
    Column("qualifier", String(16), nullable=False),
    Column("event_date", String(32)),
    Column("locations", JSON, nullable=False, default=list),
    Column("places", JSON, nullable=False, default=list),
    Column("incident", Text),
    Column("incident_id", String(32), index=True),
    Column("hedged", Boolean, nullable=False, default=False),
    Column("evidence", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("confidence", Float, nullable=False, default=0.5),
    Column("origin", Text),
    Column("stated_on", Date),
    # None for a machine claim; accepted, corrected or added once an analyst reviewed it
    Column("review_status", String(16)),
    Index("ix_claims_doc", "doc_id"),
    Index("ix_claims_category", "category"),
    Index("ix_claims_claimant", "claimant"),
)

incidents = Table(
    "incidents",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("label", Text, nullable=False),
    Column("date_start", String(10)),
    Column("date_end", String(10)),
    Column("places", JSON, nullable=False, default=list),
    Column("operation", Text),
    Column("data", JSON, nullable=False, default=dict),
)

# One row per (document, LSH band): looking up candidates is an indexed equality join, so
# near-duplicate search stays sublinear in the number of stored documents.
lsh_bands = Table(
    "lsh_bands",
    metadata,
    Column("band", Integer, primary_key=True),
    Column("bucket", String(40), primary_key=True),
    Column("doc_id", String(32), primary_key=True),
)

minhashes = Table(
    "minhashes",
    metadata,
    Column("doc_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("signature", JSON, nullable=False),
)

# -- analyst review (migration 0003) --------------------------------------------------------
# Every review is a row here and is never updated: the effective claims in ``claims`` are
# derived from the machine version (``machine_claims``) and these rows, in id order.
reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("batch", String(32), nullable=False, index=True),  # one analyst action
    Column("operation", String(24), nullable=False),
    Column("claim_id", String(32), index=True),  # the reviewed claim (None: not one claim)
    Column("doc_id", String(32), index=True),
    Column("changes", JSON, nullable=False, default=dict),  # field → [before, after]
    Column("reviewer", Text, nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("at", DateTime, nullable=False),
)

# The machine version of each reviewed claim: what the extractor said, kept beside the
# effective claim; refreshed when a re-extraction finds the claim again.
machine_claims = Table(
    "machine_claims",
    metadata,
    Column("claim_id", String(32), primary_key=True),
    Column("doc_id", String(32), nullable=False, index=True),
    Column("machine_id", String(32)),  # id of the matching machine claim; None for added ones
    Column("data", JSON),  # the machine claim's fields; None for a claim an analyst added
)

# -- change counter (migration 0004) --------------------------------------------------------
# One row per counter, bumped in the same transaction as every write to documents, claims,
# incidents or reviews: a reader that saw the same revision before can keep what it built
# from the store then (the dashboard's cached claims matrices).
store_revisions = Table(
    "store_revisions",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("revision", Integer, nullable=False, default=0),
)

# What the dashboard's incident list shows of each incident, with the digest of the inputs it
# was built from (migration 0005); rows whose digest no longer matches are rebuilt.
incident_summaries = Table(
    "incident_summaries",
    metadata,
    Column("incident_id", String(32), primary_key=True),
    Column("fingerprint", String(40), nullable=False),
    Column("summary", JSON, nullable=False),
)

# Where a new claim can find each stored incident (migration 0006): the hashed keys of the
# incident's segments (place, figure, grid cell, operation, copy group, document) with their
# 30-day bucket (-1: undated, meets every bucket), so that adding claims regroups only the
# incidents they can join (``incidents.incident_keys``). Derived data: an incident without
# rows makes the next update a full regroup, which writes them again.
incident_keys = Table(
    "incident_keys",
    metadata,
    Column("key", String(24), primary_key=True),
    Column("bucket", Integer, primary_key=True),
    Column("incident_id", String(32), primary_key=True),
    Index("ix_incident_keys_incident", "incident_id"),
)

# Readable views for Datasette and plain SQL (created by migration 0003). A later migration
# that recreates ``claims``, ``documents`` or ``incidents`` (SQLite batch mode) must drop
# these first and create them again after, or SQLite refuses the rename.
READABLE_VIEWS: dict[str, str] = {
    "claims_view": """
CREATE VIEW claims_view AS
SELECT c.id AS claim_id,
       c.incident AS incident,
       i.date_start AS incident_date,
       c.claimant AS claimant,
       c.category AS category,
       c.value AS value,
       c.value_high AS value_high,
       c.qualifier AS qualifier,
       c.target AS target,
       c.target_role AS target_role,
       c.event_date AS event_date,
       c.hedged AS hedged,
       COALESCE(c.review_status, 'machine') AS review,
       c.evidence AS evidence,
       d.title AS title,
       d.outlet AS outlet,
       d.url AS url,
       d.published AS published,
       c.doc_id AS doc_id,
       c.incident_id AS incident_id
FROM claims c
JOIN documents d ON d.id = c.doc_id
LEFT JOIN incidents i ON i.id = c.incident_id
""",
    "incident_matrix": """
CREATE VIEW incident_matrix AS
SELECT i.id AS incident_id,
       i.label AS incident,
       i.date_start AS date_start,
       c.category AS category,
       c.target_role AS target_role,
       c.claimant AS claimant,
       MAX(c.value) AS largest_figure,
       MIN(c.value) AS smallest_figure,
       COUNT(*) AS claims,
       COUNT(DISTINCT c.doc_id) AS documents,
       SUM(CASE WHEN c.review_status IS NULL THEN 0 ELSE 1 END) AS reviewed_claims
FROM claims c
JOIN incidents i ON i.id = c.incident_id
GROUP BY i.id, i.label, i.date_start, c.category, c.target_role, c.claimant
""",
}
