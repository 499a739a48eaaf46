"""Public lines: hotlines, supervision and reporting numbers, reported so they can be allowed.

The exclusion pass keeps 12345, 12380, 0564-12345, 400/800 numbers and an agency's
「监督电话：0564-3371234」 away from the personal-data recognizers. A reviewer still wants to see
them, allowed with a reason (the audit trail of a rescan), so this recognizer reports every
excluded line that a phone word names (热线, 举报, 监督电话 …) as a LANDLINE with
``public_line=True``; the rule pack allows it. An 11-digit mobile an agency publishes for
tip-offs (「短信举报：133…」) is found by the mobile recognizer, which marks it the same way
(:func:`public_label`). Reach: the words right before the number (a label) or right after it.
"""

from __future__ import annotations

import re
from typing import ClassVar

from pipeline.detect.base import DetectContext, Recognizer
from pipeline.document import Detection

#: Exclusion reasons (exclusions.py) that are lines people call.
LINE_REASONS = frozenset(
    {"公共服务热线", "机构监督/举报/热线电话", "400/800企业客服号码", "特服/客服号码"}
)
_WORD_BEFORE = re.compile(
    r"(?:热线|电话|号码|拨打|致电|举报|投诉|监督|咨询|服务|客服|求助|报警|急救|火警|短信)"
    r"[^。；;\n0-9]{0,6}$"
)
_WORD_AFTER = re.compile(r"^[^。；;\n0-9]{0,4}(?:热线|举报|投诉|服务|电话|便民|咨询)")
#: A label that makes the number after it an agency's public line (监督电话：, 短信举报：).
_LABEL = re.compile(
    r"(?:(?:监督|举报|投诉)(?:举报)?(?:电话|热线|手机|短信|平台)|短信举报|举报短信|值班电话)"
    r"(?:号码)?[:：\s]*(?:为|是)?[:：\s]*$"
)
_LABEL_REACH = 16


def public_label(text: str, start: int) -> str | None:
    """The public-line label right before ``start`` (监督电话, 短信举报 …), if any."""
    m = _LABEL.search(text, max(0, start - _LABEL_REACH), start)
    return m.group().rstrip(":：为是 \t") if m is not None else None


class PublicLineRecognizer(Recognizer):
    """Hotlines and agencies' supervision lines, reported with ``public_line=True``."""

    name: ClassVar[str] = "public_lines"
    entities: ClassVar[tuple[str, ...]] = ("LANDLINE",)

    def analyze(self, ctx: DetectContext) -> list[Detection]:
        text = ctx.text
        out: list[Detection] = []
        for s, e, why in ctx.exclusions:
            if why not in LINE_REASONS:
                continue
            label = public_label(text, s)
            if label is None and why != "机构监督/举报/热线电话":
                before = _WORD_BEFORE.search(text, max(0, s - 12), s)
                after = _WORD_AFTER.match(text[e : e + 10])
                if before is None and after is None:
                    continue  # 第110条, 2345 as a count: a number no phone word names
            attrs = {"public_line": True, "line_kind": why, "line_label": label, "validated": True}
            out.append(Detection("LANDLINE", s, e, 0.9, self.name, f"公开电话（{why}）", attrs))
        return out
