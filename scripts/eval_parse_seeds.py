"""Check the parser on the five real seed documents against what a reader finds in them.

Run: .venv/bin/python scripts/eval_parse_seeds.py [SEEDS_DIR]   (prints each check, then totals)
Every element's offsets are also checked: original[start:end] == text. The expectations were
written by reading the seeds; the seeds were also used while developing the parser.
"""

# ruff: noqa: E501

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

# prefix → expected values (None: the document has no such element)
EXPECTED: dict[str, dict[str, Any]] = {
    "000": {"title": "六安市2020年政务公开工作总结", "doc_number": None, "date": None,
            "markers": [], "wrapper": None, "level1": ["工作开展情况", "存在的问题", "下一步工作"],
            "tables": [(["公开事项", "公开事项2", "内容要求", "自评得分"], 31)]},
    "001": {"title": "中共河南省委辦公廳 河南省人民政府辦公廳關于全面推進政務公開工作的實施意見",
            "doc_number": "豫办〔2016〕60号", "date": "2016-12-09", "markers": ["主动公开"],
            "wrapper": None, "issuers": ["中共河南省委辦公廳", "河南省人民政府辦公廳"],
            "level1": ["全面推進政務公開工作的總體要求", "推進權力運行全流程公開", "擴大政務開放參與",
                       "提升政務公開能力"],
            "citations": {"中共中央辦公廳、國務院辦公廳印發〈關于全面推進政務公開工作的意見〉的通知":
                          "中办发〔2016〕8号"},
            "tables": []},
    "002": {"title": "长春市民政局关于做好2018政务公开工作的方案", "doc_number": None,
            "date": None, "markers": [], "wrapper": None,
            "level1": ["总体要求", "组织领导", "重点工作任务", "工作要求"],
            "citations": {"长春市人民政府办公厅关于做好2018年全市政务公开工作的通知":
                          "长府办函〔2018〕46号"},
            "tables": []},
    "003": {"title": "罗源县2017年政務公開工作实施方案 及主要任务分解表", "doc_number": None,
            "date": "2017-06-01", "markers": [], "wrapper": None,
            "tables": [(["工作任務", "牽頭單位", "責任單位", "工作要求"], 61)],
            "citations": {"关于全面推进政務公開工作的意见": "中办发〔2016〕8号",
                          "全面推进政務公開工作实施方案": "榕委办发〔2017〕4号"},
            "sections": ["main", "attachment"]},
    "004": {"title": "淄博高新技术产业开发区管理委员会办公室关于印发2023年淄博高新区政务公开工作方案的通知",
            "doc_number": "淄高新管办字〔2023〕12号", "date": "2023-07-25", "markers": ["主动公开"],
            "wrapper": "2023年淄博高新区政务公开工作方案", "addressees": ["各有关单位"],
            "level1": ["工作要求", "重点任务", "保障措施"],
            "tables": [(["序号", "工作任务", "工作要求", "责任单位", "时限要求"], 44)],
            "sections": ["main", "inner", "attachment"]},
}  # fmt: skip


def actual(doc: Any, key: str, want: Any) -> Any:
    if key == "title":
        return doc.title.value if doc.title else None
    if key == "doc_number":
        return doc.doc_number.normalized if doc.doc_number else None
    if key == "date":
        return doc.date.iso if doc.date else None
    if key == "markers":
        return [m.attribute for m in doc.markers]
    if key == "wrapper":
        return doc.title.inner.value if doc.title and doc.title.inner else None
    if key == "issuers":
        return [i.value for i in doc.issuers]
    if key == "addressees":
        return [a.value for a in doc.addressees]
    if key == "level1":
        first = [h for h in doc.headings if h.kind == "一、"]
        return [h.title.value for h in first if h.title][: len(want)]
    if key == "tables":
        return [([c.value for c in t.columns], len(t.rows)) for t in doc.tables]
    if key == "sections":
        return [s.kind for s in doc.sections]
    raise KeyError(key)


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from pipeline.parse import parse_document
    from tests.parse.offsets import assert_offsets

    seeds = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/seeds")
    passed = total = elements = 0
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = parse_document(text)
        elements += assert_offsets(text, doc.to_dict())
        for key, want in EXPECTED[path.name[:3]].items():
            if key == "citations":
                got = {c.value: c.doc_number.normalized if c.doc_number else None
                       for c in doc.citations}  # fmt: skip
                ok = all(got.get(k) == v for k, v in want.items())
            else:
                got = actual(doc, key, want)
                ok = got == [tuple(x) for x in want] if key == "tables" else got == want
            total += 1
            passed += ok
            print(f"{'✓' if ok else '✗'} {path.name[:3]} {key}: {got if not ok else want}")
    print(f"\n{passed}/{total} checks passed; {elements} elements, every offset exact")


if __name__ == "__main__":
    main()
