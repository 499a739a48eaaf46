"""Labels, BIO tags per character and the conversion back to entity spans."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

#: The labels the model predicts, in tag-id order.
DEFAULT_LABELS: tuple[str, ...] = ("PERSON", "LOCATION", "ORG", "TITLE", "ADDRESS")


class Span(NamedTuple):
    """An entity: character offsets (end exclusive) and a label."""

    start: int
    end: int
    label: str


def tag_names(labels: Sequence[str]) -> list[str]:
    """``O`` then ``B-X``, ``I-X`` for every label X: index = tag id."""
    return ["O", *(f"{p}-{lab}" for lab in labels for p in ("B", "I"))]


def spans_to_bio(length: int, spans: Sequence[Span]) -> list[str]:
    """One tag per character. Spans must be disjoint and inside ``[0, length)``."""
    tags = ["O"] * length
    for s in sorted(spans):
        if not 0 <= s.start < s.end <= length:
            raise ValueError(f"span {s} outside a text of {length} characters")
        if any(t != "O" for t in tags[s.start : s.end]):
            raise ValueError(f"span {s} overlaps another span")
        tags[s.start] = f"B-{s.label}"
        for i in range(s.start + 1, s.end):
            tags[i] = f"I-{s.label}"
    return tags


def bio_to_spans(tags: Sequence[str]) -> list[Span]:
    """Spans from per-character tags (conlleval convention).

    An ``I-X`` that does not continue an entity of label X (after ``O``, after another label,
    or at the start) opens a new entity, so a model's stray ``I`` tags are not lost.
    Unknown tags count as ``O``.
    """
    spans: list[Span] = []
    start = -1
    label = ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, lab = tag.partition("-")
        if prefix not in ("B", "I") or not lab:
            prefix, lab = "O", ""
        continues = prefix == "I" and lab == label and start >= 0
        if start >= 0 and not continues:
            spans.append(Span(start, i, label))
            start, label = -1, ""
        if prefix in ("B", "I") and not continues:
            start, label = i, lab
    return spans
