"""API keys: created keys authenticate, wrong and revoked ones do not, only hashes are
stored; roles map to scopes."""

from __future__ import annotations

import hashlib

import pytest

from pipeline.cli import main
from pipeline.ledger import ROLE_SCOPES, LedgerError, NotFound, allowed, open_ledger
from tests.ledger.conftest import all_text


def test_created_key_authenticates_with_its_role(ledger):
    key_id, plaintext = ledger.create_key("reviewer", "审核台", actor="管理员")
    assert plaintext.startswith("zwgk_") and len(plaintext) >= 40
    info = ledger.authenticate(plaintext)
    assert info is not None
    assert (info.id, info.role, info.name, info.prefix) == (
        key_id,
        "reviewer",
        "审核台",
        plaintext[:8],
    )
    assert info.active


def test_wrong_and_revoked_keys_do_not_authenticate(ledger):
    key_id, plaintext = ledger.create_key("hook")
    for wrong in (plaintext[:-1] + ("A" if plaintext[-1] != "A" else "B"), "", None, "zwgk_",
                  plaintext[5:], "Bearer " + plaintext, plaintext + "x"):  # fmt: skip
        assert ledger.authenticate(wrong) is None
    revoked = ledger.revoke_key(key_id, actor="管理员")
    assert revoked.revoked_at is not None and not revoked.active
    assert ledger.authenticate(plaintext) is None
    with pytest.raises(LedgerError, match="已于"):
        ledger.revoke_key(key_id)
    with pytest.raises(NotFound):
        ledger.revoke_key(424242)


def test_only_the_hash_is_stored(ledger):
    _, plaintext = ledger.create_key("admin", "运维")
    stored = all_text(ledger)
    assert plaintext not in stored
    assert plaintext[8:] not in stored
    assert hashlib.sha256(plaintext.encode()).hexdigest() in stored


def test_list_and_audit(ledger):
    a, _ = ledger.create_key("hook", "门户", actor="管理员")
    b, _ = ledger.create_key("editor", "编辑部", actor="管理员")
    ledger.revoke_key(a, actor="安全员")
    assert [(k.id, k.active) for k in ledger.list_keys()] == [(a, False), (b, True)]
    assert [k.id for k in ledger.list_keys(include_revoked=False)] == [b]
    log = ledger.audit_log("api_key", a)
    assert [(x.actor, x.action) for x in log] == [
        ("安全员", "api_key.revoke"),
        ("管理员", "api_key.create"),
    ]
    assert "key_hash" not in str(log[1].after)


def test_unknown_role_is_refused(ledger):
    with pytest.raises(LedgerError, match="未知角色"):
        ledger.create_key("root")
    assert ledger.list_keys() == []


def test_roles_and_scopes():
    assert allowed("hook", "screen") and allowed("hook", "prepublish")
    assert not allowed("hook", "review") and not allowed("hook", "keys")
    assert allowed("reviewer", "review") and allowed("reviewer", "ledger")
    assert not allowed("reviewer", "outline")
    assert allowed("editor", "outline") and not allowed("editor", "keys")
    assert all(allowed("admin", scope) for scope in ROLE_SCOPES["admin"])
    assert ROLE_SCOPES["hook"] < ROLE_SCOPES["reviewer"] < ROLE_SCOPES["editor"]
    assert ROLE_SCOPES["editor"] < ROLE_SCOPES["admin"]
    assert not allowed("nobody", "screen")
    with pytest.raises(ValueError, match="未知权限"):
        allowed("admin", "scren")


def test_cli_create_prints_exactly_the_key(cli_env, capsys):
    assert main(["keys", "create", "--role", "editor", "--name", "编辑部"]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("zwgk_")
    assert captured.out == lines[0] + "\n"
    assert "只显示这一次" in captured.err and lines[0] not in captured.err
    with open_ledger(cli_env) as led:
        info = led.authenticate(lines[0])
    assert info is not None and info.role == "editor"

    assert main(["keys", "list"]) == 0
    listing = capsys.readouterr().out
    assert "编辑部" in listing and lines[0] not in listing and lines[0][:8] in listing

    assert main(["keys", "revoke", str(info.id), "--actor", "安全员"]) == 0
    assert main(["keys", "revoke", str(info.id)]) == 3
    assert "已于" in capsys.readouterr().err
    with open_ledger(cli_env) as led:
        assert led.authenticate(lines[0]) is None


def test_cli_refuses_an_unknown_role(cli_env, capsys):
    with pytest.raises(SystemExit):
        main(["keys", "create", "--role", "root"])
    assert capsys.readouterr().out == ""
