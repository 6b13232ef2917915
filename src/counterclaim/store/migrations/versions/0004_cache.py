"""A store-wide change counter (``store_revisions``), bumped by every write to documents,
claims, incidents and reviews, so the dashboard can keep each incident's claims matrix until
its inputs change.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from counterclaim.store import schema

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    table = schema.store_revisions
    table.create(bind, checkfirst=True)
    exists = bind.execute(sa.select(table.c.name).where(table.c.name == "store")).first()
    if exists is None:
        bind.execute(sa.insert(table).values(name="store", revision=0))


def downgrade() -> None:
    schema.store_revisions.drop(op.get_bind(), checkfirst=True)
