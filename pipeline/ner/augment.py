"""Mention replacement: extra training copies with entities swapped for others of their label.

A model that has seen 张三 only after 记者 learns the context, not the name, when the same
sentence comes back with 欧阳明辉 or 约翰·米勒 in that place. Replacement names come from the
training part only (never the dev split), so the dev scores stay honest.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence

from pipeline.ner.bio import Span
from pipeline.ner.corpus import Example

#: Mentions that are masks, not names (CAIL's 张某某): never used as replacements.
MASK_CHARS = frozenset("某×*＊Ｘ")


def mention_pool(examples: Iterable[Example], labels: Sequence[str]) -> dict[str, list[str]]:
    """Distinct surface strings per label (sorted, so the pool is the same on every run)."""
    seen: dict[str, set[str]] = {label: set() for label in labels}
    for ex in examples:
        for span in ex.spans:
            if span.label in seen:
                surface = ex.text[span.start : span.end]
                if not MASK_CHARS.intersection(surface) and "\n" not in surface:
                    seen[span.label].add(surface)
    return {label: sorted(words) for label, words in seen.items()}


def replace_mentions(example: Example, pool: dict[str, list[str]], rng: random.Random) -> Example:
    """``example`` with every mention whose label has a pool swapped for a random pool entry;
    the other spans are shifted so they still point at their text."""
    parts: list[str] = []
    spans: list[Span] = []
    cursor = length = 0
    for span in example.spans:
        parts.append(example.text[cursor : span.start])
        start = length + span.start - cursor
        candidates = pool.get(span.label)
        mention = rng.choice(candidates) if candidates else example.text[span.start : span.end]
        parts.append(mention)
        spans.append(Span(start, start + len(mention), span.label))
        cursor, length = span.end, start + len(mention)
    parts.append(example.text[cursor:])
    return Example("".join(parts), tuple(spans), example.source)


def augmented_copies(
    examples: Sequence[Example], pool: dict[str, list[str]], copies: int, seed: int
) -> list[Example]:
    """``copies`` replaced versions of each example that mentions a pooled label."""
    rng = random.Random(seed)
    out: list[Example] = []
    for _ in range(copies):
        for ex in examples:
            if any(s.label in pool for s in ex.spans):
                out.append(replace_mentions(ex, pool, rng))
    return out
