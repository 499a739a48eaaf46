"""Engines: SQLite gets foreign keys, WAL and a busy timeout; its file is owner-only.

Concurrent writers: on SQLite, write transactions start with ``BEGIN IMMEDIATE`` (taking
the write lock up front, so the busy timeout applies instead of a deadlock error); on
PostgreSQL, recording a source takes a transaction-scoped advisory lock on it, so two new
versions of one source never race for the same version number.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from pipeline.ledger.records import LedgerError

_IMMEDIATE = "zwgk_sqlite_immediate"


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
        _sqlite_events(engine)
        return engine
    if not database.startswith("file:"):
        path = Path(database)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    engine = create_engine(url, connect_args={"timeout": 30})
    _sqlite_events(engine)
    return engine


def _sqlite_events(engine: Engine) -> None:
    event.listen(engine, "connect", _sqlite_pragmas)
    # take transaction control from the sqlite3 module, so BEGIN is ours to choose
    event.listen(engine, "connect", _autocommit_driver)
    event.listen(engine, "begin", _begin)


def _autocommit_driver(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None


def _begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get(_IMMEDIATE)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def write_engine(engine: Engine) -> Engine:
    """The engine for write transactions (the same pool)."""
    if engine.dialect.name != "sqlite":
        return engine
    return engine.execution_options(**{_IMMEDIATE: True})


def lock_source(session: Session, source: str) -> None:
    """PostgreSQL: serialise writers of one source until the transaction ends."""
    if session.get_bind().dialect.name != "postgresql":
        return
    key = int.from_bytes(hashlib.sha256(source.encode("utf-8")).digest()[:8], "big", signed=True)
    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


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
