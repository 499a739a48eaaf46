"""Any piece of a document (cut mid-sentence, mid-table, mid-title) drafts without errors and
without a single unsupported item, with and without a previous version."""

from __future__ import annotations

import random

from pipeline.outline import draft_outline, render_markdown
from tests.outline.conftest import FIXTURES


def test_random_slices_have_no_unsupported_items() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    rng = random.Random(5)
    for _ in range(80):
        text = rng.choice(texts)
        a = rng.randrange(len(text))
        b = min(len(text), a + rng.randrange(50, 2500))
        previous = text[max(0, a - 800) : max(0, b - 200)] if rng.random() < 0.4 else None
        piece = text[a:b]
        outline = draft_outline(piece, previous=previous)
        assert outline.guard.issues == [], (a, b, outline.guard.issues[:1])
        for section in outline.sections:
            for p in section.points:
                for e in p.evidence:
                    source = previous if e.doc == "previous" else piece
                    assert source is not None and 0 <= e.start < e.end <= len(source)
        assert render_markdown(outline, piece).startswith("# 政策解读提纲")


def test_degenerate_inputs() -> None:
    for text in ("", "  \n\n", "你好", "一、", "《》", "第一条"):
        outline = draft_outline(text)
        assert len(outline.sections) == 13
        assert all(s.points for s in outline.sections)
