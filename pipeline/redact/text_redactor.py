"""Apply masked forms to the original text at the findings' original offsets."""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.document import Finding

#: Actions whose values are masked in the redacted version. Review items are masked too:
#: the redacted text is what may be published before a reviewer allows anything.
MASKED_ACTIONS = frozenset({"redact", "review"})


def replacements(findings: Iterable[Finding]) -> list[tuple[int, int, str]]:
    """Non-overlapping ``(start, end, masked)`` edits, in order.

    Overlapping findings are merged so that no character of either leaks: the part of a
    later finding that sticks out past an earlier one is starred.
    """
    edits: list[tuple[int, int, str]] = []
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if f.action not in MASKED_ACTIONS:
            continue
        if edits and f.start < edits[-1][1]:
            start, end, masked = edits[-1]
            if f.end > end:
                edits[-1] = (start, f.end, masked + "*" * (f.end - end))
            continue
        edits.append((f.start, f.end, f.masked))
    return edits


def redact_text(text: str, findings: Iterable[Finding]) -> str:
    """``text`` with every redact/review finding replaced by its masked form."""
    parts: list[str] = []
    pos = 0
    for start, end, masked in replacements(findings):
        parts.append(text[pos:start])
        parts.append(masked)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)
