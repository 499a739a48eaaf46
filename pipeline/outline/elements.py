"""The elements an interpretation must contain (seeds/000: 「制定背景和依据、制定意义和总体考虑、
研判和起草过程、工作目标、主要内容、创新举措和保障措施」), found by the cues that carry their
meaning, not by one literal word: a heading (「一、出台背景」「为什么要制定《办法》？」) counts
first, then sentences in the body (「根据《就业促进法》……」「起草过程中，我们广泛征求了……意见」).
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.normalise import normalise

#: element id → (name, cues). A cue is a regular expression on the normalised text.
ELEMENTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "background_basis": (
        "决策背景和依据",
        (
            r"(?:出台|制定|起草|修订|决策|政策|文件)(?:的)?(?:背景|依据|缘由|原因)",
            r"为什么要?(?:出台|制定|修订|印发)",
            r"(?:根据|依据|按照|贯彻落实)(?:党中央|国务院|省委|省政府|《)",
            r"背景(?:和|及|与)依据|法律依据|政策依据|上位法",
        ),
    ),
    "significance": (
        "制定意义",
        (
            r"(?:重要|重大|现实|深远)意义|(?:出台|制定|印发)(?:的)?(?:意义|必要性|目的|考虑)",
            r"总体考虑|必要性|有利于|对于.{0,20}具有",
        ),
    ),
    "drafting": (
        "起草过程",
        (
            r"起草(?:过程|经过|情况)|制定(?:过程|经过)|研判",
            r"征求.{0,12}意见|公开征求|调查研究|实地调研|座谈|专家论证",
            r"合法性审查|公平竞争审查|(?:审议|会议)通过|几易其稿|反复修改",
        ),
    ),
    "goals": (
        "工作目标",
        (
            r"(?:工作|主要|总体|发展)目标|目标任务",
            r"到20[0-9]{2}年(?:底|末)?[,，]?",
            r"力争|确保.{0,12}(?:达到|实现)",
        ),
    ),
    "tasks": (
        "主要任务",
        (
            r"(?:主要|重点|核心)(?:任务|内容|措施|举措|政策)",
            r"(?:包括|分为|共有?|明确了?|提出了?).{0,6}(?:[0-9]+|[一二三四五六七八九十]+)(?:个方面|部分|章|条|项)",
            r"主要包括|具体(?:措施|任务|内容)",
        ),
    ),
    "innovation": (
        "创新举措",
        (r"创新|亮点|突破|首次(?:提出|明确|将|实现)|新举措|新变化|主要变化|特色", r"与.{0,12}相比"),
    ),
    "safeguards": (
        "保障措施",
        (
            r"保障措施|(?:组织|资金|要素|政策|人才)保障|组织领导|保障机制",
            r"督导|督查|考核|监督检查|压实.{0,4}责任|落实责任|责任分工",
        ),
    ),
}
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|[0-9]+[.、]|问[:：0-9一二三四五六七八九十]*)?"
    r"[^。；;\n]{2,40}$"
)
_UNIT = re.compile(r"[^。；;！？!?\n]+")
_MAX_WHERE = 3


def _units(text: str) -> list[tuple[int, int, str]]:
    """Sentences and heading lines of the normalised text with their offsets."""
    return [(m.start(), m.end(), m.group(0)) for m in _UNIT.finditer(text)]


def find_elements(text: str) -> dict[str, dict[str, Any]]:
    """For each element: present or not, and where (headings first, then sentences; offsets
    into ``text``)."""
    norm = normalise(text)
    units = _units(norm.text)
    out: dict[str, dict[str, Any]] = {}
    for key, (name, cues) in ELEMENTS.items():
        pattern = re.compile("|".join(f"(?:{c})" for c in cues))
        hits: list[tuple[bool, int, int, str]] = []
        for a, b, unit in units:
            m = pattern.search(unit)
            if m is None:
                continue
            stripped = unit.strip()
            heading = bool(_HEADING.match(stripped)) and len(stripped) <= 40
            hits.append((heading, a, b, m.group(0)))
        hits.sort(key=lambda h: (not h[0], h[1]))
        where = []
        for heading, a, b, cue in hits[:_MAX_WHERE]:
            start, end = norm.span_to_original(a, b)
            while start < end and text[start].isspace():
                start += 1
            where.append(
                {
                    "start": start,
                    "end": end,
                    "heading": heading,
                    "cue": cue,
                    "text": text[start:end],
                }
            )
        out[key] = {"name": name, "present": bool(hits), "where": where}
    return out


def missing(elements: dict[str, dict[str, Any]]) -> list[str]:
    """The names of the elements not found."""
    return [e["name"] for e in elements.values() if not e["present"]]
