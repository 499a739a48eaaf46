"""``zwgk scan site.warc.gz``: web archives written with warcio, one record per URL."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from pipeline.batch.scan import local_runner, run_scan
from pipeline.batch.scan_inputs import open_source
from pipeline.cli import main
from tests.crawl.docs import detail_page, notice_docx, roster_xlsx

BASE = "http://www.example-xzf.gov.cn"


@pytest.fixture(autouse=True)
def _no_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZWGK_NER", "0")


def _write_warc(path: Path, gz: bool = True) -> dict[str, list[str]]:
    """A small capture (as wget --warc-file writes it: request then response records);
    returns URL → the personal values its document shows."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    expected: dict[str, list[str]] = {}
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)

        def add(
            url: str,
            body: bytes,
            ctype: str,
            status: str = "200 OK",
            referer: str | None = None,
            extra: list[tuple[str, str]] | None = None,
        ) -> None:
            req = [("Host", "www.example-xzf.gov.cn")] + ([("Referer", referer)] if referer else [])
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "request",
                    http_headers=StatusAndHeaders(f"GET {url} HTTP/1.1", req, is_http_request=True),
                )
            )
            headers = StatusAndHeaders(
                status, [("Content-Type", ctype), *(extra or [])], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=headers
                )
            )

        for n in (3, 4, 6):
            html, values = detail_page(n)
            url = (
                f"{BASE}/xxgk/detail/{n}.html#content" if n == 4 else f"{BASE}/xxgk/detail/{n}.html"
            )
            add(url, html.encode("utf-8"), "text/html; charset=utf-8", referer=f"{BASE}/xxgk/")
            expected[f"{BASE}/xxgk/detail/{n}.html"] = values
        roster, ids = roster_xlsx(40, 4)
        add(
            f"{BASE}/files/download.jsp?id=7",
            roster,
            "application/octet-stream",
            referer=f"{BASE}/xxgk/detail/6.html",
            extra=[("Content-Disposition", "attachment; filename*=UTF-8''%E5%90%8D%E5%8D%95.xlsx")],
        )
        expected[f"{BASE}/files/download.jsp?id=7"] = ids
        docx, ids = notice_docx(9)
        add(f"{BASE}/files/cf9.docx", docx, "application/msword")  # a wrong type, as servers send
        expected[f"{BASE}/files/cf9.docx"] = ids
        add(f"{BASE}/gone.html", b"<html>not found</html>", "text/html", status="404 Not Found")
        add(
            f"{BASE}/files/plan.dwg",  # a CAD drawing: not a format ingest reads
            b"AC1032" + b"\0" * 600,
            "application/acad",
        )
        add(
            f"{BASE}/moved.html",
            b"",
            "text/html",
            status="301 Moved Permanently",
            extra=[("Location", f"{BASE}/xxgk/detail/3.html")],
        )
    return expected


def _lines(out: Path) -> list[dict]:
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("gz", [True, False])
def test_warc_documents_screened_once_with_their_url(tmp_path: Path, gz: bool) -> None:
    warc = tmp_path / ("site.warc.gz" if gz else "site.warc")
    expected = _write_warc(warc, gz)
    out = tmp_path / "out.jsonl"
    outcome = run_scan(str(warc), str(out), runner=local_runner(1))
    records = {r["url"]: r for r in _lines(out)}
    assert len(records) == len(_lines(out)) == len(expected) + 2  # + the 404 and the .dwg
    for url, values in expected.items():
        rec = records[url]
        assert "error" not in rec, rec
        found = {f["text"] for f in rec["findings"] if f["action"] != "allow"}
        assert set(values) <= found, (url, found)
        assert rec["id"] == url and rec["status"] == 200 and rec["fetched_at"]
    page = records[f"{BASE}/xxgk/detail/3.html"]
    assert page["referrer"] == f"{BASE}/xxgk/"
    assert page["page"]["publisher"] == "市卫生健康委员会"
    assert page["page"]["index_no"].startswith("11340100MB0003/")
    assert page["page"]["generated"] == "2023-04-04"
    assert records[f"{BASE}/xxgk/detail/4.html"]["page"]["written"] == "2024-05-05"
    assert records[f"{BASE}/files/download.jsp?id=7"]["referrer"].endswith("/detail/6.html")
    assert records[f"{BASE}/gone.html"]["status"] == 404
    assert "404" in records[f"{BASE}/gone.html"]["error"]
    unread = records[f"{BASE}/files/plan.dwg"]
    assert unread["screening"] == "未审查" and unread["error"]
    assert outcome.counts["error"] == 2
    # a rerun reads the archive again and screens nothing twice
    again = run_scan(str(warc), str(out), runner=local_runner(1))
    assert again.counts["skipped"] == len(expected) + 1  # the .dwg too; the 404 is a fetch
    assert len(_lines(out)) == len(expected) + 2


