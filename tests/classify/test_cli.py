"""zwgk parse / zwgk classify from the command line (in process)."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.cli import main

ROOT = Path(__file__).resolve().parents[1] / "fixtures"


def test_parse_json(capsys):
    path = ROOT / "parse" / "yinfa_notice.txt"
    assert main(["parse", str(path), "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    text = path.read_text(encoding="utf-8")
    title = record["title"]
    assert text[title["start"] : title["end"]] == title["text"]
    assert record["doc_number"]["normalized"] == "皖江政办发〔2024〕7号"
    assert record["path"] == str(path)


def test_parse_console_summary(capsys):
    assert main(["parse", str(ROOT / "parse" / "regulation.txt")]) == 0
    out = capsys.readouterr().out
    assert "标题：皖江市城市绿化管理办法" in out and "第一条" in out


def test_parse_missing_file(capsys):
    assert main(["parse", "/nonexistent/x.txt"]) == 3
    assert "文件不存在" in capsys.readouterr().err


def test_classify_console_and_json(capsys):
    path = str(ROOT / "classify" / "inquiry_record.txt")
    assert main(["classify", path, "--no-screen"]) == 0
    out = capsys.readouterr().out
    assert "公开属性：不予公开（行政执法案卷）" in out and "第十六条第二款" in out
    assert main(["classify", path, "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["id"] == path and record["attribute"] == "不予公开"


def test_classify_jsonl_batch_with_a_bad_line(tmp_path, read, capsys):
    src = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a", "text": read("duty_notice.txt")}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "c", "text": read("roster_marked_public.txt")}, ensure_ascii=False),
        json.dumps({"id": "d"}),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["classify", "--jsonl", str(src), "--out", str(out)]) == 0
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r.get("id") for r in records] == ["a", None, "c", "d"]
    assert records[0]["reason_code"] == "内部事务"
    assert "error" in records[1] and records[1]["error"].startswith("第2行")
    assert records[2]["attribute"] == "部分公开"
    assert "error" in records[3]
    assert "已判定 2 篇" in capsys.readouterr().err


def test_classify_needs_input(capsys):
    assert main(["classify"]) == 3
    assert "请给出" in capsys.readouterr().err


def test_parse_from_standard_input(monkeypatch, capsys):
    import io
    import sys

    text = "关于做好防汛工作的通知\n各乡镇：\n一、压实责任\n（此件公开发布）\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    assert main(["parse", "-", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["title"]["value"] == "关于做好防汛工作的通知"
    assert record["markers"][0]["attribute"] == "主动公开"


def test_classify_an_html_page(tmp_path, capsys):
    page = tmp_path / "duty.html"
    page.write_text(
        "<html><body><div>当前位置：首页 &gt;&gt; 通知公告</div>"
        "<h1>关于2024年春节期间值班安排的通知</h1><p>局机关各科室：</p>"
        "<p>现将春节期间值班安排通知如下。</p></body></html>",
        encoding="utf-8",
    )
    assert main(["classify", str(page), "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["attribute"], record["reason_code"]) == ("不予公开", "内部事务")
