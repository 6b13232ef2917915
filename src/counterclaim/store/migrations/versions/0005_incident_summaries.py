"""Each incident's summary line for the dashboard, kept with the digest of the inputs it was
built from (``incident_summaries``): a restarted server reads them back instead of comparing
every incident again. Derived data: dropping the table loses nothing but time.

Also an index on the lowercased claimant, which the claims filter compares (a scan of every
claim without it). An expression index: a later SQLite batch migration that recreates
``claims`` from reflection loses it and must create it again.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

from counterclaim.store import schema

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    schema.incident_summaries.create(op.get_bind(), checkfirst=True)
    op.execute("CREATE INDEX IF NOT EXISTS ix_claims_claimant_lower ON claims (lower(claimant))")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_claims_claimant_lower")
    schema.incident_summaries.drop(op.get_bind(), checkfirst=True)
