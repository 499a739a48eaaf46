"""What every command shares: error output, exit codes, reading an input path."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

EXIT_INPUT_ERROR = 3


def err(message: str) -> None:
    """A message for the user on stderr, prefixed with the program name."""
    print(f"zwgk: {message}", file=sys.stderr)


def load_input(path: str) -> Any:
    """Ingest a path (``-`` is standard input as text)."""
    from pipeline.ingest import IngestedDocument, load_bytes, load_path

    if path == "-":
        data = sys.stdin.buffer.read()
        return load_bytes(data, "stdin.txt")
    doc: IngestedDocument = load_path(Path(path))
    return doc


class Inputs:
    """The documents of several paths, in order; an unreadable one is reported by name on
    stderr and skipped (``failed`` tells the command to exit with an input error)."""

    def __init__(self, paths: list[str], warn: bool = True) -> None:
        self.paths, self.warn, self.failed = paths, warn, False

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        from pipeline.ingest import IngestError

        for path in self.paths:
            try:
                doc = load_input(path)
            except IngestError as exc:
                err(exc.message)
                self.failed = True
                continue
            if self.warn:
                for warning in doc.warnings:
                    err(f"{doc.source}: {warning}")
            yield path, doc


def add_reveal_flag(parser: Any) -> None:
    """``--show-original``: quote the original instead of the screened text (reviewers)."""
    parser.add_argument(
        "--show-original",
        action="store_true",
        help="引用原文时不遮蔽个人信息（仅供审核人员；默认按审查结果遮蔽须遮蔽和待审核的内容）",
    )
