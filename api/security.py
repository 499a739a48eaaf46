"""API keys (``Authorization: Bearer KEY``), roles and the per-key rate limit.

401: no key, or a key the ledger does not know (or revoked). 403: a valid key whose role
lacks the route's scope. 429: the key's requests in the last minute exceeded
``ZWGK_RATE_LIMIT_PER_MINUTE`` (``Retry-After`` says when to come back).
"""

from __future__ import annotations

import hashlib
import math
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import HTTPException, Request
from starlette.concurrency import run_in_threadpool


class RateLimiter:
    """A token bucket per key: ``per_minute`` tokens, refilled continuously."""

    def __init__(self, per_minute: int) -> None:
        self.rate = per_minute / 60.0
        self.capacity = float(per_minute)
        self.buckets: dict[Any, tuple[float, float]] = {}
        self.lock = threading.Lock()

    def acquire(self, key: Any) -> float:
        """0 when the request may go ahead, else the seconds until it may."""
        if self.capacity <= 0:
            return 0.0
        now = time.monotonic()
        with self.lock:
            tokens, last = self.buckets.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens < 1.0:
                self.buckets[key] = (tokens, now)
                return (1.0 - tokens) / self.rate
            self.buckets[key] = (tokens - 1.0, now)
            return 0.0


class KeyCache:
    """Authenticated keys remembered for ``ttl`` seconds (by the key's sha256, never the key),
    so the hook does not query the database on every call. A revoked key stops working within
    ``ttl`` seconds in every worker; 0 turns the cache off."""

    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self.entries: dict[str, tuple[float, Any]] = {}
        self.lock = threading.Lock()

    def lookup(self, ledger: Any, key: str) -> Any:
        if self.ttl <= 0:
            return ledger.authenticate(key)
        digest = hashlib.sha256(key.encode()).hexdigest()
        now = time.monotonic()
        with self.lock:
            hit = self.entries.get(digest)
        if hit is not None and now - hit[0] < self.ttl:
            return hit[1]
        info = ledger.authenticate(key)
        with self.lock:
            if info is None:
                self.entries.pop(digest, None)
            else:
                if len(self.entries) > 10_000:
                    self.entries.clear()
                self.entries[digest] = (now, info)
        return info


def require(scope: str) -> Callable[[Request], Awaitable[Any]]:
    """A FastAPI dependency: the caller's key info when its role grants ``scope``."""

    async def check(request: Request) -> Any:
        from pipeline.ledger.roles import allowed

        header = request.headers.get("authorization", "")
        scheme, _, key = header.partition(" ")
        if scheme.lower() != "bearer" or not key.strip():
            raise HTTPException(
                401, "缺少 API 密钥（Authorization: Bearer KEY）", {"WWW-Authenticate": "Bearer"}
            )
        ledger = request.app.state.ledger
        info = await run_in_threadpool(request.app.state.keys.lookup, ledger, key.strip())
        if info is None:
            raise HTTPException(401, "API 密钥无效或已吊销", {"WWW-Authenticate": "Bearer"})
        state = request.scope.setdefault("state", {})
        state["key_id"], state["key_role"] = info.id, info.role
        if not allowed(info.role, scope):
            raise HTTPException(403, f"角色 {info.role} 无权执行 {scope}")
        wait = request.app.state.limiter.acquire(info.id)
        if wait > 0:
            raise HTTPException(
                429, "请求过于频繁，请稍后再试", {"Retry-After": str(math.ceil(wait))}
            )
        return info

    return check
