"""The interpretation checker: items against the policy, elements, screening, CLI and route.

The policies and interpretations are written for these tests (never ../shared)."""

from __future__ import annotations

import json

import pytest

from pipeline.cli import main
from pipeline.outline.check_report import check_interpretation
from pipeline.outline.check_text import number_key, prepare
from pipeline.outline.checker import PolicyIndex, check
from pipeline.outline.elements import find_elements

POLICY = (
    "保定市人民政府办公室关于印发保定市支持返乡创业若干措施的通知\n"
    "保政办字〔2025〕9号\n"
    "各县（市、区）人民政府，市政府有关部门：\n"
    "根据《河北省就业促进条例》和《保定市“十四五”就业规划》，现提出如下措施。\n"
    "一、返乡创业人员首次创办小微企业并正常经营1年以上的，给予一次性创业补贴5000元。\n"
    "二、个人创业担保贷款额度最高不超过30万元，贷款期限不超过3年，财政按贷款利率的50%给予贴息。\n"
    "三、吸纳登记失业人员就业的，按每人每月200元给予岗位补贴，补贴期限最长12个月。\n"
    "四、各县（市、区）要在15个工作日内完成审核。\n"
    "本措施自2025年4月1日起施行，有效期至2027年3月31日。\n"
    "保定市人民政府办公室\n2025年3月18日\n"
)

FAITHFUL = (
    "《保定市支持返乡创业若干措施》政策解读\n"
    "一、出台背景和依据\n"
    "为贯彻落实《河北省就业促进条例》，市政府办公室印发了《保定市支持返乡创业若干措施》"
    "（保政办字〔2025〕9号，以下简称《若干措施》）。\n"
    "二、起草过程\n起草过程中，市人社局赴各县实地调研，公开征求了社会各界意见。\n"
    "三、主要内容\n《若干措施》共包括四个方面、明确了12项任务。"
    "返乡人员首次创办小微企业且经营一年以上的，可领取一次性创业补贴五千元；"
    "个人创业担保贷款额度最高30万元，贴息比例为贷款利率的百分之五十。"
    "吸纳登记失业人员的，每人每月补贴200元，最长12个月。\n"
    "四、实施时间\n《若干措施》自２０２５年４月１日起施行。"
    "2025年3月25日，市政府新闻办召开新闻发布会对政策进行了解读。\n"
    "全市去年新增返乡创业主体2.3万户。\n"
)


@pytest.fixture(scope="module")
def index() -> PolicyIndex:
    return PolicyIndex(POLICY)


def kinds(result) -> list[str]:
    return sorted(m.kind for m in result.mismatches)


def test_a_faithful_interpretation_has_no_mismatch(index):
    result = check(index, FAITHFUL)
    assert result.mismatches == [], [m.note for m in result.mismatches]
    assert result.verified >= 8
    notes = {u.text: u.note for u in result.unverifiable}
    # the press conference, a statistic and a count are unverifiable, not mismatches
    assert "2025年3月25日" in notes
    assert any("2.3万户" in t for t in notes)


def test_chinese_numerals_full_width_and_units_are_normalised():
    prep = prepare("补贴三千元，不超过百分之五，两万元，十五个工作日，２０２５年，0.3万元")
    values = [f.value for f in prep.items.numbers]
    assert values[:4] == ["3000元", "5%", "2万元", "15个工作日"]
    assert number_key("0.3万元") == number_key("3000元")
    for f in prep.items.numbers:  # offsets index the original text
        start, end = prep.figure_span(f)
        assert prep.original[start:end].strip() in ("三千元", "百分之五", "两万元", "十五个工作日",
                                                    "２０２５年", "0.3万元")  # fmt: skip


def test_dates_in_any_writing_match(index):
    text = "本措施自2025-04-01起施行，有效期至二〇二七年三月三十一日。"
    assert check(index, text).mismatches == []


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        ("一次性创业补贴五千元", "一次性创业补贴八千元", "number"),
        ("额度最高30万元", "额度最低30万元", "qualifier"),
        ("２０２５年４月１日起施行", "2025年4月8日起施行", "date"),
        ("保政办字〔2025〕9号", "保政办字〔2025〕19号", "doc_number"),
        ("印发了《保定市支持返乡创业若干措施》", "印发了《保定市支持返乡就业若干措施》", "title"),
        ("贴息比例为贷款利率的百分之五十", "贴息比例为贷款利率的百分之二十", "number"),
    ],
)
def test_each_planted_change_is_a_mismatch_with_both_passages(index, old, new, kind):
    assert old in FAITHFUL
    changed = FAITHFUL.replace(old, new, 1)
    result = check(index, changed)
    assert [m.kind for m in result.mismatches] == [kind], [m.note for m in result.mismatches]
    m = result.mismatches[0]
    assert changed[m.start : m.end] == m.text and m.text in new
    if kind != "title":
        ev = m.policy_evidence[0]
        assert POLICY[ev["item_start"] : ev["item_end"]] in POLICY[ev["start"] : ev["end"]]


