"""``zwgk scan``: inputs, one line per document, broken files, rescans, reconciliation."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from pathlib import Path

import pytest

from pipeline.batch.scan import local_runner, run_scan
from pipeline.batch.scan_progress import Progress
from pipeline.batch.scan_state import ScanState, ScanStateError
from pipeline.cli import main

ID = "341502198503121230"
REPLY = f"申请人张晓明，身份证号{ID}，联系电话13805641234。"
RULES = Path(__file__).resolve().parents[2] / "rules"


@pytest.fixture(autouse=True)
def _no_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZWGK_NER", "0")


def _docx(path: Path, *paragraphs: str) -> None:
    from docx import Document

    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(str(path))


def _archive(root: Path) -> dict[str, str]:
    """A small archive; returns file name → what the test expects (verdict or 'error')."""
    (root / "sub").mkdir(parents=True)
    (root / "reply.txt").write_text(REPLY, encoding="utf-8")
    (root / "gbk.txt").write_bytes("今天天气很好，会议于上午九点召开。".encode("gb18030"))
    (root / "sub" / "notice.html").write_text(
        f"<html><body><h1>公告</h1><p>{REPLY}</p></body></html>", encoding="utf-8"
    )
    _docx(root / "sub" / "list.docx", "补贴公示", f"王小红，身份证号{ID}。")
    (root / "broken.docx").write_bytes(b"PK\x03\x04 this is not a zip archive")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (root / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")  # ignored
    (root / ".hidden.txt").write_text(REPLY, encoding="utf-8")  # hidden: ignored
    return {
        "reply.txt": "block",
        "gbk.txt": "pass",
        "sub/notice.html": "block",
        "sub/list.docx": "block",
        "broken.docx": "error",
        "binary.txt": "error",
    }


def _read(out: Path) -> list[dict]:
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _scan(src: Path | str, out: Path, **kw):  # type: ignore[no-untyped-def]
    return run_scan(str(src), str(out), runner=local_runner(1), **kw)


def test_folder_gives_one_line_per_document_and_names_broken_files(tmp_path: Path) -> None:
    expected = _archive(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    outcome = _scan(tmp_path / "in", out)
    records = _read(out)
    by_path = {Path(r["path"]).relative_to(tmp_path / "in").as_posix(): r for r in records}
    assert len(records) == len(by_path) == len(expected)
    for name, want in expected.items():
        record = by_path[name]
        data = (tmp_path / "in" / name).read_bytes()
        assert record["sha256"] == hashlib.sha256(data).hexdigest()
        if want == "error":
            assert record["error"].startswith(record["path"]) and "verdict" not in record
        else:
            assert record["verdict"] == want and record["id"] == record["path"]
            assert {"doc_type", "findings", "redacted"} <= set(record)
            assert ID not in record["redacted"]
    assert not any(k.startswith("_") for r in records for k in r)
    assert outcome.counts == {"block": 3, "pass": 1, "error": 2}
    assert outcome.ignored == {".svg": 1}


def test_scan_records_equal_screen_json(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """The CLI's per-file screening and the scan call the same functions."""
    _archive(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    assert main(["scan", str(tmp_path / "in"), "--out", str(out), "--workers", "1"]) == 3
    summary = capsys.readouterr().err
    assert "已审查 4（拦截 3，待审核 0，通过 1），跳过 0，错误 2" in summary
    scanned = {r["path"]: r for r in _read(out)}
    for path in (tmp_path / "in" / "reply.txt", tmp_path / "in" / "sub" / "list.docx"):
        main(["screen", "--json", str(path)])
        screened = json.loads(capsys.readouterr().out)
        record = scanned[str(path)]
        assert {k: record[k] for k in screened if k not in ("id", "path")} == {
            k: v for k, v in screened.items() if k not in ("id", "path")
        }


def test_rescan_skips_unchanged_and_rescans_only_a_modified_file(tmp_path: Path) -> None:
    _archive(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    _scan(tmp_path / "in", out)
    before = out.read_bytes()
    again = _scan(tmp_path / "in", out)
    assert again.counts == {"skipped": 6} and out.read_bytes() == before

    (tmp_path / "in" / "gbk.txt").write_text(REPLY + "（更正）", encoding="utf-8")
    third = _scan(tmp_path / "in", out)
    assert third.counts == {"skipped": 5, "block": 1} and third.compacted == 1
    records = _read(out)
    assert len(records) == 6 and len({r["path"] for r in records}) == 6
    changed = next(r for r in records if r["path"].endswith("gbk.txt"))
    assert changed["verdict"] == "block" and "（更正）" in changed["redacted"]


def test_changed_rules_rescan_everything_and_force_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _archive(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    _scan(tmp_path / "in", out)
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    with open(rules / "doc_types.yaml", "a", encoding="utf-8") as fh:
        fh.write("\n# 本地修改\n")
    monkeypatch.setenv("ZWGK_RULES_DIR", str(rules))
    assert _scan(tmp_path / "in", out).counts["skipped"] == 0
    assert _scan(tmp_path / "in", out).counts == {"skipped": 6}
    forced = _scan(tmp_path / "in", out, force=True)
    assert forced.counts["skipped"] == 0 and forced.compacted == 6
    assert len(_read(out)) == 6


def test_jsonl_input_with_inline_texts_paths_and_bad_lines(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(REPLY, encoding="utf-8")
    src = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "x1", "text": REPLY}, ensure_ascii=False),
        json.dumps({"text": "无个人信息。"}, ensure_ascii=False),
        "{not json",
        json.dumps({"path": "docs/a.txt"}),
        json.dumps({"path": "docs/missing.txt"}),
        "",
        json.dumps({"id": "x1", "text": "重复的编号"}, ensure_ascii=False),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    outcome = _scan(src, out)
    records = {r["id"]: r for r in _read(out)}
    assert set(records) == {
        "x1",
        "in.jsonl:2",
        "in.jsonl:3",
        str(tmp_path / "docs" / "a.txt"),
        str(tmp_path / "docs" / "missing.txt"),
    }
    assert records["x1"]["verdict"] == "block" and records["x1"]["path"] is None
    assert records["in.jsonl:2"]["verdict"] == "pass"
    assert "第3行" in records["in.jsonl:3"]["error"]
    assert records[str(tmp_path / "docs" / "a.txt")]["verdict"] == "block"
    assert "文件不存在" in records[str(tmp_path / "docs" / "missing.txt")]["error"]
    assert outcome.duplicates == 1
    rescan = _scan(src, out)
    # the missing file has no content hash, so it is tried again; the rest is skipped
    assert rescan.counts == {"skipped": 4, "error": 1} and len(_read(out)) == 5


def test_parquet_manifest_in_parquet_out(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    expected = _archive(tmp_path / "in")
    paths = [f"in/{name}" for name in expected]
    paths[0] = str(tmp_path / paths[0])  # absolute and relative paths both work
    pq.write_table(pa.table({"path": paths}), tmp_path / "manifest.parquet")
    out = tmp_path / "result.parquet"
    _scan(tmp_path / "manifest.parquet", out)
    table = pq.read_table(out)
    assert table.num_rows == len(expected)
    rows = {Path(r["path"]).name: r for r in table.to_pylist()}
    assert rows["reply.txt"]["verdict"] == "block"
    assert any(f["entity"] == "ID_CARD" for f in rows["reply.txt"]["findings"])
    assert rows["broken.docx"]["error"] and rows["broken.docx"]["verdict"] is None
    again = _scan(tmp_path / "manifest.parquet", out)
    assert again.counts == {"skipped": 6} and pq.read_table(out).num_rows == 6


def test_reconcile_drops_torn_and_uncommitted_lines(tmp_path: Path) -> None:
    _archive(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    _scan(tmp_path / "in", out)
    clean = out.read_bytes()
    first_line = clean.split(b"\n")[0] + b"\n"
    with open(out, "ab") as fh:  # as if killed after an fsync and in the middle of a line
        fh.write(first_line + b'{"id": "torn", "verd')
    outcome = _scan(tmp_path / "in", out)
    assert outcome.dropped_bytes > len(first_line) and outcome.counts == {"skipped": 6}
    assert out.read_bytes() == clean


def test_lost_state_is_rebuilt_from_the_output(tmp_path: Path) -> None:
    _archive(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    _scan(tmp_path / "in", out)
    for side in tmp_path.glob("out.jsonl.state.sqlite*"):
        side.unlink()
    outcome = _scan(tmp_path / "in", out)
    # the rules the old lines were screened with are unknown: rescanned, still once each
    assert outcome.counts["skipped"] == 0 and outcome.compacted == 6
    assert len({r["path"] for r in _read(out)}) == len(_read(out)) == 6


def test_foreign_output_and_concurrent_scans_are_refused(tmp_path: Path) -> None:
    _archive(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps({"id": "a", "verdict": "pass"}) + "\n", encoding="utf-8")
    with pytest.raises(ScanStateError, match="不是 zwgk scan 的输出"):
        _scan(tmp_path / "in", out)
    assert _read(out) == [{"id": "a", "verdict": "pass"}]
    other = tmp_path / "other.jsonl"
    holder = ScanState(str(other) + ".state.sqlite")
    try:
        with pytest.raises(ScanStateError, match="另一个扫描"):
            _scan(tmp_path / "in", other)
    finally:
        holder.close()


def test_progress_lines_and_summary_in_chinese() -> None:
    stream = io.StringIO()
    progress = Progress(stream, interval=0)
    progress.total = 10
    for outcome in ("block", "review", "pass", "error", "skipped"):
        progress.add(outcome, 1000)
    progress.tick()
    progress.finish(["备注"])
    text = stream.getvalue()
    assert "已处理 5/10（50.0%）" in text and "篇/秒" in text and "字/秒" in text
    assert "预计剩余" in text and "zwgk: 备注" in text
    assert "已审查 3（拦截 1，待审核 1，通过 1），跳过 1，错误 1" in text


def test_ledger_sink_records_every_screened_document_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.batch.scan_sinks import LedgerSink
    from pipeline.ledger import open_ledger

    monkeypatch.setenv("ZWGK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ZWGK_DATABASE_URL", raising=False)
    _archive(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    _scan(tmp_path / "in", out)  # without the ledger first
    # adding the ledger rescans everything, so the ledger gets every document
    assert _scan(tmp_path / "in", out, sinks=[LedgerSink()]).counts["skipped"] == 0
    assert _scan(tmp_path / "in", out, sinks=[LedgerSink()]).counts == {"skipped": 6}
    with open_ledger() as ledger:
        docs = ledger.documents()
    screened = {r["path"]: r for r in _read(out) if "error" not in r}
    assert sorted(d.source for d in docs) == sorted(screened)
    text = REPLY
    reply = next(d for d in docs if d.source.endswith("reply.txt"))
    assert reply.content_hash == hashlib.sha256(text.encode()).hexdigest()
    assert reply.verdict == "block" and reply.version == 1 and reply.chars == len(text)
    # a batch delivered again after a kill (before its commit) changes nothing
    sink = LedgerSink()
    sink.write([screened[reply.source]], [text])
    sink.close()
    with open_ledger() as ledger:
        assert len(ledger.documents()) == len(docs)


def test_interrupted_compaction_is_repaired_without_rescanning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _archive(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    _scan(tmp_path / "in", out)
    (tmp_path / "in" / "reply.txt").write_text(REPLY + "（二）", encoding="utf-8")

    def crash(*_: object) -> None:
        raise RuntimeError("killed between the rename and the index update")

    with monkeypatch.context() as patch:
        patch.setattr(ScanState, "move", crash)
        with pytest.raises(RuntimeError):
            _scan(tmp_path / "in", out)
    assert len(_read(out)) == 6  # the compacted copy is in place, the index is stale
    outcome = _scan(tmp_path / "in", out)
    assert outcome.counts == {"skipped": 6} and outcome.compacted == 0
    records = _read(out)
    assert len({r["path"] for r in records}) == len(records) == 6
    assert any("（二）" in r.get("redacted", "") for r in records)
