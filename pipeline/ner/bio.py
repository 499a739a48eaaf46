"""Labels, BIO tags per character and the conversion back to entity spans."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

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


def allowed_transitions(tags: Sequence[str]) -> tuple[list[bool], list[list[bool]]]:
    """BIO constraints: ``(may_start[j], may_follow[i][j])``.

    ``I-X`` may only follow ``B-X`` or ``I-X``; nothing else is restricted.
    """

    def ok(prev: str | None, cur: str) -> bool:
        if not cur.startswith("I-"):
            return True
        return prev is not None and prev[2:] == cur[2:] and prev[:2] in ("B-", "I-")

    start = [ok(None, t) for t in tags]
    follow = [[ok(p, t) for t in tags] for p in tags]
    return start, follow


def viterbi_decode(scores: Any, tags: Sequence[str], transitions: Any = None) -> list[int]:
    """The best tag-id sequence under BIO constraints.

    ``scores`` is an ``(n, len(tags))`` array of per-character log-probabilities (or CRF
    emission scores, with the CRF's learnt ``transitions[previous][current]``). A
    per-character argmax can emit ``B-ORG I-PERSON I-ORG``; constrained decoding picks the
    best *valid* sequence instead, which is what exact-span scoring rewards.
    """
    import numpy as np

    scores = np.asarray(scores, dtype=np.float64)
    return viterbi_batch(scores[None], [len(scores)], tags, transitions)[0]


def viterbi_batch(
    scores: Any, lengths: Sequence[int], tags: Sequence[str], transitions: Any = None
) -> list[list[int]]:
    """BIO-constrained Viterbi for a padded batch ``(B, T, K)`` at once: one loop over
    positions instead of one per window (rows are decoded up to their own length)."""
    import numpy as np

    scores = np.asarray(scores, dtype=np.float64)
    rows, steps, k = scores.shape
    if rows == 0 or steps == 0:
        return [[] for _ in range(rows)]
    may_start, may_follow = allowed_transitions(tags)
    trans = np.where(np.array(may_follow), 0.0, -np.inf)
    if transitions is not None:
        trans = trans + np.asarray(transitions, dtype=np.float64)
    lengths_arr = np.asarray(lengths)
    best = scores[:, 0] + np.where(np.array(may_start), 0.0, -np.inf)
    back = np.zeros((rows, steps, k), dtype=np.int64)
    keep = np.arange(k)
    for t in range(1, steps):
        cand = best[:, :, None] + trans[None]
        live = (t < lengths_arr)[:, None]
        back[:, t] = np.where(live, cand.argmax(1), keep[None])
        best = np.where(live, cand.max(1) + scores[:, t], best)
    # backtrack all rows at once: past a row's end ``back`` is the identity, so its path
    # stays on its last tag until t reaches its length
    path = np.empty((rows, steps), dtype=np.int64)
    path[:, -1] = best.argmax(1)
    index = np.arange(rows)
    for t in range(steps - 1, 0, -1):
        path[:, t - 1] = back[index, t, path[:, t]]
    return [path[r, : int(n)].tolist() for r, n in enumerate(lengths_arr)]
