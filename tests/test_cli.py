"""The zwgk command line: exit codes, tables, JSON, batches, errors without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main

REPLY = "申请人张晓明:\n您的申请已收悉。申请人身份证号341502198503121230,联系电话13805641234。\n"
PLAN = "2023年政务公开工作方案\n各有关单位:请认真贯彻落实。如有疑问请拨打12345。\n"
LEADER = "局长李明华出席会议并讲话。\n"


@pytest.fixture
def docs(tmp_path: Path) -> dict[str, Path]:
    paths = {}
    for name, text in {"reply.txt": REPLY, "plan.txt": PLAN}.items():
        paths[name] = tmp_path / name
        paths[name].write_text(text, encoding="utf-8")
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(REPLY.encode("gb18030"))
    paths["gbk.txt"] = gbk
    return paths


def test_exit_codes_follow_the_verdict(docs, capsys):
    assert main(["screen", str(docs["plan.txt"])]) == 0
    assert main(["screen", str(docs["reply.txt"])]) == 2
    out = capsys.readouterr().out
    assert "结论:通过" in out and "结论:拦截" in out
    assert "身份证号" in out and "遮蔽" in out and "PI-ID-CARD" in out


def test_input_error_names_the_file_and_others_still_run(docs, capsys, tmp_path):
    missing = tmp_path / "missing.txt"
    code = main(["screen", str(missing), str(docs["plan.txt"])])
    captured = capsys.readouterr()
    assert code == 3
    assert "missing.txt" in captured.err
    assert "Traceback" not in captured.err
    assert "结论:通过" in captured.out


def test_json_output_is_the_contract_with_path(docs, capsys):
    assert main(["screen", "--json", str(docs["gbk.txt"])]) == 2
    record = json.loads(capsys.readouterr().out)
    assert record["path"] == str(docs["gbk.txt"]) and record["verdict"] == "block"
    assert {f["entity"] for f in record["findings"]} >= {"ID_CARD", "MOBILE"}


def test_redact_writes_masked_text(docs, tmp_path, capsys):
    out = tmp_path / "out.txt"
    assert main(["redact", str(docs["reply.txt"]), "-o", str(out)]) == 0
    redacted = out.read_text(encoding="utf-8")
    assert "341502198503121230" not in redacted and "3415**********1230" in redacted
    assert "138****1234" in redacted


def test_jsonl_batch_to_file(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "1", "text": REPLY}, ensure_ascii=False) + "\nbroken\n", encoding="utf-8"
    )
    dst = tmp_path / "out.jsonl"
    assert main(["screen", "--jsonl", str(src), "--out", str(dst), "--workers", "1"]) == 3
    rows = [json.loads(x) for x in dst.read_text(encoding="utf-8").splitlines()]
    assert rows[0]["verdict"] == "block" and "error" in rows[1]
    assert "错误行 1" in capsys.readouterr().err


def test_jsonl_blank_lines_get_an_error_line_so_output_lines_match_input_lines(tmp_path, capsys):
    lines = [
        json.dumps({"id": "a", "text": REPLY}, ensure_ascii=False),
        "",
        json.dumps({"id": "b", "text": PLAN}, ensure_ascii=False),
        "   \t",
        json.dumps({"id": "c", "text": LEADER}, ensure_ascii=False),
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dst = tmp_path / "out.jsonl"
    assert main(["screen", "--jsonl", str(src), "--out", str(dst), "--workers", "1"]) == 3
    rows = [json.loads(x) for x in dst.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(lines)
    assert [r["id"] for r in rows] == ["a", None, "b", None, "c"]
    assert rows[1] == {"id": None, "error": "第2行：空行"}
    assert rows[3] == {"id": None, "error": "第4行：空行"}
    assert rows[0]["verdict"] == "block" and rows[2]["verdict"] == "pass"
    assert "错误行 2" in capsys.readouterr().err


DISCLOSURE = (
    "政府信息公开申请答复书\n申请人张晓明：\n"
    "本机关于2024年3月1日收到您提交的政府信息公开申请，现答复如下。\n"
)


def test_table_names_the_document_type_in_chinese_and_json_keeps_the_id(tmp_path, capsys):
    path = tmp_path / "reply.txt"
    path.write_text(DISCLOSURE, encoding="utf-8")
    main(["screen", str(path)])
    title = capsys.readouterr().out.splitlines()[0]
    assert "文种:依申请公开答复" in title and "disclosure_reply" not in title
    main(["screen", "--json", str(path)])
    assert json.loads(capsys.readouterr().out)["doc_type"] == "disclosure_reply"


def test_document_type_names_come_from_the_rule_pack(tmp_path, monkeypatch, capsys):
    import shutil

    rules = tmp_path / "rules"
    shutil.copytree(Path(__file__).resolve().parents[1] / "rules", rules)
    yaml = rules / "doc_types.yaml"
    yaml.write_text(
        yaml.read_text("utf-8").replace("name: 依申请公开答复", "name: 政府信息公开申请答复书"),
        "utf-8",
    )
    monkeypatch.setenv("ZWGK_RULES_DIR", str(rules))
    path = tmp_path / "reply.txt"
    path.write_text(DISCLOSURE, encoding="utf-8")
    main(["screen", str(path)])
    assert "文种:政府信息公开申请答复书" in capsys.readouterr().out.splitlines()[0]


def test_rules_lists_every_rule(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "PI-ID-CARD" in out and "PI-DEFAULT" in out


def test_console_script_reads_stdin_and_writes_stdout():
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "redact", "-", "-o", "-"],
        input=LEADER + REPLY,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "李明华" in proc.stdout  # an official in post stays
    assert "张*" in proc.stdout and "张晓明" not in proc.stdout


def test_broken_inputs_get_one_chinese_message_each(tmp_path, capsys):
    bad_pdf = tmp_path / "bad.pdf"
    bad_pdf.write_bytes(b"%PDF-1.4 garbage")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    code = main(["screen", str(bad_pdf), str(binary)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 3
    assert len(err) == 2, err  # nothing else leaks to stderr (e.g. pypdf's own log lines)
    assert "bad.pdf" in err[0] and "PDF" in err[0]
    assert "bin.txt" in err[1]