def test_a_different_document_of_the_same_family_is_not_a_mismatch(index):
    text = (
        "同时参照《河北省就业促进条例实施细则》执行；依据《保定市就业规划》（保政发〔2021〕3号）。"
    )
    result = check(index, text)
    assert result.mismatches == []
    assert {u.kind for u in result.unverifiable} >= {"title", "doc_number"}


def test_dropping_a_qualifier_is_listed_not_counted(index):
    result = check(index, "贷款期限3年。")
    assert result.mismatches == []
    assert any("限定词" in u.note for u in result.unverifiable)


def test_elements_present_and_missing_with_where():
    elements = find_elements(FAITHFUL)
    assert elements["background_basis"]["present"]
    where = elements["drafting"]["where"][0]
    assert FAITHFUL[where["start"] : where["end"]] == where["text"]
    assert elements["drafting"]["present"] and elements["tasks"]["present"]
    assert not elements["safeguards"]["present"] and not elements["innovation"]["present"]
    other = "三是强化组织领导，将落实情况纳入年度考核。与2022年版相比，新增了首次创业补贴。"
    found = find_elements(other)
    assert found["safeguards"]["present"] and found["innovation"]["present"]


LEAKY = (
    FAITHFUL + "政策咨询：李秀英，身份证号130602198807154521，住保定市竞秀区朝阳南大街88号3单元。\n"
)


def test_personal_information_is_screened_and_quotes_masked():
    report = check_interpretation(POLICY, LEAKY.replace("五千元", "九千元"))
    dumped = json.dumps(report, ensure_ascii=False)
    assert "130602198807154521" not in dumped
    assert any(f["entity"] == "ID_CARD" or "身份证" in f["reason"] for f in report["findings"])
    assert report["mismatches"] and report["mismatches"][0]["kind"] == "number"
    revealed = check_interpretation(POLICY, LEAKY, reveal=True)
    assert "130602198807154521" in json.dumps(revealed, ensure_ascii=False)


def test_cli_exit_codes_and_json_contract(tmp_path, capsys):
    policy, good, bad = tmp_path / "政策.txt", tmp_path / "解读.txt", tmp_path / "错.txt"
    policy.write_text(POLICY, encoding="utf-8")
    good.write_text(FAITHFUL, encoding="utf-8")
    bad.write_text(FAITHFUL.replace("最高30万元", "最高50万元"), encoding="utf-8")
    assert main(["check-interpretation", str(policy), str(good)]) == 0
    assert "解读要素" in capsys.readouterr().out
    assert main(["check-interpretation", str(policy), str(bad), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"mismatches", "elements", "findings"}
    m = out["mismatches"][0]
    assert set(m) >= {"kind", "text", "start", "end", "policy_evidence", "note"}
    assert m["kind"] == "number" and m["text"] == "50万元"
    assert "30万元" in m["policy_evidence"][0]["text"]
    assert main(["check-interpretation", str(policy), str(tmp_path / "无.txt")]) == 3


def test_route(tmp_path):
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from api import create_app
    from api.settings import Settings
    from pipeline.ledger import open_ledger

    ledger = open_ledger(f"sqlite:///{tmp_path / 'ledger.db'}")
    editor = {"Authorization": f"Bearer {ledger.create_key('editor', '编辑')[1]}"}
    hook = {"Authorization": f"Bearer {ledger.create_key('hook', '钩子')[1]}"}
    with TestClient(create_app(Settings(), ledger=ledger)) as client:
        bad = LEAKY.replace("每人每月补贴200元", "每人每月补贴300元")
        body = {"policy": POLICY, "interpretation": bad}
        r = client.post("/v1/interpretation/check", json=body, headers=editor)
        assert r.status_code == 200, r.text
        assert [m["kind"] for m in r.json()["mismatches"]] == ["number"]
        assert "130602198807154521" not in r.text
        files = {
            "policy": ("政策.txt", POLICY.encode("utf-8"), "text/plain"),
            "interpretation": ("解读.txt", FAITHFUL.encode("utf-8"), "text/plain"),
        }
        r = client.post("/v1/interpretation/check", files=files, headers=editor)
        assert r.status_code == 200 and r.json()["mismatches"] == []
        r = client.post("/v1/interpretation/check", json={"policy": POLICY}, headers=editor)
        assert r.status_code == 422
        assert client.post("/v1/interpretation/check", json=body, headers=hook).status_code == 403
        assert "/v1/interpretation/check" in client.get("/openapi.json").json()["paths"]
    ledger.close()
