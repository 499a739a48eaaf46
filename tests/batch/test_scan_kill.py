"""A real ``zwgk scan`` killed with SIGKILL (twice), then rerun: every document exactly once;
and no process of a killed scan (pool workers, fork server) outlives it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from contextlib import suppress
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = 300
PROC = Path("/proc")
#: How long the processes of a killed scan may take to end (they take milliseconds).
GRACE_SECONDS = 20


def _corpus(root: Path) -> None:
    root.mkdir()
    filler = "根据《中华人民共和国政府信息公开条例》第二十条的规定，现将有关情况公开如下。" * 150
    for i in range(DOCS):
        folder = root / f"{i // 50:02d}"
        folder.mkdir(exist_ok=True)
        person = f"申请人李{'明华强伟芳'[i % 5]}，联系电话1380564{i:04d}。" if i % 3 else ""
        (folder / f"doc{i:03d}.txt").write_text(f"第{i}号答复。{person}{filler}", encoding="utf-8")


def _start(src: Path, out: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "ZWGK_NER": "0", "ZWGK_PROGRESS_SECONDS": "1"}
    cmd = [sys.executable, "-m", "pipeline.cli", "scan", str(src), "--out", str(out)]
    return subprocess.Popen(
        [*cmd, "--workers", "2", "--batch-size", "4"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own session: all its descendants carry its pid as sid
    )


def _session(sid: int) -> set[int]:
    """Live (not zombie) processes of session ``sid``, from /proc/PID/stat."""
    pids = set()
    for stat in PROC.glob("[0-9]*/stat"):
        with suppress(OSError):  # gone meanwhile
            pid, rest = stat.read_text().split(" (", 1)
            state, _ppid, _pgrp, session = rest.rsplit(") ", 1)[1].split()[:4]
            if int(session) == sid and state != "Z":
                pids.add(int(pid))
    return pids


def _kill_after_growth(proc: subprocess.Popen[bytes], out: Path, start: int) -> int:
    """SIGKILL the scan alone once the output has grown past ``start``; its pool must end."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.stat().st_size > start:
            break
        time.sleep(0.005)
    assert proc.poll() is None, "the scan finished before it could be killed"
    pool = _session(proc.pid) - {proc.pid}
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    try:
        if PROC.is_dir():
            # output has grown, so both workers have been started, by the fork server
            assert len(pool) >= 3, f"the scan's pool was not running: {pool}"
            deadline = time.monotonic() + GRACE_SECONDS
            while (left := _session(proc.pid)) and time.monotonic() < deadline:
                time.sleep(0.05)
            assert not left, f"processes of the killed scan survive: {sorted(left)}"
    finally:  # never leave them behind for the next test
        for pid in _session(proc.pid) if PROC.is_dir() else ():
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    return out.stat().st_size


def _lines(out: Path) -> list[bytes]:
    return out.read_bytes().split(b"\n")


def _result_set(out: Path) -> list[tuple[str, str, str, str]]:
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return sorted(
        (r["path"], r["sha256"], r["verdict"], json.dumps(r["findings"], ensure_ascii=False))
        for r in rows
    )


def test_killed_scan_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    src = tmp_path / "archive"
    _corpus(src)
    out = tmp_path / "out.jsonl"

    first = _kill_after_growth(_start(src, out), out, 0)
    assert 0 < len(_lines(out)) - 1 < DOCS  # killed mid-run
    second = _kill_after_growth(_start(src, out), out, first)
    assert len(_lines(out)) - 1 < DOCS

    proc = _start(src, out)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stderr.decode()
    assert "跳过" in stderr.decode()
    assert second > 0

    resumed = _result_set(out)
    paths = [row[0] for row in resumed]
    assert len(paths) == len(set(paths)) == DOCS

    clean_out = tmp_path / "clean.jsonl"
    proc = _start(src, clean_out)
    proc.communicate(timeout=120)
    assert proc.returncode == 0
    assert resumed == _result_set(clean_out)

    # and nothing is left to do
    proc = _start(src, out)
    _, stderr = proc.communicate(timeout=120)
    assert f"跳过 {DOCS}，错误 0" in stderr.decode()
