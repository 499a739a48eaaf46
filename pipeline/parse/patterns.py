"""Patterns of the official-document format (GB/T 9704-2012), on normalised text.

After normalisation brackets and colons are half-width (``( ) [ ] :``) while 〔〕【】《》 stay;
traditional characters are simplified, so 號 is 号 and 發 is 发.
"""

from __future__ import annotations

import re

CJK = r"\u3400-\u9fff"
_OPEN, _CLOSE = r"〔\[【(„", r"〕\]】)‟"

#: 发文字号: 豫办〔2016〕60号, 国办发[2019]54号, 淄政办字【2023】38号, 长府办函(2018)46号.
DOC_NUMBER_RE = re.compile(
    rf"(?P<org>[{CJK}]{{1,14}}?)(?P<open>[{_OPEN}])\s*(?P<year>(?:19|20)[0-9]{{2}})\s*"
    rf"(?P<close>[{_CLOSE}])\s*第?\s*(?P<seq>[0-9]{{1,5}})\s*号"
)
#: 国务院令第711号, 省政府令第12号
ORDER_RE = re.compile(rf"(?P<org>[{CJK}]{{1,12}}?令)第\s*(?P<seq>[0-9]{{1,5}})\s*号")
#: a 文号 alone on its line, lenient (号 or the closing bracket lost in web copies)
DOC_NUMBER_LINE_RE = re.compile(
    rf"^(?P<org>[{CJK}]{{2,16}})(?P<open>[{_OPEN}])\s*(?P<year>(?:19|20)[0-9]{{2}})"
    rf"\s*(?P<close>[{_CLOSE}])?\s*第?\s*(?P<seq>[0-9]{{1,5}})?\s*(?P<hao>号)?$"
)

#: 文种 words a title ends with
GENRES = (
    "通知", "通告", "公告", "公报", "意见", "决定", "决议", "命令", "批复", "请示", "报告", "函",
    "方案", "办法", "规定", "细则", "规则", "规划", "计划", "要点", "纪要", "总结", "条例",
    "公示", "通报", "议案", "指引", "指南", "标准", "目录", "清单", "分解表", "答复", "复函",
    "说明", "解读", "制度", "守则", "章程", "措施", "若干意见", "实施意见",
)  # fmt: skip
#: records, forms and other documents agencies hold (a title may continue after these)
EXTRA_GENRES = (
    "笔录", "记录", "表", "书", "汇总", "明细", "材料", "登记", "规程", "安排", "情况",
    "预算公开", "决算公开", "汇报", "讲话", "简报", "台账", "名单", "名册", "文件", "预案", "声明",
    "倡议",
)  # fmt: skip
_QUALIFIERS = r"(?:\([^()]{1,15}\)|【[^【】]{1,15}】){0,2}$"  # (征求意见稿) (试行) (2024年修订)
CORE_GENRE_END_RE = re.compile(
    rf"(?:{'|'.join(sorted(GENRES, key=len, reverse=True))}){_QUALIFIERS}"
)
GENRE_END_RE = re.compile(
    rf"(?:{'|'.join(sorted(GENRES + EXTRA_GENRES, key=len, reverse=True))}){_QUALIFIERS}"
)
WRAPPER_RE = re.compile(
    r"(?:关于|办公室|办公厅|政府|[厅局委办])(?P<verb>印发|转发|印送|颁布|发布|公布)(?P<inner>[\s\S]+?)"
    r"的(?:通知|决定|通告|函)$"
)

ORG_SUFFIX = (
    "办公厅", "办公室", "人民政府", "委员会", "管委会", "厅", "局", "委", "办", "部", "院", "署",
    "中心", "政府", "公司", "小组", "机关", "党组", "县委", "市委", "省委", "街道办事处", "镇",
    "部门", "单位", "机构", "部委", "分局", "支队", "大队",
    "乡", "所", "站", "队", "处", "科", "馆", "会",
)  # fmt: skip
ORG_LINE_RE = re.compile(
    rf"^[{CJK}()]{{2,40}}(?:{'|'.join(ORG_SUFFIX)})(?:\s+[{CJK}()]{{2,40}}(?:{'|'.join(ORG_SUFFIX)}))*$"
)

