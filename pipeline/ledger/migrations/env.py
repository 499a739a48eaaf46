"""Alembic environment: run by ``pipeline.ledger.migrate.upgrade`` with a live connection.

For a new revision (developers only), from the repository root::

    .venv/bin/python -m pipeline.ledger.migrate revision "说明"
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from pipeline.ledger.models import Base
from pipeline.ledger.settings import Settings

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = create_engine(Settings.from_env().database_url)
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()
