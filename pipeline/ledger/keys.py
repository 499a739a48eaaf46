"""API keys: ``zwgk_`` + 32 random bytes (URL-safe base64). Only the SHA-256 of a key is
stored, plus its first 8 characters for display and lookup. Keys carry high entropy, so a
plain (unsalted, fast) hash is sufficient."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.ledger.models import ApiKey, add_audit, utcnow
from pipeline.ledger.records import KeyInfo, LedgerError, NotFound
from pipeline.ledger.roles import ROLES

KEY_PREFIX = "zwgk_"
DISPLAY_CHARS = 8
_DUMMY_HASH = "0" * 64


def hash_key(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode("utf-8")).hexdigest()


def _info(row: ApiKey) -> KeyInfo:
    return KeyInfo(row.id, row.name, row.role, row.prefix, row.created_at, row.revoked_at)


def _audit(session: Session, actor: str, action: str, row: ApiKey, before: dict | None) -> None:
    after: dict[str, str] = {"name": row.name, "role": row.role, "prefix": row.prefix}
    if row.revoked_at is not None:
        after["revoked_at"] = row.revoked_at.isoformat()
    add_audit(session, actor, action, ("api_key", row.id), before, after)


def create_key(
    session: Session, role: str, name: str = "", actor: str = "system"
) -> tuple[int, str]:
    if role not in ROLES:
        raise LedgerError(f"未知角色：{role}（可选：{'、'.join(ROLES)}）")
    plaintext = KEY_PREFIX + secrets.token_urlsafe(32)
    row = ApiKey(
        name=name.strip(),
        role=role,
        key_hash=hash_key(plaintext),
        prefix=plaintext[:DISPLAY_CHARS],
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    _audit(session, actor, "api_key.create", row, None)
    return row.id, plaintext


def authenticate(session: Session, plaintext: str | None) -> KeyInfo | None:
    """The active key for ``plaintext``; hashes are compared in constant time."""
    if not plaintext or not plaintext.startswith(KEY_PREFIX) or len(plaintext) > 256:
        hmac.compare_digest(_DUMMY_HASH, _DUMMY_HASH)
        return None
    digest = hash_key(plaintext)
    query = select(ApiKey).where(
        ApiKey.prefix == plaintext[:DISPLAY_CHARS], ApiKey.revoked_at.is_(None)
    )
    found: ApiKey | None = None
    rows = list(session.scalars(query))
    for row in rows:
        if hmac.compare_digest(row.key_hash, digest):
            found = row
    if not rows:
        hmac.compare_digest(_DUMMY_HASH, digest)
    return _info(found) if found is not None else None


def revoke_key(session: Session, key_id: int, actor: str = "system") -> KeyInfo:
    row = session.get(ApiKey, key_id, with_for_update=True)
    if row is None:
        raise NotFound(f"没有编号为 {key_id} 的密钥")
    if row.revoked_at is not None:
        raise LedgerError(f"密钥 {key_id} 已于 {row.revoked_at:%Y-%m-%d %H:%M} UTC 吊销")
    before = {"revoked_at": None}
    row.revoked_at = utcnow()
    _audit(session, actor, "api_key.revoke", row, before)
    session.flush()
    return _info(row)


def list_keys(session: Session, include_revoked: bool = True) -> list[KeyInfo]:
    query = select(ApiKey).order_by(ApiKey.id)
    if not include_revoked:
        query = query.where(ApiKey.revoked_at.is_(None))
    return [_info(row) for row in session.scalars(query)]
