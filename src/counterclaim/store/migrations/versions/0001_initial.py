"""Initial schema: documents, ingest failures, claims, incidents, LSH index.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

from alembic import op

from counterclaim.store import schema

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Frozen copy of the table set at this revision: later migrations alter tables explicitly.
_TABLES = ("documents", "ingest_failures", "claims", "incidents", "lsh_bands", "minhashes")


def upgrade() -> None:
    bind = op.get_bind()
    for name in _TABLES:
        schema.metadata.tables[name].create(bind, checkfirst=True)


def downgrade() -> None:
    bind = op.get_bind()
    for name in reversed(_TABLES):
        schema.metadata.tables[name].drop(bind, checkfirst=True)
