"""Quoting document text in any output with the screen's redactions applied (issue 13, item 4).

Every command and route that puts document text into its output or its logs — outline points
and citations, parser spans, classifier evidence, the access log — quotes through a
:class:`Quoter`. It holds a *length-preserving* masked copy of the text: each character of a
finding whose action the redacted text masks (``redact`` and ``review``, see
``pipeline.redact.text_redactor.MASKED_ACTIONS``) is replaced by the character of the
finding's masked form at the same place, or by ``*``; line breaks and blanks stay. Because
the copy has the length of the original, every offset computed on the original indexes the
copy too, so ``quote(start, end)`` is safe for any span, also one that cuts through a
finding, and a stage can simply run on ``quoter.text`` (the masked copy) instead of the
original.

``reveal=True`` is the reviewer's option (``--show-original`` on the command line, the
``original=true`` parameter for a key with the ``review`` scope): the original is quoted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pipeline.document import Finding
from pipeline.redact.text_redactor import MASKED_ACTIONS

_KEEP = frozenset(" \t\r\n\u3000\xa0")
_BLANKS = re.compile(r"\s+")


def masked_copy(text: str, findings: Iterable[Finding]) -> str:
    """``text`` with every redact/review finding masked character by character (same length).

    Where the masked form has the value's length it is used as is (张** / 3401…1234); else
    the characters the masked form keeps at the start (an address cut to the township) stay
    and the rest become ``*``. Overlapping findings are masked as their union.
    """
    chars = list(text)
    for f in findings:
        if f.action not in MASKED_ACTIONS or f.end <= f.start:
            continue
        start, end = max(0, f.start), min(len(text), f.end)
        value = text[start:end]
        masked = f.masked if len(f.masked) == len(value) else _prefix_kept(value, f.masked)
        for i in range(start, end):
            if chars[i] in _KEEP:
                continue
            shown = masked[i - start]
            # a character an earlier, overlapping finding already masked stays masked
            if chars[i] == text[i]:
                chars[i] = "*" if shown in _KEEP else shown
    return "".join(chars)


def _prefix_kept(value: str, masked: str) -> str:
    n = 0
    while n < min(len(value), len(masked)) and value[n] == masked[n]:
        n += 1
    return value[:n] + "*" * (len(value) - n)


class Quoter:
    """The screen's redactions over one text; quote spans of it, scrub strings built from it."""

    def __init__(self, text: str, findings: Iterable[Finding], reveal: bool = False) -> None:
        self.original = text
        self.reveal = reveal
        self.findings = [f for f in findings if f.action in MASKED_ACTIONS and f.end > f.start]
        self.text = text if reveal else masked_copy(text, self.findings)
        self._values = self._variants()

    @classmethod
    def screen(
        cls, text: str, reveal: bool = False, result: Any = None, screener: Any = None
    ) -> Quoter:
        """A quoter for ``text`` from its screen result (screened now when not given; not
        screened at all when ``reveal`` asks for the original)."""
        if reveal:
            return cls(text, (), reveal=True)
        if result is None:
            from pipeline.screen import default_screener

            result = (screener or default_screener()).screen(text)
        return cls(text, result.findings)

    @property
    def masked(self) -> int:
        """How many findings the quotations mask (0 with ``reveal``)."""
        return 0 if self.reveal else len(self.findings)

    def quote(self, start: int, end: int) -> str:
        """``text[start:end]`` as the output may show it."""
        return self.text[start:end]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether the span touches a masked finding."""
        return not self.reveal and any(f.start < end and start < f.end for f in self.findings)

    def scrub(self, s: str) -> str:
        """A string derived from the text (lines joined, normalised, reworded) with every
        masked value that occurs in it replaced by its masked form."""
        if self.reveal or not s:
            return s
        for value, masked in self._values:
            if value in s:
                s = s.replace(value, masked)
        return s

    def scrub_all(self, items: list[str]) -> list[str]:
        return [self.scrub(s) for s in items]

    def _variants(self) -> list[tuple[str, str]]:
        """Each masked value as it may appear in a derived string: as written, without line
        breaks and blanks, normalised (simplified, half-width) — longest first."""
        if self.reveal:
            return []
        from pipeline.normalise import normalise

        out: dict[str, str] = {}
        for f in self.findings:
            value = self.original[f.start : f.end]
            masked = self.text[f.start : f.end]
            joined, joined_mask = _BLANKS.sub("", value), _BLANKS.sub("", masked)
            for v, m in ((value, masked), (joined, joined_mask)):
                if len(v) < 2:
                    continue
                out.setdefault(v, m)
                norm = normalise(v).text
                if len(norm) >= 2:
                    out.setdefault(norm, m if len(norm) == len(m) else "*" * len(norm))
        return sorted(out.items(), key=lambda kv: -len(kv[0]))


def reveal_note() -> str:
    """What a command says on stderr when it shows the original."""
    return "注意：按 --show-original 输出原文，其中的个人信息未遮蔽，仅供有权限的审核人员查看"
