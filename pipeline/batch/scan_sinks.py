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
    #: Set by a sink that must see every document (not rebuilt from the journal): it is part
    #: of the scan's fingerprint, so adding or changing such a sink rescans everything.
    tag: str | None
    #: Whether ``write`` needs the screened texts (else ``texts`` holds ``None``).
    needs_text: bool

    def write(self, records: list[dict[str, Any]], texts: list[str | None]) -> None: ...

    def finish(self, journal: Journal) -> None: ...

    def close(self) -> None: ...


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

    tag: str | None = None
    needs_text: bool = False

    def __init__(self, path: str) -> None:
        self.path = path

    def write(self, records: list[dict[str, Any]], texts: list[str | None]) -> None:
        pass

    def close(self) -> None:
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


#: The contract fields the ledger records (``path`` and ``sha256`` are scan additions).
CONTRACT = ("id", "verdict", "doc_type", "findings", "redacted")


class LedgerSink:
    """Records each screened document in the review ledger (``pipeline.ledger``).

    ``source`` is the file's resolved path (as ``zwgk ledger add`` uses) or, for an inline
    JSONL document, its id; the text is passed so the ledger's content hash is that of the
    screened text. The ledger is idempotent on (source, content), which makes the sink's
    at-least-once delivery exactly-once in the ledger. Error records are not recorded.
    """

    needs_text: bool = True
    tag: str | None

    def __init__(self, department: str | None = None, actor: str = "zwgk scan") -> None:
        from pipeline.ledger import open_ledger

        self.ledger = open_ledger()
        self.tag = f"ledger:{self.ledger.settings.database_url}"
        self.department, self.actor = department, actor

    def write(self, records: list[dict[str, Any]], texts: list[str | None]) -> None:
        from pathlib import Path

        from pipeline.ledger.recording import RecordRequest

        batch = []
        for record, text in zip(records, texts, strict=True):
            if "error" in record:
                continue
            path = record.get("path")
            source = str(Path(path).resolve()) if path else str(record["id"])
            contract = {k: record[k] for k in CONTRACT}
            # a web page names its own department (发布机构, pipeline.crawl.page_meta)
            department = (record.get("page") or {}).get("publisher") or self.department
            batch.append(RecordRequest(contract, source, department, text, self.actor))
        self.ledger.record_many(batch)  # one transaction per flushed batch of the scan

    def finish(self, journal: Journal) -> None:
        pass

    def close(self) -> None:
        self.ledger.close()
