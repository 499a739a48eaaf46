"""Findings keep where they are in the file: ``location`` (JSON, nullable), the contract's
``location`` object (``sheet``/``cell``/``header`` of a spreadsheet cell, ``page``/``box`` of an
image, PDF or OFD page, ``member`` of an archive). Rows recorded before stay null.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("location", JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.drop_column("location")
