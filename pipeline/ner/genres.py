"""Document genres for the generator: each takes a :class:`Generator`, returns a :class:`Doc`."""

from __future__ import annotations

from collections.abc import Callable

from pipeline.ner import lexicon as lx
from pipeline.ner.generator import Doc, Generator

_SEX = ("男", "女")


def penalty_decision(g: Generator) -> Doc:
    r = g.rng
    d = Doc()
    agency = g.agency()
    d.add(agency, "ORG").add(f"\n行政处罚决定书\n{agency[:2]}罚决〔{r.randint(2019, 2025)}〕")
    d.add(f"{r.randint(1, 300)}号\n")
    if r.random() < 0.5:
        d.add("当事人：").add(g.company(), "ORG").add("\n法定代表人：").add(g.name(), "PERSON")
        d.add("\n住所：").add(g.address(), "ADDRESS")
    else:
        d.add("当事人：").add(g.name(), "PERSON").add(f"，性别：{r.choice(_SEX)}，")
        d.add(f"身份证号码：{g.id_number()}，住址：").add(g.address(), "ADDRESS")
    d.add(f"\n{g.date()}，本机关执法人员在").add(g.place(), "LOCATION")
    d.add(f"检查时发现，当事人{g.pick(lx.VIOLATIONS)}。")
    d.add("上述事实有现场检查笔录、询问笔录等证据证实。本机关决定给予警告，")
    d.add(f"并处罚款{r.randint(1, 50) * 1000}元。\n")
    d.add(agency, "ORG").add(f"\n{g.date()}")
    return d


def disclosure_reply(g: Generator) -> Doc:
    r = g.rng
    d = Doc()
    agency = g.agency()
    d.add(g.name(), "PERSON").add(r.choice(("：", "先生：", "女士：")))
    d.add(f"\n本机关于{g.date()}收到您提出的政府信息公开申请，申请获取“{g.pick(lx.REQUESTS)}”。")
    d.add("经审查，现答复如下：您申请的信息属于公开范围，现予提供。")
    if r.random() < 0.6:
        d.add("您在申请表中填写的通讯地址为").add(g.address(), "ADDRESS")
        d.add(f"，联系电话{g.mobile()}。")
    d.add("如对本答复不服，可以自收到本答复之日起六十日内向").add(g.agency(), "ORG")
    d.add("申请行政复议。\n").add(agency, "ORG").add(f"\n{g.date()}")
    return d


def appointment_notice(g: Generator) -> Doc:
    r = g.rng
    d = Doc()
    d.add("任前公示\n根据干部选拔任用有关规定，现将拟任职人选公示如下：\n")
    for _ in range(r.randint(1, 3)):
        d.add(g.name(), "PERSON").add(f"，{r.choice(_SEX)}，{g.pick(lx.ETHNIC_GROUPS)}族，")
        d.add(f"{r.randint(1965, 1992)}年{r.randint(1, 12)}月生，{g.pick(lx.EDUCATION)}，")
        d.add(f"{g.pick(lx.POLITICAL)}，现任").add(g.agency(), "ORG").add(g.pick(lx.POSTS), "TITLE")
        d.add("，拟任").add(g.agency(), "ORG").add(g.pick(lx.POSTS), "TITLE").add("。\n")
    d.add(f"公示时间：{g.date()}至{g.date()}。\n举报电话：0{r.randint(100, 999)}-12380\n")
    d.add("中共" + g.place() + "委组织部", "ORG")
    return d


def notice_with_contact(g: Generator) -> Doc:
    r = g.rng
    d = Doc()
    agency = g.agency()
    d.add(agency, "ORG").add(
        "关于开展" + r.choice(("安全生产大检查", "政务公开专项检查", "防汛准备"))
    )
    d.add("工作的通知\n各").add(r.choice(("乡镇人民政府", "街道办事处", "县直有关单位")))
    d.add("：\n为做好相关工作，定于" + g.date() + "在").add(g.place(), "LOCATION")
    d.add("召开工作会议，").add(g.agency(), "ORG").add(g.pick(lx.POSTS), "TITLE")
    d.add(g.name(), "PERSON").add("出席会议并讲话。请各单位于" + g.date() + "前将材料报送至")
    d.add(agency, "ORG").add("。\n联系人：").add(g.name(), "PERSON")
    d.add(f"，联系电话：0{r.randint(550, 999)}-{r.randint(2000000, 8999999)}")
    if r.random() < 0.4:
        d.add("，").add(g.name(), "PERSON").add(f" {g.mobile()}")
    d.add("\n地址：").add(g.address(), "ADDRESS")
    return d


def subsidy_roster(g: Generator) -> Doc:
    r = g.rng
    d = Doc()
    d.add(g.township(), "LOCATION").add(
        f"{r.choice(('低保', '临时救助', '耕地地力保护补贴'))}发放名单公示\n"
    )
    d.add("序号\t姓名\t性别\t住址\t金额（元）\n")
    for i in range(1, r.randint(2, 8)):
        d.add(f"{i}\t").add(g.name(), "PERSON").add(f"\t{r.choice(_SEX)}\t")
        d.add(g.address(), "ADDRESS").add(f"\t{r.randint(200, 3000)}\n")
    d.add(f"公示期：{g.date()}至{g.date()}，监督电话：").add(g.agency(), "ORG")
    d.add(f" 0{r.randint(550, 999)}-12345")
    return d


