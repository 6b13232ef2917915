"""Incidents are stored under their segments' own grid cells (lookups reach for the
neighbouring cells), no longer under each cell's nine neighbours: an ingest wrote about nine
times the cell rows it needs. Keys written the old way are deleted, so the next incident
update regroups the store once, as for any incident without keys, and writes them anew.
Downgrading deletes them too: the older version then writes its own.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from alembic import op

from counterclaim.store import schema

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.get_bind().execute(schema.incident_keys.delete())


def downgrade() -> None:
    op.get_bind().execute(schema.incident_keys.delete())
