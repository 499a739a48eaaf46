"""The batch contract, pinned: other tools depend on these exact fields and this order."""

from __future__ import annotations

import io
import json

from pipeline.batch.jsonl import screen_jsonl, screen_stream
from pipeline.batch.screen_batch import screen_lines

ID = "341502198503121230"
REPLY = f"申请人张晓明,身份证号{ID},联系电话13805641234。"
FINDING_KEYS = {
    "entity",
    "start",
    "end",
    "text",
    "action",
    "score",
    "rule",
    "reason",
    "basis",
    "masked",
}


def _lines(*objs: object) -> list[str]:
    return [o if isinstance(o, str) else json.dumps(o, ensure_ascii=False) for o in objs]


def test_contract_fields_offsets_and_order():
    lines = _lines({"id": "a", "text": REPLY}, {"id": "b", "text": "今天天气很好。"})
    out = list(screen_stream(lines, workers=1))
    assert [r["id"] for r in out] == ["a", "b"]
    a, b = out
    assert set(a) >= {"id", "verdict", "doc_type", "findings", "redacted"}
    assert a["verdict"] == "block" and b["verdict"] == "pass"
    assert b["findings"] == [] and b["redacted"] == "今天天气很好。"
    for f in a["findings"]:
        assert set(f) >= FINDING_KEYS
        assert REPLY[f["start"] : f["end"]] == f["text"]
        assert f["action"] in {"redact", "review", "allow"}
    id_finding = next(f for f in a["findings"] if f["entity"] == "ID_CARD")
    assert id_finding["action"] == "redact" and id_finding["masked"] == "3415**********1230"
    assert ID not in a["redacted"] and "13805641234" not in a["redacted"]


def test_malformed_lines_are_reported_and_processing_continues():
    lines = _lines(
        "{not json",
        {"id": 7, "text": 5},
        ["a", "list"],
        {"id": "ok", "text": REPLY},
        {"text": "无编号文本"},
    )
    out = screen_lines(list(enumerate(lines, start=1)))
    assert len(out) == 5
    assert out[0]["id"] is None and "第1行" in out[0]["error"] and "JSON" in out[0]["error"]
    assert out[1] == {"id": "7", "error": "第2行缺少字符串字段 text"}
    assert out[2]["id"] is None and "JSON 对象" in out[2]["error"]
    assert out[3]["id"] == "ok" and out[3]["verdict"] == "block"
    assert out[4]["id"] is None and out[4]["verdict"] == "pass"


def test_process_pool_keeps_input_order():
    lines = _lines(
        *({"id": str(i), "text": REPLY if i % 3 == 0 else "无个人信息"} for i in range(40))
    )
    out = list(screen_stream(lines, workers=2, batch_lines=3))
    assert [r["id"] for r in out] == [str(i) for i in range(40)]
    assert [r["verdict"] for r in out] == ["block" if i % 3 == 0 else "pass" for i in range(40)]


def test_screen_jsonl_counts_and_writes_one_line_per_input():
    src = io.StringIO(
        "\n".join(_lines({"id": "a", "text": REPLY}, "oops", {"id": "c", "text": ""}))
    )
    dst = io.StringIO()
    counts = screen_jsonl(src, dst, workers=1)
    rows = [json.loads(line) for line in dst.getvalue().splitlines()]
    assert [r["id"] for r in rows] == ["a", None, "c"]
    assert counts == {"block": 1, "review": 0, "pass": 1, "error": 1}


def test_jsonl_stream_answers_blank_lines_in_place_across_batches_and_workers():
    lines = [json.dumps({"id": str(i), "text": "无个人信息"}) if i % 4 else "\n" for i in range(12)]
    out = list(screen_stream(lines, workers=2, batch_lines=3))
    assert len(out) == 12
    for i, record in enumerate(out):
        if i % 4:
            assert record["id"] == str(i) and record["verdict"] == "pass"
        else:
            assert record == {"id": None, "error": f"第{i + 1}行：空行"}
