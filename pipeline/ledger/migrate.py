"""Alembic migrations, run programmatically: ``upgrade(url)`` brings a database to the head
revision. Users need no ``alembic.ini``; ``open_ledger`` calls this on every open.

Concurrent openers are serialised: a PostgreSQL advisory lock, or a lock file next to a
SQLite database.
"""

from __future__ import annotations

import contextlib
import fcntl
import sys
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from pipeline.ledger.db import make_engine

MIGRATIONS = Path(__file__).with_name("migrations")
#: An arbitrary constant: the PostgreSQL advisory lock id for zwgk migrations.
_PG_LOCK_ID = 0x7A77_676B


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(target: str | Engine, revision: str = "head") -> None:
    """Migrate the database at ``target`` (URL or engine) to ``revision``."""
    engine = make_engine(target) if isinstance(target, str) else target
    try:
        with _migration_lock(engine), engine.connect() as conn:
            if revision == "head" and current_revision(conn) == head_revision():
                return
            conn.commit()
            config = alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
            conn.commit()
    finally:
        if isinstance(target, str):
            engine.dispose()


@contextlib.contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:id)"), {"id": _PG_LOCK_ID})
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:id)"), {"id": _PG_LOCK_ID})
                conn.commit()
        return
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:" or database.startswith("file:"):
        yield
        return
    with open(f"{database}.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def main(argv: list[str]) -> int:
    """Developers: ``python -m pipeline.ledger.migrate revision "message"`` autogenerates a
    revision against ``$ZWGK_DATABASE_URL`` (brought to the head first)."""
    if len(argv) != 2 or argv[0] != "revision":
        print('用法: python -m pipeline.ledger.migrate revision "说明"', file=sys.stderr)
        return 2
    from pipeline.ledger.settings import Settings

    upgrade(Settings.from_env().database_url)  # autogenerate compares against the head
    command.revision(alembic_config(), message=argv[1], autogenerate=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
