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
