"""The same documents, disturbed: zero-width characters, full-width digits, CRLF line ends.
Offsets stay exact and the structure does not change."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from pipeline.parse import parse_document
from tests.parse.conftest import FIXTURES
from tests.parse.offsets import assert_offsets

NAMES = sorted(p.name for p in FIXTURES.glob("*.txt"))
_CJK = re.compile(r"[\u4e00-\u9fff]")
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def _plain(value: str) -> str:
    return unicodedata.normalize("NFKC", value.replace("\u200b", ""))


def _shape(doc):
    return (
        _plain(doc.title.value) if doc.title else None,
        doc.doc_number.normalized if doc.doc_number else None,
        doc.date.iso if doc.date else None,
        [(h.kind, h.number, h.parent, h.section) for h in doc.headings],
        [(s.kind, s.label) for s in doc.sections],
        [len(t.rows) for t in doc.tables],
        [m.attribute for m in doc.markers],
        [_plain(c.value) for c in doc.citations],
    )


def _zero_width(text: str, seed: int) -> str:
    rng = random.Random(seed)
    chars = list(text)
    for _ in range(len(chars) // 40):
        i = rng.randrange(1, len(chars))
        if _CJK.match(chars[i - 1]) and _CJK.match(chars[i]):  # not inside pinyin or numbers
            chars.insert(i, "\u200b")
    return "".join(chars)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("disturb", ["zero_width", "full_width_digits", "crlf"])
def test_disturbed_input_keeps_structure_and_offsets(fixture_text, name, disturb):
    text = fixture_text(name)
    if disturb == "zero_width":
        changed = _zero_width(text, seed=len(text))
    elif disturb == "full_width_digits":
        changed = text.translate(_FULL)
    else:
        changed = text.replace("\n", "\r\n")
    plain, disturbed = parse_document(text), parse_document(changed)
    assert assert_offsets(changed, disturbed.to_dict()) > 10
    assert _shape(disturbed) == _shape(plain)
