"""Resumable scan output: an append-only JSONL journal plus a SQLite index of what it holds.

Invariant: every row of the index names a complete line of the journal, and the index's
``journal_offset`` is where the committed part of the journal ends. A batch is appended to
the journal and fsynced FIRST, then committed to the index (one transaction, synchronous=FULL).
A kill -9 can therefore leave only uncommitted bytes past ``journal_offset`` (a torn line, or
whole lines whose documents the index does not know); :func:`reconcile` truncates them and
those documents are screened again. If the journal is shorter than the index says (it was
replaced or cut by hand, or a compaction was interrupted), the index is rebuilt from it.

A rescanned document appends a new line and supersedes its old one; :func:`compact` drops
superseded lines at the end of a run (write a copy, fsync, atomic rename).
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
from collections.abc import Iterator
from typing import Any, NamedTuple

FORMAT = "zwgk-scan/1"


class ScanStateError(RuntimeError):
    """The output or its state file cannot be used (the message is Chinese)."""


class Known(NamedTuple):
    sha256: str | None
    fingerprint: str | None
    status: str


class Row(NamedTuple):
    key: str
    sha256: str | None
    fingerprint: str | None
    status: str
    offset: int


def record_key(record: dict[str, Any]) -> str:
    """A record's key: its file path, or ``id:<id>`` for an inline document."""
    path = record.get("path")
    return str(path) if path else f"id:{record.get('id')}"


def record_status(record: dict[str, Any]) -> str:
    return "error" if "error" in record else str(record.get("verdict"))


class ScanState:
    """The SQLite index (WAL, synchronous=FULL), locked for the lifetime of the object."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._lock = os.open(path + ".lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            os.close(self._lock)
            raise ScanStateError(f"{path}：另一个扫描正在使用这个输出") from exc
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.executescript(
            "CREATE TABLE IF NOT EXISTS docs (key TEXT PRIMARY KEY, sha256 TEXT,"
            " fingerprint TEXT, status TEXT NOT NULL, offset INTEGER NOT NULL);"
            "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);"
        )
        fmt = self._meta("format")
        if fmt is not None and fmt != FORMAT:
            raise ScanStateError(f"{path}：不是 zwgk scan 的状态文件（{fmt}）")

    def close(self) -> None:
        self.db.close()
        os.close(self._lock)

    def _meta(self, name: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return None if row is None else str(row[0])

    def _set_meta(self, **values: object) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)",
            [(k, str(v)) for k, v in values.items()],
        )

    @property
    def journal_offset(self) -> int | None:
        value = self._meta("journal_offset")
        return None if value is None else int(value)

    @property
    def superseded(self) -> int:
        return int(self._meta("superseded") or 0)

    def lookup(self, key: str) -> Known | None:
        row = self.db.execute(
            "SELECT sha256, fingerprint, status FROM docs WHERE key = ?", (key,)
        ).fetchone()
        return None if row is None else Known(*row)

    def offset_of(self, key: str) -> int | None:
        row = self.db.execute("SELECT offset FROM docs WHERE key = ?", (key,)).fetchone()
        return None if row is None else int(row[0])

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM docs").fetchone()[0])

    def commit(self, rows: list[Row], journal_offset: int) -> None:
        """Record rows appended (and fsynced) to the journal, atomically."""
        with self._transaction():
            replaced = 0
            for row in rows:
                replaced += self.lookup(row.key) is not None
                self.db.execute("INSERT OR REPLACE INTO docs VALUES (?, ?, ?, ?, ?)", row)
            self._set_meta(
                format=FORMAT,
                journal_offset=journal_offset,
                superseded=self.superseded + replaced,
            )

    def replace_all(self, rows: dict[str, Row], journal_offset: int, superseded: int) -> None:
        """Rebuild the index from the journal; fingerprints survive where the hash agrees."""
        with self._transaction():
            old = {
                key: fp
                for key, sha, fp in self.db.execute("SELECT key, sha256, fingerprint FROM docs")
                if key in rows and rows[key].sha256 == sha
            }
            self.db.execute("DELETE FROM docs")
            self.db.executemany(
                "INSERT INTO docs VALUES (?, ?, ?, ?, ?)",
                [r._replace(fingerprint=old.get(r.key)) for r in rows.values()],
            )
            self._set_meta(format=FORMAT, journal_offset=journal_offset, superseded=superseded)

    def move(self, offsets: list[tuple[int, str]], journal_offset: int) -> None:
        """New journal offsets after a compaction."""
        with self._transaction():
            self.db.executemany("UPDATE docs SET offset = ? WHERE key = ?", offsets)
            self._set_meta(journal_offset=journal_offset, superseded=0)

    def _transaction(self) -> _Tx:
        return _Tx(self.db)


class _Tx:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *_: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")


class Journal:
    """The append-only JSONL output, one complete line per record."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._fh = open(path, "ab")  # noqa: SIM115 (closed by close())

    def close(self) -> None:
        self._fh.close()

    def size(self) -> int:
        self._fh.flush()
        return os.fstat(self._fh.fileno()).st_size

    def truncate(self, size: int) -> None:
        self._fh.flush()
        os.truncate(self.path, size)
        os.fsync(self._fh.fileno())

    def append(self, records: list[dict[str, Any]]) -> list[int]:
        """Write records, fsync, and return the offset of each line."""
        offsets = []
        pos = self.size()
        for record in records:
            line = encode(record)
            offsets.append(pos)
            self._fh.write(line)
            pos += len(line)
        self._fh.flush()
        os.fsync(self._fh.fileno())
        return offsets

    def records(self, end: int | None = None) -> Iterator[tuple[int, bytes, dict[str, Any]]]:
        """``(offset, line, record)`` of each complete line (up to ``end``)."""
        self._fh.flush()
        with open(self.path, "rb") as fh:
            pos = 0
            for line in fh:
                if (end is not None and pos >= end) or not line.endswith(b"\n"):
                    return
                try:
                    record = json.loads(line)
                except ValueError as exc:
                    raise ScanStateError(f"{self.path}：第 {pos} 字节处的行已损坏") from exc
                if not isinstance(record, dict) or "sha256" not in record:
                    raise ScanStateError(f"{self.path}：不是 zwgk scan 的输出文件")
                yield pos, line, record
                pos += len(line)

    def replace_with(self, tmp: str) -> None:
        self._fh.close()
        os.replace(tmp, self.path)
        _fsync_dir(self.path)
        self._fh = open(self.path, "ab")  # noqa: SIM115


