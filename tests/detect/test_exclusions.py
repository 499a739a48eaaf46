"""find_exclusions, and every false positive in DOMAIN.md run through all our recognizers."""

import pytest

from pipeline.detect.engine import DetectionEngine
from pipeline.detect.recognizers.exclusions import find_exclusions
from pipeline.detect.registry import identifier_recognizers
from pipeline.normalise import normalise
from tests.check_digits import uscc, with_check

ORG_CODE = uscc("12341500MB1234567")
ID = with_check("34150119850101001")


def spans(text: str) -> list[tuple[str, str]]:
    """Excluded substrings of the normalised text, with reasons."""
    text = normalise(text).text
    return [(text[s:e], why) for s, e, why in find_exclusions(text)]


def excluded(text: str) -> dict[str, str]:
    return {value: why for value, why in spans(text)}


ENGINE = DetectionEngine(identifier_recognizers(), find_exclusions)


def test_sorted_tuples_with_chinese_reasons():
    out = find_exclusions("热线12345，2020年共146425件，邮编237000")
    assert out == sorted(out, key=lambda x: (x[0], -x[1]))
    assert all(isinstance(why, str) and why for _, _, why in out)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("拨打12345热线", "12345"),
        ("市长热线0564-12345", "0564-12345"),
        ("热线(0564)12345", "(0564)12345"),
        ("举报请拨12380", "12380"),
        ("投诉12315", "12315"),
        ("12366纳税服务", "12366"),
        ("12369环保热线", "12369"),
        ("报警110", "110"),
        ("客服95588", "95588"),
        ("400-800-1234", "400-800-1234"),
        ("800 810 8888", "800 810 8888"),
        ("4008001234", "4008001234"),
    ],
)
def test_hotlines(text, value):
    assert value in excluded(text)


def test_agency_lines():
    got = excluded("监督电话：0564-3371234，举报电话3371235")
    assert got.get("0564-3371234") and got.get("3371235")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("根据六政务公开办〔2020〕14号文件", "六政务公开办〔2020〕14号"),
        ("豫办〔2016〕60号", "豫办〔2016〕60号"),
        ("国办发[2016]80号", "国办发[2016]80号"),
        ("皖政【2019】第12号", "皖政【2019】第12号"),
        ("按照国办发(2017)42号要求", "国办发(2017)42号"),
    ],
)
def test_document_numbers(text, value):
    assert excluded(text).get(value) == "文号"


def test_document_number_traditional_and_full_width_via_normaliser():
    got = spans("依據皖政辦（２０２０）１５號")
    assert any(why == "文号" and "2020" in value for value, why in got)


def test_unified_social_credit_code():
    assert excluded(f"单位代码{ORG_CODE}").get(ORG_CODE) == "统一社会信用代码"
    typo = ORG_CODE[:17] + ("0" if ORG_CODE[17] != "0" else "1")
    assert excluded(f"统一社会信用代码:{typo}").get(typo)  # the keyword is enough
    bad = ORG_CODE[:17] + ("0" if ORG_CODE[17] != "0" else "1")
    assert bad not in excluded(f"代码{bad}")


def test_valid_resident_id_is_not_taken_for_a_credit_code():
    # an all-digit ID that happens to pass GB 32100 must stay reportable
    assert ID not in excluded(f"身份证{ID}")


@pytest.mark.parametrize(
    ("text", "value", "why"),
    [
        ("邮编237000", "237000", "邮政编码"),
        ("邮政编码：237000", "237000", "邮政编码"),
        ("共受理146425件", "146425件", "统计数字"),
        ("累计1,234,567人次", "1,234,567人次", "统计数字"),
        ("办结98.5%", "98.5%", "统计数字"),
        ("资金3.5亿元", "3.5亿元", "金额"),
        ("补贴13812345678元", "13812345678元", "金额"),
        ("2020年12月31日", "2020年12月31日", "日期"),
        ("于2021-03-15召开", "2021-03-15", "日期"),
        ("3月5日", "3月5日", "日期"),
    ],
)
def test_numbers_and_dates(text, value, why):
    assert excluded(text).get(value) == why


def test_birth_date_is_not_excluded():
    assert "1990年3月7日" not in excluded("张三，1990年3月7日出生")


def test_bare_phone_shaped_count_is_not_statistics():
    assert "13812345678人" not in excluded("13812345678人")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("电话138****1234", "138****1234"),
        ("身份证3415**********5412", "3415**********5412"),
        ("王*军", "王*军"),
        ("申请人王**", "王**"),
        ("XXX同志", "XXX"),
        ("×××单位", "×××"),
        ("138XXXX1234", "138XXXX1234"),
    ],
)
def test_masked_values(text, value):
    assert excluded(text).get(value) == "已脱敏"


def test_lone_asterisk_is_not_a_mask():
    assert excluded("3*4=12，*注：略") == {}


@pytest.mark.parametrize(
    "value",
    ["20200123456789012345", "123456789012", "1234567890123456789012"],
)
def test_long_runs_failing_every_check(value):
    assert excluded(f"见{value}。").get(value) == "疑似合同/项目编号"


def test_long_runs_that_pass_a_check_or_have_a_cue_are_kept():
    assert ID not in excluded(f"见{ID}")
    assert "05643379123" not in excluded("见05643379123")
    assert "1234567890123456" not in excluded("账号1234567890123456")
    assert excluded(f"合同编号{ID}").get(ID) == "疑似合同/项目编号"


# Every false positive DOMAIN.md lists, through the whole set of our recognizers.
@pytest.mark.parametrize(
    "text",
    [
        "如有问题请拨打12345政务服务便民热线。",
        "市长热线0564-12345，12380举报电话。",
        "客服热线400-800-1234，800-810-8888。",
        "监督电话：0564-3371234。",
        "根据六政务公开办〔2020〕14号文件精神",
        "豫办〔2016〕60号、国办发【2017】42号",
        "全年共主动公开政府信息146425件。",
        "投入资金1234567890123456元，较上年增长12.5%。",
        "会议于2020年12月31日召开，2021-03-15再次召开。",
        "邮编237000，地址略。",
        f"统一社会信用代码：{ORG_CODE}",
        f"{ORG_CODE}（单位代码）",
        "合同编号：20200123456789012345",
        "发票号码：044001900111，项目编号1234567890123456789",
        "第3.1.2.1条",
        "当事人王*军，身份证号3415**********5412，电话138****1234，XXX。",
        "联系人×××，手机138XXXX1234",
    ],
)
def test_domain_false_positives_produce_no_detection(text):
    assert ENGINE.detect(text) == []


def test_a_switchboard_is_found_as_the_agencys_landline_not_excluded():
    # a switchboard is reported (and allowed as a contact line), so a rescan lists it
    [det] = ENGINE.detect("六安市人民政府总机：0564-3370000")
    assert det.entity == "LANDLINE" and det.attrs["validated"]


def test_positive_and_negative_together_keep_original_offsets():
    text = "热线１２３４５；申请人手机１３８ １２３４ ５６７８，身份证号" + ID
    found = [(d.entity, text[d.start : d.end]) for d in ENGINE.detect(text)]
    assert found == [("MOBILE", "１３８ １２３４ ５６７８"), ("ID_CARD", ID)]


def test_individual_taxpayer_number_is_the_resident_id():
    assert ID not in excluded(f"纳税人识别号:{ID}")
    assert excluded(f"纳税人识别号:{ORG_CODE}").get(ORG_CODE)
