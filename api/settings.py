"""Service settings from ``ZWGK_*`` environment variables (pydantic-settings)."""

from __future__ import annotations

from functools import cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every knob of the service; ``ZWGK_MAX_REQUEST_BYTES=2000000`` sets ``max_request_bytes``."""

    model_config = SettingsConfigDict(env_prefix="ZWGK_", extra="ignore")

    #: the review ledger's database (default: SQLite in the data directory, see
    #: pipeline/ledger/settings.py)
    database_url: str | None = None
    #: largest request body (bytes) before 413
    max_request_bytes: int = 2_000_000
    #: requests per minute per API key before 429 (per worker process)
    rate_limit_per_minute: int = 600
    #: seconds a request may take before 504
    request_timeout_s: float = 20.0
    #: origins allowed by CORS; empty = CORS off
    cors_origins: list[str] = []
    #: write document text into logs, as the screen redacts it (off: ids, sizes, verdicts only)
    log_content: bool = False
    #: record every hook/screen call in the review ledger
    record_to_ledger: bool = True
    #: the hook records after answering (the CMS does not wait for the database)
    hook_record_async: bool = True
    #: most hook results the background writer records in one transaction
    ledger_batch: int = 128
    #: seconds an authenticated key is remembered per worker (revocation delay); 0 = off
    key_cache_seconds: float = 30.0


@cache
def get_settings() -> Settings:
    return Settings()
