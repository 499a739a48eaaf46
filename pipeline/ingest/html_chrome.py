"""Page chrome of government web pages: toolbar words that are not document content.

``chrome_keep_mask(line)`` says, per character of one extracted line, whether to keep it.
Distinctive phrases (我要纠错, 扫一扫在手机打开当前页, 浏览次数：123, 【字体：大 中 小】,
分享到) are removed wherever they occur; lines starting with 上一篇/下一篇/当前位置 are
dropped; a line made only of weak toolbar words (打印, 关闭, 收藏, 下载, 大 中 小 …) and
separators is dropped. Weak words are never removed from a line that has other content.
"""

from __future__ import annotations

import re

_STRONG = re.compile(
    "|".join(
        (
            r"【?\s*我要[纠糾][错錯]\s*】?",
            r"[扫掃]一[扫掃]\s*在?手[机機]上?(?:打[开開]|[浏瀏][览覽]|[访訪][问問])\s*[当當]前[页頁]",
            r"[扫掃][码碼](?:使用|在)?手[机機](?:[浏瀏][览覽]|打[开開]|[访訪][问問])本[页頁](?:[内內]容)?",
            r"(?:[浏瀏][览覽]|[阅閱][读讀]|[访訪][问問]|[点點][击擊])次[数數](?=\s*[:：0-9]|\s*$)"
            r"\s*[:：]?\s*[0-9]*\s*次?",
            r"(?:[点點][击擊](?:量|[数數]|率)|[访訪][问問]量)\s*[:：]\s*[0-9]*\s*次?",
            r"(?<![发發文])【?\s*字\s*[号號体體]\s*[:：]\s*"
            r"(?:(?:默[认認]|超大|特大|[大中小]|[标標]准|[标標]準|A\+|A-|A)\s*[|｜/]?\s*)*】?",
            r"(?<![发發文])【?\s*字\s*[号號体體]\s*(?:(?:默[认認]|超大|特大|[大中小])\s*[|｜/]?\s*){2,}】?",
            r"【\s*(?:打印(?:本[页頁]|此[页頁])?|[关關][闭閉](?:窗口|本[页頁])?|(?:加入)?收藏"
            r"|返回[顶頂]部|[顶頂]部)\s*】",
            r"分享到\s*[:：]?",
        )
    )
)

_DROP_LINE = re.compile(
    r"\s*(?:上一[篇条條页頁]|下一[篇条條页頁]|[当當]前位置|您[当當现現][前在]的?位置|您的位置)"
)

_WEAK = re.compile(
    r"(?:打印(?:本[页頁]|此[页頁]|正文)?|[关關][闭閉](?:窗口|本[页頁])?|(?:加入)?收藏(?:本[页頁])?"
    r"|下[载載]|字[号號体體]|默[认認]|超大|特大|[大中小]|[标標]准|[标標]準|返回(?:[顶頂]部|首[页頁])?"
    r"|[顶頂]部|登[录錄]|注册|注冊|[繁简簡][体體]|[无無]障[碍礙]|EN|English|微信|微博|QQ空[间間]"
    r"|分享|A\+|A-|[\s|｜:：/【】\[\]()（）·•>»])+"
)


def chrome_keep_mask(line: str) -> list[bool] | None:
    """Per-character keep flags for ``line``; ``None`` means drop the whole line."""
    if _DROP_LINE.match(line):
        return None
    keep = [True] * len(line)
    for m in _STRONG.finditer(line):
        for i in range(m.start(), m.end()):
            keep[i] = False
    rest = "".join(ch for ch, k in zip(line, keep, strict=True) if k)
    if not rest.strip() or _WEAK.fullmatch(rest):
        return None
    return keep
