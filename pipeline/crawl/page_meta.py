"""The 信息公开 metadata of a web page: 索引号, 发布机构, dates, 标题, 文号.

Government pages carry it in a table or list above the text (``索 引 号：…``,
``發布機構 羅源政府辦 生成日期 2017-06-01``) and/or in ``<meta>`` tags (``ArticleTitle``,
``PubDate``, ``ContentSource``, the national site standard). Labels are matched in
simplified and traditional characters, with or without the spaced-out spelling; the first
value of each field wins (the block sits at the top).
"""

from __future__ import annotations

import re
from typing import Any

#: field → its labels (traditional spellings too)
LABELS: dict[str, tuple[str, ...]] = {
    "index_no": ("索引号", "索引號"),
    "publisher": (
        "发布机构",
        "發布機構",
        "发文机关",
        "發文機關",
        "发布单位",
        "發布單位",
        "发文单位",
        "信息来源",
        "資訊來源",
        "来源",
        "來源",
    ),
    "published": ("发布日期", "發布日期", "发布时间", "發布時間", "公开日期", "公開日期"),
    "generated": ("生成日期",),
    "written": ("成文日期", "发文日期", "發文日期"),
    "doc_no": ("发文字号", "發文字號", "文号", "文號"),
    "title": ("标题", "標題", "文件名称", "文件名稱"),
}
_FIELD = {label: name for name, labels in LABELS.items() for label in labels}
_ALL = "|".join(sorted(_FIELD, key=len, reverse=True))
_SPACED = re.compile("|".join(r"\s*".join(label) for label in _FIELD if len(label) == 3))
_PAIR = re.compile(
    rf"(?P<label>{_ALL})[ \t\u3000]*[:：]?[ \t\u3000]*\n?[ \t\u3000]*"
    rf"(?P<value>[^\n]*?)(?=[ \t\u3000]*(?:{_ALL})[ \t\u3000]*[:：]|\n|$)"
)
_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_META = {
    "articletitle": "title",
    "pubdate": "published",
    "firstpublishedtime": "published",
    "contentsource": "publisher",
    "source": "publisher",
}
_BLOCKS = {"script", "style", "noscript", "template"}
#: fragments read (the block is at the top; a page is not searched to its end)
MAX_FRAGMENTS = 3000


def _date(value: str) -> str | None:
    m = _DATE.search(value)
    return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}" if m else None


def _clean(name: str, value: str) -> str | None:
    value = re.sub(r"\s+", " ", value).strip(" ：:|\u3000")
    if not value or value in _FIELD or len(value) > 200:
        return None
    if name in ("published", "generated", "written"):
        return _date(value)
    return value


def decode(data: bytes, charset: str | None = None) -> str:
    """The page's text: the declared charset, else UTF-8, else GB18030 (both common)."""
    head = data[:2048].decode("ascii", "replace")
    m = re.search(r"charset=[\"']?([\w-]+)", head, re.IGNORECASE)
    for enc in (charset, m[1] if m else None, "utf-8"):
        if enc:
            try:
                return data.decode(enc)
            except (LookupError, UnicodeDecodeError):
                continue
    return data.decode("gb18030", "replace")


def page_meta(data: bytes, charset: str | None = None) -> dict[str, str]:
    """Metadata fields found in an HTML page (empty when none, or not HTML)."""
    import lxml.html

    try:
        root = lxml.html.fromstring(decode(data, charset))
    except (ValueError, TypeError, lxml.etree.ParserError):
        return {}
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        name = _META.get((el.get("name") or "").lower())
        value = _clean(name, el.get("content") or "") if name else None
        if name and value and name not in found:
            found[name] = value
    fragments: list[str] = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in _BLOCKS:
            continue
        for piece in (el.text, el.tail):
            if piece and piece.strip():
                fragments.append(piece.strip())
        if len(fragments) >= MAX_FRAGMENTS:
            break
    text = _SPACED.sub(lambda m: re.sub(r"\s+", "", m[0]), "\n".join(fragments))
    table: dict[str, str] = {}
    for m in _PAIR.finditer(text):
        name = _FIELD[m["label"]]
        value = _clean(name, m["value"])
        if value and name not in table:
            table[name] = value
    found.update(table)  # the visible block wins over the tags
    if "title" not in found:
        title = root.findtext(".//title")
        if title and title.strip():
            found["title"] = re.sub(r"\s+", " ", title).strip()[:200]
    return found


def department(record: dict[str, Any]) -> str | None:
    """The publishing department of a web record (发布机构), if the page names one."""
    page = record.get("page")
    return page.get("publisher") if isinstance(page, dict) else None
