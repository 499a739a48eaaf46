"""Hashes the ledger stores instead of content.

- ``content_hash``: SHA-256 of a document's text (identifies a version of a source).
- ``value_hash``: HMAC-SHA256 of a personal-information value under the installation's
  secret key. A plain SHA-256 of a phone or ID number can be reversed by trying every
  number; the key makes that impossible without it, while equal values still hash alike
  (which is all allow-list matching needs).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise_value(value: str) -> str:
    """Full-width to half-width, no whitespace: ``１３８ 1234`` and ``1381234`` hash alike."""
    return "".join(unicodedata.normalize("NFKC", value).split()).upper()


def value_hash(value: str, key: bytes) -> str:
    return hmac.new(key, normalise_value(value).encode("utf-8"), hashlib.sha256).hexdigest()


def contract_fingerprint(redacted: str, findings: Iterable[Mapping[str, Any]], key: bytes) -> str:
    """A content hash when the original text is not at hand: the redacted text plus each
    finding's span and value determine the original (under the same rules). Keyed, because
    the redacted text is public and the masked values could otherwise be guessed."""
    spans = [[f["start"], f["end"], str(f["text"])] for f in findings]
    payload = json.dumps([redacted, spans], ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key, payload.encode("utf-8"), hashlib.sha256).hexdigest()
