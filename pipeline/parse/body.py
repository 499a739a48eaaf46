"""The body: sections (正文, the document a 印发 notice issues, attachments), 附件 notes and
the heading tree (第X章 → 第X条, 一、 → (一) → 1. → (1); levels may be skipped)."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from pipeline.parse.model import Heading, Section, Span
from pipeline.parse.numerals import cn_to_int
from pipeline.parse.patterns import (
    ATTACHMENT_HEAD_RE,
    ATTACHMENT_NOTE_RE,
    CIRCLED,
    HEADING_KIND,
    HEADING_LEVEL,
    HEADING_RE,
    MARK_NUMBER,
)
from pipeline.parse.text import DocView, Line

_INLINE_HEAD_RE = re.compile(
    r"^附\s*件\s*(?P<n>[0-9一二三四五六七八九十]{1,3})\s*:\s*(?P<title>\S.{1,80})$"
)
_NOTE_HEAD_RE = re.compile(r"^附\s*件\s*:$")
_NOTE_ITEM_RE = re.compile(r"^(?P<n>[0-9]{1,2})[.、]\s*(?P<body>\S.{0,80})$")
_CIRCLED_RE = re.compile(rf"^(?P<l5>[{CIRCLED}])")
_TITLE_END = re.compile(r"[。;!?]")
_NESTED = re.compile(r"\s*\([一二三四五六七八九十]{1,3}\)")


def _compact(text: str) -> str:
    return re.sub(r"[\s《》〈〉]", "", text)


def _same_document(title: str, wanted: str) -> bool:
    """The attachment's title names the issued document (安徽省财政厅… for 省财政厅…)."""
    if title == wanted:
        return True
    if min(len(title), len(wanted)) < 8:
        return False
    return SequenceMatcher(None, title, wanted, autojunk=False).ratio() >= 0.85


def find_attachment_notes(
    view: DocView, skip: set[int], start: int, end: int
) -> tuple[list[Span], set[int]]:
    """附件:1.…  2.… in the main text: the items and their line indices."""
    notes: list[Span] = []
    lines: set[int] = set()
    for line in view.lines[start:end]:
        if line.blank or line.index in skip:
            continue
        m = ATTACHMENT_NOTE_RE.match(line.text)
        nxt = view.next_content(line.index, 2)
        if m is None:
            # 「附件：」 alone, the items numbered on the following lines
            listed = nxt is not None and _NOTE_ITEM_RE.match(nxt.text) and "。" not in nxt.text
            if not (_NOTE_HEAD_RE.match(line.text) and listed):
                continue
            lines.add(line.index)
        else:
            lines.add(line.index)
            b0 = m.start("body")
            item = _NOTE_ITEM_RE.match(m.group("body"))
            if item:
                b0 += item.start("body")
            notes.append(view.piece(line.start + b0, line.end))
        while nxt is not None and (im := _NOTE_ITEM_RE.match(nxt.text)) and "。" not in nxt.text:
            lines.add(nxt.index)
            notes.append(view.piece(nxt.start + im.start("body"), nxt.end))
            nxt = view.next_content(nxt.index, 2)
    return notes, lines


def find_sections(
    view: DocView, skip: set[int], inner_norm: str | None, body_from: int, sig_line: int | None
) -> tuple[list[Section], list[tuple[int, int]]]:
    """Sections and the line range of each; the first section is the main text."""
    starts: list[tuple[int, str, str, Line | None]] = []  # (line, kind, label, title line)
    count = 0
    for line in view.lines[body_from:]:
        if line.blank or line.index in skip:
            continue
        inline = _INLINE_HEAD_RE.match(line.text)
        if inline and (sig_line is None or line.index > sig_line) and "。" not in line.text:
            count += 1
            t0 = line.start + inline.start("title")
            title_line = Line(line.index, t0, line.end, inline.group("title"))
            starts.append((line.index, "attachment", f"附件{inline.group('n')}", title_line))
            continue
        m = ATTACHMENT_HEAD_RE.match(line.text)
        if m:
            count += 1
            label = f"附件{m.group('n') or count}"
            nxt = view.next_content(line.index, 4)
            heading = nxt if nxt is not None and len(nxt.text) <= 80 else None
            if heading is not None and HEADING_RE.match(heading.text):
                heading = None
            starts.append((line.index, "attachment", label, heading))
    if inner_norm:
        wanted = _compact(inner_norm)
        for i, (idx, _kind, label, head) in enumerate(starts):
            if head is not None and _same_document(_compact(head.text), wanted):
                starts[i] = (idx, "inner", label, head)
                break
        else:
            for line in view.lines[body_from:]:
                if not line.blank and line.index not in skip and _compact(line.text) == wanted:
                    starts.append((line.index, "inner", "印发文件", line))
                    break
    starts.sort(key=lambda s: s[0])
    first = body_from
    bounds = [first] + [s[0] for s in starts] + [len(view.lines)]
    sections: list[Section] = []
    ranges: list[tuple[int, int]] = []
    main_piece = _range(view, skip, bounds[0], bounds[1])
    if main_piece is not None:
        sections.append(Section(*main_piece, kind="main", label="正文"))
        ranges.append((bounds[0], bounds[1]))
    for i, (idx, kind, label, head) in enumerate(starts):
        piece = _range(view, skip, idx, bounds[i + 2])
        if piece is None:
            continue
        head_span = view.piece(head.start, head.end) if head is not None else None
        sections.append(Section(*piece, kind=kind, label=label, title=head_span))
        ranges.append((idx, bounds[i + 2]))
    return sections, ranges


