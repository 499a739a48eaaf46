"""The source document as the drafter sees it: parsed structure, normalised text, sentences.

Sentences are found on the normalised text (simplified, half-width, pinyin noise removed) and
carry both their normalised range and their ORIGINAL ``start``/``end``; ``clean`` gives the
original characters of a range without the deleted noise, lines joined (original script).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from pipeline.normalise import normalise
from pipeline.normalise.text_normaliser import LOST
from pipeline.parse import ParsedDocument, parse_document

_BLANKS = " \t\u3000\xa0\r"
_SENT_END = re.compile(r"(?:[。;]+|[!?]+(?=[\s”’\")]|$))[”’\")]?")
_LINE_LIMIT = 400  # a line without punctuation longer than this is cut into pieces


@dataclass(slots=True)
class Sentence:
    """One sentence: normalised range, original range, normalised text, section label."""

    index: int
    nstart: int
    nend: int
    start: int
    end: int
    norm: str
    section: str
    line: int


class Source:
    """A document ready for drafting (``doc_role`` is ``current`` or ``previous``)."""

    def __init__(
        self, text: str, doc_role: str = "current", parsed: ParsedDocument | None = None
    ) -> None:
        self.original = text
        self.role = doc_role
        self.doc = parsed if parsed is not None else parse_document(text)
        self._norm = normalise(text)
        self.text = self._norm.text
        self._identity = self._norm.offsets.is_identity
        self._skip = self._skipped_ranges()
        self.sentences = self._split()
        self._starts = [s.start for s in self.sentences]

    # -- offsets ---------------------------------------------------------------------------
    def span(self, nstart: int, nend: int) -> tuple[int, int]:
        return self._norm.span_to_original(nstart, nend)

    def clean(self, nstart: int, nend: int) -> str:
        """Original characters of a normalised range: noise removed, lines joined."""
        if self._identity:
            raw = self.original[nstart:nend]
        else:
            to_orig = self._norm.offsets.to_original
            norm = self.text
            raw = "".join(
                LOST if norm[i] == LOST else self.original[to_orig(i)] for i in range(nstart, nend)
            )
        raw = "".join(part.strip(_BLANKS) for part in raw.split("\n"))
        return raw.strip(_BLANKS)

    def clean_original(self, start: int, end: int) -> str:
        """``clean`` for an original range (used for parser spans)."""
        piece = self.original[start:end]
        if not self._identity:
            piece = _strip_noise(piece)
        return "".join(p.strip(_BLANKS) for p in piece.split("\n")).strip(_BLANKS)

    def norm_of(self, start: int, end: int) -> str:
        """The normalised text of an original range."""
        return normalise(self.original[start:end]).text

    # -- sentences -------------------------------------------------------------------------
    def sentence_text(self, s: Sentence) -> str:
        return self.clean(s.nstart, s.nend)

    def sentences_in(self, start: int, end: int) -> list[Sentence]:
        """Sentences whose original range lies inside ``[start, end)``."""
        i = bisect_right(self._starts, start - 1)
        out = []
        while i < len(self.sentences) and self.sentences[i].start < end:
            if self.sentences[i].end <= end:
                out.append(self.sentences[i])
            i += 1
        return out

    def first_sentence_after(self, pos: int, limit: int) -> Sentence | None:
        i = bisect_right(self._starts, pos - 1)
        if i < len(self.sentences) and self.sentences[i].start < limit:
            return self.sentences[i]
        return None

    @cached_property
    def body_ranges(self) -> list[tuple[int, int, str, str]]:
        """Original ranges ``(start, end, kind, label)`` of the sections."""
        return [(s.start, s.end, s.kind, s.label) for s in self.doc.sections]

    @cached_property
    def preambles(self) -> list[tuple[int, int]]:
        """Preambles of the main text and of the issued document (not of attachments)."""
        out = []
        for s in self.doc.sections:
            if s.kind in ("main", "inner") and s.preamble is not None:
                out.append((s.preamble.start, s.preamble.end))
        return out

    def _skipped_ranges(self) -> list[tuple[int, int]]:
        doc = self.doc
        spans = [(c.start, c.end) for c in doc.chrome]
        for f in doc.metadata:
            spans.append((f.key_span.start, f.key_span.end))
            if f.value is not None:
                spans.append((f.value.start, f.value.end))
        return sorted(spans)

    def _section_of(self, pos: int) -> str:
        for start, end, _kind, label in self.body_ranges:
            if start <= pos < end:
                return label
        return ""

    def _split(self) -> list[Sentence]:
        out: list[Sentence] = []
        pos = 0
        skip = self._skip
        for n, line in enumerate(self.text.split("\n")):
            base = pos
            pos += len(line) + 1
            if not line.strip(_BLANKS):
                continue
            cut = 0
            pieces: list[tuple[int, int]] = []
            for m in _SENT_END.finditer(line):
                pieces.append((cut, m.end()))
                cut = m.end()
            if cut < len(line):
                pieces.append((cut, len(line)))
            for a, b in pieces:
                while a < b and line[a] in _BLANKS:
                    a += 1
                while b > a and line[b - 1] in _BLANKS:
                    b -= 1
                if b - a < 2:
                    continue
                while b - a > _LINE_LIMIT:
                    out.append(self._sentence(len(out), base + a, base + a + _LINE_LIMIT, n))
                    a += _LINE_LIMIT
                s = self._sentence(len(out), base + a, base + b, n)
                if not any(x <= s.start < y for x, y in skip):
                    out.append(s)
        return out

    def _sentence(self, index: int, na: int, nb: int, line: int) -> Sentence:
        start, end = self.span(na, nb)
        return Sentence(index, na, nb, start, end, self.text[na:nb], self._section_of(start), line)


_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN = re.compile(
    rf"(?<=[\u3400-\u9fff])[(（](?=[a-z{_TONED}ü]*[{_TONED}])[a-z{_TONED}ü]{{1,7}}[)）]"
)

_LOST_PINYIN = re.compile(rf"\?(?=[a-z{_TONED}ü]*[{_TONED}])[a-z{_TONED}ü]{{1,7}}[)）]")


def _strip_noise(piece: str) -> str:
    piece = re.sub("[\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad]", "", piece)
    piece = _LOST_PINYIN.sub(LOST, piece)  # a character the mirror lost, then its pinyin
    return _PINYIN.sub("", piece)
