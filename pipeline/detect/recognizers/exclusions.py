"""The exclusion pass: spans of normalised text that are known NOT to be personal information.

Public hotlines and service numbers, 文号, organisation codes (统一社会信用代码), postal codes,
money and statistics, dates, already-masked values, and long digit runs that fail every
identifier check (contract, invoice and project numbers). Recognizers consult
``ctx.excluded(start, end)`` and drop a candidate that lies inside one of these spans.
"""

from __future__ import annotations

import re

from pipeline.detect.recognizers.validators import (
    area_code_ok,
    id15_ok,
    id18_ok,
    keyword_before,
    luhn_ok,
    mobile_ok,
    split_area_code,
    uscc_ok,
)

Span = tuple[int, int, str]

# Every pattern starts with a plain character class so that ``re`` can skip ahead quickly;
# "not preceded by a digit" is a look-behind placed after that first character.
_HOTLINE = re.compile(
    r"[(0-9](?<![0-9A-Za-z][(0-9])(?:"
    r"(?<=\()(?P<area>0[1-9][0-9]{1,2}\))12[0-9]{3}"  # (0564)12345
    r"|(?<=0)[1-9][0-9]{1,2}[- ]?12[0-9]{3}"  # 0564-12345
    r"|(?<=[48])(?P<biz>00)[- ]?[0-9]{3}[- ]?[0-9]{4}"  # 400/800 numbers
    r"|(?<=1)2[0-9]{3}"  # 12345 12315 12380 12366 12369 …
    r"|(?<=9)(?P<svc>5[0-9]{3,6}|6[0-9]{3,4})"  # 95xxx / 96xxx service numbers
    r"|(?<=1)(?:10|19|20|22)"  # 110 119 120 122
    r")(?![0-9])"
)
# Agency lines named as such: supervision, complaint and reporting lines. (A switchboard, 总机,
# is reported as a LANDLINE and allowed as the agency's contact line, so the audit lists it.)
_AGENCY_LINE = re.compile(
    r"(?:监督|举报|投诉|热线|值班)(?:电话|热线|号码)?[:\s]*(?:为|是)?[:\s]*"
    r"((?:\(0[1-9][0-9]{1,2}\)|0[1-9][0-9]{1,2}-?)?[2-9][0-9]{6,7}(?:(?:转|-)[0-9]{1,6})?)"
    r"(?![0-9])"
)
# 文号: 〔2020〕14号 with [] 【】 () 〔〕 brackets; the issuer abbreviation is added below.
_DOC_NO = re.compile(r"[〔\[【(](?:19|20)[0-9]{2}[〕\]】)]\s?第?[0-9]{1,5}\s?号")
_DOC_PREFIX_STOP = re.compile(
    r".*(?:根据|依据|按照|印发|转发|关于|参照|落实|贯彻|执行|[的和及与见了在按])"
)
_CJK = re.compile(r"[\u4e00-\u9fff]{1,12}$")
_USCC = re.compile(
    r"[0-9A-HJ-NPQRTUWXY](?<![0-9A-Za-z][0-9A-HJ-NPQRTUWXY])[0-9A-HJ-NPQRTUWXY][0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])"
)
_ORG_CODE = re.compile(
    r"(?:统一社会信用代码|社会信用代码|信用代码|纳税人识别号|组织机构代码|注册号|税号)"
    r"[^0-9A-Za-z\n]{0,6}([0-9A-Z][0-9A-Z-]{7,19})(?![0-9A-Za-z])"
)
_POSTCODE = re.compile(r"(?:邮编|邮政编码)[^0-9\n]{0,4}([0-9]{6})(?![0-9])")
_AMOUNT = re.compile(
    r"(?P<num>[0-9](?<![0-9A-Za-z.][0-9])(?:[0-9]{0,2}(?:,[0-9]{3})+|[0-9]*)(?:\.[0-9]+)?)"
    r"(?=[余多千百万亿元美港人件条场次个户家项篇期份批名台辆套张所处起例株头只亩吨公平米天小分%‰倍])"
    r"(?:余|多)?(?:千万|百万|万|亿|千|百)?"
    r"(?:(?P<money>元|美元|港元)|人次|件|条|人|场|次|个|户|家|项|篇|期|份|批|名|台|辆|套|张"
    r"|所|处|起|例|株|头|只|亩|吨|公里|千米|平方米|公顷|米|天|小时|分钟|%|‰|倍|万|亿)"
)
_DATE = re.compile(
    r"[0-9](?<![0-9][0-9])(?:"
    r"(?:(?<=1)9|(?<=2)0)[0-9]{2}年(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?"
    r"|[0-9]?月[0-9]{1,2}日"
    r"|(?:(?<=1)9|(?<=2)0)[0-9]{2}[-./](?:1[0-2]|0?[1-9])(?:[-./](?:3[01]|[12][0-9]|0?[1-9]))?"
    r"(?![0-9])"
    r")"
)
_BIRTH = re.compile(r"出生|生于|生日")
_MASK_CORE = re.compile(r"[*×●Xx](?:(?<=[*×●])[*×●]*|(?<=X)X+|(?<=x)x+)")
_LONG_RUN = re.compile(r"[0-9](?<![0-9A-Za-z][0-9])[0-9]{11,}[Xx]?(?![0-9A-Za-z])")
_PI_CUE = re.compile(
    r"卡号|账号|帐号|账户|帐户|银行|开户|存折|身份证|证件|身份号码|护照|电话|手机|联系"
)
_SERIAL_CUE = re.compile(
    r"(?<!证件)(?<!份证)编号|合同号|发票|订单号|流水号|索引号|项目代码|批号|档案号|登记号|条码"
)

