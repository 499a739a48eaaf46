# ruff: noqa: E501  (document texts and labels are long data lines)
"""Held-out screening set 2026-12-07b (independent author): 24 documents in officials' styles.

Synthetic values only: IDs with valid GB 11643 check digits, Luhn-valid UnionPay cards,
plausible mobiles and landlines. Labels (entity, exact text, action, must_redact) follow
/work/shared/DOMAIN.md and are fixed before any measurement. Every item carries an explicit
``start`` so repeated strings are located exactly.

Run: python3 make_screen.py  (writes screen/*.json next to this file; seeded, deterministic)
"""

from __future__ import annotations

import json
import random
from pathlib import Path

RNG = random.Random(20261207)
OUT = Path(__file__).with_name("screen_2026-12-07b")

W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
MAP = "10X98765432"
SEGMENTS = ("133", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158",
            "159", "166", "173", "177", "180", "181", "182", "183", "186", "187", "188",
            "189", "191", "193", "195", "198", "199")  # fmt: skip
FW = str.maketrans("0123456789X-", "０１２３４５６７８９Ｘ－")
CN = str.maketrans("0123456789X", "〇一二三四五六七八九Ｘ")


def idc(region: str, birth: str, sex: str = "m") -> str:
    seq = RNG.randint(10, 99) * 10 + RNG.choice((1, 3, 5, 7, 9) if sex == "m" else (0, 2, 4, 6, 8))
    body = f"{region}{birth}{seq:03d}"
    return body + MAP[sum(int(c) * w for c, w in zip(body, W, strict=True)) % 11]


