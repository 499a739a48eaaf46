"""Turn HTML source into screenable text, remembering where every character came from.

Parsing uses the standard library's ``HTMLParser`` with ``convert_charrefs=False`` so that
every text character has an exact position in the source string: raw data characters map
1:1, an entity (``&nbsp;``, ``&#x4e2d;``) maps to its whole reference. The writer splices
replacements into the source at those positions, leaving tags, attributes and scripts
byte-for-byte unchanged.

Text conventions: block elements (p, div, h1…, li, br …) end a line; runs of whitespace
(including ``&nbsp;``) collapse to one space; empty lines are dropped; lines are joined with
``\\n``. Data tables give one row per line with cells joined by a TAB (empty cells kept);
inside a data cell, block breaks become a space. Layout tables (a nested table, a single
cell, or a cell with more than 300 characters) are treated as plain blocks. Page chrome is
removed (see ``html_chrome``).
"""

from __future__ import annotations

import html
import re
from array import array
from dataclasses import dataclass, field
from html.parser import HTMLParser

from pipeline.ingest.html_chrome import LineBuilder


def _tags(names: str) -> frozenset[str]:
    return frozenset(names.split())


_SKIP_TAGS = _tags(
    "script style noscript template head title nav header footer iframe object svg select"
    " button map canvas audio video"
)
_VOID = _tags("area base br col embed hr img input link meta param source track wbr")
_BLOCK = _tags(
    "address article aside blockquote body caption center dd details dialog dir div dl dt"
    " fieldset figcaption figure form h1 h2 h3 h4 h5 h6 hgroup hr li main menu ol p pre section"
    " summary ul br html legend textarea"
)
_CHROME_CLASS = re.compile(
    r"(?:bdshare\S*|\S*share\S*|fontsize|font-size|qrcode|ewm|erweima|printbtn|print|"
    r"breadcrumbs?|crumbs?|dqwz|position|sidebar|nav|navbar|nav-bar|menu|(?:top|sub|main)-?nav|"
    r"header|footer)",
    re.IGNORECASE,
)
_REF = re.compile(r"&#[0-9]+;?|&#[xX][0-9a-fA-F]+;?|&[a-zA-Z][-.a-zA-Z0-9]*;?")
_LAYOUT_CELL_CHARS = 300


