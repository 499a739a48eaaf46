"""Evaluation against the hand-labelled set (tests/fixtures/labelled)."""

from pipeline.evaluate.labelled import LabelledDoc, LabelledSetError, load_labelled
from pipeline.evaluate.screen_eval import ScreenEvalReport, evaluate, format_report

__all__ = [
    "LabelledDoc",
    "LabelledSetError",
    "ScreenEvalReport",
    "evaluate",
    "format_report",
    "load_labelled",
]
