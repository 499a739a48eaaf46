"""Normalisation: matching-friendly text, and every offset maps back to the original."""

from __future__ import annotations

import random
import re

import pytest

from pipeline.normalise import OffsetMap, normalise
from pipeline.normalise.text_normaliser import char_table

MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")


def _find_back(original: str, pattern: re.Pattern[str]) -> list[str]:
    """Match in normalised text, return the ORIGINAL substrings the spans map to."""
    n = normalise(original)
    out = []
    for m in pattern.finditer(n.text):
        start, end = n.span_to_original(m.start(), m.end())
        out.append(original[start:end])
    return out


@pytest.mark.parametrize(
    ("original", "expected_norm", "expected_orig"),
    [
        (
            "电话１３８１２３４５６７８。",
            "电话:13812345678。".replace(":", ""),
            "１３８１２３４５６７８",
        ),
        ("電話13812345678", "电话13812345678", "13812345678"),
        ("电话138\u200b1234\u200d5678", "电话13812345678", "138\u200b1234\u200d5678"),
        ("电话 138 1234 5678 谢谢", "电话 13812345678 谢谢", "138 1234 5678"),
        ("电话138-1234-5678", "电话13812345678", "138-1234-5678"),
        ("电话:１３８－１２３４－５６７８", "电话:13812345678", "１３８－１２３４－５６７８"),
        ("关(guān)于电话13812345678", "关于电话13812345678", "13812345678"),
    ],
)
def test_each_normalisation_maps_back(original: str, expected_norm: str, expected_orig: str):
    assert normalise(original).text == expected_norm
    assert _find_back(original, MOBILE) == [expected_orig]


def test_pinyin_noise_removed_from_seed_style_title():
    original = "中共河南省委辦公廳關(guān)于全面推進(jìn)政務(wù)公開工作的實施意見"
    n = normalise(original)
    assert n.text == "中共河南省委办公厅关于全面推进政务公开工作的实施意见"
    i = n.text.index("政务公开")
    start, end = n.span_to_original(i, i + 4)
    assert original[start:end] == "政務(wù)公開"


def test_list_markers_in_brackets_are_not_pinyin():
    assert normalise("条款(a)和(b)").text == "条款(a)和(b)"


def test_dates_and_plain_numbers_are_not_joined():
    for s in ["2020-12-19 17:58", "共 12 件", "第3条 第4条", "0564-12345"]:
        assert normalise(s).offsets.is_identity, s


def test_identity_fast_path_keeps_length():
    text = "六安市2020年政务公开工作总结（此件公开发布）"
    n = normalise(text)
    assert len(n.text) == len(text)
    assert n.offsets.is_identity
    assert n.text == "六安市2020年政务公开工作总结(此件公开发布)"


def test_citation_brackets_are_kept():
    assert normalise("豫辦〔2016〕60號《條例》").text == "豫办〔2016〕60号《条例》"


def test_offset_map_edges():
    m = OffsetMap([(0, 3), (5, 8)], 8)  # "abc" + "fgh" from "abcdefgh"
    assert m.to_original(2) == 2
    assert m.to_original(3) == 5
    assert m.span_to_original(2, 4) == (2, 6)  # the deleted "de" stays inside the span
    assert m.span_to_original(3, 3) == (5, 5)
    assert m.to_original(6) == 8


def test_random_documents_map_every_character_back():
    """Property: each normalised character comes from the original character it maps to."""
    rng = random.Random(7)
    pieces = [
        "關(guān)",
        "１３８ １２３４ ５６７８",
        "\u200b",
        "電話",
        "，",
        "王*军",
        " ",
        "\n",
        "110101 19900307 451X",
        "6222 0210 0112 3456 789",
        "abc",
        "〔2020〕14號",
    ]
    table = char_table()
    for _ in range(300):
        original = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        n = normalise(original)
        assert len(n.text) <= len(original)
        for i, ch in enumerate(n.text):
            j = n.offsets.to_original(i)
            assert chr(table.get(ord(original[j]), ord(original[j]))) == ch
        # spans map to non-decreasing, in-bounds original ranges
        for i in range(len(n.text)):
            s, e = n.span_to_original(i, len(n.text))
            assert 0 <= s < e <= len(original)


def test_irregular_id_split_is_joined_only_when_the_check_digit_passes():
    ident = re.compile(r"(?<![0-9])[1-9][0-9]{16}[0-9X](?![0-9])")
    original = "身份证号:37030319930520 4144,电话3585321 13812345678"
    assert _find_back(original, ident) == ["37030319930520 4144"]
    # 7 + 11 digits make 18, but the check digit fails: the two numbers stay apart
    assert _find_back(original, MOBILE) == ["13812345678"]
    assert "3585321 13812345678" in normalise(original).text