@dataclass(slots=True)
class Extracted:
    """Text plus, per text character, its source span and text-node id (-1: synthetic)."""

    text: str
    starts: array
    ends: array
    nodes: array
    warnings: list[str] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.events: list[tuple[str, str, list[tuple[str, str | None]], int]] = []

    def _add(self, kind: str, data: str, attrs: list | None = None) -> None:
        line, col = self.getpos()
        self.events.append((kind, data, attrs or [], self.line_starts[line - 1] + col))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add("start", tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add("start", tag, attrs)
        self._add("end", tag)

    def handle_endtag(self, tag: str) -> None:
        self._add("end", tag)

    def handle_data(self, data: str) -> None:
        self._add("data", data)

    def handle_entityref(self, name: str) -> None:
        self._add("ref", name)

    def handle_charref(self, name: str) -> None:
        self._add("ref", name)

    def handle_comment(self, data: str) -> None:
        self._add("comment", data)

    def handle_decl(self, decl: str) -> None:
        self._add("other", decl)

    def handle_pi(self, data: str) -> None:
        self._add("other", data)

    def unknown_decl(self, data: str) -> None:
        self._add("other", data)


def _classify_tables(events: list) -> list[bool]:
    """For each <table> start (in order): True if it is a data table."""
    stack: list[dict[str, int]] = []
    result: list[bool] = []
    for kind, data, _attrs, _pos in events:
        if kind == "start" and data == "table":
            for rec in stack:
                rec["nested"] = 1
            stack.append({"idx": len(result), "nested": 0, "cells": 0, "cur": 0, "max": 0})
            result.append(True)
        elif not stack:
            continue
        elif kind == "start" and data in ("td", "th"):
            stack[-1]["cells"] += 1
            stack[-1]["cur"] = 0
        elif kind in ("data", "ref"):
            rec = stack[-1]
            rec["cur"] += len(data.strip()) if kind == "data" else 1
            rec["max"] = max(rec["max"], rec["cur"])
        elif kind == "end" and data == "table":
            rec = stack.pop()
            result[rec["idx"]] = not (
                rec["nested"] or rec["cells"] < 2 or rec["max"] > _LAYOUT_CELL_CHARS
            )
    while stack:
        rec = stack.pop()
        result[rec["idx"]] = not (rec["nested"] or rec["cells"] < 2)
    return result


def _is_chrome_element(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if (
            name in ("class", "id")
            and value
            and any(_CHROME_CLASS.fullmatch(tok) for tok in value.split())
        ):
            return True
    return False


def _skips(tag: str, attrs: list, in_article: bool, class_skip: bool) -> bool:
    """Whether an element (and everything inside it) is left out of the text."""
    if tag in _SKIP_TAGS:
        return not (in_article and tag in ("header", "footer"))
    return class_skip and not in_article and tag not in _VOID and _is_chrome_element(attrs)


class _Walker:
    """Walks the parse events and feeds characters and breaks to a ``LineBuilder``."""

    def __init__(self, source: str, events: list, class_skip: bool) -> None:
        self.source = source
        self.class_skip = class_skip
        self.data_tables = iter(_classify_tables(events))
        self.b = LineBuilder()
        self.warnings: list[str] = []
        self.skip_tag: str | None = None
        self.skip_depth = 0
        self.skipped_by_class = 0
        self.article_depth = 0
        self.pre_depth = 0
        self.tables: list[list[int]] = []  # per open table: [is_data, cells so far in row]
        self.is_data = True

    def in_data_cell(self) -> bool:
        return bool(self.tables and self.tables[-1][0] and self.tables[-1][1])

    def skipping(self, kind: str, tag: str) -> bool:
        if self.skip_tag is None:
            return False
        if kind == "start" and tag == self.skip_tag and tag not in _VOID:
            self.skip_depth += 1
        elif kind == "end" and tag == self.skip_tag:
            self.skip_depth -= 1
        elif self.skip_tag == "head" and kind == "start" and tag == "body":
            self.skip_depth = 0
        elif kind == "data" and self.skip_tag not in _SKIP_TAGS:
            self.skipped_by_class += len(tag.strip())
        if self.skip_depth <= 0:
            self.skip_tag = None
        return True

    def start(self, tag: str, attrs: list) -> None:
        if tag in ("article", "main"):
            self.article_depth += 1
        if tag in _VOID and tag not in ("br", "hr"):
            return
        if _skips(tag, attrs, self.article_depth > 0, self.class_skip):
            self.skip_tag, self.skip_depth = tag, 1
            return
        if tag in ("pre", "textarea"):
            self.pre_depth += 1
        data_table = bool(self.tables and self.tables[-1][0])
        if tag == "table":
            self.b.flush()
            self.tables.append([int(self.is_data), 0])
        elif data_table and tag == "tr":
            self.b.flush()
            self.tables[-1][1] = 0
        elif data_table and tag in ("td", "th"):
            if self.tables[-1][1]:
                self.b.tab()
            self.tables[-1][1] += 1
        elif tag in _BLOCK or tag in ("tr", "td", "th"):
            self.b.soft_break() if self.in_data_cell() else self.b.flush()

    def end(self, tag: str) -> None:
        if tag in ("article", "main"):
            self.article_depth = max(0, self.article_depth - 1)
        if tag in ("pre", "textarea"):
            self.pre_depth = max(0, self.pre_depth - 1)
        if tag == "table":
            self.b.flush()
            if self.tables:
                self.tables.pop()
        elif self.tables and self.tables[-1][0] and tag in ("td", "th"):
            return
        elif tag in _BLOCK or tag in ("tr", "td", "th"):
            in_cell = self.in_data_cell() and tag != "tr"
            self.b.soft_break() if in_cell else self.b.flush()

    def data(self, data: str, pos: int, node: int) -> None:
        pre = bool(self.pre_depth)
        for i, ch in enumerate(data):
            if pre and ch == "\n":
                self.b.flush()
            elif not (pre and ch == "\r"):
                self.b.add(ch, pos + i, pos + i + 1, node, keep_ws=pre)

    def ref(self, pos: int, node: int) -> None:
        m = _REF.match(self.source, pos)
        end = m.end() if m else pos + 1
        for ch in html.unescape(self.source[pos:end]):
            self.b.add(ch, pos, end, node, keep_ws=bool(self.pre_depth) and ch != "\n")

    def run(self, events: list) -> None:
        node = 0
        for kind, data, attrs, pos in events:
            if kind not in ("data", "ref"):
                node += 1
            if kind == "start" and data == "table":
                self.is_data = next(self.data_tables)
            if self.skipping(kind, data):
                continue
            if kind == "start":
                self.start(data, attrs)
            elif kind == "end":
                self.end(data)
            elif kind == "data":
                self.data(data, pos, node)
            elif kind == "ref":
                self.ref(pos, node)
            elif kind == "comment" and _looks_substantive(data):
                msg = "网页注释（<!-- -->）中含有文字，未纳入审查，请人工检查"
                if msg not in self.warnings:
                    self.warnings.append(msg)
        self.b.flush()


def extract(source: str, class_skip: bool = True) -> Extracted:
    """Extract the text of an HTML page (see module docstring for the conventions)."""
    collector = _Collector(source)
    collector.feed(source)
    collector.close()
    walker = _Walker(source, collector.events, class_skip)
    walker.run(collector.events)
    b = walker.b
    if class_skip and walker.skipped_by_class > 200 and _visible(b) < 0.2 * walker.skipped_by_class:
        return extract(source, class_skip=False)  # an unclosed chrome element swallowed the page
    if b.chars and b.chars[-1] == "\n":
        b.truncate(len(b.chars) - 1)
    return Extracted("".join(b.chars), b.starts, b.ends, b.nodes, walker.warnings)


def _visible(b: LineBuilder) -> int:
    return sum(1 for ch in b.chars if not ch.isspace())


def _looks_substantive(comment: str) -> bool:
    han = sum(1 for ch in comment if "\u4e00" <= ch <= "\u9fff")
    return han >= 10 or re.search(r"[0-9]{7,}", comment) is not None
