"""What every recognizer is: a named detector of some entities over normalised text."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar

from pipeline.document import Detection
from pipeline.normalise import NormalisedText


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

    @property
    def text(self) -> str:
        return self.source.text

    @cached_property
    def tokens(self) -> list[Token]:
        from pipeline.detect.segmenter import tag  # lazy: segmenter loads a dictionary

        return tag(self.text)

    def excluded(self, start: int, end: int) -> str | None:
        """The reason a span lies inside a known non-PI span, if it does."""
        for s, e, why in self.exclusions:
            if s <= start and end <= e:
                return why
        return None


class Recognizer(ABC):
    """Finds entities in a :class:`DetectContext`; offsets are normalised-text indices."""

    name: ClassVar[str]
    entities: ClassVar[tuple[str, ...]]

    @abstractmethod
    def analyze(self, ctx: DetectContext) -> list[Detection]:
        """Return detections in normalised-text offsets."""
