"""Scan progress on stderr: done/total, docs/s, chars/s and ETA, then a summary (in Chinese).

On a terminal the line refreshes in place (at most 5 times a second); otherwise a line is
printed every ``interval`` seconds (``ZWGK_PROGRESS_SECONDS``, default 10).
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from typing import TextIO

#: Outcome names as the summary prints them.
LABELS = {"block": "拦截", "review": "待审核", "pass": "通过", "error": "错误", "skipped": "跳过"}


def _duration(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


def _chars(n: float) -> str:
    return f"{n / 10_000:.1f}万" if n >= 10_000 else f"{n:.0f}"


class Progress:
    """Counts outcomes and screened characters; renders itself when due."""

    def __init__(
        self, stream: TextIO | None = None, interval: float | None = None, quiet: bool = False
    ) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        default = 0.2 if self.tty else float(os.environ.get("ZWGK_PROGRESS_SECONDS", "10"))
        self.interval = default if interval is None else interval
        self.quiet = quiet
        self.total: int | None = None
        self.counts: Counter[str] = Counter()
        self.chars = 0
        self.start = time.monotonic()
        self._last = self.start

    @property
    def done(self) -> int:
        return sum(self.counts.values())

    @property
    def elapsed(self) -> float:
        return max(time.monotonic() - self.start, 1e-9)

    def add(self, outcome: str, chars: int = 0) -> None:
        self.counts[outcome] += 1
        self.chars += chars

    def line(self) -> str:
        done, elapsed = self.done, self.elapsed
        rate = done / elapsed
        if self.total:
            head = f"已处理 {done}/{self.total}（{100 * done / self.total:.1f}%）"
        else:
            head = f"已处理 {done}"
        parts = [head, f"{rate:.1f} 篇/秒", f"{_chars(self.chars / elapsed)}字/秒"]
        if self.total and rate > 0:
            parts.append(f"预计剩余 {_duration(max(self.total - done, 0) / rate)}")
        elif not self.total:
            parts.append("总数统计中")
        return " · ".join(parts)

    def tick(self) -> None:
        """Render if the refresh interval has passed."""
        now = time.monotonic()
        if self.quiet or now - self._last < self.interval:
            return
        self._last = now
        if self.tty:
            self.stream.write(f"\r{self.line()}\x1b[K")
        else:
            self.stream.write(self.line() + "\n")
        self.stream.flush()

    def summary(self) -> str:
        c = self.counts
        screened = c["block"] + c["review"] + c["pass"]
        elapsed = self.elapsed
        return (
            f"完成：已审查 {screened}（拦截 {c['block']}，待审核 {c['review']}，"
            f"通过 {c['pass']}），跳过 {c['skipped']}，错误 {c['error']}；"
            f"用时 {_duration(elapsed)}，{self.done / elapsed:.1f} 篇/秒，"
            f"{_chars(self.chars / elapsed)}字/秒"
        )

    def finish(self, notes: list[str] | None = None) -> None:
        if self.quiet:
            return
        if self.tty:
            self.stream.write("\r\x1b[K")
        for note in notes or []:
            self.stream.write(f"zwgk: {note}\n")
        self.stream.write(f"zwgk: {self.summary()}\n")
        self.stream.flush()
