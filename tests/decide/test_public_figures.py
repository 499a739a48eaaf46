"""Leaders and historical figures in reports and speeches are public figures, not private.

Issue 13: 「悼念邓小平同志」「孙中山先生」 and the model workers a government work report
praises (「好干部张鸣岐同志」) were redacted by PI-NAME-PRIVATE through the 同志,/先生 after-cues.
"""

from __future__ import annotations

import pytest

from pipeline.screen import screen_text


def _finding(text: str, value: str):
    start = text.index(value)
    for f in screen_text(text).findings:
        if f.start == start and f.end == start + len(value):
            return f
    return None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "各位代表：\n我们要以实际行动悼念邓小平同志，坚定不移地把他所开创的事业继续推向前进。",
            "邓小平",
        ),
        (
            "中国大革命家，我们的先辈孙中山先生，在本世纪初期就说过，中国将要出现一个大跃进。",
            "孙中山",
        ),
        (
            "为悼念在这期间逝世的董必武同志、陈毅同志、贺龙同志，全体代表起立默哀。",
            "贺龙",
        ),
        (
            "关于开展学习焦裕禄同志先进事迹活动的通知\n各乡镇、各部门：\n为弘扬焦裕禄精神，现就有关事项通知如下。",
            "焦裕禄",
        ),
    ],
)
def test_listed_public_figures_are_not_redacted_in_any_document(text, value):
    f = _finding(text, value)
    assert f is None or f.action == "allow", (f.rule, f.role)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "政府工作报告\n——在市第十六届人民代表大会第三次会议上\n各位代表：\n"
            "在抗洪第一线以身殉职的好干部陶建新同志，自学成才的工程师包起帆同志，都是学习的榜样。",
            "陶建新",
        ),
        (
            "各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。\n"
            "最近，县人大代表梁思远先生从农村视察回来说，农民对土地流转有十二条意见。",
            "梁思远",
        ),
        (
            "在全县脱贫攻坚总结表彰大会上的讲话\n同志们：\n"
            "驻村第一书记何春雷同志扎根村里五年，带领群众修通了致富路。",
            "何春雷",
        ),
    ],
)
def test_honoured_people_in_a_report_or_speech_are_allowed(text, value):
    f = _finding(text, value)
    assert f is None or f.action == "allow", (f.rule, f.role)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a private cue before a listed name still decides
        ("政府信息公开申请答复书\n申请人邓小平：\n本机关于2024年3月收到您的申请。", "邓小平"),
        # 同志 after a name outside a report or speech: a letter's addressee stays private
        ("信访事项答复意见书\n刘德明同志：\n您反映的宅基地问题，经调查答复如下。", "刘德明"),
    ],
)
def test_private_people_outside_reports_stay_private(text, value):
    f = _finding(text, value)
    assert f is not None and f.action == "redact", f
