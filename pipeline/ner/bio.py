"""Labels, BIO tags per character and the conversion back to entity spans."""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
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
    """BIO-constrained Viterbi for a padded batch ``(B, T, K)`` (rows are decoded up to
    their own length).

    A few short windows (the cascade's usual batch) are decoded row by row in plain Python,
    over the allowed transitions only; larger batches in one numpy loop over positions,
    which runs every row to ``T`` (a row's scores past its end are never read back) and
    starts each row's backtrack at its own last position."""
    import numpy as np

    scores = np.asarray(scores, dtype=np.float64)
    rows, steps, k = scores.shape
    if rows == 0 or steps == 0:
        return [[] for _ in range(rows)]
    start, trans, preds = _constraints(tuple(tags), _key(transitions))
    if sum(min(int(n), steps) for n in lengths) < _PY_STEPS * steps:
        return [
            _viterbi_row(scores[r, : max(1, min(int(n), steps))].tolist(), start, preds)
            if n
            else []
            for r, n in enumerate(lengths)
        ]
    lengths_arr = np.asarray(lengths, dtype=np.int64)
    best = scores[:, 0] + start
    history = np.empty((rows, steps, k))
    history[:, 0] = best
    back = np.empty((rows, steps, k), dtype=np.intp)
    flat = np.arange(rows * k)
    for t in range(1, steps):
        cand = best[:, None, :] + trans  # (row, current, previous)
        arg = cand.argmax(-1)
        back[:, t] = arg
        best = cand.reshape(-1, k)[flat, arg.ravel()].reshape(rows, k) + scores[:, t]
        history[:, t] = best
    index = np.arange(rows)
    last = np.clip(lengths_arr, 1, steps) - 1
    end_tag = history[index, last].argmax(1)
    path = np.empty((rows, steps), dtype=np.intp)
    cur = end_tag
    for t in range(steps - 1, -1, -1):
        cur = np.where(last == t, end_tag, cur)
        path[:, t] = cur
        if t:
            cur = back[index, t, cur]
    return [path[r, : int(n)].tolist() for r, n in enumerate(lengths_arr)]


#: Below this many characters per position of the longest row, rows are decoded in Python.
_PY_STEPS = 3


def _viterbi_row(
    emissions: list[list[float]], start: Any, preds: tuple[tuple[tuple[int, float], ...], ...]
) -> list[int]:
    """Viterbi of one row in plain Python; ``preds[j]`` = the allowed (previous tag, score)
    pairs before tag ``j`` in tag order (ties go to the lowest tag id, as numpy's argmax)."""
    best = [e + s for e, s in zip(emissions[0], start.tolist(), strict=True)]
    backs: list[list[int]] = []
    for row in emissions[1:]:
        nxt: list[float] = []
        arg: list[int] = []
        for j, pairs in enumerate(preds):
            top, at = -math.inf, 0
            for i, w in pairs:
                v = best[i] + w
                if v > top:
                    top, at = v, i
            nxt.append(top + row[j])
            arg.append(at)
        best = nxt
        backs.append(arg)
    cur = max(range(len(best)), key=best.__getitem__)
    path = [cur]
    for arg in reversed(backs):
        cur = arg[cur]
        path.append(cur)
    path.reverse()
    return path


def _key(transitions: Any) -> tuple[tuple[float, ...], ...] | None:
    """A hashable copy of the CRF transitions (``None`` without a CRF)."""
    if transitions is None:
        return None
    return tuple(tuple(float(x) for x in row) for row in transitions)


@lru_cache(maxsize=8)
def _constraints(
    tags: tuple[str, ...], transitions: tuple[tuple[float, ...], ...] | None
) -> tuple[Any, Any, tuple[tuple[tuple[int, float], ...], ...]]:
    """``(start, trans, preds)``: score arrays: the BIO constraints as ``-inf`` plus the CRF's
    learnt transitions (computed once per tag set and model)."""
    import numpy as np

    may_start, may_follow = allowed_transitions(tags)
    trans = np.where(np.array(may_follow), 0.0, -np.inf)
    if transitions is not None:
        trans = trans + np.asarray(transitions, dtype=np.float64)
    start = np.where(np.array(may_start), 0.0, -np.inf)
    preds = tuple(
        tuple((i, float(trans[i, j])) for i in range(len(tags)) if may_follow[i][j])
        for j in range(len(tags))
    )
    return start, trans.T.copy()[None], preds
