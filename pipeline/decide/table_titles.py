"""The title above a table says whose rows it holds (参训人员名单, 联络员名单, 帮扶责任人名单).

Configured in roles.yaml (``table_titles``: role → title words). Reach: the table under that
title. The title is read from the two nearest non-blank lines above the table's header row
(a 「附件2」 line and a blank line often stand between), at most ``TITLE_REACH`` characters
above the header; the first role (in configured order) with a word there wins, so
「参训人员名单及联系方式」 is a participants' table, not a contact list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: How far above the header row a title may stand (characters).
TITLE_REACH = 160
#: Non-blank lines above the header row that may hold the title.
TITLE_LINES = 2


@dataclass(frozen=True, slots=True)
class TableTitles:
    """Title words per role, in the configured order."""

    roles: tuple[tuple[str, re.Pattern[str]], ...] = ()

    @classmethod
    def from_config(cls, raw: object) -> TableTitles:
        """``{role: [word, …]}`` from roles.yaml (``None`` or empty: no table titles)."""
        if not isinstance(raw, dict):
            return cls()
        roles = []
        for role, words in raw.items():
            ordered = sorted((str(w) for w in words or () if str(w)), key=len, reverse=True)
            if ordered:
                roles.append((str(role), re.compile("|".join(map(re.escape, ordered)))))
        return cls(tuple(roles))

    def role_of(self, text: str, pos: int, header: str) -> tuple[str, str] | None:
        """(role, title word) of the table whose header row is ``header`` (a row at ``pos``)."""
        if not self.roles:
            return None
        h = text.rfind(header.strip(), 0, pos)
        if h <= 0:
            return None
        lines = _lines_above(text, h)
        for role, pattern in self.roles:
            for line in lines:
                m = pattern.search(line)
                if m is not None:
                    return role, m.group()
        return None


def _lines_above(text: str, header_start: int) -> list[str]:
    """Up to ``TITLE_LINES`` non-blank lines right above ``header_start``, nearest first."""
    floor = max(0, header_start - TITLE_REACH)
    out: list[str] = []
    end = text.rfind("\n", floor, header_start)
    while end > floor and len(out) < TITLE_LINES:
        start = text.rfind("\n", floor, end) + 1
        line = text[max(start, floor) : end]
        if line.strip():
            out.append(line)
        if start <= floor:
            break
        end = start - 1
    return out
