"""Findings the rules allow get their own status, ``allowed`` (依规保留), instead of ``open``.

Data only (the column is unchanged): an ``allow`` finding still ``open`` that no reviewer
ever touched (``status_at`` is null) becomes ``allowed``; one a reviewer reopened stays
open. Downgrade turns ``allowed`` back into ``open``.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

findings = sa.table(
    "findings",
    sa.column("action", sa.String),
    sa.column("status", sa.String),
    sa.column("status_at", sa.DateTime),
)


def upgrade() -> None:
    op.execute(
        findings.update()
        .where(findings.c.action == "allow")
        .where(findings.c.status == "open")
        .where(findings.c.status_at.is_(None))
        .values(status="allowed")
    )


def downgrade() -> None:
    op.execute(findings.update().where(findings.c.status == "allowed").values(status="open"))
