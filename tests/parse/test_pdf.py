"""The parser on a PDF's text layer (pages joined by a form feed, page numbers printed)."""

from __future__ import annotations

from pipeline.ingest import load_bytes
from pipeline.parse import parse_document
from tests.parse.offsets import assert_offsets
from tests.pdf_builder import pdf_bytes

PAGES = [
    [
        "某某县人民政府办公室文件",
        "某政办〔2024〕15号",
        "某某县人民政府办公室关于做好",
        "2024年防汛工作的通知",
        "各乡镇人民政府，县直各单位：",
        "为做好今年防汛工作，根据《中华人民共和国防洪法》，现通知如下。",
        "一、压实防汛责任",
        "（一）落实责任人。各乡镇要明确防汛责任人。",
        "— 1 —",
    ],
    [
        "二、做好物资储备",
        "某某县人民政府办公室",
        "2024年5月8日",
        "（此件公开发布）",
        "— 2 —",
    ],
]


def test_pdf_text_layer():
    doc = load_bytes(pdf_bytes(PAGES), "notice.pdf")
    parsed = parse_document(doc.text)
    assert assert_offsets(doc.text, parsed.to_dict()) > 10
    assert parsed.title.value == "某某县人民政府办公室关于做好2024年防汛工作的通知"
    assert parsed.doc_number.normalized == "某政办〔2024〕15号"
    assert parsed.date.iso == "2024-05-08"
    assert [m.attribute for m in parsed.markers] == ["主动公开"]
    assert [h.marker for h in parsed.headings] == ["一、", "（一）", "二、"]
    assert [c.value for c in parsed.chrome] == ["— 1 —", "— 2 —"]
    assert [i.value for i in parsed.issuers] == ["某某县人民政府办公室"]
