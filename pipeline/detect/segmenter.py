"""Word segmentation with POS tags (rjieba: jieba's dictionary, Rust speed)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from itertools import accumulate
from typing import Any, overload

from pipeline.detect.base import Token


@cache
def _tagger() -> Any:
    import rjieba

    return rjieba


class TokenSequence(Sequence[Token]):
    """POS-tagged tokens as parallel lists; :class:`Token` objects are made on access.

    Building one Python object per token costs more than the segmentation itself, and most
    recognizers only need the tags and offsets (``flags``, ``starts``).
    """

    __slots__ = ("flags", "starts", "words")

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self.words = [w for w, _ in pairs]
        self.flags = [f for _, f in pairs]
        # the tagger's words concatenate back to the input exactly (whitespace included)
        self.starts = [0, *accumulate(map(len, self.words))][:-1] if pairs else []

    def __len__(self) -> int:
        return len(self.words)

    def _token(self, i: int) -> Token:
        word = self.words[i]
        start = self.starts[i]
        return Token(word, self.flags[i], start, start + len(word))

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...
    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [self._token(k) for k in range(*i.indices(len(self.words)))]
        if i < 0:
            i += len(self.words)
        if not 0 <= i < len(self.words):
            raise IndexError(i)
        return self._token(i)

    def __iter__(self) -> Iterator[Token]:
        return (self._token(i) for i in range(len(self.words)))

    def indices_with(self, flags: frozenset[str] | set[str]) -> list[int]:
        """Indices of the tokens whose tag is in ``flags``."""
        return [i for i, f in enumerate(self.flags) if f in flags]


def tag(text: str) -> TokenSequence:
    """Segment ``text`` into POS-tagged tokens with character offsets."""
    return TokenSequence(_tagger().tag(text))
