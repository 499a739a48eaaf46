"""The phrase table of the sensitive-information recognizer: per category, literal triggers
and the pattern searched around each trigger (患有…病, 肢体二级, 刑满释放, 出生日期 …)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_CJK = "[\u4e00-\u9fff]"
_CN = "[一二三四1-4]"
_DISABILITY = "(?:肢体|视力|听力|言语|智力|精神|多重)"
_RELIGIONS = "(?:藏传佛教|伊斯兰教|基督教|天主教|东正教|佛教|道教)"
_ETHNIC_MULTI = (
    "蒙古|维吾尔|布依|朝鲜|土家|哈尼|哈萨克|傈僳|拉祜|东乡|纳西|景颇|柯尔克孜|达斡尔|仫佬|布朗|"
    "撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|赫哲|门巴|珞巴|"
    "基诺|塔塔尔|独龙|鄂伦春|高山"
)
_ETHNIC_SINGLE = "汉回藏苗彝壮满侗瑶白傣黎佤畲水土羌怒京"
_AGE = "(?:1[0-7]|[1-9]|十[一二三四五六七]?|[一二三四五六七八九])"

_NUM = "[一二三四五六七八九十0-9]"
_DISEASE_FILE = Path(__file__).resolve().parents[1] / "data" / "diseases.txt"


def _diseases() -> list[str]:
    """The disease lexicon (``data/diseases.txt``), longest first."""
    lines = _DISEASE_FILE.read_text(encoding="utf-8").splitlines()
    words = {w.strip() for w in lines if w.strip() and not w.startswith("#")}
    return sorted(words, key=len, reverse=True)


DISEASES = _diseases()
_DISEASE = "(?:急性|慢性|晚期|重度|恶性)?(?:" + "|".join(map(re.escape, DISEASES)) + ")"
#: A health event told of a person: onset, diagnosis, disease, treatment (突发脑梗住院,
#: 确诊为肺癌晚期, 被诊断为尿毒症, 因脑溢血住院手术).
_ONSET = (
    "(?:突发|突患|身患|罹患|患上|患有|患|得了|查出|检查出|检出|确诊(?:为|患有)?"
    "|被?诊断(?:为|出)?|因)"
)
_TREATMENT = "(?:住院(?:治疗|手术|抢救)?|手术(?:治疗)?|透析|化疗|放疗|截肢|去世|病逝|离世)"
_HEALTH_EVENT = f"{_ONSET}?{_DISEASE}(?:晚期|早期|中期)?(?:[,]?{_TREATMENT})?"
#: Hospitalisation and surgery of a person without a named disease (因车祸住院手术, 做了心脏支架
#: 手术); not 住院费用, 住院报销, 住院康复服务 (a category: 住院 must end its phrase).
_STAY = (
    "(?:因[\u4e00-\u9fff]{1,6}?)?住院(?:治疗|手术|抢救|观察)?(?![\\u4e00-\\u9fff])"
    "|(?:做了|做过|接受了?|进行了?|实施了?)[\u4e00-\u9fff]{0,8}?手术(?![费室])"
)
#: An acute condition told of a person by its medical head, whatever the disease (出现高热惊厥,
#: 突发急性心力衰竭, 确诊为过敏性紫癜); 出现问题, 发生火灾 have no such head.
_ONSET_OF = (
    "(?:出现|发生|突发|引发|确诊为?|被?诊断为)"
    "[\u4e00-\u9fff]{0,6}?(?:惊厥|衰竭|梗死|梗塞|骨折|中毒|休克|昏迷|抽搐|瘫痪|过敏反应|癫痫|综合征"
    "|癌|瘤|白血病|肺炎|脑炎|肝炎|心肌炎|紫癜|贫血|血症)"
)
#: An injury told of a person, with the body part and the treatment (右手掌被割伤缝合11针,
#: 面部烫伤); the verbs are specific enough that a sentence about a building's 损伤 stays out.
_BODY_PART = (
    "(?:[左右双]?(?:手掌|手指|手臂|手腕|小臂|大腿|小腿|脚踝|膝盖|肩部|背部|腰部|头部|面部|眼部|胸部|腹部"
    "|头皮|眼睛|手|脚|足|腿|膝|肩|背|腰|头|脸))"
)
_INJURY = (
    f"{_BODY_PART}?被?(?:割伤|划伤|烧伤|烫伤|刺伤|咬伤|砸伤|撞伤|摔伤|扭伤|挫伤|擦伤|灼伤|骨裂|脱臼)"
    "(?:[,]?缝合[0-9一二三四五六七八九十]+针)?|缝合[0-9一二三四五六七八九十]+针"
)
_CRIMES = "强制隔离戒毒|戒毒(?:人员)?|服刑(?:人员|期间)?|吸毒(?:人员|史)?|社区矫正(?:对象|人员)?"


@dataclass(frozen=True, slots=True)
class _Rule:
    """Keywords (fast literal triggers) and the phrase pattern searched around them."""

    category: str
    cue: str
    triggers: tuple[str, ...]
    pattern: re.Pattern[str]
    lookback: int = 0  # how far the phrase may start before its trigger
    group: str | None = None  # span of this group instead of the whole match


def _rule(category: str, cue: str, triggers: str, pattern: str, lookback: int = 0) -> _Rule:
    return _Rule(category, cue, tuple(triggers.split()), re.compile(pattern), lookback)


_SIMPLE_HEALTH = (
    "病情 病史 精神疾病 精神病 精神分裂症 抑郁症 确诊 住院治疗 重大疾病 重病 "
    "癌症 白血病 尿毒症 艾滋病"
)
_SIMPLE_CRIME = (
    "前科 劳动教养 行政拘留 刑事拘留 取保候审 缓刑 假释 在逃 犯罪记录 "
    "受过刑事处罚 刑释人员 刑释解教"
)
#: An earlier sanction told of a person: 曾因盗窃被行政拘留十日, 因吸毒被强制隔离戒毒.
_PAST_SANCTION = (
    "(?:曾|先后|多次|又)?因[^,。;:]{1,12}?被[^,。;:]{0,10}?"
    f"(?:行政拘留|刑事拘留|劳动教养|强制隔离戒毒|治安拘留|逮捕|判处|判刑)(?:{_NUM}+[日天])?"
)
_RULES: list[_Rule] = [
    _rule(
        "HEALTH",
        "患有",
        "患有",
        f"患有(?:{_CJK}{{1,12}}?(?:病|症|癌|瘤|障碍|综合征|瘫痪)|{_CJK}{{1,6}})",
    ),
    _rule(
        "HEALTH",
        "残疾",
        "残疾",
        f"残疾等级(?:[:]?(?:{_DISABILITY})?{_CN}级)?|残疾人证号?|{_CN}级{_DISABILITY}?残疾"
        f"|{_DISABILITY}残疾(?:{_CN}级)?|重度残疾",
        6,
    ),
    _rule(
        "HEALTH", "病情", _SIMPLE_HEALTH, "|".join(sorted(_SIMPLE_HEALTH.split(), key=len)[::-1])
    ),
    _rule(
        "HEALTH",
        "残疾",
        "肢体 视力 听力 言语 智力 精神 多重",
        f"{_DISABILITY}(?:残疾)?{_CN}级(?:[(](?:盲|低视力)[)])?",
    ),
    _rule("HEALTH", "因病", "因病致", "因病致(?:贫|残)"),
    _rule(
        "HEALTH",
        "伤残等级",
        "伤残 评定为 鉴定为",
        f"(?:评定为|鉴定为|构成)?{_NUM}{{1,2}}级(?:伤残)?(?=[,。;]|$)|(?:评定为|鉴定为|构成){_NUM}{{1,2}}级",
        6,
    ),
    _rule("HEALTH", "致残", "致残", f"因(?:{_CJK}){{1,4}}?致残", 6),
    _rule(
        "HEALTH",
        "患病",
        "罹患 患",
        f"(?:罹患|(?<![隐祸后忧])患(?![有者])){_CJK}{{0,11}}?"
        "(?:病|症|癌|瘤|障碍|综合征|瘫痪)(?:住院(?:治疗|化疗)?)?",
    ),
    _rule("HEALTH", "疾病", " ".join(DISEASES), _HEALTH_EVENT, 12),
    _rule("HEALTH", "住院", "住院 手术", _STAY, 14),
    _rule("HEALTH", "发病", "出现 发生 突发 引发 确诊 诊断", _ONSET_OF, 0),
    _rule(
        "HEALTH",
        "受伤",
        "割伤 划伤 烧伤 烫伤 刺伤 咬伤 砸伤 撞伤 摔伤 扭伤 挫伤 擦伤 灼伤 骨裂 脱臼 缝合",
        _INJURY,
        8,
    ),
    _rule(
        "RELIGION",
        "信仰",
        "藏传佛教 伊斯兰教 基督教 天主教 东正教 佛教 道教",
        f"(?:宗教信仰[:]?|信仰|信奉|皈依|信)[ ]?{_RELIGIONS}",
        8,
    ),
    _rule("RELIGION", "教徒", "基督徒 教徒 穆斯林", "基督徒|天主教徒|佛教徒|伊斯兰教徒|穆斯林", 4),
    _rule(
        "ETHNICITY",
        "民族",
        "族",
        f"民族[:]?[ ]?(?:{_ETHNIC_MULTI}|[{_ETHNIC_SINGLE}])族"
        f"|(?:{_ETHNIC_MULTI})族(?!自治|地区|群众|聚居|同胞|干部|人口|乡|村|县|州|旗|文化|传统)"
        f"|(?<![\u4e00-\u9fff])[{_ETHNIC_SINGLE}]族(?![\u4e00-\u9fff])",
        10,
    ),
    _rule("CRIMINAL_RECORD", "刑满释放", "刑满释放", "刑满释放(?:人员)?"),
    _rule(
        "CRIMINAL_RECORD",
        "判处",
        "判处 有期徒刑 无期徒刑 拘役",
        f"判处(?:有期徒刑|拘役|管制|无期徒刑|死刑)(?:{_NUM}+年)?(?:{_NUM}+个月)?(?:缓刑{_NUM}+年)?"
        f"|(?:有期徒刑|无期徒刑|拘役)(?:{_NUM}+(?:年|个月))*",
        2,
    ),
    _rule("CRIMINAL_RECORD", "前科", _SIMPLE_CRIME, "|".join(_SIMPLE_CRIME.split())),
    _rule("CRIMINAL_RECORD", "服刑", "戒毒 服刑 吸毒 社区矫正", _CRIMES, 4),
    _rule("CRIMINAL_RECORD", "犯罪", "罪", f"(?:曾?因)?犯(?:(?!罪){_CJK}){{1,8}}罪", 12),
    _rule("CRIMINAL_RECORD", "涉嫌犯罪", "涉嫌", f"涉嫌(?:(?!罪){_CJK}){{1,10}}罪"),
    _rule("CRIMINAL_RECORD", "追究刑事责任", "刑事责任", "被(?:依法)?追究刑事责任", 6),
    _rule(
        "CRIMINAL_RECORD",
        "因…被拘留",
        "行政拘留 刑事拘留 劳动教养 强制隔离戒毒 治安拘留 逮捕 判刑",
        _PAST_SANCTION,
        26,
    ),
    _rule("MINOR", "未满周岁", "未满", "未满(?:十四|十六|十八|14|16|18)周岁"),
    _rule("MINOR", "未成年", "未成年", "未成年(?:人|子女)?"),
    _rule(
        "MINOR",
        "岁",
        "岁",
        f"(?<![0-9\\-~至到])(?<!十){_AGE}周?岁"
        f"(?:[0-9一二三四五六七八九十]{{1,2}}个月|(?![0-9]|以|及|至|到|-|~|半|左右))",
        4,
    ),
    _rule(
        "BIOMETRIC",
        "生物识别",
        "指纹 人脸 面部特征 虹膜 声纹 掌纹 基因 DNA",
        "指纹(?:信息)?|人脸(?:识别)?(?:信息|图像|照片)?|面部特征|虹膜(?:信息)?|声纹(?:信息)?"
        "|掌纹|基因(?:信息|序列|数据|检测(?:结果|报告))|DNA(?:信息|检测|鉴定|比对)",
    ),
]

_DATE = (
    "(?:19|20)[0-9]{2}(?:年(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?|[-./][0-9]{1,2}(?:[-./][0-9]{1,2})?)"
)
_RULES += [
    _Rule(
        "DATE_OF_BIRTH",
        "出生",
        ("出生", "生于"),
        re.compile(f"(?:出生日期|出生年月|出生时间|生于|出生于)[:]?[ ]?(?P<d>{_DATE})"),
        0,
        "d",
    ),
    _Rule(
        "DATE_OF_BIRTH",
        "出生",
        ("出生", "生人"),
        re.compile(f"(?P<d>{_DATE})[ ]?(?:出生|生人)(?!人口|率|缺陷|登记|医学|证明|婴儿)"),
        16,
        "d",
    ),
]
_BY_TRIGGER: dict[str, list[_Rule]] = {}
for _r in _RULES:
    for _t in _r.triggers:
        _BY_TRIGGER.setdefault(_t, []).append(_r)
_TRIGGER_RE = re.compile("|".join(sorted(_BY_TRIGGER, key=len, reverse=True)))
