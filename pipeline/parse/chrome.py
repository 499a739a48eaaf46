"""Page chrome (字号, 打印, 我要纠错, 扫一扫 …) and the web metadata block (索引号, 主题分类 …)."""

from __future__ import annotations

import re

from pipeline.parse.model import MetaField, Span
from pipeline.parse.text import DocView, Line

_CHROME_RE = re.compile(
    r"^(?:字号|字体)\s*[:]|我要纠错|扫一扫在手机|扫码使用手机|手机扫一扫|打印本页|关闭窗口|【打印】|【关闭】"
    r"|分享到|收藏本页|^上一篇|^下一篇|浏览次数\s*[:]\s*$|^文件下载$|^政策咨询$|如果您对该政策文件有疑问"
    r"|^附件下载\s*[:]?$|^登录\s*\|\s*注册$|当前位置\s*[:]|您现在的位置|^EN$|^https?://|^www\."
    r"|>>|^[|\s]+$|相关链接|返回顶部|网站地图|版权所有|ICP备|网站标识码|技术支持\s*[:]|^主办单位\s*[:]"
    r"|^【?\s*(?:打印|关闭|收藏|下载)\s*】?$|^(?:默认|超大|大|中|小)(?:\s|\|)|视力保护色"
    r"|^(?:浏览量|访问量|浏览次数|访问次数)\s*[:]?\s*$"
    r"|^[-—–]\s*[0-9]{1,3}\s*[-—–]$|^第\s*[0-9]{1,3}\s*页(?:\s*[,/]?\s*共\s*[0-9]{1,3}\s*页)?$"
)
_CHROME_MAX = 120

#: canonical key → the spellings found on agency sites
META_KEYS = {
    "索引号": ("索引号", "索取号"),
    "主题分类": ("主题分类", "信息分类", "分类"),
    "发文机关": (
        "发文机关",
        "发文机构",
        "发布机构",
        "发布机关",
        "发文单位",
        "所属机构",
        "信息来源",
        "来源",
    ),
    "成文日期": ("成文日期", "生成日期", "印发日期", "发文日期"),
    "发文字号": ("发文字号", "文号"),
    "公开方式": ("公开方式", "公开形式", "公开属性", "公开选项"),
    "公开范围": ("公开范围",),
    "公开时限": ("公开时限",),
    "标题": ("标题", "名称"),
    "内容概述": ("内容概述", "摘要"),
    "发布日期": ("发布日期", "发布时间", "公开日期", "日期"),
    "归档时间": ("归档时间", "归档日期"),
    "有效性": ("有效性", "时效性", "效力状态"),
    "主题词": ("主题词", "关键词"),
    "体裁分类": ("体裁分类",),
    "浏览次数": ("浏览次数", "访问次数", "浏览量", "访问量"),
}
_ALIASES = {alias: key for key, aliases in META_KEYS.items() for alias in aliases}
_KEYS_ALT = "|".join(r"\s?".join(a) for a in sorted(_ALIASES, key=len, reverse=True))
# a key at the line start or after a blank, or anywhere when a colon follows it
_KEY_RE = re.compile(
    rf"(?:(?:^|(?<=[\s|:]))(?P<key>{_KEYS_ALT})(?=\s*[:]|\s|$)|(?P<ckey>{_KEYS_ALT})(?=\s*[:]))"
    r"\s*[:]?"
)
_BULLET_RE = re.compile(r"^[•·▪●◆■□\-*]\s*")
_VALUE_CHROME = re.compile(r"\s*(?:字号|字体|打印|分享|收藏|视力保护色)\s*[:|【]")
_NEXT_LINE_KEYS = {"索引号", "发文字号", "成文日期", "发布日期", "公开方式", "公开范围", "公开时限",
                   "主题分类", "发文机关", "有效性", "体裁分类", "标题"}  # fmt: skip
