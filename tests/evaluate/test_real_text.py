"""The real-text loop: publisher masks refilled as labels, and the audit of published text.

The documents here are written for these tests (a judgment, a penalty notice, a petition
reply, a notice with contact lines); nothing is read from ../shared.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.detect.recognizers.validators import id18_ok, luhn_ok, mobile_ok
from pipeline.document import Finding, ScreenResult
from pipeline.evaluate.audit import audit_records, context, format_audit, sample, to_json
from pipeline.evaluate.labelled import load_labelled, parse_doc
from pipeline.evaluate.masked_eval import evaluate_masked, format_masked, visible_group
from pipeline.evaluate.masked_set import build_doc, build_set, read_jsonl
from pipeline.evaluate.masks import find_masks, refill

JUDGMENT = (
    "安徽省某县人民法院 刑事判决书 被告人周国庆，男，1979年3月2日出生，汉族，住某县城关镇。"
    "2021年5月，被告人周国庆驾驶皖K×××××号小型轿车，在滨湖路XXX号与被害人郑某某驾驶的电动车相撞。"
    "证人韩某1、韩某2证实，郑某某当日曾拨打其妻欧阳某的手机159××××3021。"
    "郑某某的公民身份号码为×××，其本人卡号为62××××88的借记卡被扣押。"
    "审判员宋立群 书记员吴楠"
)
PENALTY = (
    "行政处罚决定书 当事人：冯某，身份证号码3415**********2216，住所地合肥市蜀山区XX路XX号。"
    "经查，冯某于某日在本市某网吧内经营无证游戏厅；浙江某公司向冯某供货。现依法处罚。"
    "当事人冯某对处罚无异议。"
)
NOT_MASKS = "依照第3条规定，于某日至某处，上海某网吧与浙江某县某公司签约，共3人，罚款2万元。"


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(m.kind, m.text) for m in find_masks(text)]


def test_find_masks_kinds_in_a_judgment() -> None:
    kinds = _kinds(JUDGMENT)
    assert ("LICENSE_PLATE", "皖K×××××") in kinds
    assert ("PERSON", "郑某某") in kinds and ("PERSON", "欧阳某") in kinds
    assert ("PERSON", "韩某1") in kinds and ("PERSON", "韩某2") in kinds
    assert ("MOBILE", "159××××3021") in kinds
    assert ("ID_CARD", "×××") in kinds
    assert ("BANK_CARD", "62××××88") in kinds
    assert ("ADDRESS", "XXX") in kinds
    # names the court left visible are no masks
    assert not any("周国庆" in t or "宋立群" in t for _, t in kinds)


def test_role_word_before_a_masked_name() -> None:
    cues: dict[str, str] = {}
    for m in find_masks(JUDGMENT):
        if m.kind == "PERSON":
            cues.setdefault(m.text, m.cue)  # the first mention
    assert cues["韩某1"] == "证人"
    assert cues["郑某某"] == "被害人"


def test_a_certain_place_or_company_is_no_mask() -> None:
    assert _kinds(NOT_MASKS) == []
    kinds = _kinds(PENALTY)
    assert ("PERSON", "冯某") in kinds
    assert ("ID_CARD", "3415**********2216") in kinds
    assert not any(t.startswith("江某") or t.startswith("于某") for _, t in kinds)


def test_partly_masked_given_name_keeps_its_visible_character() -> None:
    text = "被告人陈某辉到案后如实供述。陈某辉的辩护人提出，陈某辉系初犯。"
    masks = find_masks(text)
    assert [m.text for m in masks] == ["陈某辉"] * 3
    new, refills = refill(text, masks, random.Random(3))
    value = refills[0].value
    assert len(value) == 3 and value[0] == "陈" and value[2] == "辉" and "某" not in value
    assert new.count(value) == 3


def test_refill_values_are_valid_and_consistent() -> None:
    new, refills = refill(JUDGMENT, find_masks(JUDGMENT), random.Random(7))
    assert not re.search("[×某]{2}|×", new.replace("某县", ""))
    by_kind: dict[str, list[str]] = {}
    for r in refills:
        assert new[r.start : r.end] == r.value
        by_kind.setdefault(r.mask.kind, []).append(r.value)
    assert all(id18_ok(v) for v in by_kind["ID_CARD"])
    assert all(
        mobile_ok(v) and v.startswith("159") and v.endswith("3021") for v in by_kind["MOBILE"]
    )
    assert all(luhn_ok(v) and len(v) == 16 for v in by_kind["BANK_CARD"])
    assert all(re.fullmatch("皖K[A-Z0-9]{5}", v) for v in by_kind["LICENSE_PLATE"])
    names = {r.mask.text: r.value for r in refills if r.mask.kind == "PERSON"}
    assert names["欧阳某"].startswith("欧阳") and names["郑某某"].startswith("郑")
    assert names["韩某1"] != names["韩某2"]
    # the same masked person gets the same name everywhere
    zheng = [r.value for r in refills if r.mask.text == "郑某某"]
    assert len(zheng) == 3 and len(set(zheng)) == 1


def test_refill_keeps_a_visible_id_region() -> None:
    _, refills = refill(PENALTY, find_masks(PENALTY), random.Random(0))
    ids = [r.value for r in refills if r.mask.kind == "ID_CARD"]
    assert ids and ids[0][:4] == "3415" and id18_ok(ids[0])


def test_build_doc_is_deterministic_and_loads_as_a_labelled_doc(tmp_path: Path) -> None:
    record = {"id": "pen-1", "text": PENALTY}
    a, b = build_doc(record, seed=5), build_doc(record, seed=5)
    assert a == b
    assert build_doc(record, seed=6)["text"] != a["text"]
    doc = parse_doc(a)
    assert all(e.must_redact and e.action == "redact" for e in doc.expected)
    for e, raw in zip(doc.expected, a["expected"], strict=True):
        assert doc.text[e.start : e.end] == e.text and e.start == raw["start"]
    # XX路XX号 is one address item, not two
    assert sum(e.entity == "ADDRESS" for e in doc.expected) == 1
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False)
                  for i, t in enumerate([PENALTY, JUDGMENT, NOT_MASKS])) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    out = tmp_path / "set.jsonl"
    built = build_set(src, out, half="even")
    assert [d["id"] for d in built] == ["d0", "d2"]
    assert [d.id for d in load_labelled(out)] == ["d0", "d2"]
    assert [r["_index"] for r in read_jsonl(src, "odd")] == [1]


def _finding(text: str, value: str, entity: str, action: str, rule: str, nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(value, start + 1)
    end = start + len(value)
    return Finding(entity, start, end, value, action, 1.0, rule, "", "", "*")  # type: ignore[arg-type]


def test_evaluate_masked_counts_outcomes_and_visible_values() -> None:
    built = build_doc({"id": "j1", "text": JUDGMENT}, seed=1)
    values = {e["mask"]: e["text"] for e in built["expected"]}
    text = built["text"]

    def screen(t: str) -> ScreenResult:
        findings = [
            _finding(t, values["159××××3021"], "MOBILE", "redact", "PI-MOBILE"),
            _finding(t, values["郑某某"], "PERSON", "allow", "PI-NAME-LOW"),
            _finding(t, values["韩某1"], "PERSON", "review", "PI-NAME-REVIEW"),
            _finding(t, "周国庆", "PERSON", "redact", "PI-NAME-PRIVATE"),
            _finding(t, "1979年3月2日", "DATE_OF_BIRTH", "redact", "PI-DOB"),
        ]
        return ScreenResult(t, "other", findings, t)

    report = evaluate_masked([built], screen)
    s = report.summary()
    assert s["labels"] == len(built["expected"])
    assert s["by_kind"]["MOBILE"]["redact"] == 1
    person = s["by_kind"]["PERSON"]
    assert person["allow"] == 1 and person["review"] == 1
    assert person["not_found"] == person["n"] - 2
    assert s["by_kind"]["LICENSE_PLATE"]["not_found"] == 1
    assert s["visible_by_group"] == {"PERSON 被告人（法院公开）": 1, "DATE_OF_BIRTH": 1}
    assert s["person_by_cue"]["证人"]["review"] == 1
    first = report.outcomes[0]
    assert f"【{first.text}】" in first.context and first.text in text
    out = format_masked(report, n_sample=2)
    assert "被告人（法院公开）" in out and "未检出" in out


def test_visible_group_separates_court_staff_from_others() -> None:
    text = "被告人马文，审判员宋立群，辩护人高峰，其邻居刘芳作证。"
    assert visible_group(text, "PERSON", "马文", text.index("马文")) == "PERSON 被告人（法院公开）"
    assert visible_group(text, "PERSON", "宋立群", text.index("宋立群")) == "PERSON 审判/检察人员"
    assert visible_group(text, "PERSON", "高峰", text.index("高峰")) == "PERSON 辩护人/代理人"
    assert visible_group(text, "PERSON", "刘芳", text.index("刘芳")) == "PERSON 无角色词"


NOTICE = (
    "关于举办2024年度统计业务培训班的通知\n各县（市、区）统计局：\n"
    "联系人：孙晓燕，电话：0551-62998877，手机：13905512468。\n"
    "报名回执请发送至 tjj_px@ah.gov.cn。\n"
)


def test_audit_groups_findings_with_context() -> None:
    records = [{"id": f"n{i}", "text": NOTICE} for i in range(3)] + [{"id": "x", "text": "无"}]

    def screen(t: str) -> ScreenResult:
        if "手机" not in t:
            return ScreenResult(t, "notice", [], t)
        return ScreenResult(t, "notice", [
            _finding(t, "13905512468", "MOBILE", "redact", "PI-MOBILE"),
            _finding(t, "tjj_px@ah.gov.cn", "EMAIL", "review", "PI-EMAIL"),
            _finding(t, "孙晓燕", "PERSON", "allow", "PI-NAME-OFFICIAL"),
        ], t)  # fmt: skip

    fa = audit_records("notices.jsonl", records, screen)
    assert fa.docs == 4 and len(fa.hits) == 6 and fa.flagged_docs == 3
    assert fa.per_20() == pytest.approx(30.0)
    groups = dict(fa.groups())
    assert len(groups[("PI-MOBILE", "MOBILE")]) == 3
    assert "【13905512468】" in groups[("PI-MOBILE", "MOBILE")][0].context
    data = to_json([fa], n_sample=2)["files"][0]
    assert data["redact"] == 3 and data["review"] == 3 and data["per_20_docs"] == 30.0
    assert [g["count"] for g in data["groups"]] == [3, 3]
    assert len(data["groups"][0]["samples"]) == 2
    assert {d["id"] for d in data["documents"]} == {"n0", "n1", "n2"}
    text = format_audit([fa], n_sample=1)
    assert "PI-MOBILE" in text and "每 20 份 30.0" in text


def test_context_and_sample() -> None:
    text = "甲" * 40 + "13905512468" + "\n乙" * 20
    ctx = context(text, 40, 51, width=5)
    assert ctx == "…甲甲甲甲甲【13905512468】⏎乙⏎乙⏎…"
    assert sample(list(range(10)), 3) == [0, 3, 6]
    assert sample([1, 2], 5) == [1, 2] and sample([1, 2], 0) == []


def test_cli_build_and_score_masked_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "masked.jsonl"
    src.write_text(json.dumps({"id": "p1", "text": PENALTY}, ensure_ascii=False) + "\n", "utf-8")
    out = tmp_path / "set.jsonl"
    assert main(["build-masked-set", str(src), "-o", str(out)]) == 0
    assert len(load_labelled(out)) == 1
    assert main(["eval-screen", "--masked", str(src), "--json", "--sample", "0"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["docs"] == 1 and data["labels"] == len(parse_doc(json.loads(out.read_text()))
                                                       .expected)  # fmt: skip
    assert main(["eval-screen", "--audit", str(src), "--json"]) == 0
    audit = json.loads(capsys.readouterr().out)
    assert audit["files"][0]["docs"] == 1
    assert main(["eval-screen", "--audit", str(tmp_path / "none.jsonl")]) == 3
