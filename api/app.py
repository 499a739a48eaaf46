"""The FastAPI application: lifespan loads the pipeline and the ledger once per process."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from api.middleware import BodyLimit, Observe
from api.routes import documents, interpretation, ops, screening, web
from api.routes import ledger as ledger_routes
from api.security import KeyCache, RateLimiter
from api.settings import Settings, get_settings


def _load_pipeline() -> tuple[Any, str | None]:
    from pipeline.screen import default_screener

    screener = default_screener()
    screener.screen("申请人张三，电话13812345678。")  # warm: dictionaries, rules, model
    models = [getattr(r, "model_version", None) for r in screener.engine.recognizers]
    return screener, next((m for m in models if m), None)


def create_app(settings: Settings | None = None, ledger: Any = None) -> FastAPI:
    """The application. ``ledger``: an open ledger to use (tests); default: open
    ``settings.database_url`` (or the ledger's own default) at startup."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from pipeline.ledger import open_ledger

        owned = ledger is None
        app.state.ledger = ledger or await run_in_threadpool(open_ledger, settings.database_url)
        app.state.screener, app.state.ner_model = await run_in_threadpool(_load_pipeline)
        app.state.ledger_writer = None
        if settings.record_to_ledger and settings.hook_record_async:
            from pipeline.ledger.writer import LedgerWriter

            app.state.ledger_writer = LedgerWriter(app.state.ledger, settings.ledger_batch)
        logging.getLogger("zwgk.access").setLevel(logging.INFO)
        try:
            yield
        finally:
            if app.state.ledger_writer is not None:  # record what the hook has queued
                await run_in_threadpool(app.state.ledger_writer.close)
            if owned:  # a ledger passed in by the caller stays the caller's to close
                app.state.ledger.close()

    app = FastAPI(
        title="zwgk 政务公开个人信息审查服务",
        version="0.3.0",
        description=(
            "发布前审查钩子、个人信息识别与遮蔽、审查台账。"
            "密钥：`Authorization: Bearer KEY`（`zwgk keys create --role ROLE` 生成）。"
        ),
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.state.limiter = RateLimiter(settings.rate_limit_per_minute)
    app.state.keys = KeyCache(settings.key_cache_seconds)
    app.include_router(ops.router)
    app.include_router(screening.router)
    app.include_router(ledger_routes.router)
    app.include_router(documents.router)
    app.include_router(interpretation.router)
    app.include_router(web.router)
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(BodyLimit, limit=settings.max_request_bytes)
    app.add_middleware(Observe)
    return app


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    """422 with one Chinese sentence per problem, like every other error of the service."""
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    parts = [f"{'.'.join(str(x) for x in e.get('loc', ()))}：{e.get('msg', '')}" for e in errors]
    return JSONResponse({"detail": "请求不符合要求：" + "；".join(parts)}, status_code=422)
