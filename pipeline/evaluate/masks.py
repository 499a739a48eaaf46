"""Publisher masks in real documents (张某某, 张某1, 138××××7138, 豫G×××××, 3401**…1234) and
their refilling with synthetic valid values of the same kind.

A court or agency that masked a value has judged it personal information that must not be
published; refilled with a plausible value, the mask's position becomes a must-redact label in
real context. ``find_masks`` locates the masks; ``refill`` replaces each with a deterministic
synthetic value (same surname, a valid ID with its check digit, a mobile with an allocated
prefix, a plate of the same province) and returns the spans in the new text.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from pipeline.detect.recognizers.validators import PROVINCES, id_check_char, mobile_prefixes

# A static copy (so that the labelled set does not move when detection code changes).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺"
    "顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿"
    "关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华"
    "喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗"
    "瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠"
    "荆乐冀郁胥南班储栗燕楚鄢谌奚粟冼蔺闻厉伊仝郜阚权帅屠朴盖廉禹井祖漆巴卿狄宣晋初容扈晁芮阙"
    "浦戈伏鹿薄邸雍辜羊裘亓邰赫杭宿逯隆茹诸慕亢嵇湛宾戎勾茅揭尉冶束檀昝衡尧习寿禤"
)
COMPOUND = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "司徒", "令狐")
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华玉兰桂辉鹏飞斌浩凯宇鑫波燕萍红梅琳建国文志海"
    "林春晓云峰亮成东德永庆福金宏宝俊晨欣怡婷雪莉倩颖佳琪思雨然子轩涵博嘉家豪振立学长光先胜爱"
    "凤素翠秋冬月彩丹莹洁琴慧瑶薇蕾楠彬泽昊睿铭骏恒毅根生发财荣贵水富喜旺兵川江山"
)
PLACE_ROOTS = (
    "建设", "人民", "和平", "新华", "胜利", "朝阳", "光明", "幸福", "团结", "红旗",
    "青年", "工业", "学府", "滨河", "迎宾", "振兴", "育才", "民主", "向阳", "花园",
)  # fmt: skip
REGIONS = ("110105", "120103", "130102", "140105", "210102", "320102", "330106", "340104",
           "350102", "360102", "370102", "410102", "420106", "430102", "440106", "450103",
           "500103", "510104", "520102", "610103")  # fmt: skip
PLATE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
PLATE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ"

_SUR = f"(?:{'|'.join(COMPOUND)}|[{SURNAMES}])"
_M = "×*＊"  # mask characters that are never a letter
#: What follows 某 when it means "a certain …" rather than a masked name.
_NOT_NAME_AFTER = (
    "日月年时处地种些样天方面项个位单店公司厂场网吧县市区镇乡村街路号楼栋室省州宾馆品物件款"
)
_NOT_NUM_AFTER = r"\d年月日号时分秒点元万千百亿人岁个次条款项名户件辆部台只吨克斤米%．.\-—至"
#: Characters after 张某 that start the next word rather than end a partly masked name.
_NOT_GIVEN = set(
    "的地得了着过在与和及或犯将被向于对以因把是系为到自等从也又再已均并但而即就还都所受经年月日时"
    "分驾伙称说某某家处签乘持携送找约要让叫给帮骗用拿打前后之一二三两等人"
)
PERSON_CUES = (
    "原审被告人", "被告人", "被害人", "被上诉人", "上诉人", "证人", "同案犯", "同案人", "嫌疑人",
    "辩护人", "诉讼代理人", "代理人", "检察员", "代理检察员", "审判员", "审判长", "陪审员",
    "书记员", "法官助理", "民警", "法定代表人", "负责人", "妻子", "丈夫", "之妻", "之夫", "儿子",
    "女儿", "之子", "之女", "父亲", "母亲", "朋友", "男友", "女友", "亲属", "吸毒人员", "购毒人员",
    "被告", "原告", "申请人", "被申请人", "第三人",
)  # fmt: skip
_CUE_RE = re.compile("|".join(sorted(PERSON_CUES, key=len, reverse=True)))

_PLATE = re.compile(
    f"[{PLATE_PROVINCES}][A-Z][A-Z0-9]{{0,3}}(?:[{_M}]{{2,5}}|X{{3,5}})[A-Z0-9{_M}]{{0,2}}"
    r"(?![A-Za-z0-9])"
)
_NAME_MOU = re.compile(f"({_SUR})(某某|某[甲乙丙丁戊]|某[1-9]\\d?|某)(?![{_NOT_NAME_AFTER}])")
_NAME_NUM = re.compile(f"(?<!\\d)({_SUR})([1-9])(?![{_NOT_NUM_AFTER}])")
_NAME_X = re.compile(f"({_SUR})([xX×]{{1,2}})(?![0-9A-Za-z{_M}])")
_CUE_X = re.compile("(?:被告人|被害人|嫌疑人|同案人|上诉人|证人)([Xx×Ｘ]{1,3})")
_DIGITS = re.compile(
    f"(?<![0-9A-Za-z])[0-9]*(?:[{_M}]|[Xx](?=[Xx{_M}0-9]))+[0-9]*[Xx]?(?![0-9A-Za-z])"
)
_ADDR = re.compile(f"[Xx{_M}]{{1,4}}(?=[号弄幢栋室楼路街镇村组])")
_ID_CUE = re.compile("身份证|身份号码|证件号码|证号")
_CARD_CUE = re.compile("卡号|银行卡|信用卡|账号|借记卡|贷记卡")


@dataclass(slots=True)
class Mask:
    """A masked value in the published text."""

    kind: str  # entity label (PERSON, MOBILE, ID_CARD, BANK_CARD, LICENSE_PLATE, ADDRESS)
    start: int
    end: int
    text: str
    cue: str = ""  # the role word right before a name (被告人, 被害人, 证人 …), if any


@dataclass(slots=True)
class Refill:
    mask: Mask
    value: str
    start: int  # span of the synthetic value in the refilled text
    end: int


def cue_before(text: str, start: int, window: int = 8) -> str:
    """The role word ending at most two characters before ``start`` (``""`` when none)."""
    found = ""
    for m in _CUE_RE.finditer(text, max(0, start - window), start):
        if start - m.end() <= 2:
            found = m.group()
    return found


def _digit_kind(text: str, m: re.Match[str]) -> str | None:
    token, before = m.group(), text[max(0, m.start() - 10) : m.start()]
    if len(token) == 18 or (_ID_CUE.search(before) and len(token) >= 3):
        return "ID_CARD"
    if len(token) == 11 and re.match("1[3-9]", token):
        return "MOBILE"
    if _CARD_CUE.search(before) or (token.startswith("62") and len(token) >= 5):
        return "BANK_CARD"
    if re.search("电话|手机|号码", before) and token[:1] == "1":
        return "MOBILE"
    return None


def find_masks(text: str) -> list[Mask]:
    """Every mask in ``text``, in text order, non-overlapping (the first pattern wins)."""
    taken: list[Mask] = []

    def add(kind: str, start: int, end: int) -> None:
        if any(start < t.end and t.start < end for t in taken):
            return
        cue = cue_before(text, start) if kind == "PERSON" else ""
        taken.append(Mask(kind, start, end, text[start:end], cue))

    for m in _PLATE.finditer(text):
        add("LICENSE_PLATE", m.start(), m.end())
    for m in _NAME_MOU.finditer(text):
        end = m.end()
        nxt = text[end : end + 1]
        partial = m.group(2) == "某" and re.match(r"[\u4e00-\u9fff]", nxt) and nxt not in _NOT_GIVEN
        if partial and text.count(m.group() + nxt) >= 2:  # 陈某辉: part of the given name masked
            end += 1
        add("PERSON", m.start(), end)
    for rx in (_NAME_NUM, _NAME_X):  # ambiguous forms: repeated, or after a role word
        for m in rx.finditer(text):
            if text.count(m.group()) >= 2 or cue_before(text, m.start()):
                add("PERSON", m.start(), m.end())
    for m in _CUE_X.finditer(text):
        add("PERSON", m.start(1), m.end(1))
    for m in _DIGITS.finditer(text):
        kind = _digit_kind(text, m)
        if kind:
            add(kind, m.start(), m.end())
    for m in _ADDR.finditer(text):
        before = text[m.start() - 1 : m.start()]
        if re.match(r"[\u4e00-\u9fff\d]", before) and not re.match("[某]", before):
            add("ADDRESS", m.start(), m.end())
    return sorted(taken, key=lambda t: t.start)


# --- synthetic values ---------------------------------------------------------------------
def _name(rng: random.Random, mask: str) -> str:
    surname = next((c for c in COMPOUND if mask.startswith(c)), mask[:1])
    if surname not in SURNAMES and surname not in COMPOUND:
        surname = rng.choice(SURNAMES[:100])
    kept = mask[len(surname) + 1 :] if mask[len(surname) + 1 :][:1] not in "某0123456789" else ""
    kept = kept if re.fullmatch(r"[\u4e00-\u9fff]", kept) and kept not in "甲乙丙丁戊" else ""
    if kept:  # 陈某辉 → 陈德辉: the visible given character stays
        return surname + rng.choice(GIVEN) + kept
    n_given = 1 if rng.random() < 0.3 else 2
    return surname + "".join(rng.choice(GIVEN) for _ in range(n_given))


def _x_name(rng: random.Random, n: int) -> str:
    """A name (or its first ``n`` characters) for a run of X after a role word."""
    full = rng.choice(SURNAMES[:100]) + "".join(rng.choice(GIVEN) for _ in range(2))
    return full[:n] if n >= 2 else full[:1]


def synthetic_id(rng: random.Random, visible: str = "") -> str:
    """A valid 18-digit resident ID: region kept from ``visible`` when real, check digit right."""
    lead = re.match(r"\d*", visible).group()  # type: ignore[union-attr]
    region = (lead[:6] + "0102"[max(0, len(lead) - 2) :])[:6] if len(lead) >= 2 else ""
    if len(region) < 6 or region[:2] not in PROVINCES:
        region = rng.choice(REGIONS)
    born = f"{rng.randint(1950, 2003)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    tail = re.search(r"(\d{3})[\dXx]$", visible) if len(visible) > 6 else None
    first17 = region + born + (tail.group(1) if tail else f"{rng.randint(0, 999):03d}")
    return first17 + id_check_char(first17)


def synthetic_mobile(rng: random.Random, token: str) -> str:
    prefix = token[:3] if token[:3] in mobile_prefixes() else "138"
    tail = token[-4:] if re.fullmatch(r"\d{4}", token[-4:]) else ""
    middle = "".join(str(rng.randint(0, 9)) for _ in range(11 - 3 - len(tail)))
    return prefix + middle + tail


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def synthetic_card(rng: random.Random) -> str:
    body = rng.choice(("622202", "622848", "621700", "622588")) + "".join(
        str(rng.randint(0, 9)) for _ in range(9)
    )
    return body + luhn_digit(body)


def synthetic_plate(rng: random.Random, token: str) -> str:
    head = token[:2]
    tail = [c for c in token[2:] if c not in _M + "X"][:5]
    while len(tail) < 5:
        tail.insert(rng.randint(0, len(tail)), str(rng.randint(0, 9)))
    if rng.random() < 0.3:  # one letter, as many plates have
        tail[rng.randint(0, 4)] = rng.choice(PLATE_CHARS)
    return head + "".join(tail)


def _address(rng: random.Random, token: str, following: str) -> str:
    if following in "路街镇村":
        return rng.choice(PLACE_ROOTS)
    width = min(len(token), 3)
    return str(rng.randint(10 ** (width - 1) if width > 1 else 1, 10**width - 1))


def synthetic(rng: random.Random, mask: Mask, following: str) -> str:
    if mask.kind == "PERSON":
        if re.fullmatch("[Xx×Ｘ]+", mask.text):
            return _x_name(rng, len(mask.text))
        return _name(rng, mask.text)
    if mask.kind == "ID_CARD":
        return synthetic_id(rng, mask.text)
    if mask.kind == "MOBILE":
        return synthetic_mobile(rng, mask.text)
    if mask.kind == "BANK_CARD":
        return synthetic_card(rng)
    if mask.kind == "LICENSE_PLATE":
        return synthetic_plate(rng, mask.text)
    return _address(rng, mask.text, following)


def refill(text: str, masks: list[Mask], rng: random.Random) -> tuple[str, list[Refill]]:
    """Replace every mask by a synthetic value; the same masked token gets the same value.

    Values are drawn again (up to 20 times) when they already occur in the text or are part of
    another value, so that each label's text points at the refilled position only.
    """
    chosen: dict[tuple[str, str, int], str] = {}
    out: list[str] = []
    refills: list[Refill] = []
    pos = 0
    used_text = text
    for mask in masks:
        key = (mask.kind, mask.text, mask.start if mask.kind == "ADDRESS" else -1)
        if key not in chosen:
            value = synthetic(rng, mask, text[mask.end : mask.end + 1])
            for _ in range(20):
                clash = value in used_text or any(value in v or v in value for v in chosen.values())
                if not clash or mask.kind == "ADDRESS":
                    break
                value = synthetic(rng, mask, text[mask.end : mask.end + 1])
            chosen[key] = value
            used_text += "\n" + value
        out.append(text[pos : mask.start])
        start = sum(map(len, out))
        out.append(chosen[key])
        refills.append(Refill(mask, chosen[key], start, start + len(chosen[key])))
        pos = mask.end
    out.append(text[pos:])
    return "".join(out), refills
