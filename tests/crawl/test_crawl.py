"""``zwgk scan http://…/``: a crawl of a 信息公开 column on 127.0.0.1 feeding the scan —
every page and attachment screened once with its URL, errors per URL, kill -9 and resume,
a rescan after a fix verifying it in the ledger (整改复查)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.crawl.site import Site, serve

ROOT = Path(__file__).resolve().parents[2]
FIXED_PAGE = 6  # shows an ID number and a mobile; the office takes them down


def _crawl_cmd(base: str, out: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pipeline.cli",
        "scan",
        f"{base}/xxgk/",
        "--out",
        str(out),
        "--delay",
        "0",
        "--no-autothrottle",
        "--timeout",
        "1.5",
        "--retries",
        "0",
        "--concurrency",
        "4",
        "--max-file-bytes",
        "2000000",
        "--workers",
        "1",
        *extra,
    ]


def _env(data: Path) -> dict[str, str]:
    return {**os.environ, "ZWGK_NER": "0", "ZWGK_DATA_DIR": str(data), "PYTHONPATH": str(ROOT)}


def _lines(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    site = Site()
    site.pages()
    server, base = serve(site)
    tmp = tmp_path_factory.mktemp("crawl")
    out = tmp / "site.jsonl"
    run = subprocess.run(
        _crawl_cmd(base, out),
        env=_env(tmp / "data"),
        cwd=tmp,
        capture_output=True,
        text=True,
        timeout=120,
    )
    yield {"site": site, "base": base, "out": out, "tmp": tmp, "run": run, "hits": dict(site.hits)}
    server.shutdown()


def test_every_page_and_attachment_screened_once_with_its_url(crawled: dict[str, Any]) -> None:
    run, base, site = crawled["run"], crawled["base"], crawled["site"]
    assert run.returncode == 3, run.stderr  # error lines (404, 500, timeout …) → exit 3
    records = _lines(crawled["out"])
    urls = [r["url"] for r in records]
    assert len(urls) == len(set(urls)), "a URL screened twice"
    by_url = {r["url"]: r for r in records}
    for path, values in site.expected().items():
        rec = by_url[base + path]
        if path == "/files/plan.dwg":
            assert rec["screening"] == "未审查" and ".dwg" in rec["error"]
            continue
        assert "error" not in rec, rec
        assert rec["status"] == 200 and rec["fetched_at"] and rec["id"] == base + path
        found = {f["text"] for f in rec["findings"] if f["action"] != "allow"}
        assert set(values) <= found, (path, values, found)
    # every personal value is reported on the URL that shows it, and only there
    owner = {v: base + p for p, vals in site.expected().items() for v in vals}
    for rec in records:
        for f in rec.get("findings", []):
            if f["text"] in owner:
                assert owner[f["text"]] == rec["url"], (f["text"], rec["url"])
    # attachments name the page that links them; the pages carry their metadata
    assert by_url[f"{base}/files/roster_2024.xlsx"]["referrer"] == f"{base}/xxgk/detail/3.html"
    page = by_url[f"{base}/xxgk/detail/7.html"]["page"]
    assert page["publisher"] == "市卫生健康委员会" and page["generated"] == "2022-08-08"
    assert "扩展名是表格，但内容是网页" in " ".join(by_url[f"{base}/files/table.xls"]["warnings"])
    # per-URL errors, the crawl went on
    errors = {r["url"]: r["error"] for r in records if "error" in r}
    assert "404" in errors[f"{base}/missing.html"] and "500" in errors[f"{base}/broken.html"]
    assert "超时" in errors[f"{base}/slow.html"]
    assert "下载上限" in errors[f"{base}/files/huge.pdf"]
    assert "robots.txt" in errors[f"{base}/private/internal.html"]
    assert all(r["screening"] == "未审查" for r in records if "error" in r)
    # canonical URLs: tracking parameters, fragments and index.html fetched once; no CSS,
    # nothing off the site
    hits = crawled["hits"]
    assert all(
        n == 1
        for p, n in hits.items()
        if p.startswith("/xxgk/detail/") and p != "/xxgk/detail/5.html"
    )
    assert not any("utm_" in p or "spm" in p for p in hits)
    assert "/xxgk/index.html" not in hits and "/static/site.css" not in hits
    assert "/private/internal.html" not in hits
    assert set(urls) == {base + p for p in site.expected()} | {
        base + p
        for p in (
            "/missing.html",
            "/broken.html",
            "/slow.html",
            "/files/huge.pdf",
            "/private/internal.html",
        )
    }
    assert hits["/old/notice.html"] == 1  # the redirect, followed to detail/5 (screened once)


def test_kill_9_mid_crawl_then_resume_is_exact(crawled: dict[str, Any], tmp_path: Path) -> None:
    base = crawled["base"]  # the same site (the same bytes) as the reference crawl
    out = tmp_path / "site.jsonl"
    env = _env(tmp_path / "data")
    cmd = _crawl_cmd(base, out)
    cmd[cmd.index("--concurrency") + 1] = "1"
    # a paced crawl (one request per 0.2 s) so that on a fast, idle machine the second kill
    # still lands before the crawl is done and marked complete; lines appear a few at a time
    cmd[cmd.index("--delay") + 1] = "0.2"
    cmd += ["--batch-size", "2"]
    for wait_lines in (3, 14):  # kill early, then again later in the crawl
        proc = subprocess.Popen(
            cmd, env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if out.exists() and len(out.read_bytes().splitlines()) >= wait_lines:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the crawl ended before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    time.sleep(0.5)
    final = subprocess.run(cmd, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert final.returncode == 3, final.stderr
    assert "续抓" in final.stderr

    def key(r: dict[str, Any]) -> tuple[Any, ...]:
        path = r["url"].split("/", 3)[3]
        return (
            path,
            r.get("verdict"),
            r.get("sha256"),
            r.get("error", "").split("（")[0],
            sorted(f["text"] for f in r.get("findings", [])),
            r.get("page"),
        )

    got = sorted(key(r) for r in _lines(out))
    want = sorted(key(r) for r in _lines(crawled["out"]))
    assert got == want


def test_rescan_after_a_fix_verifies_it_and_leaves_the_rest_open(crawled: dict[str, Any]) -> None:
    site, base, out, tmp = crawled["site"], crawled["base"], crawled["out"], crawled["tmp"]
    env = _env(tmp / "data")
    from pipeline.ledger import open_ledger

    os.environ["ZWGK_DATA_DIR"] = env["ZWGK_DATA_DIR"]
    fixed_url = f"{base}/xxgk/detail/{FIXED_PAGE}.html"
    with open_ledger() as ledger:
        before = {f.id: f for f in ledger.findings() if f.action != "allow"}
        # the office says page 3 is fixed, but it is not: the rescan must reopen it
        claimed = [f for f in before.values() if f.source == f"{base}/xxgk/detail/3.html"]
        for f in claimed:
            ledger.set_status(f.id, "rectified", actor="民政局")
    site.fixed.add(FIXED_PAGE)
    site.hits.clear()
    run = subprocess.run(
        _crawl_cmd(base, out), env=env, cwd=tmp, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 3, run.stderr
    assert "整改复查" in run.stderr
    # conditional requests: unchanged pages answered 304 and skipped, the fixed one rescreened
    record = {r["url"]: r for r in _lines(out)}[fixed_url]
    assert not [f for f in record["findings"] if f["action"] != "allow"]
    with open_ledger() as ledger:
        after = {f.id: f for f in ledger.findings()}
        trail = {f_id: ledger.audit_log("finding", f_id) for f_id in before}
    fixed = [f for f in before.values() if f.source == fixed_url]
    assert fixed
    for f in fixed:
        assert after[f.id].status == "rectified", after[f.id]
        assert "复查 crawl-2" in (after[f.id].status_reason or "")
        assert any(
            a.action == "finding.recheck" and a.after["result"] == "verified_fixed"
            for a in trail[f.id]
        )
    for f in claimed:
        assert after[f.id].status == "open" and "仍在网页上" in (after[f.id].status_reason or "")
    untouched = [
        f for f in before.values() if f.source not in (fixed_url, f"{base}/xxgk/detail/3.html")
    ]
    assert untouched and all(after[f.id].status == "open" for f in untouched)
    report = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "report"],
        env=env,
        cwd=tmp,
        capture_output=True,
        text=True,
        timeout=60,
    )
    rows = {
        line.split("\t")[0]: line.split("\t")[1:]
        for line in report.stdout.splitlines()
        if "\t" in line
    }
    dept = fixed[0].department
    assert rows["部门"] == ["发现", "已整改", "复查确认", "仍在线", "重新打开"]
    _found, rectified, verified, _online, _reopened = map(int, rows[dept])
    assert verified >= len({(f.entity, f.value_hash) for f in fixed}) and rectified >= verified
    assert sum(int(r[4]) for k, r in rows.items() if len(r) == 5 and k != "部门") == len(
        {(f.entity, f.value_hash) for f in claimed}
    )
