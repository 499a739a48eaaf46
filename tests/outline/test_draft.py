"""The extractive draft: sections, evidence that slices the original, targets of issue 5."""

from __future__ import annotations

import json

import pytest

from pipeline.normalise import normalise
from pipeline.outline import SECTIONS, check_point, draft_outline
from pipeline.outline.model import MISSING, Outline
from pipeline.parse import parse_document


def _norm(s: str) -> str:
    return "".join(normalise(s).text.split())


def _slices(text: str, outline: Outline, sid: str) -> list[list[str]]:
    return [[text[e.start : e.end] for e in p.evidence] for p in outline.section(sid).points]


@pytest.fixture(scope="module")
def outline(subsidy: str) -> Outline:
    return draft_outline(subsidy)


def test_sections_in_order_with_points(outline: Outline) -> None:
    assert [s.id for s in outline.sections] == list(SECTIONS)
    assert all(s.points for s in outline.sections)
    d = outline.to_dict()
    json.dumps(d, ensure_ascii=False)
    point = d["sections"][5]["points"][0]
    assert set(point) >= {"text", "evidence", "figures", "status"}
    assert point["status"] in ("auto", "needs_editor")


def test_every_point_is_supported_by_its_evidence(subsidy: str, outline: Outline) -> None:
    for section in outline.sections:
        for p in section.points:
            if not p.evidence:
                assert p.status == "needs_editor" and MISSING in p.text
                continue
            for e in p.evidence:
                assert 0 <= e.start < e.end <= len(subsidy)
            evidence = "\n".join(normalise(subsidy[e.start : e.end]).text for e in p.evidence)
            assert check_point(p.text, evidence) == [], (section.id, p.text)
    assert outline.guard.passed
    assert outline.guard.items > 30


def test_meta_cites_title_number_issuers_date_marker(subsidy: str, outline: Outline) -> None:
    slices = [s[0] for s in _slices(subsidy, outline, "meta")]
    assert "江人社规〔2024〕3号" in slices
    assert "2024年2月6日" in slices
    assert "（此件公开发布）" in slices
    texts = [p.text for p in outline.section("meta").points]
    assert "发文机关：江淮市人力资源和社会保障局、江淮市财政局" in texts


def test_basis_lists_every_citation_of_the_purpose_clause(subsidy: str, outline: Outline) -> None:
    cited = [s for p in _slices(subsidy, outline, "basis") for s in p]
    assert "《中华人民共和国就业促进法》" in cited
    assert "《国务院关于进一步做好稳就业工作的意见》" in cited and "国发〔2019〕28号" in cited
    assert "皖财社〔2023〕512号" in cited
    # the document's own title is not its basis
    assert not any("江淮市就业创业补贴实施办法" in s for s in cited)


def test_background_is_the_purpose_without_the_basis(outline: Outline) -> None:
    text = outline.section("background").points[0].text
    assert text.startswith("出台目的：") and "稳定和扩大就业" in text
    assert "《" not in text


def test_measures_cover_every_first_and_second_level_heading(subsidy: str) -> None:
    outline = draft_outline(subsidy)
    doc = parse_document(subsidy)
    starts = {e.start for p in outline.section("measures").points for e in p.evidence}
    for section in ("印发文件",):
        heads = [h for h in doc.headings if h.section == section]
        top = sorted({h.level for h in heads})[:2]
        for h in heads:
            if h.level in top:
                assert h.start in starts, h.value


def test_standards_keep_comparators(subsidy: str, outline: Outline) -> None:
    texts = " ".join(p.text for p in outline.section("standards").points)
    assert "最高不超过30万元" in texts
    assert "6个月以上" in texts
    comparators = {
        f.comparator for p in outline.section("standards").points for f in p.figures if f.comparator
    }
    assert {"不超过", "以上"} <= comparators


def test_scope_terms_timeline_guide_benefits(subsidy: str, outline: Outline) -> None:
    assert any("适用于" in p.text for p in outline.section("scope").points)
    terms = outline.section("terms").points
    assert terms and "重点群体" in terms[0].text and "高校毕业生" in terms[0].text
    timeline = " ".join(p.text for p in outline.section("timeline").points)
    assert "自2024年3月1日起施行" in timeline
    guide = " ".join(p.text for p in outline.section("guide").points)
    assert "12333" in guide and "申报材料" in guide
    benefits = " ".join(p.text for p in outline.section("benefits").points)
    assert "每户5000元" in benefits
    # 同时废止 without a previous version
    assert any("同时废止" in p.text for p in outline.section("diff").points)


