"""Map positions in normalised text back to the original text.

Normalisation only ever *deletes* characters (after a length-preserving character map), so
the normalised text is a sequence of kept pieces of the original. Each piece is recorded as
``(normalised start, original start)``; a bisect finds the piece for any position.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable


class OffsetMap:
    """Position translation from normalised text to the original text."""

    __slots__ = ("_norm_starts", "_orig_starts", "norm_length", "orig_length")

    def __init__(self, kept: Iterable[tuple[int, int]], orig_length: int) -> None:
        """``kept`` lists the kept original ranges ``(start, end)`` in order."""
        self._norm_starts: list[int] = []
        self._orig_starts: list[int] = []
        pos = 0
        for start, end in kept:
            if end <= start:
                continue
            self._norm_starts.append(pos)
            self._orig_starts.append(start)
            pos += end - start
        self.norm_length = pos
        self.orig_length = orig_length

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls([(0, length)], length)

    @property
    def is_identity(self) -> bool:
        return self.norm_length == self.orig_length

    def to_original(self, pos: int) -> int:
        """Original index of the character at normalised index ``pos``."""
        if self.is_identity or not self._norm_starts:
            return pos
        if pos >= self.norm_length:
            return self.orig_length
        k = bisect_right(self._norm_starts, pos) - 1
        return self._orig_starts[k] + (pos - self._norm_starts[k])

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of a normalised span, end exclusive.

        Deleted characters inside the span (a separator, a zero-width space) stay inside it;
        deleted characters at its edges stay outside.
        """
        if self.is_identity:
            return start, end
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original(end - 1) + 1
