"""A 规章: 令号 on two lines, adoption date, 第X章/第X条 tree, 同时废止 citation."""

from __future__ import annotations

from pipeline.parse import parse_document
from tests.parse.offsets import assert_offsets


def test_regulation(fixture_text):
    text = fixture_text("regulation.txt")
    doc = parse_document(text)
    assert assert_offsets(text, doc.to_dict()) > 20
    assert doc.title.value == "皖江市城市绿化管理办法"
    assert doc.doc_number.normalized == "皖江市人民政府令第15号"
    assert doc.date.iso == "2024-04-02"
    chapters = [h for h in doc.headings if h.kind == "第X章"]
    assert [(h.number, h.title.value) for h in chapters] == [
        (1, "总则"),
        (2, "规划与建设"),
        (3, "附则"),
    ]
    articles = [h for h in doc.headings if h.kind == "第X条"]
    assert [h.number for h in articles] == [1, 2, 3, 4, 5]
    assert [doc.headings[h.parent].number for h in articles] == [1, 1, 2, 2, 3]
    items = [h for h in doc.headings if h.kind == "(一)"]
    assert all(doc.headings[h.parent].kind == "第X条" for h in items)
    repealed = [c for c in doc.citations if c.value == "皖江市城市绿化管理暂行办法"]
    assert repealed[0].doc_number.normalized == "皖江市人民政府令第8号"
    (basis,) = doc.basis
    assert basis.trigger == "根据" and len(basis.citations) == 2
    assert "2024-05-01" in [d.iso for d in doc.dates]
