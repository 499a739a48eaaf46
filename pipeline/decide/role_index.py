"""Lookups the role resolver reads: role cues by position, roster rows, table columns and
the sentence around a finding."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from pipeline.decide.contact_lines import PRIVATE_ROLES
from pipeline.detect.recognizers.roster_recognizer import CELL_SPLIT

_SENTENCE_CHARS = "。;；!?！？\n"
_SENTENCE_END = re.compile(f"[{_SENTENCE_CHARS}]")


class CueIndex:
    """Role cues of one document, for "the nearest cue before here in this sentence".

    A cue of a list role (``list_roles``: 联系人 before a list of staff and their phones)
    reaches ``list_window`` characters and across ； and single line breaks; every other cue
    reaches ``window`` characters within its sentence.
    """

    def __init__(
        self,
        cues: list[tuple[int, int, str]],
        barriers: list[int],
        roles: dict[str, str],
        window: int,
        list_barriers: list[int] | None = None,
        list_roles: frozenset[str] = frozenset(),
        list_window: int = 0,
    ) -> None:
        self._cues = cues
        self._ends = [e for _, e, _ in cues]
        self._barriers = barriers
        self._roles = roles
        self._window = window
        self._list_barriers = list_barriers if list_barriers is not None else barriers
        self._list_roles = list_roles
        self._list_window = max(list_window, window)

    def nearest_before(self, pos: int) -> RoleCue | None:
        """The last cue ending at or before ``pos``, within its reach."""
        k = bisect_right(self._ends, pos) - 1
        if k < 0:
            return None
        start, _, cue = self._cues[k]
        role = self._roles[cue]
        if role in self._list_roles:
            window, barriers = self._list_window, self._list_barriers
        else:
            window, barriers = self._window, self._barriers
        b = bisect_right(barriers, pos) - 1
        floor = max(pos - window, barriers[b] if b >= 0 else 0)
        return RoleCue(role, cue, start) if start >= floor else None

    def private_end_before(self, pos: int, reach: int) -> int | None:
        """The end of the last private/party/beneficiary cue within ``reach`` before ``pos``."""
        k = bisect_right(self._ends, pos) - 1
        while k >= 0 and self._ends[k] >= pos - reach:
            if self._roles[self._cues[k][2]] in PRIVATE_ROLES:
                return self._ends[k]
            k -= 1
        return None


class RosterRows:
    """Table rows ``(start, end, header line)`` of a document, looked up by position."""

    def __init__(self, rows: list[tuple[int, int, str]]) -> None:
        self._rows = sorted(rows)
        self._starts = [s for s, _, _ in self._rows]

    def header_at(self, pos: int) -> str | None:
        """The header line of the row containing ``pos``, if ``pos`` lies in a row."""
        k = bisect_right(self._starts, pos) - 1
        if k >= 0 and pos < self._rows[k][1]:
            return self._rows[k][2]
        return None


@dataclass(frozen=True, slots=True)
class RoleCue:
    """A role and the cue that gave it; ``at`` is where that cue starts (-1: a label such as
    电话 that names no owner, so a private person named after it in the clause owns the item)."""

    role: str
    cue: str
    at: int = -1


def _heading_gap(text: str, heads: set[int], pos: int) -> bool:
    """Only a colon and white space lie between a list cue's end and ``pos``."""
    k = pos
    while k > 0 and pos - k < 8 and text[k - 1] in " \t\u3000:：\n":
        k -= 1
    return k in heads


def _on_boundary(word_starts: list[int], pos: int) -> bool:
    i = bisect_left(word_starts, pos)
    return i < len(word_starts) and word_starts[i] == pos


def column_of(text: str, pos: int, header: str) -> tuple[int, list[str]]:
    """The column index of position ``pos`` in its table row, and the header's cells."""
    line_start = text.rfind("\n", 0, pos) + 1
    column = len(CELL_SPLIT.split(text[line_start:pos].lstrip(" "))) - 1
    return column, CELL_SPLIT.split(header.strip())


def sentence_span(text: str, start: int, end: int, reach: int | None = 80) -> tuple[int, int]:
    """Where the sentence containing ``text[start:end]`` begins and ends (at most ``reach``
    characters either side; ``None``: the whole sentence)."""
    lo = 0 if reach is None else max(0, start - reach)
    hi = len(text) if reach is None else min(len(text), end + reach)
    left = max(text.rfind(c, lo, start) for c in _SENTENCE_CHARS)
    m = _SENTENCE_END.search(text, end, hi)
    return (left + 1 if left >= 0 else lo), (m.start() if m else hi)


def sentence_around(text: str, start: int, end: int, reach: int = 80) -> str:
    """The sentence containing ``text[start:end]`` (bounded by ``reach`` characters)."""
    s, e = sentence_span(text, start, end, reach)
    return text[s:e]
