"""The hand-labelled evaluation set: loading files and locating expected items.

One JSON file per document: ``{"id", "genre", "text", "expected": [{"entity", "text",
"action", "must_redact", "note"}]}``. Expected items are located in the text by occurrence
order: the k-th item with a given substring is the k-th non-overlapping occurrence of that
substring (``str.find`` from the end of the previous one); an item with an integer ``start``
(the sets ``zwgk build-masked-set`` writes) is taken at that offset instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pipeline.document import ENTITIES

ACTIONS = ("redact", "review", "allow")


class LabelledSetError(ValueError):
    """A labelled file that does not follow the schema."""


@dataclass(slots=True)
class Expected:
    """One finding a reviewer expects, located in the document text."""

    entity: str
    text: str
    action: str
    must_redact: bool
    note: str
    start: int
    end: int


@dataclass(slots=True)
class LabelledDoc:
    id: str
    genre: str
    text: str
    expected: list[Expected]
    path: Path | None = None


def locate(text: str, values: list[str]) -> list[tuple[int, int]]:
    """Spans of ``values`` in ``text`` by occurrence order (k-th repeat → k-th occurrence)."""
    last_end: dict[str, int] = {}
    spans: list[tuple[int, int]] = []
    for value in values:
        if not value:
            raise LabelledSetError("空的预期文本")
        at = text.find(value, last_end.get(value, 0))
        if at < 0:
            raise LabelledSetError(f"预期文本在正文中出现次数不足：{value!r}")
        last_end[value] = at + len(value)
        spans.append((at, at + len(value)))
    return spans


def parse_doc(data: dict, path: Path | None = None) -> LabelledDoc:
    """Validate one labelled document (schema, labels, actions) and locate its items."""
    where = path.name if path else data.get("id", "?")
    for key, kind in (("id", str), ("genre", str), ("text", str), ("expected", list)):
        if not isinstance(data.get(key), kind):
            raise LabelledSetError(f"{where}: 字段 {key} 缺失或类型错误")
    raw = data["expected"]
    for i, item in enumerate(raw):
        if not isinstance(item, dict):
            raise LabelledSetError(f"{where}: expected[{i}] 不是对象")
        if item.get("entity") not in ENTITIES:
            raise LabelledSetError(f"{where}: expected[{i}] 未知类型 {item.get('entity')!r}")
        if item.get("action") not in ACTIONS:
            raise LabelledSetError(f"{where}: expected[{i}] 未知处置 {item.get('action')!r}")
        if not isinstance(item.get("must_redact"), bool) or not isinstance(item.get("text"), str):
            raise LabelledSetError(f"{where}: expected[{i}] must_redact/text 类型错误")
        if item["must_redact"] and item["action"] == "allow":
            raise LabelledSetError(f"{where}: expected[{i}] 必须遮蔽项不能预期放行")
    try:
        spans = locate(data["text"], [item["text"] for item in raw])
    except LabelledSetError as exc:
        raise LabelledSetError(f"{where}: {exc}") from None
    for i, item in enumerate(raw):  # an explicit start (built sets) overrides occurrence order
        at = item.get("start")
        if isinstance(at, int):
            if data["text"][at : at + len(item["text"])] != item["text"]:
                raise LabelledSetError(f"{where}: expected[{i}] start 与正文不符")
            spans[i] = (at, at + len(item["text"]))
    expected = [
        Expected(
            entity=item["entity"],
            text=item["text"],
            action=item["action"],
            must_redact=item["must_redact"],
            note=str(item.get("note", "")),
            start=start,
            end=end,
        )
        for item, (start, end) in zip(raw, spans, strict=True)
    ]
    return LabelledDoc(data["id"], data["genre"], data["text"], expected, path)


def load_labelled(directory: Path) -> list[LabelledDoc]:
    """All ``*.json`` documents in ``directory``, sorted by file name; or, when ``directory``
    is a ``.jsonl`` file (``zwgk build-masked-set``), one document per line."""
    docs = []
    if Path(directory).is_file() and Path(directory).suffix == ".jsonl":
        with Path(directory).open(encoding="utf-8") as fh:
            docs = [parse_doc(json.loads(line)) for line in fh if line.strip()]
        if not docs:
            raise LabelledSetError(f"{directory}: 没有标注文档")
        return docs
    for path in sorted(Path(directory).glob("*.json")):
        docs.append(parse_doc(json.loads(path.read_text(encoding="utf-8")), path))
    if not docs:
        raise LabelledSetError(f"{directory}: 没有标注文件（*.json）")
    return docs
