"""Load test of the review hook: p50/p99 latency and throughput at N concurrent clients,
with the server's memory sampled over the run (a soak when ``--duration`` is long).

    .venv/bin/python benchmarks/bench_service.py                      # 20 clients, 60 s, 5 KB docs
    .venv/bin/python benchmarks/bench_service.py --duration 1800      # 30-minute soak

The server is a real ``zwgk serve --workers W`` on a free local port with a fresh SQLite
ledger; the load comes from ``wrk`` (Debian package ``wrk``) cycling over distinct 5 KB
documents of the benchmark corpus posted to ``/v1/hook/prepublish``. Both share the
machine's cores, so the figures include the load generator's cost.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

import corpus as C  # noqa: E402

# Each wrk thread has its own Lua state: thread k sends bodies k, k + T, k + 2T, … so that
# with --docs larger than the run's request count every request carries a new document.
LUA = """
local bodies = {}
for line in io.lines("%s") do bodies[#bodies + 1] = line end
local threads = 0
function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer %s"
request = function()
  local i = (offset + n * %d) %% #bodies + 1
  n = n + 1
  return wrk.format(nil, "/v1/hook/prepublish", nil, bodies[i])
end
"""
WRK_THREADS = 2


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and its children (the uvicorn workers), MB."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except FileNotFoundError:
            pass
    return total / 1024


def _ms(value: str) -> float:
    num, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()  # type: ignore[union-attr]
    return float(num) * {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}[unit]


def _documents(kb: int, count: int, source: str) -> list[str]:
    """``count`` documents of about ``kb`` KB: generated (dense with personal information) or
    cut from the real seed documents (../shared/seeds), cycling over them."""
    if source == "seeds":
        text = "\n".join(C.load_seed_documents())
        if not text:
            sys.exit("没有 ../shared/seeds")
        size = kb * 1024
        data = text.encode("utf-8")
        pieces = [data[i : i + size].decode("utf-8", "ignore") for i in range(0, len(data), size)]
        pieces = [p for p in pieces if len(p.encode("utf-8")) > size // 2]
        return [pieces[i % len(pieces)] + f"\n（{i}）" for i in range(count)]
    out, seed = [], 11
    while len(out) < count:
        out.append(C.document_of_bytes(kb * 1024, seed))
        seed += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--duration", type=int, default=60, help="seconds of load")
    ap.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    ap.add_argument("--kb", type=int, default=5, help="document size (UTF-8 KB)")
    ap.add_argument("--docs", type=int, default=200, help="distinct documents cycled")
    ap.add_argument("--corpus", choices=("generated", "seeds"), default="generated")
    ap.add_argument("--database-url", default=None, help="ledger URL (default: temp SQLite)")
    ap.add_argument("--out", type=Path, default=HERE / "results-service.json")
    args = ap.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("需要 wrk（apt-get install wrk）")
    data = Path(tempfile.mkdtemp(prefix="zwgk-bench-"))
    from pipeline.ledger import open_ledger

    url = args.database_url or f"sqlite:///{data}/zwgk.db"
    ledger = open_ledger(url)
    _, key = ledger.create_key("hook", "bench")
    ledger.close()
    docs = _documents(args.kb, args.docs, args.corpus)
    bodies = data / "bodies.jsonl"
    bodies.write_text(
        "".join(json.dumps({"text": t, "source": f"bench-{i}"}, ensure_ascii=False) + "\n"
                for i, t in enumerate(docs)), "utf-8")  # fmt: skip
    script = data / "hook.lua"
    script.write_text(LUA % (bodies, key, WRK_THREADS), "utf-8")
    port = _port()
    env = {**os.environ, "ZWGK_DATA_DIR": str(data), "ZWGK_RATE_LIMIT_PER_MINUTE": "0"}
    env["ZWGK_DATABASE_URL"] = url
    cmd = [sys.executable, "-m", "pipeline.cli", "serve", "--port", str(port)]
    cmd += ["--workers", str(args.workers), "--log-level", "warning"]
    server_log = (data / "server.log").open("w")
    server = subprocess.Popen(cmd, cwd=ROOT, env=env, stderr=server_log)
    url = f"http://127.0.0.1:{port}"
    for _ in range(240):
        try:
            with urllib.request.urlopen(url + "/readyz", timeout=2):
                break
        except OSError:
            time.sleep(0.5)
    time.sleep(2.0 * args.workers)  # every worker warms its own pipeline
    samples: list[tuple[float, float]] = []
    stop = threading.Event()

    def sample() -> None:
        t0 = time.monotonic()
        while not stop.is_set():
            samples.append((round(time.monotonic() - t0, 1), round(_rss_mb(server.pid), 1)))
            stop.wait(1.0)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    wrk = subprocess.run(
        ["wrk", "-t", str(WRK_THREADS), "-c", str(args.clients), "-d", f"{args.duration}s",
         "--latency", "--timeout", "10s", "-s", str(script), url],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    stop.set()
    sampler.join()
    server.terminate()
    server.wait(timeout=120)  # shutdown: each worker's ledger writer records what is queued
    server_log.close()
    out = wrk.stdout
    recorded = None
    if env.get("ZWGK_RECORD_TO_LEDGER", "true").lower() not in ("0", "false", "no", "off"):
        ledger = open_ledger(env["ZWGK_DATABASE_URL"])  # after shutdown drained the writer
        recorded = len(ledger.documents())
        ledger.close()
    dist = dict(re.findall(r"^\s+(\d+)%\s+(\S+)\s*$", out, re.M))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    mem = [m for _, m in samples]
    chars = sum(map(len, docs)) / len(docs)
    report = {
        "clients": args.clients, "duration_s": args.duration, "workers": args.workers,
        "corpus": args.corpus, "ledger": url.split(":", 1)[0],
        "doc_kb": args.kb, "doc_chars": round(chars), "distinct_docs": len(docs),
        "requests_per_s": rps, "chars_per_s": round(rps * chars),
        "latency_ms": {f"p{k}": round(_ms(v), 2) for k, v in dist.items()},
        "non_2xx": int(errors.group(1)) if errors else 0,
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),  # type: ignore[union-attr]
        "ledger_documents": recorded,
        "rss_mb": {"first": mem[0], "max": max(mem), "last": mem[-1]} if mem else {},
        "rss_samples": samples[:: max(1, len(samples) // 120)],
        "cpus": os.cpu_count(), "wrk": out,
    }  # fmt: skip
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", "utf-8")
    lat = report["latency_ms"]
    print(f"{args.clients} clients, {args.duration} s, {args.workers} workers, "
          f"{args.kb} KB {args.corpus} docs ({report['doc_chars']} chars)")  # fmt: skip
    print(f"p50 {lat.get('p50')} ms  p90 {lat.get('p90')} ms  p99 {lat.get('p99')} ms  "
          f"{rps:.1f} req/s  non-2xx {report['non_2xx']}")  # fmt: skip
    print(f"requests {report['requests']}, ledger documents afterwards {recorded}")
    print(f"server log: {data / 'server.log'}")
    print(f"server RSS MB: first {report['rss_mb'].get('first')}, max "
          f"{report['rss_mb'].get('max')}, last {report['rss_mb'].get('last')}")  # fmt: skip


if __name__ == "__main__":
    main()
