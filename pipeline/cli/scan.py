"""``zwgk scan``: bulk, resumable rescans of archives (see ``docs/scan.md``).

Every screened document is also recorded in the review ledger unless ``--no-ledger``, so
``zwgk report`` right after a scan reports it (the README's flow).

Exit codes: 0 done, 3 when a document could not be screened (error records) or the input
or output cannot be used.
"""

from __future__ import annotations

import argparse
from typing import Any

from pipeline.cli.common import EXIT_INPUT_ERROR, err


def cmd_scan(args: argparse.Namespace) -> int:
    from pipeline.batch.scan import BATCH_SIZE, local_runner, run_scan
    from pipeline.batch.scan_inputs import ScanInputError
    from pipeline.batch.scan_progress import Progress
    from pipeline.batch.scan_state import ScanStateError

    if args.engine == "ray":
        try:
            import ray  # noqa: F401

            from pipeline.batch.scan_ray import ray_runner
        except ImportError:
            err("--engine ray 需要安装 Ray：pip install 'zwgk[cluster]'")
            return EXIT_INPUT_ERROR
        runner = ray_runner(args.workers, args.ray_address)
    else:
        import os

        runner = local_runner(args.workers or os.cpu_count() or 1)
    progress = Progress(quiet=args.quiet)
    sinks = []
    notes = []
    try:
        if args.ledger:
            from pipeline.batch.scan_sinks import LedgerSink

            sink = LedgerSink(args.department)
            sinks.append(sink)
            notes.append(f"审查结果已记入台账：{sink.ledger.location}（zwgk report 生成报告）")
        from pipeline.crawl.cli_hooks import after_scan, scan_source

        source, progress = scan_source(args, progress)  # a crawl, a WARC file, …
        outcome = run_scan(
            source,
            args.out,
            runner=runner,
            batch_size=args.batch_size or BATCH_SIZE,
            force=args.force,
            retry_errors=args.retry_errors,
            sinks=sinks,
            progress=progress,
        )
    except (ScanInputError, ScanStateError) as exc:
        err(str(exc))
        return EXIT_INPUT_ERROR
    except OSError as exc:
        err(f"{exc.filename or args.out}: 无法读写（{exc.strerror or exc}）")
        return EXIT_INPUT_ERROR
    except Exception as exc:
        if not args.ledger or not type(exc).__module__.startswith(
            ("pipeline.ledger", "sqlalchemy")
        ):
            raise
        err(f"台账错误：{type(exc).__name__}: {str(exc).splitlines()[0]}（再次运行即可续跑）")
        return EXIT_INPUT_ERROR
    except KeyboardInterrupt:
        progress.finish(["已中断；再次运行同一命令即可从中断处继续"])
        raise
    notes += after_scan(args, source)
    progress.finish(outcome.notes + notes)
    return EXIT_INPUT_ERROR if outcome.counts["error"] else 0


def register(sub: Any) -> None:
    """Add ``scan``."""
    p = sub.add_parser(
        "scan",
        help="批量审查档案（目录、JSONL 或 Parquet 清单），可中断续跑，未变化的文档跳过",
    )
    p.add_argument(
        "source",
        nargs="*",
        help="目录（txt/html/docx/pdf）、.jsonl 文件、含 path 列的 .parquet 清单、"
        ".warc(.gz) 网页存档，或网站的起始网址（可多个，见 docs/crawl.md）",
    )
    p.add_argument(
        "--out", required=True, metavar="FILE", help="结果文件：.jsonl（每篇一行）或 .parquet"
    )
    p.add_argument(
        "--ledger",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="同时记入审查台账（默认记入；--no-ledger 不记入；ZWGK_DATABASE_URL / ZWGK_DATA_DIR）",
    )
    p.add_argument("--department", help="记入台账时的发布部门")
    p.add_argument(
        "--workers", type=int, default=None, help="并行进程数或 Ray actor 数（默认 CPU 核数）"
    )
    p.add_argument(
        "--engine", choices=("local", "ray"), default="local", help="执行引擎（默认 local）"
    )
    p.add_argument("--ray-address", default=None, help="Ray 集群地址（默认 RAY_ADDRESS 或本机）")
    p.add_argument("--batch-size", type=int, default=None, help="每批文档数（默认 16）")
    p.add_argument("--force", action="store_true", help="全部重新审查，不跳过未变化的文档")
    p.add_argument("--retry-errors", action="store_true", help="重新处理上次出错的文档")
    p.add_argument("--quiet", action="store_true", help="不显示进度和汇总")
    from pipeline.crawl.options import add_crawl_arguments

    add_crawl_arguments(p)
    p.set_defaults(func=cmd_scan)