def encode(record: dict[str, Any]) -> bytes:
    """One JSONL line; lone surrogates become ``\\udXXX`` escapes (still valid JSON)."""
    text = json.dumps(record, ensure_ascii=False) + "\n"
    return text.encode("utf-8", "backslashreplace")


def _fsync_dir(path: str) -> None:
    fd = os.open(os.path.dirname(os.path.abspath(path)), os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def reconcile(journal: Journal, state: ScanState) -> int:
    """Make journal and index agree after any interruption; returns the bytes dropped."""
    committed = state.journal_offset
    size = journal.size()
    if committed is not None and size >= committed:
        if size > committed:
            journal.truncate(committed)
        return size - committed
    if committed is None and size == 0:
        state.replace_all({}, 0, 0)
        return 0
    rows: dict[str, Row] = {}
    superseded = 0
    end = 0
    for offset, line, record in journal.records():
        key = record_key(record)
        superseded += key in rows
        rows[key] = Row(key, record.get("sha256"), None, record_status(record), offset)
        end = offset + len(line)
    if end < size:
        journal.truncate(end)
    state.replace_all(rows, end, superseded)
    return size - end


def compact(journal: Journal, state: ScanState) -> int:
    """Drop superseded lines (keeping each key's current line); returns lines dropped."""
    if not state.superseded:
        return 0
    tmp = journal.path + ".compact"
    moved: list[tuple[int, str]] = []
    dropped = 0
    pos = 0
    with open(tmp, "wb") as out:
        for offset, line, record in journal.records(state.journal_offset):
            key = record_key(record)
            if state.offset_of(key) != offset:
                dropped += 1
                continue
            out.write(line)
            moved.append((pos, key))
            pos += len(line)
        out.flush()
        os.fsync(out.fileno())
    journal.replace_with(tmp)
    state.move(moved, pos)
    return dropped
