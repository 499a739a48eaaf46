"""Word lists for the training-text generator.

Provenance: surnames come from ``pipeline.detect.recognizers.person_recognizer.SURNAMES``
(ordered by frequency, most common first); administrative divisions from
``pipeline/detect/data/admin_divisions.tsv`` (jionlp, Apache-2.0). The lists below are
hand-compiled by the project from common knowledge of Chinese naming, road, community and
agency naming patterns (no external list copied); their order is a rough frequency order.
"""

from __future__ import annotations


def _w(spaced: str) -> tuple[str, ...]:
    return tuple(spaced.split())


#: Given-name characters, roughly most common first.
GIVEN_CHARS = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华玉兰桂辉鹏飞斌浩凯宇鑫波燕萍红梅琳"
    "建国文志海林春晓红小云峰亮成东华德永庆福国金宏宝俊晨欣怡婷雪莉倩颖佳琪思雨欣然"
    "子轩梓涵浩然一诺雨桐宇航博文嘉怡家豪明轩志强建华建军建平建新卫东卫国玉梅玉珍淑珍"
    "秀珍秀梅桂芳凤英淑华丽娟海燕海涛海军晓东晓明晓燕晓丽春华春梅新华新民振华振国"
    "立新立军立伟学军学文学明长江长青光明光辉德华德明先锋胜利红军爱国爱华凤兰素芬"
    "翠兰翠花秋菊冬梅雪梅月娥彩霞丹丹莹莹洁琴慧婧璐瑶薇蕾菲楠彬涵泽昊睿轩铭骏恒毅"
)
COMPOUND_SURNAMES = _w("欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 司徒 令狐 夏侯")
ETHNIC_GROUPS = _w("汉 汉 汉 汉 汉 汉 汉 汉 回 满 蒙古 壮 苗 土家 彝 藏 维吾尔 侗 瑶 白 朝鲜")
EDUCATION = _w("大学学历 研究生学历、硕士学位 大学学历、学士学位 中央党校大学学历 大专学历")
POLITICAL = _w("中共党员 中共党员 中共党员 民盟盟员 九三学社社员 无党派人士")

ROAD_ROOTS = _w(
    "人民 解放 建设 中山 文化 和平 新华 胜利 长江 黄河 朝阳 光明 幸福 团结 东风 红旗 青年 "
    "工业 学府 滨河 环城 迎宾 站前 府前 金融 世纪 开发 振兴 延安 淮河 梅山 皖西 健康 "
    "育才 民主 跃进 前进 向阳 花园 锦绣 体育 商业 交通 沿江 滨湖 望江 兴业 科技 创新 "
    "长安 北京 南京 上海 杭州 黄山 泰山 嵩山 庐山 华山 凤凰 白云 紫荆 玉兰 梧桐 银杏"
)
ROAD_KINDS = _w("路 路 路 路 街 街 大道 大街 巷 东路 西路 南路 北路 中路")
COMMUNITY_ROOTS = _w(
    "阳光 金色 翠湖 碧水 锦绣 丽景 御景 世纪 香樟 紫薇 桂花 绿城 万达 恒大 碧桂园 "
    "书香 名门 幸福 和谐 安居 东方 西城 南苑 北苑 江南 滨江 湖畔 金地 龙湖 保利 "
    "新城 清华 状元 文苑 康乐 怡景 景园 春天 水岸 半岛 星河 天润 金鼎 瑞祥 馨园"
)
COMMUNITY_KINDS = _w("小区 小区 花园 苑 家园 新村 公寓 嘉园 雅苑 华府 城 名都 佳苑 府")
BUILDING_KINDS = _w("栋 栋 幢 号楼 座")
PLACE_ROOTS = _w(
    "城关 新安 太平 永安 长安 安乐 和平 东风 红星 胜利 龙泉 清水 白沙 青山 石桥 "
    "河口 大河 小河 高桥 马店 柳林 杨庄 王集 李桥 张集 刘庄 陈湾 黄岗 赵庄 孙岗 "
    "双河 三河 四方 五里 六合 七里 八里 九龙 十里 桃园 杏花 梨园 枣林 花园 新庄"
)
TOWNSHIP_KINDS = _w("镇 镇 镇 乡 街道 街道")
VILLAGE_KINDS = _w("村 村 村 社区 社区 居委会")

