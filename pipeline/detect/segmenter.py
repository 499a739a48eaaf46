"""Word segmentation with POS tags (rjieba: jieba's dictionary, Rust speed)."""

from __future__ import annotations

from functools import cache

from pipeline.detect.base import Token


@cache
def _tagger():
    import rjieba

    return rjieba


def tag(text: str) -> list[Token]:
    """Segment ``text`` into POS-tagged tokens with character offsets."""
    tokens: list[Token] = []
    pos = 0
    for word, flag in _tagger().tag(text):
        # the tagger's words concatenate back to the input exactly (whitespace included)
        end = pos + len(word)
        tokens.append(Token(word, flag, pos, end))
        pos = end
    return tokens
