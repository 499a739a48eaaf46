"""Ledger settings from ``ZWGK_`` environment variables (read when asked, never cached).

``ZWGK_DATA_DIR``      data directory (default ``./zwgk-data``)
``ZWGK_DATABASE_URL``  SQLAlchemy URL (default ``sqlite:///<data dir>/zwgk.db``)
``ZWGK_SECRET_KEY``    key for hashing personal-information values (default: a random key
                       created once in ``<data dir>/secret.key``)
``ZWGK_TIMEZONE``      time zone of report dates and ``--since`` (default ``Asia/Shanghai``)
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_DATA_DIR = "zwgk-data"
DEFAULT_TIMEZONE = "Asia/Shanghai"
SECRET_FILE = "secret.key"


@dataclass(frozen=True, slots=True)
class Settings:
    data_dir: Path
    database_url: str
    secret_key: str | None
    timezone: str = DEFAULT_TIMEZONE

    @classmethod
    def from_env(cls) -> Settings:
        data_dir = Path(os.environ.get("ZWGK_DATA_DIR") or DEFAULT_DATA_DIR).expanduser()
        url = os.environ.get("ZWGK_DATABASE_URL") or f"sqlite:///{data_dir.resolve()}/zwgk.db"
        secret = os.environ.get("ZWGK_SECRET_KEY") or None
        return cls(data_dir, url, secret, os.environ.get("ZWGK_TIMEZONE") or DEFAULT_TIMEZONE)

    def tzinfo(self) -> tzinfo:
        """The report time zone (UTC+8 if the zone database lacks it)."""
        try:
            return ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            return timezone(timedelta(hours=8), "UTC+8")


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
