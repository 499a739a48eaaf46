"""PERSON names through the whole screen, scored against a NER corpus (exact spans).

``zwgk eval-ner FILE --through-screen`` screens each sentence of a labelled NER file with the
default screener (rules + the model cascade + decisions) and scores every PERSON finding,
whatever its action (redact, review or allow), as an exact span against the gold names; the
model alone on the whole sentence is scored in the same run. This measures what the cascade
and the rules lose of what the model finds (issue 13, item 3). A seeded sample keeps it fast.

A sentence is a short text, which the cascade reads whole (``ner_budget.SHORT``). With
``join`` the sampled sentences are screened as documents instead: consecutive sentences, one
per line, up to ``join`` characters, so the cascade's first stage and its per-document budget
decide what the model reads, as in a long government document.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pipeline.ner.bio import Span
from pipeline.ner.corpus import Example, read_jsonl
from pipeline.ner.evaluate import Counts, score

LABEL = "PERSON"


def sample(examples: Sequence[Example], n: int | None, seed: int) -> list[Example]:
    """``n`` examples drawn with ``random.Random(seed)`` in file order (all when ``n`` is
    ``None`` or the file is smaller)."""
    if n is None or n >= len(examples):
        return list(examples)
    picked = sorted(random.Random(seed).sample(range(len(examples)), n))
    return [examples[i] for i in picked]


def screen_person_spans(text: str) -> list[Span]:
    """Exact spans of the screen's PERSON findings (any action) in ``text``."""
    from pipeline.screen import screen_text

    return [Span(f.start, f.end, LABEL) for f in screen_text(text).findings if f.entity == LABEL]


def joined(examples: Sequence[Example], size: int) -> list[list[Example]]:
    """Consecutive examples grouped into documents of at most ``size`` characters (one line
    each; a longer sentence is a document of its own)."""
    docs: list[list[Example]] = []
    length = 0
    for ex in examples:
        if not docs or length + len(ex.text) > size:
            docs.append([])
            length = 0
        docs[-1].append(ex)
        length += len(ex.text) + 1
    return docs


def screen_joined(examples: Sequence[Example], size: int) -> list[list[Span]]:
    """PERSON spans per example when the examples are screened as joined documents."""
    from pipeline.screen import screen_text

    out: list[list[Span]] = []
    for doc in joined(examples, size):
        result = screen_text("\n".join(ex.text for ex in doc))
        found = [(f.start, f.end) for f in result.findings if f.entity == LABEL]
        offset = 0
        for ex in doc:
            end = offset + len(ex.text)
            out.append([Span(s - offset, e - offset, LABEL) for s, e in found if offset <= s < end])
            offset = end + 1
    return out


def through_screen(
    examples: Sequence[Example], model_dir: str | Path | None, join: int | None = None
) -> dict[str, tuple[Counts, float]]:
    """PERSON counts and CPU seconds of the screen and (with a model) of the model alone;
    ``join``: screen the examples as documents of that many characters (:func:`joined`)."""
    systems: dict[str, Any] = {"screen": screen_person_spans}
    if model_dir is not None:
        from pipeline.ner.inference import NerTagger

        tagger = NerTagger.load(model_dir, backend="onnx")
        systems["model"] = tagger.predict
    gold = [ex.spans for ex in examples]
    out: dict[str, tuple[Counts, float]] = {}
    for name, predict in systems.items():
        predict(examples[0].text if examples else "")  # warm-up: loading is not timed
        t0 = time.process_time()
        if name == "screen" and join:
            pred = screen_joined(examples, join)
        else:
            pred = [predict(ex.text) for ex in examples]
        cpu = time.process_time() - t0
        out[name] = (score(gold, pred, [LABEL])[LABEL], cpu)
    return out


def eval_through_screen(
    path: str | Path,
    model_dir: str | Path | None,
    n: int | None = 1000,
    seed: int = 13,
    join: int | None = None,
) -> str:
    """The report for one file: PERSON P/R/F1 through the screen next to the model alone."""
    examples = sample(list(read_jsonl(path)), n, seed)
    results = through_screen(examples, model_dir, join)
    chars = sum(len(ex.text) for ex in examples)
    how = f"，筛查按每篇 ≤{join} 字连成文档" if join else ""
    lines = [
        f"{path}: {len(examples)} 句（种子 {seed}{how}），PERSON 精确匹配，筛查结果不论处理方式"
    ]
    lines.append(f"  {'系统':<8}{'P':>8}{'R':>8}{'F1':>8}{'金标':>7}{'预测':>7}{'CPU 秒':>9}")
    for name, (c, cpu) in results.items():
        label = "筛查" if name == "screen" else "模型"
        lines.append(
            f"  {label:<8}{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}"
            f"{c.support:>7}{c.tp + c.fp:>7}{cpu:>9.2f}"
        )
    if "model" in results:
        gap = results["model"][0].f1 - results["screen"][0].f1
        lines.append(f"  模型 − 筛查 F1：{gap:+.3f}（{chars} 字）")
    return "\n".join(lines)
