"""The hand-labelled evaluation set itself: schema, labels and well-formed fake values."""

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

LABELLED = Path(__file__).resolve().parents[1] / "fixtures" / "labelled"
FILES = sorted(LABELLED.glob("*.json"))
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


def items(entity: str) -> list[tuple[str, str]]:
    docs = load_labelled(LABELLED)
    return [(d.id, e.text) for d in docs for e in d.expected if e.entity == entity]


def test_forty_documents_load_and_genres_are_covered() -> None:
    docs = load_labelled(LABELLED)
    assert len(docs) == 40
    assert len({d.id for d in docs}) == 40
    genres = Counter(d.genre for d in docs)
    assert genres["社会救助公示"] == 6 and genres["工作总结计划"] == 4
    assert genres["行政处罚决定书"] == 4 and genres["依申请公开答复"] == 4


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
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


def test_id_numbers_are_well_formed() -> None:
    ids = items("ID_CARD")
    assert len(ids) > 50
    assert any(len(digits(v)) == 15 for _, v in ids)
    for doc_id, value in ids:
        assert id_ok(digits(value)), (doc_id, value)
        assert 11 <= int(digits(value)[:2]) <= 65


def test_bank_cards_pass_luhn() -> None:
    cards = items("BANK_CARD")
    assert cards
    for doc_id, value in cards:
        d = digits(value)
        assert 16 <= len(d) <= 19 and d.startswith("62") and luhn_ok(d), (doc_id, value)


def test_mobiles_and_landlines_are_well_formed() -> None:
    for doc_id, value in items("MOBILE"):
        assert re.fullmatch(r"1[3-9]\d{9}", digits(value)), (doc_id, value)
    for doc_id, value in items("LANDLINE"):
        assert re.fullmatch(r"0\d{2,3}\d{7,8}", digits(value)), (doc_id, value)


def test_variants_are_present() -> None:
    texts = [e.text for d in load_labelled(LABELLED) for e in d.expected]
    assert any(re.search(r"[０-９]", t) for t in texts)  # full-width digits
    assert any(re.search(r"\d[ -]\d", t) for t in texts)  # split digits
    assert any(t[:2] in ("欧阳", "司徒") for t in texts)  # compound surnames
    all_text = "".join(d.text for d in load_labelled(LABELLED))
    for masked in ("王*军", "138****1234", "3415**********5412"):
        assert masked in all_text