_DATETIME_SOURCE = re.compile(
    r"^(?P<dt>(?:19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}(?:\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?)"
    r"\s+来源\s*[:]\s*(?P<src>\S.*)$"
)


def _span(view: DocView, start: int, end: int) -> Span:
    return view.piece(start, end)


def find_chrome(view: DocView) -> tuple[set[int], list[Span]]:
    """Line indices of page chrome and their spans."""
    lines: set[int] = set()
    spans: list[Span] = []
    for line in view.lines:
        text = line.text
        if (
            text
            and len(text) <= _CHROME_MAX
            and _CHROME_RE.search(text)
            and not _KEY_RE.match(text)
        ):
            lines.add(line.index)
            spans.append(_span(view, line.start, line.end))
    return lines, spans


def _fields_of(view: DocView, line: Line) -> list[tuple[str, Span, tuple[int, int]]]:
    """(key, key span, normalised value range) for each key on a metadata line."""
    m = _DATETIME_SOURCE.match(line.text)
    if m:
        base = line.start
        dt0, dt1 = m.span("dt")
        src0, src1 = m.span("src")
        key0 = line.text.index("来源")
        return [
            ("发布日期", _span(view, base + dt0, base + dt1), (base + dt0, base + dt1)),
            ("发文机关", _span(view, base + key0, base + key0 + 2), (base + src0, base + src1)),
        ]
    bullet = _BULLET_RE.match(line.text)
    b0 = bullet.end() if bullet else 0
    keys = list(_KEY_RE.finditer(line.text, b0))
    if not keys or keys[0].start() != b0:
        return []
    out = []
    for i, km in enumerate(keys):
        group = "key" if km.group("key") else "ckey"
        key = _ALIASES[re.sub(r"\s", "", km.group(group))]
        v0 = km.end()
        v1 = keys[i + 1].start() if i + 1 < len(keys) else len(line.text)
        value = line.text[v0:v1]
        tail = _VALUE_CHROME.search(value)
        if tail:
            v1 -= len(value) - tail.start()
            value = value[: tail.start()]
        v0 += len(value) - len(value.lstrip())
        v1 -= len(value) - len(value.rstrip())
        k0, k1 = km.span(group)
        out.append(
            (key, _span(view, line.start + k0, line.start + k1), (line.start + v0, line.start + v1))
        )
    return out


def find_metadata(view: DocView, chrome: set[int]) -> tuple[set[int], list[MetaField]]:
    """The metadata block's lines and fields (a field's value may sit on the next line)."""
    candidates: dict[int, list[tuple[str, Span, tuple[int, int]]]] = {}
    for line in view.lines:
        if line.blank or line.index in chrome or len(line.text) > 160:
            continue
        fields = _fields_of(view, line)
        if fields:
            candidates[line.index] = fields
    accepted: dict[int, list[tuple[str, Span, tuple[int, int]]]] = {}
    for idx, fields in candidates.items():
        near = any(j in candidates for j in range(idx - 3, idx + 4) if j != idx)
        text = view.lines[idx].text
        coloned = ":" in text[:12]
        if near or len(fields) >= 2 or (coloned and len(text) <= 80):
            accepted[idx] = fields
    used: set[int] = set(accepted)
    result: list[MetaField] = []
    for idx in sorted(accepted):
        fields = accepted[idx]
        for key, key_span, (v0, v1) in fields:
            if v1 > v0:
                result.append(MetaField(key, key_span, _span(view, v0, v1)))
                continue
            nxt = view.next_content(idx, 2)
            after = view.next_content(nxt.index, 2) if nxt else None
            if (
                len(fields) == 1
                and key in _NEXT_LINE_KEYS
                and nxt is not None
                and nxt.index not in accepted
                and nxt.index not in chrome
                and len(nxt.text) <= 80
                and (after is None or after.index in accepted)
            ):
                used.add(nxt.index)
                result.append(MetaField(key, key_span, _span(view, nxt.start, nxt.end)))
            else:
                result.append(MetaField(key, key_span, None))
    return used, result
