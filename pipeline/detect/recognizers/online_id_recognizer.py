"""Online identifiers: e-mail addresses, QQ numbers, WeChat IDs and IP addresses."""

from __future__ import annotations

import ipaddress
import re
from typing import ClassVar

from pipeline.detect.base import DetectContext, Recognizer
from pipeline.detect.recognizers.validators import keyword_before
from pipeline.document import Detection

_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_DOMAIN = re.compile(
    r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
    r"[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9-])"
)
_EMAIL_CUE = re.compile(r"电子邮箱|电子邮件|邮箱|E-mail|e-mail|Email|email|EMAIL|邮件")
# The keyword is required for every mention: "QQ:12345678".
_QQ = re.compile(
    r"(?P<kw>(?:QQ|qq|Qq)(?:号码|号)?)(?!群)(?:[/、](?:微信号?|电话|手机))?[:\s]*(?:为|是)?[:\s(（]*"
    r"(?P<id>[1-9][0-9]{4,10})(?![0-9A-Za-z@.])"
)
_WECHAT = re.compile(
    r"(?P<kw>(?:微信|WeChat|Wechat|wechat|WECHAT|weixin)(?:号码|号|ID|id)?)"
    r"(?!公众|小程序|群|支付|扫)(?:[/、](?:QQ|qq|电话|手机))?[:\s]*(?:为|是)?[:\s(（]*"
    r"(?P<id>wxid_[A-Za-z0-9_-]{4,30}|[A-Za-z][A-Za-z0-9_-]{5,19})(?![A-Za-z0-9_@.-])"
)
_IPV4 = re.compile(
    r"([0-9](?<![0-9.][0-9])[0-9]{0,2})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})"
    r"(?![0-9]|\.[0-9])"
)
_IPV6 = re.compile(
    r"[0-9A-Fa-f:](?<![0-9A-Za-z:][0-9A-Fa-f:])[0-9A-Fa-f]{0,3}:[0-9A-Fa-f:]{1,37}(?![0-9A-Za-z:])"
)
_IP_CUE = re.compile(r"IP地址|IP|ip|IPv4|IPv6|地址|服务器|登录")
_HEADING_BEFORE = frozenset("第图表章节条款")
# What kind of mailbox a domain is: an organisation's own (government, society, school,
# research institute) or a public webmail service anyone can register with.
_DOMAIN_LABEL_KIND = {
    "gov": "government",
    "gouv": "government",
    "gob": "government",
    "org": "organisation",
    "edu": "education",
    "ac": "research",
}
_WEBMAIL = frozenset(
    {
        *("163.com", "126.com", "yeah.net", "qq.com", "foxmail.com", "sina.com", "sina.cn"),
        *("sohu.com", "139.com", "189.cn", "aliyun.com", "gmail.com", "hotmail.com"),
        *("outlook.com", "live.com", "yahoo.com", "msn.com", "21cn.com", "tom.com", "263.net"),
        "icloud.com",
    }
)


def domain_kind(domain: str) -> str:
    """government / organisation / education / research / webmail / other (a company's own)."""
    domain = domain.lower()
    if domain in _WEBMAIL or any(domain.endswith("." + w) for w in _WEBMAIL):
        return "webmail"
    labels = domain.split(".")[:-1]  # the last label is the top-level domain
    for label in reversed(labels):
        if label in _DOMAIN_LABEL_KIND:
            return _DOMAIN_LABEL_KIND[label]
    if domain.endswith((".gov", ".mil")):
        return "government"
    return "other"


_KIND_NAMES = {
    "government": "政府机关域名",
    "organisation": "社会组织域名",
    "education": "教育机构域名",
    "research": "科研机构域名",
    "webmail": "公共邮箱服务",
    "other": "单位或个人域名",
}


def _det(entity: str, s: int, e: int, score: float, name: str, how: str, **attrs: object):
    return Detection(entity, s, e, score, name, how, dict(attrs))


