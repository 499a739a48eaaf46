"""Evidence that a document circulates inside one organisation (内部流转).

Weighs circulation notes (内部事项, 仅供内部参考, 发至…本部), addressees that are one
organisation's own units (本部各部门, 局机关各处室, 公司各单位) as against the public or other
agencies, internal genres (值班, 公务用车, 党建/团委/工会活动, 督查督办, 会议纪要, 请示) and
public-facing content, as listed in the ``circulation`` section of rules/disclosure.yaml.
Every signal carries its words, their original offsets and a description for the reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pipeline.decide.rule_schema import RuleError, load_yaml, rules_dir
from pipeline.normalise import NormalisedText

#: a security classification mark in its usual placements (秘密★1年, ★机密, 绝密 ★ 长期), and
#: the OA header field form 「密级：机密　保密期限：10年」 (not 「密级：无」 or 「密级：公开」)
SECRECY = re.compile(
    r"(?:绝密|机密|秘密)\s*[★☆*]\s*(?:[0-9一二三四五六七八九十]+\s*年|长期)?"
    r"|[★☆]\s*(?:绝密|机密|秘密)"
    r"|密级\s*[:：]\s*(?:绝密|机密|秘密)(?![\u4e00-\u9fff])(?:\s*保密期限\s*[:：]\s*[^\n]{1,8})?"
)
_PROCESS = "process_genres"
_HEAD, _TAIL, _SHORT_LINE = 160, 240, 24
_ITEM_SPLIT = re.compile(r"[，、,；;]")
#: an addressee line: up to 80 characters before a colon at the head of the document
_ADDRESSEE = re.compile(
    r"(?:^|[\n\s号〕\]）)])([^\n\s。:：，、,；;]{2,40}(?:[，、,；;][^\n\s。:：，、,；;]{2,40}){0,8})[:：]"
)
#: 「致：…」「主送：…」 lines (联系单, 简报): the names follow the colon
_TO_LINE = re.compile(r"(?:^|\n)\s*(?:致|主送|送)[:：]\s*([^\n。:：]{2,80})")
_UNIT_END = re.compile(
    r"(部门|单位|处室|科室|股室|部室|[(（]室[)）]|分部|支部|总支|公司|企业|组织|工会|局|委|办|厅|"
    r"政府|所队|中心|支行|营业部|负责人|党委|机构|学校|医院|协会|站|所|院|团|部|社会各界|市民|居民|群众|同事|同志|员工)$"
)


@dataclass(frozen=True, slots=True)
class Group:
    name: str
    weight: int
    description: str
    regex: re.Pattern[str] | None = None
    title_words: tuple[str, ...] = ()


@dataclass(slots=True)
class Signal:
    group: str
    weight: int
    description: str
    cue: str
    start: int  # normalised offsets
    end: int


@dataclass(slots=True)
class Circulation:
    """The weighed evidence: ``internal`` when the weight reaches the threshold."""

    score: int
    threshold: int
    signals: list[Signal] = field(default_factory=list)
    secrecy: Signal | None = None

    @property
    def internal(self) -> bool:
        return self.score >= self.threshold and any(s.weight > 0 for s in self.signals)

    @property
    def process(self) -> bool:
        return any(s.group == _PROCESS for s in self.signals)


@dataclass(frozen=True, slots=True)
class Cues:
    threshold: int
    groups: dict[str, Group]


def _group(name: str, raw: Any) -> Group:
    if not isinstance(raw, dict) or "weight" not in raw or "description" not in raw:
        raise RuleError(f"disclosure.yaml circulation.{name}: 需要 weight 和 description")
    try:
        regex = re.compile(raw["regex"]) if raw.get("regex") else None
    except re.error as exc:
        raise RuleError(f"disclosure.yaml circulation.{name}: 正则表达式有误（{exc}）") from exc
    words = tuple(str(w) for w in raw.get("title_words") or ())
    return Group(name, int(raw["weight"]), str(raw["description"]), regex, words)


@cache
def load_cues(path: Path | None = None) -> Cues:
    data = load_yaml(path or rules_dir() / "disclosure.yaml")
    raw = data.get("circulation")
    if not isinstance(raw, dict):
        raise RuleError("disclosure.yaml: 缺少 circulation 部分")
    groups = {k: _group(k, v) for k, v in raw.items() if k != "threshold"}
    return Cues(int(raw.get("threshold", 2)), groups)


def addressee_items(text: str, parsed: tuple[str, ...]) -> list[tuple[str, int]]:
    """Addressees with their normalised offsets: the parser's, else a colon line at the head."""
    items: list[tuple[str, int]] = []
    for a in parsed:
        pos = text.find(a)
        items.append((a, max(pos, 0)))
    if items:
        return items
    for m in [*_ADDRESSEE.finditer(text[:400]), *_TO_LINE.finditer(text[:400])]:
        parts = [p for p in _ITEM_SPLIT.split(m.group(1)) if p]
        if parts and all(_UNIT_END.search(p) for p in parts):
            pos = m.start(1)
            for p in parts:
                pos = text.find(p, pos)
                items.append((p, pos))
                pos += len(p)
            return items
    return []


