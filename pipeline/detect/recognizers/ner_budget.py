"""What the NER model reads of one document: a plan in priority order under a budget.

The model costs ≈ 15× the rules per character it reads, so how much of a document it reads
decides the screen's speed. A short text (at most ``short`` characters: a sentence, a title,
a form field, a comment) is read whole — every line with a CJK character — since that costs
a few milliseconds. A longer one is read in windows, in this order, until the budget
(``share`` of its characters, at least ``short``) is spent:

1. windows around the **spots the rules left open** (places where a name may be and no rule
   reported one): the model is the only finder there;
2. windows around the **names the rules found without a cue** (jieba's bare person tag, a
   name-(unit) list): the model confirms, re-bounds or rejects them;
3. **lines dense with spots**, whole (rosters, lists of participants): names cluster, and such
   a line holds more than the first stage sees;
4. windows around the **names the rules found with a cue** (被告人崔道, 局长李明华): the rules
   already report them and the decide stage takes their role from the cue; the model only
   corrects their boundaries (崔道 → 崔道勇).

Within a class, windows are taken in text order; the first that no longer fits ends the plan.
Whatever is not read is still screened by the rules (their names stay reported with their own
boundaries). A document dense with names therefore costs at most ``share`` of its length in
model time, at the price of the model's corrections on what is left unread (see docs/ner.md).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from pipeline.detect.base import DetectContext

#: Texts up to this many characters are read whole.
SHORT = 300
#: Share of a longer document's characters the model may read.
SHARE = 0.15


def cjk_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line that holds a CJK character."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if any("\u4e00" <= c <= "\u9fff" for c in line):
            out.append((pos, end))
        pos = end + 1
    return out


def take(
    n: int, classes: Iterable[list[tuple[int, int]]], budget: float
) -> tuple[list[tuple[int, int]], bool]:
    """Windows of ``classes`` in order while the characters not yet covered fit ``budget``;
    returns the covered runs (overlapping and touching windows joined, so no character is
    read twice; a run longer than the model's size is read in overlapping pieces by the
    tagger) and whether every window fitted."""
    covered = bytearray(n)
    spent = 0
    complete = True
    for windows in classes:
        for s, e in windows:
            new = covered[s:e].count(0)
            if not new:
                continue
            if spent + new > budget:
                complete = False
                break
            spent += new
            covered[s:e] = b"\x01" * (e - s)
        if not complete:
            break
    return [m.span() for m in _RUN.finditer(covered)], complete


_RUN = re.compile(b"\x01+")


def windows_around(
    text: str, spots: list[tuple[int, int]], reach: int, limit: int
) -> list[tuple[int, int]]:
    """Merged windows of ``reach`` characters either side of each spot, cut at line ends
    and at most ``limit`` characters long."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spots):
        line_start = text.rfind("\n", 0, s) + 1
        line_end = text.find("\n", e)
        line_end = len(text) if line_end < 0 else line_end
        ws, we = max(line_start, s - reach), min(line_end, e + reach)
        if out and ws <= out[-1][1] and we - out[-1][0] <= limit:
            out[-1] = (out[-1][0], max(out[-1][1], we))
        else:
            out.append((ws, we))
    return out


def on_token_edges(ctx: DetectContext, windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Widen each window to whole tokens, so the model never reads half a word (道里区 cut
    to 里区 reads like a name)."""
    starts = ctx.tokens.starts
    n = len(ctx.text)
    out: list[tuple[int, int]] = []
    for s, e in windows:
        i = bisect_right(starts, s) - 1
        j = bisect_left(starts, e)
        ws = starts[i] if i >= 0 else s
        we = starts[j] if j < len(starts) else n
        if "\n" in ctx.text[ws:s] or e - ws > 120:
            ws = s
        if "\n" in ctx.text[e:we] or we - ws > 124:
            we = e
        out.append((ws, we))
    return out
