import json

from pipeline.ner.bio import Span
from pipeline.ner.corpus import Example
from pipeline.ner.evaluate import ALL, evaluate, jieba_spans, score


def test_hand_computed_scores():
    gold = [[Span(0, 2, "PERSON"), Span(3, 6, "LOCATION")], [Span(0, 3, "PERSON")]]
    pred = [
        [Span(0, 2, "PERSON"), Span(3, 5, "LOCATION"), Span(7, 9, "ORG")],  # LOCATION too short
        [Span(0, 3, "PERSON"), Span(4, 6, "PERSON")],
    ]
    s = score(gold, pred, ["PERSON", "LOCATION", "ORG"])
    # PERSON: tp 2, fp 1, fn 0 → P 2/3, R 1
    assert (s["PERSON"].tp, s["PERSON"].fp, s["PERSON"].fn) == (2, 1, 0)
    assert round(s["PERSON"].f1, 4) == 0.8
    # LOCATION: tp 0 fp 1 fn 1; ORG: fp 1
    assert s["LOCATION"].f1 == 0.0 and s["LOCATION"].support == 1
    assert (s["ORG"].precision, s["ORG"].recall) == (0.0, 0.0)
    # micro: tp 2, fp 3, fn 1 → P 0.4, R 2/3, F1 0.5
    assert (s[ALL].tp, s[ALL].fp, s[ALL].fn) == (2, 3, 1)
    assert round(s[ALL].f1, 4) == 0.5


def test_labels_outside_the_set_are_ignored():
    s = score([[Span(0, 2, "TITLE")]], [[Span(0, 2, "TITLE"), Span(3, 4, "X")]], ["TITLE"])
    assert (s["TITLE"].tp, s[ALL].fp) == (1, 0)


def test_jieba_baseline_in_the_same_run():
    text = "张晓明在安徽省工作"
    spans = jieba_spans(text)
    assert Span(0, 3, "PERSON") in spans and Span(4, 7, "LOCATION") in spans
    ex = Example(text, (Span(0, 3, "PERSON"),))
    res = evaluate(
        [ex], {"gold": lambda t: [Span(0, 3, "PERSON")], "jieba": jieba_spans}, ["PERSON"]
    )
    assert res["gold"]["PERSON"].f1 == 1.0
    assert res["jieba"]["PERSON"].tp == 1


def test_eval_ner_cli_baseline_only(tmp_path, capsys, monkeypatch):
    from pipeline.cli import main

    f = tmp_path / "dev.jsonl"
    f.write_text(
        json.dumps(
            {"text": "张晓明在安徽省工作", "entities": [{"start": 0, "end": 3, "label": "PERSON"}]},
            ensure_ascii=False,
        )
        + "\n",
        "utf-8",
    )
    monkeypatch.setenv("ZWGK_MODELS_DIR", str(tmp_path))  # no models/ner here
    assert main(["eval-ner", str(f)]) == 0
    out = capsys.readouterr().out
    assert "基线 jieba" in out and "PERSON" in out and "1.000" in out


def test_error_kinds_sorts_every_mistake():
    from pipeline.ner.evaluate import error_kinds

    gold = [
        [Span(0, 3, "PERSON"), Span(5, 7, "PERSON"), Span(9, 11, "PERSON"), Span(13, 15, "PERSON")]
    ]
    pred = [
        [
            Span(0, 3, "PERSON"),
            Span(5, 8, "PERSON"),
            Span(9, 11, "LOCATION"),
            Span(20, 22, "PERSON"),
        ]
    ]
    kinds = error_kinds(gold, pred, "PERSON")
    assert kinds == {"exact": 1, "boundary": 1, "label": 1, "missed": 1, "spurious": 1}


def test_eval_ner_through_screen_scores_screen_findings(tmp_path, capsys):
    import json

    from pipeline.evaluate.ner_screen import sample, through_screen
    from pipeline.ner.corpus import read_jsonl

    rows = [
        ("来信人杨秀梅反映小区停车难。", "杨秀梅"),
        ("联系人：韩立新，电话0551-63351234。", "韩立新"),
        ("今年全市粮食产量稳定增长。", None),
    ]
    f = tmp_path / "p.jsonl"
    with f.open("w", encoding="utf-8") as fh:
        for text, name in rows:
            ents = (
                []
                if name is None
                else [
                    {
                        "start": text.index(name),
                        "end": text.index(name) + len(name),
                        "label": "PERSON",
                    }
                ]
            )
            fh.write(json.dumps({"text": text, "entities": ents}, ensure_ascii=False) + "\n")
    examples = list(read_jsonl(f))
    assert [e.text for e in sample(examples, 2, 1)] == [e.text for e in sample(examples, 2, 1)]
    assert len(sample(examples, 2, 1)) == 2 and len(sample(examples, None, 1)) == 3
    counts, _cpu = through_screen(examples, None)["screen"]
    assert counts.support == 2 and counts.tp == 2 and counts.fp == 0
    # screened as one document, one sentence a line: the offsets map back to each sentence
    from pipeline.evaluate.ner_screen import joined

    assert [len(doc) for doc in joined(examples, 40)] == [2, 1]
    counts, _cpu = through_screen(examples, None, join=40)["screen"]
    assert counts.support == 2 and counts.tp == 2 and counts.fp == 0
