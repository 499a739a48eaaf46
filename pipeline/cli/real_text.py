"""``zwgk eval-screen --audit / --masked`` and ``zwgk build-masked-set``: real-text checks.

``--audit FILE.jsonl …`` lists every redact/review finding in published documents, grouped by
rule and entity, with contexts; ``--masked FILE.jsonl`` refills a publisher's masks with
synthetic values and scores the screen on them (``pipeline/evaluate/masked_*.py``).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from pipeline.cli.common import EXIT_INPUT_ERROR, err


def add_real_text_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--audit", nargs="+", metavar="JSONL", help="审计已公开文档：列出全部遮蔽/送审项"
    )
    p.add_argument("--masked", metavar="JSONL", help="发布方已遮蔽的文档：回填合成值后评测召回")
    p.add_argument("--half", choices=("all", "even", "odd"), default="all",
                   help="只取偶数行或奇数行（奇数行留作最终独立测量）")  # fmt: skip
    p.add_argument("--limit", type=int, default=None, help="每个文件最多取多少份")
    p.add_argument("--sample", type=int, default=3, help="每组列出的上下文条数（0 不列）")
    p.add_argument("--seed", type=int, default=0, help="回填随机种子（--masked）")
    p.add_argument("--write-set", metavar="OUT", help="同时写出回填后的标注集 JSONL（--masked）")
    p.add_argument("--json", action="store_true", help="输出 JSON")


def run_real_text(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in (args.audit or [])] + ([Path(args.masked)] if args.masked else [])
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        err(f"找不到文件：{'、'.join(missing)}")
        return EXIT_INPUT_ERROR
    if args.audit:
        from pipeline.evaluate.audit import audit_files, format_audit, to_json

        audits = audit_files(paths[: len(args.audit)], args.half, args.limit)
        if args.json:
            print(json.dumps(to_json(audits, args.sample), ensure_ascii=False))
        else:
            print(format_audit(audits, args.sample))
    if args.masked:
        from pipeline.evaluate.masked_eval import evaluate_masked, format_masked
        from pipeline.evaluate.masked_set import build_set

        out = Path(args.write_set) if args.write_set else None
        docs = build_set(Path(args.masked), out, args.half, args.seed, args.limit)
        report = evaluate_masked(docs)
        if args.json:
            data: dict[str, Any] = report.summary()
            if args.sample:
                data["outcomes"] = [asdict(o) for o in report.outcomes]
                data["visible"] = [asdict(v) for v in report.visible]
            print(json.dumps(data, ensure_ascii=False))
        else:
            print(format_masked(report, args.sample))
    return 0


def cmd_build_masked_set(args: argparse.Namespace) -> int:
    from pipeline.evaluate.masked_set import build_set

    if not Path(args.input).is_file():
        err(f"找不到文件：{args.input}")
        return EXIT_INPUT_ERROR
    docs = build_set(Path(args.input), Path(args.output), args.half, args.seed, args.limit)
    n = sum(len(d["expected"]) for d in docs)
    err(f"{args.input}: {len(docs)} 份文档，{n} 个必须遮蔽项 → {args.output}")
    return 0


def register_build(sub: Any) -> None:
    p = sub.add_parser("build-masked-set", help="发布方遮蔽处回填合成值，写出标注集 JSONL")
    p.add_argument("input", help='已遮蔽的文档 JSONL：{"id","text"}')
    p.add_argument("-o", "--output", required=True, help="标注集 JSONL（zwgk eval-screen 可读）")
    p.add_argument("--half", choices=("all", "even", "odd"), default="all")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--limit", type=int, default=None)
    p.set_defaults(func=cmd_build_masked_set)
