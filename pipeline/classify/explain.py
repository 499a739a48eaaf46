"""Readable evidence: cues and model features mapped back to the document's own sentences.

The statistical model reads character n-grams; a reader needs words. Each n-gram's pull
towards the decided label is spread over the characters of its occurrences; the sentences
that gather the most pull are the model's evidence, and inside each the densest run of
characters is quoted as the phrase (「各科室负责人参加」, not 「科室」).
"""

from __future__ import annotations

import re

from pipeline.classify.result import Evidence
from pipeline.normalise import NormalisedText

_SENTENCE_END = re.compile(r"[。！？；!?;\n]")
_CJK = re.compile(r"[\u3400-\u9fff]")
_MAX_SENTENCE, _MAX_PHRASE = 120, 24
#: units and counters: part of a figure, not a reason
_UNITS = frozenset(("万元", "亿元", "千元", "余元", "万人", "人次", "公里", "平方米", "万亩"))


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or line, blanks trimmed."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        _push(text, start, m.end(), out)
        start = m.end()
    _push(text, start, len(text), out)
    return out


def _push(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start >= 2:
        out.append((start, end))


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``text`` that holds [start, end), at most ~120 characters around it."""
    s = max(text.rfind(c, 0, start) for c in "。！？；!?;\n") + 1
    e_candidates = [p for c in "。！？；!?;\n" if (p := text.find(c, end)) >= 0]
    e = min(e_candidates) + 1 if e_candidates else len(text)
    if e - s > _MAX_SENTENCE:
        s, e = max(s, start - 50), min(e, end + 50)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, max(e, end)


def with_sentences(evidence: list[Evidence], original: str) -> None:
    """Fill each item's sentence (original text) in place."""
    for ev in evidence:
        if ev.sentence or ev.end <= ev.start:
            continue
        s, e = sentence_around(original, ev.start, ev.end)
        ev.sentence = " ".join(original[s:e].split())
        ev.sentence_span = (s, e)


def model_evidence(
    norm: NormalisedText, pulls: dict[str, float], label: str, top: int = 3
) -> list[Evidence]:
    """The sentences that carried the model's decision, each with its strongest phrase."""
    text = norm.text
    marks = [0.0] * len(text)
    for gram, pull in pulls.items():
        if pull <= 0 or len(gram) < 2 or not _CJK.search(gram):
            continue
        spots = [m.start() for m in re.finditer(re.escape(gram), text)]
        if not spots:
            continue
        share = pull / len(spots) / len(gram)
        for p in spots:
            for i in range(p, p + len(gram)):
                marks[i] += share
    scored = sorted(
        ((sum(marks[s:e]), s, e) for s, e in sentences(text)), key=lambda x: x[0], reverse=True
    )
    out: list[Evidence] = []
    quoted: set[str] = set()
    scored = [x for x in scored if len(_CJK.findall(text[x[1] : x[2]])) >= 4]
    for score, s, e in scored[: top * 3]:
        if score <= 0 or len(out) >= top:
            break
        ps, pe = _phrase(marks, text, s, e)
        if pe <= ps or text[ps:pe] in quoted:  # nothing quotable here, or quoted already
            continue
        quoted.add(text[ps:pe])
        os_, oe = norm.span_to_original(ps, pe)
        ss, se = norm.span_to_original(s, e)
        phrase = text[ps:pe]
        out.append(
            Evidence(
                os_, oe, phrase,
                basis=f"模型：这句话中的“{phrase}”等用语与训练文件中“{label}”类文件相近",
                sentence=" ".join(norm.original[ss:se].split())[:_MAX_SENTENCE],
                sentence_span=(ss, se),
            )
        )  # fmt: skip
    return out


def _phrase(marks: list[float], text: str, s: int, e: int) -> tuple[int, int]:
    """The words of [s, e) that gather the most pull, widened to whole neighbouring words
    (rjieba: jieba's dictionary) up to four characters or more, so that the quotation reads as
    a phrase; numbers, dates and punctuation are never quoted (「2024年」 is not a reason)."""
    import rjieba

    words: list[tuple[int, int]] = []
    pos = s
    for w in rjieba.cut(text[s:e]):
        words.append((pos, pos + len(w)))
        pos += len(w)
    dense = [
        (sum(marks[a:b]) / (b - a) * min(b - a, 4), i)
        for i, (a, b) in enumerate(words)
        if _is_word(text[a:b]) and not _after_digit(text, a)
    ]
    if not dense:
        return s, s
    _, k = max(dense)
    lo = hi = k
    while words[hi][1] - words[lo][0] < 4:
        left = _pull(marks, text, words, lo - 1)
        right = _pull(marks, text, words, hi + 1)
        if left < 0 and right < 0:
            break
        if right >= left:
            hi += 1
        else:
            lo -= 1
    start, end = words[lo][0], words[hi][1]
    while end - start > _MAX_PHRASE and hi > lo:
        hi -= 1
        end = words[hi][1]
    return start, end


def _after_digit(text: str, start: int) -> bool:
    """The word continues a figure (「1日至」「30多万吨」): part of a number, not a reason."""
    return start > 0 and text[start - 1].isdigit()


def _is_word(token: str) -> bool:
    """A word a reader can weigh: Chinese characters only, at least two of them."""
    return len(token) >= 2 and token not in _UNITS and all(_CJK.match(ch) for ch in token)


def _pull(marks: list[float], text: str, words: list[tuple[int, int]], i: int) -> float:
    """A neighbouring word's pull; -1 outside the sentence, at punctuation or a number."""
    if i < 0 or i >= len(words):
        return -1.0
    a, b = words[i]
    if not all(_CJK.match(ch) for ch in text[a:b]) or _after_digit(text, a):
        return -1.0
    return sum(marks[a:b]) / (b - a)


def evidence_problems(evidence: list[Evidence], original: str) -> list[str]:
    """What makes the evidence unreadable, empty if nothing: no evidence, an item without
    words, position, sentence or named basis, or a model phrase that is not whole words of its
    sentence (a character n-gram such as 「息公」, a number such as 「2024年」)."""
    import rjieba

    if not evidence:
        return ["没有证据"]
    problems = []
    for ev in evidence:
        where = f"[{ev.start}-{ev.end}] {ev.cue!r}"
        if not ev.cue.strip() or ev.end <= ev.start or not original[ev.start : ev.end].strip():
            problems.append(f"{where}: 没有原文位置或词语")
        elif not ev.basis or not ev.sentence:
            problems.append(f"{where}: 没有说明依据或原句")
        elif ev.basis.startswith("模型"):
            s, e = ev.sentence_span or (ev.start, ev.end)
            bounds, pos = {s}, s
            for w in rjieba.cut(original[s:e]):
                pos += len(w)
                bounds.add(pos)
            if (
                not _is_phrase(ev.cue)
                or _after_digit(original, ev.start)
                or ev.start not in bounds
                or ev.end not in bounds
            ):
                problems.append(f"{where}: 模型证据不是完整的词语")
    return problems


def _is_phrase(cue: str) -> bool:
    return len(cue) >= 2 and not any(ch.isdigit() for ch in cue) and cue not in _UNITS
