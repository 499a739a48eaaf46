"""What every command shares: error output, exit codes, reading an input path."""

from __future__ import annotations

import sys
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
