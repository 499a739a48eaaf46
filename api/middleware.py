"""ASGI middleware: request-size limit (413), access log and Prometheus metrics.

Logs are one JSON object per request — method, route, status, duration, bytes, key id —
and never the document text unless ``ZWGK_LOG_CONTENT`` is on (the routes decide that).
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from typing import Any

from prometheus_client import Counter, Histogram

Scope = dict[str, Any]

REQUESTS = Counter("zwgk_requests_total", "HTTP requests", ["route", "method", "status"])
LATENCY = Histogram(
    "zwgk_request_seconds",
    "HTTP request latency",
    ["route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
log = logging.getLogger("zwgk.access")


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """Refuse bodies over ``limit`` bytes with 413, by Content-Length or while streaming."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _reply(send, 413, f"请求体过大（{int(declared)} 字节，上限 {self.limit}）")
            return
        seen = 0
        started = False

        async def limited() -> Any:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Any) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited, tracking_send)
        except BodyTooLarge:
            if not started:
                await _reply(send, 413, f"请求体过大（超过 {self.limit} 字节）")


class Observe:
    """Access log line + metrics per request; adds an ``X-Request-ID`` header."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request_id = dict(scope["headers"]).get(b"x-request-id", b"").decode()[:64]
        request_id = request_id or uuid.uuid4().hex[:16]
        status = 500
        sent = 0

        async def observed_send(message: Any) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", []).append((b"x-request-id", request_id.encode()))
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, observed_send)
        finally:
            route = scope.get("route")
            path = getattr(route, "path", None) or "unmatched"
            elapsed = time.perf_counter() - started
            REQUESTS.labels(path, scope["method"], str(status)).inc()
            LATENCY.labels(path).observe(elapsed)
            state = scope.get("state") or {}
            entry = {
                "request_id": request_id,
                "method": scope["method"],
                "route": path,
                "status": status,
                "ms": round(elapsed * 1000, 2),
                "bytes_out": sent,
                "key_id": state.get("key_id"),
                **state.get("log_extra", {}),
            }
            log.info(json.dumps(entry, ensure_ascii=False))


async def _reply(send: Any, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}, ensure_ascii=False).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
