"""Page chrome of government web pages: toolbar words that are not document content.

``LineBuilder`` assembles extracted lines and drops chrome when a line ends.
``chrome_keep_mask(line)`` says, per character of one extracted line, whether to keep it.
Distinctive phrases (我要纠错, 扫一扫在手机打开当前页, 浏览次数：123, 【字体：大 中 小】,
分享到) are removed wherever they occur; lines starting with 上一篇/下一篇/当前位置 are
dropped; a line made only of weak toolbar words (打印, 关闭, 收藏, 下载, 大 中 小 …) and
separators is dropped. Weak words are never removed from a line that has other content.
"""

from __future__ import annotations

import re
from array import array

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

_WS = " \t\n\r\f\xa0"

_DROP_LINE = re.compile(
    r"\s*(?:上一[篇条條页頁]|下一[篇条條页頁]|[当當]前位置|您[当當现現][前在]的?位置|您的位置)"
)

_WEAK = re.compile(
    r"(?:打印(?:本[页頁]|此[页頁]|正文)?|[关關][闭閉](?:窗口|本[页頁])?|(?:加入)?收藏(?:本[页頁])?"
    r"|下[载載]|字[号號体體]|默[认認]|超大|特大|[大中小]|[标標]准|[标標]準|返回(?:[顶頂]部|首[页頁])?"
    r"|[顶頂]部|登[录錄]|注册|注冊|[繁简簡][体體]|[无無]障[碍礙]|EN|English|微信|微博|QQ空[间間]"
    r"|分享|A\+|A-|\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)|[\s|｜:：/【】\[\]()（）·•>»])+"
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


class LineBuilder:
    """Accumulates text characters and their source spans, one line at a time.

    ``flush`` ends the line: trailing spaces go, chrome is filtered, empty lines vanish.
    """

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts = array("q")
        self.ends = array("q")
        self.nodes = array("q")
        self.line_begin = 0

    def _push(self, ch: str, start: int, end: int, node: int) -> None:
        self.chars.append(ch)
        self.starts.append(start)
        self.ends.append(end)
        self.nodes.append(node)

    def add(self, ch: str, start: int, end: int, node: int, keep_ws: bool = False) -> None:
        if ch in _WS:
            if keep_ws:
                self._push(" ", start, end, node)
                return
            if len(self.chars) == self.line_begin or self.chars[-1] in " \t":
                return
            ch = " "
        self._push(ch, start, end, node)

    def soft_break(self) -> None:
        if len(self.chars) > self.line_begin and self.chars[-1] not in " \t":
            self._push(" ", -1, -1, -1)

    def tab(self) -> None:
        self._rstrip()
        self._push("\t", -1, -1, -1)

    def _rstrip(self) -> None:
        while len(self.chars) > self.line_begin and self.chars[-1] == " ":
            self.truncate(len(self.chars) - 1)

    def truncate(self, n: int) -> None:
        del self.chars[n:]
        del self.starts[n:]
        del self.ends[n:]
        del self.nodes[n:]

    def flush(self) -> None:
        self._rstrip()
        begin = self.line_begin
        line = "".join(self.chars[begin:])
        mask = chrome_keep_mask(line) if line.strip() else None
        if mask is None:
            self.truncate(begin)
            return
        if not all(mask):
            kept = [i for i, k in enumerate(mask, begin) if k]
            chars = [self.chars[i] for i in kept]
            starts = [self.starts[i] for i in kept]
            ends = [self.ends[i] for i in kept]
            nodes = [self.nodes[i] for i in kept]
            self.truncate(begin)
            for i, ch in enumerate(chars):
                if ch == " " and (len(self.chars) == begin or self.chars[-1] in " \t"):
                    continue
                self._push(ch, starts[i], ends[i], nodes[i])
            self._rstrip()
        self._push("\n", -1, -1, -1)
        self.line_begin = len(self.chars)
