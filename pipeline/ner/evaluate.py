"""Entity-level evaluation (exact spans) per label, with the jieba POS baseline."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from pipeline.ner.bio import Span
from pipeline.ner.corpus import Example

#: jieba POS tags used by the baseline: person names (the baseline the issue asks for),
#: plus place and organisation names so those rows are not empty.
JIEBA_LABELS = {"nr": "PERSON", "nrfg": "PERSON", "nrt": "PERSON", "ns": "LOCATION", "nt": "ORG"}
ALL = "ALL"

Predictor = Callable[[str], Sequence[Span]]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.support,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def score(
    gold: Iterable[Sequence[Span]], pred: Iterable[Sequence[Span]], labels: Sequence[str]
) -> dict[str, Counts]:
    """Counts per label plus ``ALL`` (micro average); a prediction counts only when start,
    end and label all match. Predicted labels outside ``labels`` are ignored."""
    wanted = set(labels)
    out = {label: Counts() for label in labels}
    for g_spans, p_spans in zip(gold, pred, strict=True):
        g = {s for s in g_spans if s.label in wanted}
        p = {s for s in p_spans if s.label in wanted}
        for s in g & p:
            out[s.label].tp += 1
        for s in p - g:
            out[s.label].fp += 1
        for s in g - p:
            out[s.label].fn += 1
    total = Counts()
    for c in out.values():
        total.tp, total.fp, total.fn = total.tp + c.tp, total.fp + c.fp, total.fn + c.fn
    out[ALL] = total
    return out


def jieba_spans(text: str) -> list[Span]:
    """The baseline: jieba (rjieba) POS tokens tagged nr* → PERSON, ns → LOCATION, nt → ORG."""
    import rjieba

    spans: list[Span] = []
    pos = 0
    for word, tag in rjieba.tag(text):
        label = JIEBA_LABELS.get(tag)
        if label is not None:
            spans.append(Span(pos, pos + len(word), label))
        pos += len(word)
    return spans


def evaluate(
    examples: Sequence[Example], systems: dict[str, Predictor], labels: Sequence[str]
) -> dict[str, dict[str, Counts]]:
    """Scores of each named system on the same examples."""
    gold = [ex.spans for ex in examples]
    return {
        name: score(gold, [predict(ex.text) for ex in examples], labels)
        for name, predict in systems.items()
    }


def format_report(results: dict[str, dict[str, Counts]]) -> str:
    """A plain-text table: one block per system, one row per label."""
    lines = []
    for name, scores in results.items():
        lines.append(f"{name}")
        lines.append(f"  {'标签':<10}{'P':>8}{'R':>8}{'F1':>8}{'金标':>8}{'预测':>8}")
        for label, c in scores.items():
            lines.append(
                f"  {label:<12}{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}"
                f"{c.support:>8}{c.tp + c.fp:>8}"
            )
    return "\n".join(lines)


ERROR_KINDS = ("exact", "boundary", "label", "missed", "spurious")


def error_kinds(
    gold: Iterable[Sequence[Span]], pred: Iterable[Sequence[Span]], label: str
) -> dict[str, int]:
    """Where the ``label`` entities go wrong, one count per gold or predicted span.

    ``exact``: right span and label; ``boundary``: the label is right but the span only
    overlaps; ``label``: the exact span under another label; ``missed``: a gold span nothing
    overlaps; ``spurious``: a predicted span that overlaps no gold span of any label.
    """
    out = dict.fromkeys(ERROR_KINDS, 0)
    for g_spans, p_spans in zip(gold, pred, strict=True):
        p_set = set(p_spans)
        for g in (s for s in g_spans if s.label == label):
            if g in p_set:
                out["exact"] += 1
            elif any(p.label == label and p.start < g.end and g.start < p.end for p in p_spans):
                out["boundary"] += 1
            elif any((p.start, p.end) == (g.start, g.end) for p in p_spans):
                out["label"] += 1
            else:
                out["missed"] += 1
        for p in (s for s in p_spans if s.label == label):
            if not any(g.start < p.end and p.start < g.end for g in g_spans):
                out["spurious"] += 1
    return out
