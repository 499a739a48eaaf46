"""Person names from the project's NER model, run as a cascade over candidate windows.

Running the model over every character would cost far more than all the rules together, so
a cheap, wide first stage (:mod:`pipeline.detect.recognizers.ner_spots`) picks the places
where a name can be — a surname at a token start whatever jieba put after it, a surname
inside an unknown word, any jieba person token, a transliterated name, every name the rules
already reported — and the model reads only a window of the same line around each
(``reach`` characters either side, widened to whole tokens). The windows of one document are
tagged in batches.

What the model says then settles the names of that window:

* a name the model finds where the rules have none is reported (score ``MODEL_SCORE``);
* a name the rules found with other boundaries than the model's (龚育 for 龚育之, 张洁 for
  张洁清) is reported again with the model's boundaries and the rules' cue and score (a
  hair above), so the decide stage still takes its role from the cue;
* a name the rules found without any cue (jieba's bare person tag, 0.55) that the model
  tags as something else (a place, an organisation: 欧佩克, 鹿特丹) and not as a person is
  dropped; one the model merely misses stays.

The rules of the decide stage treat the model's names like any other PERSON detection: the
role comes from the cues around the name, not from the model.
"""

from __future__ import annotations

import os
import sys
from bisect import bisect_left, bisect_right
from functools import cache
from pathlib import Path
from typing import Any

from pipeline.detect.base import DetectContext, Recognizer
from pipeline.detect.recognizers.gazetteer import gazetteer
from pipeline.detect.recognizers.ner_spots import spots
from pipeline.detect.recognizers.person_recognizer import (
    CUE_KINDS,
    NO_CUE_BLOCK,
    NR_POS,
    PLACE_SUFFIX,
    is_cjk,
    surname_len,
)
from pipeline.document import Detection

#: Detection score of a model-only name: above jieba's bare person tag (0.55), below a name
#: with a cue (0.8/0.9), which therefore keeps its cue when the two overlap.
MODEL_SCORE = 0.6
#: A line with at least this many spots per character (one per 100) is read whole: names
#: come in clusters, and a line dense with them holds more the first stage cannot see.
DENSITY = 0.01
#: Longest line read whole; longer ones (paragraphs of a judgment) are read in windows.
WHOLE_LINE = 160
#: Rule names at or below this score that carry no cue may be dropped by the model.
BARE_SCORE = 0.55
#: How much a re-bounded rule name scores above the rule's own detection.
REBOUND_BONUS = 0.001
#: Characters that, after a surname the model reads as a whole name, make it a reference to
#: a person (黄说, 李老师, 唐外长), not the start of a word.
_AFTER_SINGLE = frozenset(
    "说称指表认介讲提强回谈问答告笑老总先女同夫外副再也又则还曾就等和、，。："
)


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


def _within_span(span: tuple[int, int], masked: list[tuple[int, int]]) -> bool:
    s, e = span
    return any(ms <= s and e <= me for ms, me in masked)


def _within(d: Detection, masked: list[tuple[int, int]]) -> bool:
    return bool(masked) and _within_span((d.start, d.end), masked)


def windows_around(
    text: str, spots: list[tuple[int, int]], reach: int, limit: int
) -> list[tuple[int, int]]:
    """Merged windows of ``reach`` characters either side of each spot, cut at line ends
    and at most ``limit`` characters long."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spots):
        line_start = text.rfind("\n", 0, s) + 1
        line_end = text.find("\n", e)
        line_end = len(text) if line_end < 0 else line_end
        ws, we = max(line_start, s - reach), min(line_end, e + reach)
        if out and ws <= out[-1][1] and we - out[-1][0] <= limit:
            out[-1] = (out[-1][0], max(out[-1][1], we))
        else:
            out.append((ws, we))
    return out


def _on_token_edges(ctx: DetectContext, windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Widen each window to whole tokens, so the model never reads half a word (道里区 cut
    to 里区 reads like a name)."""
    starts = ctx.tokens.starts
    n = len(ctx.text)
    out: list[tuple[int, int]] = []
    for s, e in windows:
        i = bisect_right(starts, s) - 1
        j = bisect_left(starts, e)
        ws = starts[i] if i >= 0 else s
        we = starts[j] if j < len(starts) else n
        if "\n" in ctx.text[ws:s] or e - ws > 120:
            ws = s
        if "\n" in ctx.text[e:we] or we - ws > 124:
            we = e
        out.append((ws, we))
    return out


