"""Replacements in text offsets, split over the pieces of a file the text came from."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Protocol

Replacement = tuple[int, int, str]


class Slot(Protocol):
    """A piece of the extracted text (a DOCX run, a spreadsheet cell) at ``[start, end)``."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def slot_edits(slots: Sequence[Slot], reps: list[Replacement]) -> dict[int, list[Replacement]]:
    """Replacements per slot index, in offsets of that slot's own text. A span crossing slots
    puts the new text in the first and blanks its part of the others."""
    starts = [s.start for s in slots]
    edits: dict[int, list[Replacement]] = {}
    for start, end, new in reps:
        k = max(0, bisect_right(starts, start) - 1)
        first = True
        while k < len(slots) and slots[k].start < end:
            slot = slots[k]
            a, b = max(start, slot.start), min(end, slot.end)
            if a < b:
                edits.setdefault(k, []).append(
                    (a - slot.start, b - slot.start, new if first else "")
                )
                first = False
            k += 1
    return edits
