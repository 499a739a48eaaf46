"""Person names from the project's NER model, run as a cascade over candidate windows.

Running the model over every character would cost far more than all the rules together, so
a cheap, wide first stage (:mod:`pipeline.detect.recognizers.ner_spots`) picks the places
where a name can be — a surname at a token start whatever jieba put after it, a surname
inside an unknown word, any jieba person token, a transliterated name, every name the rules
already reported — and the model reads only a window of the same line around each
(``reach`` characters either side, widened to whole tokens). A short text is read whole;
a longer one in priority order up to a share of its characters
(:mod:`pipeline.detect.recognizers.ner_budget`: spots the rules left open first, names the
rules found with a cue last; what is not read stays with the rules). The windows of one
document are tagged in batches.

What the model says then settles the names of that window:

* a name the model finds where the rules have none is reported (score ``MODEL_SCORE``);
* a name the rules found with other boundaries than the model's (龚育 for 龚育之, 张洁 for
  张洁清) is reported again with the model's boundaries and the rules' cue and score (a
  hair above), so the decide stage still takes its role from the cue;
* a name the rules found without any cue (jieba's bare person tag, 0.55) that the model
  tags as something else (a place, an organisation: 欧佩克, 鹿特丹), or that is a dictionary
  word without a given-name character the model reads without tagging it (冷不丁), is
  dropped; one the model merely misses stays (储佳琪).

Which model spans are reported: :mod:`pipeline.detect.recognizers.ner_filter`.

The rules of the decide stage treat the model's names like any other PERSON detection: the
role comes from the cues around the name, not from the model.
"""

from __future__ import annotations

import os
import sys
from bisect import bisect_right
from functools import cache
from pathlib import Path
from typing import Any

from pipeline.detect.base import DetectContext, Recognizer
from pipeline.detect.recognizers.ner_budget import (
    SHARE,
    SHORT,
    cjk_lines,
    on_token_edges,
    take,
    windows_around,
)
from pipeline.detect.recognizers.ner_filter import (
    on_edges,
    ordinary_token,
    overlaps,
    person_token,
    plausible_name,
    wordlike,
)
from pipeline.detect.recognizers.ner_spots import spots
from pipeline.detect.recognizers.person_recognizer import surname_len
from pipeline.document import Detection

#: Detection score of a model-only name: above jieba's bare person tag (0.55), below a name
#: with a cue (0.8/0.9), which therefore keeps its cue when the two overlap.
MODEL_SCORE = 0.6
#: A line with at least this many spots per character (one per 100) is read whole: names
#: come in clusters, and a line dense with them holds more the first stage cannot see.
DENSITY = 0.01
#: Longest line read whole; longer ones (paragraphs of a judgment) are read in windows.
WHOLE_LINE = 160
#: Rule names with a cue at or above this score are read last (their role is settled).
CUED_SCORE = 0.8
#: Rule names at or below this score that carry no cue may be dropped by the model.
BARE_SCORE = 0.55
#: How much a re-bounded rule name scores above the rule's own detection.
REBOUND_BONUS = 0.001


def candidate_starts(ctx: DetectContext) -> list[tuple[int, int]]:
    """(start, end) of the places where a name may be, in normalised offsets (see
    :mod:`pipeline.detect.recognizers.ner_spots`) plus every PERSON reported so far except
    masked names (张某, 李某某: their boundary is the mask's), and no spot inside one."""
    masked = [
        (d.start, d.end) for d in ctx.found if d.entity == "PERSON" and d.attrs.get("masked_form")
    ]
    found = [(d.start, d.end) for d in ctx.found if d.entity == "PERSON" and not _within(d, masked)]
    own = [sp for sp in spots(ctx) if not masked or not _within_span(sp, masked)]
    return sorted(set(own) | set(found))


def candidate_classes(
    ctx: DetectContext,
) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]:
    """The places of :func:`candidate_starts` in three classes: spots no rule name overlaps
    (the rules left them open), bare rule names (no cue) with the spots on them, and rule
    names with a cue with the spots on them."""
    n = len(ctx.text)
    mark = bytearray(n)
    bare: list[tuple[int, int]] = []
    cued: list[tuple[int, int]] = []
    masked = [
        (d.start, d.end) for d in ctx.found if d.entity == "PERSON" and d.attrs.get("masked_form")
    ]
    for d in ctx.found:
        if d.entity != "PERSON" or _within(d, masked):
            continue
        if d.attrs.get("cue") and d.score >= CUED_SCORE:
            cued.append((d.start, d.end))
            mark[d.start : d.end] = b"\x02" * (d.end - d.start)
        else:
            bare.append((d.start, d.end))
    for s, e in bare:
        mark[s:e] = b"\x01" * (e - s)
    open_: list[tuple[int, int]] = []
    for sp in spots(ctx):
        if masked and _within_span(sp, masked):
            continue
        s, e = sp
        if mark.find(1, s, e) >= 0:
            bare.append(sp)
        elif mark.find(2, s, e) >= 0:
            cued.append(sp)
        else:
            open_.append(sp)
    return sorted(set(open_)), sorted(set(bare)), sorted(set(cued))


