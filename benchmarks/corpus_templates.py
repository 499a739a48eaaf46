"""Government-style paragraphs with slots, for the generated benchmark corpus.

Slots are ``{kind}``; every occurrence is filled independently by ``corpus.Filler``.
Kinds: name id mobile landline address bank email qq plate ip (personal information) and
date birth year num org county subject uscc zip siteid (context, not personal information).
Rosters are generated row by row (``ROSTERS``): one row per line, cells joined by a TAB.
"""

from __future__ import annotations

TITLES: tuple[str, ...] = (
    "{county}人民政府办公室关于印发{subject}工作方案的通知",
    "关于{subject}的公示",
    "{org}{year}年政务公开工作总结",
    "政府信息公开申请答复书",
    "{org}关于{subject}有关情况的报告",
    "关于拟表彰{year}年度先进个人的公示",
    "{org}行政处罚决定书",
    "关于开展{subject}专项行动的实施方案",
)

PARAGRAPHS: tuple[str, ...] = (
    # notices
    "各县区人民政府,市政府各部门:为贯彻落实《{org}关于进一步做好政务公开工作的通知》"
    "(皖政办〔{year}〕{num}号)精神,现就有关事项通知如下。请各单位于{date}前将工作总结报送"
    "市政务公开办,联系人:{name},联系电话:{landline},电子邮箱:{email}。",
    "本次培训定于{date}在{address}举行,请参训人员携带本人身份证按时报到。"
    "会务联系人:{name},手机:{mobile}。",
    "根据《中华人民共和国政府信息公开条例》第二十条规定,现将{year}年度{org}主动公开目录"
    "予以公布。如有疑问,请拨打政务服务便民热线12345或{landline}咨询。",
    "关于开展{year}年度困难群众走访慰问工作的通知。各乡镇(街道)要在{date}前完成摸底排查,"
    "名单报送至民政局社会救助科{name}同志(电话:{mobile})。",
    "报名时间为{date}至{date},报名地点设在{address}。报名咨询电话:{landline}"
    "(工作日上午9:00-12:00,下午14:30-17:30),监督电话:{landline}。",
    # plans
    "{year}年,全市计划完成老旧小区改造{num}个,涉及居民{num}户,总投资约{num}万元。"
    "项目牵头单位为{org},项目负责人{name}。",
    "各项目单位要严格执行专项资金管理办法,做到专款专用。项目资金拨付至{org}账户,"
    "开户行:中国农业银行{county}支行,账号:{bank}。",
    "实施步骤分为三个阶段:动员部署阶段({date}前)、组织实施阶段({date}至{date})、"
    "总结验收阶段({date}前)。各地要对照时间节点,倒排工期,挂图作战。",
    "工作领导小组组长由{name}同志担任,副组长由{name}、{name}同志担任,领导小组办公室设在"
    "{org},办公室主任由{name}同志兼任。",
    "各地要建立健全信息发布协调机制,统一社会信用代码为{uscc}的{org}负责平台运维,"
    "技术支持电话{landline}。",
    # summaries
    "{year}年,全市主动公开政府信息{num}条,受理政府信息公开申请{num}件,按时办结率100%。"
    "其中当面申请{num}件,网络申请{num}件,信函申请{num}件。",
    "一年来,我们坚持以公开为常态、不公开为例外,全年召开新闻发布会{num}场,"
    "{name}副市长等负责同志出席发布会并回答记者提问,发布政策解读材料{num}篇。",
    "全年因政府信息公开被申请行政复议{num}件,结果维持{num}件、纠正{num}件;"
    "被提起行政诉讼{num}件,均已审结。",
    "存在的主要问题:一是部分单位对政务公开工作重视不够;二是公开内容不够全面,更新不够"
    "及时;三是政策解读形式较为单一。下一步,我们将进一步压实责任,提升公开质量。",
    "{county}于{date}召开表彰大会,对{num}名先进个人予以通报表扬,{name}、{name}、{name}"
    "等同志受到表彰。",
    # rosters written as prose
    "经审核,以下人员符合条件,现予以公示:{name}(身份证号{id})、{name}(身份证号{id})、"
    "{name}(身份证号{id})。公示期为{date}至{date},如有异议请向{org}反映。",
    "拟录用人员名单:{name},男,{birth}出生,准考证号{num};{name},女,{birth}出生,"
    "准考证号{num}。体检考察工作由{org}负责组织。",
    # replies to requests
    "{name}:本机关于{date}收到您提交的政府信息公开申请,您申请公开“{subject}”的相关信息。"
    "经审查,现答复如下:",
    "您在申请表中填写的身份证号为{id},联系地址为{address},联系电话为{mobile}。根据《条例》"
    "第三十六条第(二)项之规定,现将相关信息提供给您。",
    "如对本答复不服,可以在收到本答复之日起六十日内向{org}申请行政复议,"
    "或者在六个月内向{county}人民法院提起行政诉讼。",
    "本答复书以邮寄方式送达,收件人:{name},收件地址:{address},邮编{zip},联系电话{mobile}。",
    "经查,您申请公开的信息不属于本机关负责公开的范围,建议您向{org}咨询,"
    "联系电话{landline},地址:{address}。",
    "申请人{name}通过信函方式提交申请,申请材料中载明其工作单位为{org},电子邮箱{email},"
    "身份证号码{id}。",
    # enforcement, complaints, web
    "当事人:{name},身份证号码:{id},住址:{address}。经查,当事人驾驶车牌号为{plate}的小型"
    "轿车超速行驶,依据《中华人民共和国道路交通安全法》给予罚款{num}元的处罚。",
    "投诉人{name}反映,{address}附近夜间施工噪音扰民。经现场核查,情况属实,已责令施工单位"
    "整改。投诉人联系方式:{mobile},QQ:{qq}。",
    "网站主办单位:{org};服务器IP地址:{ip};网站标识码:{siteid};"
    "备案号:皖ICP备{num}号;联系电话:{landline}。",
    "本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
    "如对本报告有疑问,请与{org}联系(地址:{address},邮编:{zip})。",
    "根据群众来信反映,{name}(联系电话:{landline})于{date}在{address}经营的门店存在无照"
    "经营行为,{county}市场监督管理局已依法立案调查。",
    "补贴资金通过“一卡通”直接发放至{name}本人社保卡账户(卡号{bank}),"
    "如有疑问请致电{mobile}或到{county}社会保障服务中心咨询。",
)

