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

from pipeline.ingest.html_chrome import chrome_keep_mask


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
    r"breadcrumbs?|crumbs?|dqwz|position|sidebar)",
    re.IGNORECASE,
)
_REF = re.compile(r"&#[0-9]+;?|&#[xX][0-9a-fA-F]+;?|&[a-zA-Z][-.a-zA-Z0-9]*;?")
_WS = " \t\n\r\f\xa0"
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

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self._add("start", tag, attrs)

    def handle_startendtag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self._add("start", tag, attrs)
        self._add("end", tag)

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        self._add("end", tag)

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        self._add("data", data)

    def handle_entityref(self, name):  # type: ignore[no-untyped-def]
        self._add("ref", name)

    def handle_charref(self, name):  # type: ignore[no-untyped-def]
        self._add("ref", name)

    def handle_comment(self, data):  # type: ignore[no-untyped-def]
        self._add("comment", data)

    def handle_decl(self, decl):  # type: ignore[no-untyped-def]
        self._add("other", decl)

    def handle_pi(self, data):  # type: ignore[no-untyped-def]
        self._add("other", data)

    def unknown_decl(self, data):  # type: ignore[no-untyped-def]
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


class _Builder:
    """Accumulates text characters and their origins, one line at a time."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts = array("q")
        self.ends = array("q")
        self.nodes = array("q")
        self.line_begin = 0

    def _push(self, ch: str, start: int, end: int, node: int) -> None:
        self.chars.append(ch)
        self.starts.append(start)
        self.ends.append(end)
        self.nodes.append(node)

    def add(self, ch: str, start: int, end: int, node: int, keep_ws: bool = False) -> None:
        if ch in _WS:
            if keep_ws:
                self._push(" ", start, end, node)
                return
            if len(self.chars) == self.line_begin or self.chars[-1] in " \t":
                return
            ch = " "
        self._push(ch, start, end, node)

    def soft_break(self) -> None:
        if len(self.chars) > self.line_begin and self.chars[-1] not in " \t":
            self._push(" ", -1, -1, -1)

    def tab(self) -> None:
        self._rstrip()
        self._push("\t", -1, -1, -1)

    def _rstrip(self) -> None:
        while len(self.chars) > self.line_begin and self.chars[-1] == " ":
            self._truncate(len(self.chars) - 1)

    def _truncate(self, n: int) -> None:
        del self.chars[n:]
        del self.starts[n:]
        del self.ends[n:]
        del self.nodes[n:]

    def flush(self) -> None:
        self._rstrip()
        begin = self.line_begin
        line = "".join(self.chars[begin:])
        mask = chrome_keep_mask(line) if line.strip() else None
        if mask is None:
            self._truncate(begin)
            return
        if not all(mask):
            kept = [i for i, k in enumerate(mask, begin) if k]
            chars = [self.chars[i] for i in kept]
            starts = [self.starts[i] for i in kept]
            ends = [self.ends[i] for i in kept]
            nodes = [self.nodes[i] for i in kept]
            self._truncate(begin)
            for i, ch in enumerate(chars):
                if ch == " " and (len(self.chars) == begin or self.chars[-1] in " \t"):
                    continue
                self._push(ch, starts[i], ends[i], nodes[i])
            self._rstrip()
        self._push("\n", -1, -1, -1)
        self.line_begin = len(self.chars)


def extract(source: str, class_skip: bool = True) -> Extracted:
    """Extract the text of an HTML page (see module docstring for the conventions)."""
    collector = _Collector(source)
    collector.feed(source)
    collector.close()
    events = collector.events
    data_tables = iter(_classify_tables(events))
    b = _Builder()
    warnings: list[str] = []
    node = 0
    skip_tag: str | None = None
    skip_depth = 0
    skipped_by_class = 0
    article_depth = 0
    pre_depth = 0
    tables: list[list[int]] = []  # [is_data, cells_in_row]
    for kind, data, attrs, pos in events:
        if kind not in ("data", "ref"):
            node += 1
        if kind == "start" and data == "table":
            is_data = next(data_tables)
        if skip_tag is not None:
            if kind == "start" and data == skip_tag and data not in _VOID:
                skip_depth += 1
            elif kind == "end" and data == skip_tag:
                skip_depth -= 1
            elif skip_tag == "head" and kind == "start" and data == "body":
                skip_depth = 0
            elif kind == "data" and skip_tag not in _SKIP_TAGS:
                skipped_by_class += len(data.strip())
            if skip_depth <= 0:
                skip_tag = None
            continue
        if kind == "start":
            if data in ("article", "main"):
                article_depth += 1
            if data in _VOID and data != "br" and data != "hr":
                continue
            keep_header = data in ("header", "footer") and article_depth > 0
            if (data in _SKIP_TAGS and not keep_header) or (
                class_skip and data not in _VOID and _is_chrome_element(attrs)
            ):
                skip_tag, skip_depth = data, 1
                continue
            if data == "pre" or data == "textarea":
                pre_depth += 1
            if data == "table":
                b.flush()
                tables.append([int(is_data), 0])
            elif tables and tables[-1][0] and data == "tr":
                b.flush()
                tables[-1][1] = 0
            elif tables and tables[-1][0] and data in ("td", "th"):
                if tables[-1][1]:
                    b.tab()
                tables[-1][1] += 1
            elif data in _BLOCK or data in ("tr", "td", "th"):
                if tables and tables[-1][0] and tables[-1][1]:
                    b.soft_break()
                else:
                    b.flush()
        elif kind == "end":
            if data in ("article", "main"):
                article_depth = max(0, article_depth - 1)
            if data in ("pre", "textarea"):
                pre_depth = max(0, pre_depth - 1)
            if data == "table":
                b.flush()
                if tables:
                    tables.pop()
            elif tables and tables[-1][0] and data in ("td", "th"):
                continue
            elif data in _BLOCK or data in ("tr", "td", "th"):
                if tables and tables[-1][0] and tables[-1][1] and data != "tr":
                    b.soft_break()
                else:
                    b.flush()
        elif kind == "data":
            for i, ch in enumerate(data):
                if pre_depth and ch == "\n":
                    b.flush()
                elif not (pre_depth and ch == "\r"):
                    b.add(ch, pos + i, pos + i + 1, node, keep_ws=bool(pre_depth))
        elif kind == "ref":
            m = _REF.match(source, pos)
            end = m.end() if m else pos + 1
            for ch in html.unescape(source[pos:end]):
                b.add(ch, pos, end, node, keep_ws=bool(pre_depth) and ch != "\n")
        elif kind == "comment" and _looks_substantive(data):
            msg = "网页注释（<!-- -->）中含有文字，未纳入审查，请人工检查"
            if msg not in warnings:
                warnings.append(msg)
    b.flush()
    if class_skip and skipped_by_class > 200 and _visible(b) < 0.2 * skipped_by_class:
        return extract(source, class_skip=False)
    if b.chars and b.chars[-1] == "\n":
        b._truncate(len(b.chars) - 1)
    return Extracted("".join(b.chars), b.starts, b.ends, b.nodes, warnings)


def _visible(b: _Builder) -> int:
    return sum(1 for ch in b.chars if not ch.isspace())


def _looks_substantive(comment: str) -> bool:
    han = sum(1 for ch in comment if "\u4e00" <= ch <= "\u9fff")
    return han >= 10 or re.search(r"[0-9]{7,}", comment) is not None
