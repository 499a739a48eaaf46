"""Read NER corpora (JSONL ``{"text", "entities": [{"start", "end", "label"}]}``) for training.

Corpus labels are mapped to the model's label set (``GOVERNMENT`` → ``ORG``); ``OTHER:*`` and
labels outside the set are dropped. Spans that are out of range, empty or overlap an earlier
kept span are dropped and counted, so a corpus quirk never crashes a training run.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.ner.bio import DEFAULT_LABELS, Span

#: Corpus label → model label. Anything not listed (``OTHER:*``) is dropped.
LABEL_MAP: dict[str, str] = {
    "PERSON": "PERSON",
    "LOCATION": "LOCATION",
    "ORG": "ORG",
    "GOVERNMENT": "ORG",
    "TITLE": "TITLE",
    "ADDRESS": "ADDRESS",
}


@dataclass(frozen=True, slots=True)
class Example:
    """One training text with its (disjoint, sorted) entity spans."""

    text: str
    spans: tuple[Span, ...]
    source: str = ""


@dataclass
class ReadStats:
    """What reading a corpus kept and dropped."""

    examples: int = 0
    kept: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)


def map_entities(
    text: str, entities: Iterable[dict], labels: Sequence[str], stats: ReadStats | None = None
) -> tuple[Span, ...]:
    """The entities of one record as model spans (mapped, validated, overlaps removed)."""
    wanted = set(labels)
    spans: list[Span] = []
    for ent in sorted(entities, key=lambda e: (e.get("start", 0), -e.get("end", 0))):
        raw = str(ent.get("label", ""))
        label = LABEL_MAP.get(raw)
        start, end = ent.get("start"), ent.get("end")
        reason = None
        if label is None or label not in wanted:
            reason = f"label:{raw}"
        elif not (
            isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
        ):
            reason = "bad-offsets"
        elif spans and start < spans[-1].end:
            reason = "overlap"
        elif not text[start:end].strip():
            reason = "blank"
        if reason is not None:
            if stats is not None:
                stats.dropped[reason] += 1
            continue
        assert label is not None and isinstance(start, int) and isinstance(end, int)
        spans.append(Span(start, end, label))
        if stats is not None:
            stats.kept[label] += 1
    return tuple(spans)


def read_jsonl(
    path: str | Path, labels: Sequence[str] = DEFAULT_LABELS, stats: ReadStats | None = None
) -> Iterator[Example]:
    """Examples of one JSONL file; blank lines are skipped, a malformed line raises."""
    path = Path(path)
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{n}: 不是有效的标注行（{exc}）") from exc
            if not isinstance(text, str) or not text:
                continue
            spans = map_entities(text, record.get("entities", []), labels, stats)
            if stats is not None:
                stats.examples += 1
            yield Example(text, spans, str(record.get("source", path.name)))


def split_of(text: str, seed: int, dev_fraction: float) -> str:
    """``"dev"`` or ``"train"``, decided by a seeded hash of the text (stable across runs)."""
    digest = hashlib.sha256(f"{seed}\x00{text}".encode()).digest()
    return "dev" if int.from_bytes(digest[:8], "big") / 2**64 < dev_fraction else "train"


def split(
    examples: Iterable[Example], seed: int, dev_fraction: float
) -> tuple[list[Example], list[Example]]:
    """(train, dev) by :func:`split_of`; identical texts always land in the same part."""
    train: list[Example] = []
    dev: list[Example] = []
    for ex in examples:
        (dev if split_of(ex.text, seed, dev_fraction) == "dev" else train).append(ex)
    return train, dev


def write_jsonl(path: str | Path, examples: Iterable[Example]) -> int:
    """Write examples in the corpus format; returns the number of lines."""
    n = 0
    with Path(path).open("w", encoding="utf-8") as fh:
        for ex in examples:
            ents = [{"start": s.start, "end": s.end, "label": s.label} for s in ex.spans]
            record = {"text": ex.text, "entities": ents, "source": ex.source}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n