#: Roster tables: (title, header cells, row cells as slot templates).
ROSTERS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "{county}{year}年度城乡低保对象名单",
        ("序号", "姓名", "身份证号", "家庭住址", "保障人数", "月保障金额(元)"),
        ("{seq}", "{name}", "{id}", "{address}", "{small}", "{num}"),
    ),
    (
        "{year}年耕地地力保护补贴发放明细",
        ("序号", "姓名", "银行卡号", "补贴面积(亩)", "补贴金额(元)", "联系电话"),
        ("{seq}", "{name}", "{bank}", "{small}", "{num}", "{mobile}"),
    ),
    (
        "{org}拟任职人员公示名单",
        ("序号", "姓名", "性别", "出生年月", "现工作单位", "拟任职务"),
        ("{seq}", "{name}", "{sex}", "{birth}", "{org}", "副科长"),
    ),
)

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红文斌辉鹏飞云海燕春梅晓宇"

REGIONS = (
    "110105", "310104", "340102", "340104", "341502", "341503", "341522", "440305",
    "510107", "420106", "320102", "370102", "410105", "330106",
)  # fmt: skip
PLACES = (
    "安徽省六安市金安区梅山南路", "安徽省合肥市蜀山区长江西路", "北京市朝阳区建国路",
    "上海市徐汇区漕溪北路", "广东省深圳市南山区科技园南路", "四川省成都市武侯区人民南路",
    "湖北省武汉市武昌区中北路", "安徽省六安市裕安区解放南路", "安徽省霍邱县城关镇蓼城路",
)  # fmt: skip
ESTATES = ("阳光小区", "幸福家园", "锦绣花园", "新城佳苑", "和平里社区", "滨河湾")
AREA_CODES = ("010", "021", "0551", "0564", "025", "027", "028", "0571", "020", "0755")
MOBILE_PREFIXES = (
    *(f"13{d}" for d in range(10)), "145", "147", *(f"15{d}" for d in "01235789"),
    "166", *(f"17{d}" for d in "035678"), *(f"18{d}" for d in range(10)), "191", "198", "199",
)  # fmt: skip
BANK_BINS = ("622202", "622848", "621700", "621226", "623668", "622588")
MAIL_DOMAINS = ("163.com", "qq.com", "126.com", "sina.com", "gov.cn", "luan.gov.cn")
MAIL_USERS = ("zhangwei", "liming", "wangfang", "chenjing", "gkb", "xxgk", "office", "lyz")
PROVINCE_ABBR = "皖京沪粤川鄂苏鲁豫浙"
ORGS = (
    "市人民政府办公室", "市发展和改革委员会", "市教育局", "市民政局", "市财政局",
    "市人力资源和社会保障局", "市自然资源和规划局", "市住房和城乡建设局", "市卫生健康委员会",
    "市市场监督管理局", "市数据资源管理局", "县人民政府办公室", "区农业农村局",
)  # fmt: skip
COUNTIES = ("金安区", "裕安区", "叶集区", "霍邱县", "舒城县", "金寨县", "霍山县")
SUBJECTS = (
    "2022年度老旧小区改造项目资金使用情况", "城乡居民最低生活保障", "耕地地力保护补贴发放",
    "政务服务“一网通办”", "农村人居环境整治", "征地补偿安置方案", "公共资源交易监管",
)  # fmt: skip
