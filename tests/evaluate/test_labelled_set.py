"""The hand-labelled evaluation sets themselves: schema, labels and well-formed fake values.

Three folders share the schema and the builder: ``labelled`` (40 documents, used to tune the
rules), ``labelled_holdout`` (24 documents written independently, kept out of tuning) and
``labelled_final`` (16 documents, the final test set nobody tunes on).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from pipeline.document import ENTITIES
from pipeline.evaluate import load_labelled

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LABELLED = FIXTURES / "labelled"
HOLDOUT = FIXTURES / "labelled_holdout"
FINAL = FIXTURES / "labelled_final"
FOLDERS = [LABELLED, HOLDOUT, FINAL]
#: Per folder: number of documents, required genre counts, minimum number of ID_CARD items.
EXPECTED_SETS: dict[str, tuple[int, dict[str, int], int]] = {
    "labelled": (
        40,
        {"社会救助公示": 6, "工作总结计划": 4, "行政处罚决定书": 4, "依申请公开答复": 4},
        50,
    ),
    "labelled_holdout": (
        24,
        {
            "社会救助公示": 3,
            "环评公示": 2,
            "任前公示": 2,
            "行政处罚决定书": 3,
            "依申请公开答复": 3,
            "信访答复": 3,
            "征地补偿公示": 2,
            "扶贫公示": 2,
            "表彰通报": 1,
            "招聘结果公示": 1,
            "工作总结计划": 2,
        },
        25,
    ),
    "labelled_final": (
        16,
        {
            "社会救助公示": 2,
            "环评公示": 1,
            "任前公示": 1,
            "行政处罚决定书": 1,
            "依申请公开答复": 2,
            "信访答复": 2,
            "征地补偿公示": 2,
            "扶贫公示": 1,
            "教育资助公示": 1,
            "残疾人补贴公示": 1,
            "会议纪要通知": 1,
            "工作总结计划": 1,
        },
        25,
    ),
}
FILES = [p for folder in FOLDERS for p in sorted(folder.glob("*.json"))]
FOLDER_IDS = [f.name for f in FOLDERS]
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
MUST_ENTITIES = {"ID_CARD", "MOBILE", "LANDLINE", "BANK_CARD", "ADDRESS"}


def digits(value: str) -> str:
    """Full-width to half-width, separators (space, hyphen, +86) removed."""
    value = unicodedata.normalize("NFKC", value).replace("+86", "")
    return re.sub(r"[\s\-]", "", value).upper()


def id_ok(value: str) -> bool:
    try:
        if len(value) == 18:
            date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
            total = sum(int(d) * w for d, w in zip(value[:17], WEIGHTS, strict=True))
            return "10X98765432"[total % 11] == value[17]
        if len(value) == 15 and value.isdigit():
            date(1900 + int(value[6:8]), int(value[8:10]), int(value[10:12]))
            return True
    except ValueError:
        return False
    return False


def luhn_ok(value: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(value)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def items(folder: Path, entity: str) -> list[tuple[str, str]]:
    docs = load_labelled(folder)
    return [(d.id, e.text) for d in docs for e in d.expected if e.entity == entity]


@pytest.mark.parametrize("folder", FOLDERS, ids=FOLDER_IDS)
def test_documents_load_and_genres_are_covered(folder: Path) -> None:
    count, genre_counts, _ = EXPECTED_SETS[folder.name]
    docs = load_labelled(folder)
    assert len(docs) == count
    assert len({d.id for d in docs}) == count
    genres = Counter(d.genre for d in docs)
    for genre, n in genre_counts.items():
        assert genres[genre] == n, genre


def test_holdout_is_disjoint_from_the_tuned_set() -> None:
    tuned = load_labelled(LABELLED)
    held = load_labelled(HOLDOUT)
    assert not {d.id for d in tuned} & {d.id for d in held}
    tuned_values = {e.text for d in tuned for e in d.expected if e.entity != "ETHNICITY"}
    held_values = {e.text for d in held for e in d.expected if e.entity != "ETHNICITY"}
    assert not tuned_values & held_values


def test_the_three_sets_are_pairwise_disjoint() -> None:
    sets = {folder.name: load_labelled(folder) for folder in FOLDERS}
    ids = {name: {d.id for d in docs} for name, docs in sets.items()}
    values = {
        name: {e.text for d in docs for e in d.expected if e.entity != "ETHNICITY"}
        for name, docs in sets.items()
    }
    names = list(sets)
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            assert not ids[first] & ids[second], (first, second)
            assert not values[first] & values[second], (first, second)
    # No document text is reused either (same opening line = same document).
    heads = [d.text.split("\n", 1)[0] + d.text[-40:] for docs in sets.values() for d in docs]
    assert len(heads) == len(set(heads))


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.stem}" for p in FILES])
def test_file_schema(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["id"] == path.stem
    assert set(data) == {"id", "genre", "text", "expected"}
    counts = Counter(e["text"] for e in data["expected"])
    for e in data["expected"]:
        assert set(e) == {"entity", "text", "action", "must_redact", "note"}
        assert e["entity"] in ENTITIES
        assert e["action"] in ("redact", "review", "allow")
        assert e["note"]
        assert "*" not in e["text"], "masked values must not be labelled"
        assert data["text"].count(e["text"]) >= counts[e["text"]]
        if e["must_redact"]:
            assert e["entity"] in MUST_ENTITIES and e["action"] == "redact"


@pytest.mark.parametrize("folder", FOLDERS, ids=FOLDER_IDS)
def test_id_numbers_are_well_formed(folder: Path) -> None:
    ids = items(folder, "ID_CARD")
    assert len(ids) > EXPECTED_SETS[folder.name][2]
    assert any(len(digits(v)) == 15 for _, v in ids)
    for doc_id, value in ids:
        assert id_ok(digits(value)), (doc_id, value)
        assert 11 <= int(digits(value)[:2]) <= 65


@pytest.mark.parametrize("folder", FOLDERS, ids=FOLDER_IDS)
def test_bank_cards_pass_luhn(folder: Path) -> None:
    cards = items(folder, "BANK_CARD")
    assert cards
    for doc_id, value in cards:
        d = digits(value)
        assert 16 <= len(d) <= 19 and d.startswith("62") and luhn_ok(d), (doc_id, value)


@pytest.mark.parametrize("folder", FOLDERS, ids=FOLDER_IDS)
def test_mobiles_and_landlines_are_well_formed(folder: Path) -> None:
    for doc_id, value in items(folder, "MOBILE"):
        assert re.fullmatch(r"1[3-9]\d{9}", digits(value)), (doc_id, value)
    for doc_id, value in items(folder, "LANDLINE"):
        assert re.fullmatch(r"0\d{2,3}\d{7,8}", digits(value)), (doc_id, value)


@pytest.mark.parametrize("folder", FOLDERS, ids=FOLDER_IDS)
def test_variants_are_present(folder: Path) -> None:
    texts = [e.text for d in load_labelled(folder) for e in d.expected]
    assert any(re.search(r"[０-９]", t) for t in texts)  # full-width digits
    assert any(re.search(r"\d[ -]\d", t) for t in texts)  # split digits
    assert any(t[:2] in ("欧阳", "司徒") for t in texts)  # compound surnames
    all_text = "".join(d.text for d in load_labelled(folder))
    masked = re.findall(
        r"[\u4e00-\u9fff]\*[\u4e00-\u9fff]|1[3-9]\d\*{4}\d{4}|\d{2,6}\*{8,14}\w{2,4}", all_text
    )
    assert len(masked) >= 3, masked  # masked names, phones and IDs that must yield no finding
    if folder == LABELLED:
        for value in ("王*军", "138****1234", "3415**********5412"):
            assert value in all_text


def test_holdout_covers_the_harder_surface_forms() -> None:
    docs = load_labelled(HOLDOUT)
    texts = [e.text for d in docs for e in d.expected]
    assert any(digits(t).isdigit() and len(digits(t)) == 15 for t in texts)  # legacy IDs
    assert any(t.startswith("+86") for t in texts)
    assert any(re.search(r"[０-９]{11}", t) for t in texts)  # full-width, not only IDs
    all_text = "".join(d.text for d in docs)
    for hotline in ("12345", "12380", "12369", "12317", "400-", "800-"):
        assert hotline in all_text


def test_final_set_covers_the_harder_surface_forms() -> None:
    docs = load_labelled(FINAL)
    by_id = {d.id: d for d in docs}
    items_ = [e for d in docs for e in d.expected]
    texts = [e.text for e in items_]
    assert any(digits(t).isdigit() and len(digits(t)) == 15 for t in texts)  # legacy IDs
    assert any("+86" in t for t in texts)
    assert any(re.search(r"[０-９]{11}", t) for t in texts)  # full-width, not only IDs
    assert any(re.fullmatch(r"\d{6} \d{8} \d{3}[\dX]", t) for t in texts)  # ID split 6-8-4
    assert any("·" in t for t in texts)  # names and plates with a middle dot
    # One document in traditional characters, with its labels in traditional characters too.
    assert any("申請" in d.text and "聯繫電話" in d.text for d in docs)
    # Every action and the sensitive categories occur; minors are never silently allowed.
    assert {e.action for e in items_} == {"redact", "review", "allow"}
    for entity in ("HEALTH", "MINOR", "BANK_CARD", "LANDLINE", "DATE_OF_BIRTH", "QQ", "EMAIL"):
        assert entity in {e.entity for e in items_}, entity
    assert all(e.action != "allow" for e in items_ if e.entity in ("HEALTH", "MINOR"))
    # Hard negatives in the text: hotlines, agency USCCs and accounts, masked values.
    all_text = "".join(d.text for d in docs)
    for hotline in ("12345", "12380", "12369", "12317", "12385", "12355", "12393", "400-"):
        assert hotline in all_text
    assert "（对公账户）" in all_text and "统一社会信用代码" in all_text
    # Officials-only minutes label nothing but allows; the annual report labels nothing.
    assert all(e.action == "allow" for e in by_id["15_huiyi_yining"].expected)
    assert by_id["16_nianbao_zhangpu"].expected == []
