"""Rendering an outline: Markdown and Word (python-docx), a source citation per point."""

from __future__ import annotations

from pathlib import Path

from pipeline.normalise import normalise
from pipeline.normalise.text_normaliser import LOST
from pipeline.outline.model import UNVERIFIED, Evidence, Outline, OutlineSection, Point

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
            q = "".join(clean_quote(text[e.start : e.end]).split())
            quote = f"：“{q[:limit]}{'…' if len(q) > limit else ''}”"
        parts.append(f"{where}第{e.start}–{e.end}字{quote}")
    return "〔" + "；".join(parts) + "〕" if parts else "〔无出处〕"


def clean_quote(piece: str) -> str:
    """``piece`` without the noise the normaliser deletes (pinyin after characters, zero-width
    characters), a character lost before its pinyin as □; original script and offsets kept."""
    norm = normalise(piece)
    if norm.offsets.is_identity:
        return piece
    to_orig = norm.offsets.to_original
    return "".join(LOST if ch == LOST else piece[to_orig(i)] for i, ch in enumerate(norm.text))


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


def flagged(outline: Outline) -> list[tuple[OutlineSection, int, Point]]:
    """The points marked 【待核实】, as rendered: failed the guard or marked when drafted."""
    return [
        (section, i, p)
        for section in outline.sections
        for i, p in enumerate(section.points)
        if UNVERIFIED in p.text
    ]


def _guard_lines(outline: Outline) -> list[str]:
    g = outline.guard
    marked = flagged(outline)
    out = [
        "## 核查报告",
        "",
        f"- 核查要点 {g.points} 条、数字/日期/文号/文件名称 {g.items} 项，"
        f"未通过 {len(g.issues)} 项；{len(marked)} 条要点标为待核实。",
    ]
    if g.unsupported_sections:
        names = "、".join(s.heading for s in outline.sections if s.id in g.unsupported_sections)
        out.append(f"- 原文无依据、需编辑补充的部分：{names}")
    for section, i, p in marked:
        messages = [x.message for x in g.issues if x.section == section.id and x.point == i]
        why = "；".join(messages) or p.note or "请核对原文"
        out.append(f"- 待核实：{section.heading} 第{i + 1}条：{why}")
    if g.polish.get("used"):
        pol = g.polish
        out.append(
            f"- 语言模型润色（{pol.get('model', '')}）：采用 {pol.get('accepted', 0)} 条，"
            f"因核查未通过而弃用 {pol.get('rejected', 0)} 条，调用出错 {pol.get('errors', 0)} 次。"
        )
    for w in outline.warnings:
        out.append(f"- 解析提示：{w}")
    return out


def render_docx(
    outline: Outline, path: str | Path, text: str | None = None, fonts: str = "gb"
) -> Path:
    """Write the outline as a Word document in 公文 format (GB/T 9704-2012, ``gongwen``).

    ``fonts``: ``gb`` (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312) or ``windows`` (宋体 bold,
    仿宋, 黑体, 楷体: what every Windows has). A citation follows each point in 小四 grey.
    """
    from docx import Document
    from docx.shared import RGBColor

    from pipeline.outline import gongwen as gw

    f = gw.FONT_SETS[fonts]
    document = Document()
    gw.apply_layout(document, f)
    document.core_properties.title = outline.title or ""
    title = document.add_paragraph(style="Title")
    words = f"政策解读提纲（草稿）：{outline.title or '（无标题）'}"
    gw.add_run(title, words, f.title, gw.TITLE_PT, bold=f.title_bold)
    note = document.add_paragraph()
    gw.indent_chars(note, 0)
    gw.add_run(note, NOTE, f.heading2)
    grey = RGBColor(0x59, 0x59, 0x59)
    red = RGBColor(0xC0, 0x00, 0x00)

    def heading(words: str, level: int) -> None:
        para = document.add_paragraph(style=f"Heading {level}")
        gw.add_run(para, words, f.heading1 if level == 1 else f.heading2)

    for n, section in enumerate(outline.sections, 1):
        heading(f"{_cn(n)}、{section.heading}", 1)
        group = ""
        for p in section.points:
            if p.group and p.group != group:
                group = p.group
                heading(group, 2)
            para = document.add_paragraph()
            gw.indent_chars(para, 2 * (max(1, p.level) - 1))
            gw.add_run(para, p.text, f.body, color=red if p.status != "auto" else None)
            if p.evidence:
                gw.add_run(para, _cite_point(p, text), f.body, gw.NOTE_PT, grey)
            if p.note and p.note not in p.text:
                gw.add_run(para, f"（编辑提示：{p.note}）", f.body, gw.NOTE_PT, red)
    heading("核查报告", 1)
    for line in _guard_lines(outline)[2:]:
        para = document.add_paragraph()
        gw.indent_chars(para, 0)
        gw.add_run(para, line[2:], f.body)
    out = Path(path)
    document.save(str(out))
    return out
