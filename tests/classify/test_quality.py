"""Guards on the measured quality (docs/classify.md has the full figures)."""

from __future__ import annotations

from pipeline.classify.evaluate import system_cross_validate
from pipeline.classify.model import load_corpus


def test_corpus_covers_every_kind():
    labels = {r["label"] for r in load_corpus()}
    assert labels == {
        "主动公开", "依申请公开", "不予公开/第三方合法权益", "不予公开/内部事务",
        "不予公开/过程性信息", "不予公开/行政执法案卷", "不予公开/国家秘密",
        "不予公开/法律法规禁止", "不予公开/行政查询事项",
    }  # fmt: skip


def test_system_cross_validation_does_not_regress():
    report = system_cross_validate(load_corpus(), folds=3)
    assert report["attribute_accuracy"] >= 0.9
    assert all(m["recall"] >= 0.6 for m in report["per_class"].values())


def test_written_holdout_attribute_accuracy():
    """27 documents written after the rules and never used to tune them (first run of the
    first 21: 21/21 attributes, 20/21 with the reason code; the 6 of the two reason codes
    added later were written before their first measurement)."""
    import json
    from pathlib import Path

    from pipeline.classify import default_classifier
    from pipeline.classify.evaluate import held_out

    path = Path(__file__).resolve().parents[1] / "fixtures" / "classify" / "holdout.jsonl"
    docs = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
    report = held_out(docs, default_classifier(), screen=True)
    assert report["documents"] == 27
    assert report["accuracy"] >= 0.9
    # topic areas, labelled with the acceptable areas before the first measurement (22/27;
    # 25/27 after the keyword lists were widened, docs/classify.md)
    assert report["topic_accuracy"] >= 0.9


def test_topic_areas_of_a_second_written_set():
    """28 short documents, one per area plus two of none, written before the keyword lists
    were widened (17/28 before, 28/28 after; the same engineer wrote both, so this guards
    against regressions more than it measures)."""
    import json
    from pathlib import Path

    from pipeline.classify.topics import classify_topic

    path = Path(__file__).resolve().parents[1] / "fixtures" / "classify" / "topics_b.jsonl"
    docs = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
    areas = {a for d in docs for a in d["topics"]}
    assert len(docs) == 28 and len(areas) == 27  # all 26 areas and 其他
    right = 0
    for d in docs:
        title = d["text"].partition("\n")[0]
        right += classify_topic(title, d["text"]).topic in d["topics"]
    assert right >= 26
