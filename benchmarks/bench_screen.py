"""Throughput, latency and memory of zwgk's screen next to its peers, in ONE run.

Every system runs in a fresh subprocess (``--worker``) on the same cached corpus, so peak RSS
is its own. Throughput is characters per CPU-second (``time.process_time``) over 2,000-char
chunks (and, for zwgk, whole documents); latency is wall clock per ``screen_text`` call.

    .venv/bin/python benchmarks/bench_screen.py            # 10 MB corpus → results.json
    .venv/bin/python benchmarks/bench_screen.py --quick    # ≈200 KB smoke run → results-quick.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import corpus as C  # noqa: E402
import peers  # noqa: E402

CHUNK = 2000
LATENCY_KB = (5, 20, 50)
#: Real published documents (../shared/data/real, see its README): agencies' notices and
#: policies, and the even-index half of the masked court judgments (the odd half is held out).
REAL_DIR = HERE.parent.parent / "shared" / "data" / "real"
REAL_NOTICES = ("hebei_agencies", "central_shandong_policies", "state_council_documents")
REAL_COURT = "court_judgments_masked"
WORKERS = {  # worker → (system label, factory)
    "zwgk": ("zwgk screen_text", peers.zwgk_screen),
    "zwgk_rules": ("zwgk screen_text, rules only (ZWGK_NER=0)", peers.zwgk_rules_only),
    "presidio": ("Presidio baseline", peers.presidio_baseline),
    "jionlp": ("JioNLP extractors", peers.jionlp_extractors),
    "zwgk_presidio": ("zwgk recognizers in Presidio", peers.zwgk_via_presidio),
    "zwgk_latency": ("zwgk screen_text", peers.zwgk_screen),
}


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _throughput(analyze, texts: list[str]) -> dict:  # type: ignore[no-untyped-def]
    found: Counter[str] = Counter()
    wall0, cpu0 = time.perf_counter(), time.process_time()
    labels = [analyze(t) for t in texts]
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    for ls in labels:
        found.update(ls)
    chars = sum(len(t) for t in texts)
    return {
        "texts": len(texts),
        "chars": chars,
        "cpu_s": round(cpu, 3),
        "wall_s": round(wall, 3),
        "chars_per_cpu_s": round(chars / cpu) if cpu > 0 else None,
        "found": dict(sorted(found.items())),
    }


def _latency(analyze, reps: int, seed: int) -> list[dict]:  # type: ignore[no-untyped-def]
    rows = []
    for kb in LATENCY_KB:
        doc = C.document_of_bytes(kb * 1024, seed)
        for _ in range(3):
            analyze(doc)
        times = []
        for _ in range(reps):
            t0 = time.perf_counter()
            analyze(doc)
            times.append(time.perf_counter() - t0)
        times.sort()
        rows.append({
            "size_kb": kb,
            "chars": len(doc),
            "reps": reps,
            "p50_ms": round(times[len(times) // 2] * 1000, 2),
            "p99_ms": round(times[max(0, -(-99 * len(times) // 100) - 1)] * 1000, 2),
            "max_ms": round(times[-1] * 1000, 2),
        })  # fmt: skip
    return rows


def load_real(directory: Path, name: str, even_only: bool = False) -> list[str]:
    """The texts of ``directory/name.jsonl`` (only even-index lines with ``even_only``);
    empty when the file is absent."""
    path = directory / f"{name}.jsonl"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line)["text"] for i, line in enumerate(fh) if not (even_only and i % 2)]
    return [t for t in rows if t.strip()]


def real_datasets(directory: Path) -> dict[str, list[str]]:
    """``real`` (published notices and policies) and ``court`` (masked judgments, even half)."""
    notices = [t for name in REAL_NOTICES for t in load_real(directory, name)]
    court = load_real(directory, REAL_COURT, even_only=True)
    return {k: v for k, v in (("real", notices), ("court", court)) if v}


def run_worker(args: argparse.Namespace) -> dict:
    """One system, in this (fresh) process."""
    label, factory = WORKERS[args.worker]
    out: dict = {"worker": args.worker, "system": label, "rss_start_mb": round(_peak_rss_mb(), 1)}
    t0 = time.perf_counter()
    try:
        analyze = factory()
    except ImportError as exc:
        return out | {"available": False, "error": f"{type(exc).__name__}: {exc}"}
    docs = [d["text"] for d in C.load_corpus(args.size, args.seed)]
    gen_chunks = C.chunks(docs, CHUNK)
    analyze(gen_chunks[0])  # warm-up: dictionaries, lazy tables
    out |= {"available": True, "setup_s": round(time.perf_counter() - t0, 2)}
    out["rss_after_setup_mb"] = round(_peak_rss_mb(), 1)
    if args.worker == "zwgk_latency":
        out["latency"] = _latency(analyze, args.reps, args.seed)
    else:
        runs = {"generated/chunks": _throughput(analyze, gen_chunks)}
        if args.worker in ("zwgk", "zwgk_rules"):
            runs["generated/docs"] = _throughput(analyze, docs)
        seeds = [] if args.no_seeds else C.load_seed_documents()
        if seeds:
            runs["seeds/chunks"] = _throughput(analyze, C.chunks(seeds, CHUNK))
        for name, texts in ({} if args.no_real else real_datasets(args.real)).items():
            runs[f"{name}/chunks"] = _throughput(analyze, C.chunks(texts, CHUNK))
            if args.worker in ("zwgk", "zwgk_rules"):
                runs[f"{name}/docs"] = _throughput(analyze, texts)
        out["runs"] = runs
    out["peak_rss_mb"] = round(_peak_rss_mb(), 1)
    return out


def spawn(worker: str, args: argparse.Namespace) -> dict:
    """Run ``worker`` in a fresh interpreter; its report comes back through a temp file."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        report = Path(fh.name)
    cmd = [
        sys.executable, __file__, "--worker", worker, "--report", str(report),
        "--size", str(args.size), "--seed", str(args.seed), "--reps", str(args.reps),
    ] + (["--no-seeds"] if args.no_seeds else [])  # fmt: skip
    cmd += ["--no-real"] if args.no_real else ["--real", str(args.real)]
    print(f"… {worker}", file=sys.stderr, flush=True)
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    try:
        if proc.returncode != 0:
            tail = "\n".join(proc.stderr.strip().splitlines()[-8:])
            return {
                "worker": worker,
                "available": False,
                "error": f"退出码 {proc.returncode}\n{tail}",
            }
        return json.loads(report.read_text(encoding="utf-8"))
    finally:
        report.unlink(missing_ok=True)


