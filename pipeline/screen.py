"""Screening, end to end for one document: normalise → detect → decide → redact.

``screen_text`` is the one per-document function that the CLI, the batch runners and the
service all call; nothing else re-implements any stage.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from pipeline.decide import Decider, Decision
from pipeline.detect.engine import DetectionEngine, to_original
from pipeline.document import Finding, ScreenResult
from pipeline.normalise import NormalisedText, normalise
from pipeline.redact import mask, redact_text


class Screener:
    """A loaded detection engine plus rule packs; reuse one instance for many documents."""

    def __init__(self, engine: DetectionEngine, decider: Decider) -> None:
        self.engine = engine
        self.decider = decider

    @classmethod
    def default(cls) -> Screener:
        """The built-in recognizers and the rule packs in ``rules/``."""
        from pipeline.detect.registry import default_exclusion_finder, default_recognizers

        engine = DetectionEngine(default_recognizers(), default_exclusion_finder())
        return cls(engine, Decider.from_dir())

    def screen(self, text: str, doc_id: str | None = None) -> ScreenResult:
        """Screen one document; every offset in the result indexes ``text``."""
        source = normalise(text)
        ctx, detections = self.engine.detect_normalised(source)
        doc_type = self.decider.doc_type(source.text)
        rosters = [(s, e, h) for kind, s, e, h in ctx.annotations if kind == "roster"]
        words = ctx.tokens.starts if detections else None
        decisions = self.decider.decide(source.text, detections, doc_type.id, rosters, words)
        findings = [_finding(source, d) for d in decisions]
        return ScreenResult(
            text=text,
            doc_type=doc_type.id,
            findings=findings,
            redacted=redact_text(text, findings),
            id=doc_id,
        )


def _finding(source: NormalisedText, decision: Decision) -> Finding:
    det = decision.detection
    if not source.offsets.is_identity:
        det = to_original(source, det)
    attrs: dict[str, Any] = det.attrs
    keep_until = attrs.get("keep_until_at")
    if isinstance(keep_until, int):
        attrs = {**attrs, "keep_chars": keep_until - det.start}
    value = source.original[det.start : det.end]
    rule = decision.rule
    return Finding(
        entity=det.entity,
        start=det.start,
        end=det.end,
        text=value,
        action=rule.action,  # type: ignore[arg-type]
        score=round(det.score, 3),
        rule=rule.id,
        reason=rule.reason,
        basis=rule.basis,
        masked=mask(det.entity, value, attrs),
        role=decision.role.role,
        recognizer=det.recognizer,
        explanation=det.explanation,
    )


@cache
def default_screener() -> Screener:
    """The process-wide default screener, loaded on first use."""
    return Screener.default()


def screen_text(text: str, doc_id: str | None = None) -> ScreenResult:
    """Screen ``text`` with the default screener."""
    return default_screener().screen(text, doc_id)
