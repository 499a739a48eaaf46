"""A labelled set from real documents whose publisher masked personal information.

Each mask (张某1, 138××××7138, 豫G×××××, 公民身份号码×××, 路XXX号) is refilled with a synthetic
valid value of its kind (``pipeline.evaluate.masks``); the refilled span becomes a must-redact
item (action ``redact``) in the format of ``tests/fixtures/labelled`` (``pipeline.evaluate.
labelled``), one document per JSONL line, each item with its exact ``start``. Everything the
publisher left visible carries no label: what the screen redacts there is reported apart
(``pipeline.evaluate.masked_eval``), as the publisher's reference for what may stay.

Deterministic: document ``i`` is refilled with ``random.Random(f"{seed}:{id}")``.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

from pipeline.evaluate.labelled import Expected, LabelledDoc
from pipeline.evaluate.masks import Refill, find_masks, refill

HALVES = ("all", "even", "odd")
#: Adjacent address masks (路XXX弄XXX号XXX室) within this many characters make one item.
ADDRESS_JOIN = 6


def read_jsonl(path: Path, half: str = "all", limit: int | None = None) -> Iterator[dict]:
    """Records of a ``{"id","text",…}`` JSONL file; ``half`` keeps even or odd line indexes.

    Each record gets ``_index`` (its 0-based line index) and ``_file`` (the file name).
    """
    if half not in HALVES:
        raise ValueError(f"half 应为 {'/'.join(HALVES)}：{half!r}")
    kept = 0
    with Path(path).open(encoding="utf-8") as fh:
        for index, line in enumerate(fh):
            if (half == "even" and index % 2) or (half == "odd" and not index % 2):
                continue
            if not line.strip():
                continue
            if limit is not None and kept >= limit:
                return
            record = json.loads(line)
            record["_index"], record["_file"] = index, Path(path).name
            kept += 1
            yield record


def _join_addresses(text: str, refills: list[Refill]) -> list[tuple[str, int, int, list[Refill]]]:
    """(kind, start, end, parts): address parts close together merged into one item."""
    items: list[tuple[str, int, int, list[Refill]]] = []
    for r in refills:
        last = items[-1] if items else None
        if (
            last is not None
            and r.mask.kind == "ADDRESS"
            and last[0] == "ADDRESS"
            and r.start - last[2] <= ADDRESS_JOIN
            and not re.search(r"[\s，。、；：,;:（）()]", text[last[2] : r.start])
        ):
            items[-1] = ("ADDRESS", last[1], r.end, [*last[3], r])
        else:
            items.append((r.mask.kind, r.start, r.end, [r]))
    return items


def build_doc(record: dict, seed: int = 0, genre: str = "刑事判决书") -> dict:
    """One labelled document (JSON-ready) from one published record with masks."""
    doc_id = str(record.get("id", record.get("_index", "?")))
    text = str(record["text"])
    rng = random.Random(f"{seed}:{doc_id}")
    new_text, refills = refill(text, find_masks(text), rng)
    expected = []
    for kind, start, end, parts in _join_addresses(new_text, refills):
        masks = "".join(p.mask.text for p in parts)
        cue = parts[0].mask.cue
        expected.append(
            {
                "entity": kind,
                "text": new_text[start:end],
                "action": "redact",
                "must_redact": True,
                "note": f"发布方遮蔽「{masks}」，以合成值回填" + (f"；角色：{cue}" if cue else ""),
                "start": start,
                "mask": masks,
                "cue": cue,
            }
        )
    return {"id": doc_id, "genre": genre, "text": new_text, "expected": expected,
            "source_index": record.get("_index")}  # fmt: skip


def build_set(
    path: Path, out: Path | None = None, half: str = "all", seed: int = 0, limit: int | None = None
) -> list[dict]:
    """Labelled documents for every record of ``path`` (written as JSONL to ``out`` if given)."""
    docs = [build_doc(r, seed) for r in read_jsonl(path, half, limit)]
    if out is not None:
        with Path(out).open("w", encoding="utf-8") as fh:
            for doc in docs:
                fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return docs


def to_labelled(doc: dict) -> LabelledDoc:
    """A built document as a ``LabelledDoc`` (items at their exact ``start``)."""
    items = [
        Expected(e["entity"], e["text"], e["action"], e["must_redact"], e["note"],
                 e["start"], e["start"] + len(e["text"]))
        for e in doc["expected"]
    ]  # fmt: skip
    return LabelledDoc(doc["id"], doc["genre"], doc["text"], items)