def _range(view: DocView, skip: set[int], lo: int, hi: int) -> tuple[int, int, str, str] | None:
    content = [ln for ln in view.lines[lo:hi] if not ln.blank and ln.index not in skip]
    if not content:
        return None
    piece = view.piece(content[0].start, content[-1].end, join_lines=False)
    return piece.start, piece.end, piece.text, piece.value[:60]


def find_headings(
    view: DocView, skip: set[int], sections: list[Section], ranges: list[tuple[int, int]]
) -> list[Heading]:
    """Headings per section; each section's tree starts afresh. Also sets each heading's
    ``scope_end`` and each section's ``preamble``."""
    headings: list[Heading] = []
    for section, (lo, hi) in zip(sections, ranges, strict=True):
        stack: list[Heading] = []
        found: list[tuple[Heading, int]] = []
        for line in view.lines[lo:hi]:
            if line.blank or line.index in skip:
                continue
            heading = _heading(view, line)
            if heading is None:
                continue
            heading.section = section.label
            heading.index = len(headings)
            while stack and stack[-1].level >= heading.level:
                stack.pop()
            heading.parent = stack[-1].index if stack else None
            stack.append(heading)
            headings.append(heading)
            found.append((heading, line.index))
        for i, (heading, _) in enumerate(found):
            stop = next((ln for h, ln in found[i + 1 :] if h.level <= heading.level), hi)
            heading.scope_end = _content_end(view, skip, found[i][1], stop) or heading.end
        first = found[0][1] if found else hi
        section.preamble = _preamble(view, skip, lo, first)
    return headings


def _content_end(view: DocView, skip: set[int], lo: int, hi: int) -> int | None:
    for line in reversed(view.lines[lo:hi]):
        if not line.blank and line.index not in skip:
            return view.span(line.start, line.end)[1]
    return None


def _preamble(view: DocView, skip: set[int], lo: int, hi: int) -> Span | None:
    """Consecutive paragraphs (a full stop, or longer than 40 characters) before ``hi``."""
    paras = [
        ln
        for ln in view.lines[lo:hi]
        if not ln.blank
        and ln.index not in skip
        and ("。" in ln.text or len(ln.text) > 40)
        and "\t" not in view.text[ln.raw_start : ln.raw_end]
    ]
    if not paras:
        return None
    return view.piece(paras[0].start, paras[-1].end, join_lines=False)


def _heading(view: DocView, line: Line) -> Heading | None:
    first = view.orig(line.start, line.start + 1) if line.text else ""
    if first in CIRCLED:  # normalisation turned ① into 1: read the original mark
        m = _CIRCLED_RE.match(first + line.text[1:])
    else:
        m = HEADING_RE.match(line.text)
    if not m or m.lastgroup is None:
        return None
    group = m.lastgroup
    marker = m.group(group)
    digits = re.sub(r"[第章节条、().\s]", "", marker)
    number = MARK_NUMBER.get(marker) or cn_to_int(digits) or 0
    rest0 = m.end()
    while rest0 < len(line.text) and line.text[rest0] == " ":
        rest0 += 1
    rest = line.text[rest0:]
    if group in ("l1", "l3") and (not rest or rest[0] in "0123456789%"):
        return None
    stop = _TITLE_END.search(rest)
    t1 = rest0 + (stop.start() if stop else len(rest))
    if group in ("chapter", "section", "l1") and not stop:
        nested = _NESTED.search(rest)  # 一、… (一)… on one line (assessment tables)
        t1 = rest0 + nested.start() if nested else len(line.text)
    title = view.piece(line.start + rest0, line.start + t1) if t1 > rest0 else None
    if title is not None and group in ("chapter", "section") and len(title.value) <= 12:
        title.value = re.sub(r"\s", "", title.value)
    whole = view.piece(line.start, line.start + max(t1, m.end()))
    return Heading(
        whole.start, whole.end, whole.text, whole.value, kind=HEADING_KIND[group],
        marker=view.clean(line.start, line.start + m.end()), level=HEADING_LEVEL[group],
        number=number, title=title,
    )  # fmt: skip