def plausible_name(word: str, after: str = "", person_token: bool = False) -> bool:
    """A model span worth reporting as a person: CJK only (parts may be joined by a dot or
    a dash), no mask, not a cue word or a known false friend, not a place of the gazetteer
    nor, unless it is a surname and a short given name, a word ending like a place; and
    either a surname alone before a verb of speech or a form of address (黄说, 李老师,
    张医生; ``after`` is the next character) or a name of 2–12 characters. The model's
    reading of the context is what makes it a name; ``person_token`` (a jieba person tag
    over the span) is kept for callers that want a second opinion."""
    if "某" in word or not word:
        return False
    parts = [p for p in word.replace("·", " ").replace("—", " ").split() if p]
    if not parts or not all(is_cjk(c) for p in parts for c in p):
        return False
    sl = surname_len(word, 0)
    if sl and len(word) == sl:
        return bool(after) and after in _AFTER_SINGLE
    if word in CUE_KINDS or word in NO_CUE_BLOCK or gazetteer().level(word) is not None:
        return False
    if word[-1] in PLACE_SUFFIX and not (sl and len(word) <= sl + 2):
        return False  # 徐汇区, 阿姆斯特丹港 — but 余德庄, 罗庄 are names
    return 2 <= len(word) <= 12


class NerPersonRecognizer(Recognizer):
    """PERSON from the NER model over candidate windows (see the module docstring)."""

    name = "ner_model"
    entities = ("PERSON",)

    def __init__(
        self,
        tagger: Any,
        reach: int = 10,
        limit: int = 96,
        model_version: str | None = None,
        density: float = DENSITY,
    ) -> None:
        self.tagger = tagger
        self.model_version = model_version
        self.reach = reach
        self.limit = min(limit, tagger.size)
        self.density = density

    def analyze(self, ctx: DetectContext) -> list[Detection]:
        text = ctx.text
        places = candidate_starts(ctx)
        if not places:
            return []
        windows = self._windows(ctx, places)
        tagged = self.tagger.predict_windows(text, windows)
        names = [(s, e) for s, e, label in tagged if label == "PERSON" and not ctx.excluded(s, e)]
        others = [(s, e) for s, e, label in tagged if label != "PERSON"]
        rules = [d for d in ctx.found if d.entity == "PERSON"]
        found: list[Detection] = []
        for s, e in names:
            same = [d for d in rules if d.start < e and s < d.end]
            if any((d.start, d.end) == (s, e) for d in same):
                continue  # the rules have it already
            if not plausible_name(text[s:e], text[e : e + 1], _person_token(ctx, s, e)):
                continue
            if not surname_len(text, s) and not _on_edges(ctx, s, e):
                continue  # 阿尔茨|海默病: a name without a surname must not cut a word
            keep = [d for d in same if d.attrs.get("masked_form") or d.attrs.get("transliterated")]
            if keep:
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
        self._drop_rejected(ctx, others, names)
        return found

    def _windows(self, ctx: DetectContext, places: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Whole lines (up to ``WHOLE_LINE`` characters) where spots are dense (at least
        ``density`` per character), windows around the spots elsewhere."""
        text = ctx.text
        if self.density <= 0:
            return _on_token_edges(ctx, windows_around(text, places, self.reach, self.limit))
        lines: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for s, e in places:
            ls = text.rfind("\n", 0, s) + 1
            le = text.find("\n", e)
            lines.setdefault((ls, len(text) if le < 0 else le), []).append((s, e))
        whole: list[tuple[int, int]] = []
        sparse: list[tuple[int, int]] = []
        for (ls, le), spots_in in lines.items():
            if le - ls <= WHOLE_LINE and len(spots_in) >= self.density * (le - ls):
                whole.append((ls, le))
            else:
                sparse.extend(spots_in)
        out = _on_token_edges(ctx, windows_around(text, sparse, self.reach, self.limit))
        return sorted(out + whole)

    @staticmethod
    def _drop_rejected(
        ctx: DetectContext, others: list[tuple[int, int]], names: list[tuple[int, int]]
    ) -> None:
        """Remove from ``ctx.found`` the bare rule names (no cue) that the model took for
        something else — a place, an organisation, a title — and not for a person. Silence
        is not enough: a name the model merely misses (储佳琪) stays, so a miss of the model
        never hides a name the rules found."""

        def read(d: Detection) -> bool:
            return any(s < d.end and d.start < e for s, e in others)

        def rejected(d: Detection) -> bool:
            return (
                d.entity == "PERSON"
                and d.score <= BARE_SCORE
                and not d.attrs.get("cue")
                and d.attrs.get("via") == "nr"
                and read(d)
                and not any(s < d.end and d.start < e for s, e in names)
            )

        if any(rejected(d) for d in ctx.found):
            ctx.found[:] = [d for d in ctx.found if not rejected(d)]


def _on_edges(ctx: DetectContext, s: int, e: int) -> bool:
    """Whether ``[s, e)`` starts and ends on jieba token boundaries."""
    starts = ctx.tokens.starts
    i, j = bisect_left(starts, s), bisect_left(starts, e)
    at_s = i < len(starts) and starts[i] == s
    at_e = e >= len(ctx.text) or (j < len(starts) and starts[j] == e)
    return at_s and at_e


def _person_token(ctx: DetectContext, s: int, e: int) -> bool:
    """Whether a jieba person token overlaps ``[s, e)``."""
    toks = ctx.tokens
    i = max(0, bisect_right(toks.starts, s) - 1)
    while i < len(toks.starts) and toks.starts[i] < e:
        if toks.flags[i] in NR_POS:
            return True
        i += 1
    return False


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
