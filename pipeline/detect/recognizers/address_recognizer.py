"""Person-level addresses: down to road + number (+ building/unit/room) or village group.

An address is anchored on its fine tail (梅山南路12号3栋2单元501室, 新河村3组, 小区3栋…),
then extended to the left over a residence cue (家住, 住址:), gazetteer divisions
(安徽省六安市金安区) and a township/street (干汊河镇, 三里桥街道). A bare place name is never
an address finding. ``keep_until_at`` marks where the township/street level ends: the masker
keeps the text up to there (舒城县干汊河镇***).
"""

from __future__ import annotations

import re

from pipeline.detect.base import DetectContext, Recognizer
from pipeline.detect.recognizers.gazetteer import gazetteer
from pipeline.document import Detection

_CJK = "\u4e00-\u9fff"
_CJKC = f"[{_CJK}]"
_NUM = r"[0-9]+(?:-[0-9]+)?"
_CNUM = "[0-9一二三四五六七八九十百零〇]+"
_BUILDING = rf"(?:[A-Z]|{_CNUM})(?:栋|幢|号楼|座)"
_PARTS = (
    rf"(?:[A-Z]{{1,2}}[0-9]{{0,2}}区(?=[0-9A-Z一二三四五六七八九十]))?(?:{_BUILDING})?"
    # 2单元8-2: Chongqing's floor-door numbering after the unit, without 室
    rf"(?:(?:{_NUM}|[东南西北中])单元(?:[0-9]{{1,2}}-[0-9]{{1,2}}(?![0-9-]))?)?(?:{_NUM}(?:层|楼)|顶层|底层)?"
    rf"(?:{_NUM}(?:室|户|号|房))?"
)
#: Last characters of residential compounds (望湖城, 翡翠花园, 梅园新村, 南区 …).
_ESTATE = "小区|花园|公寓|大厦|家园|新村|苑|城|区|庭|府|湾|居|园|里|坊|公馆|广场|名邸|华庭"
#: A residential structure: a housing estate's name or a dwelling unit (单元, 室 in an estate).
_RESIDENTIAL_RE = re.compile(
    "小区|花园|家园|公寓|新村|安置房|宿舍|苑|华庭|名邸|公馆|单元|(?<![工科产园开发业])(?:城|庭|府|湾|居|里|坊)"
    rf"(?=[东南西北中]?[区苑]?{_CNUM}(?:栋|幢|号楼))"  # not 座: 撤销栾城2座收费站 counts
)
#: Public premises: office buildings and business centres (办公楼, 大厦, 写字楼 …).
_PREMISES_RE = re.compile(
    "办公楼|办公区|大厦|写字楼|综合楼|商务楼|行政中心|政务中心|服务中心|会展中心|商务中心|广场"
    "|工业园|科技园|产业园|创业园|园区|开发区|商城|市场|大楼"
)
_ANCHOR_RE = re.compile(
    rf"(?P<road>(?:大道|大街|胡同|路|街|巷|弄)(?:(?:{_CNUM}|[东南西北中])(?:段|巷|弄))?附?{_NUM}号(?:院|楼)?"
    rf"(?:[{_CJK}]{{2,8}}?(?:小区|花园|公寓|家园|新村|苑|大厦|办公楼|综合楼|写字楼)"
    rf"(?={_BUILDING}|{_NUM}(?:层|楼|室)))?{_PARTS})"
    rf"|(?P<village>(?:村(?:委会)?|社区|居委会)(?:{_CNUM}(?:村民小组|村民组|组|队|社)"
    rf"|(?:(?![或和及与本]){_CJKC}){{1,3}}(?:村民小组|村民组|屯))(?:{_NUM}号)?"
    rf"|村[{_CJK}]{{1,4}}组{_NUM}号)"
    rf"|(?P<estate>(?:{_ESTATE})(?:[东南西北中][区苑])?(?:{_CNUM}(?:栋|幢|号楼|座)){_PARTS})"
    rf"|(?P<unit>{_BUILDING}(?:{_NUM}单元)?{_NUM}(?:室|户|房))"
)
_CUE_TEXT = (
    "家庭住址 家庭地址 现住址 户籍地址 居住地址 通讯地址 通信地址 联系地址 办公地址 单位地址 "
    "住址 地址 住所地 住所 居住地 家住 现住 住在 居住在 居住于 户籍所在地 户籍地"
)
CUES = tuple(_CUE_TEXT.split())
#: The formula of a person's particulars: 「男，1975年生，住合肥市…」 — a bare 住 right after a
#: comma or enumeration mark, before a CJK character (住房/居住 stay out: no mark before them).
_BARE_RESIDENCE = "(?<=[,，;；、])住(?=[\u4e00-\u9fff])"
_CUE_RE = re.compile(
    "("
    + "|".join(sorted(CUES, key=len, reverse=True))
    + "|"
    + _BARE_RESIDENCE
    + ")[:]?[ ]?(?:为|是|在|系)?"
)
_RESIDENCE_CUES = frozenset((*CUES, "住")) - {
    "办公地址",
    "单位地址",
    "通讯地址",
    "通信地址",
    "联系地址",
    "地址",
}
#: An organisation named right before an address, in brackets or with 位于 (reach: 12 chars).
_ORG_BEFORE_RE = re.compile(
    "(?:厅|局|处|科|办|办公室|中心|委员会|村委会|居委会|公司|医院|学校|大学|学院|银行|法院|检察院|政府"
    "|街道办事处)"
    "(?:[(]|位于|地址[:]?|设在)$"
)
#: 住所地/住所 right after an organisation's name is the organisation's seat (行政复议、诉讼文书
#: 「被申请人：某区城市管理和综合执法局，住所地…」), not where a person lives.
_SEAT_CUES = frozenset({"住所地", "住所"})
_ORG_SEAT_RE = re.compile(
    "(?:厅|局|委员会|委|办公室|中心|公司|医院|学校|大学|学院|银行|法院|检察院|政府|办事处|合作社"
    "|协会|商会|集团|研究院|研究所|事务所|基金会|联合会|管委会|分行|支行)[)）]?[,，]?[ ]?$"
)
_TOWN_RE = re.compile(rf"[{_CJK}]{{1,6}}?(?:街道办事处|街道|镇|乡|苏木)")
_TOWN_SUFFIX_RE = re.compile("街道办事处|街道|镇|乡")
_VILLAGE_END_RE = re.compile(rf"[{_CJK}]{{1,8}}?(?:村民小组|村|社区|小区)")
#: Characters that cannot be inside a road/village/township name (end the leftward scan).
_STOP = frozenset("在于住至到为是的和与及或从自向对将把被其该户系位址,、:;。!?")
_WINDOW = 30
_UNITS = (
    "村民小组",
    "号楼",
    "单元",
    "室",
    "房",
    "户",
    "层",
    "楼",
    "号",
    "栋",
    "幢",
    "座",
    "组",
    "队",
    "社",
)


