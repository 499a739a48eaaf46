"""Whose information is it? The owner's role from cues, as configured in roles.yaml."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.decide.contact_lines import (
    LIST_DOC_TYPES,
    PARAGRAPH_CAP,
    PRIVATE_ROLES,
    ContactLineConfig,
    ContactLines,
)
from pipeline.decide.role_index import (  # noqa: F401 (re-exported for the decider)
    CueIndex,
    RoleCue,
    RosterRows,
    _heading_gap,
    _on_boundary,
    column_of,
    sentence_around,
    sentence_span,
)
from pipeline.decide.rule_schema import RuleError, load_yaml, rules_dir
from pipeline.decide.table_titles import TableTitles
from pipeline.document import Detection

#: Where a role cue stops reaching: sentence ends and blank lines (not single line breaks).
_CUE_BARRIER = re.compile(r"[。;；!?！？]|\n\s*\n")
#: Where a list cue (联系人, 参会人员) stops: a contact list runs on across ； and line breaks.
_LIST_BARRIER = re.compile(r"[。!?！？]|\n[ \t\u3000]*\n")

#: How a person recognizer's own cue kind translates into a role.
CUE_KIND_ROLE = {
    "private": "private",
    "party": "party",
    "official": "official",
    "post": "official",
    "editor": "official",
    "contact": "contact",
    "helper": "helper",
    "beneficiary": "beneficiary",
}
_HONORIFICS = frozenset({"同志", "先生", "女士"})
#: Mandated publicity lists: one set, read by the contact-line reading too.
PUBLICITY_DOC_TYPES = LIST_DOC_TYPES


class RoleResolver:
    """Finds the nearest role cue before a finding (and right after a name)."""

    def __init__(
        self,
        before: dict[str, str],
        after: dict[str, str],
        window: int,
        list_roles: frozenset[str] = frozenset(),
        list_window: int = 0,
        contact_lines: ContactLines | None = None,
        names: dict[str, str] | None = None,
        table_titles: TableTitles | None = None,
    ) -> None:
        self.window = window
        self.names = names or {}
        self.list_roles = list_roles
        self.list_window = list_window
        self.contact_lines = contact_lines
        self.table_titles = table_titles or TableTitles()
        self._before = before
        self._after = after
        self._before_re = _alternation(before)
        self._after_re = _alternation(after)

    @classmethod
    def from_yaml(cls, path: Path | None = None) -> RoleResolver:
        path = path or rules_dir() / "roles.yaml"
        data = load_yaml(path)
        before: dict[str, str] = {}
        after: dict[str, str] = {}
        weak: list[str] = []
        names: dict[str, str] = {}
        for raw in data.get("roles") or []:
            if not isinstance(raw, dict) or not raw.get("id"):
                raise RuleError(f"{path.name}: 每个角色都需要 id")
            for name in raw.get("names") or []:
                names.setdefault(str(name), str(raw["id"]))
            for cue in raw.get("before") or []:
                before.setdefault(str(cue), str(raw["id"]))
            for cue in raw.get("after") or []:
                after.setdefault(str(cue), str(raw["id"]))
            weak.extend(str(cue) for cue in raw.get("weak") or [])
        lists = data.get("lists") or {}
        lines = data.get("contact_lines") or {}
        window = int(data.get("window", 40))
        contact_lines = ContactLines(
            ContactLineConfig(
                tuple(weak),
                window=int(lines.get("window", window)),
                paragraph_reach=int(lines.get("paragraph_reach", 80)),
                line_reach=int(lines.get("line_reach", 60)),
            )
        )
        return cls(
            before,
            after,
            window,
            frozenset(str(r) for r in lists.get("roles") or []),
            int(lists.get("window", window)),
            contact_lines,
            names,
            TableTitles.from_config(data.get("table_titles")),
        )

    def resolve(
        self,
        text: str,
        det: Detection,
        doc_type: str,
        rosters: RosterRows,
        word_starts: list[int] | None = None,
        cues: CueIndex | None = None,
    ) -> RoleCue:
        """The role of the person a detection (normalised offsets) belongs to.

        ``rosters`` are the table rows found by the detect stage; ``word_starts`` (sorted
        word-start offsets from segmentation) let a cue count only on word boundaries, so
        that 石家庄市长安区 holds no 市长. ``cues`` is :meth:`cue_index` of the document,
        built once when many detections of one document are resolved.
        """
        if det.entity == "PERSON":
            named = self.names.get(text[det.start : det.end])
            if named is not None and not self._private_own_cue(det):
                return RoleCue(named, "名录人物", det.start)  # 邓小平同志, 孙中山先生
            m = self._after_re.match(text, det.end, det.end + 6)
            if m and (self._after[m.group()] != "private" or not self._official_own_cue(text, det)):
                return RoleCue(self._after[m.group()], m.group())
            cue = det.attrs.get("cue")
            if cue in self._before:  # the recognizer's cue, read with this agency's roles
                return RoleCue(self._before[cue], cue)
            kind = det.attrs.get("cue_kind")
            if kind in CUE_KIND_ROLE:
                return RoleCue(CUE_KIND_ROLE[kind], str(cue or kind))
        roster_header = rosters.header_at(det.start)
        if roster_header is not None:
            column_cue = self._column_cue(text, det.start, roster_header)
            if column_cue is not None:
                return column_cue
            titled = self.table_titles.role_of(text, det.start, roster_header)
            if titled is not None:  # a post in the row (副局长) is the listed person's own
                return RoleCue(*titled)
        if cues is None:
            cues = self.cue_index(text, word_starts)
        cue = cues.nearest_before(det.start)
        if cue is not None and not _label_out_of_reach(text, cue, det.start):
            return cue
        lines = self.contact_lines
        if lines is not None and lines.applies(det.entity, doc_type, roster_header is not None):
            private_end = cues.private_end_before(det.start, PARAGRAPH_CAP)
            contact = lines.cue_at(text, det.start, private_end, det.entity, doc_type)
            if contact is not None:
                return RoleCue("contact", *contact)
        if roster_header is not None:
            role = "beneficiary" if doc_type in PUBLICITY_DOC_TYPES else "private"
            return RoleCue(role, "名单表格")
        return RoleCue("unknown", "")

    def cue_index(self, text: str, word_starts: list[int] | None = None) -> CueIndex:
        """Every role cue of ``text`` (on word boundaries) and every sentence barrier."""
        found = [
            (m.start(), m.end(), m.group())
            for m in self._before_re.finditer(text)
            if word_starts is None
            or (_on_boundary(word_starts, m.start()) and _on_boundary(word_starts, m.end()))
        ]
        barriers = [m.end() for m in _CUE_BARRIER.finditer(text)]
        list_barriers = None
        if self.list_roles:
            # a heading cue (联系人：) stands alone above its list: a blank line right after it
            # does not end its reach
            heads = {e for _, e, c in found if self._before[c] in self.list_roles}
            list_barriers = [
                m.end()
                for m in _LIST_BARRIER.finditer(text)
                if not _heading_gap(text, heads, m.start())
            ]
        return CueIndex(
            found,
            barriers,
            self._before,
            self.window,
            list_barriers,
            self.list_roles,
            self.list_window,
        )

    def _private_own_cue(self, det: Detection) -> bool:
        """The recognizer found the name behind a private cue (申请人, 当事人 …)."""
        cue = det.attrs.get("cue")
        if cue in self._before:
            return self._before[cue] in PRIVATE_ROLES
        kind = det.attrs.get("cue_kind")
        return kind in ("private", "party", "beneficiary") and cue not in _HONORIFICS

    def _official_own_cue(self, text: str, det: Detection) -> bool:
        """The recognizer found the name right behind an official or post cue (厅长马宇骏同志，).

        Only a cue before the name counts: 刘德明同志： alone is a letter's private addressee.
        """
        cue = str(det.attrs.get("cue") or "")
        if not cue or text.find(cue, max(0, det.start - len(cue) - 2), det.start) == -1:
            return False
        if cue in self._before:
            return self._before[cue] not in PRIVATE_ROLES
        return CUE_KIND_ROLE.get(str(det.attrs.get("cue_kind")), "private") not in PRIVATE_ROLES

    def _column_cue(self, text: str, pos: int, header: str) -> RoleCue | None:
        """A roster cell's role from its column header (帮扶责任人 | 联系电话), if it has one.

        A phone column right after a person column belongs to that person.
        """
        column, headers = column_of(text, pos, header)
        for idx in (column, column - 1):
            if 0 <= idx < len(headers):
                m = None
                for m in self._before_re.finditer(headers[idx]):  # noqa: B007
                    pass
                if m is not None and self._before[m.group()] != "private":
                    return RoleCue(self._before[m.group()], headers[idx], pos)
        return None


#: Cues that are labels of a signature or editorial line (审核：王某, 责任编辑 李某): they name
#: the person right after them, not one in the next clause (「经学校审核，拟资助以下学生：…」).
_LABEL_CUES = frozenset({"审核", "审签", "签发", "编辑", "责任编辑", "发布人", "主持人"})
_LABEL_GAP = re.compile(r"[:：\s\u3000]{0,4}")


def _label_out_of_reach(text: str, cue: RoleCue, pos: int) -> bool:
    """A label cue (审核, 签发 …) with more than a colon and spaces before ``pos``."""
    if cue.cue not in _LABEL_CUES or cue.at < 0:
        return False
    return _LABEL_GAP.fullmatch(text, cue.at + len(cue.cue), pos) is None


def _alternation(words: dict[str, str]) -> re.Pattern[str]:
    if not words:
        return re.compile(r"(?!x)x")
    ordered = sorted(words, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in ordered))
