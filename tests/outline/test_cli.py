"""``zwgk outline``: Markdown, JSON and Word output, --previous, HTML input, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.outline.conftest import FIXTURES


def test_markdown_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", str(FIXTURES / "subsidy_2024.txt")]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("# 政策解读提纲（草稿）：")
    for heading in (
        "## 一、文件信息",
        "## 三、政策依据",
        "## 六、主要内容与重点举措",
        "## 十三、办事指引",
        "## 核查报告",
    ):
        assert heading in out
    assert "〔原文第" in out and "【需编辑补充】" in out
    assert "核查：" in err


def test_json_with_previous(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "outline",
            str(FIXTURES / "subsidy_2024.txt"),
            "--previous",
            str(FIXTURES / "subsidy_2021.txt"),
            "--format",
            "json",
        ]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    ids = [s["id"] for s in data["sections"]]
    assert ids == [
        "meta",
        "background",
        "basis",
        "goals",
        "scope",
        "measures",
        "standards",
        "benefits",
        "diff",
        "terms",
        "timeline",
        "safeguards",
        "guide",
    ]
    diff = data["sections"][ids.index("diff")]["points"]
    assert any(e.get("doc") == "previous" for p in diff for e in p["evidence"])
    assert data["guard"]["passed"] is True


def test_docx_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from docx import Document

    out = tmp_path / "outline.docx"
    assert (
        main(["outline", str(FIXTURES / "task_plan.txt"), "--format", "docx", "-o", str(out)]) == 0
    )
    doc = Document(str(out))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "一、文件信息" in headings and "六、主要内容与重点举措" in headings
    assert "核查报告" in headings
    texts = [p.text for p in doc.paragraphs]
    row = next(t for t in texts if t.startswith("任务：完成项目招标"))
    assert "〔原文第" in row and "区公共资源交易中心" in row


def test_html_input_and_output_file(tmp_path: Path) -> None:
    text = (FIXTURES / "open_gov_traditional.txt").read_text(encoding="utf-8")
    body = "".join(f"<p>{line}</p>\n" for line in text.splitlines() if line.strip())
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>", encoding="utf-8"
    )
    out = tmp_path / "o.md"
    assert main(["outline", str(page), "-o", str(out)]) == 0
    md = out.read_text(encoding="utf-8")
    assert "國辦發〔2024〕17號" in md and "不低於5%" in md


def test_missing_file_is_an_input_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", "/nonexistent/policy.txt"]) == 3
    assert "zwgk:" in capsys.readouterr().err


def test_polish_without_settings_warns(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ZWGK_LLM", raising=False)
    assert main(["outline", str(FIXTURES / "task_plan.txt"), "--polish"]) == 0
    assert "未配置语言模型" in capsys.readouterr().err
