"""Engines: SQLite gets foreign keys, WAL and a busy timeout; its file is owner-only."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

from pipeline.ledger.records import LedgerError


def make_engine(url: str) -> Engine:
    """An engine for ``url``; a SQLite file (and its directory) is created if missing."""
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise LedgerError(f"数据库地址无效：{_redact_password(url)}") from exc
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    database = parsed.database
    if not database or database == ":memory:":
        # one shared connection, or every connection would see its own empty database
        engine = create_engine(url, poolclass=StaticPool)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if not database.startswith("file:"):
        path = Path(database)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    engine = create_engine(url, connect_args={"timeout": 30})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _redact_password(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "（无法解析）"
