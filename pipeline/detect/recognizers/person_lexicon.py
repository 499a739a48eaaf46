"""Word lists of the rule-based person recognizer: surnames, cue words and name checks.

Data and small predicates shared by the person recognizer, the NER spot finder and the
sensitive-information recognizer (surname lookup, masked names 张某某, bare-name tokens).
"""

from __future__ import annotations

import re

from pipeline.detect.base import Token
from pipeline.detect.recognizers.gazetteer import gazetteer, surname_lists
from pipeline.detect.recognizers.person_filters import NR_POS, dictionary_word
from pipeline.detect.recognizers.person_filters import has_word as _has_word


def _words(spaced: str) -> tuple[str, ...]:
    return tuple(spaced.split())


#: Single-character surnames, most frequent first (the NER generator samples by this rank).
SURNAMES_BY_FREQUENCY = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺"
    "顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿"
    "关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华"
    "喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗"
    "瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠"
    "惠荆乐冀郁胥南班储栗燕楚鄢谌奚粟冼蔺闻厉伊仝郜阚权帅屠朴盖廉禹井祖漆巴卿狄宣晋初容扈晁"
    "芮阙浦戈伏鹿薄邸雍辜羊裘亓邰赫杭宿逯隆茹诸慕亢嵇湛宾戎勾茅揭尉冶束檀昝衡尧习寿"
)
#: Surname characters of 百家姓 that are far more often a function word or the start of an
#: ordinary word (和, 有, 都 …): never taken as a surname.
_NOT_SURNAME = frozenset(
    "和有都从能经家后公东双平元干水云花空国通别广终满步居利相益红养须那爱年福言赏"
    "充怀印强危计支富秋仰山乌松牧弓索咸籍慎融越丰巢权来要种母普税豆黑代阿哈"
)
#: Compound surnames of 百家姓 that are mostly ordinary words (南门, 东门 …).
_NOT_COMPOUND = frozenset(_words("南门 东门 公西 子车 归海 微生 公良 司空 乐正 段干 东郭"))
SURNAMES = frozenset(SURNAMES_BY_FREQUENCY) | (surname_lists()[0] - _NOT_SURNAME)
COMPOUND_SURNAMES = frozenset(
    _words(
        "欧阳 司徒 诸葛 上官 皇甫 东方 慕容 令狐 夏侯 尉迟 公孙 长孙 "
        "宇文 司马 端木 西门 南宫 独孤 百里 呼延 轩辕 万俟 闻人 澹台 "
        "公冶 太史 申屠 钟离 赫连 淳于 单于 濮阳 拓跋 第五 "
    )
) | (surname_lists()[1] - _NOT_COMPOUND)

_PRIVATE = _words(
    "被申请人 申请人 当事人 户主 投诉人 举报人 来信人 信访人 反映人 "
    "求助人 被执行人 被处罚人 被举报人 被投诉人 受害人 承租人 监护人 "
    "委托人 代理人 姓名 户主姓名 救助对象 患者 其子 其女 其父 其母 其夫 其妻 "
    "母亲 父亲 儿子 女儿 妻子 丈夫 配偶 其母亲 其父亲 其儿子 其女儿 其妻子 其丈夫 其配偶 "
    "社区矫正对象 矫正对象 服刑人员 刑满释放人员 "
    # private parties a notice names in passing (请失主李某…认领, 经群众张某提供线索)
    "失主 群众 来访群众 来电群众 报案人 报警人 来电人 来访人 求助者 受害群众 "
    # recipients named in a relief or charity list (受助人颜某，女，9岁)
    "受助人 受助者 受捐人 受资助人 受援人 "
    # neighbours' and tenancy roles in enforcement narratives (相邻权利人罗某, 房东谭某)
    "相邻权利人 利害关系人 房东 出租人 租客 "
)
#: Third parties of a narrative (relatives, neighbours, witnesses): private in any document.
THIRD_PARTY_CUES = _words(
    "之妻 之夫 之子 之女 之父 之母 之兄 之弟 之姐 之妹 之孙 之侄 之妻子 之丈夫 "
    "其兄 其弟 其姐 其妹 其孙 其孙子 其孙女 其儿媳 其女婿 其哥哥 其弟弟 其姐姐 其妹妹 "
    "邻居 证人 目击者 知情人 被害人 见证人 同住人 "
)
#: Residents named in a narrative (城关镇居民何立军, 村民王某): private individuals.
_RESIDENTS = _words("居民 村民 市民 租户 ")
#: Welfare and health statuses written before a name (低保户周大福): private in any document.
STATUS_CUES = _words(
    "低保户 低保人员 特困人员 特困供养人员 特困户 五保户 残疾人 重病患者 精神病人 病人 "
    "患儿 监测对象 监测户 边缘户 困难户 "
)
_OFFICIAL = _words("法定代表人 负责人 项目负责人 经办人 帮扶责任人 主要负责人 ")
_EDITOR = _words("责任编辑 审核人 审核 编辑 校对 签发人 签发 审稿 核稿 拟稿人 拟稿 撰稿 ")
_POSTS = _words(
    "局长 副局长 主任 副主任 书记 副书记 科长 副科长 处长 副处长 县长 "
    "副县长 市长 副市长 区长 副区长 镇长 副镇长 乡长 副乡长 村主任 "
    "村支书 支书 组长 副组长 厅长 副厅长 部长 副部长 院长 副院长 所长 "
    "站长 队长 主席 副主席 董事长 总经理 经理 校长 馆长 社长 主编 "
    "调研员 专员 "
)
_HONORIFICS = _words("同志 先生 女士 ")
_SALUTATION_RE = re.compile(r"(?m)^[ \t]*([\u4e00-\u9fff]{2,4}?)(?:同志|女士|先生)?:[ \t]*$")

