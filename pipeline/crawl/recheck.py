"""整改复查 after a web rescan: what each URL read in this run shows now, handed to the
ledger (``pipeline.ledger.recheck``).

For each URL of the run (``WebSource.visited``): a document (new or unchanged) → the
findings of its current line in the compacted output, as ``(entity, value hash)``; a
404/410 → gone. Other outcomes (a timeout, a 500, robots.txt, a file ingest cannot read)
prove nothing and are left out, and so is a crawl that did not finish.
"""

from __future__ import annotations

import json
from typing import Any

from pipeline.crawl.warc_source import WebSource
from pipeline.ledger.recheck import HANDLED_ACTIONS, Observation

GONE = (404, 410)


def observations(visited: dict[str, Any], journal: str, hash_value: Any) -> dict[str, Observation]:
    found: dict[str, Observation] = {}
    with open(journal, "rb") as fh:
        for line in fh:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            url = record.get("url")
            outcome = visited.get(url) if url else None
            if outcome is None:
                continue
            if record.get("status") in GONE:
                found[url] = None
            elif "error" not in record and outcome in (200, "unchanged"):
                found[url] = frozenset(
                    (f["entity"], hash_value(f["text"]))
                    for f in record.get("findings", [])
                    if f.get("action") in HANDLED_ACTIONS and f.get("text")
                )
    return found


def recheck_scan(source: WebSource, out: str) -> list[str]:
    """Re-inspect the ledger's findings for the URLs of this run; notes for the summary."""
    from pipeline.batch.scan import output_files
    from pipeline.ledger import open_ledger
    from pipeline.ledger.recheck import recheck

    journal = output_files(out)[0]
    with open_ledger() as ledger:
        seen = observations(source.visited, journal, ledger.value_hash)
        if not seen:
            return []
        result = recheck(ledger, seen, source.rescan_id)
    gone = sum(1 for v in seen.values() if v is None)
    note = (
        f"整改复查 {source.rescan_id}：复查 {len(seen)} 个网址（已删除 {gone}），"
        f"确认已整改 {result.verified} 条，仍在线 {result.still_online} 条"
    )
    if result.reopened:
        note += f"，标记已整改但仍在线、已重新打开 {result.reopened} 条"
    return [note + "（zwgk report 按部门查看）"]
