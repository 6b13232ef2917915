"""The keys each incident is found under by new claims (``incident_keys``), so that an
incident update regroups only the incidents new claims can join. Derived data: dropping the
table loses nothing but time (the next update regroups everything and fills it again).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

from counterclaim.store import schema

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    schema.incident_keys.create(op.get_bind(), checkfirst=True)


def downgrade() -> None:
    schema.incident_keys.drop(op.get_bind(), checkfirst=True)
