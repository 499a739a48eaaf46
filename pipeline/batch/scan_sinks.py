"""Where scan records go besides the journal: the :class:`Sink` protocol and a Parquet sink.

The JSONL journal (``pipeline.batch.scan_state``) is the resumable record of a scan. A sink
receives each batch of NEW records after the journal has been fsynced and before the batch
is committed, so it sees every record at least once; after a kill the same record (same
``path`` and ``sha256``) may come again, so a sink must be idempotent on that pair.
``finish`` is called once a run completes, with the compacted journal (one line per
document, including documents skipped as unchanged in this run).
"""

from __future__ import annotations

import os
from typing import Any, Protocol

from pipeline.batch.scan_state import Journal

#: Records per Parquet row group (and per batch held in memory while writing).
ROW_GROUP = 10_000


class Sink(Protocol):
    def write(self, records: list[dict[str, Any]]) -> None: ...

    def finish(self, journal: Journal) -> None: ...


def parquet_schema() -> Any:
    import pyarrow as pa

    finding = pa.struct(
        [
            ("entity", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("text", pa.string()),
            ("action", pa.string()),
            ("score", pa.float64()),
            ("rule", pa.string()),
            ("reason", pa.string()),
            ("basis", pa.string()),
            ("masked", pa.string()),
            ("role", pa.string()),
            ("recognizer", pa.string()),
            ("explanation", pa.string()),
        ]
    )
    return pa.schema(
        [
            ("id", pa.string()),
            ("path", pa.string()),
            ("sha256", pa.string()),
            ("verdict", pa.string()),
            ("doc_type", pa.string()),
            ("findings", pa.list_(finding)),
            ("redacted", pa.string()),
            ("warnings", pa.list_(pa.string())),
            ("error", pa.string()),
        ]
    )


class ParquetSink:
    """Writes the whole result set to ``path`` when a run completes (atomic rename).

    Parquet files cannot be appended to, so the file is rebuilt from the journal: a scan
    killed midway leaves the previous complete file (if any) untouched.
    """

    def __init__(self, path: str) -> None:
        self.path = path

    def write(self, records: list[dict[str, Any]]) -> None:
        pass

    def finish(self, journal: Journal) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = parquet_schema()
        tmp = self.path + ".tmp"
        rows: list[dict[str, Any]] = []
        with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
            for _, _, record in journal.records():
                rows.append(record)
                if len(rows) >= ROW_GROUP:
                    writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                    rows = []
            if rows:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
        os.replace(tmp, self.path)
