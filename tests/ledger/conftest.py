"""Ledger fixtures: every test runs on SQLite, and on PostgreSQL too when
``ZWGK_TEST_POSTGRES_URL`` is set (``.ci/run`` starts a throwaway server). Each PostgreSQL
test gets its own empty schema, so migrations always start from nothing."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from pipeline.ledger import Ledger, open_ledger
from pipeline.screen import Screener

PG_URL = os.environ.get("ZWGK_TEST_POSTGRES_URL")

REPLY = "申请人张晓明，身份证号341502198503121230，电话13812345678。"
#: the same applicant, a corrected phone number
REPLY_V2 = "申请人张晓明，身份证号341502198503121230，电话13912345678。"
#: raw values that must never reach the database
RAW_VALUES = ("341502198503121230", "13812345678", "13912345678", "张晓明")


@cache
def screener() -> Screener:
    """The default recognizers and rules without the NER model (fast, deterministic)."""
    from pipeline.decide import Decider
    from pipeline.detect.engine import DetectionEngine
    from pipeline.detect.registry import default_exclusion_finder, default_recognizers

    engine = DetectionEngine(default_recognizers(with_model=False), default_exclusion_finder())
    return Screener(engine, Decider.from_dir())


def screened(text_: str) -> dict[str, Any]:
    return screener().screen(text_).to_contract()


def at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(tzinfo=UTC)


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ZWGK_NER", "0")
    monkeypatch.setenv("ZWGK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ZWGK_DATABASE_URL", raising=False)
    monkeypatch.delenv("ZWGK_SECRET_KEY", raising=False)
    monkeypatch.setenv("ZWGK_TIMEZONE", "Asia/Shanghai")


def _with_schema(url: str, schema: str) -> str:
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'data' / 'zwgk.db'}"
        return
    if not PG_URL:
        pytest.skip("ZWGK_TEST_POSTGRES_URL 未设置（.ci/run 会启动临时 PostgreSQL）")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield _with_schema(PG_URL, schema)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def ledger(db_url: str) -> Iterator[Ledger]:
    led = open_ledger(db_url)
    yield led
    led.close()


@pytest.fixture
def cli_env(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The CLI reads the database from the environment."""
    monkeypatch.setenv("ZWGK_DATABASE_URL", db_url)
    return db_url


def all_text(led: Ledger) -> str:
    """Every value of every row of every ledger table, as one string."""
    from pipeline.ledger.models import Base

    parts = []
    with led.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for row in conn.execute(table.select()):
                parts.extend(str(v) for v in row)
    return "\n".join(parts)