class EmailRecognizer(Recognizer):
    """RFC-shaped addresses: local part, @, a dotted domain with a letter TLD."""

    name: ClassVar[str] = "EmailRecognizer"
    entities: ClassVar[tuple[str, ...]] = ("EMAIL",)

    def analyze(self, ctx: DetectContext) -> list[Detection]:
        text = ctx.text
        found: list[Detection] = []
        at = text.find("@")
        while at != -1:
            s = at
            while s > 0 and at - s < 64 and text[s - 1] in _LOCAL_CHARS:
                s -= 1
            while s < at and not text[s].isalnum():  # local part starts with a letter/digit
                s += 1
            dom = _DOMAIN.match(text, at + 1)
            if s < at and dom and text[s] != "*":
                e = dom.end()
                local = text[s:at]
                if not ctx.excluded(s, e) and "*" not in local and local.strip("xX"):
                    keyword = keyword_before(text, s, _EMAIL_CUE, 10)
                    kind = domain_kind(dom.group())
                    how = f"邮箱格式，域名{dom.group()}（{_KIND_NAMES[kind]}）"
                    if keyword:
                        how += f"，关键词“{keyword}”"
                    score = 0.97 if keyword else 0.95
                    found.append(
                        _det(
                            "EMAIL",
                            s,
                            e,
                            score,
                            self.name,
                            how,
                            validated=True,
                            keyword=keyword,
                            domain_kind=kind,
                        )
                    )
            at = text.find("@", at + 1)
        return found


class QQRecognizer(Recognizer):
    """5-11 digit QQ numbers, only right after the word QQ (QQ群 excluded)."""

    name: ClassVar[str] = "QQRecognizer"
    entities: ClassVar[tuple[str, ...]] = ("QQ",)

    def analyze(self, ctx: DetectContext) -> list[Detection]:
        found: list[Detection] = []
        for m in _QQ.finditer(ctx.text):
            s, e = m.span("id")
            if ctx.excluded(s, e):
                continue
            keyword = m.group("kw")
            how = f"关键词“{keyword}”后的{e - s}位号码"
            found.append(_det("QQ", s, e, 0.7, self.name, how, validated=False, keyword=keyword))
        return found


class WechatRecognizer(Recognizer):
    """WeChat IDs (wxid_… or letter + 5-19 of letters/digits/_/-) right after 微信/WeChat."""

    name: ClassVar[str] = "WechatRecognizer"
    entities: ClassVar[tuple[str, ...]] = ("WECHAT",)

    def analyze(self, ctx: DetectContext) -> list[Detection]:
        found: list[Detection] = []
        for m in _WECHAT.finditer(ctx.text):
            s, e = m.span("id")
            if ctx.excluded(s, e):
                continue
            keyword = m.group("kw")
            form = "wxid_格式" if m.group("id").startswith("wxid_") else "字母开头6-20位"
            how = f"关键词“{keyword}”后的微信号（{form}）"
            found.append(
                _det("WECHAT", s, e, 0.7, self.name, how, validated=False, keyword=keyword)
            )
        return found


class IpAddressRecognizer(Recognizer):
    """IPv4 with valid octets (not section numbers like 3.1.2.1) and basic IPv6."""

    name: ClassVar[str] = "IpAddressRecognizer"
    entities: ClassVar[tuple[str, ...]] = ("IP_ADDRESS",)

    def analyze(self, ctx: DetectContext) -> list[Detection]:
        text = ctx.text
        found: list[Detection] = []
        for m in _IPV4.finditer(text):
            octets = m.groups()
            if any(int(o) > 255 or (len(o) > 1 and o[0] == "0") for o in octets):
                continue
            s, e = m.span()
            keyword = keyword_before(text, s, _IP_CUE, 10)
            if not keyword and (
                all(len(o) == 1 for o in octets) or (s > 0 and text[s - 1] in _HEADING_BEFORE)
            ):
                continue  # 3.1.2.1 or 图1.2.3.4: a section or figure number
            if ctx.excluded(s, e):
                continue
            how = "IPv4地址，四段均在0-255" + (f"，关键词“{keyword}”" if keyword else "")
            score = 0.95 if keyword else 0.9
            found.append(
                _det("IP_ADDRESS", s, e, score, self.name, how, validated=True, keyword=keyword)
            )
        if ":" not in text:
            return found
        for m in _IPV6.finditer(text):
            value = m.group()
            if value.count(":") < 2 or ("::" not in value and value.count(":") != 7):
                continue
            try:
                ipaddress.IPv6Address(value)
            except ValueError:
                continue
            if sum(1 for part in value.split(":") if part) < 2:
                continue
            s, e = m.span()
            if ctx.excluded(s, e):
                continue
            keyword = keyword_before(text, s, _IP_CUE, 10)
            how = "IPv6地址" + (f"，关键词“{keyword}”" if keyword else "")
            found.append(
                _det("IP_ADDRESS", s, e, 0.9, self.name, how, validated=True, keyword=keyword)
            )
        return found
