"""The 【待核实】 count of the stderr summary equals the markers the draft shows (issue 17)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.outline import draft_outline, render_markdown
from pipeline.outline.guard import apply_guard
from pipeline.outline.model import UNVERIFIED, Evidence
from pipeline.outline.render import flagged

# a 文号 without its serial number and a date without its day: the drafter marks both
_INFERRED = (
    "青禾县农业农村局\n\n关于做好2025年春季农机补贴申报工作的通知\n\n青农发〔2025\n\n"
    "各乡镇农业服务中心：\n\n　　为做好春季农机购置补贴申报工作，现将有关事项通知如下。\n\n"
    "　　一、申报时间\n\n　　申报时间为2025年3月1日至4月30日，逾期不予受理。\n\n"
    "　　二、补贴标准\n\n　　单机补贴额不超过5万元，补贴比例不超过30%。\n\n"
    "青禾县农业农村局\n2025年2月\n\n（此件公开发布）\n"
)


def _body(markdown: str) -> str:
    """The points of the draft: without the NOTE (which explains the marks) and without the
    核查报告 (which names each marked point once more)."""
    draft = markdown.split("## 核查报告", 1)[0]
    return "\n".join(line for line in draft.splitlines() if not line.startswith(">"))


def _summary_count(stderr: str) -> int:
    m = re.search(r"(\d+) 项待核实", stderr)
    assert m is not None, stderr
    return int(m.group(1))


def test_stderr_counts_the_markers_of_the_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(_INFERRED, encoding="utf-8")
    assert main(["outline", str(path)]) == 0
    out, err = capsys.readouterr()
    shown = _body(out).count(UNVERIFIED)
    assert shown >= 1  # the incomplete 文号 at least
    assert _summary_count(err) == shown
    # the report lists every marked point, with the reason
    report = out.split("## 核查报告", 1)[1]
    assert report.count("- 待核实：") == shown
    assert "原文文号不完整" in report


def test_a_point_failing_twice_is_one_marker() -> None:
    text = _INFERRED.replace("青农发〔2025\n", "青农发〔2025〕7号\n").replace(
        "2025年2月\n", "2025年2月20日\n"
    )
    outline = draft_outline(text)
    standards = outline.section("standards").points
    target = next(p for p in standards if "5万元" in p.text)
    # an editor's (or a model's) rewording with two wrong figures
    target.text = target.text.replace("5万元", "8万元").replace("30%", "35%")
    apply_guard(outline, lambda e: text[e.start : e.end] if isinstance(e, Evidence) else "")
    assert len(outline.guard.issues) >= 2
    markdown = render_markdown(outline, text)
    assert _body(markdown).count(UNVERIFIED) == len(flagged(outline))
    assert any(p is target for _, _, p in flagged(outline))
    assert target.text.count(UNVERIFIED) == 1