def _finest(tail: str) -> str:
    for unit in _UNITS:
        if tail.endswith(unit):
            return "号" if unit == "号楼" else unit
    return tail[-1]


def _name_start(text: str, end: int, floor: int, limit: int) -> int:
    """Scan left from ``end`` over name characters (at most ``limit``), not below ``floor``."""
    s = end
    while s > floor and end - s < limit and "\u4e00" <= text[s - 1] <= "\u9fff":
        if text[s - 1] in _STOP:
            break
        s -= 1
    return s


def _structure(address: str) -> str | None:
    """``residential_structure`` for a dwelling in a housing estate (安置小区3号楼东单元,
    幸福家园5栋1402室, 望湖城南区12栋), ``premises`` for an office building or business
    centre (政务中心大厦B座1201室, 科技园3号楼); None for a road and number alone. Premises
    words win: 某某花园大厦 is an office tower. Reach: the address itself."""
    if _PREMISES_RE.search(address):
        return "premises"
    if _RESIDENTIAL_RE.search(address):
        return "residential_structure"
    return None


def keep_until(text: str, start: int, end: int) -> int:
    """Where the division/township prefix of the address ``text[start:end]`` ends."""
    chain = gazetteer().chain_at(text, start)
    j = chain[-1].end if chain and chain[-1].end < end else start
    t = _TOWN_RE.match(text, j, end)
    return t.end() if t is not None and t.end() < end else j


def finest_unit(address: str) -> str:
    """The finest unit an address names (室, 号, 组 …)."""
    return _finest(address)


