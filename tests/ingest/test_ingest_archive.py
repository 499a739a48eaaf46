""".zip archives: members as documents of their own, nested archives, limits against bombs."""

from __future__ import annotations

import io
import zipfile

import pytest

from pipeline.ingest import IngestError, load_bytes
from pipeline.ingest.archive import ArchiveLimits, ArchiveMarkup, leaves, load_archive
from pipeline.ingest.locate import attach_locations
from pipeline.screen import screen_text
from tests.sheet_builder import IDS, PHONES, roster_xlsx


@pytest.fixture(autouse=True)
def _no_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZWGK_NER", "0")


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


NOTICE = f"关于张某某申请临时救助的答复\n申请人联系电话{PHONES[2]}。".encode()


def test_nested_archive_members_are_named_and_located():
    inner = _zip(
        {"答复.txt": NOTICE, "名单.csv": f"姓名,身份证号\n王秀英,{IDS[1]}\n".encode("gbk")}
    )
    outer = _zip({"附件1/花名册.xlsx": roster_xlsx(rows=1).data, "附件2.zip": inner})
    doc = load_bytes(outer, "公示附件.zip")
    assert doc.kind == "zip" and doc.warnings == []
    names = [d.source for d in leaves(doc)]
    assert names == [
        "公示附件.zip!附件1/花名册.xlsx",
        "公示附件.zip!附件2.zip!答复.txt",
        "公示附件.zip!附件2.zip!名单.csv",
    ]
    result = screen_text(doc.text, doc.source)
    attach_locations(result.findings, doc)
    where = {f.text: f.location for f in result.findings}
    assert where[IDS[0]]["member"] == names[0] and where[IDS[0]]["cell"] == "C3"
    assert where[IDS[1]] == {"member": names[2], "cell": "B2", "header": "身份证号"}
    assert where[PHONES[2]] == {"member": names[1]}


def test_zip_bomb_member_is_refused_by_name_and_the_rest_is_read():
    bomb = b"\0" * (3 * 1024 * 1024)  # ~1000x compression
    data = _zip({"data/填报说明.txt": bomb, "报名表.xlsx": roster_xlsx(rows=2).data})
    doc = load_bytes(data, "报名材料.zip")
    assert [d.source for d in leaves(doc)] == ["报名材料.zip!报名表.xlsx"]
    markup = doc.markup
    assert isinstance(markup, ArchiveMarkup) and len(markup.errors) == 1
    assert "报名材料.zip!data/填报说明.txt" in markup.errors[0]
    assert "压缩炸弹" in markup.errors[0]
    assert any("不包含这些成员" in w for w in doc.warnings)


def test_total_size_member_count_and_depth_limits():
    members = {f"表{i}.csv": f"姓名,电话\n甲{i},{PHONES[i % 5]}\n".encode() for i in range(6)}
    data = _zip(members)
    with pytest.raises(IngestError, match="文件过多") as info:
        load_archive(data, "批量.zip", ArchiveLimits(max_members=5))
    assert "批量.zip" in info.value.message
    limited = load_archive(data, "批量.zip", ArchiveLimits(max_total_bytes=70))
    assert 1 <= len(limited.markup.members) < 6
    assert any("解压总量超过上限" in e for e in limited.markup.errors)
    nested = NOTICE
    for level in range(5):
        nested = _zip({f"第{level}层.zip" if level else "答复.txt": nested})
    outer = _zip({"说明.txt": NOTICE, "嵌套.zip": nested})
    doc = load_archive(outer, "多层.zip", ArchiveLimits(max_depth=3))
    assert [d.source for d in leaves(doc)] == ["多层.zip!说明.txt"]
    assert any("嵌套层数" in e and "多层.zip!嵌套.zip!第4层.zip" in e for e in doc.markup.errors)


def test_bad_members_are_errors_for_that_member_only():
    data = _zip(
        {
            "扫描件.png": b"\x89PNG\r\n\x1a\n" + b"\0" * 40,
            "坏表.xlsx": b"PK\x03\x04broken",
            "空.txt": b"",
            "__MACOSX/._答复.txt": b"\0\5\x16\7",
            "目录/": b"",
            "答复.txt": NOTICE,
        }
    )
    doc = load_bytes(data, "a.zip")
    assert [d.source for d in leaves(doc)] == ["a.zip!答复.txt"]
    errors = doc.markup.errors
    assert len(errors) == 3
    assert any("a.zip!扫描件.png" in e for e in errors)
    assert any("a.zip!坏表.xlsx" in e and "损坏" in e for e in errors)
    assert any("a.zip!空.txt" in e and "为空" in e for e in errors)


def test_unreadable_archives_are_clear_errors():
    with pytest.raises(IngestError, match="ZIP 压缩包损坏"):
        load_bytes(b"PK\x03\x04" + b"\1" * 30, "x.zip")
    with pytest.raises(IngestError, match="没有可审查的文件") as info:
        load_bytes(_zip({"图.jpg": b"\xff\xd8\xff\xe0" + b"\0" * 20}), "图片.zip")
    assert "图片.zip!图.jpg" in info.value.message
    raw = bytearray(_zip({"密.txt": NOTICE, "答复.txt": NOTICE}, zipfile.ZIP_STORED))
    local, central = raw.find(b"PK\x03\x04"), raw.find(b"PK\x01\x02")
    raw[local + 6] |= 0x1  # the first member is marked encrypted (as a password zip is)
    raw[central + 8] |= 0x1
    doc = load_bytes(bytes(raw), "加密.zip")
    assert any("加密.zip!密.txt" in e and "加密" in e for e in doc.markup.errors)


def test_gbk_member_names_from_chinese_windows_are_decoded():
    gbk = "低保名单.csv".encode("gbk")
    placeholder = b"X" * (len(gbk) - 4) + b".csv"
    raw = _zip({placeholder.decode(): f"姓名,身份证号\n李建国,{IDS[0]}\n".encode("gbk")})
    assert raw.count(placeholder) == 2  # local header and central directory; no UTF-8 flag
    doc = load_bytes(raw.replace(placeholder, gbk), "下载.zip")
    assert [d.source for d in leaves(doc)] == ["下载.zip!低保名单.csv"]
