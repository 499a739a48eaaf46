"""Run the recognizers over a document and return detections in ORIGINAL offsets."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Sequence

from pipeline.detect.base import DetectContext, Recognizer
from pipeline.detect.unit_names import drop_unit_names
from pipeline.document import Detection
from pipeline.normalise import NormalisedText, normalise


def resolve_overlaps(detections: list[Detection]) -> list[Detection]:
    """Keep the best of overlapping detections: higher score, then longer span.

    Sensitive-category detections (HEALTH …) describe a person rather than occupy the same
    characters as an identifier, so they never knock out, or get knocked out by, others.
    Kept spans of a group are disjoint and sorted, so only the neighbours of a candidate
    can overlap it: O(n log n).
    """
    ranked = sorted(detections, key=lambda d: (-d.score, -(d.end - d.start), d.start))
    kept: list[Detection] = []
    taken: dict[bool, list[tuple[int, int]]] = {True: [], False: []}
    for det in ranked:
        spans = taken[det.entity in _CATEGORY]
        i = bisect_left(spans, (det.start,))
        if (i < len(spans) and spans[i][0] < det.end) or (i > 0 and spans[i - 1][1] > det.start):
            continue
        insort(spans, (det.start, det.end))
        kept.append(det)
    kept.sort(key=lambda d: (d.start, d.end))
    return kept


_CATEGORY = {"HEALTH", "RELIGION", "ETHNICITY", "CRIMINAL_RECORD", "MINOR", "BIOMETRIC"}


class DetectionEngine:
    """Holds the recognizers; ``detect`` is the whole detect stage for one document."""

    def __init__(self, recognizers: Sequence[Recognizer], exclusion_finder=None) -> None:
        self.recognizers = list(recognizers)
        self.exclusion_finder = exclusion_finder

    def detect_normalised(self, source: NormalisedText) -> tuple[DetectContext, list[Detection]]:
        """Detections in normalised offsets, plus the context (for the decide stage)."""
        ctx = DetectContext(source)
        if self.exclusion_finder is not None:
            ctx.exclusions = self.exclusion_finder(source.text)
        for recognizer in self.recognizers:
            ctx.found.extend(recognizer.analyze(ctx))
        return ctx, resolve_overlaps(drop_unit_names(ctx, ctx.found))

    def detect(self, text: str) -> list[Detection]:
        """Detections for ``text`` with offsets into ``text`` itself."""
        source = normalise(text)
        _, found = self.detect_normalised(source)
        return [to_original(source, d) for d in found]


def to_original(source: NormalisedText, det: Detection) -> Detection:
    """The same detection in original offsets (``*_at`` attributes are mapped too)."""
    start, end = source.span_to_original(det.start, det.end)
    attrs = det.attrs
    moved = {
        key: source.offsets.to_original(value)
        for key, value in attrs.items()
        if key.endswith("_at") and isinstance(value, int)
    }
    if moved:
        attrs = {**attrs, **moved}
    return Detection(det.entity, start, end, det.score, det.recognizer, det.explanation, attrs)
