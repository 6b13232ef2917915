"""Analyst review: the review history, the machine version of reviewed claims, each claim's
review status, and readable views (``claims_view``, ``incident_matrix``) for Datasette.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from counterclaim.store import schema

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_TABLES = ("reviews", "machine_claims")


def _has_review_status(bind: sa.engine.Connection) -> bool:
    return "review_status" in {c["name"] for c in sa.inspect(bind).get_columns("claims")}


def upgrade() -> None:
    bind = op.get_bind()
    for name in _TABLES:
        schema.metadata.tables[name].create(bind, checkfirst=True)
    # 0001 creates ``claims`` from the live schema: a database made after this revision has
    # the column already.
    if not _has_review_status(bind):
        with op.batch_alter_table("claims") as batch:
            batch.add_column(sa.Column("review_status", sa.String(16)))
    for name, sql in schema.READABLE_VIEWS.items():
        op.execute(f"DROP VIEW IF EXISTS {name}")
        op.execute(sql)


def downgrade() -> None:
    for name in schema.READABLE_VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("review_status")
    bind = op.get_bind()
    for name in reversed(_TABLES):
        schema.metadata.tables[name].drop(bind, checkfirst=True)
