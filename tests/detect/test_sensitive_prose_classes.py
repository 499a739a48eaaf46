"""Issue 13 classes: residential structures vs public premises, diseases and health events in
prose, earlier criminal and administrative sanctions of private people, unit names that are
not people. Documents written for these tests, in the forms agencies use."""

from __future__ import annotations

import pytest

from pipeline.screen import screen_text


def _finding(text: str, value: str, entity: str | None = None):
    start = text.index(value)
    for f in screen_text(text).findings:
        if f.start <= start < f.end and (entity is None or f.entity == entity):
            return f
    return None


# ── residential structures (小区/花园/家园/公寓/新村/苑/城 + 号楼/栋/幢/单元/室) ─────────────
@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "信访事项答复意见书\n马淑琴：\n你所居住的城北安置小区11号楼南单元顶层漏水问题，已交由物业维修。",
            "城北安置小区11号楼南单元顶层",
        ),
        (
            "关于群众来信办理情况的说明\n经走访，来信反映的噪音来自金桂花园东区6幢一楼的商户。",
            "金桂花园东区6幢",
        ),
        (
            "情况核查报告\n该户现租住于青年公寓3座1206室，已登记流动人口信息。",
            "青年公寓3座1206室",
        ),
        (
            "情况核查报告\n经核实，申请家庭在梧桐新村2栋3单元拥有住房一套。",
            "梧桐新村2栋3单元",
        ),
    ],
)
def test_residential_structure_without_cue_is_redacted(text: str, value: str) -> None:
    f = _finding(text, value, "ADDRESS")
    assert f is not None, value
    assert f.action == "redact"
    assert text[f.start : f.end] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "培训通知\n报到地点：武汉市江岸区沿江大道188号金融大厦6楼603室。",
            "武汉市江岸区沿江大道188号金融大厦6楼603室",
        ),
        (
            "关于召开座谈会的通知\n会议地点：合肥市包河区南京路2589号政务办公楼A座12楼。",
            "合肥市包河区南京路2589号政务办公楼A座12楼",
        ),
        (
            "关于组织申报的通知\n"
            "联系地址：长沙市岳麓区麓谷大道658号科技园5号楼302室  电话：0731-88901234",
            "长沙市岳麓区麓谷大道658号科技园5号楼302室",
        ),
    ],
)
def test_public_premises_stay(text: str, value: str) -> None:
    f = _finding(text, value, "ADDRESS")
    assert f is not None, value
    assert f.action == "allow"


def test_home_cue_on_an_office_tower_is_still_a_home() -> None:
    text = "来信人反映，其家住合肥市包河区庐州大道88号金融大厦1802室，楼下商铺噪音扰民。"
    f = _finding(text, "金融大厦1802室", "ADDRESS")
    assert f is not None and f.action == "redact"


# ── diseases and health events in prose and in roster cells ────────────────────────────────
@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "走访情况\n12月5日，镇干部看望了村民邵长根，邵长根今年突发脑溢血，目前卧床。",
            "突发脑溢血",
        ),
        ("工作简报\n经入户核实，该户户主2024年确诊为胃癌晚期，家庭负担重。", "确诊为胃癌晚期"),
        (
            "临时救助对象公示\n序号\t姓名\t所在村\t救助原因\t金额\n1\t章德兵\t桥头村\t因脑梗塞住院治疗\t3000",
            "因脑梗塞住院治疗",
        ),
        (
            "困难群众慰问名单\n序号\t姓名\t困难情况\n1\t鲁秀英\t做了心脏搭桥手术\n2\t鲍大勇\t尿毒症透析",
            "尿毒症透析",
        ),
    ],
)
def test_health_events_of_a_person_are_found(text: str, value: str) -> None:
    f = _finding(text, value, "HEALTH")
    assert f is not None, value
    assert f.action in ("redact", "review")
    assert value in text[f.start : f.end] or text[f.start : f.end] in value


@pytest.mark.parametrize(
    "text",
    [
        "关于做好慢性病管理的通知\n各乡镇要做好高血压、糖尿病等慢性病患者的随访管理。",
        "2025年医疗保障工作要点\n提高住院费用报销比例，将恶性肿瘤门诊治疗纳入报销范围。",
        "健康教育宣传\n脑卒中防治知识进社区，提醒居民定期体检。",
    ],
)
def test_disease_categories_in_policy_text_stay_silent(text: str) -> None:
    assert [f for f in screen_text(text).findings if f.entity == "HEALTH"] == []


def test_a_person_with_a_disease_in_prose_is_private() -> None:
    text = "慰问情况通报\n走访中了解到，村民倪长山去年确诊尿毒症，每周透析两次。"
    names = [f for f in screen_text(text).findings if f.text == "倪长山"]
    assert any(f.action == "redact" for f in names)


# ── criminal and administrative records of private people ─────────────────────────────────
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("社区矫正对象报到情况\n矫正对象蒋天成因犯危险驾驶罪被判处拘役二个月。", "因犯危险驾驶罪"),
        (
            "情况说明\n经查，顾某某曾因赌博被公安机关行政拘留十日。",
            "曾因赌博被公安机关行政拘留十日",
        ),
        ("帮教工作简报\n经回访，该人2019年刑满释放，现在园区务工。", "刑满释放"),
        ("情况说明\n申请人丛立军此前因吸毒被强制隔离戒毒二年。", "因吸毒被强制隔离戒毒"),
    ],
)
def test_criminal_records_are_sent_to_review(text: str, value: str) -> None:
    f = _finding(text, value, "CRIMINAL_RECORD")
    assert f is not None, value
    assert f.action in ("review", "redact")


@pytest.mark.parametrize(
    "text",
    [
        "中华人民共和国治安管理处罚法\n第十条 治安管理处罚的种类分为：警告、罚款、行政拘留。",
        "刑法节选\n单位犯前款罪的，对单位判处罚金。",
    ],
)
def test_statute_text_has_no_criminal_record(text: str) -> None:
    assert [f for f in screen_text(text).findings if f.entity == "CRIMINAL_RECORD"] == []


# ── office units and estates are not people ───────────────────────────────────────────────
@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("关于科室职责分工的通知\n经研究，综合科负责文电会务，财务审计科负责预算管理。", "综合科"),
        ("关于报送材料的通知\n请于周五前将材料报送县政府办公室秘书科，逾期不候。", "秘书科"),
        ("疫情通报\n患者居住在锦绣华庭小区，已落实封控。", "华庭"),
    ],
)
def test_unit_and_estate_names_are_not_persons(text: str, unit: str) -> None:
    people = [f.text for f in screen_text(text).findings if f.entity == "PERSON"]
    assert all(unit not in p and p not in unit for p in people), people


def test_a_person_after_a_unit_is_still_found() -> None:
    text = "联系人：县应急管理局综合科 杭明远，电话：0551-66781234。"
    people = [f for f in screen_text(text).findings if f.entity == "PERSON"]
    assert [f.text for f in people] == ["杭明远"]
    assert people[0].action == "allow"
