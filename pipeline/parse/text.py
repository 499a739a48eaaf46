"""The parser's view of a document: normalised lines with a way back to the original.

Every pattern runs on the normalised text (simplified characters, half-width digits and
brackets, pinyin noise removed); :meth:`DocView.span` turns a normalised span into an
original ``(start, end)`` and :meth:`DocView.clean` gives the original characters of a span
without the deleted noise (pinyin, zero-width characters), in the original script.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from pipeline.normalise import normalise
from pipeline.normalise.text_normaliser import LOST
from pipeline.parse.model import Span

_BLANKS = " \t\u3000\xa0\f\v"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the normalised text; ``start``/``end`` exclude surrounding blanks."""

    index: int
    start: int
    end: int
    text: str
    raw_start: int = 0
    raw_end: int = 0

    @property
    def blank(self) -> bool:
        return not self.text


class DocView:
    """Normalised text, its lines, and the map back to the original."""

    def __init__(self, original: str) -> None:
        self.original = original
        norm = normalise(original)
        self._norm = norm
        self.text = norm.text
        self.lines: list[Line] = []
        self._line_starts: list[int] = []
        pos = 0
        for i, raw in enumerate(self.text.split("\n")):
            stripped = raw.strip(_BLANKS + "\r")
            lead = len(raw) - len(raw.lstrip(_BLANKS + "\r"))
            start = pos + lead if stripped else pos
            self.lines.append(Line(i, start, start + len(stripped), stripped, pos, pos + len(raw)))
            self._line_starts.append(pos)
            pos += len(raw) + 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalised span."""
        return self._norm.span_to_original(start, end)

    def orig(self, start: int, end: int) -> str:
        """The original slice under a normalised span."""
        s, e = self.span(start, end)
        return self.original[s:e]

    def clean(self, start: int, end: int, join_lines: bool = True) -> str:
        """Original characters of a normalised span, noise removed, whitespace collapsed."""
        offsets, text = self._norm.offsets, self.text
        # a character the mirror's encoding lost (its pinyin deleted) reads □, not "?"
        chars = [
            LOST if text[i] == LOST else self.original[offsets.to_original(i)]
            for i in range(start, end)
        ]
        out = "".join(chars)
        if join_lines:
            out = "".join(part.strip(_BLANKS + "\r") for part in out.split("\n"))
        return " ".join(out.split()) if " " in out or "\u3000" in out else out

    def piece(self, start: int, end: int, join_lines: bool = True) -> Span:
        """A :class:`Span` for the normalised range (original offsets, cleaned value)."""
        s, e = self.span(start, end)
        return Span(s, e, self.original[s:e], self.clean(start, end, join_lines))

    def line_at(self, pos: int) -> Line:
        """The line containing normalised position ``pos``."""
        return self.lines[max(0, bisect_right(self._line_starts, pos) - 1)]

    def next_content(self, index: int, limit: int = 3) -> Line | None:
        """The next non-blank line after line ``index`` within ``limit`` lines."""
        for line in self.lines[index + 1 : index + 1 + limit]:
            if not line.blank:
                return line
        return None

    def prev_content(self, index: int, limit: int = 3) -> Line | None:
        """The previous non-blank line before line ``index`` within ``limit`` lines."""
        for line in reversed(self.lines[max(0, index - limit) : index]):
            if not line.blank:
                return line
        return None
