"""RosterRecognizer: header detection, typed cells, annotations and separators."""

from __future__ import annotations

from pipeline.detect.base import DetectContext
from pipeline.detect.engine import DetectionEngine
from pipeline.detect.recognizers.roster_recognizer import RosterRecognizer
from pipeline.normalise import normalise

HEADER = "序号\t姓名\t性别\t民族\t出生年月\t身份证号码\t家庭住址\t联系电话"
ROSTER = f"""2023年度农村低保对象公示
{HEADER}
1\t张伟\t男\t汉族\t1985年3月\t341502198503150012\t舒城县干汊河镇新河村3组\t13812345678
2\t欧阳娜娜\t女\t回族\t1990-07\t341502199007120021\t六安市金安区梅山南路12号\t13912345678
3\t王*军\t男\t汉族\t1970.01\t3415**********5412\t城关镇\t138****1234

监督电话:0564-12345
"""


def _run(text: str) -> tuple[DetectContext, list[tuple[str, str, dict]]]:
    ctx = DetectContext(normalise(text))
    found = [(d.entity, text[d.start : d.end], d.attrs) for d in RosterRecognizer().analyze(ctx)]
    return ctx, found


def test_typed_cells() -> None:
    _, found = _run(ROSTER)
    by_entity: dict[str, list[str]] = {}
    for entity, value, _ in found:
        by_entity.setdefault(entity, []).append(value)
    assert by_entity["PERSON"] == ["张伟", "欧阳娜娜"]  # 王*军 is already masked
    assert by_entity["ETHNICITY"] == ["汉族", "回族", "汉族"]
    assert by_entity["DATE_OF_BIRTH"] == ["1985年3月", "1990-07", "1970.01"]
    assert by_entity["ADDRESS"] == ["舒城县干汊河镇新河村3组", "六安市金安区梅山南路12号"]
    # ID, phone and card cells are left to the structured recognizers
    assert not any(v.isdigit() for _, v, _ in found)


def test_person_cell_attrs_and_score() -> None:
    ctx = DetectContext(normalise(ROSTER))
    person = next(d for d in RosterRecognizer().analyze(ctx) if d.entity == "PERSON")
    assert person.score == 0.95
    assert person.attrs["via"] == "roster" and person.attrs["roster"] is True
    assert person.attrs["column"] == "姓名"


def test_address_cell_has_keep_until() -> None:
    ctx = DetectContext(normalise(ROSTER))
    addr = next(d for d in RosterRecognizer().analyze(ctx) if d.entity == "ADDRESS")
    assert ROSTER[addr.start : addr.attrs["keep_until_at"]] == "舒城县干汊河镇"


def test_rows_are_annotated_until_the_table_ends() -> None:
    ctx, _ = _run(ROSTER)
    rows = [a for a in ctx.annotations if a[0] == "roster"]
    assert len(rows) == 3
    assert all(a[3] == HEADER for a in rows)
    assert ROSTER[rows[0][1] : rows[0][2]].startswith("1\t张伟")
    assert "监督电话" not in ROSTER[rows[-1][1] : rows[-1][2]]


def test_space_and_pipe_separated_tables() -> None:
    _, found = _run("姓名  性别  住址\n李娜  女  城关镇解放路88号\n")
    assert [(e, v) for e, v, _ in found] == [("PERSON", "李娜"), ("ADDRESS", "城关镇解放路88号")]
    _, found = _run("| 姓名 | 联系电话 |\n| 刘洋 | 13812345678 |\n")
    assert [(e, v) for e, v, _ in found] == [("PERSON", "刘洋")]


def test_one_keyword_is_not_a_roster() -> None:
    ctx, found = _run("项目\t联系电话\n政务公开\t0564-12345\n")
    assert found == [] and ctx.annotations == []


def test_prose_with_keywords_is_not_a_roster() -> None:
    text = "各单位要公开办公地址、联系电话、负责人姓名等信息。\n不得公开身份证号码、家庭住址。\n"
    ctx, found = _run(text)
    assert found == [] and ctx.annotations == []


def test_original_offsets_through_engine_fullwidth() -> None:
    original = "姓名\t民族\t身份證號碼\n張偉\t漢族\t３４１５０２１９８５０３１５００１２\n"
    found = DetectionEngine([RosterRecognizer()]).detect(original)
    assert [(d.entity, original[d.start : d.end]) for d in found] == [
        ("PERSON", "張偉"),
        ("ETHNICITY", "漢族"),
    ]
