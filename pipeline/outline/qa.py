"""The 简明问答 (一问一答) form of a policy interpretation: the questions a citizen or a business
asks, each answered only from cited text of the policy, every answer through the outline's
faithfulness guard (``apply_guard``).

The answers are the outline's own extractive points (the same evidence offsets), picked by
what each question asks. The five questions everybody asks (谁可以申请？ 补贴标准是多少？ 怎么申请？
什么时候开始执行？ 找谁咨询？) stay with 【需编辑补充】 when the policy does not answer them; the
others (主要任务、有效期、目标、保障措施、新旧变化) appear only when the policy says something.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.outline.draft import draft_outline
from pipeline.outline.guard import apply_guard
from pipeline.outline.model import MISSING, Evidence, Outline, OutlineSection, Point
from pipeline.outline.render import cite

NOTE = (
    "说明：本问答由原文抽取生成，每个回答注明原文位置（字符序号）并经数字、日期、文号、文件名称核对；"
    "【待核实】表示回答中的内容未能在引用的原文中核对一致，【需编辑补充】表示原文未提供答案，须由编辑撰写。"
)

Pick = Callable[[Outline], list[Point]]


def _points(outline: Outline, sid: str) -> list[Point]:
    return [p for p in outline.section(sid).points if p.evidence]


def _matching(sid: str, rx: str, limit: int = 4, exclude: str | None = None) -> Pick:
    def pick(outline: Outline) -> list[Point]:
        out = [
            p
            for p in _points(outline, sid)
            if re.search(rx, p.text) and not (exclude and re.search(exclude, p.text))
        ]
        return out[:limit]

    return pick


def _first(sid: str, limit: int, level: int | None = None) -> Pick:
    def pick(outline: Outline) -> list[Point]:
        out = [p for p in _points(outline, sid) if level is None or p.level == level]
        return out[:limit]

    return pick


def _standards(outline: Outline) -> list[Point]:
    money = r"[0-9.]+\s*(?:万元|元|亿元|%|倍)"
    out = [p for p in _points(outline, "benefits") if re.search(money, p.text)]
    out += [p for p in _points(outline, "standards") if re.search(money, p.text)]
    return _unique(out)[:4]


def _unique(points: list[Point]) -> list[Point]:
    seen: set[tuple[int, int]] = set()
    out = []
    for p in points:
        key = (p.evidence[0].start, p.evidence[0].end)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str
    pick: Pick
    always: bool  # asked even when the policy has no answer (【需编辑补充】)


QUESTIONS: tuple[Question, ...] = (
    Question("why", "为什么出台这项政策？", _first("background", 2), False),
    Question("who", "谁可以申请？", _first("scope", 3), True),
    Question("standard", "补贴标准是多少？", _standards, True),
    Question("tasks", "有哪些主要任务和举措？", _first("measures", 8, level=1), False),
    Question("goals", "要达到什么目标？", _first("goals", 3), False),
    Question(
        "how",
        "怎么申请？",
        _matching("guide", r"申报|申请|材料|程序|办理|受理|网上|提交", exclude=r"电话|热线|邮箱"),
        True,
    ),
    Question(
        "when",
        "什么时候开始执行？",
        _matching("timeline", r"施行|实施|执行|生效|试行|印发之日|发布之日"),
        True,
    ),
    Question("valid", "有效期多久？", _matching("timeline", r"有效期|试行期|执行至|期限"), False),
    Question("changes", "和以前的政策相比有什么变化？", _first("diff", 4), False),
    Question("safeguards", "怎样保障落实？", _first("safeguards", 4, level=1), False),
    Question(
        "contact", "找谁咨询？", _matching("guide", r"咨询|电话|热线|联系|邮箱|地址|网址"), True
    ),
)


def draft_qa(text: str, outline: Outline | None = None) -> Outline:
    """The Q&A of the (screened) policy ``text``: one section per question (``heading`` is the
    question), its points the cited answers, checked by the guard (``.guard``)."""
    base = outline if outline is not None else draft_outline(text)
    sections: list[OutlineSection] = []
    for q in QUESTIONS:
        answers = [_copy(p) for p in q.pick(base)]
        if not answers:
            if not q.always:
                continue
            why = "原文未见可回答此问题的内容，请编辑补充或删去此问"
            answers = [Point(f"{MISSING}{why}", status="needs_editor", note=why, label="待补充")]
        question = q.text
        if q.id == "who" and not re.search(r"申请|申报", text):
            question = "这项政策适用于哪些对象和范围？"
        sections.append(OutlineSection(q.id, question, answers))
    qa = Outline(base.title, sections, source_length=len(text))
    qa.warnings = list(base.warnings)

    def resolve(e: Evidence) -> str:
        return text[e.start : e.end] if e.doc == "current" else ""

    apply_guard(qa, resolve)
    return qa


def _copy(p: Point) -> Point:
    """The outline point as an answer, its marks removed (the guard judges it afresh)."""
    body = p.text.removeprefix("【待核实】")
    return Point(body, list(p.evidence), list(p.figures), "auto", p.label, 1, "", "", p.extractive)


def qa_to_dict(qa: Outline) -> dict[str, Any]:
    """JSON: ``{"title", "style": "qa", "items": [{"id", "question", "status", "answers"}],
    "guard", "warnings"}``; answers are points (text, evidence offsets, figures, status)."""
    return {
        "title": qa.title,
        "style": "qa",
        "source_length": qa.source_length,
        "items": [
            {
                "id": s.id,
                "question": s.heading,
                "status": s.status,
                "answers": [p.to_dict() for p in s.points],
            }
            for s in qa.sections
        ],
        "guard": qa.guard.to_dict(),
        "warnings": qa.warnings,
    }


def render_qa_markdown(qa: Outline) -> str:
    out = [f"# 政策简明问答（草稿）：{qa.title or '（无标题）'}", "", f"> {NOTE}", ""]
    for n, s in enumerate(qa.sections, 1):
        out += [f"**问{n}：{s.heading}**", ""]
        for p in s.points:
            where = f" {cite(p.evidence)}" if p.evidence else ""
            out.append(f"- 答：{p.text}{where}")
            if p.note and p.note not in p.text:
                out.append(f"  - 编辑提示：{p.note}")
        out.append("")
    g = qa.guard
    out += [
        "## 核查报告",
        "",
        f"- 核查回答 {g.points} 条、数字/日期/文号/文件名称 {g.items} 项，"
        f"未通过 {len(g.issues)} 项。",
    ]
    out += [f"- 【待核实】{i.section} 第{i.point + 1}条：{i.message}" for i in g.issues]
    return "\n".join(out).rstrip() + "\n"


def render_qa_docx(qa: Outline, path: str | Path, fonts: str = "gb") -> Path:
    """The Q&A as a Word document in the 公文 layout of ``gongwen`` (A4, GB/T 9704 fonts)."""
    from docx import Document
    from docx.shared import RGBColor

    from pipeline.outline import gongwen as gw

    f = gw.FONT_SETS[fonts]
    document = Document()
    gw.apply_layout(document, f)
    document.core_properties.title = qa.title or ""
    title = document.add_paragraph(style="Title")
    gw.add_run(title, f"政策简明问答（草稿）：{qa.title or '（无标题）'}", f.title, gw.TITLE_PT,
               bold=f.title_bold)  # fmt: skip
    note = document.add_paragraph()
    gw.indent_chars(note, 0)
    gw.add_run(note, NOTE, f.heading2)
    grey, red = RGBColor(0x59, 0x59, 0x59), RGBColor(0xC0, 0x00, 0x00)
    for n, s in enumerate(qa.sections, 1):
        para = document.add_paragraph(style="Heading 1")
        gw.add_run(para, f"问{n}：{s.heading}", f.heading1)
        for p in s.points:
            para = document.add_paragraph()
            gw.indent_chars(para, 0)
            gw.add_run(para, f"答：{p.text}", f.body, color=red if p.status != "auto" else None)
            if p.evidence:
                gw.add_run(para, cite(p.evidence), f.body, gw.NOTE_PT, grey)
            if p.note and p.note not in p.text:
                gw.add_run(para, f"（编辑提示：{p.note}）", f.body, gw.NOTE_PT, red)
    out = Path(path)
    document.save(str(out))
    return out


def write_qa(text: str, outline: Outline, fmt: str, output: str | None, path: str) -> int:
    """``zwgk outline --style qa``: the Q&A of ``outline`` in ``fmt`` (md/json/docx); exit code."""
    import json
    import sys

    from pipeline.cli.common import EXIT_INPUT_ERROR, err

    qa = draft_qa(text, outline)
    if fmt == "docx":
        out = output or str(Path(path).with_suffix("")) + ".简明问答.docx"
        if out == "-" or (path == "-" and not output):
            err("Word 格式需要用 -o 指定输出文件")
            return EXIT_INPUT_ERROR
        try:
            render_qa_docx(qa, out)
        except OSError as exc:
            err(f"{out}: 无法写入（{exc.strerror}）")
            return EXIT_INPUT_ERROR
        err(f"已写入 {out}")
    else:
        if fmt == "json":
            rendered = json.dumps(qa_to_dict(qa), ensure_ascii=False, indent=1) + "\n"
        else:
            rendered = render_qa_markdown(qa)
        if output and output != "-":
            try:
                Path(output).write_text(rendered, encoding="utf-8")
            except OSError as exc:
                err(f"{output}: 无法写入（{exc.strerror}）")
                return EXIT_INPUT_ERROR
        else:
            sys.stdout.write(rendered)
    flagged = sum(1 for s in qa.sections for p in s.points if p.text.startswith("【待核实】"))
    missing = sum(1 for s in qa.sections for p in s.points if not p.evidence)
    err(f"核查：{qa.guard.points} 条回答，{flagged} 条待核实，{missing} 个问题需编辑补充")
    return 0
