"""The data directory (keys, ledger, secret key) is the same wherever a command starts:
``$ZWGK_DATA_DIR``, else ``$XDG_DATA_HOME/zwgk``, else ``~/.local/share/zwgk``; ``zwgk serve``
and ``zwgk keys create`` say where it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.ledger.settings import Settings, default_data_dir


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No ZWGK_DATA_DIR; XDG_DATA_HOME in the test's temporary directory."""
    monkeypatch.delenv("ZWGK_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "zwgk"


def test_default_is_xdg_data_home_then_home(xdg, tmp_path, monkeypatch):
    assert default_data_dir() == xdg
    assert Settings.from_env().database_url == f"sqlite:///{xdg}/zwgk.db"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for value in ("", "relative/path"):  # unset, or relative (ignored, as the spec says)
        monkeypatch.setenv("XDG_DATA_HOME", value)
        assert default_data_dir() == tmp_path / "home" / ".local" / "share" / "zwgk"
    monkeypatch.setenv("ZWGK_DATA_DIR", str(tmp_path / "mine"))
    assert Settings.from_env().data_dir == tmp_path / "mine"


def test_keys_created_in_one_directory_are_found_from_another(xdg, tmp_path, monkeypatch, capsys):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    monkeypatch.chdir(tmp_path / "a")
    assert main(["keys", "create", "--role", "hook", "--name", "cms"]) == 0
    out, err = capsys.readouterr()
    assert out.strip().startswith("zwgk_") and len(out.splitlines()) == 1  # only the key
    assert f"数据目录：{xdg}" in err and str(xdg / "zwgk.db") in err
    monkeypatch.chdir(tmp_path / "b")
    assert main(["keys", "list"]) == 0
    assert "\tcms\t" in capsys.readouterr().out
    assert not (tmp_path / "a" / "zwgk-data").exists()
    assert (xdg / "zwgk.db").exists()


def test_serve_prints_the_data_location_before_starting(xdg, monkeypatch, capsys):
    import uvicorn

    started = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: started.append(kw))
    assert main(["serve", "--port", "8765"]) == 0
    assert started and started[0]["port"] == 8765
    assert f"数据目录：{xdg}" in capsys.readouterr().err


def test_an_old_zwgk_data_in_the_working_directory_is_pointed_out(xdg, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "zwgk-data").mkdir()
    (tmp_path / "zwgk-data" / "zwgk.db").write_bytes(b"")
    note = Settings.from_env().describe()
    assert f"ZWGK_DATA_DIR={tmp_path / 'zwgk-data'}" in note
    monkeypatch.setenv("ZWGK_DATA_DIR", str(tmp_path / "zwgk-data"))
    assert "旧版本" not in Settings.from_env().describe()
