"""Contact lines of a notice: whose phone, e-mail or address stands in a line with no role cue.

A notice lists the units and staff people may call (「省民政厅李婧 电话：0311-…」「电子邮箱：…」,
a service provider's row in a list). Such an item has no strong role cue before it, only a weak
one (电话, 邮箱, 地址 …) or an organisation's name in the same line. Either makes it a contact
item, but only where a private person cannot be meant: outside roster rows, outside documents
about private people (replies, penalties, publicity lists) and with no private cue (申请人, 家住,
当事人 …) earlier in the same sentence or line (a private cue in an earlier sentence of the
paragraph does not own an agency's phone). Reach: the weak cue's sentence (``window``
characters); the organisation's line and the line before it, within the paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Entities a contact line can hold.
CONTACT_ENTITIES = frozenset({"MOBILE", "LANDLINE", "EMAIL", "QQ", "WECHAT", "ADDRESS"})
#: Documents answering or sanctioning a private person: nothing here makes an item contact data.
PRIVATE_DOC_TYPES = frozenset(
    {"disclosure_reply", "petition_reply", "penalty_decision", "case_decision"}
)
#: Publicity lists of private people: only an e-mail after a weak cue, or a number closing a
#: record that opens with a company's name (a list of service providers), is contact data.
LIST_DOC_TYPES = frozenset(
    {
        "subsidy_publicity",
        "land_compensation",
        "recruitment_result",
        "poverty_alleviation",
        "licence_publicity",
    }
)
#: Roles whose cue in the paragraph before an item rules out the contact reading.
PRIVATE_ROLES = frozenset({"private", "party", "beneficiary", "participant"})
#: How far back a paragraph (a record of a list) reaches at most.
PARAGRAPH_CAP = 600
_PARAGRAPH = re.compile(r"\n[ \t\u3000]*\n")
_SENTENCE = re.compile(r"[。!?！？]")
#: Where a private cue stops owning what follows: the end of its sentence or line. An agency's
#: phone in the next sentence (「来信人应写明联系方式。市政府研究室联系电话：…」) is the agency's.
_OWNER_BOUND = re.compile(r"[。!?！？\n]")
# Between the organisation and the item of a contact line: names, labels and other numbers
# (省民政厅李婧电话：…, 研究院　刘　迎　186…　李　铮　189…, 信息中心⏎张娴 010-6755…　138…).
_GAP_LABELS = re.compile(r"联系电话|联系方式|电子邮箱|电话|手机|邮箱|传真|联系人")
_GAP_WORD = re.compile(r"(?:[\u4e00-\u9fff·][\s\u3000]?)+")
_GAP_REST = re.compile(r"[0-9()（）\-—–一\s\u3000,，、/:：]*")


def _contact_gap(gap: str) -> bool:
    """Only short words (names, ≤ 5 characters) between numbers and separators."""
    gap = _GAP_LABELS.sub(" ", gap)
    for word in _GAP_WORD.findall(gap):
        if len(re.sub(r"[\s\u3000]", "", word)) > 5:
            return False
    return _GAP_REST.fullmatch(_GAP_WORD.sub("", gap)) is not None


_COMPANY = re.compile(r"有限公司|有限责任公司|股份公司|集团|研究院|服务中心|协会|学会")
_ORGANISATION = re.compile(
    r"有限公司|公司|集团|研究院|研究所|研究中心|中心|委员会|办公室|管委会|协会|学会|联合会|"
    r"基金会|大学|学院|学校|医院|法院|检察院|人民政府|政府|[省市县区]委|[厅局]|[^\s，,。；]处(?=[\u4e00-\u9fff]{0,4}(?:电话|联系|邮箱|[:：\s]))"
    r"|[\u4e00-\u9fff](?:科|股|室|办)(?=[\s\u3000:：]|电话|联系电话|联系方式)"
)


@dataclass(frozen=True, slots=True)
class ContactLineConfig:
    weak_cues: tuple[str, ...]
    window: int = 40
    paragraph_reach: int = 80
    line_reach: int = 60


class ContactLines:
    """Weak contact cues and organisation lines, looked up for one detection."""

    def __init__(self, config: ContactLineConfig) -> None:
        self.config = config
        ordered = sorted(config.weak_cues, key=len, reverse=True)
        self._weak = re.compile("|".join(re.escape(w) for w in ordered)) if ordered else None

    def applies(self, entity: str, doc_type: str, in_roster: bool) -> bool:
        return entity in CONTACT_ENTITIES and doc_type not in PRIVATE_DOC_TYPES and not in_roster

    def cue(
        self, text: str, pos: int, private_before: int | None, entity: str, doc_type: str
    ) -> str | None:
        """The contact cue for an item at ``pos``: a weak cue or an organisation, if any."""
        found = self.cue_at(text, pos, private_before, entity, doc_type)
        return found[0] if found is not None else None

    def cue_at(
        self, text: str, pos: int, private_before: int | None, entity: str, doc_type: str
    ) -> tuple[str, int] | None:
        """The contact cue for an item at ``pos`` and where its owner is named: the
        organisation's start, or -1 for a weak cue (电话, 邮箱: a label naming nobody).

        ``private_before`` is the end of the last private cue before ``pos`` within
        :data:`PARAGRAPH_CAP` characters (or None).
        """
        para = _paragraph_start(text, pos)
        line = text.rfind("\n", 0, pos) + 1
        alone = text[line:pos].strip(" \t\u3000") == ""
        if alone and line > para and (private_before is None or private_before <= para):
            # a number closing a record that opens with a company (a service providers' list)
            second = text.find("\n", text.find("\n", para, pos) + 1, pos)
            company = _COMPANY.search(text, para, second if second != -1 else pos)
            if company is not None:
                return f"服务单位联系方式（{company.group()}）", company.start()
        floor = max(para, pos - self.config.paragraph_reach)
        if (
            private_before is not None
            and private_before > floor
            and not _OWNER_BOUND.search(text, private_before, pos)
        ):
            return None  # the private person is named in this sentence or line: theirs
        if doc_type in LIST_DOC_TYPES and entity != "EMAIL":
            return None
        # 电话/手机 alone does not say whose a mobile is (「王小明，电话138…」 in a notice
        # about him): a mobile needs a strong contact cue (联系人, 咨询电话 …) or an
        # organisation's line
        if self._weak is not None and entity != "MOBILE":
            lo = max(para, pos - self.config.window)
            sent = list(_SENTENCE.finditer(text, lo, pos))
            if sent:
                lo = sent[-1].end()
            found = None
            for found in self._weak.finditer(text, lo, pos):  # noqa: B007
                pass
            if found is not None:
                return found.group(), -1
        if alone and line > para:
            line = text.rfind("\n", 0, line - 1) + 1  # an item alone on its line: the line before
        if entity == "ADDRESS":
            return None  # a narrative names places and agencies: only an address cue counts
        lo = max(line, para, pos - self.config.line_reach)
        org = None
        for org in _ORGANISATION.finditer(text, lo, pos):  # noqa: B007
            pass
        if org is None or not _contact_gap(text[org.end() : pos]):
            return None  # 「某某检察院指控，被告人…」「…分公司提供的号码为…」 are narratives
        return f"单位联系方式（{org.group()}）", org.start()


def _paragraph_start(text: str, pos: int) -> int:
    last = 0
    lo = max(0, pos - PARAGRAPH_CAP)
    for m in _PARAGRAPH.finditer(text, lo, pos):
        last = m.end()
    start = max(last, lo)
    while start < pos and text[start] in "\n \t\u3000":
        start += 1  # more than one blank line
    return start
