"""AddressRecognizer: person-level addresses, keep_until_at, cues and policy negatives."""

from __future__ import annotations

import pytest

from pipeline.detect.base import DetectContext
from pipeline.detect.engine import DetectionEngine
from pipeline.detect.recognizers.address_recognizer import AddressRecognizer
from pipeline.normalise import normalise

POLICY = """六安市人民政府办公室关于进一步加强政务公开工作的实施意见
六政务公开办〔2020〕14号
各县区人民政府,市政府各部门、各直属机构:
为深入贯彻落实《中华人民共和国政府信息公开条例》(国务院令第711号),推进全市政务公开标准化规范化建设,现提出如下实施意见。
一、各县区、乡镇(街道)要建立健全政务公开工作机制,金安区、裕安区、舒城县要率先完成基层政务公开目录编制,村(居)务公开与政务公开协同发展。
二、市住房城乡建设局、市交通运输局要做好道路建设、老旧小区改造等重大项目信息公开,各街道、社区要设立政务公开专区,办公地址、办公时间、联系方式要向社会公开。
三、落实省政府办公厅《关于做好2020年政务公开工作的通知》(皖政办秘〔2020〕58号)要求,各村民小组、村委会要公开惠民政策,到2025年实现全覆盖。
"""


def _addresses(text: str) -> list[tuple[str, dict]]:
    ctx = DetectContext(normalise(text))
    return [(text[d.start : d.end], d.attrs) for d in AddressRecognizer().analyze(ctx)]


@pytest.mark.parametrize(
    ("text", "address", "kept", "finest", "cue"),
    [
        (
            "六安市金安区三里桥街道梅山南路12号3栋2单元501室",
            "六安市金安区三里桥街道梅山南路12号3栋2单元501室",
            "六安市金安区三里桥街道",
            "室",
            None,
        ),
        ("舒城县干汊河镇新河村3组", "舒城县干汊河镇新河村3组", "舒城县干汊河镇", "组", None),
        ("家住城关镇解放路88号,", "城关镇解放路88号", "家住城关镇", "号", "家住"),
        (
            "申请人户籍在舒城县干汊河镇新河村三组。",
            "舒城县干汊河镇新河村三组",
            "申请人户籍在舒城县干汊河镇",
            "组",
            None,
        ),
        (
            "住址:安徽省六安市金安区东市街道幸福小区5栋2单元301室",
            "安徽省六安市金安区东市街道幸福小区5栋2单元301室",
            "住址:安徽省六安市金安区东市街道",
            "室",
            "住址",
        ),
        ("办公地址:六安市梅山南路12号", "六安市梅山南路12号", "办公地址:六安市", "号", "办公地址"),
        ("家住舒城县干汊河镇新河村", "舒城县干汊河镇新河村", "家住舒城县干汊河镇", "村", "家住"),
    ],
)
def test_addresses(text: str, address: str, kept: str, finest: str, cue: str | None) -> None:
    found = _addresses(text)
    assert [a for a, _ in found] == [address]
    attrs = found[0][1]
    assert text[: attrs["keep_until_at"]] == kept
    assert attrs["finest"] == finest and attrs["cue"] == cue


def test_address_without_prefix_masks_everything() -> None:
    text = "张三在解放路88号开店"
    found = _addresses(text)
    assert [a for a, _ in found] == ["解放路88号"]
    assert found[0][1]["keep_until_at"] == text.index("解放路")


@pytest.mark.parametrize(
    "text",
    [
        "六安市、金安区、舒城县",
        "依据六政务公开办〔2020〕14号文件",
        "各街道2号楼前",
        "家住六安市",
        "国务院令第711号",
    ],
)
def test_negatives(text: str) -> None:
    assert _addresses(text) == []


def test_policy_text_has_no_address() -> None:
    assert _addresses(POLICY) == []


def test_original_offsets_through_engine_traditional_fullwidth() -> None:
    original = "家住：舒城縣干汊河鎮新河村３組，電話略"
    found = DetectionEngine([AddressRecognizer()]).detect(original)
    assert len(found) == 1
    det = found[0]
    assert original[det.start : det.end] == "舒城縣干汊河鎮新河村３組"
    assert original[: det.attrs["keep_until_at"]] == "家住：舒城縣干汊河鎮"


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("住址：沈丘县槐店镇新华街南段17号，联系电话", "沈丘县槐店镇新华街南段17号"),
        ("家住城关镇人民路东段88号3单元201室。", "城关镇人民路东段88号3单元201室"),
        ("现住项城市水寨街道交通路北巷6号", "项城市水寨街道交通路北巷6号"),
    ],
)
def test_road_with_a_directional_segment_is_an_address(text, address):
    # 南段/东段/北巷: the road's segment or lane named by a direction, before the number
    assert address in [a for a, _ in _addresses(text)]