# Web addresses: a server's IP address or a long digit run in a URL (paperId=18081698829,
# /h5/194860/18081624640/) is not a person's.
_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9.\-_~:/?#\[\]@!$&'()*+,;=%]+")

_HOTLINE_REASON = "公共服务热线"
_SERIAL_REASON = "疑似合同/项目编号"


def _hotlines(text: str, out: list[Span]) -> None:
    for m in _HOTLINE.finditer(text):
        if m.group("biz"):
            why = "400/800企业客服号码"
        elif m.group("svc"):
            why = "特服/客服号码"
        else:
            why = _HOTLINE_REASON
        out.append((m.start(), m.end(), why))
    for m in _AGENCY_LINE.finditer(text):
        out.append((m.start(1), m.end(1), "机构监督/举报/热线电话"))


def _urls(text: str, out: list[Span]) -> None:
    for m in _URL.finditer(text):
        out.append((m.start(), m.end(), "网址（服务器地址、页面参数）"))


def _doc_numbers(text: str, out: list[Span]) -> None:
    for m in _DOC_NO.finditer(text):
        start = m.start()
        head = _CJK.search(text, max(0, start - 12), start)
        if head:
            prefix = head.group()
            stop = _DOC_PREFIX_STOP.match(prefix)
            start = head.start() + (stop.end() if stop else 0)
        out.append((start, m.end(), "文号"))


def _org_codes(text: str, out: list[Span]) -> None:
    for m in _USCC.finditer(text):
        code = m.group()
        if not uscc_ok(code):
            continue
        id_shaped = code[:17].isdigit() and (code[17].isdigit() or code[17] in "Xx")
        if id_shaped and (id18_ok(code) or keyword_before(text, m.start(), _PI_CUE, 12)):
            continue  # may be a resident ID: only an explicit keyword below makes it a code
        out.append((m.start(), m.end(), "统一社会信用代码"))
    for m in _ORG_CODE.finditer(text):
        if "信用代码" not in m.group() and id18_ok(m.group(1)):
            continue  # an individual's taxpayer number is the resident ID itself
        out.append((m.start(1), m.end(1), "统一社会信用代码/机构代码"))


def _numbers(text: str, out: list[Span]) -> None:
    for m in _POSTCODE.finditer(text):
        out.append((m.start(1), m.end(1), "邮政编码"))
    for m in _AMOUNT.finditer(text):
        num = m.group("num")
        if m.group("money"):
            out.append((m.start(), m.end(), "金额"))
        elif len(num) < 11 or not num.isdigit():  # 11+ bare digits may be a phone or an ID
            out.append((m.start(), m.end(), "统计数字"))
    for m in _DATE.finditer(text):
        s, e = m.span()
        if _BIRTH.search(text, max(0, s - 6), min(len(text), e + 3)):
            continue  # a birth date is personal information, not an event date
        out.append((s, e, "日期"))


def _masked(text: str, out: list[Span]) -> None:
    n = len(text)
    for m in _MASK_CORE.finditer(text):
        s, e = m.span()
        cjk_before = s > 0 and "\u4e00" <= text[s - 1] <= "\u9fff"
        if e - s < 2 and not cjk_before:
            continue  # a lone asterisk or times sign (footnote, multiplication)
        left = s
        while left > 0 and s - left < 12 and text[left - 1].isascii() and text[left - 1].isalnum():
            left -= 1
        right = e
        while right < n and right - e < 12 and text[right].isascii() and text[right].isalnum():
            right += 1
        if left == s and right == e and cjk_before:
            # a masked name: 王*军, 王**: the surname, the mask and, after one mask, one more
            left = s - 1
            if e - s == 1 and right < n and "\u4e00" <= text[right] <= "\u9fff":
                right += 1
        out.append((left, right, "已脱敏"))


def _passes_any_check(run: str) -> bool:
    digits = run.rstrip("Xx")
    n = len(run)
    if (n == 18 and id18_ok(run)) or (n == 15 and id15_ok(run)):
        return True
    if digits != run:
        return False
    if 16 <= n <= 19 and luhn_ok(run):
        return True
    if run[0] == "0" and n in (11, 12):
        code, local = split_area_code(run)
        return area_code_ok(code) and 7 <= len(local) <= 8
    return n == 13 and run.startswith("86") and mobile_ok(run[2:])


def _serial_numbers(text: str, out: list[Span]) -> None:
    for m in _LONG_RUN.finditer(text):
        s, e = m.span()
        serial = keyword_before(text, s, _SERIAL_CUE, 12) is not None
        if serial or not (_passes_any_check(m.group()) or keyword_before(text, s, _PI_CUE, 16)):
            out.append((s, e, _SERIAL_REASON))


_BADGE = re.compile(
    r"(?:执法证号|执法证件号码?|执法证编号|执法证|工作证号)[:： ]{0,2}([A-Z0-9]{6,20})"
)


def _badge_numbers(text: str, out: list[Span]) -> None:
    """Law-enforcement badge numbers: an official's identifier, published by design."""
    for m in _BADGE.finditer(text):
        out.append((m.start(1), m.end(1), "执法证件号（公职人员履职信息）"))


def find_exclusions(text: str) -> list[Span]:
    """Spans (normalised offsets, end exclusive) that are not personal information, sorted."""
    out: list[Span] = []
    _hotlines(text, out)
    _urls(text, out)
    _doc_numbers(text, out)
    _org_codes(text, out)
    _numbers(text, out)
    _masked(text, out)
    _serial_numbers(text, out)
    _badge_numbers(text, out)
    out.sort(key=lambda span: (span[0], -span[1]))
    return out