def _in_note_position(text: str, start: int, end: int) -> bool:
    if start < _HEAD or end > len(text) - _TAIL:
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    return len(line) <= _SHORT_LINE or line.startswith(("（", "("))


def weigh(
    title: str, text: str, addressees: tuple[str, ...], cues: Cues | None = None
) -> Circulation:
    """Weigh the circulation evidence of a normalised document."""
    cues = cues or load_cues()
    g = cues.groups
    signals: list[Signal] = []
    head = text[:_HEAD]
    sec = SECRECY.search(head) or SECRECY.search(text, max(0, len(text) - _TAIL))
    secrecy = None
    if sec is not None:
        secrecy = Signal("secrecy", 3, "文件标有密级", sec.group(), sec.start(), sec.end())
    if (notes := g.get("notes")) and notes.regex:
        for m in notes.regex.finditer(text):
            if _in_note_position(text, m.start(), m.end()):
                signals.append(_signal(notes, m.group(), m.start()))
                break
    items = addressee_items(text, addressees)
    ext, inn = g.get("external_addressees"), g.get("internal_addressees")
    outside = [(a, p) for a, p in items if ext and ext.regex and ext.regex.search(a)]
    inside = [(a, p) for a, p in items if inn and inn.regex and inn.regex.search(a)]
    if outside and ext:
        signals.append(_signal(ext, outside[0][0], outside[0][1]))
    elif inside and inn:
        first, last = inside[0], inside[:3][-1]
        names = "、".join(a for a, _ in inside[:3])
        signals.append(_signal(inn, names, first[1], last[1] + len(last[0])))
    for name in ("genres", _PROCESS):
        grp = g.get(name)
        hit = next((w for w in grp.title_words if w in title), None) if grp else None
        if grp and hit:
            signals.append(_signal(grp, hit, max(text.find(hit), 0)))
    body, public = g.get("internal_body"), g.get("public_content")
    found = body.regex.search(text) if body and body.regex else None
    if body and found:
        signals.append(_signal(body, found.group(), found.start()))
    if public and public.regex:
        seen: set[str] = set()
        for m in public.regex.finditer(text):
            if m.group() not in seen:
                seen.add(m.group())
                signals.append(_signal(public, m.group(), m.start()))
            if len(seen) >= 2:
                break
    score = sum(s.weight for s in signals)
    return Circulation(score, cues.threshold, signals, secrecy)


def _signal(group: Group, cue: str, start: int, end: int | None = None) -> Signal:
    return Signal(group.name, group.weight, group.description, cue, start,
                  end if end is not None else start + len(cue))  # fmt: skip


def span(norm: NormalisedText, s: Signal) -> tuple[int, int]:
    """A signal's span in the original text."""
    return norm.span_to_original(s.start, s.end)
