"""Measure the classifier on real documents (``zwgk eval-classify``) and on a labelled set.

Real documents (``--real DIR``, the layout of /work/shared/data/real, see its README):

- documents carrying their own disclosure marker (「（此件主动公开）」「（此件公开发布）」
  「（此件依申请公开）」): attribute accuracy with the marker kept, and with it removed from
  the text (then the rest of the document has to carry the decision);
- laws and regulations (``laws_regulations.jsonl``, EVEN line indexes only: the odd half is
  held out for the screen work) and work reports: the share called 主动公开;
- the gov.cn 主题分类 (``topic_gov``) on the Hebei rows whose ``genre_hint`` carries the site's
  own category (「人民政府_省政府办公厅文件/<topic>」), and on the single-topic 人社厅 / 教育厅
  columns (劳动、人事、监察 / 科技、教育).

Labelled set (``--labelled FILE``): JSONL of ``{"id", "text", "attribute", "reason_code"?}``;
reports accuracy, balanced accuracy over the attributes present, reason-code accuracy, a
confusion table and every error.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pipeline.classify.classifier import Classifier
from pipeline.classify.topics import GOV_CATEGORIES

#: an in-text disclosure note: （此件主动公开） （此件公开发布） （此件依申请公开） …
MARKER = re.compile(r"[（(]\s*此\s*件\s*([^（）()]{2,12}?)\s*[）)]")
_MARKER_ATTRIBUTE = {
    "主动公开": "主动公开",
    "公开发布": "主动公开",
    "依申请公开": "依申请公开",
    "不予公开": "不予公开",
    "不公开": "不予公开",
    "部分公开": "部分公开",
}
_GOV_SECTION = "人民政府_省政府办公厅文件/"
_SINGLE_TOPIC = {"人力资源和社会保障厅_": "劳动、人事、监察", "教育领域信息公开_": "科技、教育"}


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def full_text(row: dict[str, Any]) -> str:
    """Title line + body, as a document reaches the classifier (the crawls store them apart)."""
    title, text = (row.get("title") or "").strip(), row.get("text") or ""
    return f"{title}\n{text}" if title and not text.lstrip().startswith(title) else text


def marker_attribute(text: str) -> str | None:
    """The attribute the document's own note states, when it states exactly one."""
    found = {_MARKER_ATTRIBUTE.get(m.group(1).replace(" ", "")) for m in MARKER.finditer(text)}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def strip_markers(text: str) -> str:
    return MARKER.sub("", text)


def _share(values: list[bool]) -> float | None:
    return round(sum(values) / len(values), 3) if values else None


def markers(rows: Iterable[dict[str, Any]], clf: Classifier, screen: bool) -> dict[str, Any]:
    kept: list[bool] = []
    removed: list[bool] = []
    errors = []
    by_attribute: Counter[str] = Counter()
    for row in rows:
        text = full_text(row)
        expected = marker_attribute(text)
        if expected is None:
            continue
        by_attribute[expected] += 1
        got_kept = clf.classify(text, doc_id=row["id"], screen=screen)
        got = clf.classify(strip_markers(text), doc_id=row["id"], screen=screen)
        kept.append(got_kept.attribute == expected)
        removed.append(got.attribute == expected)
        if got.attribute != expected or got_kept.attribute != expected:
            errors.append(
                {"id": row["id"], "title": (row.get("title") or "")[:60], "expected": expected,
                 "marker_kept": got_kept.attribute, "marker_removed": got.attribute,
                 "reason_code": got.reason_code, "decided_by": got.decided_by}
            )  # fmt: skip
    return {
        "documents": len(kept),
        "by_attribute": dict(by_attribute),
        "accuracy_marker_kept": _share(kept),
        "accuracy_marker_removed": _share(removed),
        "errors": errors,
    }


def published(
    rows: Iterable[dict[str, Any]], clf: Classifier, screen: bool, limit: int | None = None
) -> dict[str, Any]:
    """Documents public by nature (laws, work reports): the share called 主动公开."""
    ok: list[bool] = []
    got: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    for row in rows:
        if limit is not None and len(ok) >= limit:
            break
        r = clf.classify(full_text(row), doc_id=row["id"], screen=screen)
        label = r.attribute + (f"/{r.reason_code}" if r.reason_code else "")
        got[label] += 1
        ok.append(r.attribute == "主动公开")
        if r.attribute != "主动公开" and len(errors) < 40:
            errors.append({"id": row["id"], "title": (row.get("title") or "")[:60],
                           "got": label, "decided_by": r.decided_by})  # fmt: skip
    return {"documents": len(ok), "share_public": _share(ok), "labels": dict(got),
            "errors": errors}  # fmt: skip


def expected_topic(row: dict[str, Any]) -> tuple[str, str] | None:
    """(set name, gov.cn category) for a Hebei row whose section states its topic."""
    hint = row.get("genre_hint") or ""
    if hint.startswith(_GOV_SECTION):
        topic = hint[len(_GOV_SECTION) :]
        return ("省政府办公厅主题分类", topic) if topic in GOV_CATEGORIES else None
    for prefix, topic in _SINGLE_TOPIC.items():
        if hint.startswith(prefix):
            return (f"{prefix.rstrip('_')}栏目", topic)
    return None