def luhn(prefix: str, length: int = 19) -> str:
    body = prefix + "".join(str(RNG.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return body + str((10 - total % 10) % 10)


def mob() -> str:
    return RNG.choice(SEGMENTS) + "".join(str(RNG.randint(0, 9)) for _ in range(8))


def line(area: str, n: int = 8) -> str:
    first = str(RNG.randint(2, 8))
    return f"{area}-{first}" + "".join(str(RNG.randint(0, 9)) for _ in range(n - 1))


def local(n: int = 8) -> str:
    return str(RNG.randint(2, 8)) + "".join(str(RNG.randint(0, 9)) for _ in range(n - 1))


def masked_id(v: str) -> str:
    return v[:4] + "*" * 10 + v[-4:]


class Doc:
    def __init__(self, doc_id: str, genre: str) -> None:
        self.id, self.genre = doc_id, genre
        self.parts: list[str] = []
        self.size = 0
        self.items: list[dict] = []

    def t(self, s: str) -> Doc:
        self.parts.append(s)
        self.size += len(s)
        return self

    def e(self, entity: str, value: str, action: str, must: bool | None = None,
          note: str = "") -> Doc:  # fmt: skip
        must = (action == "redact") if must is None else must
        self.items.append({"entity": entity, "text": value, "action": action,
                           "must_redact": must, "note": note, "start": self.size})  # fmt: skip
        return self.t(value)

    def dump(self) -> dict:
        text = "".join(self.parts)
        for it in self.items:
            assert text[it["start"] : it["start"] + len(it["text"])] == it["text"]
        return {"id": self.id, "genre": self.genre, "text": text, "expected": self.items}


# notes reused
N_PARTY = "被处罚当事人（惩戒性公示）：姓名可保留"
N_ID = "私人身份证号：公开前必须遮蔽"
N_HOME = "私人住址（细到门牌/组）：必须遮蔽"
N_PMOB = "私人手机号：必须遮蔽"
N_STAFF = "工作人员联系人（联系方式行）：放行"
N_STAFFTEL = "工作人员/机关联系电话：放行"
N_THIRD = "叙事中的第三方私人：必须遮蔽"
N_ROSTER = "法定公示名单中的姓名：可保留"
N_HEALTH = "敏感个人信息（健康/残疾）：必须遮蔽"
N_CRIME = "违法犯罪记录（敏感）：必须遮蔽"
N_OFF = "公职人员履职署名/公示：放行"
N_CARD = "私人银行卡号：必须遮蔽"
N_PART = "参会人员名单中的手机：送审"


def d01() -> Doc:
    d = Doc("b01_chufa_shichang", "行政处罚决定书")
    pid = idc("620102", "19790316")
    d.t("兰州市城关区市场监督管理局\n行政处罚决定书\n兰城市监处罚〔2026〕217号\n\n当事人：")
    d.e("PERSON", "禚永福", "allow", note=N_PARTY)
    d.t("（城关区永福副食经营部经营者）\n公民身份号码：").e("ID_CARD", pid, "redact", note=N_ID)
    d.t("\n住所：").e(
        "ADDRESS", "兰州市城关区雁北路街道段家滩路1168号5号楼2单元302室", "redact", note=N_HOME
    )
    d.t("\n联系电话：").e("MOBILE", mob(), "redact", note=N_PMOB)
    d.t("\n统一社会信用代码：92620102MA73K8QJ1U\n\n    2026年8月12日，本局执法人员")
    d.e("PERSON", "牛晓岚", "allow", note=N_OFF)
    d.t("（执法证号：62010226031）、")
    d.e("PERSON", "达瓦卓玛", "allow", note=N_OFF)
    d.t(
        "（执法证号：62010226047）依法对当事人经营场所进行现场检查，发现其货架上摆放的"
        "“手工牛肉干”共计38袋，外包装未标注生产日期和保质期。经查，上述商品系当事人从"
        "个人"
    )
    d.e("PERSON", "马国栋", "redact", note=N_THIRD + "（供货个人）")
    d.t("处购进，购进价每袋12元，销售价每袋18元，已售出12袋，违法所得72元。当事人之妻")
    d.e("PERSON", "冶海燕", "redact", note=N_THIRD)
    d.t(
        "在询问笔录中证实了上述进货情况。\n\n"
        "    以上事实，有现场检查笔录、询问笔录、进货单据及照片等证据为证。\n\n"
        "    本局认为，当事人的上述行为违反了《中华人民共和国食品安全法》第六十七条第一款的"
        "规定。依据该法第一百二十五条第一款第（二）项，鉴于当事人违法行为轻微、主动配合调查，"
        "决定对当事人作出如下行政处罚：\n"
        "    一、没收违法所得72元；\n    二、没收违法经营的“手工牛肉干”26袋；\n"
        "    三、罚款人民币伍仟元整（5000元）。\n\n"
        "    当事人应自收到本决定书之日起十五日内，到指定银行缴纳罚没款。逾期不缴纳的，"
        "每日按罚款数额的百分之三加处罚款。\n"
        "    当事人对本处罚决定不服的，可以在收到本决定书之日起六十日内向兰州市城关区人民政府"
        "申请行政复议，或者在六个月内依法向兰州铁路运输法院提起行政诉讼。\n\n"
        "兰州市城关区市场监督管理局\n2026年9月3日\n"
    )
    return d


def d02() -> Doc:
    d = Doc("b02_yishenqing_dafu", "依申请公开答复")
    pid = idc("450102", "19860521", "f")
    tel = line("0771")
    d.t("南宁市兴宁区住房和城乡建设局\n政府信息公开申请答复书\n\n兴住建信公开〔2026〕第43号\n\n")
    d.e("PERSON", "岑丽萍", "redact", note="依申请公开答复中的申请人：私人")
    d.t(
        "：\n    本机关于2026年10月9日收到您通过信函方式提交的《政府信息公开申请表》"
        "（申请人身份证号："
    ).e("ID_CARD", pid, "redact", note=N_ID)
    d.t("，通讯地址：").e(
        "ADDRESS", "南宁市兴宁区朝阳路38号朝阳花园B座1702房", "redact", note=N_HOME
    )
    d.t("，联系电话：").e("MOBILE", mob(), "redact", note=N_PMOB)
    d.t(
        "），申请获取“兴宁区民主路片区老旧小区改造工程的施工合同及竣工验收报告”。经审查，"
        "现答复如下：\n"
        "    一、您申请的施工合同，本机关已检索到，现予以提供（见附件1），其中涉及中标单位"
        "投标报价分项明细的部分属于商业秘密，依据《中华人民共和国政府信息公开条例》"
        "第十五条、第三十七条，作区分处理后提供。\n"
        "    二、您申请的竣工验收报告，该工程尚未组织竣工验收，本机关未制作该信息，依据"
        "《中华人民共和国政府信息公开条例》第三十六条第（四）项，告知您该政府信息不存在。\n\n"
        "    如对本答复不服，可以自收到本答复之日起60日内向南宁市兴宁区人民政府申请行政复议，"
        "或者在6个月内向南宁市兴宁区人民法院提起行政诉讼。\n\n"
        "    联系人："
    )
    d.e("PERSON", "韦春燕", "allow", note=N_STAFF)
    d.t("    联系电话：").e("LANDLINE", tel, "allow", note=N_STAFFTEL)
    d.t(
        "\n\n附件：1. 民主路片区老旧小区改造工程施工合同（区分处理稿）\n\n"
        "南宁市兴宁区住房和城乡建设局\n（政府信息公开专用章）\n2026年10月27日\n"
    )
    return d


def d03() -> Doc:
    d = Doc("b03_xinfang_fanti", "信访处理意见书")
    pid = idc("350102", "19580907")
    d.t("福州市鼓樓區信訪局\n信訪事項處理意見書\n\n鼓信處〔2026〕58號\n\n信訪人：")
    d.e("PERSON", "林長庚", "redact", note="信訪人：私人")
    d.t("，男，身份證號碼").e("ID_CARD", pid, "redact", note=N_ID)
    d.t("，住").e("ADDRESS", "福州市鼓樓區溫泉街道五四北路金湯花園3座1506室", "redact", note=N_HOME)
    d.t("。\n\n    你於2026年7月14日來信反映：你與鄰居")
    d.e("PERSON", "鄭美娟", "redact", note=N_THIRD + "（鄰居）")
    d.t("因樓上衛生間滲水問題多次協商未果，你本人")
    d.e("HEALTH", "患有冠心病", "redact", note=N_HEALTH)
    d.t("，長期受潮濕影響病情加重；其子")
    d.e("PERSON", "林志遠", "redact", note=N_THIRD + "（其子）")
    d.t(
        "曾向物業公司投訴，未得到處理。請求責令鄰居維修並賠償損失。\n\n"
        "    經調查核實：2026年7月22日，溫泉街道辦事處會同金湯花園物業服務中心到現場查看，"
        "滲水點位於1606室衛生間防水層。街道已組織雙方調解，1606室業主同意於8月底前完成維修；"
        "關於賠償損失的訴求，屬於民事糾紛，建議你通過人民調解或者向人民法院起訴解決。\n\n"
        "    處理意見：你反映的滲水問題部分屬實，已督促維修；賠償訴求不屬於信訪事項受理範圍。\n"
        "    如對本處理意見不服，可自收到本意見書之日起30日內向鼓樓區人民政府提出復查申請。\n\n"
        "    經辦人："
    )
    d.e("PERSON", "黃詩韻", "allow", note=N_STAFF)
    d.t("  聯繫電話：").e("LANDLINE", line("0591"), "allow", note=N_STAFFTEL)
    d.t("\n\n福州市鼓樓區信訪局\n2026年8月5日\n")
    return d


def d04() -> Doc:
    d = Doc("b04_dibao_gongshi", "低保公示")
    d.t(
        "关于2026年第三季度城乡最低生活保障新增对象的公示\n\n"
        "    根据《最低生活保障审核确认办法》，经户主申请、镇（街道）审核，拟将以下7户纳入"
        "城乡最低生活保障范围，现予公示。公示期为2026年9月20日至9月26日。如有异议，请在公示期内"
        "向红旗镇人民政府社会事务办或区民政局反映。\n\n"
        "| 序号 | 户主姓名 | 所在村（社区） | 家庭人口 | 申请原因 | 身份证号码 | 联系电话 | 月保障金额（元） |\n"
        "|---|---|---|---|---|---|---|---|\n"
    )
    rows = [
        ("仉桂兰", "红旗村", 2, "因病", "430102", "19620418", "f"),
        ("晁德明", "新胜村", 1, "残疾", "430102", "19710702", "m"),
        ("訾秋菊", "红旗村", 3, "因病", "430102", "19850119", "f"),
        ("佘长海", "东岭社区", 2, "缺乏劳动力", "430102", "19480930", "m"),
        ("欧阳翠英", "新胜村", 1, "残疾", "430102", "19660226", "f"),
        ("蒯建军", "东岭社区", 4, "因学", "430102", "19790811", "m"),
        ("缑小梅", "石桥村", 2, "因病", "430102", "19920503", "f"),
    ]
    reasons_detail = {
        "仉桂兰": "因病（宫颈癌术后）", "晁德明": "残疾（肢体二级）", "訾秋菊": "因病（配偶尿毒症透析）",
        "欧阳翠英": "残疾（精神三级）", "缑小梅": "因病（白血病）",
    }  # fmt: skip
    health_span = {"仉桂兰": "宫颈癌", "晁德明": "肢体二级", "訾秋菊": "尿毒症",
                   "欧阳翠英": "精神三级", "缑小梅": "白血病"}  # fmt: skip
    for i, (name, vil, n, reason, reg, birth, sex) in enumerate(rows, 1):
        d.t(f"| {i} | ").e("PERSON", name, "allow", note=N_ROSTER)
        d.t(f" | {vil} | {n} | ")
        if name in reasons_detail:
            full = reasons_detail[name]
            pre, _, post = full.partition(health_span[name])
            d.t(pre).e("HEALTH", health_span[name], "redact", note=N_HEALTH).t(post)
        else:
            d.t(reason)
        d.t(" | ").e("ID_CARD", idc(reg, birth, sex), "redact", note=N_ID)
        d.t(" | ").e("MOBILE", mob(), "redact", note=N_PMOB)
        d.t(f" | {RNG.choice((480, 520, 615, 730, 860))} |\n")
    d.t("\n监督电话：区民政局 ").e("LANDLINE", line("0731"), "allow", note=N_STAFFTEL)
    d.t("  红旗镇社会事务办 ").e("LANDLINE", line("0731"), "allow", note=N_STAFFTEL)
    d.t("\n\n长沙县红旗镇人民政府\n2026年9月19日\n")
    return d


def d05() -> Doc:
    d = Doc("b05_linshi_jiuzhu", "临时救助公示")
    d.t(
        "南明区2026年10月临时救助对象公示\n\n"
        "序号  姓名      地址              救助事由                        救助金额（元）  收款账号\n"
    )
    rows = [
        ("隗明秀", "沙冲路街道", "突发重病", "急性心肌梗死住院", 3000),
        ("笪建华", "花果园街道", "火灾", None, 5000),
        ("亓官志强", "二戈寨街道", "因病致困", "肺癌化疗", 4000),
        ("郏小燕", "沙冲路街道", "交通事故", None, 2500),
    ]
    for i, (name, street, reason, illness, amt) in enumerate(rows, 1):
        d.t(f"{i}     ").e("PERSON", name, "allow", note=N_ROSTER)
        d.t(f"    {street}        {reason}")
        if illness:
            d.t("（").e("HEALTH", illness, "redact", note=N_HEALTH).t("）")
        d.t(f"        {amt}          ")
        d.e(
            "BANK_CARD",
            luhn(RNG.choice(("621700", "622848", "623052", "621799"))),
            "redact",
            note=N_CARD,
        )
        d.t("\n")
    d.t(
        "\n    以上对象经本人申请、街道审核、区民政局审批，符合临时救助条件。公示期5个工作日。"
        "监督举报电话：12345。\n    经办人："
    )
    d.e("PERSON", "杨启航", "allow", note=N_STAFF)
    d.t("，电话：").e("LANDLINE", line("0851"), "allow", note=N_STAFFTEL)
    d.t("\n\n贵阳市南明区民政局\n2026年10月30日\n")
    return d


def d06() -> Doc:
    d = Doc("b06_tekun_quanjiao", "特困人员公示")
    d.t(
        "关于２０２６年度特困人员救助供养对象认定结果的公示\n\n"
        "    经乡镇人民政府审核、县民政局确认，以下人员符合特困人员认定条件，现予公示"
        "（公示期：２０２６年１１月２日至１１月８日）。\n\n"
    )
    rows = [("拓跋玉山", "19410604", "m", "分散供养", "生活自理"),
            ("冼桂芳", None, None, "集中供养", None),
            ("逄秀珍", "19380215", "f", "集中供养", "全失能"),
            ("鄂德胜", "19550922", "m", "分散供养", "半失能")]  # fmt: skip
    for i, (name, birth, sex, mode, care) in enumerate(rows, 1):
        d.t(f"{str(i).translate(FW)}．").e("PERSON", name, "allow", note=N_ROSTER)
        d.t(f"，{mode}")
        if birth:
            d.t("，身份证号：").e(
                "ID_CARD",
                idc("150102", birth, sex).translate(FW),
                "redact",
                note=N_ID + "（全角数字）",
            )
        if care and care != "生活自理":
            d.t("，").e("HEALTH", care, "redact", note=N_HEALTH + "（失能状况）")
        elif care:
            d.t(f"，{care}")
        d.t("，联系电话：").e("MOBILE", mob().translate(FW), "redact", note=N_PMOB + "（全角）")
        d.t("；\n")
    d.t("\n    对公示对象有异议的，请向新城区民政局社会救助股反映，联系电话：")
    d.e("LANDLINE", line("0471").translate(FW), "allow", note=N_STAFFTEL + "（全角）")
    d.t("。\n\n呼和浩特市新城区民政局\n２０２６年１１月１日\n")
    return d


def d07() -> Doc:
    d = Doc("b07_biaozhang", "表彰决定")
    d.t(
        "中共宜宾市叙州区委 宜宾市叙州区人民政府\n关于表彰2026年度叙州区优秀教师和优秀教育工作者的决定\n\n"
        "叙州委发〔2026〕19号\n\n各乡镇党委和人民政府，区级各部门：\n"
        "    为大力弘扬尊师重教的良好风尚，区委、区政府决定，授予"
    )
    names = [("闻人婉清", "叙州区第一中学"), ("宰父天佑", "柏溪小学"), ("卞文君", "观音镇中心校"),
             ("钟离慧", "凤仪乡小学"), ("覃永刚", "叙州区职业技术学校"), ("官海燕", "喜捷幼儿园"),
             ("第五明轩", "樟海镇初级中学"), ("伍德彬", "南岸小学")]  # fmt: skip
    for i, (n, unit) in enumerate(names[:6]):
        d.e("PERSON", n, "allow", note="表彰名单中的获奖教师：按设计公开")
        d.t(f"（{unit}）" + ("、" if i < 5 else "等6名同志“叙州区优秀教师”称号，授予"))
    for i, (n, unit) in enumerate(names[6:]):
        d.e("PERSON", n, "allow", note="表彰名单中的获奖人员：按设计公开")
        d.t(f"（{unit}）" + ("、" if i == 0 else "等2名同志“叙州区优秀教育工作者”称号。"))
    d.t(
        "\n    希望受表彰的同志珍惜荣誉、再接再厉。全区广大教师和教育工作者要以先进为榜样，"
        "为建设教育强区作出新的更大贡献。\n\n"
        "中共宜宾市叙州区委\n宜宾市叙州区人民政府\n2026年9月8日\n（此件公开发布）\n"
    )
    return d


def d08() -> Doc:
    d = Doc("b08_renqian_gongshi", "任前公示")
    d.t(
        "领导干部任前公示\n\n    根据《党政领导干部选拔任用工作条例》，经市委常委会研究，"
        "拟提拔任用下列同志，现予以公示：\n\n"
    )
    people = [("司马文博", "1979年4月", "汉族", "在职研究生，工学硕士", "市交通运输局副局长",
               "拟任市交通运输局党组书记，提名为局长人选"),
              ("呼延素梅", "1983年11月", "蒙古族", "大学，法学学士", "市司法局政治部主任",
               "拟任市司法局副局长"),
              ("厍国良", "1975年7月", "回族", "中央党校大学", "会宁县委常委、常务副县长",
               "拟任会宁县委副书记")]  # fmt: skip
    for i, (n, born, eth, edu, now, to) in enumerate(people, 1):
        d.t(f"    {'一二三'[i - 1]}、").e("PERSON", n, "allow", note="任前公示：按设计公开")
        d.t("，男，" if i != 2 else "，女，")
        d.e("ETHNICITY", eth, "allow", note="任前公示依规载明民族")
        d.t("，").e("DATE_OF_BIRTH", born, "allow", note="任前公示依规载明出生年月")
        d.t(f"生，{edu}，中共党员，现任{now}，{to}。\n")
    d.t(
        "\n    公示期间（2026年11月10日至11月16日），对上述人选有情况反映的，可通过来电、来信、"
        "来访等方式向市委组织部反映。\n    举报电话：12380    短信举报："
    )
    d.e("MOBILE", "13919012380", "allow", note="组织部门短信举报号：机关公开号码")
    d.t(
        "\n    来信地址：白银市人民路98号市委组织部干部监督科（邮编730900）\n\n"
        "中共白银市委组织部\n2026年11月9日\n"
    )
    return d


def d09() -> Doc:
    d = Doc("b09_zhaopin_niluyong", "招聘拟录用公示")
    d.t(
        "2026年滕州市事业单位公开招聘工作人员拟聘用人员公示（第一批）\n\n"
        "    根据招聘简章，经笔试、面试、考察和体检，确定以下人员为拟聘用人员，现予公示。\n\n"
        "岗位代码\t招聘单位\t姓名\t性别\t准考证号\t身份证号\t毕业院校及专业\n"
    )
    rows = [("B03", "滕州市中心人民医院", "东郭子墨", "女", "19921120", "f", "滨州医学院 临床医学"),
            ("B07", "滕州市疾病预防控制中心", "仲孙浩然", "男", "19970305", "m", "山东第一医科大学 预防医学"),
            ("C12", "滕州市第二中学", "鲜于婷", "女", "19990714", "f", "曲阜师范大学 汉语言文学"),
            ("C15", "滕州市实验小学", "尉迟峰", "男", "20000128", "m", "临沂大学 小学教育"),
            ("D02", "滕州市农业技术推广中心", "包玉洁", "女", "19960909", "f", "山东农业大学 农学")]  # fmt: skip
    for code, unit, n, sex, birth, s, school in rows:
        ticket = "2026" + "".join(str(RNG.randint(0, 9)) for _ in range(7))
        d.t(f"{code}\t{unit}\t").e("PERSON", n, "allow", note="拟聘用公示：姓名依规公开")
        d.t(f"\t{sex}\t{ticket}\t")
        v = idc("370481", birth, s)
        if n in ("鲜于婷", "包玉洁"):
            d.t(masked_id(v))
        else:
            d.e("ID_CARD", v, "redact", note=N_ID)
        d.t(f"\t{school}\n")
    d.t(
        "\n    公示期7个工作日。公示期间如有异议，请以书面或电话形式向滕州市人力资源和社会保障局"
        "反映。\n    受理电话："
    ).e("LANDLINE", line("0632"), "allow", note=N_STAFFTEL)
    d.t("、").e("LANDLINE", local(7), "allow", note=N_STAFFTEL + "（同区号并列）")
    d.t("\n    电子邮箱：").e(
        "EMAIL", "tzrsjsyk@zz.shandong.gov.cn", "allow", note="机关邮箱：放行"
    )
    d.t("\n\n滕州市人力资源和社会保障局\n2026年8月21日\n")
    return d


def d10() -> Doc:
    d = Doc("b10_zhengdi_buchang", "征地补偿公示")
    d.t(
        "荆州市沙市区岑河镇2026年第4批次农用地转用和土地征收补偿安置方案公示\n\n"
        "    根据《中华人民共和国土地管理法》第四十七条，现将征地补偿登记结果公示如下：\n"
        "    征收范围：岑河镇庙兴村四组、五组，共计12.36公顷。\n"
        "    补偿标准：区片综合地价每亩52800元。\n\n被征地农户补偿明细：\n"
    )
    rows = [("端木长青", "19630511", "m", "三组8号", 1.82),
            ("漆雕春兰", "19700824", "f", "四组15号", 2.35),
            ("令狐建国", "19581203", "m", "四组22号", 0.96)]  # fmt: skip
    for n, birth, s, addr, mu in rows:
        d.t("户主：").e("PERSON", n, "allow", note="征地补偿公示：户主姓名依规公开")
        d.t("；身份证号：").e("ID_CARD", idc("421002", birth, s), "redact", note=N_ID)
        d.t("；住址：").e("ADDRESS", "庙兴村" + addr, "redact", note=N_HOME + "（村组门牌）")
        d.t(f"；征收面积{mu}亩；补偿款{int(mu * 52800)}元；打卡账号：")
        d.e("BANK_CARD", luhn("622848"), "redact", note=N_CARD)
        d.t("。\n")
    d.t(
        "\n    被征地农村集体经济组织、农户对补偿安置方案有异议的，请于公示之日起30日内向"
        "岑河镇人民政府提出。联系人："
    )
    d.e("PERSON", "贺立新", "allow", note=N_STAFF)
    d.t("，电话").e("LANDLINE", line("0716", 7), "allow", note=N_STAFFTEL)
    d.t("；庙兴村村委会联系电话").e(
        "MOBILE", mob(), "allow", note="村委会未配置固定电话，公布的村干部手机：放行"
    )
    d.t("（村委会未配置固定电话）。\n\n荆州市沙市区人民政府\n2026年7月15日\n")
    return d


def d11() -> Doc:
    d = Doc("b11_xuesheng_zizhu", "学生资助公示")
    d.t(
        "南阳市宛城区第二职业中专2026年秋季学期国家助学金拟资助学生名单公示\n\n"
        "    根据《中等职业学校国家助学金管理办法》，经学生申请、班级评议、学校审核，"
        "拟资助以下学生，现公示5个工作日。\n\n"
        "班级 | 姓名 | 身份证号 | 资助档次 | 家庭经济困难类型 | 监护人电话\n"
    )
    rows = [("2025级机电1班", "闾丘晨阳", "20090317", "m", "一档", "脱贫家庭学生"),
            ("2025级护理2班", "澹台若溪", "20090805", "f", "一档", "残疾学生（听力三级）"),
            ("2026级计算机1班", "宇文浩", "20100114", "m", "二档", "低保家庭学生"),
            ("2026级幼教1班", "濮阳雨桐", "20100622", "f", "二档", "父母一方患重大疾病")]  # fmt: skip
    for cls, n, birth, s, grade, kind in rows:
        d.t(f"{cls} | ").e("PERSON", n, "allow", note="学生资助公示：姓名、班级可公示")
        d.t(" | ").e("ID_CARD", idc("411302", birth, s), "redact", note=N_ID + "（未成年学生）")
        d.t(f" | {grade} | ")
        if "听力三级" in kind:
            d.t("残疾学生（").e("HEALTH", "听力三级", "redact", note=N_HEALTH).t("）")
        elif "重大疾病" in kind:
            d.t("父母一方").e("HEALTH", "患重大疾病", "redact", note=N_HEALTH + "（家庭成员）")
        else:
            d.t(kind)
        d.t(" | ").e("MOBILE", mob(), "redact", note=N_PMOB + "（监护人）").t("\n")
    d.t("\n    如有异议，请在公示期内向学校学生资助管理中心反映。\n    联系人：")
    d.e("PERSON", "冯雪", "allow", note=N_STAFF)
    d.t("  联系电话：").e("MOBILE", mob(), "allow", note="学校资助中心联系人工作手机：放行")
    d.t("\n\n南阳市宛城区第二职业中等专业学校\n2026年10月12日\n")
    return d


def d12() -> Doc:
    d = Doc("b12_huiyi_tongzhi", "会议通知")
    d.t(
        "关于召开全省政务公开标准化规范化工作推进会的通知\n\n各市（州）政府办公室，省直各部门办公室：\n"
        "    经省政府同意，定于2026年12月16日召开全省政务公开标准化规范化工作推进会。现将有关"
        "事项通知如下：\n"
        "    一、会议时间：12月16日上午9:00，会期半天。15日下午报到。\n"
        "    二、会议地点：江西省政务服务中心三楼第二会议室（南昌市红谷滩区卧龙路999号）。\n"
        "    三、参会人员：各市（州）政府办公室分管负责同志和政务公开科科长，省直各部门政务公开"
        "工作负责同志。\n"
        "    四、有关要求：请于12月10日前将参会回执报送省政府办公厅政务公开办。\n\n"
        "    联系人：省政府办公厅政务公开办 "
    )
    d.e("PERSON", "甘志勇", "allow", note=N_STAFF)
    d.t("，电话：").e("LANDLINE", "0791-" + local(8), "allow", note=N_STAFFTEL)
    d.t("，").e("MOBILE", mob(), "allow", note="会议联系人工作手机：放行")
    d.t("；\n            会务组 ")
    d.e("PERSON", "熊婧", "allow", note=N_STAFF)
    d.t("，电话：").e("MOBILE", mob(), "allow", note="会务联系人手机：放行")
    d.t("。\n    电子邮箱：").e("EMAIL", "zwgkb@jiangxi.gov.cn", "allow", note="机关邮箱：放行")
    d.t(
        "\n\n附件：参会回执\n\n江西省人民政府办公厅\n2026年12月2日\n\n附件\n\n参会回执\n\n"
        "单位名称：\n姓    名：           职务：\n联系电话：\n是否住宿：□是  □否\n"
        "（请于12月10日前发送至上述邮箱）\n"
    )
    return d


def d13() -> Doc:
    d = Doc("b13_peixun_canhui", "培训通知（参会名单）")
    d.t(
        "关于举办2026年全市社会救助经办人员业务培训班的通知\n\n各县（市、区）民政局：\n"
        "    为提升社会救助经办服务能力，市民政局定于11月24日至25日在昆明举办全市社会救助"
        "经办人员业务培训班。请各地按名额选派人员参训。\n\n"
        "    联系人：市民政局社会救助处 "
    )
    d.e("PERSON", "普应华", "allow", note=N_STAFF)
    d.t("  ").e("LANDLINE", "0871-" + local(8), "allow", note=N_STAFFTEL)
    d.t("\n\n附件：参训人员名单及联系方式\n\n单位          姓名      职务            手机\n")
    rows = [("五华区民政局", "者苏兰", "社会救助科科长"), ("盘龙区民政局", "保俊杰", "科员"),
            ("官渡区民政局", "李文斌", "社会救助科副科长"), ("呈贡区民政局", "和丽芬", "四级主任科员"),
            ("安宁市民政局", "茶永平", "科员")]  # fmt: skip
    for unit, n, post in rows:
        d.t(f"{unit}  ").e("PERSON", n, "allow", note="参训人员（机关工作人员）姓名：放行")
        d.t(f"    {post}    ").e("MOBILE", mob(), "review", note=N_PART).t("\n")
    d.t("\n昆明市民政局办公室\n2026年11月13日\n")
    return d


def d14() -> Doc:
    d = Doc("b14_huanping_dierci", "环评公示")
    d.t(
        "揭阳市榕城区粤味食品有限公司年产3000吨调味品技改项目\n环境影响报告表全本公示\n\n"
        "    根据《环境影响评价公众参与办法》，现对本项目环境影响报告表全本进行公示。\n"
        "一、建设单位：揭阳市榕城区粤味食品有限公司\n    地址：揭阳市榕城区仙桥街道工业大道东段\n"
        "    联系人："
    )
    d.e("PERSON", "黄锦涛", "allow", note="环评公示依规载明建设单位联系人")
    d.t("    电话：").e("MOBILE", mob(), "allow", note="环评公示依规公开的联系电话")
    d.t("\n    邮箱：").e(
        "EMAIL", "yueweifood_hb@163.com", "allow", note="环评公示依规公开的联系邮箱"
    )
    d.t("\n二、环评单位：广东绿源环境科技有限公司\n    联系人：")
    d.e("PERSON", "巫婷婷", "allow", note="环评公示依规载明环评机构联系人")
    d.t("    电话：").e("LANDLINE", "0663-" + local(7), "allow", note="环评公示依规公开的联系电话")
    d.t("\n    邮箱：").e("EMAIL", "lvyuan_eia@gdlvyuan.com.cn", "allow", note="企业自有域名邮箱")
    d.t(
        "\n三、公众意见表链接：http://113.107.44.26/gzcy/yjb.docx\n"
        "四、公示期限：2026年10月20日至11月2日（10个工作日）。\n"
    )
    return d


def d15() -> Doc:
    d = Doc("b15_jiwei_tongbao", "违纪通报")
    d.t(
        "关于5起违反中央八项规定精神典型问题的通报\n\n"
        "    近期，市纪委监委查处了一批违反中央八项规定精神问题。现将其中5起典型问题通报如下：\n"
        "    1.市自然资源局原副局长"
    )
    d.e("PERSON", "谯德厚", "allow", note="纪委通报：被处分公职人员姓名按设计公开")
    d.t("违规收受礼品礼金问题。2023年至2025年，")
    d.e("PERSON", "谯德厚", "allow", note="纪委通报：被处分公职人员")
    d.t("多次收受管理服务对象所送购物卡共计4.2万元，其妻")
    d.e("PERSON", "詹秀琴", "redact", note=N_THIRD + "（其妻）")
    d.t("代为收受高档白酒12瓶。")
    d.e("PERSON", "谯德厚", "allow", note="纪委通报：被处分公职人员")
    d.t("受到党内严重警告、政务撤职处分，违纪所得予以收缴。\n    2.柳江区百朋镇党委委员、副镇长")
    d.e("PERSON", "韦金宝", "allow", note="纪委通报：被处分公职人员")
    d.t("违规操办婚丧喜庆事宜问题。2025年10月，")
    d.e("PERSON", "韦金宝", "allow", note="纪委通报：被处分公职人员")
    d.t("为其子")
    d.e("PERSON", "韦俊楠", "redact", note=N_THIRD + "（其子）")
    d.t("操办婚宴，邀请管理服务对象参加，收受礼金1.8万元。")
    d.e("PERSON", "韦金宝", "allow", note="纪委通报：被处分公职人员")
    d.t("受到党内警告处分。\n    3.市住房公积金中心职工")
    d.e("PERSON", "粟晓东", "allow", note="纪委通报：被处分公职人员")
    d.t(
        "违规公款吃喝问题。受到政务记过处分。\n\n"
        "    各级党组织要以案为鉴、警钟长鸣。\n\n中共柳州市纪委办公室\n2026年11月18日\n"
    )
    return d


def d16() -> Doc:
    d = Doc("b16_anjian_tongbao", "案件通报")
    d.t(
        "关于破获系列入室盗窃案件的警情通报\n\n"
        "    2026年9月以来，我市城东片区连续发生入室盗窃案件7起。市公安局刑侦支队会同城东派出所"
        "成立专案组，于10月21日将犯罪嫌疑人"
    )
    d.e("PERSON", "戈振宇", "redact", note="刑事案件犯罪嫌疑人：私人（未判决），全名须遮蔽")
    d.t("（男，36岁，")
    d.e("CRIMINAL_RECORD", "曾因盗窃罪被判处有期徒刑三年", "redact", note=N_CRIME)
    d.t("，2024年刑满释放）抓获，现场查获其作案使用的新能源小型汽车一辆（号牌")
    d.e("LICENSE_PLATE", "晋A·D37261", "redact", must=False, note="嫌疑人车辆号牌：遮蔽")
    d.t("）及被盗黄金首饰若干。经审讯，")
    d.e("PERSON", "戈振宇", "redact", note="犯罪嫌疑人（重复）")
    d.t("对其作案7起的犯罪事实供认不讳。被害人")
    d.e("PERSON", "邬美玲", "redact", note=N_THIRD + "（被害人）")
    d.t(
        "家中被盗现金及首饰价值约3.6万元已全部追回。\n"
        "    在此提醒广大市民：外出时关好门窗，贵重物品妥善保管。发现可疑情况请及时拨打110报警。\n"
        "    专案组民警"
    )
    d.e("PERSON", "苗志刚", "allow", note="民警履职（公职人员）：放行")
    d.t("表示，案件仍在进一步侦办中。\n\n太原市公安局小店分局\n2026年10月25日\n")
    return d


def d17() -> Doc:
    d = Doc("b17_shiwu_zhaoling", "失物招领")
    pid = idc("360102", "19940712", "f")
    d.t(
        "失物招领启事\n\n    2026年11月3日下午，我中心窗口工作人员在二楼大厅休息区拾到黑色钱包一个，"
        "内有居民身份证一张（姓名："
    )
    d.e("PERSON", "鲍雅琪", "redact", note="失主：私人")
    d.t("，号码：").e("ID_CARD", pid, "redact", note=N_ID)
    d.t("）、银行卡一张（卡号").e("BANK_CARD", luhn("621226", 19), "redact", note=N_CARD)
    d.t("）及现金若干。另于11月5日拾到电动车钥匙一串，挂有写着“")
    d.e("MOBILE", mob(), "redact", note="失主留在钥匙牌上的私人手机")
    d.t(
        "”的钥匙牌。\n    请失主携带有效证件到南昌市东湖区政务服务中心一楼综合受理窗口认领。\n"
        "    联系人："
    )
    d.e("PERSON", "邵梓涵", "allow", note=N_STAFF)
    d.t("（工作日8:30-17:30）  电话：").e("LANDLINE", line("0791"), "allow", note=N_STAFFTEL)
    d.t("\n\n南昌市东湖区政务服务中心\n2026年11月6日\n")
    return d


def d18() -> Doc:
    d = Doc("b18_shequ_jiaozheng", "社区矫正")
    pid = idc("520102", "19880410")
    d.t("解除社区矫正宣告书\n\n南明司矫解字〔2026〕第31号\n\n社区矫正对象")
    d.e("PERSON", "蓝海波", "redact", note="社区矫正对象：犯罪记录关联的私人，须遮蔽")
    d.t("，男，公民身份号码").e("ID_CARD", pid, "redact", note=N_ID)
    d.t("，户籍地").e(
        "ADDRESS", "贵阳市南明区油榨街道花果园R2区7栋1单元2804号", "redact", note=N_HOME
    )
    d.t("。因")
    d.e("CRIMINAL_RECORD", "犯危险驾驶罪", "redact", note=N_CRIME)
    d.t("，于2025年11月12日经贵阳市南明区人民法院判处")
    d.e("CRIMINAL_RECORD", "拘役四个月，缓刑六个月", "redact", note=N_CRIME)
    d.t(
        "，并处罚金人民币八千元。社区矫正期限自2026年4月29日起至2026年10月28日止。\n"
        "    矫正期间，该社区矫正对象能够遵守法律法规和监督管理规定，矫正期满，依法解除社区矫正。"
        "现予宣告。\n\n    宣告人：司法所所长 "
    )
    d.e("PERSON", "潘永辉", "allow", note="司法所工作人员履职署名：放行")
    d.t("\n    联系电话：").e("LANDLINE", line("0851"), "allow", note=N_STAFFTEL)
    d.t("\n\n贵阳市南明区司法局油榨司法所\n2026年10月28日\n")
    return d


def d19() -> Doc:
    d = Doc("b19_gongzuo_baogao", "工作报告")
    d.t(
        "会宁县乡村振兴局2026年工作总结和2027年工作计划\n\n"
        "    2026年，在县委、县政府的坚强领导下，县乡村振兴局以巩固拓展脱贫攻坚成果同乡村振兴"
        "有效衔接为主线，扎实推进各项工作，全年各项目标任务圆满完成。现将有关情况报告如下。\n\n"
        "一、2026年工作完成情况\n"
        "    （一）防返贫动态监测帮扶持续加强。全县共排查农户8.63万户，新识别监测对象412户"
        "1587人，累计消除风险2106户8344人，风险消除率达到71.2%。县委书记"
    )
    d.e("PERSON", "聂永宏", "allow", note="领导履职：按设计公开")
    d.t("、县长")
    d.e("PERSON", "慕容晓峰", "allow", note="领导履职：按设计公开")
    d.t(
        "先后12次深入乡镇开展专题调研，现场解决问题37个。\n"
        "    （二）产业帮扶提质增效。全年投入衔接资金2.87亿元，其中用于产业发展的资金占比"
        "达到62.5%，新建高标准农田5.2万亩，扶持发展马铃薯、小杂粮、肉羊等特色产业，"
        "全县农村居民人均可支配收入达到12486元，同比增长8.3%。\n"
        "    （三）就业帮扶稳岗扩面。组织劳务输转5.46万人，实现劳务收入13.8亿元；开发乡村公益性"
        "岗位2310个，优先安置弱劳力、半劳力。\n"
        "    （四）精准施策解决突出问题。在监测帮扶中，对因病、因残、因灾等风险较大的农户实行"
        "“一户一策”。例如，韩集镇秦家岔村监测户"
    )
    d.e("PERSON", "秦福贵", "redact", note="点名的监测户（私人）+ 病情：必须遮蔽")
    d.t("家中5口人，本人")
    d.e("HEALTH", "患有慢性肾功能衰竭", "redact", note=N_HEALTH)
    d.t("，长期透析，镇村两级协调落实医疗救助和临时救助共计4.6万元，帮助其妻")
    d.e("PERSON", "魏桂香", "redact", note=N_THIRD + "（其妻）")
    d.t("在村级光伏电站公益岗位就业，家庭风险已消除。帮扶责任人")
    d.e("PERSON", "吕晓军", "allow", note="帮扶责任人：依规公开")
    d.t("（联系电话").e("MOBILE", mob(), "allow", note="帮扶责任人电话：依规公开")
    d.t(
        "）坚持每月入户走访。\n"
        "    （五）乡村建设扎实推进。完成农村户厕改造6200座，新改建农村公路186公里，实现"
        "20户以上自然村通硬化路全覆盖。\n"
        "    （六）干部队伍作风持续改进。组织开展作风建设专项整治，查处扶贫领域腐败和作风问题"
        "9起，处理13人。\n\n"
        "二、存在的问题\n    一是部分监测对象收入增长乏力；二是产业链条短，联农带农机制不够紧密；"
        "三是部分项目资产后续管护不到位。\n\n"
        "三、2027年工作计划\n"
        "    （一）严守不发生规模性返贫底线，完善监测预警机制，确保监测对象应纳尽纳。\n"
        "    （二）做强特色优势产业，力争马铃薯全产业链产值突破50亿元。\n"
        "    （三）深化乡村建设行动，持续推进人居环境整治。\n"
        "    （四）加强资金项目监管，确保衔接资金用于产业发展的比例稳定在60%以上。\n\n"
        "    本报告由县乡村振兴局综合股负责解释。\n    联系人："
    )
    d.e("PERSON", "权雅静", "allow", note=N_STAFF)
    d.t("    联系电话：").e("LANDLINE", "0943-" + local(7), "allow", note=N_STAFFTEL)
    d.t("\n\n会宁县乡村振兴局\n2026年12月1日\n")
    return d


def d20() -> Doc:
    d = Doc("b20_canbu_fanti", "残疾人补贴公示")
    d.t(
        "哈爾濱市道里區2026年10月新增困難殘疾人生活補貼和重度殘疾人護理補貼名單公示\n\n"
        "    根據《國務院關於全面建立困難殘疾人生活補貼和重度殘疾人護理補貼制度的意見》，"
        "經本人申請、街道審核、區殘聯和區民政局審定，以下人員符合補貼條件，現予公示：\n\n"
    )
    rows = [("聞人國慶", "19570808", "m", "視力一級", "兩項補貼"),
            ("葛麗娜", "19900217", "f", "智力二級", "護理補貼"),
            ("萬俟長樂", "19691130", "m", "言語四級", "生活補貼"),
            ("鮑春生", "19820421", "m", "肢體一級", "兩項補貼")]  # fmt: skip
    for n, birth, s, grade, kind in rows:
        d.t("姓名：").e("PERSON", n, "allow", note="補貼公示名單姓名：可保留")
        d.t("  殘疾類別等級：").e("HEALTH", grade, "redact", note=N_HEALTH)
        d.t("  身份證號：").e("ID_CARD", idc("230102", birth, s), "redact", note=N_ID)
        d.t(f"  補貼類型：{kind}\n")
    d.t(
        "\n    公示期自2026年10月25日至10月31日。如有異議，請向道里區殘疾人聯合會反映，聯繫電話："
    ).e("LANDLINE", line("0451"), "allow", note=N_STAFFTEL)
    d.t("。\n\n哈爾濱市道里區殘疾人聯合會\n哈爾濱市道里區民政局\n2026年10月24日\n")
    return d


def d21() -> Doc:
    d = Doc("b21_gonggao_songda_cnnum", "公告送达")
    pid = idc("341602", "19760923")
    cn = pid.translate(CN)
    d.t("亳州市谯城区住房和城乡建设局\n关于送达《房屋征收补偿决定书》的公告\n\n")
    d.e("PERSON", "第五广才", "allow", note="公告送达的受送达人：法定须写明姓名")
    d.t("（公民身份号码：").e("ID_CARD", cn, "redact", note=N_ID + "（中文数字书写）")
    d.t(
        "）：\n    因你下落不明，本局依法作出的谯征补决字〔2026〕第9号《房屋征收补偿决定书》无法直接送达。"
        "根据《中华人民共和国民事诉讼法》相关规定，现向你公告送达。该决定书载明：你位于"
    )
    d.e(
        "ADDRESS",
        "谯城区薛阁街道芍花路东侧老药材公司家属院2号楼3单元501室",
        "redact",
        note=N_HOME + "（被征收住房）",
    )
    d.t(
        "的房屋，建筑面积86.42平方米，补偿金额人民币叁拾柒万陆仟元。自公告发布之日起经过"
        "六十日，即视为送达。\n    你可到谯城区住房和城乡建设局房屋征收办公室领取决定书，"
        "联系电话："
    ).e("LANDLINE", "0558-" + local(7), "allow", note=N_STAFFTEL)
    d.t("。\n\n亳州市谯城区住房和城乡建设局\n2026年9月30日\n")
    return d


def d22() -> Doc:
    d = Doc("b22_lianluoyuan_fenge", "联络员名单")
    d.t(
        "附件\n\n各县（市、区）政务公开工作联络员名单\n\n"
        "单位            姓名      职务                  办公电话                    手机\n"
    )
    area = "0937"
    rows = [("肃州区政府办", "鲁秀英", "政务公开科科长"), ("玉门市政府办", "卓玛措", "副主任"),
            ("敦煌市政府办", "阎旭东", "信息科科员"), ("金塔县政府办", "祁连山", "政务公开办主任"),
            ("瓜州县政府办", "雒文静", "科员")]  # fmt: skip
    seps = [lambda a, x: f"{a}—{x}、{local(7)}", lambda a, x: f"{a}- {x}",
            lambda a, x: f"（{a}）{x}转8012", lambda a, x: f"{a} {x[:3]} {x[3:]}",
            lambda a, x: f"{a}/{x}"]  # fmt: skip
    for (unit, n, post), sep in zip(rows, seps, strict=True):
        d.t(f"{unit}    ").e("PERSON", n, "allow", note="联络员名单：工作人员，放行")
        d.t(f"    {post}        ")
        tel = sep(area, local(7))
        if "、" in tel:
            a, b = tel.split("、")
            d.e("LANDLINE", a, "allow", note=N_STAFFTEL + "（长破折号分隔）").t("、")
            d.e("LANDLINE", b, "allow", note=N_STAFFTEL + "（并列省略区号）")
        else:
            d.e("LANDLINE", tel, "allow", note=N_STAFFTEL + "（非常规分隔）")
        m = mob()
        styles = [
            m,
            f"{m[:3]} {m[3:7]} {m[7:]}",
            f"{m[:3]}-{m[3:7]}-{m[7:]}",
            f"{m[:3]}·{m[3:7]}·{m[7:]}",
            f"+86 {m}",
        ]
        d.t("    ").e("MOBILE", RNG.choice(styles), "allow", note="联络员工作手机：放行").t("\n")
    d.t("\n备注：联络员如有变动，请及时报市政府办公室政务公开科（电话")
    d.e("LANDLINE", area + "-" + local(7), "allow", note=N_STAFFTEL)
    d.t("，邮箱 jqszwgk@jiuquan.gov.cn）。\n")
    return d


def d23() -> Doc:
    d = Doc("b23_yishenqing_gaozhi", "依申请公开告知书")
    d.t("政府信息公开申请告知书\n\n泰泰卫健依申告〔2026〕12号\n\n")
    d.e("PERSON", "亓凤霞", "redact", note="申请人：私人")
    d.t("女士：\n    你于2026年11月2日通过电子邮件（").e(
        "EMAIL", "qifx1983@qq.com", "redact", note="申请人私人邮箱"
    )
    d.t("）向本委提出政府信息公开申请，要求公开“你母亲")
    d.e("PERSON", "孔令娥", "redact", note=N_THIRD + "（申请人母亲）")
    d.t(
        "在泰山区人民医院住院期间的全部病历资料”。经审查，你申请的病历资料不属于政府信息，"
        "系医疗机构保管的患者个人医疗文书。根据《医疗机构病历管理规定》，你可持相关证明材料"
        "向该医院病案室申请复制。\n    你在申请中同时留下的微信号（"
    )
    d.e("WECHAT", "qifengxia_83", "redact", note="申请人私人微信号")
    d.t("）本委不作为答复渠道，特此告知。\n    联系人：")
    d.e("PERSON", "卢建民", "allow", note=N_STAFF)
    d.t("，联系电话：").e("LANDLINE", "0538-" + local(7), "allow", note=N_STAFFTEL)
    d.t("\n\n泰安市泰山区卫生健康委员会\n2026年11月16日\n")
    return d


def d24() -> Doc:
    d = Doc("b24_yimiao_tongbao", "卫生健康通报")
    d.t(
        "关于一起疑似预防接种异常反应的情况通报\n\n"
        "    2026年10月9日，沙依巴克区某社区卫生服务中心报告一例疑似预防接种异常反应。"
        "现将有关情况通报如下：\n    患儿"
    )
    d.e("PERSON", "阿依古丽·买买提", "redact", note="患儿（未成年人）姓名：必须遮蔽")
    d.t("，女，")
    d.e("MINOR", "2岁7个月", "redact", note="未成年人年龄：敏感，遮蔽")
    d.t("，家住")
    d.e("ADDRESS", "沙依巴克区红庙子街道西山路社区12号楼4单元", "redact", note=N_HOME)
    d.t("，于10月8日接种麻腮风疫苗后约6小时出现")
    d.e("HEALTH", "高热惊厥", "redact", note=N_HEALTH)
    d.t("，经区人民医院儿科救治后已痊愈出院。其父")
    d.e("PERSON", "买买提·吐尔逊", "redact", note=N_THIRD + "（其父）")
    d.t("（电话").e("MOBILE", mob(), "redact", note=N_PMOB + "（家属）")
    d.t(
        "）已签署知情同意书。经区级预防接种异常反应调查诊断专家组调查，该病例为一般反应。\n"
        "    请各接种单位严格落实接种前询问、接种后留观30分钟等制度。\n\n"
        "    联系人：区疾控中心免疫规划科 "
    )
    d.e("PERSON", "努尔古丽", "allow", note=N_STAFF)
    d.t("，电话：").e("LANDLINE", "0991-" + local(7), "allow", note=N_STAFFTEL)
    d.t("\n\n乌鲁木齐市沙依巴克区卫生健康委员会\n2026年10月15日\n")
    return d


def main() -> None:
    OUT.mkdir(exist_ok=True)
    docs = [f() for f in (d01, d02, d03, d04, d05, d06, d07, d08, d09, d10, d11, d12, d13, d14,
                          d15, d16, d17, d18, d19, d20, d21, d22, d23, d24)]  # fmt: skip
    n_items = n_must = 0
    for d in docs:
        data = d.dump()
        n_items += len(data["expected"])
        n_must += sum(it["must_redact"] for it in data["expected"])
        (OUT / f"{d.id}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                                          encoding="utf-8")  # fmt: skip
    print(f"{len(docs)} docs, {n_items} items, {n_must} must-redact")


if __name__ == "__main__":
    main()
