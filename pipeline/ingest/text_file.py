"""Plain-text files: encoding detection and newline normalisation.

Order of attempts: byte-order mark (UTF-8-SIG, UTF-32/UTF-16 LE/BE), a declared charset
(HTML ``<meta>``), strict UTF-8, strict GB18030 (a superset of GBK and GB2312; Big5 is
preferred when the bytes decode as both and Big5 reads far more like Chinese), UTF-16 without
a BOM (many NUL bytes), then charset-normalizer. Binary content is rejected.

Offsets: ``IngestedDocument.text`` is the decoded text with the BOM removed and every
``\\r\\n`` or lone ``\\r`` replaced by ``\\n``; all downstream offsets index that string.
"""

from __future__ import annotations

import codecs
import re

from pipeline.ingest.model import IngestedDocument, IngestError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BOM_NAMES = {
    codecs.BOM_UTF8: "utf-8-sig",
    codecs.BOM_UTF32_LE: "utf-32-le",
    codecs.BOM_UTF32_BE: "utf-32-be",
    codecs.BOM_UTF16_LE: "utf-16-le",
    codecs.BOM_UTF16_BE: "utf-16-be",
}

#: Very frequent characters (simplified and their traditional forms): a cheap "reads like
#: Chinese" score used to choose between GB18030 and Big5 when both decode.
_COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能"
    "下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量"
    "都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各"
    "重新线内数正心反明看原又么利比或但质气第向道此变条只没结解问意建月公无系很情者最立代已通并"
    "提直题党程展五果员位入常文总次品式活设及管特件长求基资流级少统接知较将组见计别期根指工作"
    "這個們來為國說時會對於著過發後裡種經麼學現當沒動還進樣開從實無與長機關點業將兩間問並應頭體"
    "見產條門統計務區縣市鄉鎮村號電話證號聯繫單"
)


_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")


def _bad_char_ratio(text: str) -> float:
    """Share of characters that do not occur in real text (controls, private use, U+FFFD)."""
    if not text:
        return 0.0
    return sum(1 for _ in _BAD_CHARS.finditer(text)) / len(text)


def _common_ratio(text: str) -> float:
    han = [ch for ch in text if "\u3400" <= ch <= "\u9fff"]
    if not han:
        return 0.0
    return sum(ch in _COMMON for ch in han) / len(han)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _gb_or_big5(data: bytes) -> tuple[str, str] | None:
    gb = _strict(data, "gb18030")
    big5 = _strict(data, "big5")
    if gb is not None and big5 is not None and _common_ratio(big5) > 2 * _common_ratio(gb):
        return big5, "big5"
    if gb is not None:
        return gb, "gb18030"
    if big5 is not None:
        return big5, "big5"
    return None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    if len(data) % 2:
        return None
    odd_nuls = data[1::2].count(0)
    even_nuls = data[0::2].count(0)
    order = ("utf-16-le", "utf-16-be") if odd_nuls >= even_nuls else ("utf-16-be", "utf-16-le")
    for enc in order:
        text = _strict(data, enc)
        if text is not None and _bad_char_ratio(text) < 0.01:
            return text, enc
    return None


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``; returns ``(text, encoding)`` or raises ``IngestError``."""
    if not data:
        raise IngestError(source, "文件为空")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _strict(data, codec)
            if text is None:
                raise IngestError(
                    source, "文件编码无法识别（带有 Unicode 字节序标记但内容无法解码）"
                )
            return text.lstrip("\ufeff"), _BOM_NAMES[bom]
    result: tuple[str, str] | None = None
    if declared:
        name = declared.strip().lower()
        if name in {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936"}:
            name = "gb18030"
        text = _strict(data, name)
        if text is not None:
            result = (text, name)
    if result is None and b"\x00" in data:
        result = _utf16_without_bom(data)
        if result is None:
            raise IngestError(source, "不是文本文件（含二进制内容）")
    if result is None:
        text = _strict(data, "utf-8")
        result = (text, "utf-8") if text is not None else _gb_or_big5(data)
    if result is None:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None and best.encoding:
            result = (str(best), best.encoding)
    if result is None:
        raise IngestError(
            source, "文件编码无法识别（不是 UTF-8、UTF-16、GB18030/GBK/GB2312 或 Big5）"
        )
    text, encoding = result
    if _bad_char_ratio(text) > 0.01:
        raise IngestError(source, "不是文本文件（含大量控制字符或二进制内容）")
    return text, encoding


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_text(data: bytes, source: str) -> IngestedDocument:
    """Decode a .txt file; the text's offsets index the newline-normalised string."""
    text, encoding = decode_bytes(data, source)
    text = normalise_newlines(text)
    if not text.strip():
        raise IngestError(source, "文件没有文字内容")
    warnings: list[str] = []
    if encoding not in {"utf-8", "utf-8-sig", "gb18030", "utf-16-le", "utf-16-be"}:
        warnings.append(f"文件编码按 {encoding} 识别，请核对文字是否乱码")
    return IngestedDocument(
        text=text, kind="txt", source=source, encoding=encoding, warnings=warnings
    )
