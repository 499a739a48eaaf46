"""Decisions on private people: third parties, welfare statuses, the nearest person of a
phone, and the paragraph reach of document_context (never the whole document)."""

from __future__ import annotations

from pipeline.screen import screen_text


def _by_text(text: str) -> dict[str, tuple[str, str]]:
    return {f.text: (f.action, f.rule) for f in screen_text(text).findings}


def test_third_party_in_a_penalty_decision_is_redacted_while_the_party_stays():
    got = _by_text(
        "行政处罚决定书\n當事人：錢小兵，男，經營副食店。\n"
        "經查，當事人之妻孫麗娟在店內銷售過期食品，證人蒯靜怡證實了上述事實。"
    )
    assert got["錢小兵"][0] == "allow"
    assert got["孫麗娟"] == ("redact", "PI-NAME-THIRD-PARTY")
    assert got["蒯靜怡"] == ("redact", "PI-NAME-THIRD-PARTY")


def test_a_phone_belongs_to_the_private_person_right_before_it():
    got = _by_text(
        "行政处罚决定书\n当事人：钱小兵。\n经查，邻居赵德明（电话０５５１－６５５５８８９９）反映了该情况。"
    )
    assert got["０５５１－６５５５８８９９"][0] == "redact"


def test_a_name_with_a_welfare_status_is_redacted_in_an_ordinary_notice():
    got = _by_text("关于春季走访慰问情况的通报\n走访中，镇干部看望了低保户孟凡强，并送去慰问金。")
    assert got["孟凡强"] == ("redact", "PI-NAME-STATUS")


def test_village_phone_rule_reaches_its_paragraph_not_the_whole_document():
    near = "村务公开\n因本村未配置固定电话，村务联系方式如下。\n村委会主任：13966001234\n"
    body = "\n\n".join(f"第{i}项工作已按计划推进完成。" for i in range(400))
    text = near + "\n\n" + body + "\n\n当事人吴某某，联系电话13305519876，已作出处理。"
    got = _by_text(text)
    assert got["13966001234"][1] == "PI-PHONE-VILLAGE"
    assert got["13305519876"][1] != "PI-PHONE-VILLAGE"
