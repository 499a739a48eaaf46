"""Alembic migrations build the schema from nothing, match the models, and rerun cleanly."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from pipeline.ledger import open_ledger
from pipeline.ledger.db import make_engine
from pipeline.ledger.migrate import current_revision, head_revision, upgrade
from pipeline.ledger.models import Base

TABLES = {"documents", "findings", "audit_log", "api_keys", "alembic_version"}


def test_upgrade_creates_the_schema_from_empty(db_url):
    engine = make_engine(db_url)
    assert not TABLES & set(inspect(engine).get_table_names())
    upgrade(engine)
    assert set(inspect(engine).get_table_names()) >= TABLES
    with engine.connect() as conn:
        assert current_revision(conn) == head_revision() == "0003"
    engine.dispose()


def test_models_and_migrations_agree(ledger):
    with ledger.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_reopening_is_a_no_op_and_keeps_data(db_url):
    first = open_ledger(db_url)
    first.create_key("admin", "a")
    first.close()
    again = open_ledger(db_url)
    assert [k.name for k in again.list_keys()] == ["a"]
    again.close()


def test_downgrade_to_base_and_back(db_url):
    engine = make_engine(db_url)
    upgrade(engine)
    from alembic import command

    from pipeline.ledger.migrate import alembic_config

    with engine.connect() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, "base")
        conn.commit()
    assert not {"documents", "findings"} & set(inspect(engine).get_table_names())
    upgrade(engine)
    assert "findings" in inspect(engine).get_table_names()
    engine.dispose()


def test_default_database_lives_in_the_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("ZWGK_DATA_DIR", str(tmp_path / "store"))
    with open_ledger() as led:
        assert led.engine.url.database == str((tmp_path / "store" / "zwgk.db").resolve())
        led.value_hash("x")  # creates the secret key file
    assert (tmp_path / "store" / "zwgk.db").stat().st_mode & 0o077 == 0
    assert (tmp_path / "store" / "secret.key").stat().st_mode & 0o077 == 0
