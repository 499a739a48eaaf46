"""The 22 top-level 主题分类 of the gov.cn policy library, decided by their own words.

The 26 areas of the grassroots guides cover only part of what a provincial government writes
about (industry, transport, science, trade have no area), so the gov.cn field is scored on its
own vocabulary, title and body together:

- words are matched longest first, each character counted once, so 地质遗迹 is not 地质 and
  农民工 is not 农民; 人民政府 and 市政府 hide the 民政 and 市政 inside them; a word inside an
  agency's name (省财政厅, 民政部门, 人力资源和社会保障厅) names who acts, not the subject;
- a category whose word is in the title wins (most title words, then the body); without one,
  the body must point one way: a body score of at least 4 and 1.5 times the next category,
  otherwise the document spans several areas (立法工作计划, 民生工程) and is 其他;
- a 政务公开 / 信息公开 / 政务服务 work document is 综合政务 unless another category's word is in
  its title too; a document about a body itself (成立/调整…领导小组, 组成人员, 更名, 业务主管单位)
  is 其他 (国务院组织机构 when the State Council's own bodies are meant).

Every guess reports the matched words (title words first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _w(spaced: str) -> tuple[str, ...]:
    return tuple(spaced.split())


GOV_WORDS: dict[str, tuple[str, ...]] = {
    "国务院组织机构": _w("机构设置 机构改革 职能配置 内设机构 机构编制 人员编制"),
    "综合政务": _w(
        "政务公开 政府信息公开 信息公开 政务服务 营商环境 依法行政 法治政府建设 放管服 "
        "电子政务 数字政府 一网通办 政府职能 行政审批制度 审批制度改革 审批改革 督查激励 "
        "政务数据 12345"
    ),
    "国民经济管理、国有资产监管": _w(
        "国民经济 国有资产 国有企业 国资 经济运行 发展改革 价格改革 物价 知识产权 统计调查 "
        "投资项目 固定资产投资 民营经济 经济体制改革 宏观经济"
    ),
    "财政、金融、审计": _w(
        "财政 预算 决算 税收 税务 金融 银行 证券 审计 政府债务 专项资金 资金管理 融资 信贷 "
        "财政事权 支出责任 国库 彩票 担保 贷款贴息 保险业"
    ),
    "国土资源、能源": _w(
        "国土 土地市场 土地 矿产 矿业权 不动产登记 耕地 建设用地 地质 能源 电力 煤炭 石油 "
        "天然气 新能源 光伏 风电 节能"
    ),
    "农业、林业、水利": _w(
        "农业 农村 农民 粮食 种植 畜牧 家禽 养殖 林业 林场 森林 草原 水利 河道 水资源 灌溉 "
        "农机 渔业 农产品 供销合作社 种业 高标准农田 春耕 三农 耕种"
    ),
    "工业、交通": _w(
        "工业 制造业 工业企业 工业经济 信息化 技术改造 交通 交通运输 公路 高速公路 国道 "
        "收费站 通行费 收费公路 铁路 航空 机场 港口 航运 物流 邮政 通信 软件 汽车 新型工业化"
    ),
    "商贸、海关、旅游": _w(
        "商贸 商务 贸易 外贸 进出口 海关 口岸 旅游 消费 市场采购 电子商务 会展 招商引资 外资 "
        "流通 商品交易"
    ),
    "市场监管、安全生产监管": _w(
        "市场监管 市场监督管理 工商 产品质量 标准化 食品安全 食品 药品 安全生产 安全监管 "
        "矿山救援 特种设备 计量 认证认可 消费者 市场秩序 反垄断 安全事故"
    ),
    "城乡建设、环境保护": _w(
        "城乡建设 城市建设 住房 住建 房地产 保障性住房 安居工程 棚户区 建筑业 市政 园林 "
        "城镇化 生态环境 环境保护 环保 污染 排污 大气 重污染天气 自然保护区 湿地 垃圾 污水 "
        "购房补贴 物业 地质遗迹 自然保护地"
    ),
    "科技、教育": _w(
        "科技 科学技术 科研 科技创新 研发 高新技术 技术创新 科技成果 创新能力 教育 学校 高校 "
        "高等学校 职业教育 学生 教师 义务教育 招生 学前教育 学生资助 思政 科普 科学素质"
    ),
    "文化、广电、新闻出版": _w(
        "文化 文物 广播电视 广电 新闻出版 出版 图书馆 博物馆 非物质文化遗产 艺术 文艺 城墙保护"
    ),
    "卫生、体育": _w(
        "卫生 健康 医疗 医院 疾病 疾控 传染病 结核病 医药 中医药 体育 运动会 全民健身 康养 "
        "公共卫生 医疗保障"
    ),
    "人口与计划生育、妇女儿童工作": _w("人口 计划生育 生育 妇女 儿童 未成年人 托育"),
    "劳动、人事、监察": _w(
        "劳动 就业 创业 人力资源 社会保障 社会保险 社保 养老保险 工伤 失业 工资 职称 人事 人才 "
        "公务员 事业单位 职业技能 技能人才 劳动关系 劳动合同 人社 招聘 监察 农民工 专业技术人员 "
        "薪酬 技工院校 人事考试"
    ),
    "公安、安全、司法": _w(
        "公安 治安 消防 司法 法律援助 监狱 禁毒 国家安全 行政执法 律师 公证 人民调解 网络安全 "
        "信息安全 社区矫正"
    ),
    "民政、扶贫、救灾": _w(
        "民政 社会救助 低保 救助 养老服务 慈善 社会组织 行业协会 婚姻 殡葬 残疾人 扶贫 脱贫 "
        "救灾 减灾 防灾 社区 老龄 区划 地名"
    ),
    "民族、宗教": _w("民族 宗教 少数民族 民族区域自治"),
    "对外事务": _w("外事 对外交流 国际合作 外国 涉外 友好城市"),
    "港澳台侨工作": _w("港澳 台湾 台胞 侨务 华侨"),
    "国防": _w("国防 兵役 征兵 民兵 退役军人 双拥 人民防空 人防 军队"),
}  # fmt: skip
_GENERAL = ("政务公开", "信息公开", "政府信息公开", "政务服务")
#: runs that contain a category word without being it: 人民政府 ⊃ 民政, 市政府 ⊃ 市政, and
#: document numbers (承市政〔2023〕39号: the issuer's abbreviation)
_BLOCKERS = re.compile(
    r"人民政府|市政府|市政协|[\u4e00-\u9fff]{1,6}[〔\[【(（]\s*[0-9]{4}\s*[〕\]】)）]\s*[0-9]+\s*号"
)
#: after a category word: the rest of an agency's name (财政厅, 工商行政管理局, 民政部门)
_AGENCY_TAIL = re.compile(
    r"[\u4e00-\u9fff]{0,5}?(?:厅(?!堂)|局(?![面势限部])|委员会|委(?![托员屈])|部门|办公室)"
)
_MINISTRY = re.compile(r"部(?![署分位队件长])")
#: a document about a body itself: set up, adjusted, renamed, its members or its supervisor
_BODY_MATTER = re.compile(
    r"(?:成立|组建|设立|调整|撤销|变更)[^，。]{0,30}(?:领导小组|委员会|工作组|指挥部|联席会议)"
    r"|组成人员|成员单位|更名|业务主管单位|机构设置|职能配置"
)
_MIN_SCORE = 4
_DOMINANCE = 1.5


@dataclass(frozen=True, slots=True)
class GovGuess:
    category: str
    cues: tuple[str, ...]


def _agency_part(text: str, end: int) -> bool:
    return bool(_AGENCY_TAIL.match(text, end) or _MINISTRY.match(text, end))


def matches(text: str) -> dict[str, list[str]]:
    """category → the words found in ``text``, longest first, each character used once."""
    spots: list[tuple[int, int, str | None, str]] = []
    for m in _BLOCKERS.finditer(text):
        spots.append((m.start(), m.start() - m.end(), None, m.group()))
    for category, words in GOV_WORDS.items():
        for w in words:
            start = text.find(w)
            while start >= 0:
                spots.append((start, -len(w), category, w))
                start = text.find(w, start + 1)
    taken = [False] * len(text)
    found: dict[str, list[str]] = {}
    for start, neg, cat, w in sorted(spots, key=lambda x: (x[1], x[0])):
        end = start - neg
        if any(taken[start:end]):
            continue
        for i in range(start, end):
            taken[i] = True
        if cat is not None and not _agency_part(text, end):
            found.setdefault(cat, []).append(w)
    return found


def _body_scores(text: str) -> dict[str, tuple[int, list[str]]]:
    """Each word's occurrences up to 3."""
    out: dict[str, tuple[int, list[str]]] = {}
    for category, hits in matches(text).items():
        distinct = list(dict.fromkeys(hits))
        out[category] = (sum(min(hits.count(w), 3) for w in distinct), distinct)
    return out