CUE_KINDS: dict[str, str] = {
    **{c: "private" for c in _PRIVATE + THIRD_PARTY_CUES + STATUS_CUES + _RESIDENTS},
    **{c: "official" for c in _OFFICIAL},
    "联系人": "contact",
    **{c: "editor" for c in _EDITOR},
    **{c: "post" for c in _POSTS + _HONORIFICS},
}
#: Cue words that are also ordinary verbs: the name needs a colon/space or a person tag.
_WEAK_CUES = frozenset({"审核", "编辑", "校对", "签发", "审稿", "核稿", "拟稿", "撰稿", "姓名"})
_BEFORE_CUES = frozenset(c for c in CUE_KINDS if c not in _HONORIFICS)
_AFTER_CUES = frozenset(_POSTS + _HONORIFICS)

_CUE_RE = re.compile("(" + "|".join(sorted(CUE_KINDS, key=len, reverse=True)) + ")([:]?[ \t]{0,2})")
#: Characters that end a given name (function words, posts, punctuation-like words).
STOP_GIVEN = frozenset(
    "的了于在和与及或等是为向对将把被到从自由经因已也都就还并而且但即系其之所以同"
    "先女局主任记科处县市镇乡区省村组副电话号码联系年提出反映申请称说"
)
#: Last characters of places and organisations that jieba sometimes tags as person names.
PLACE_SUFFIX = frozenset(
    "区县市省州镇乡村路街巷井局委办厅部院所站队社馆园港湾岛庄屯寨营堡桥湖河厂矿场店周"
)
_TITLE_ENDINGS = ("女士", "先生", "同志", "老师", "师傅", "阿姨", "大爷", "大妈")
_THING_ENDINGS = frozenset("房屋楼栋门窗车船")
#: Surname characters that are far more often something else at the start of a word.
_NO_CUE_SURNAME = frozenset("于惠时明全成应向常文高安万方")
#: Out-of-dictionary tokens jieba tags as names in policy text.
NO_CUE_BLOCK = frozenset(
    _words(
        "习近平 毛泽东 邓小平 江泽民 胡锦涛 "  # in 思想/理论 names of policy preambles
        "于民 林权 惠企 雷语 小微 双微 鲁发 农惠农 范围广 许可证 古建筑 "
        "农家乐 古文化 权分立 金字塔 胡萝卜 吉普车 金刚石 石英砂 白玉兰 "
        "杜鹃花 马尾松 胡杨林 黄鹤楼 伊拉克 莫斯科 季后赛 "
    )
)
_MASKED_RE = re.compile(
    "(" + "|".join(sorted(COMPOUND_SURNAMES)) + "|[" + "".join(sorted(SURNAMES)) + "])(某某|某)"
    "(?![种些个类项地处方面部单企公市县区乡镇村年月日天时件位人家省国机局])"
)
_MOU_RE = re.compile("某")


def masked_at(text: str, mou: int) -> tuple[int, int] | None:
    """The masked name (张某, 欧阳某某) whose first 某 is at ``mou``, if there is one."""
    if text[mou - 1 : mou] == "某":
        return None
    for sl in (2, 1):
        s = mou - sl
        if s >= 0 and surname_len(text, s) == sl:
            m = _MASKED_RE.match(text, s)
            if m is not None and not (s and _has_word(text[s - 1 : s + 1])):
                return m.span()
    return None


_ENUM_SEPS = frozenset("、,和及与 ")
_DOC_NO_NEXT = frozenset("〔[(【")


#: Heads right after a span that make it the name of a product or pathogen (麻腮风|疫苗,
#: 金龙鱼|牌): not a person.
THING_AFTER = ("疫苗", "病毒", "牌", "品牌", "商标", "系列", "型号")


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def surname_len(text: str, pos: int) -> int:
    """2 for a compound surname at ``pos``, 1 for a single one, 0 otherwise."""
    if text[pos : pos + 2] in COMPOUND_SURNAMES:
        return 2
    return 1 if text[pos : pos + 1] in SURNAMES else 0


def is_name_token(tok: Token, text: str) -> bool:
    """A jieba person token that looks like a real name even without a cue."""
    w = tok.word
    if tok.pos not in NR_POS or not 2 <= len(w) <= 4:
        return False
    sl = surname_len(w, 0)
    if not sl or not sl + 1 <= len(w) <= sl + 2 or (sl == 1 and w[0] in _NO_CUE_SURNAME):
        return False
    if w[-1] in PLACE_SUFFIX or w[-1] == "人" or w in NO_CUE_BLOCK or w in CUE_KINDS:
        return False
    if w.endswith(_TITLE_ENDINGS) or w[-1] in _THING_ENDINGS:
        return False  # 陈女士, 王老师 (a surname and a form of address), 阳光房
    if "某" in w:
        return False
    if not all(is_cjk(c) for c in w) or text[tok.end : tok.end + 1] in _DOC_NO_NEXT:
        return False
    if dictionary_word(w):
        return False  # dictionary words tagged nr: 权威, 阳光, 许可, 仲裁庭, 申请书 …
    return gazetteer().level(w) is None
