""".7z archives (py7zr): members named a.7z!dir/x, the .zip limits, encrypted and damaged
archives, .rar refused; the redacted output is a .zip."""

from __future__ import annotations

import io
import zipfile

import pytest

from pipeline.ingest import IngestError, load_bytes
from pipeline.ingest.archive import ArchiveLimits, ArchiveMarkup, leaves, load_archive
from pipeline.ingest.locate import attach_locations
from pipeline.redact import replacements
from pipeline.redact.markup_writer import write_redacted
from pipeline.screen import screen_text
from tests.sheet_builder import IDS, PHONES, all_cell_strings, roster_xlsx

py7zr = pytest.importorskip("py7zr")


@pytest.fixture(autouse=True)
def _no_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZWGK_NER", "0")


def _7z(members: dict[str, bytes], **kw: object) -> bytes:
    buf = io.BytesIO()
    with py7zr.SevenZipFile(buf, "w", **kw) as z:
        for name, data in members.items():
            z.writestr(data, name)
    return buf.getvalue()


REPLY = (
    f"关于李某申请廉租住房补贴的答复意见\n经核实，申请人（手机{PHONES[3]}）不符合条件。".encode()
)


def test_members_are_named_located_and_redacted_into_a_zip(tmp_path):
    roster = roster_xlsx(rows=2)
    csv = f"序号,姓名,公民身份号码\n1,周玉兰,{IDS[4]}\n".encode("gbk")
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("答复.txt", REPLY)
    data = _7z(
        {"公示/花名册.xlsx": roster.data, "公示/补录.csv": csv, "旧件.zip": inner.getvalue()}
    )
    path = tmp_path / "第二批附件.7z"
    path.write_bytes(data)
    doc = load_bytes(data, str(path))
    assert doc.kind == "zip"
    names = [d.source for d in leaves(doc)]
    assert names == [
        f"{path}!公示/花名册.xlsx",
        f"{path}!公示/补录.csv",
        f"{path}!旧件.zip!答复.txt",
    ]
    assert any(".zip" in w and "7z" in w for w in doc.warnings)
    result = screen_text(doc.text, doc.source)
    attach_locations(result.findings, doc)
    where = {f.text: f.location for f in result.findings}
    assert where[IDS[4]] == {"member": names[1], "cell": "C2", "header": "公民身份号码"}
    assert where[PHONES[3]] == {"member": names[2]}

    write_redacted(doc, replacements(result.findings), tmp_path / "out.7z")
    out = tmp_path / "out.zip"
    assert out.is_file() and not (tmp_path / "out.7z").exists()
    with zipfile.ZipFile(out) as zf:
        assert sorted(zf.namelist()) == ["公示/花名册.xlsx", "公示/补录.csv", "旧件.zip"]
        cells = all_cell_strings(zf.read("公示/花名册.xlsx"))
        redacted_csv = zf.read("公示/补录.csv").decode("gbk")
        with zipfile.ZipFile(io.BytesIO(zf.read("旧件.zip"))) as nested:
            reply = nested.read("答复.txt").decode()
    assert not any(v in c for v in IDS[:2] for c in cells) and "户主姓名" in cells
    assert IDS[4] not in redacted_csv and "公民身份号码" in redacted_csv
    assert PHONES[3] not in reply and "廉租住房" in reply


def test_a_7z_inside_a_zip_is_read_and_written_back_as_a_zip(tmp_path):
    outer = io.BytesIO()
    with zipfile.ZipFile(outer, "w") as zf:
        zf.writestr("说明.txt", "附件清单见压缩包。".encode())
        zf.writestr("材料/答复.7z", _7z({"答复.txt": REPLY}))
    doc = load_bytes(outer.getvalue(), "申请材料.zip")
    assert [d.source for d in leaves(doc)][-1] == "申请材料.zip!材料/答复.7z!答复.txt"
    result = screen_text(doc.text, doc.source)
    buf = io.BytesIO()
    write_redacted(doc, replacements(result.findings), buf)
    with zipfile.ZipFile(buf) as zf:
        assert sorted(zf.namelist()) == ["材料/答复.zip", "说明.txt"]


def test_encrypted_and_damaged_7z_are_refused_by_name():
    for kw in ({"password": "123456"}, {"password": "123456", "header_encryption": True}):
        with pytest.raises(IngestError, match="已加密") as info:
            load_bytes(_7z({"名单.txt": REPLY}, **kw), "加密附件.7z")
        assert info.value.source == "加密附件.7z"
    good = _7z({"答复.txt": REPLY * 20})
    with pytest.raises(IngestError, match="7z 压缩包损坏") as info:
        load_bytes(good[: len(good) // 2], "残缺.7z")
    assert info.value.source == "残缺.7z"


def test_bomb_limits_apply_to_7z():
    bomb = _7z({"说明.txt": b"\0" * (4 * 1024 * 1024)})  # a few KB for 4 MB
    with pytest.raises(IngestError, match="压缩炸弹"):
        load_bytes(bomb, "炸弹.7z")
    members = {f"表{i}.csv": f"姓名,电话\n甲{i},{PHONES[i % 5]}\n".encode() for i in range(6)}
    data = _7z(members)
    with pytest.raises(IngestError, match="文件过多"):
        load_archive(data, "批量.7z", ArchiveLimits(max_members=5))
    limited = load_archive(data, "批量.7z", ArchiveLimits(max_total_bytes=70))
    markup = limited.markup
    assert isinstance(markup, ArchiveMarkup) and 1 <= len(markup.members) < 6
    assert any("解压总量超过上限" in e and "批量.7z!表" in e for e in markup.errors)
    with pytest.raises(IngestError, match=r"批量\.7z!表0\.csv：压缩包成员过大"):
        load_archive(data, "批量.7z", ArchiveLimits(max_member_bytes=10))


def test_rar_is_refused_with_a_clear_message():
    for data, name in (
        (b"Rar!\x1a\x07\x01\x00" + b"\0" * 40, "附件.rar"),
        (b"Rar!\x1a\x07\x00", "x.zip"),
    ):
        with pytest.raises(IngestError, match="RAR") as info:
            load_bytes(data, name)
        assert info.value.source == name
