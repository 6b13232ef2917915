"""Documents carry flags for the analyst (alias conflicts found at extraction).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _has_flags(bind: sa.engine.Connection) -> bool:
    return "flags" in {c["name"] for c in sa.inspect(bind).get_columns("documents")}


def upgrade() -> None:
    # 0001 creates its tables from the live schema, so a database made after this revision
    # already has the column; one made before it gets it here.
    if _has_flags(op.get_bind()):
        return
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("flags", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("flags")
