"""``/v1/redact`` for an uploaded HTML, DOCX, spreadsheet or .zip file: the redacted file in
its own format, as ``zwgk redact notice.html -o out.html`` writes it (the same writer,
:func:`pipeline.redact.markup_writer.write_redacted`)."""

from __future__ import annotations

import io
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from fastapi import HTTPException, Request
from fastapi.responses import Response

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#: the formats whose markup the writer keeps → their content type
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEDIA_TYPES: dict[str, str] = {
    "html": "text/html",
    "docx": DOCX_TYPE,
    "xlsx": XLSX_TYPE,
    "sheet": XLSX_TYPE,  # .xls/.et/.ods/.xlsb are answered with a redacted .xlsx
    "csv": "text/csv",
    "zip": "application/zip",  # a .7z too is answered with a .zip
    "ofd": "application/ofd",  # the same package, redacted characters masked in TextCode
    "office": DOCX_TYPE,  # .doc/.wps/.rtf/.odt are answered with a redacted .docx
    "image": "image/png",  # the picture's own type: pipeline.redact.image_writer.media_type
    "pdf": "application/pdf",  # pages with findings rasterised: pipeline.redact.pdf_writer
}
#: the OpenAPI description of the 200 response besides its JSON body
FILE_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "JSON（文本或 txt 上传）；上传 HTML/DOCX/XLSX/CSV/ZIP/PDF 时为同格式的遮蔽"
        "后文件（XLS/ET/ODS 为 XLSX，DOC/WPS/RTF/ODT 为 DOCX，7Z 为 ZIP）",
        "content": {
            media: {"schema": {"type": "string", "format": "binary"}}
            for media in MEDIA_TYPES.values()
        },
    }
}


def wants_file(request: Request, doc: Any) -> bool:
    """An uploaded HTML/DOCX file is answered with a file, unless the client accepts only
    JSON (``Accept: application/json``)."""
    ingested = doc.ingested
    if ingested is None or ingested.kind not in MEDIA_TYPES:
        return False
    accept = request.headers.get("accept", "")
    only_json = "application/json" in accept and not any(
        media in accept for media in ("*/*", MEDIA_TYPES[ingested.kind], "text/*")
    )
    return not only_json


def redacted_file(doc: Any, result: Any, redactions: int) -> Response:
    """The redacted copy of the uploaded file, with its content type and a file name."""
    from pipeline.redact import replacements
    from pipeline.redact.markup_writer import write_redacted

    ingested = doc.ingested
    edits = replacements(result.findings)
    out = io.BytesIO()
    try:
        write_redacted(ingested, edits, out)
    except ValueError as exc:  # e.g. a PDF qpdf cannot rebuild: the message names the file
        raise HTTPException(422, str(exc)) from exc
    media = MEDIA_TYPES[ingested.kind]
    if ingested.kind == "csv":
        media = f"text/csv; charset={ingested.encoding or 'utf-8'}"
    if ingested.kind == "image":
        from pipeline.redact.image_writer import media_type

        media = media_type(ingested)
    if ingested.kind == "html":
        encoding = getattr(ingested.markup, "encoding", "utf-8")
        media += f"; charset={'utf-8' if encoding == 'utf-8-sig' else encoding}"
    name = PurePath(ingested.source).name or f"upload.{ingested.kind}"
    from pipeline.redact.sheet_writer import output_name

    name = output_name(ingested, name)  # .xls → .xlsx, .doc/.wps/.rtf/.odt → .docx, .7z → .zip
    stem, dot, ext = name.rpartition(".")
    redacted_name = f"{stem}.redacted.{ext}" if dot else f"{name}.redacted"
    headers = {
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(redacted_name)}",
        "X-Zwgk-Verdict": result.verdict,
        "X-Zwgk-Redactions": str(redactions),
    }
    return Response(out.getvalue(), media_type=media, headers=headers)