def _within_span(span: tuple[int, int], masked: list[tuple[int, int]]) -> bool:
    s, e = span
    return any(ms <= s and e <= me for ms, me in masked)


def _within(d: Detection, masked: list[tuple[int, int]]) -> bool:
    return bool(masked) and _within_span((d.start, d.end), masked)


class NerPersonRecognizer(Recognizer):
    """PERSON from the NER model over candidate windows (see the module docstring)."""

    name = "ner_model"
    entities = ("PERSON",)

    def __init__(
        self,
        tagger: Any,
        reach: int = 6,
        limit: int = 96,
        model_version: str | None = None,
        density: float = DENSITY,
        short: int = SHORT,
        share: float = SHARE,
        cue_reach: int | None = None,
    ) -> None:
        self.tagger = tagger
        self.model_version = model_version
        self.reach = reach
        self.limit = min(limit, tagger.size)
        self.density = density
        #: texts up to ``short`` characters are read whole; longer ones up to ``share`` of
        #: their characters (at least ``short``), in priority order (ner_budget.py)
        self.short, self.share = short, share
        self.cue_reach = reach if cue_reach is None else cue_reach

    def analyze(self, ctx: DetectContext) -> list[Detection]:
        text = ctx.text
        windows = cjk_lines(text) if len(text) <= self.short else self._plan(ctx)
        if not windows:
            return []
        tagged = self.tagger.predict_windows(text, windows)
        names = [(s, e) for s, e, label in tagged if label == "PERSON" and not ctx.excluded(s, e)]
        others = [(s, e) for s, e, label in tagged if label != "PERSON"]
        rules = [d for d in ctx.found if d.entity == "PERSON"]
        found: list[Detection] = []
        for s, e in names:
            same = [d for d in rules if d.start < e and s < d.end]
            if any((d.start, d.end) == (s, e) for d in same):
                continue  # the rules have it already
            before = text[s - 1 : s] if s else ""
            if not plausible_name(text[s:e], text[e : e + 2], person_token(ctx, s, e), before):
                continue
            if not same and ordinary_token(ctx, s, e):
                continue  # 仲裁申请, 首席仲裁员: the act or the post, not a person
            if not surname_len(text, s) and not on_edges(ctx, s, e):
                continue  # 阿尔茨|海默病: a name without a surname must not cut a word
            if any(_keeps_boundary(text, d, s, e) for d in same):
                continue  # 张某某 and dotted names: the rules' boundary is the right one
            if same:
                best = max(same, key=lambda d: d.score)
                attrs = {**best.attrs, "rebound_from": (best.start, best.end)}
                score = best.score + REBOUND_BONUS
                found.append(
                    Detection("PERSON", s, e, score, best.recognizer, best.explanation, attrs)
                )
                continue
            attrs = {"cue": None, "cue_kind": None, "via": "ner"}
            found.append(Detection("PERSON", s, e, MODEL_SCORE, self.name, "姓名(模型)", attrs))
        self._drop_rejected(ctx, others, names, windows)
        return found

    def _plan(self, ctx: DetectContext) -> list[tuple[int, int]]:
        """The windows of a longer document in priority order under the budget
        (:mod:`pipeline.detect.recognizers.ner_budget`)."""
        text = ctx.text
        open_, bare, cued = candidate_classes(ctx)
        if not (open_ or bare or cued):
            return []

        def around(places: list[tuple[int, int]], reach: int) -> list[tuple[int, int]]:
            return on_token_edges(ctx, windows_around(text, places, reach, self.limit))

        classes = [around(open_, self.reach), around(bare, self.reach)]
        classes.append(self._dense_lines(text, sorted(open_ + bare + cued)))
        classes.append(around(cued, self.cue_reach))
        budget = max(self.short, self.share * len(text))
        windows, _ = take(len(text), classes, budget)
        return windows

    def _dense_lines(self, text: str, places: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Lines of up to ``WHOLE_LINE`` characters with at least ``density`` spots per
        character (none when ``density`` is 0)."""
        if self.density <= 0:
            return []
        lines: dict[tuple[int, int], int] = {}
        for s, e in places:
            ls = text.rfind("\n", 0, s) + 1
            le = text.find("\n", e)
            key = (ls, len(text) if le < 0 else le)
            lines[key] = lines.get(key, 0) + 1
        return [
            (ls, le)
            for (ls, le), k in sorted(lines.items())
            if le - ls <= WHOLE_LINE and k >= self.density * (le - ls)
        ]

    @staticmethod
    def _drop_rejected(
        ctx: DetectContext,
        others: list[tuple[int, int]],
        names: list[tuple[int, int]],
        windows: list[tuple[int, int]],
    ) -> None:
        """Remove from ``ctx.found`` the bare rule names (jieba's person tag, no cue) that the
        model read and did not take for a person, when it took them for something else — a
        place, an organisation, a title (欧佩克, 鹿特丹) — or when the span is a dictionary word
        without a given-name character (冷不丁, 桑塔纳: :func:`ner_filter.wordlike`; two
        signals against one). Silence alone is not enough: a name the model merely misses
        (储佳琪 in no dictionary, 罗小梅 in jieba's) stays, so a miss of the model never hides
        a name the rules found."""
        text = ctx.text
        names = sorted(names)
        read_as_other = sorted(others)

        def rejected(d: Detection) -> bool:
            if not (
                d.entity == "PERSON"
                and d.score <= BARE_SCORE
                and not d.attrs.get("cue")
                and d.attrs.get("via") == "nr"
            ) or overlaps(names, d.start, d.end):
                return False
            if overlaps(read_as_other, d.start, d.end):
                return True
            return wordlike(text[d.start : d.end]) and _inside(windows, d.start, d.end)

        if any(rejected(d) for d in ctx.found):
            ctx.found[:] = [d for d in ctx.found if not rejected(d)]


def _inside(windows: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether ``[s, e)`` lies inside one of the sorted, non-overlapping ``windows``."""
    k = bisect_right(windows, (s, sys.maxsize)) - 1
    return k >= 0 and windows[k][0] <= s and e <= windows[k][1]


def _keeps_boundary(text: str, d: Detection, s: int, e: int) -> bool:
    """A rule name whose boundary the model does not change: a masked name (张某某), or a
    dotted name the model would cut (穆罕默|德·阿卜杜勒) — one it only extends
    (迈克尔·托马 → 迈克尔·托马肖) takes the model's boundary — or a roster's name cell,
    which is the whole name, or a name right after its cue that the model shortens by
    exactly its surname (者苏兰, 之妻冶海燕: the model drops a rare surname it reads as a word)."""
    if d.attrs.get("masked_form"):
        return True
    if d.attrs.get("roster") and d.start <= s and e <= d.end:
        return True
    if d.attrs.get("via") == "cue" and e == d.end and s > d.start:
        # 之妻冶海燕: the model's 海燕 drops the surname the cue's name starts with
        return surname_len(text, d.start) == s - d.start
    # a dotted name the model widens to the left takes in the word before it (患儿|阿依古丽·…)
    return bool(d.attrs.get("transliterated")) and not (s == d.start and d.end <= e)


def ner_enabled() -> bool:
    """The model joins the default screener unless ``ZWGK_NER`` is 0/off/false."""
    return os.environ.get("ZWGK_NER", "1").strip().lower() not in ("0", "off", "false", "no")


@cache
def load_default(model_dir: str | None = None) -> NerPersonRecognizer | None:
    """The recognizer over the newest shipped model (hashes verified), or ``None`` with a
    warning on stderr when no model or no onnxruntime is available."""
    from pipeline.ner.artifact import ArtifactError, latest
    from pipeline.ner.inference import NerTagger

    path = Path(model_dir) if model_dir else latest()
    if path is None:
        print("zwgk: 未找到 NER 模型（models/ner/），仅用规则识别人名", file=sys.stderr)
        return None
    try:
        tagger = NerTagger.load(path, backend="onnx")
    except (ImportError, FileNotFoundError, ArtifactError) as exc:
        print(f"zwgk: NER 模型不可用（{exc}），仅用规则识别人名", file=sys.stderr)
        return None
    return NerPersonRecognizer(tagger, model_version=path.name)
