"""The reviewer web page (static files in api/web/, no external scripts or fonts)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

WEB = Path(__file__).resolve().parents[1] / "web"
TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
         ".css": "text/css; charset=utf-8"}  # fmt: skip
router = APIRouter(include_in_schema=False)


@router.get("/")
async def index() -> FileResponse:
    return FileResponse(WEB / "index.html", media_type=TYPES[".html"])


@router.get("/web/entities.json")
async def entity_names() -> dict[str, str]:
    """Chinese names of the entity codes, for the page's tables."""
    from pipeline.document import ENTITY_NAMES_ZH

    return dict(ENTITY_NAMES_ZH)


@router.get("/web/{name}")
async def asset(name: str) -> FileResponse:
    path = WEB / name
    if path.parent != WEB or path.suffix not in TYPES or not path.is_file():
        raise HTTPException(404, "没有这个文件")
    return FileResponse(path, media_type=TYPES[path.suffix])