def test_warc_scan_interrupted_and_resumed(tmp_path: Path) -> None:
    warc = tmp_path / "site.warc.gz"
    expected = _write_warc(warc)
    out = tmp_path / "out.jsonl"
    clean = tmp_path / "clean.jsonl"
    run_scan(str(warc), str(clean), runner=local_runner(1))

    def dying(batches):  # type: ignore[no-untyped-def]
        for n, records in enumerate(local_runner(1)(batches)):
            if n == 2:
                raise KeyboardInterrupt
            yield records

    with pytest.raises(KeyboardInterrupt):
        run_scan(str(warc), str(out), runner=dying, batch_size=2)
    assert 0 < len(_lines(out)) < len(expected) + 2
    run_scan(str(warc), str(out), runner=local_runner(1), batch_size=2)
    got = sorted(_lines(out), key=lambda r: r["url"])
    want = sorted(_lines(clean), key=lambda r: r["url"])
    assert got == want


def test_cli_scans_a_warc_into_the_ledger(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    warc = tmp_path / "site.warc.gz"
    _write_warc(warc)
    out = tmp_path / "out.jsonl"
    assert main(["scan", str(warc), "--out", str(out), "--quiet"]) == 3  # 404 + .dwg
    from pipeline.ledger import open_ledger

    with open_ledger() as ledger:
        sources = {f.source: f.department for f in ledger.findings()}
    assert f"{BASE}/xxgk/detail/3.html" in sources
    assert sources[f"{BASE}/xxgk/detail/3.html"] == "市卫生健康委员会"
    assert open_source(str(warc)).name == str(warc)


def test_second_capture_verifies_fixes_and_reopens_false_claims(tmp_path: Path) -> None:
    """整改复查 from two captures of the same site (e.g. two wget runs a month apart)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from pipeline.ledger import open_ledger

    def capture(path: Path, fixed: set[int], gone: set[int]) -> None:
        with open(path, "wb") as fh:
            writer = WARCWriter(fh, gzip=True)
            for n in (3, 6, 9):
                html, _ = detail_page(n, fixed=n in fixed)
                status = "404 Not Found" if n in gone else "200 OK"
                headers = StatusAndHeaders(
                    status, [("Content-Type", "text/html")], protocol="HTTP/1.1"
                )
                url = f"{BASE}/xxgk/detail/{n}.html"
                writer.write_record(
                    writer.create_warc_record(
                        url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
                    )
                )

    out = tmp_path / "out.jsonl"
    first, second = tmp_path / "2024-05.warc.gz", tmp_path / "2024-06.warc.gz"
    capture(first, set(), set())
    assert main(["scan", str(first), "--out", str(out), "--quiet"]) == 0
    with open_ledger() as ledger:
        before = [f for f in ledger.findings() if f.action != "allow"]
        on = {n: [f for f in before if f.source.endswith(f"/{n}.html")] for n in (3, 6, 9)}
        assert all(on.values())
        for f in on[9]:  # marked 已整改 but the page is not changed
            ledger.set_status(f.id, "rectified", actor="审核员")
    capture(second, fixed={3}, gone={6})
    assert main(["scan", str(second), "--out", str(out), "--quiet"]) == 3  # the 404
    with open_ledger() as ledger:
        now = {f.id: f for f in ledger.findings()}
    for f in on[3] + on[6]:
        assert now[f.id].status == "rectified"
        assert "复查 warc:" in (now[f.id].status_reason or "")
    assert "网页已删除" in (now[on[6][0].id].status_reason or "")
    for f in on[9]:
        assert now[f.id].status == "open" and "仍在网页上" in (now[f.id].status_reason or "")
