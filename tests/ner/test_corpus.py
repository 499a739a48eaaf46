import json

import pytest

from pipeline.ner.bio import Span
from pipeline.ner.corpus import ReadStats, read_jsonl, split, split_of, write_jsonl


def _write(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")


def test_labels_mapped_and_others_dropped(tmp_path):
    text = "北京市人民政府张三局长玩王者荣耀"
    f = tmp_path / "c.jsonl"
    _write(
        f,
        [
            {
                "text": text,
                "entities": [
                    {"start": 0, "end": 7, "label": "GOVERNMENT"},
                    {"start": 7, "end": 9, "label": "PERSON"},
                    {"start": 9, "end": 11, "label": "TITLE"},
                    {"start": 12, "end": 16, "label": "OTHER:game"},
                    {"start": 8, "end": 10, "label": "LOCATION"},  # overlaps the name
                    {"start": 15, "end": 40, "label": "ORG"},  # out of range
                ],
            },
            {"text": "", "entities": []},
        ],
    )
    f.write_text(f.read_text("utf-8") + "\n", "utf-8")  # a blank line is skipped
    stats = ReadStats()
    (ex,) = list(read_jsonl(f, stats=stats))
    assert ex.spans == (Span(0, 7, "ORG"), Span(7, 9, "PERSON"), Span(9, 11, "TITLE"))
    assert stats.dropped == {"label:OTHER:game": 1, "overlap": 1, "bad-offsets": 1}
    assert stats.kept == {"ORG": 1, "PERSON": 1, "TITLE": 1}


def test_label_subset(tmp_path):
    f = tmp_path / "c.jsonl"
    _write(
        f,
        [
            {
                "text": "张三在北京",
                "entities": [
                    {"start": 0, "end": 2, "label": "PERSON"},
                    {"start": 3, "end": 5, "label": "LOCATION"},
                ],
            }
        ],
    )
    (ex,) = list(read_jsonl(f, labels=["PERSON"]))
    assert ex.spans == (Span(0, 2, "PERSON"),)


def test_malformed_line_names_the_line(tmp_path):
    f = tmp_path / "bad.jsonl"
    f.write_text('{"text": "a", "entities": []}\n{oops\n', "utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:2"):
        list(read_jsonl(f))


def test_split_is_seeded_and_stable(tmp_path):
    f = tmp_path / "c.jsonl"
    _write(f, [{"text": f"第{i}句话", "entities": []} for i in range(400)])
    examples = list(read_jsonl(f))
    train, dev = split(examples, seed=1, dev_fraction=0.25)
    assert len(train) + len(dev) == 400
    assert 60 < len(dev) < 140
    assert split(examples, seed=1, dev_fraction=0.25) == (train, dev)
    assert split(examples, seed=2, dev_fraction=0.25)[1] != dev
    assert all(split_of(ex.text, 1, 0.25) == "dev" for ex in dev)


def test_write_then_read(tmp_path):
    f = tmp_path / "c.jsonl"
    _write(f, [{"text": "张三在北京", "entities": [{"start": 0, "end": 2, "label": "PERSON"}]}])
    examples = list(read_jsonl(f))
    write_jsonl(tmp_path / "d.jsonl", examples)
    assert [e.spans for e in read_jsonl(tmp_path / "d.jsonl")] == [e.spans for e in examples]
