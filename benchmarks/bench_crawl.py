"""Crawl benchmark (docs/crawl.md, benchmarks/README.md "Crawl"): a static 政府信息公开 site
built from the generated corpus, served on 127.0.0.1 by ``python -m http.server`` in its
own process, then

A. the spider alone (``python -m pipeline.crawl.run``): pages/s and MB/s;
B. ``zwgk scan http://127.0.0.1:PORT/xxgk/`` (crawl + screening): documents/s, chars/s;
C. ``zwgk scan SITE_DIR`` on the same files: documents/s, chars/s.

    ZWGK_NER=0 .venv/bin/python benchmarks/bench_crawl.py --size 2MB --runs 2 --workers 2

Wall time and CPU time of the whole process tree (getrusage of the children) per run; the
median of ``--runs``. No network beyond loopback.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import generate  # noqa: E402

PER_LIST = 25
DEPTS = ("市民政局", "市人力资源和社会保障局", "市住房和城乡建设局", "市卫生健康委员会")


def build_site(root: Path, size: int, seed: int) -> tuple[int, int]:
    """Write the site; returns (documents, characters)."""
    docs = list(generate(size, seed))
    (root / "xxgk" / "detail").mkdir(parents=True)
    (root / "files").mkdir()
    chars = 0
    links = []
    for n, doc in enumerate(docs, start=1):
        text = doc["text"]
        title = text.split("\n", 1)[0][:60]
        if n % 4 == 0:  # every fourth document is an attachment (.txt) of the page before
            (root / "files" / f"{n}.txt").write_text(text, encoding="utf-8")
            links[-1][1].append(f"/files/{n}.txt")
            chars += len(text)
            continue
        links.append((n, []))
        body = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
        meta = (
            f"<table><tr><td>索引号：</td><td>1134/{n:05d}</td><td>发布机构：</td>"
            f"<td>{DEPTS[n % 4]}</td></tr><tr><td>成文日期：</td><td>2024-0{n % 9 + 1}-1{n % 9}"
            f"</td></tr></table>"
        )
        page = (
            f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}"
            f"</title></head><body>{meta}{body}ATTACH</body></html>"
        )
        (root / "xxgk" / "detail" / f"{n}.html").write_text(page, encoding="utf-8")
        chars += len(text)
    for n, files in links:  # add the attachment links
        path = root / "xxgk" / "detail" / f"{n}.html"
        anchors = "".join(f"<a href='{f}'>附件</a>" for f in files)
        path.write_text(path.read_text(encoding="utf-8").replace("ATTACH", anchors), "utf-8")
    pages = [n for n, _ in links]
    lists = [pages[i : i + PER_LIST] for i in range(0, len(pages), PER_LIST)]
    nav = "".join(f"<a href='/xxgk/list_{k}.html'>{k}</a>" for k in range(1, len(lists) + 1))
    for k, chunk in enumerate(lists, start=1):
        items = "".join(f"<li><a href='/xxgk/detail/{n}.html'>文件{n}</a></li>" for n in chunk)
        (root / "xxgk" / f"list_{k}.html").write_text(
            f"<html><head><meta charset='utf-8'></head><body><ul>{items}</ul>{nav}</body></html>",
            encoding="utf-8",
        )
    (root / "xxgk" / "index.html").write_text(
        f"<html><head><meta charset='utf-8'></head><body>{nav}</body></html>", encoding="utf-8"
    )
    count = sum(1 for p in root.rglob("*") if p.is_file())
    return count, chars


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def timed(
    cmd: list[str], env: dict[str, str]
) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, run


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="2MB")
    ap.add_argument("--seed", type=int, default=20240501)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--concurrency", type=int, default=8)
    args = ap.parse_args()
    size = int(float(args.size.upper().rstrip("MB")) * 1024 * 1024)
    tmp = Path(tempfile.mkdtemp(prefix="zwgk-bench-crawl-"))
    site = tmp / "site"
    n_files, chars = build_site(site, size, args.seed)
    site_bytes = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    port = _port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "http.server",
            str(port),
            "--bind",
            "127.0.0.1",
            "--directory",
            str(site),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1.0)
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "ZWGK_DATA_DIR": str(tmp / "data"), "PYTHONPATH": str(ROOT)}
    results: dict[str, list[tuple[float, float]]] = {"spider": [], "crawl_scan": [], "dir_scan": []}
    fetched = 0
    try:
        for run in range(args.runs):
            out = tmp / f"r{run}"
            out.mkdir()
            cfg = {
                "starts": [f"{base}/xxgk/"],
                "sitemaps": [],
                "domains": ["127.0.0.1"],
                "robots": True,
                "max_pages": None,
                "max_bytes": None,
                "max_file_bytes": 50 << 20,
                "concurrency": args.concurrency,
                "delay": 0.0,
                "timeout": 30.0,
                "retries": 0,
                "autothrottle": False,
                "user_agent": "bench",
                "crawl": 1,
                "frontier": str(out / "f.sqlite"),
                "warc": str(out / "warc"),
                "stats": str(out / "stats.json"),
                "log": str(out / "crawl.log"),
            }
            from pipeline.crawl.frontier import Frontier

            fr = Frontier(cfg["frontier"])
            crawl, _ = fr.begin()
            fr.seed(crawl, [(f"{base}/xxgk/", "page")])
            fr.close()
            (out / "cfg.json").write_text(json.dumps(cfg), encoding="utf-8")
            wall, cpu, _ = timed(
                [sys.executable, "-m", "pipeline.crawl.run", str(out / "cfg.json")], env
            )
            fetched = json.loads((out / "stats.json").read_text())["fetched"]
            results["spider"].append((wall, cpu))
            wall, cpu, r = timed(
                [
                    sys.executable,
                    "-m",
                    "pipeline.cli",
                    "scan",
                    f"{base}/xxgk/",
                    "--out",
                    str(out / "c.jsonl"),
                    "--no-ledger",
                    "--quiet",
                    "--workers",
                    str(args.workers),
                    "--delay",
                    "0",
                    "--no-autothrottle",
                    "--concurrency",
                    str(args.concurrency),
                ],
                env,
            )
            assert r.returncode == 0, r.stderr
            results["crawl_scan"].append((wall, cpu))
            wall, cpu, r = timed(
                [
                    sys.executable,
                    "-m",
                    "pipeline.cli",
                    "scan",
                    str(site),
                    "--out",
                    str(out / "d.jsonl"),
                    "--no-ledger",
                    "--quiet",
                    "--workers",
                    str(args.workers),
                ],
                env,
            )
            assert r.returncode == 0, r.stderr
            results["dir_scan"].append((wall, cpu))
    finally:
        server.terminate()
    med = {
        k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v))
        for k, v in results.items()
    }
    mb = site_bytes / 1e6
    print(
        f"site: {n_files} files ({fetched} fetched), {mb:.2f} MB, {chars} characters; "
        f"runs={args.runs}, workers={args.workers}, concurrency={args.concurrency}, "
        f"ZWGK_NER={os.environ.get('ZWGK_NER', '(default)')}"
    )
    print("| run | wall s | CPU s | docs/s | MB/s | K chars/s | K chars per CPU-s |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, (wall, cpu) in med.items():
        kcs = "—" if name == "spider" else f"{chars / wall / 1000:.0f}"
        kcpu = "—" if name == "spider" else f"{chars / cpu / 1000:.0f}"
        print(
            f"| {name} | {wall:.2f} | {cpu:.2f} | {n_files / wall:.1f} | {mb / wall:.2f} "
            f"| {kcs} | {kcpu} |"
        )
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
