"""Pictures (.png/.jpg/.jpeg/.bmp/.tif/.tiff/.gif): OCR'd into the text the pipeline screens.

The image is decoded with Pillow (at most ``MAX_PIXELS`` pixels: a larger one is refused as
a possible decompression bomb), its EXIF orientation applied, and only the first frame of a
GIF or multi-page TIFF read (a warning says so). The text is :func:`pipeline.ingest.ocr.
lines_text` of the OCR lines; ``ImageMarkup`` keeps the original bytes, the format and a box
per character (image pixels after the orientation is applied), so a finding is located
(``{"page": 1, "box": [x0, y0, x1, y1]}``) and :mod:`pipeline.redact.image_writer` burns
opaque boxes over a redacted value.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pipeline.ingest.model import IngestedDocument, IngestError, Kind

if TYPE_CHECKING:
    from PIL import Image

IMAGE_EXTENSIONS: dict[str, Kind] = {
    ext: "image" for ext in (".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".gif")
}
#: the largest picture decoded (pixels): 60 million, an A4 page at 600 dpi is 35 million
MAX_PIXELS = 60_000_000
#: a mean recognition score below this gets a warning asking for a manual check
LOW_SCORE = 0.8
#: the signatures of the formats read
SIGNATURES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")
EMPTY = "图片中未识别到文字"

Box = tuple[float, float, float, float]


@dataclass(slots=True)
class ImageMarkup:
    """The original picture and, per character of the text, its box (None for joiners)."""

    data: bytes
    fmt: str  # Pillow's format name: PNG, JPEG, BMP, TIFF, GIF
    size: tuple[int, int]  # width, height after the EXIF orientation
    boxes: list[Box | None]
    frames: int = 1


def decode(data: bytes, source: str) -> tuple[Image.Image, str, int]:
    """The first frame of the picture, upright, fully loaded; its format and frame count."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise IngestError(
                    source,
                    f"图片像素过多（{width}×{height}，约 {width * height / 1e6:.0f} 百万像素，"
                    f"上限 {MAX_PIXELS // 1_000_000} 百万），疑似解压炸弹，已拒绝读取",
                )
            fmt = image.format or "PNG"
            frames = int(getattr(image, "n_frames", 1) or 1)
            image.seek(0)
            image.load()
            upright = ImageOps.exif_transpose(image)
    except IngestError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise IngestError(source, "图片像素过多，疑似解压炸弹，已拒绝读取") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise IngestError(source, "图片文件损坏或格式无法识别，无法读取") from exc
    return upright, fmt, frames


def load_image(data: bytes, source: str) -> IngestedDocument:
    """OCR a picture; raise ``IngestError`` when it is unreadable or holds no text."""
    from pipeline.ingest import ocr

    image, fmt, frames = decode(data, source)
    lines = ocr.recognise(image)
    text, boxes = ocr.lines_text(lines)
    if not text.strip():
        raise IngestError(source, EMPTY)
    notes: list[str] = []
    if frames > 1:
        notes.append(f"图片共 {frames} 帧（页），只识别了第一帧；遮蔽输出也只含第一帧")
    score = sum(ln.score * len(ln.text) for ln in lines) / max(1, sum(len(ln.text) for ln in lines))
    if score < LOW_SCORE:
        notes.append(f"图片文字识别置信度较低（平均 {score:.2f}），可能有漏识别，请人工核对")
    markup = ImageMarkup(data=data, fmt=fmt, size=image.size, boxes=boxes, frames=frames)
    return IngestedDocument(text=text, kind="image", source=source, markup=markup, warnings=notes)


def span_box(boxes: list[Box | None], start: int, end: int) -> list[int] | None:
    """The union of the characters' boxes of ``[start, end)`` as integer pixels."""
    own = [b for b in boxes[start:end] if b is not None]
    if not own:
        return None
    return [
        int(min(b[0] for b in own)),
        int(min(b[1] for b in own)),
        int(max(b[2] for b in own) + 0.999),
        int(max(b[3] for b in own) + 0.999),
    ]


def locate_box(markup: ImageMarkup, start: int, end: int) -> dict[str, Any] | None:
    """``{"page": 1, "box": [x0, y0, x1, y1]}`` for a span of a picture's text."""
    box = span_box(markup.boxes, start, end)
    return None if box is None else {"page": 1, "box": box}
