"""Topic areas: the 26 areas of the grassroots disclosure standard guides (国办发〔2017〕42号,
国办发〔2019〕54号) and the 22 top-level 主题分类 of the gov.cn policy library."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.classify.topics_gov import classify_gov


def _words(spaced: str) -> tuple[str, ...]:
    return tuple(spaced.split())


#: area → keywords (simplified; matched on normalised text, separated by spaces here).
#: Order breaks ties.
AREAS: dict[str, tuple[str, ...]] = {
    "城乡规划": _words(
        "城乡规划 控制性详细规划 控规 详细规划 规划许可 国土空间规划 "
        "总体规划 规划公示 村庄规划 用地性质 规划调整 规划方案 规划条件"
    ),
    "重大建设项目": _words(
        "重大建设项目 重点项目 项目审批 可行性研究 开工建设 竣工验收 "
        "初步设计 概算 施工图 项目建议书 核准 总投资"
    ),
    "公共资源交易": _words(
        "公共资源交易 招标 投标 中标 政府采购 采购公告 成交公告 磋商 询价 "
        "单一来源 采购预算 供应商 比选"
    ),
    "财政预决算": _words(
        "预算 决算 三公经费 “三公”经费 财政资金 一般公共预算 转移支付 "
        "政府债务 财政拨款"
    ),
    "安全生产": _words(
        "安全生产 生产安全事故 隐患排查 危险化学品 应急演练 事故隐患 "
        "安全检查 消防安全 燃气安全 安全隐患 挂牌督办 专项整治"
    ),
    "税收管理": _words("税收 纳税 税务 减税降费 发票 税款 退税 欠税 定额核定"),
    "农村集体土地征收": _words(
        "征地 征收土地 集体土地 被征地 征地补偿 土地征收 拟征收 土地补偿费 "
        "安置补助"
    ),
    "国有土地上房屋征收与补偿": _words(
        "房屋征收 被征收人 征收补偿方案 国有土地上房屋 征收决定 搬迁奖励 "
        "旧城区改建 征收范围"
    ),
    "保障性住房": _words(
        "保障性住房 公租房 廉租房 保障房 棚户区改造 住房保障 公共租赁住房 "
        "配租 租赁补贴 共有产权"
    ),
    "农村危房改造": _words("危房改造 农村危房 住房安全保障 C级 D级 农房"),
    "生态环境": _words(
        "生态环境 环境保护 环境影响评价 环境影响报告 环评 污染 排污 大气 "
        "水质 扬尘 噪声 固体废物 碳排放 环境监测"
    ),
    "公共文化服务": _words(
        "公共文化 文化馆 图书馆 博物馆 文化活动 非物质文化遗产 文化惠民 "
        "送戏下乡 农家书屋 文化站 全民阅读 群众文化"
    ),
    "公共法律服务": _words(
        "公共法律服务 法律援助 人民调解 公证 法律咨询 法律顾问 司法鉴定 "
        "普法 法治宣传"
    ),
    "扶贫": _words("扶贫 脱贫 乡村振兴 帮扶 贫困户 防返贫 衔接资金 脱贫攻坚 监测对象"),
    "救灾": _words("救灾 受灾 灾害 防汛 抗旱 灾后 洪涝 地震 倒损住房 灾民"),
    "食品药品监管": _words(
        "食品 药品 餐饮 食品安全 医疗器械 化妆品 抽检 不合格 召回 "
        "保健食品"
    ),
    "城市综合执法": _words(
        "城市管理 综合执法 城管 占道经营 违法建设 户外广告 店招 渣土 "
        "强制拆除 违章搭建"
    ),
    "就业": _words("就业 创业 招聘 职业技能培训 失业 见习 高校毕业生 稳岗 公益性岗位 职业培训"),
    "社会保险": _words(
        "社会保险 养老保险 医疗保险 医保 工伤保险 失业保险 社保 参保 "
        "缴费档次 社会保障卡"
    ),
    "社会救助": _words("低保 最低生活保障 特困 临时救助 社会救助 救助 保障金 两项补贴"),
    "养老服务": _words("养老服务 养老机构 老年人 敬老院 居家养老 高龄津贴 日间照料 老龄"),
    "户籍管理": _words("户籍 户口 落户 居住证 身份证办理 常住户口 户口迁移"),
    "涉农补贴": _words("耕地地力保护补贴 农机购置 涉农补贴 种粮 惠农补贴 良种补贴 农资 补贴资金"),
    "义务教育": _words("义务教育 招生 入学 中小学 学区 教育 新生 学位 适龄儿童 随迁子女 小学 初中"),
    "卫生健康": _words("卫生健康 医疗卫生 医院 疫苗 疾病预防 公共卫生 医疗 接种 传染病 医疗机构"),
    "市政服务": _words(
        "供水 供气 供热 市政 路灯 公交 停水 停电 燃气 管网 公共自行车 "
        "停车 排水 污水处理 生活垃圾"
    ),
}  # fmt: skip

#: gov.cn 主题分类 (22) from an area, and a few general cues
GOV_CATEGORY_OF_AREA = {
    "城乡规划": "城乡建设、环境保护", "重大建设项目": "国民经济管理、国有资产监管",
    "公共资源交易": "财政、金融、审计", "财政预决算": "财政、金融、审计",
    "安全生产": "市场监管、安全生产监管", "税收管理": "财政、金融、审计",
    "农村集体土地征收": "国土资源、能源", "国有土地上房屋征收与补偿": "城乡建设、环境保护",
    "保障性住房": "城乡建设、环境保护", "农村危房改造": "城乡建设、环境保护",
    "生态环境": "城乡建设、环境保护", "公共文化服务": "文化、广电、新闻出版",
    "公共法律服务": "公安、安全、司法", "扶贫": "民政、扶贫、救灾", "救灾": "民政、扶贫、救灾",
    "食品药品监管": "市场监管、安全生产监管", "城市综合执法": "城乡建设、环境保护",
    "就业": "劳动、人事、监察", "社会保险": "劳动、人事、监察", "社会救助": "民政、扶贫、救灾",
    "养老服务": "民政、扶贫、救灾", "户籍管理": "公安、安全、司法", "涉农补贴": "农业、林业、水利",
    "义务教育": "科技、教育", "卫生健康": "卫生、体育", "市政服务": "城乡建设、环境保护",
}  # fmt: skip
GOV_CATEGORIES = (
    "国务院组织机构", "综合政务", "国民经济管理、国有资产监管", "财政、金融、审计",
    "国土资源、能源", "农业、林业、水利", "工业、交通", "商贸、海关、旅游",
    "市场监管、安全生产监管", "城乡建设、环境保护", "科技、教育", "文化、广电、新闻出版",
    "卫生、体育", "人口与计划生育、妇女儿童工作", "劳动、人事、监察", "公安、安全、司法",
    "民政、扶贫、救灾", "民族、宗教", "对外事务", "港澳台侨工作", "国防", "其他",
)  # fmt: skip
#: a work document about disclosure itself (政务公开工作要点/方案/报告): no specific area
_DISCLOSURE_WORK = ("政务公开", "政府信息公开", "信息公开")


@dataclass(frozen=True, slots=True)
class TopicGuess:
    topic: str
    gov_category: str
    cues: tuple[str, ...]  # the matched words of the area (or of the gov.cn category)
    gov_cues: tuple[str, ...] = ()  # the matched words of the gov.cn category


def classify_topic(title: str, text: str) -> TopicGuess:
    """Best area by keywords: title words count 3, body words 1 each; a title word, or four
    body words, are needed. A 政务公开 work document is 其他 (54号 areas) / 综合政务 (gov.cn)
    unless an area's word is in its title too (生态环境领域政务公开 → 生态环境)."""
    gov = classify_gov(title, text)
    disclosure_work = [w for w in _DISCLOSURE_WORK if w in title]
    best, best_score = "其他", 0
    best_cues: tuple[str, ...] = ()
    for area, words in AREAS.items():
        cues = tuple(w for w in words if w in text)
        in_title = sum(3 for w in words if w in title)
        if disclosure_work and not in_title:
            continue
        score = in_title + len(cues)
        if score > best_score:
            best, best_score, best_cues = area, score, cues
    if best_score < 4:
        return TopicGuess("其他", gov.category, tuple(disclosure_work) or gov.cues, gov.cues)
    return TopicGuess(best, gov.category, best_cues[:6], gov.cues)
