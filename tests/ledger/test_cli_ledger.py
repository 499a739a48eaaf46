"""``zwgk ledger``: add files, list findings, set statuses, show suggestions."""

from __future__ import annotations

import json

from pipeline.cli import main
from pipeline.ledger import open_ledger

LETTER = "申请人张晓明：\n您的申请已收悉。联系电话13900001111。\n"


def _add(tmp_path, capsys, names=("a.txt", "b.txt")):
    paths = []
    for name in names:
        path = tmp_path / name
        path.write_text(LETTER, encoding="utf-8")
        paths.append(str(path))
    assert main(["ledger", "add", *paths, "--department", "信访办"]) == 0
    return paths, capsys.readouterr().out


def test_add_is_idempotent_and_lists(cli_env, tmp_path, capsys):
    paths, out = _add(tmp_path, capsys)
    assert out.count("新版本已入账") == 2
    assert main(["ledger", "add", paths[0]]) == 0
    assert "内容未变" in capsys.readouterr().out
    assert main(["ledger", "list", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["department"] for r in rows} == {"信访办"} and len(rows) >= 4
    assert all("13900001111" not in json.dumps(r, ensure_ascii=False) for r in rows)
    assert main(["ledger", "list"]) == 0
    assert "139****1111" in capsys.readouterr().out


def test_status_and_suggestions(cli_env, tmp_path, capsys):
    _add(tmp_path, capsys)
    with open_ledger(cli_env) as led:
        phones = [r.id for r in led.findings(entity="MOBILE")]
    for fid in phones:
        assert main(["ledger", "status", str(fid), "--set", "false_positive", "--actor", "王"]) == 0
    assert "已改为「误报」" in capsys.readouterr().err
    assert main(["ledger", "status", str(phones[0]), "--set", "rectified"]) == 3
    assert "不能改为" in capsys.readouterr().err
    assert main(["ledger", "status", "99999", "--set", "rectified"]) == 3
    assert "没有编号为 99999" in capsys.readouterr().err
    assert main(["ledger", "suggestions"]) == 0
    out = capsys.readouterr().out
    assert "[白名单]" in out and "[规则]" in out and "139****1111" in out
    assert main(["ledger", "suggestions", "--json"]) == 0
    kinds = [json.loads(x)["kind"] for x in capsys.readouterr().out.splitlines()]
    assert sorted(kinds) == ["allow_list", "rule"]
    with open_ledger(cli_env) as led:
        assert {a.actor for a in led.audit_log("finding")} == {"王"}


def test_unreachable_database_is_one_line(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("ZWGK_DATABASE_URL", "postgresql+psycopg://nobody@/x?host=/nonexistent")
    assert main(["keys", "list"]) == 3
    err = capsys.readouterr().err.strip()
    assert err.startswith("zwgk: 数据库错误") and "\n" not in err
