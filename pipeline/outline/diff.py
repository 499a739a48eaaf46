"""新旧政策差异 against a previous version: changed figures, dates, scopes and clauses, each
point citing both sides (``doc: previous`` evidence indexes the previous text)."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from pipeline.outline.figures import items_of
from pipeline.outline.model import Evidence, Figure, Point
from pipeline.outline.points import MAX_POINT, clause_bounds
from pipeline.outline.source import Sentence, Source

_SCOPE = re.compile(r"适用于|所称|范围|对象|条件")
_MARKER = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|[0-9]{1,2}[.、]"
    r"|\([0-9]{1,2}\)|第[一二三四五六七八九十百0-9]{1,5}[章节条])\s*"
)
MAX_DIFF_POINTS = 40


def _key(s: Sentence) -> str:
    return _MARKER.sub("", re.sub(r"\s+", "", s.norm))


def _pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _similar(a: str, b: str) -> float:
    pa, pb = _pairs(a), _pairs(b)
    return len(pa & pb) / max(1, len(pa | pb))


def _side(src: Source, s: Sentence, at: int | None = None) -> tuple[str, Evidence]:
    """The sentence (or, when long, the clause around ``at``) and the whole sentence as its
    evidence: the changed items listed with it may sit anywhere in the sentence."""
    a, b = s.nstart, s.nend
    if b - a > MAX_POINT and at is not None:
        ca, cb = clause_bounds(s.norm, at)
        a, b = s.nstart + ca, s.nstart + cb
    text = src.clean(a, b)
    if (a, b) != (s.nstart, s.nend):
        text = ("…" if a > s.nstart else "") + text + ("…" if b < s.nend else "")
    return text, Evidence(s.start, s.end, src.role)


def _figure_change(old: Sentence, new: Sentence) -> tuple[list[str], list[str], int, int]:
    """Items only on one side, and where the first changed item sits in each sentence."""
    oi, ni = items_of(old.norm, normalised=True), items_of(new.norm, normalised=True)
    ov = {(f.value, f.comparator) for f in oi.all()}
    nv = {(f.value, f.comparator) for f in ni.all()}
    gone = [f for f in oi.all() if (f.value, f.comparator) not in nv]
    came = [f for f in ni.all() if (f.value, f.comparator) not in ov]
    o_at = old.norm.find(gone[0].text) if gone else 0
    n_at = new.norm.find(came[0].text) if came else 0
    return (
        [_shown(old.norm, f) for f in gone],
        [_shown(new.norm, f) for f in came],
        max(0, o_at),
        max(0, n_at),
    )


def _shown(sentence: str, f: Figure) -> str:
    """The item with its comparator where the sentence has it (不超过30日, 30日以上)."""
    if not f.comparator:
        return f.text
    i = sentence.find(f.text)
    before = sentence[max(0, i - 8) : i]
    out = f.text
    for word in f.comparator.split("…"):
        out = f"{word}{out}" if word in before else f"{out}{word}"
    return out


def _has(src: Source, label: str) -> bool:
    return any(s.label == label for s in src.doc.sections)


def diff_points(old: Source, new: Source) -> list[Point]:
    """Points for what changed from ``old`` to ``new``; unchanged sentences are skipped."""
    # the issued document when both versions are 印发 notices, else the main text
    part = "印发文件" if _has(old, "印发文件") and _has(new, "印发文件") else "正文"
    a = [s for s in old.sentences if s.section == part]
    b = [s for s in new.sentences if s.section == part]
    matcher = SequenceMatcher(None, [_key(s) for s in a], [_key(s) for s in b], autojunk=False)
    figures: list[Point] = []
    scopes: list[Point] = []
    clauses: list[Point] = []
    added: list[Point] = []
    removed: list[Point] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds, news = list(a[i1:i2]), list(b[j1:j2])
        for n in list(news):
            best = max(olds, key=lambda o: _similar(_key(o), _key(n)), default=None)
            if best is None or _similar(_key(best), _key(n)) < 0.35:
                continue
            olds.remove(best)
            news.remove(n)
            gone, came, o_at, n_at = _figure_change(best, n)
            o_text, o_ev = _side(old, best, o_at)
            n_text, n_ev = _side(new, n, n_at)
            if gone or came:
                if gone and came:
                    what = f"{'、'.join(gone)} 调整为 {'、'.join(came)}"
                else:
                    what = f"增加 {'、'.join(came)}" if came else f"删去 {'、'.join(gone)}"
                p = Point(
                    f"{what}：原文“{o_text}”；现文“{n_text}”",
                    [n_ev, o_ev],
                    label="数字或日期变化",
                )
                figures.append(p)
            elif _SCOPE.search(n.norm) or _SCOPE.search(best.norm):
                scopes.append(
                    Point(
                        f"范围或条件调整：原文“{o_text}”；现文“{n_text}”",
                        [n_ev, o_ev],
                        label="范围变化",
                    )
                )
            else:
                clauses.append(
                    Point(
                        f"表述调整：原文“{o_text}”；现文“{n_text}”", [n_ev, o_ev], label="条款修改"
                    )
                )
        for n in news:
            text, ev = _side(new, n, 0)
            added.append(Point(f"新增：{text}", [ev], label="新增条款"))
        for o in olds:
            text, ev = _side(old, o, 0)
            removed.append(Point(f"删除：{text}", [ev], label="删除条款"))
    points = figures + scopes + clauses + added + removed
    for p in points:
        p.figures = items_of(p.text).all()
    return points[:MAX_DIFF_POINTS]