def _rows(reports: list[dict]) -> list[dict]:
    rows = []
    for rep in reports:
        for dataset, run in rep.get("runs", {}).items():
            rows.append({"system": rep["system"], "dataset": dataset, **run,
                         "setup_s": rep["setup_s"], "peak_rss_mb": rep["peak_rss_mb"]})  # fmt: skip
    base = {r["dataset"].split("/")[0]: r["chars_per_cpu_s"] for r in rows
            if r["system"] == "Presidio baseline" and r["dataset"].endswith("/chunks")}  # fmt: skip
    for r in rows:
        ref = base.get(r["dataset"].split("/")[0])
        speed = r["chars_per_cpu_s"]
        r["ratio_vs_presidio"] = round(speed / ref, 2) if ref and speed else None
    return rows


def markdown(result: dict) -> str:
    lines = [
        "| system | dataset | texts | chars | CPU s | chars/CPU-s | × Presidio | setup s "
        "| peak RSS MB | hits |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in result["throughput"]:
        hits = ", ".join(f"{k} {v}" for k, v in r["found"].items())
        lines.append(
            f"| {r['system']} | {r['dataset']} | {r['texts']} | {r['chars']:,} | {r['cpu_s']} "
            f"| {r['chars_per_cpu_s']:,} | {r['ratio_vs_presidio'] or '—'} | {r['setup_s']} "
            f"| {r['peak_rss_mb']} | {hits} |"
        )
    if result["latency"]:
        lines += ["", "| screen_text doc | chars | reps | p50 ms | p99 ms | max ms |",
                  "|---|---:|---:|---:|---:|---:|"]  # fmt: skip
        for r in result["latency"]:
            lines.append(f"| {r['size_kb']} KB | {r['chars']:,} | {r['reps']} | {r['p50_ms']} "
                         f"| {r['p99_ms']} | {r['max_ms']} |")  # fmt: skip
    for note in result["notes"]:
        lines.append(f"\n> {note}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="≈200 KB corpus, 20 latency reps")
    ap.add_argument("--size", type=C.parse_size, default=None, help="corpus size (10MB)")
    ap.add_argument("--seed", type=int, default=C.DEFAULT_SEED)
    ap.add_argument("--reps", type=int, default=None, help="latency repetitions (200)")
    ap.add_argument(
        "--systems", default="zwgk,zwgk_rules,presidio,jionlp,zwgk_presidio,zwgk_latency"
    )
    ap.add_argument("--no-seeds", action="store_true", help="skip ../shared/seeds")
    ap.add_argument("--real", type=Path, default=REAL_DIR, help="real documents (JSONL folder)")
    ap.add_argument("--no-real", action="store_true", help="skip the real documents")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    ap.add_argument("--report", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.size = args.size or (200 * 1024 if args.quick else C.DEFAULT_SIZE)
    args.reps = args.reps or (20 if args.quick else 200)

    if args.worker:
        try:
            rep = run_worker(args)
        except Exception:
            rep = {"worker": args.worker, "available": False, "error": traceback.format_exc()}
        args.report.write_text(json.dumps(rep, ensure_ascii=False), encoding="utf-8")
        return

    C.ensure_corpus(args.size, args.seed)
    reports = [spawn(w, args) for w in args.systems.split(",")]
    notes = [
        f"{r['worker']}: 未测量 — {r['error'].strip().splitlines()[-1]}"
        for r in reports if not r.get("available")
    ]  # fmt: skip
    result = {
        "meta": {
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
            "command": " ".join([Path(sys.executable).name, *sys.argv]),
            "quick": args.quick,
            "corpus_bytes": args.size,
            "seed": args.seed,
            "chunk_chars": CHUNK,
            "latency_reps": args.reps,
            "real": None if args.no_real else str(args.real),
            "python": platform.python_version(),
            "machine": platform.machine(),
            "cpus": os.cpu_count(),
        },
        "throughput": _rows(reports),
        "latency": next((r["latency"] for r in reports if "latency" in r), []),
        "workers": reports,
        "notes": notes,
    }
    out = args.out or HERE / ("results-quick.json" if args.quick else "results.json")
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(markdown(result))
    print(f"\n→ {out}")


if __name__ == "__main__":
    main()