#: Agency departments that follow a place name (县 + 财政局).
DEPARTMENTS = _w(
    "人民政府 人民政府 人民政府办公室 发展和改革委员会 教育局 科学技术局 工业和信息化局 "
    "公安局 民政局 司法局 财政局 人力资源和社会保障局 自然资源和规划局 生态环境局 "
    "住房和城乡建设局 交通运输局 水利局 农业农村局 商务局 文化和旅游局 卫生健康委员会 "
    "退役军人事务局 应急管理局 审计局 市场监督管理局 统计局 医疗保障局 城市管理局 "
    "林业局 数据资源管理局 政务服务管理局 信访局 乡村振兴局 税务局 人民法院 人民检察院"
)
SUB_UNITS = _w("办公室 政策法规科 综合科 财务科 人事科 执法大队 行政审批科 信息公开办公室")
TOWN_UNITS = _w("人民政府 党政办公室 便民服务中心 综合执法队 财政所 司法所 派出所 卫生院")
COMPANY_ROOTS = _w(
    "华信 宏达 永盛 鑫源 恒通 金泰 瑞丰 天成 广源 新世纪 博远 中联 鼎盛 安泰 汇通 "
    "兴隆 润泽 众诚 远航 佳禾 嘉德 盛世 海川 振兴 东升 恒信 绿源 丰华 金马 长城"
)
COMPANY_TRADES = _w(
    "建筑工程 商贸 房地产开发 物流 餐饮管理 农业科技 建材 环保科技 食品 医药 "
    "机械制造 信息技术 物业管理 装饰工程 劳务 运输 石材 木业 化工 纺织"
)
COMPANY_KINDS = _w("有限公司 有限公司 有限责任公司 股份有限公司")
SHOP_KINDS = _w("超市 饭店 五金店 药店 加油站 养殖场 农家乐 便利店 诊所 汽车修理厂")
POSTS = _w(
    "局长 副局长 主任 副主任 党组书记 党组成员 科长 副科长 处长 副处长 县长 副县长 "
    "市长 副市长 区长 副区长 镇长 副镇长 乡长 副乡长 党委书记 党委副书记 村主任 "
    "村党支部书记 大队长 所长 站长 院长 副院长 调研员 四级调研员 一级主任科员 "
    "二级主任科员 总经理 董事长 经理 办事员 科员"
)
VIOLATIONS = _w(
    "未取得食品经营许可从事食品经营活动 销售超过保质期的食品 未按规定公示营业执照 "
    "擅自占用城市道路 违法建设 未按规定设置安全警示标志 无证驾驶机动车 "
    "超标排放大气污染物 未办理环境影响评价手续擅自开工建设 违规燃放烟花爆竹"
)
REQUESTS = _w(
    "房屋征收补偿方案 土地征收批复文件 低保审批名单 项目环评报告 拆迁安置协议 "
    "道路建设规划 财政预算执行情况 学校招生计划 行政处罚决定书 信访事项办理结果"
)

#: Given names that are also ordinary words (海军, 彩霞, 国庆): the model must read them as names
#: in lists such as 「平房区：关海军（兴建街道新疆社区）」 (generator version 2 only).
WORD_GIVEN_NAMES = _w(
    "海军 彩霞 国庆 建国 长江 红梅 春燕 志强 国权 文静 海燕 振华 立新 光荣 建军 卫东 爱民 "
    "秀英 桂英 德胜 玉宝 春梅 丽娜 晓光 玉洁 长根 美玲 国华 海波 文勇 金凤 桂花 永和 学军"
)

#: Transliterated foreign given names and surname syllables (generator version 3), written by
#: the project from common transliteration usage (新华社译名 conventions: 约翰, 斯, 尔 …).
FOREIGN_GIVEN = _w(
    "约翰 彼得 迈克尔 大卫 詹姆斯 罗伯特 威廉 托马斯 理查德 查尔斯 乔治 保罗 马克 安德鲁 "
    "史蒂文 丹尼尔 安娜 玛丽亚 伊丽莎白 索菲亚 艾玛 奥利维亚 露西 凯瑟琳 海伦 劳拉 "
    "亚历山大 弗拉基米尔 伊万 谢尔盖 德米特里 安德烈 尼古拉 米哈伊尔 娜塔莎 叶莲娜 "
    "让 皮埃尔 米歇尔 弗朗索瓦 汉斯 卡尔 沃尔夫冈 克劳斯 马可 乔瓦尼 卡洛斯 胡安 "
    "何塞 路易斯 佩德罗 穆罕默德 阿卜杜勒 艾哈迈德 阿里 哈桑 拉吉夫 阿米尔 肯尼斯"
)
FOREIGN_SYLLABLES = _w(
    "阿 巴 贝 比 波 布 达 德 迪 多 杜 恩 法 菲 弗 福 盖 格 古 哈 赫 霍 基 吉 加 杰 卡 凯 "
    "科 克 库 拉 莱 兰 劳 勒 雷 里 利 林 卢 鲁 伦 罗 洛 马 迈 曼 梅 门 米 莫 穆 纳 内 尼 "
    "诺 帕 佩 皮 普 奇 乔 萨 塞 桑 森 沙 施 索 塔 泰 汤 特 提 图 托 瓦 万 威 维 温 沃 "
    "西 希 谢 雅 亚 扬 伊 泽 扎 詹"
)
FOREIGN_ENDINGS = _w("斯 森 尔 德 夫 娃 诺 特 克 罗 兹 奇 顿 曼 逊 姆 尼 拉 娜 科")
COUNTRIES = _w(
    "美国 英国 法国 德国 意大利 西班牙 俄罗斯 日本 韩国 澳大利亚 加拿大 巴西 阿根廷 "
    "印度 巴基斯坦 埃及 南非 荷兰 比利时 瑞士 瑞典 芬兰 波兰 乌克兰 白俄罗斯 哈萨克斯坦"
)
FOREIGN_POSTS = _w("教授 研究员 高级工程师 专家 顾问 首席科学家 总经理 技术总监 外籍教师")
FOREIGN_BODIES = _w("大学 研究院 科技有限公司 医院 设计院 农业科学院 工程技术中心")
