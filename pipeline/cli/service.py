"""``zwgk serve`` (the HTTP service) and ``zwgk check`` (a pre-commit hook for static sites)."""

from __future__ import annotations

import argparse
from typing import Any

from pipeline.cli.common import EXIT_INPUT_ERROR, Inputs, err


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn
    except ImportError as exc:
        err(f"服务需要 uvicorn（pip install -e '.[service]'）：{exc}")
        return EXIT_INPUT_ERROR
    from api.settings import Settings as ServiceSettings
    from pipeline.ledger.settings import Settings

    err(Settings.from_env().for_database(ServiceSettings().database_url).describe())
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=args.log_level,
    )
    return 0


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def cmd_check(args: argparse.Namespace) -> int:
    """One line per finding that blocks publication (``path:line:col: …``), like a linter.

    Exit 0 when every file may be published, 1 when something must be redacted (or, with
    ``--strict``, reviewed), 3 when a file cannot be read.
    """
    from pipeline.document import ENTITY_NAMES_ZH
    from pipeline.screen import default_screener

    screener = default_screener()
    failing = {"redact", "review"} if args.strict else {"redact"}
    status = 0
    inputs = Inputs(args.paths, warn=False)
    for path, doc in inputs:
        result = screener.screen(doc.text, doc_id=path)
        for f in result.findings:
            if f.action not in failing:
                continue
            line, col = _line_col(doc.text, f.start)
            name = ENTITY_NAMES_ZH.get(f.entity, f.entity)
            action = "须遮蔽" if f.action == "redact" else "待审核"
            print(f"{path}:{line}:{col}: {action} {name} {f.masked} [{f.rule}] {f.reason}")
            status = 1
    return EXIT_INPUT_ERROR if inputs.failed else status


def register(sub: Any) -> None:
    """Add ``serve`` and ``check``."""
    p = sub.add_parser("serve", help="启动 HTTP 服务（审查钩子、台账、审核页面）")
    p.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1）")
    p.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    p.add_argument("--workers", type=int, default=1, help="工作进程数（每个进程各自加载流水线）")
    p.add_argument("--log-level", default="info", choices=("debug", "info", "warning", "error"))
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("check", help="发布前检查（可作 pre-commit 钩子）：有须遮蔽项时退出码 1")
    p.add_argument("paths", nargs="+", help="要检查的文件")
    p.add_argument("--strict", action="store_true", help="待审核项也视为不通过")
    p.set_defaults(func=cmd_check)
