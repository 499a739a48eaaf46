"""Person names from the project's NER model, run as a cascade over candidate windows.

Running the model over every character would cost far more than all the rules together, so
a cheap first stage picks the places where a name can start — a surname at a token start
that jieba tags as a person, or a surname standing alone before a short out-of-dictionary
remainder (张|晓|明, 鲍|国权) — and the model reads only a short window of the same line
around each (``reach`` characters either side). Windows of one document are tagged in
batches. The rules of the decide stage treat the model's names like any other PERSON
detection: the role comes from the cues around the name, not from the model.
"""

from __future__ import annotations

import os
import sys
from bisect import bisect_left, bisect_right
from functools import cache
from pathlib import Path
from typing import Any

from pipeline.detect.base import DetectContext, Recognizer, SpanIndex
from pipeline.detect.recognizers.gazetteer import gazetteer
from pipeline.detect.recognizers.person_recognizer import (
    _NO_CUE_SURNAME,
    COMPOUND_SURNAMES,
    CUE_KINDS,
    NO_CUE_BLOCK,
    NR_POS,
    PLACE_SUFFIX,
    SURNAMES,
    _has_word,
    is_cjk,
    surname_len,
)
from pipeline.document import Detection

#: Detection score of a model-only name: above jieba's bare person tag (0.55), below a name
#: with a context cue (0.8/0.9), which therefore keeps its own span when the two overlap.
MODEL_SCORE = 0.6
#: Spots already covered by a detection at least this good — any name the rules report,
#: jieba's bare person tag (0.55) included — are not shown to the model: it could only move
#: their boundary, and on the labelled sets that changed nothing (docs/ner.md).
SETTLED = 0.5


_SURNAME_FIRST = frozenset(SURNAMES) | {c[0] for c in COMPOUND_SURNAMES}


def candidate_starts(ctx: DetectContext) -> list[tuple[int, int]]:
    """(start, end) of the places where a name may be: the surname plus what jieba put after
    it, in normalised offsets. Places, cue words and dictionary words are not candidates;
    neither is a name an earlier recognizer already reported (score ≥ ``SETTLED``)."""
    toks = ctx.tokens
    words, flags, starts = toks.words, toks.flags, toks.starts
    settled = SpanIndex([(d.start, d.end, d.entity) for d in ctx.found if d.score >= SETTLED])
    out: list[tuple[int, int]] = []
    for i, word in enumerate(words):
        if word[:1] not in _SURNAME_FIRST:
            continue  # most tokens: one set lookup instead of the surname check
        sl = surname_len(word, 0)
        if not sl:
            continue
        s = starts[i]
        if settled.overlaps(s, s + len(word)):
            continue
        if flags[i] in NR_POS:
            if len(word) > sl and _spot_ok(word):
                out.append((s, s + len(word)))
        elif len(word) == sl and i + 1 < len(words):
            nxt = words[i + 1]
            if (
                (sl == 2 or word not in _NO_CUE_SURNAME)
                and len(nxt) <= 2
                and all(is_cjk(c) for c in nxt)
            ):
                out.append((s, s + sl + len(nxt)))
        elif sl + 1 <= len(word) <= sl + 2 and not _has_word(word) and _spot_ok(word):
            out.append((s, s + len(word)))  # an out-of-dictionary word found by jieba's HMM
    return out


def _spot_ok(word: str) -> bool:
    if len(word) == 2 and _has_word(word):
        return False  # 阳光, 权威: dictionary words jieba tags as names
    return _not_place_or_cue(word)


def _not_place_or_cue(word: str) -> bool:
    """Not a cue word, a known false friend, or a place (by suffix or the gazetteer)."""
    if word in CUE_KINDS or word in NO_CUE_BLOCK or word[-1] in PLACE_SUFFIX:
        return False
    return gazetteer().level(word) is None


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


def plausible_name(word: str) -> bool:
    """A model span worth reporting as a person: surname first, 2–4 CJK characters, not a
    place, not a cue word, not a known false friend."""
    sl = surname_len(word, 0)
    if not sl or not sl + 1 <= len(word) <= sl + 3 or not all(is_cjk(c) for c in word):
        return False
    return "某" not in word and _not_place_or_cue(word)


class NerPersonRecognizer(Recognizer):
    """PERSON from the NER model over candidate windows (see the module docstring)."""

    name = "ner_model"
    entities = ("PERSON",)

    def __init__(
        self, tagger: Any, reach: int = 10, limit: int = 96, model_version: str | None = None
    ) -> None:
        self.tagger = tagger
        self.model_version = model_version
        self.reach = reach
        self.limit = min(limit, tagger.size)

    def analyze(self, ctx: DetectContext) -> list[Detection]:
        text = ctx.text
        spots = candidate_starts(ctx)
        if not spots:
            return []
        windows = _on_token_edges(ctx, windows_around(text, spots, self.reach, self.limit))
        found: list[Detection] = []
        for s, e, label in self.tagger.predict_windows(text, windows):
            if label != "PERSON" or not plausible_name(text[s:e]) or ctx.excluded(s, e):
                continue
            attrs = {"cue": None, "cue_kind": None, "via": "ner"}
            found.append(Detection("PERSON", s, e, MODEL_SCORE, self.name, "姓名(模型)", attrs))
        return found


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
