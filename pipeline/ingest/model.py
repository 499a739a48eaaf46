"""The ingest stage's result type and error.

``IngestedDocument.text`` is what every later stage screens; all offsets (detections,
findings, replacements) index it. ``markup`` is opaque to the pipeline: only
``pipeline.redact.markup_writer`` reads it to rebuild a redacted file in its format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

#: xlsx: .xlsx/.xlsm (redacted in place); sheet: .xls/.xlsb/.ods/.et (redacted as .xlsx);
#: csv: .csv/.tsv; zip: an archive whose members are documents of their own; image: a picture
#: (.png/.jpg/.bmp/.tif/.gif), OCR'd; office: .doc/.wps/.rtf/.odt read through LibreOffice's
#: .docx conversion (redacted as .docx)
#: ofd: an OFD package (GB/T 33190), redacted as an OFD
Kind = Literal[
    "txt", "html", "docx", "pdf", "xlsx", "sheet", "csv", "zip", "image", "office", "ofd"
]

#: Default upper bound for one input file.
MAX_BYTES = 50 * 1024 * 1024


@dataclass(slots=True)
class IngestedDocument:
    """One input file, turned into screenable text."""

    text: str
    kind: Kind
    source: str
    encoding: str | None = None
    markup: object | None = None
    warnings: list[str] = field(default_factory=list)


class IngestError(Exception):
    """A file that cannot be turned into text; ``message`` is Chinese and names the file."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        self.message = f"{source}：{problem}"
        super().__init__(self.message)