def commendation(g: Generator) -> Doc:
    r = g.rng
    d = Doc()
    agency = g.agency()
    d.add(agency, "ORG").add(
        "关于表彰" + r.choice(("先进集体和先进个人", "优秀共产党员")) + "的决定\n"
    )
    d.add("经研究，决定授予").add(g.agency(), "ORG").add("等单位“先进集体”称号，授予")
    for i in range(r.randint(2, 6)):
        if i:
            d.add("、")
        d.add(g.name(), "PERSON")
    d.add("等同志“先进个人”称号。\n获奖者有").add(g.company(), "ORG").add(g.pick(lx.POSTS), "TITLE")
    d.add(g.name(), "PERSON").add("，来自").add(g.place(), "LOCATION").add("。\n")
    d.add(agency, "ORG").add(f"\n{g.date()}")
    return d


def honour_list(g: Generator) -> Doc:
    """A commendation list by district: 「道里区：诸葛文静（新阳路街道安静社区）、鲍国权（…）」."""
    r = g.rng
    d = Doc()
    d.add(g.agency(), "ORG").add("关于表彰" + r.choice(("优秀网格员", "最美志愿者", "先进个人")))
    d.add("的通报\n经研究，决定对以下同志予以通报表扬：\n")
    for _ in range(r.randint(2, 5)):
        d.add(g.place(), "LOCATION").add("：")
        for k in range(r.randint(1, 3)):
            if k:
                d.add("、")
            d.add(g.word_name(), "PERSON").add("（")
            if r.random() < 0.5:
                d.add(g.agency(), "ORG")
            else:
                d.add(g.township() + g.pick(lx.PLACE_ROOTS) + "社区", "ORG")
            d.add("）")
        d.add("\n")
    return d


GENRES: tuple[Callable[[Generator], Doc], ...] = (
    penalty_decision,
    disclosure_reply,
    appointment_notice,
    notice_with_contact,
    subsidy_roster,
    commendation,
)

#: Generator version 2: the same genres plus honour lists.
GENRES_V2: tuple[Callable[[Generator], Doc], ...] = (*GENRES, honour_list)


def foreign_name(g: Generator) -> tuple[str, str]:
    """A transliterated name ``(full, surname)``: 「约翰·米勒」, 「卡斯特罗」 (no given name),
    separated by 「·」 (usual), 「•」 or 「.」 (as scraped pages print it)."""
    r = g.rng
    surname = "".join(r.choice(lx.FOREIGN_SYLLABLES) for _ in range(r.randint(1, 3)))
    surname += r.choice(lx.FOREIGN_ENDINGS)
    if r.random() < 0.25:
        return surname, surname
    sep = r.choices(("·", "•", "."), (8, 3, 1))[0]
    return g.pick(lx.FOREIGN_GIVEN) + sep + surname, surname


def friendship_award(g: Generator) -> Doc:
    """Foreign experts honoured by a province or city (友谊奖 / 荣誉市民)."""
    r = g.rng
    d = Doc()
    d.add(g.agency(), "ORG").add(
        "关于授予" + r.choice(("“友谊奖”", "“荣誉市民”称号", "外国专家奖"))
    )
    d.add("的决定\n为表彰外国专家在本地经济社会发展中作出的贡献，决定授予以下同志：\n")
    for _ in range(r.randint(2, 5)):
        full, _ = foreign_name(g)
        d.add(full, "PERSON").add("（").add(g.pick(lx.COUNTRIES), "LOCATION").add("）　")
        body = g.place() + g.pick(lx.COMPANY_ROOTS) + g.pick(lx.FOREIGN_BODIES)
        d.add(body, "ORG").add(g.pick(lx.FOREIGN_POSTS), "TITLE").add("\n")
    return d


def visit_report(g: Generator) -> Doc:
    """A government-site news item: an official meets a foreign delegation; the guest is
    named in full first and by surname afterwards; a resident quoted under a pseudonym."""
    r = g.rng
    d = Doc()
    full, surname = foreign_name(g)
    d.add(g.date() + "，").add(g.place() + "人民政府", "ORG").add(g.pick(lx.POSTS), "TITLE")
    d.add(g.name(), "PERSON").add("会见了").add(g.pick(lx.COUNTRIES), "LOCATION")
    d.add(r.choice(("客人", "代表团团长", "企业家"))).add(full, "PERSON").add("一行。")
    d.add("双方就经贸合作、人文交流等议题深入交换意见。").add(surname, "PERSON")
    d.add(r.choice(("表示，", "说，", "介绍，")) + "期待与").add(g.place(), "LOCATION")
    d.add("在新能源领域加强合作。")
    if r.random() < 0.5:
        d.add("\n在").add(g.township(), "LOCATION").add("，市民").add(g.name(), "PERSON")
        d.add(
            r.choice(("（化名）说，", "（化名）告诉记者，", "说，")) + "项目落地后就业岗位增加了。"
        )
    return d


#: Generator version 3: version 2 plus foreign names (友谊奖 lists, visit reports).
GENRES_V3: tuple[Callable[[Generator], Doc], ...] = (*GENRES_V2, friendship_award, visit_report)
