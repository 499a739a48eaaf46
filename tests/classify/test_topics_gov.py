"""The gov.cn 主题分类 field (issue 16): title and body together, matched words reported,
其他 when a document spans several areas or is about a body itself."""

from __future__ import annotations

from pipeline.classify import classify
from pipeline.classify.topics_gov import classify_gov, matches


def test_government_and_agency_names_are_not_topic_words():
    # 人民政府 ⊃ 民政, 市政府 ⊃ 市政, 省财政厅 names who acts, 冀政办〔…〕号 is a number
    text = (
        "各市（含定州、辛集市）人民政府，雄安新区管委会，省政府各部门：经省人民政府同意，"
        "由省财政厅、省民政厅牵头，省市政府有关部门配合（冀政办〔2021〕14号）。"
    )
    assert matches(text) == {}


def test_a_longer_word_of_another_category_hides_its_part():
    found = matches("扩大地质遗迹自然保护区范围，农民工工资支付")
    assert "国土资源、能源" not in found  # 地质遗迹 is not 地质
    assert "农业、林业、水利" not in found  # 农民工 is not 农民
    assert "农民工" in found["劳动、人事、监察"]


def test_a_title_word_decides_and_is_reported_first():
    title = "关于同意某某高速公路增设东收费站的复函"
    body = title + "\n省交通运输厅：你厅报来的请示收悉。同意增设收费站，收取车辆通行费。"
    guess = classify_gov(title, body)
    assert guess.category == "工业、交通"
    assert guess.cues[0] in title


def test_a_document_spanning_several_areas_without_a_title_word_is_other():
    title = "某某省人民政府办公厅关于印发2025年立法工作计划的通知"
    body = title + (
        "\n一、提请审议的地方性法规草案：某某省生态环境保护条例（修订）、某某省农业机械化"
        "促进条例、某某省学前教育条例、某某省养老服务条例、某某省安全生产条例。"
        "二、制定的政府规章：某某省大气污染防治办法、某某省高标准农田建设管理办法、"
        "某某省中小学校安全管理办法、某某省社会救助办法。"
    )
    assert classify_gov(title, body).category == "其他"


def test_one_dominant_area_in_the_body_decides_without_a_title_word():
    title = "关于做好今冬明春有关工作的通知"
    body = title + (
        "\n做好小麦冬灌和田间管理，抓好设施农业、畜牧养殖越冬保障，落实农机检修，"
        "保障农产品稳定供应，组织农民开展冬季农田水利建设。"
    )
    guess = classify_gov(title, body)
    assert guess.category == "农业、林业、水利"
    assert guess.cues


def test_a_notice_about_a_body_itself_is_other():
    for title in (
        "某某省人民政府办公厅关于调整省防汛抗旱指挥部组成人员的通知",
        "某某市人民政府办公室关于成立市中医药产业发展工作领导小组的通知",
        "关于某某市农业科学研究所更名的批复",
    ):
        guess = classify_gov(title, title + "\n经研究，决定如下。组长：王某（副市长）。")
        assert guess.category == "其他", title
    assert classify_gov("国务院关于机构设置的通知", "国务院关于机构设置的通知").category == (
        "国务院组织机构"
    )


def test_a_disclosure_work_report_is_general_affairs_with_its_words():
    text = (
        "某某市人民政府办公室2024年政府信息公开工作年度报告\n一、总体情况\n"
        "2024年，围绕财政预决算、就业创业、生态环境等重点领域加大信息公开力度，"
        "市财政局、市人社局按要求公开部门预算。"
    )
    result = classify(text)
    assert result.topic_gov == "综合政务"
    assert "政府信息公开" in result.topic_gov_cues