def test_task_table_rows_with_units_and_deadlines(task_plan: str) -> None:
    outline = draft_outline(task_plan)
    rows = [p for p in outline.section("measures").points if p.label == "任务"]
    assert len(rows) == 4
    first = rows[0]
    assert first.text == (
        "任务：完成项目选址和初步设计；牵头单位：区农业农村局；责任单位：各乡镇人民政府；"
        "时限：2024年4月30日前"
    )
    assert [task_plan[e.start : e.end] for e in first.evidence] == [
        "完成项目选址和初步设计",
        "区农业农村局",
        "各乡镇人民政府",
        "2024年4月30日前",
    ]
    # task deadlines stay with the tasks: 实施时间 is the effective date, not 6月30日前
    assert any("时限：2024年6月30日前" in p.text for p in rows)
    assert not any("6月30日前" in p.text for p in outline.section("timeline").points)
    basis = [
        task_plan[e.start : e.end] for p in outline.section("basis").points for e in p.evidence
    ]
    assert "青政办〔2023〕45号" in basis
    assert "《全国高标准农田建设规划（2021—2030年）》" in basis


def test_traditional_input_keeps_script_and_offsets(traditional: str) -> None:
    outline = draft_outline(traditional)
    meta = {p.label: p for p in outline.section("meta").points}
    number = meta["发文字号"]
    assert number.text == "发文字号：臨辦發〔2024〕11號"
    assert traditional[number.evidence[0].start : number.evidence[0].end] == "臨辦發〔2024〕11號"
    assert "pinyin" not in meta["文件名称"].text and "(guān)" not in meta["文件名称"].text
    basis = outline.section("basis").points
    want = "《國務院辦公廳關於印發2024年政務公開工作要點的通知》（國辦發〔2024〕17號）"
    assert basis[0].text == want
    duties = [p.text for p in outline.section("measures").points if p.label == "责任分工"]
    assert "责任分工：市政府辦公室牽頭，市直各部門負責" in duties
    standards = " ".join(p.text for p in outline.section("standards").points)
    assert "不超過20個工作日" in standards and "不低於5%" in standards
    assert outline.guard.passed
    goals = outline.section("goals").points
    assert goals and "到2025年" in goals[0].text


def test_empty_sections_are_marked_for_the_editor(traditional: str) -> None:
    outline = draft_outline(traditional)
    guide = outline.section("guide")
    assert guide.status == "needs_editor"
    assert guide.points[0].text.startswith(MISSING) and not guide.points[0].evidence
    assert "guide" in outline.guard.unsupported_sections
    assert outline.section("diff").points[0].text.startswith(MISSING)


def test_no_invented_figures_in_any_fixture(subsidy: str, traditional: str, task_plan: str) -> None:
    for text in (subsidy, traditional, task_plan):
        outline = draft_outline(text)
        assert outline.guard.issues == []
        for section in outline.sections:
            for p in section.points:
                for f in p.figures:
                    if f.kind in ("title", "doc_number"):
                        continue
                    cited = _norm("".join(text[e.start : e.end] for e in p.evidence))
                    assert _norm(f.text) in cited, (section.id, f.text)


def test_inferred_number_and_date_are_marked_for_checking() -> None:
    text = (
        "东山区管委会办公室\n\n关于印发2024年东山区政务公开工作方案的通知\n\n东管办字〔202405\n\n"
        "各有关单位：\n\n现将方案印发给你们，请认真贯彻落实。\n\n东山区管委会办公室\n2024年318\n\n"
        "（此件公开发布）\n"
    )
    outline = draft_outline(text)
    meta = {p.label: p for p in outline.section("meta").points}
    number = meta["发文字号"]
    assert number.status == "needs_editor" and number.text.startswith("【待核实】")
    assert "原文文号不完整" in number.note and "东管办字〔2024〕" in number.note
    assert text[number.evidence[0].start : number.evidence[0].end] == "东管办字〔202405"


def test_forwarded_document_is_basis_but_issued_document_is_not() -> None:
    forwarded = (
        "临水县人民政府办公室关于转发《金州市秸秆综合利用实施方案》的通知\n\n临政办〔2024〕8号\n\n"
        "各乡镇人民政府：\n\n　　现将《金州市秸秆综合利用实施方案》（金政办发〔2024〕3号）"
        "转发给你们，请认真贯彻执行。\n\n临水县人民政府办公室\n2024年2月1日\n"
    )
    basis = [p.text for p in draft_outline(forwarded).section("basis").points]
    assert "《金州市秸秆综合利用实施方案》（金政办发〔2024〕3号）" in basis
    issued = forwarded.replace("转发", "印发").replace("（金政办发〔2024〕3号）", "")
    basis = [p.text for p in draft_outline(issued).section("basis").points]
    assert not any("秸秆" in t for t in basis)
