"""Ledger settings from ``ZWGK_`` environment variables (read when asked, never cached).

``ZWGK_DATA_DIR``      data directory (default ``$XDG_DATA_HOME/zwgk``, i.e.
                       ``~/.local/share/zwgk``: the same wherever a command is started)
``ZWGK_DATABASE_URL``  SQLAlchemy URL (default ``sqlite:///<data dir>/zwgk.db``)
``ZWGK_SECRET_KEY``    key for hashing personal-information values (default: a random key
                       created once in ``<data dir>/secret.key``)
``ZWGK_TIMEZONE``      time zone of report dates and ``--since`` (default ``Asia/Shanghai``)
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, replace
from datetime import timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

#: The old default data directory, relative to the working directory (found and named).
LEGACY_DATA_DIR = "zwgk-data"
DEFAULT_TIMEZONE = "Asia/Shanghai"
SECRET_FILE = "secret.key"


def default_data_dir() -> Path:
    """``$XDG_DATA_HOME/zwgk``, or ``~/.local/share/zwgk`` when it is unset or relative (the
    XDG base directory spec ignores relative paths)."""
    xdg = os.environ.get("XDG_DATA_HOME") or ""
    base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".local" / "share"
    return base / "zwgk"


@dataclass(frozen=True, slots=True)
class Settings:
    data_dir: Path
    database_url: str
    secret_key: str | None
    timezone: str = DEFAULT_TIMEZONE

    @classmethod
    def from_env(cls) -> Settings:
        configured = os.environ.get("ZWGK_DATA_DIR")
        data_dir = Path(configured).expanduser() if configured else default_data_dir()
        url = os.environ.get("ZWGK_DATABASE_URL") or f"sqlite:///{data_dir.resolve()}/zwgk.db"
        secret = os.environ.get("ZWGK_SECRET_KEY") or None
        return cls(data_dir, url, secret, os.environ.get("ZWGK_TIMEZONE") or DEFAULT_TIMEZONE)

    def for_database(self, url: str | None = None) -> Settings:
        """These settings for the ledger at ``url`` (default: ``database_url``). Without
        ``ZWGK_DATA_DIR``, a SQLite database's directory is the data directory, so the
        value-hashing key stays next to the database it belongs to."""
        url = url or self.database_url
        settings = replace(self, database_url=url)
        if "ZWGK_DATA_DIR" in os.environ or not url.startswith("sqlite"):
            return settings
        from sqlalchemy.engine import make_url

        database = make_url(url).database
        if database and database != ":memory:" and not database.startswith("file:"):
            settings = replace(settings, data_dir=Path(database).resolve().parent)
        return settings

    def describe(self) -> str:
        """Where the data is, in Chinese, for ``zwgk serve`` and ``zwgk keys create``."""
        where = url_location(self.database_url)
        text = f"数据目录：{self.data_dir.resolve()}（台账与 API 密钥：{where}）"
        legacy = (Path(LEGACY_DATA_DIR) / "zwgk.db").resolve()
        if "ZWGK_DATA_DIR" in os.environ or not legacy.exists() or legacy == Path(where):
            return text
        return (
            f"{text}；当前目录下有旧版本默认位置的数据目录 {legacy.parent}，"
            f"如需继续使用请设置 ZWGK_DATA_DIR={legacy.parent}"
        )

    def tzinfo(self) -> tzinfo:
        """The report time zone (UTC+8 if the zone database lacks it)."""
        try:
            return ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            return timezone(timedelta(hours=8), "UTC+8")


def url_location(url: Any) -> str:
    """A database URL for messages: a SQLite file's path, else the URL without password."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        return str(parsed.database)
    return parsed.render_as_string(hide_password=True)


def ensure_data_dir(data_dir: Path) -> Path:
    """Create the data directory (owner-only) if it does not exist."""
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    return data_dir


def secret_key(settings: Settings) -> bytes:
    """The value-hashing key: ``ZWGK_SECRET_KEY`` or ``<data dir>/secret.key`` (created once).

    Several hosts sharing one PostgreSQL database must set the same ``ZWGK_SECRET_KEY``.
    """
    if settings.secret_key:
        return settings.secret_key.encode("utf-8")
    path = ensure_data_dir(settings.data_dir) / SECRET_FILE
    if not path.exists():
        # write a temporary file, then link it into place: atomic, and the first writer wins
        tmp = path.with_name(f".{SECRET_FILE}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secrets.token_urlsafe(32) + "\n")
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    key = path.read_text(encoding="ascii").strip()
    if not key:
        raise ValueError(f"{path}: 密钥文件为空，请恢复备份或设置 ZWGK_SECRET_KEY")
    return key.encode("ascii")
