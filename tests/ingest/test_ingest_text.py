"""Plain-text ingest: encodings, newlines, binary rejection."""

from __future__ import annotations

import codecs
import random

import pytest

from pipeline.ingest import IngestError, load_bytes, load_path

SAMPLE = "关于政府信息公开申请的答复\n申请人：张三，联系电话13812345678。\n（此件依申请公开）\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("gbk"), "gb18030"),
        (SAMPLE.encode("gb2312"), "gb18030"),
    ],
)
def test_encodings_are_detected_and_reported(tmp_path, data, encoding):
    path = tmp_path / "reply.txt"
    path.write_bytes(data)
    doc = load_path(path)
    assert doc.kind == "txt"
    assert doc.text == SAMPLE
    assert doc.encoding == encoding
    assert doc.source == str(path)
    assert doc.markup is None


def test_gb18030_only_characters_survive(tmp_path):
    text = "申请人：䶮先生，住址：某县某村3组\n"  # 䶮 is outside GBK
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("gb18030"))
    assert load_path(path).text == text


def test_big5_is_preferred_when_it_reads_like_chinese():
    text = "關於政務公開工作的實施意見，各地各部門要認真貫徹落實，這是我們的重要任務。"
    doc = load_bytes(text.encode("big5"), "tw.txt")
    assert doc.text == text
    assert doc.encoding == "big5"


def test_newlines_are_normalised_and_offsets_index_the_result():
    raw = "第一行\r\n申请人张三\r第三行\n"
    doc = load_bytes(raw.encode("utf-8"), "a.txt")
    assert doc.text == "第一行\n申请人张三\n第三行\n"
    start = doc.text.index("张三")
    assert doc.text[start : start + 2] == "张三"
    assert "\r" not in doc.text


def test_random_binary_is_rejected():
    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(4000))
    with pytest.raises(IngestError) as info:
        load_bytes(data, "garbage.txt")
    assert "garbage.txt" in info.value.message
    assert "不是文本文件" in info.value.message
    assert info.value.source == "garbage.txt"


def test_control_characters_are_rejected():
    data = ("正文" + "\x01\x02\x03\x04" * 20).encode("utf-8")
    with pytest.raises(IngestError, match="不是文本文件"):
        load_bytes(data, "ctl.txt")


def test_empty_and_blank_files_are_errors():
    with pytest.raises(IngestError, match="文件为空"):
        load_bytes(b"", "empty.txt")
    with pytest.raises(IngestError, match="没有文字内容"):
        load_bytes(b" \r\n\t\n", "blank.txt")


def test_bom_with_undecodable_body_is_an_encoding_error():
    with pytest.raises(IngestError, match="文件编码无法识别"):
        load_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfd abc", "bad.txt")