def classify_gov(title: str, text: str) -> GovGuess:
    in_title = matches(title)
    body = _body_scores(text)
    general = [g for g in _GENERAL if g in title]
    if (m := _BODY_MATTER.search(title)) is not None:
        state_council = "国务院" in title and "办公厅" not in title.replace("国务院办公厅", "")
        return GovGuess("国务院组织机构" if state_council else "其他", (m.group(),))
    if general:
        others = {c: h for c, h in in_title.items() if c != "综合政务"}
        if not others:
            return GovGuess("综合政务", tuple(general))
        in_title = others
    if in_title:
        best = max(in_title, key=lambda c: (len(set(in_title[c])), body.get(c, (0, []))[0]))
        cues = list(dict.fromkeys(in_title[best])) + body.get(best, (0, []))[1]
        return GovGuess(best, tuple(dict.fromkeys(cues))[:6])
    ranked = sorted(body.items(), key=lambda kv: kv[1][0], reverse=True)
    if not ranked or ranked[0][1][0] < _MIN_SCORE:
        return GovGuess("其他", ())
    best, (score, cues) = ranked[0]
    runner_up = ranked[1][1][0] if len(ranked) > 1 else 0
    if score < _DOMINANCE * runner_up:
        return GovGuess("其他", ())
    return GovGuess(best, tuple(cues[:6]))
