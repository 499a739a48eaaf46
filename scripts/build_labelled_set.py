"""Build tests/fixtures/labelled/*.json from the hand-written sources in scripts/labelled_src/.

A source file is a small header, a line ``---`` and the document text, in which every
labelled value is written inline as ``{{value|ENTITY|code}}`` or ``{{value|ENTITY|code|note}}``.
``code`` is the expected action: ``r`` redact, ``v`` review, ``a`` allow; a trailing ``!``
marks ``must_redact``. A literal backslash-t in the text becomes a TAB (table cells).
Header lines: ``id: …``, ``genre: …`` and optional default notes ``note ENTITY code: …``
(a note written inline wins; a built-in default is the fallback).

The builder checks that the k-th label of a value sits at the k-th occurrence of that value
in the plain text (the evaluator locates expected items by ``str.find`` occurrence order),
so an unlabelled earlier occurrence of a labelled value is an error.

Usage: ``python scripts/build_labelled_set.py`` (rewrites every JSON file of the tuned set);
``python scripts/build_labelled_set.py --src scripts/labelled_holdout_src --out
tests/fixtures/labelled_holdout`` builds the held-out set from its own sources.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from pipeline.evaluate.labelled import locate

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "scripts" / "labelled_src"
OUT = ROOT / "tests" / "fixtures" / "labelled"

MARK = re.compile(r"\{\{([^{}|]+)\|([A-Z_]+)\|([rva]!?)(?:\|([^{}]*))?\}\}")
ACTIONS = {"r": "redact", "v": "review", "a": "allow"}

DEFAULT_NOTES: dict[tuple[str, str], str] = {
    ("ID_CARD", "r"): "自然人身份证号，公开前须遮蔽",
    ("MOBILE", "r"): "私人手机号，公开前须遮蔽",
    ("MOBILE", "a"): "依规须公开的联系电话",
    ("LANDLINE", "r"): "私人固定电话，公开前须遮蔽",
    ("LANDLINE", "a"): "工作人员办公电话，履职信息可公开",
    ("BANK_CARD", "r"): "个人银行账号，公开前须遮蔽",
    ("ADDRESS", "r"): "个人详细住址，应截至乡镇（街道）一级",
    ("PERSON", "a"): "公职人员履职信息，可公开",
    ("PERSON", "r"): "私人姓名，非公示对象，应遮蔽",
    ("DATE_OF_BIRTH", "r"): "私人出生日期，应删除",
    ("DATE_OF_BIRTH", "a"): "任前公示依规公开出生年月",
    ("ETHNICITY", "v"): "民族属敏感个人信息，交人工审核",
    ("ETHNICITY", "a"): "任前公示依规公开民族",
    ("EMAIL", "r"): "私人电子邮箱，应遮蔽",
    ("EMAIL", "a"): "工作联系邮箱，依规公开",
    ("QQ", "r"): "私人QQ号，应遮蔽",
    ("WECHAT", "r"): "私人微信号，应遮蔽",
    ("IP_ADDRESS", "r"): "留言人IP地址，应遮蔽",
    ("LICENSE_PLATE", "r"): "私人车牌号，应遮蔽",
    ("HEALTH", "r"): "可识别个人的健康信息（敏感），应删除",
    ("HEALTH", "v"): "健康信息（敏感），交人工审核",
    ("CRIMINAL_RECORD", "v"): "违法犯罪记录（敏感），交人工审核",
    ("CRIMINAL_RECORD", "r"): "违法犯罪记录（敏感），应删除",
    ("MINOR", "r"): "未成年人信息，应删除",
}


def parse_source(raw: str) -> dict[str, object]:
    head, _, body = raw.partition("\n---\n")
    meta: dict[str, str] = {}
    notes: dict[tuple[str, str], str] = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        if key.startswith("note "):
            entity, code = key[5:].split()
            notes[(entity, code)] = value.strip()
        elif key.strip():
            meta[key.strip()] = value.strip()
    body = body.strip("\n").replace("\\t", "\t") + "\n"
    text_parts: list[str] = []
    labels: list[tuple[int, dict[str, object]]] = []
    pos = 0
    plain_len = 0
    for m in MARK.finditer(body):
        text_parts.append(body[pos : m.start()])
        plain_len += m.start() - pos
        value, entity, code, note = m.group(1), m.group(2), m.group(3), m.group(4)
        base = code.rstrip("!")
        item = {
            "entity": entity,
            "text": value,
            "action": ACTIONS[base],
            "must_redact": code.endswith("!"),
            "note": note
            or notes.get((entity, base))
            or DEFAULT_NOTES.get((entity, base))
            or f"{entity} {ACTIONS[base]}",
        }
        labels.append((plain_len, item))
        text_parts.append(value)
        plain_len += len(value)
        pos = m.end()
    text_parts.append(body[pos:])
    text = "".join(text_parts)
    if "{{" in text or "}}" in text:
        raise ValueError(
            f"{meta.get('id')}: malformed markup near {text[text.find('{{') :][:40]!r}"
        )
    check_order(meta.get("id", "?"), text, labels)
    return {
        "id": meta["id"],
        "genre": meta["genre"],
        "text": text,
        "expected": [item for _, item in labels],
    }


def check_order(doc_id: str, text: str, labels: list[tuple[int, dict[str, object]]]) -> None:
    spans = locate(text, [str(item["text"]) for _, item in labels])
    for (start, item), (at, _) in zip(labels, spans, strict=True):
        if at != start:
            raise ValueError(f"{doc_id}: {item['text']!r} is found at {at}, labelled at {start}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=SRC, help="folder of *.txt sources")
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the JSON files")
    args = parser.parse_args(argv)
    src_dir, out_dir = args.src.resolve(), args.out.resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    ids: set[str] = set()
    for src in sorted(src_dir.glob("*.txt")):
        doc = parse_source(src.read_text(encoding="utf-8"))
        if doc["id"] in ids or doc["id"] != src.stem:
            raise ValueError(f"{src.name}: id {doc['id']!r} duplicated or not the file stem")
        ids.add(str(doc["id"]))
        out = out_dir / f"{src.stem}.json"
        out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    shown = out_dir.relative_to(ROOT) if out_dir.is_relative_to(ROOT) else out_dir
    print(f"{len(ids)} documents -> {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
