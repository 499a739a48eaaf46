"""Explicit disclosure markers: 附注 「（此件公开发布）」, 公开方式 fields, 密级 marks."""

from __future__ import annotations

import re

from pipeline.parse.model import Marker, MetaField
from pipeline.parse.patterns import MARKER_ATTRIBUTE, MARKER_RE, SECRET_RE
from pipeline.parse.text import DocView

_ATTRIBUTES = ("依申请公开", "主动公开", "不予公开", "部分公开", "删减后公开", "不公开")


def find_markers(view: DocView, meta_lines: set[int], metadata: list[MetaField]) -> list[Marker]:
    """Every marker with the attribute it states and where it comes from."""
    markers: list[Marker] = []
    for m in MARKER_RE.finditer(view.text):
        what = re.sub(r"[ \n]", "", m.group("what") or m.group("opt") or "")
        attribute = MARKER_ATTRIBUTE.get(what, "不予公开" if what.startswith("发至") else "")
        if not attribute:
            continue
        line = view.line_at(m.start())
        source = "元数据" if line.index in meta_lines else "附注"
        p = view.piece(m.start(), m.end())
        markers.append(Marker(p.start, p.end, p.text, p.value, attribute=attribute, source=source))
    for line in view.lines[:15]:
        sm = SECRET_RE.match(line.text)
        if sm:
            p = view.piece(line.start, line.end)
            markers.append(Marker(p.start, p.end, p.text, p.value, attribute="不予公开",
                                  source="密级"))  # fmt: skip
    for f in metadata:
        if f.key != "公开方式" or f.value is None:
            continue
        v = f.value
        if any(mk.start <= v.start < mk.end or v.start <= mk.start < v.end for mk in markers):
            continue
        for word in _ATTRIBUTES:
            if word in v.value:
                attribute = MARKER_ATTRIBUTE.get(word, word)
                markers.append(Marker(v.start, v.end, v.text, v.value, attribute=attribute,
                                      source="元数据"))  # fmt: skip
                break
    markers.sort(key=lambda mk: mk.start)
    return markers
