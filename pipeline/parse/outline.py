"""A plain-text summary of a parsed document for the console (``zwgk parse``)."""

from __future__ import annotations

from pipeline.parse.model import ParsedDocument


def summary_lines(doc: ParsedDocument) -> list[str]:
    """Chinese, one element per line, with original offsets in brackets."""
    out: list[str] = []

    def add(label: str, value: str, start: int | None = None, end: int | None = None) -> None:
        where = f"  [{start}-{end}]" if start is not None else ""
        out.append(f"{label}：{value}{where}")

    if doc.title:
        add("标题", doc.title.value, doc.title.start, doc.title.end)
        if doc.title.inner:
            add(f"  {doc.title.wrapper}文件", doc.title.inner.value, doc.title.inner.start,
                doc.title.inner.end)  # fmt: skip
    if doc.doc_number:
        add("发文字号", doc.doc_number.normalized, doc.doc_number.start, doc.doc_number.end)
    for issuer in doc.issuers:
        add("发文机关", issuer.value, issuer.start, issuer.end)
    if doc.date:
        add("成文日期", doc.date.iso, doc.date.start, doc.date.end)
    if doc.addressees:
        add("主送机关", "、".join(a.value for a in doc.addressees))
    for m in doc.markers:
        add("公开标注", f"{m.value}（{m.attribute}，{m.source}）", m.start, m.end)
    for f in doc.metadata:
        add(f"元数据·{f.key}", f.value.value if f.value else "（空）")
    for s in doc.sections:
        add("部分", f"{s.label}" + (f"《{s.title.value}》" if s.title else ""), s.start, s.end)
    for h in doc.headings:
        indent = "  " * _depth(doc, h.index)
        title = h.title.value if h.title else ""
        out.append(f"{indent}{h.marker} {title}  [{h.start}-{h.end}]")
    for note in doc.attachment_notes:
        add("附件说明", note.value, note.start, note.end)
    for t in doc.tables:
        cols = " | ".join(c.value for c in t.columns)
        add(
            "表格", f"{t.title.value if t.title else ''}（{len(t.rows)}行）：{cols}", t.start, t.end
        )
    for c in doc.citations:
        number = f"（{c.doc_number.normalized}）" if c.doc_number else ""
        add("引用", f"《{c.value}》{number}", c.start, c.end)
    if doc.cc:
        add("抄送", "、".join(c.value for c in doc.cc))
    if doc.printed_by:
        add("印发", doc.printed_by.value + (f" {doc.printed_date.iso}" if doc.printed_date else ""))
    for w in doc.warnings:
        add("提示", w)
    return out


def _depth(doc: ParsedDocument, index: int) -> int:
    depth = 0
    parent = doc.headings[index].parent
    while parent is not None:
        depth += 1
        parent = doc.headings[parent].parent
    return depth
