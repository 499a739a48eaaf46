"""EmailRecognizer, QQRecognizer, WechatRecognizer, IpAddressRecognizer."""

import pytest

from pipeline.detect.engine import DetectionEngine
from pipeline.detect.recognizers.exclusions import find_exclusions
from pipeline.detect.recognizers.online_id_recognizer import (
    EmailRecognizer,
    IpAddressRecognizer,
    QQRecognizer,
    WechatRecognizer,
)

ALL = [EmailRecognizer(), QQRecognizer(), WechatRecognizer(), IpAddressRecognizer()]


def run(text: str, recognizers=None):
    engine = DetectionEngine(recognizers or ALL, find_exclusions)
    return [(d.entity, text[d.start : d.end], d) for d in engine.detect(text)]


def found(text: str):
    return [(entity, value) for entity, value, _ in run(text)]


def test_class_vars():
    for cls, entity in [
        (EmailRecognizer, "EMAIL"),
        (QQRecognizer, "QQ"),
        (WechatRecognizer, "WECHAT"),
        (IpAddressRecognizer, "IP_ADDRESS"),
    ]:
        assert cls.name == cls.__name__ and cls.entities == (entity,)


# --- e-mail -------------------------------------------------------------------------------
def test_email_next_to_chinese():
    [(entity, value, d)] = run("来信人邮箱zhang.san@163.com，请回复")
    assert (entity, value) == ("EMAIL", "zhang.san@163.com")
    assert d.score >= 0.9
    assert d.attrs == {"validated": True, "keyword": "邮箱", "domain_kind": "webmail"}


def test_email_full_width_offsets():
    text = "电子邮件：ｌｉｓｉ＠ｑｑ．ｃｏｍ。"
    [(entity, value, _)] = run(text)
    assert (entity, value) == ("EMAIL", "ｌｉｓｉ＠ｑｑ．ｃｏｍ")


@pytest.mark.parametrize("text", ["@某某 回复", "a@b", "user@localhost", "ab***@163.com"])
def test_not_emails(text):
    assert found(text) == []


# --- QQ ---------------------------------------------------------------------------------
def test_qq_with_keyword():
    [(entity, value, d)] = run("QQ:123456789，欢迎联系")
    assert (entity, value) == ("QQ", "123456789")
    assert 0.5 <= d.score <= 0.7 and d.attrs == {"validated": False, "keyword": "QQ"}
    assert found("qq号 54321") == [("QQ", "54321")]
    assert found("QQ号码为987654321。") == [("QQ", "987654321")]


def test_qq_full_width_offsets():
    text = "ＱＱ：１２３４５６７８"
    assert found(text) == [("QQ", "１２３４５６７８")]


def test_qq_keyword_required_per_mention():
    assert found("QQ:123456789，另一个987654321") == [("QQ", "123456789")]
    assert found("编号123456789") == []


def test_qq_group_and_bad_lengths_not_reported():
    assert found("QQ群:123456789") == []
    assert found("QQ:1234") == []
    assert found("QQ:123456789012") == []
    assert found("QQ:123****89") == []


def test_qq_email_is_an_email_not_a_qq_number():
    assert found("QQ邮箱123456789@qq.com") == [("EMAIL", "123456789@qq.com")]


# --- WeChat -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("微信号:wang_xiao99", "wang_xiao99"),
        ("微信 zhangsan-1988，", "zhangsan-1988"),
        ("WeChat: wxid_abc123def", "wxid_abc123def"),
        ("微信号为Li_Ming2020。", "Li_Ming2020"),
    ],
)
def test_wechat_with_keyword(text, value):
    [(entity, got, d)] = run(text)
    assert (entity, got) == ("WECHAT", value)
    assert 0.5 <= d.score <= 0.7 and d.attrs["keyword"] in {"微信号", "微信", "WeChat"}


def test_wechat_full_width_offsets():
    text = "微信号：ｗａｎｇ＿ｘｉａｏ９９"
    assert found(text) == [("WECHAT", "ｗａｎｇ＿ｘｉａｏ９９")]


@pytest.mark.parametrize(
    "text",
    [
        "wang_xiao99",  # no keyword
        "微信公众号:lazfgk",  # an agency's public account
        "微信扫码关注",
        "微信号:abc",  # too short
        "微信号:1abcdef",  # must start with a letter
        "微信号:wang**99",
    ],
)
def test_not_wechat(text):
    assert found(text) == []


# --- IP addresses --------------------------------------------------------------------------
def test_ipv4():
    [(entity, value, d)] = run("登录IP为192.168.1.10，时间")
    assert (entity, value) == ("IP_ADDRESS", "192.168.1.10")
    assert d.score >= 0.9 and d.attrs["validated"] is True
    assert found("来自10.20.30.40的访问") == [("IP_ADDRESS", "10.20.30.40")]


def test_ipv4_full_width_offsets():
    text = "ＩＰ：１９２．１６８．０．１"
    assert found(text) == [("IP_ADDRESS", "１９２．１６８．０．１")]


@pytest.mark.parametrize(
    "text",
    ["第3.1.2.1条", "版本1.2.3.4", "256.1.1.1", "192.168.1", "1.2.3.4.5", "192.168.01.1"],
)
def test_not_ipv4(text):
    assert found(text) == []


def test_ipv6():
    assert found("IPv6地址2001:db8::8a2e:370:7334") == [("IP_ADDRESS", "2001:db8::8a2e:370:7334")]
    full = "2001:0db8:85a3:0000:0000:8a2e:0370:7334"
    assert found(f"地址{full}。") == [("IP_ADDRESS", full)]
    assert found("会议时间10:30:00") == []


def test_placeholder_email_not_reported():
    assert found("邮箱xxx@163.com") == []