#: explicit disclosure markers (附注) and the attribute each one states
_MARKER_WORDS = ("公开发布", "主动公开", "依申请公开", "不予公开", "不公开", "不宜公开",
                 "删减后公开", "部分公开", "暂缓公开")  # fmt: skip


def _spread(word: str) -> str:
    """A word whose characters may be split by a space or a line break (PDF/HTML copies)."""
    return r"[ \n]?".join(word)


MARKER_RE = re.compile(
    rf"[(【\[]? *{_spread('此件')}[ \n]*(?P<what>{'|'.join(_spread(w) for w in _MARKER_WORDS)}"
    r"|发至[^)】\]\n]{1,20})(?:[ \n]*[)】\]])?"
    r"|[(【\[]? *(?:信息)?公开(?:选项|属性|方式|类型|形式) *[:] *"
    r"(?P<opt>主动公开|依申请公开|不予公开|不公开|删减后公开|部分公开) *[)】\]]?"
)
MARKER_ATTRIBUTE = {
    "公开发布": "主动公开", "主动公开": "主动公开", "依申请公开": "依申请公开",
    "不予公开": "不予公开", "不公开": "不予公开", "不宜公开": "不予公开", "暂缓公开": "不予公开",
    "删减后公开": "部分公开", "部分公开": "部分公开",
}  # fmt: skip
#: 密级 mark: 秘密★1年, 机密★, 绝密
SECRET_RE = re.compile(r"^(?:密级[:]?\s*)?(?P<level>绝密|机密|秘密)\s*(?:★|☆|\*)\s*[^\n]{0,12}$")

#: 附件 notes in the main text (附件:1.…) and attachment headings (附件 / 附件2 / 附件:)
ATTACHMENT_NOTE_RE = re.compile(r"^附\s*件\s*[:]\s*(?P<body>\S.*)$")
ATTACHMENT_HEAD_RE = re.compile(r"^附\s*件\s*(?P<n>[0-9一二三四五六七八九十]{0,3})\s*[:]?$")

CC_RE = re.compile(r"^抄\s*送\s*[:]\s*(?P<body>.+)$")
PRINTED_RE = re.compile(r"^(?P<org>[^\s0-9]{2,40})\s+(?P<date>.+?日)\s*印\s*发$")

#: 第X章 / 第X节 / 第X条 / 一、/ (一) / 1. / (1) / ①
_N = "〇零一二两三四五六七八九十百千"
PAREN_CN = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"
PAREN_NUM = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
DOT_NUM = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
HEADING_RE = re.compile(
    rf"^(?:(?P<chapter>第[{_N}0-9]{{1,5}}章)|(?P<section>第[{_N}0-9]{{1,5}}节)"
    rf"|(?P<article>第[{_N}0-9]{{1,5}}条)|(?P<l1>[一二三四五六七八九十]{{1,3}}(?:、|\.(?![0-9])))"
    rf"|(?P<l2>\([一二三四五六七八九十]{{1,3}}\))|(?P<l2b>[{PAREN_CN}])"
    rf"|(?P<l3>[0-9]{{1,2}}(?:\.(?![0-9])|、))|(?P<l3b>[{DOT_NUM}])"
    rf"|(?P<l4>\([0-9]{{1,2}}\))|(?P<l4b>[{PAREN_NUM}])|(?P<l5>[{CIRCLED}]))"
)
HEADING_LEVEL = {"chapter": 1, "section": 2, "article": 3, "l1": 4, "l2": 5, "l2b": 5, "l3": 6,
                 "l3b": 6, "l4": 7, "l4b": 7, "l5": 8}  # fmt: skip
HEADING_KIND = {"chapter": "第X章", "section": "第X节", "article": "第X条", "l1": "一、",
                "l2": "(一)", "l2b": "(一)", "l3": "1.", "l3b": "1.", "l4": "(1)", "l4b": "(1)",
                "l5": "①"}  # fmt: skip
#: single-character numbering marks → their number
MARK_NUMBER = {ch: i + 1 for chars in (PAREN_CN, PAREN_NUM, DOT_NUM, CIRCLED)
               for i, ch in enumerate(chars)}  # fmt: skip
