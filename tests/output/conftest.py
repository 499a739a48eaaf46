"""Documents written for the quoting tests: each holds a private person's ID number, mobile,
name and home address inside text the outline, parser and classifier quote."""

from __future__ import annotations

import re

import pytest

from tests.check_digits import with_check

ID_A = with_check("34012219650505123")
ID_B = with_check("41030519781123004")
ID_C = with_check("13010219900215301")

#: a 低保 adjustment notice (policy-like: numbered measures the outline quotes)
NOTICE = f"""关于做好2025年城乡最低生活保障动态调整工作的通知

各村（社区）民政协理员：
    为贯彻落实《社会救助暂行办法》，进一步规范低保管理，现就有关事项通知如下。
    一、认真开展入户核查。经核查，低保户周大福（身份证号{ID_A}），家住上桥镇金桥村王大郢组28号，联系电话13905517788，因病致贫，继续享受低保待遇，每月补助600元。
    二、严格执行公示制度。各村要在2025年3月31日前完成复核，公示期不少于7天。
    三、加强组织保障。镇民政办负责统筹协调，所需经费由镇财政保障。

上桥镇人民政府
2025年3月5日
"""

#: a penalty decision: the party's particulars in a block, the facts in prose
PENALTY = f"""肥西县市场监督管理局
行政处罚决定书
肥市监罚〔2024〕118号

当事人：欧阳志红
性别：女
公民身份号码：{ID_B}
住址：合肥市蜀山区长江西路688号金色池塘小区5栋2单元1302室
联系电话：158 5512 3344

    经查，当事人于2024年4月至6月间销售过期食品，违法所得3200元。以上事实有现场检查笔录、当事人陈述为证。
    依据《中华人民共和国食品安全法》第一百二十四条第一款，决定对当事人作出如下行政处罚：
    一、没收违法所得3200元；
    二、罚款人民币5万元。
    当事人如不服本处罚决定，可在收到本决定书之日起六十日内申请行政复议。

肥西县市场监督管理局
2024年7月12日
"""

#: a petition reply in traditional characters, the petitioner named in the salutation
REPLY = f"""信訪事項處理意見書

馬建國：
    你於2024年5月8日反映的房屋漏水問題收悉。經核實，你的身份證號碼為{ID_C}，現住石家莊市長安區建設北大街66號3單元402室，聯繫手機18633217766。
    根據《信訪工作條例》第三十二條，現答覆如下：責成物業公司於15日內完成維修。
    如對本意見不服，可自收到之日起30日內向上一級機關請求復查。

石家莊市長安區信訪局
2024年5月20日
"""

ID_D = with_check("34010419580909202")

#: a bulletin naming the person in its title, with a roster table (tab-separated columns)
BULLETIN = f"""关于李桂芝（身份证号{ID_D}）冒领低保金问题的通报

各乡镇民政所：
    近期，县民政局在专项检查中发现，李桂芝在其子已就业、家庭收入超过标准的情况下继续领取低保金，共计冒领8640元。现将追缴情况通报如下。
序号\t姓名\t住址\t联系电话\t追缴金额
1\t李桂芝\t三河镇杨柳村东头组12号\t13855108642\t8640元
2\t程家宝\t三河镇新河社区4栋301室\t15956231177\t3200元
    各乡镇要举一反三，于2024年9月30日前完成自查。

肥西县民政局
2024年8月26日
"""

DOCUMENTS = {"notice": NOTICE, "penalty": PENALTY, "reply": REPLY, "bulletin": BULLETIN}
#: what each document must never show: the values the test wrote (digits only for phones)
SECRETS = {
    "notice": [ID_A, "13905517788"],
    "penalty": [ID_B, "15855123344"],
    "reply": [ID_C, "18633217766"],
    "bulletin": [ID_D, "13855108642", "15956231177"],
}


def masked_values(text: str) -> list[str]:
    """The values the screen masks (redact or review), as written and without blanks."""
    from pipeline.screen import screen_text

    out = []
    for f in screen_text(text).findings:
        if f.action in ("redact", "review"):
            value = text[f.start : f.end]
            out += [value, re.sub(r"\s+", "", value)]
    return [v for v in out if len(v) >= 2]


def digits(s: str) -> str:
    return re.sub(r"[\s\-]", "", s)


def assert_hidden(out: str, name: str) -> None:
    """No value the screen masks, nor the ID and mobile written into the document, in
    ``out`` (phones compared without blanks and hyphens)."""
    text = DOCUMENTS[name]
    for value in masked_values(text):
        assert value not in out, f"{name}: {value!r} leaked"
    flat = digits(out)
    for secret in SECRETS[name]:
        assert secret not in flat, f"{name}: {secret!r} leaked"


@pytest.fixture(params=sorted(DOCUMENTS))
def doc_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)
