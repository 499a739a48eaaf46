"""Context a decision reads around a finding, each with a stated reach.

* ``mark_person_status`` (reach: the clause around the name, at most a few characters): a
  name right after a third-party cue (之妻, 邻居, 证人, 举报人, 从个人 …) or next to a welfare or
  health status (低保户周大福, 周大福因病 …) is marked ``third_party`` / ``welfare_status``;
  an honorific right after it (邓小平同志, 孙中山先生) is noted as ``honorific``.
* ``nearest_person`` (reach: the same sentence, or the same table row): the person a phone,
  e-mail or account belongs to is the nearest name before it.
* ``paragraph_window`` (reach: the paragraph, bounded by blank lines and at most
  ``PARAGRAPH_BACK`` characters before / ``PARAGRAPH_AHEAD`` after): where a rule's
  ``document_context`` words are looked for. No rule reads the whole document.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from pipeline.document import Detection

_THIRD_PARTY_BEFORE = re.compile(
    "(?:之妻子?|之丈夫|之[夫子女父母兄弟姐妹孙侄]|其(?:妻子?|丈夫|夫|子|女|父|母|兄|弟|姐|妹|孙子?|孙女"
    "|儿媳|女婿|哥哥|弟弟|姐姐|妹妹|配偶)|邻居|证人|目击者|知情人|被害人|受害人|见证人|同住人|"
    "举报人|投诉人|工友|同事|死者|伤者|遇难者|邻户|(?:同班组|同班|同组|同车间|同工地|现场)工人|"
    "(?:从|向|由|自|与|给|系)(?:其他)?个人)[:]?[ ]?$"
)
_STATUS_BEFORE = re.compile(
    "(?:低保户|低保人员|低保对象|特困人员|特困供养人员|特困户|五保户|残疾人|重病患者|患者|患儿|病患|病人|精神病人"
    "|监测户|监测对象|边缘户|困难户|困难群众|孤儿|事实无人抚养儿童|留守儿童)"
    "[:]?[ ]?$"
)
_STATUS_AFTER = re.compile(
    "^[,]?[ ]?(?:(?:[0-9]{4}年|去年|今年|前年|近期|此前|曾|于[0-9]{1,2}月)[0-9月日]*)?"
    "(?:因病|因[^,。;]{1,4}致残|患有|身患|罹患|患[^者]|残疾|突发|突患|确诊|被?诊断[为出]|查出"
    "|[系为是(](?:低保|特困|五保|残疾))"
)
#: An honorific right after a name (邓小平同志, 孙中山先生): the word after the name only.
_HONORIFIC_AFTER = ("同志", "先生", "女士")
_BEFORE_REACH = 8
_AFTER_REACH = 14

_SENTENCE_END = re.compile(r"[。;!?\n]")
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")
PARAGRAPH_BACK = 1200
PARAGRAPH_AHEAD = 300


def mark_person_status(text: str, det: Detection) -> None:
    """Set ``third_party`` / ``welfare_status`` on a PERSON from the words right around it."""
    if det.entity != "PERSON" or det.attrs.get("masked_form"):
        return
    before = text[max(0, det.start - _BEFORE_REACH) : det.start]
    m = _THIRD_PARTY_BEFORE.search(before)
    if m is not None:
        det.attrs.setdefault("third_party", True)
        det.attrs.setdefault("third_party_cue", m.group().rstrip(": "))
    m = _STATUS_BEFORE.search(before) or _STATUS_AFTER.search(
        text[det.end : det.end + _AFTER_REACH]
    )
    if m is not None:
        det.attrs.setdefault("welfare_status", True)
        det.attrs.setdefault("welfare_status_cue", m.group().strip(",:( "))
    after = text[det.end : det.end + 2]
    if after in _HONORIFIC_AFTER:
        det.attrs.setdefault("honorific", after)


class NearestPerson:
    """PERSON findings of a document, for "the nearest name before here in this sentence"."""

    def __init__(self, text: str, persons: list[tuple[int, int, str]]) -> None:
        self._text = text
        self._persons = sorted(persons)
        self._ends = [e for _, e, _ in self._persons]

    def before(self, pos: int, window: int = 40) -> tuple[int, int, str] | None:
        """The last person ending before ``pos`` in the same sentence/line, within ``window``."""
        k = bisect_right(self._ends, pos) - 1
        if k < 0:
            return None
        s, e, role = self._persons[k]
        if pos - e > window or _SENTENCE_END.search(self._text, e, pos):
            return None
        return s, e, role


def paragraph_window(text: str, start: int, end: int) -> str:
    """The paragraph around ``[start, end)``: up to the nearest blank lines, capped."""
    lo = max(0, start - PARAGRAPH_BACK)
    hi = min(len(text), end + PARAGRAPH_AHEAD)
    left = text[lo:start]
    blanks = list(_BLANK_LINE.finditer(left))
    if blanks:
        lo += blanks[-1].end()
    m = _BLANK_LINE.search(text, end, hi)
    if m is not None:
        hi = m.start()
    return text[lo:hi]
