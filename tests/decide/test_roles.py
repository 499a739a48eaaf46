"""Whose information is it: the nearest cue on the same sentence decides."""

from __future__ import annotations

import pytest

from pipeline.decide.roles import RoleResolver, RosterRows, sentence_around
from pipeline.document import Detection

RESOLVER = RoleResolver.from_yaml()


def _role(text: str, value: str, entity: str = "MOBILE", attrs=None, doc_type="other", rosters=()):
    start = text.index(value)
    det = Detection(entity, start, start + len(value), 1.0, "t", attrs=attrs or {})
    return RESOLVER.resolve(text, det, doc_type, RosterRows(list(rosters))).role


@pytest.mark.parametrize(
    ("text", "value", "role"),
    [
        ("申请人张三,联系电话13812345678。", "13812345678", "private"),
        ("联系人:王训涛,联系电话:13812345678。", "13812345678", "contact"),
        ("帮扶责任人:王芳,电话13812345678", "13812345678", "helper"),
        ("当事人:钱某,电话13812345678", "13812345678", "party"),
        ("局长李明华,电话13812345678", "13812345678", "official"),
        ("申请人张三。联系人:王五,电话13812345678", "13812345678", "contact"),
        ("申请人张三。\n电话13812345678", "13812345678", "unknown"),
        ("今天天气很好,13812345678", "13812345678", "unknown"),
    ],
)
def test_nearest_cue_before(text: str, value: str, role: str):
    assert _role(text, value) == role


def test_post_after_a_name_and_the_recognizers_own_cue():
    assert _role("李明华局长出席", "李明华", "PERSON") == "official"
    assert _role("张三来了", "张三", "PERSON", attrs={"cue_kind": "private"}) == "private"


def test_roster_rows_belong_to_beneficiaries_in_publicity_documents():
    text = "姓名\t电话\n王大明\t13812345678"
    start = text.index("王大明")
    rosters = [(start, len(text), "姓名\t电话")]
    assert (
        _role(text, "13812345678", doc_type="subsidy_publicity", rosters=rosters) == "beneficiary"
    )
    assert _role(text, "13812345678", doc_type="other", rosters=rosters) == "private"


def test_sentence_around_stops_at_sentence_ends():
    text = "第一句话。申请人张三电话123;后面"
    i = text.index("123")
    assert sentence_around(text, i, i + 3) == "申请人张三电话123"


def test_roster_columns_with_their_own_role_cue():
    header = "户主姓名\t帮扶责任人\t联系电话"
    text = header + "\n王大明\t李干部\t13812345678"
    start = text.index("王大明")
    rosters = [(start, len(text), header)]
    assert _role(text, "13812345678", doc_type="poverty_alleviation", rosters=rosters) == "helper"
    assert _role(text, "王大明", "PERSON", doc_type="poverty_alleviation", rosters=rosters) == (
        "beneficiary"
    )


def test_cues_count_only_on_word_boundaries():
    import rjieba

    text = "住址:石家庄市长安区中和小区\n联系电话:15032469751"
    value = "15032469751"
    start = text.index(value)
    det = Detection("MOBILE", start, start + len(value), 1.0, "t")
    starts, pos = [], 0
    for word, _ in rjieba.tag(text):
        starts.append(pos)
        pos += len(word)
    starts.append(pos)
    assert RESOLVER.resolve(text, det, "other", RosterRows([]), starts).role == "private"
    # without segmentation the 市长 inside 石家庄市长安区 would be read as a post
    assert RESOLVER.resolve(text, det, "other", RosterRows([])).role == "official"
