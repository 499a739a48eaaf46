"""The ``zwgk`` command line: one module per group of commands, each with ``register``.

Heavy modules are imported inside the commands, so ``zwgk --help`` starts fast. To add a
command, write ``pipeline/cli/<group>.py`` with ``register(sub)`` and list it in ``GROUPS``.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from pipeline.cli.common import EXIT_INPUT_ERROR, err

#: Command groups, in the order ``zwgk --help`` lists them.
GROUPS = ("screening", "scan", "service", "ledger", "ner", "documents", "outline", "interpretation")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zwgk", description="政务公开个人信息审查：识别、判定、遮蔽并说明理由"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for group in GROUPS:
        importlib.import_module(f"pipeline.cli.{group}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except KeyboardInterrupt:
        err("已中断")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # last line of defence: a message, never a traceback
        from pipeline.decide import RuleError

        if isinstance(exc, RuleError):
            err(f"规则文件错误：{exc}")
        else:
            err(f"内部错误：{type(exc).__name__}: {exc}（请报告此问题）")
        return EXIT_INPUT_ERROR
    return code


if __name__ == "__main__":
    sys.exit(main())