class AddressRecognizer(Recognizer):
    """ADDRESS: residence, registered and office addresses at person level."""

    name = "address_rules"
    entities = ("ADDRESS",)

    def analyze(self, ctx: DetectContext) -> list[Detection]:
        text = ctx.text
        out: list[Detection] = []
        last_end = -1
        for m in _ANCHOR_RE.finditer(text):
            det = self._from_anchor(text, m)
            if det is None or det.start < last_end or ctx.excluded(det.start, det.end):
                continue
            out.append(det)
            last_end = det.end
        out.extend(self._cue_only(ctx, out))
        out.sort(key=lambda d: d.start)
        return out

    def _prefix(self, text: str, floor: int, k: int) -> tuple[int, int | None, int | None]:
        """(address start, end of the division chain, end of the township) left of ``k``."""
        gaz = gazetteer()
        chain_end: int | None = None
        start = -1
        for i in range(floor, k):
            chain = gaz.chain_at(text, i)
            if chain and chain[-1].end < k:
                start, chain_end = i, chain[-1].end
                break
        town_end: int | None = None
        if chain_end is not None:
            t = _TOWN_RE.match(text, chain_end, k)
            if t is not None and t.end() < k:
                town_end = t.end()
            return start, chain_end, town_end
        t = _TOWN_SUFFIX_RE.search(text, floor, k)
        if t is not None and t.end() < k:
            s = _name_start(text, t.start(), floor, 5)
            if s < t.start():
                return s, None, t.end()
        return -1, None, None

    def _from_anchor(self, text: str, m: re.Match[str]) -> Detection | None:
        k = m.start()
        floor = k
        while floor > max(0, k - _WINDOW) and (
            "\u4e00" <= text[floor - 1] <= "\u9fff"
            or text[floor - 1] in ": "
            or (text[floor - 1].isascii() and text[floor - 1].isalnum())  # 花果园R2区, A座
        ):
            floor -= 1
        cue, cue_at = None, -1
        for c in _CUE_RE.finditer(text, floor, k):
            cue, floor, cue_at = c.group(1), c.end(), c.start()
        start, chain_end, town_end = self._prefix(text, floor, k)
        name_from = town_end or chain_end
        if name_from is None:
            start = _name_start(text, k, floor, 6)
            name_from = start
        bare_unit = m.group("unit") is not None and cue in _RESIDENCE_CUES
        if (k - name_from < 1 and not bare_unit) or k - name_from > 14:
            return None
        if cue is not None and cue in _RESIDENCE_CUES and start > floor:
            start = floor  # 家住 + an address that begins with an unknown place name
        keep = town_end or chain_end or start
        score = 0.85 if (cue or chain_end or town_end) else 0.7
        attrs = {"keep_until_at": keep, "finest": _finest(m.group()), "cue": cue}
        kind = _structure(text[start : m.end()])
        if kind is not None:
            attrs[kind] = True  # residential_structure / premises
        village = m.group("village")
        if village is not None and "组" in village and village.endswith("号"):
            attrs["village_group"] = True  # 南大冉村二组16号: a household of a village group
        if cue in _SEAT_CUES and _ORG_SEAT_RE.search(text, max(0, cue_at - 12), cue_at):
            attrs["organisation"] = True  # 被申请人：某区城管局，住所地…: the body's own seat
        elif cue in _RESIDENCE_CUES:
            attrs["residence"] = True  # 家住, 住址, 住所地: where a person lives
        elif _ORG_BEFORE_RE.search(text, max(0, start - 12), start):
            attrs["organisation"] = True  # 省教育厅高教处（…1220室）: the office's own address
        why = "详细地址" + (f"(线索:{cue})" if cue else "")
        return Detection("ADDRESS", start, m.end(), score, self.name, why, attrs)

    def _cue_only(self, ctx: DetectContext, found: list[Detection]) -> list[Detection]:
        """家住/住址 + division/township + village or estate (no group or number)."""
        text, out = ctx.text, []
        for c in _CUE_RE.finditer(text):
            cue = c.group(1)
            if cue not in _RESIDENCE_CUES:
                continue
            pos = c.end()
            chain = gazetteer().chain_at(text, pos)
            j = chain[-1].end if chain else pos
            t = _TOWN_RE.match(text, j, j + 10)
            town_end = t.end() if t is not None else None
            if not chain and town_end is None:
                continue
            v = _VILLAGE_END_RE.match(text, town_end or j, (town_end or j) + 12)
            if v is None:
                continue
            s, e = pos, v.end()
            if "某" in text[s:e]:
                continue  # already de-identified (七星街道某小区)
            if any(d.start < e and s < d.end for d in found) or ctx.excluded(s, e):
                continue
            keep = town_end or j
            finest = "村" if v.group().endswith(("村", "村民小组")) else v.group()[-2:]
            attrs = {"keep_until_at": keep, "finest": finest, "cue": cue, "residence": True}
            out.append(Detection("ADDRESS", s, e, 0.8, self.name, f"住址(线索:{cue})", attrs))
        return out
