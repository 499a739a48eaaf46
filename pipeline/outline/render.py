"""Rendering an outline: Markdown and Word (python-docx), a source citation per point."""

from __future__ import annotations

from pathlib import Path

from pipeline.outline.model import Evidence, Outline, Point

_NUMS = "一二三四五六七八九十"
NOTE = (
    "说明：本提纲由原文抽取生成，每条要点注明原文位置（字符序号）；"
    "【待核实】表示要点中的数字、日期、文号或文件名称未能在引用的原文中核对一致，"
    "【需编辑补充】表示原文未提供该部分内容，须由编辑撰写。解读应在此基础上阐释，不得简单摘抄、压缩原文。"
)


def _cn(n: int) -> str:
    if n <= 10:
        return _NUMS[n - 1]
    return "十" + _NUMS[n - 11] if n < 20 else str(n)


def cite(evidence: list[Evidence], text: str | None = None, limit: int = 30) -> str:
    """``〔原文 12–40：“…”〕`` for each span (旧版 for the previous version)."""
    parts = []
    for e in evidence:
        where = "旧版" if e.doc == "previous" else "原文"
        quote = ""
        if text is not None and e.doc != "previous":
            q = "".join(text[e.start : e.end].split())
            quote = f"：“{q[:limit]}{'…' if len(q) > limit else ''}”"
        parts.append(f"{where}第{e.start}–{e.end}字{quote}")
    return "〔" + "；".join(parts) + "〕" if parts else "〔无出处〕"


def render_markdown(outline: Outline, text: str | None = None) -> str:
    """The outline as Markdown; with ``text`` each citation quotes the start of its span."""
    out = [f"# 政策解读提纲（草稿）：{outline.title or '（无标题）'}", "", f"> {NOTE}", ""]
    for n, section in enumerate(outline.sections, 1):
        out += [f"## {_cn(n)}、{section.heading}", ""]
        group = ""
        for p in section.points:
            if p.group and p.group != group:
                group = p.group
                out += ["", f"**{group}**", ""]
            indent = "  " * (max(1, p.level) - 1)
            out.append(f"{indent}- {p.text} {_cite_point(p, text)}")
            if p.note and p.note not in p.text:
                out.append(f"{indent}  - 编辑提示：{p.note}")
        out.append("")
    out += _guard_lines(outline)
    return "\n".join(out).rstrip() + "\n"


def _cite_point(p: Point, text: str | None) -> str:
    if not p.evidence:
        return ""
    # quote the source only when the point's words are not the source's own
    return cite(p.evidence, text if p.extractive else None)


def _guard_lines(outline: Outline) -> list[str]:
    g = outline.guard
    out = [
        "## 核查报告",
        "",
        f"- 核查要点 {g.points} 条、数字/日期/文号/文件名称 {g.items} 项，"
        f"未通过 {len(g.issues)} 项。",
    ]
    if g.unsupported_sections:
        names = "、".join(s.heading for s in outline.sections if s.id in g.unsupported_sections)
        out.append(f"- 原文无依据、需编辑补充的部分：{names}")
    for issue in g.issues:
        out.append(f"- 【待核实】{issue.section} 第{issue.point + 1}条：{issue.message}")
    if g.polish.get("used"):
        p = g.polish
        out.append(
            f"- 语言模型润色（{p.get('model', '')}）：采用 {p.get('accepted', 0)} 条，"
            f"因核查未通过而弃用 {p.get('rejected', 0)} 条，调用出错 {p.get('errors', 0)} 次。"
        )
    for w in outline.warnings:
        out.append(f"- 解析提示：{w}")
    return out


def render_docx(outline: Outline, path: str | Path, text: str | None = None) -> Path:
    """Write the outline as a Word document: headings, one paragraph and citation per point."""
    from docx import Document
    from docx.shared import Pt, RGBColor

    document = Document()
    document.add_heading(f"政策解读提纲（草稿）：{outline.title or '（无标题）'}", level=0)
    document.add_paragraph(NOTE)
    grey = RGBColor(0x70, 0x70, 0x70)
    red = RGBColor(0xC0, 0x00, 0x00)
    for n, section in enumerate(outline.sections, 1):
        document.add_heading(f"{_cn(n)}、{section.heading}", level=1)
        group = ""
        for p in section.points:
            if p.group and p.group != group:
                group = p.group
                document.add_heading(group, level=2)
            style = "List Bullet" if p.level <= 1 else "List Bullet 2"
            para = document.add_paragraph(style=style)
            run = para.add_run(p.text)
            if p.status != "auto":
                run.font.color.rgb = red
            if p.evidence:
                c = para.add_run(" " + _cite_point(p, text))
                c.font.size = Pt(8)
                c.font.color.rgb = grey
            if p.note and p.note not in p.text:
                note = para.add_run(f"（编辑提示：{p.note}）")
                note.font.size = Pt(8)
                note.font.color.rgb = red
    document.add_heading("核查报告", level=1)
    for line in _guard_lines(outline)[2:]:
        document.add_paragraph(line[2:], style="List Bullet")
    out = Path(path)
    document.save(str(out))
    return out
