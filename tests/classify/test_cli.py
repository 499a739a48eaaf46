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
    assert records[2]["attribute"] == "主动公开" and records[2]["to_mask"] >= 1
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


def test_classify_quotes_evidence_sentences_masked(capsys):
    path = str(ROOT / "classify" / "roster_marked_public.txt")
    assert main(["classify", path, "--json"]) == 0
    out = capsys.readouterr().out
    record = json.loads(out)
    assert record["attribute"] == "主动公开" and record["to_mask"] >= 1
    assert "341502198503121230" not in out  # neither in a cue nor in a quoted sentence
    assert any(ev["sentence"] for ev in record["evidence"])


def _labelled(tmp_path: Path) -> Path:
    public = "关于做好春耕生产工作的通知\n各乡镇人民政府，县直有关单位：\n现就春耕生产通知如下。"
    internal = "内部事项\n关于做好迎峰度夏工作的通知\n各分部，公司各单位：\n现就有关事项通知如下。"
    rows = [
        {"id": "p1", "attribute": "主动公开", "text": public},
        {"id": "i1", "attribute": "不予公开", "reason_code": "内部事务", "text": internal},
        {"id": "i2", "attribute": "不予公开", "reason_code": "过程性信息",
         "text": "关于追加经费的请示\n县财政局：\n现申请追加经费30万元。\n妥否，请批示。"},
        {"id": "i3", "attribute": "不予公开", "reason_code": "国家秘密",  # deliberately wrong
         "text": "关于追加经费的请示\n县财政局：\n现申请追加经费10万元。\n妥否，请批示。"},
    ]  # fmt: skip
    path = tmp_path / "held.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def test_eval_classify_on_a_labelled_set(tmp_path, capsys):
    path = _labelled(tmp_path)
    assert main(["eval-classify", "--labelled", str(path), "--errors"]) == 0
    report = json.loads(capsys.readouterr().out)[str(path)]
    assert report["documents"] == 4 and report["accuracy"] == 1.0
    assert report["balanced_accuracy"] == 1.0
    assert report["reason_code_accuracy"] == round(2 / 3, 3)  # i3's code is wrong on purpose
    assert [e["id"] for e in report["errors"]] == ["i3"]


def test_eval_classify_on_a_real_directory(tmp_path, capsys):
    section = "人民政府_省政府办公厅文件/"
    farm = (
        "各市人民政府：\n为抓好春耕生产，现就农业生产、种植和农机作业通知如下。\n（此件公开发布）"
    )
    rows = [
        {"id": "h1", "title": "关于做好春耕生产工作的通知", "text": farm,
         "genre_hint": section + "农业、林业、水利"},
        {"id": "h2", "title": "关于同意某某公路设置收费站的复函", "genre_hint": section + "公路",
         "text": "省交通运输厅：\n同意设置收费站。"},
    ]  # fmt: skip
    (tmp_path / "hebei_agencies.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8"
    )
    law = "某某条例\n第一条 为了规范管理，制定本条例。\n第二条 本条例自公布之日起施行。"
    laws = [{"id": f"l{i}", "text": law} for i in range(3)]
    (tmp_path / "laws_regulations.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in laws), "utf-8"
    )
    assert main(["eval-classify", "--real", str(tmp_path)]) == 0
    report = json.loads(capsys.readouterr().out)["real"]
    assert report["markers"]["documents"] == 1
    assert report["markers"]["accuracy_marker_kept"] == 1.0
    assert report["laws_even"]["documents"] == 2  # only lines 0 and 2
    topics = report["topics_hebei"]["省政府办公厅主题分类"]
    assert topics["documents"] == 1  # 「公路」 is not one of the 22 categories: left out
    assert topics["accuracy"] == 1.0


def test_eval_classify_needs_an_input(capsys):
    assert main(["eval-classify"]) == 3
    assert "--real" in capsys.readouterr().err
