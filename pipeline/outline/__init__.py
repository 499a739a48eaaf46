"""Policy-interpretation (政策解读) outlines that cite their sources (issue 5).

``draft_outline(text, previous=None, polish=None) -> Outline`` (``.to_dict()`` for JSON),
``render_markdown(outline, text)``, ``render_docx(outline, path, text)``,
``polisher_from_settings()``; the guard is ``apply_guard`` / ``check_point``. See
docs/outline.md.
"""

from pipeline.outline.draft import draft_outline
from pipeline.outline.guard import apply_guard, check_point
from pipeline.outline.model import SECTIONS, Evidence, Outline, OutlineSection, Point
from pipeline.outline.polish import (
    HTTPPolisher,
    Polisher,
    PolishError,
    TransformersPolisher,
    polisher_from_settings,
)
from pipeline.outline.render import render_docx, render_markdown

__all__ = [
    "SECTIONS",
    "Evidence",
    "HTTPPolisher",
    "Outline",
    "OutlineSection",
    "Point",
    "PolishError",
    "Polisher",
    "TransformersPolisher",
    "apply_guard",
    "check_point",
    "draft_outline",
    "polisher_from_settings",
    "render_docx",
    "render_markdown",
]
