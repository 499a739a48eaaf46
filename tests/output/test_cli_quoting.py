"""Every command that quotes document text quotes it as the screen redacts it; with
``--show-original`` (a reviewer's option) the original is shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.output.conftest import DOCUMENTS, SECRETS, assert_hidden, digits


def _write(tmp_path: Path, name: str) -> str:
    path = tmp_path / f"{name}.txt"
    path.write_text(DOCUMENTS[name], encoding="utf-8")
    return str(path)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 0
    out, err = capsys.readouterr()
    return out + err


COMMANDS = {
    "outline-md": ["outline"],
    "outline-json": ["outline", "--format", "json"],
    "parse": ["parse"],
    "parse-json": ["parse", "--json"],
    "classify": ["classify"],
    "classify-json": ["classify", "--json"],
    "classify-no-screen": ["classify", "--no-screen"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_commands_quote_the_redacted_text(command, doc_name, tmp_path, capsys):
    path = _write(tmp_path, doc_name)
    out = _run([*COMMANDS[command], path], capsys)
    assert_hidden(out, doc_name)


REVEALING = [("outline-md", "notice"), ("outline-json", "notice"), ("parse", "bulletin")] + [
    (command, name)
    for command in ("parse-json", "classify")
    for name in DOCUMENTS
    if (command, name) != ("classify", "bulletin")  # 不予公开: no 须遮蔽 evidence to quote
]


@pytest.mark.parametrize(("command", "doc_name"), REVEALING)
def test_show_original_quotes_the_values(command, doc_name, tmp_path, capsys):
    """The same outputs do quote the ID number when asked: the default test is not empty."""
    path = _write(tmp_path, doc_name)
    out = _run([*COMMANDS[command], "--show-original", path], capsys)
    assert SECRETS[doc_name][0] in digits(out)
    assert "--show-original" in out  # the stderr warning


def test_outline_docx_and_previous_version_are_redacted(tmp_path, capsys):
    from docx import Document

    old = DOCUMENTS["notice"].replace("600元", "500元").replace("7天", "5天")
    prev = tmp_path / "old.txt"
    prev.write_text(old, encoding="utf-8")
    path = _write(tmp_path, "notice")
    out = tmp_path / "draft.docx"
    assert main(["outline", path, "--previous", str(prev), "--format", "docx", "-o", str(out)]) == 0
    capsys.readouterr()
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "原文" in text and "500元" in text  # the diff quoted both versions
    assert_hidden(text, "notice")
    assert main(["outline", path, "--previous", str(prev), "--format", "json"]) == 0
    assert_hidden(capsys.readouterr().out, "notice")


def test_classify_jsonl_is_redacted(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(json.dumps({"id": n, "text": t}, ensure_ascii=False) + "\n"
                for n, t in DOCUMENTS.items()),
        encoding="utf-8",
    )  # fmt: skip
    out_path = tmp_path / "out.jsonl"
    assert main(["classify", "--jsonl", str(src), "--out", str(out_path)]) == 0
    capsys.readouterr()
    lines = out_path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(DOCUMENTS)
    for line in lines:
        record = json.loads(line)
        assert record["evidence"], record
        assert_hidden(line, record["id"])


def test_parse_spans_keep_their_offsets(tmp_path, capsys):
    """Parsed from the masked copy: the offsets still index the original document."""
    path = _write(tmp_path, "penalty")
    record = json.loads(_run(["parse", "--json", path], capsys).splitlines()[0])
    original = DOCUMENTS["penalty"]
    assert record["length"] == len(original)
    number = record["doc_number"]
    assert original[number["start"] : number["end"]] == number["text"]
    title = record["title"]
    assert original[title["start"] : title["end"]] == title["text"]


def test_classifier_evidence_on_a_finding_is_requoted():
    """A cue that is document text over a masked finding (the title as the model's cue, a
    rule's cue word inside a name) is replaced by its masked quotation; labels stay."""
    from pipeline.classify.quoting import quote_classification
    from pipeline.classify.result import Classification, Evidence
    from pipeline.output.quote import Quoter
    from pipeline.screen import screen_text
    from tests.output.conftest import BULLETIN, ID_D

    screening = screen_text(BULLETIN)
    title_end = BULLETIN.index("\n")
    at = BULLETIN.index(ID_D)
    result = Classification(
        "不予公开", None, f"标题“{BULLETIN[:title_end]}”", "", 0.5,
        evidence=[Evidence(0, title_end, BULLETIN[:title_end]),
                  Evidence(at + 3, at + 9, ID_D[3:9]),
                  Evidence(at, at + 18, "须遮蔽：身份证号"),
                  Evidence(title_end + 1, title_end + 7, "各乡镇民政所")],
        notes=[f"人工核对 {ID_D}"],
    )  # fmt: skip
    quote_classification(result, Quoter.screen(BULLETIN, result=screening))
    shown = json.dumps(result.to_dict(), ensure_ascii=False)
    assert ID_D not in shown and ID_D[3:9] not in shown
    assert result.evidence[0].cue.startswith("关于") and "冒领低保金" in result.evidence[0].cue
    assert result.evidence[2].cue == "须遮蔽：身份证号"
    assert result.evidence[3].cue == "各乡镇民政所"
