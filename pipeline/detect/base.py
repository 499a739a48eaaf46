"""What every recognizer is: a named detector of some entities over normalised text."""

from __future__ import annotations

from abc import ABC, abstractmethod
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, ClassVar

from pipeline.document import Detection
from pipeline.normalise import NormalisedText

if TYPE_CHECKING:
    from pipeline.detect.segmenter import TokenSequence


@dataclass(slots=True)
class Token:
    """A segmented word with its jieba POS tag and offsets into the normalised text."""

    word: str
    pos: str
    start: int
    end: int


@dataclass
class DetectContext:
    """The input every recognizer reads: normalised text plus lazily computed views.

    Views are computed once per document and shared, so the first recognizer that needs
    tokens pays for segmentation and the others reuse them.
    """

    source: NormalisedText
    #: Spans (normalised offsets) known NOT to be personal information, e.g. 文号, hotlines,
    #: organisation codes, already-masked values. Filled by the exclusion pass.
    exclusions: list[tuple[int, int, str]] = field(default_factory=list)
    #: Regions recognizers mark for later stages, as (kind, start, end, info) in normalised
    #: offsets, e.g. ("roster", row_start, row_end, header_line_text) for a roster row.
    annotations: list[tuple[str, int, int, str]] = field(default_factory=list)
    #: What the recognizers before this one found (the engine appends as it goes), so a
    #: costly recognizer late in the list can skip what is already settled.
    found: list[Detection] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.source.text

    @cached_property
    def tokens(self) -> TokenSequence:
        from pipeline.detect.segmenter import tag  # lazy: segmenter loads a dictionary

        return tag(self.text)

    def excluded(self, start: int, end: int) -> str | None:
        """The reason a span lies inside a known non-PI span, if it does (O(log n))."""
        index = self._exclusion_index
        if index.size != len(self.exclusions):  # exclusions were replaced or extended
            index = self.__dict__["_exclusion_index"] = SpanIndex(self.exclusions)
        return index.containing(start, end)

    @cached_property
    def _exclusion_index(self) -> SpanIndex:
        return SpanIndex(self.exclusions)


class SpanIndex:
    """Answers "which stored span contains [start, end)?" and "does any overlap it?" by
    bisection."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self.size = len(spans)
        self._spans = sorted(spans)
        self._starts = [s for s, _, _ in self._spans]
        self._reach: list[int] = []  # furthest end among spans starting at or before i
        furthest = -1
        for _, e, _ in self._spans:
            furthest = max(furthest, e)
            self._reach.append(furthest)

    def containing(self, start: int, end: int) -> str | None:
        k = bisect_right(self._starts, start) - 1
        if k < 0 or self._reach[k] < end:
            return None
        while self._spans[k][1] < end:  # a span at or before k reaches `end`: find it
            k -= 1
        return self._spans[k][2]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any stored span shares a character with ``[start, end)``."""
        k = bisect_left(self._starts, end) - 1
        return k >= 0 and self._reach[k] > start


class Recognizer(ABC):
    """Finds entities in a :class:`DetectContext`; offsets are normalised-text indices."""

    name: ClassVar[str]
    entities: ClassVar[tuple[str, ...]]

    @abstractmethod
    def analyze(self, ctx: DetectContext) -> list[Detection]:
        """Return detections in normalised-text offsets."""