def topic_halves(rows: Iterable[dict[str, Any]]) -> dict[str, str]:
    """id → "tune" / "check": the 省政府办公厅 rows split in halves, seeded (sha256 of
    ``16:<id>``) and stratified (sorted by topic, then alternating), so that word lists are
    tuned on one half and the other half is the check."""
    keyed = sorted(
        (topic, hashlib.sha256(f"16:{row['id']}".encode()).hexdigest(), row["id"])
        for row in rows
        if (exp := expected_topic(row)) is not None and exp[0].startswith("省政府")
        for topic in (exp[1],)
    )
    return {doc_id: ("tune", "check")[i % 2] for i, (_, _, doc_id) in enumerate(keyed)}


def topics(
    rows: Iterable[dict[str, Any]], clf: Classifier, check_errors: bool = False
) -> dict[str, Any]:
    """topic_gov accuracy per column; the 省政府办公厅 rows also per half (errors listed for
    the tuning half only, unless ``check_errors``)."""
    rows = list(rows)
    half = topic_halves(rows)
    sets: dict[str, list[bool]] = {}
    confusion: dict[str, Counter[str]] = {}
    errors = []
    for row in rows:
        exp = expected_topic(row)
        if exp is None:
            continue
        name, topic = exp
        r = clf.classify(full_text(row), doc_id=row["id"])
        names = [name] + ([f"{name}（{half[row['id']]}半）"] if row["id"] in half else [])
        for n in names:
            sets.setdefault(n, []).append(r.topic_gov == topic)
            confusion.setdefault(n, Counter())[f"{topic} → {r.topic_gov}"] += 1
        shown = half.get(row["id"]) == "tune" or (check_errors and row["id"] in half)
        if r.topic_gov != topic and shown:
            errors.append({"id": row["id"], "title": (row.get("title") or "")[:50],
                           "expected": topic, "got": r.topic_gov, "topic": r.topic,
                           "cues": r.topic_cues})  # fmt: skip
    return {
        name: {"documents": len(v), "accuracy": _share(v),
               "confusion": dict(confusion[name].most_common())}
        for name, v in sets.items()
    } | {"errors": errors}  # fmt: skip


def _even(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Only the EVEN line indexes (0, 2, 4 …): the odd half is held out."""
    for i, row in enumerate(rows):
        if i % 2 == 0:
            yield row


def real_report(
    root: Path, clf: Classifier, screen: bool = False, laws_limit: int | None = None
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    marked: list[dict[str, Any]] = []
    for name in ("hebei_agencies", "central_shandong_policies", "state_council_documents"):
        path = root / f"{name}.jsonl"
        if path.exists():
            marked.extend(read_jsonl(path))
    out["markers"] = markers(marked, clf, screen)
    if (root / "laws_regulations.jsonl").exists():
        laws = _even(read_jsonl(root / "laws_regulations.jsonl"))
        out["laws_even"] = published(laws, clf, screen, laws_limit)
    if (root / "work_reports.jsonl").exists():
        out["work_reports"] = published(read_jsonl(root / "work_reports.jsonl"), clf, screen)
    if (root / "hebei_agencies.jsonl").exists():
        out["topics_hebei"] = topics(read_jsonl(root / "hebei_agencies.jsonl"), clf)
    return out


def labelled_report(rows: list[dict[str, Any]], clf: Classifier, screen: bool) -> dict[str, Any]:
    """Accuracy, balanced accuracy and reason codes on ``{"id","text","attribute",…}``."""
    per: dict[str, list[bool]] = {}
    code_ok: list[bool] = []
    confusion: Counter[str] = Counter()
    errors = []
    for row in rows:
        r = clf.classify(row["text"], doc_id=row.get("id"), screen=screen)
        expected = row["attribute"]
        ok = r.attribute == expected
        per.setdefault(expected, []).append(ok)
        confusion[f"{expected} → {r.attribute}"] += 1
        code = row.get("reason_code")
        code_match = ok and (code is None or r.reason_code == code)
        if expected == "不予公开" or code is not None:
            code_ok.append(code_match)
        if not code_match:
            errors.append({"id": row.get("id"), "expected": expected, "reason_code": code,
                           "got": r.attribute, "got_reason_code": r.reason_code,
                           "decided_by": r.decided_by,
                           "evidence": [e.cue for e in r.evidence[:3]]})  # fmt: skip
    total = [x for v in per.values() for x in v]
    recalls = {k: _share(v) for k, v in per.items()}
    return {
        "documents": len(total),
        "accuracy": _share(total),
        "balanced_accuracy": round(sum(v or 0 for v in recalls.values()) / len(recalls), 3)
        if recalls
        else None,
        "recall_by_attribute": recalls,
        "support": {k: len(v) for k, v in per.items()},
        "reason_code_accuracy": _share(code_ok),
        "confusion": dict(confusion.most_common()),
        "errors": errors,
    }
