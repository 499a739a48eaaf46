"""``zwgk screen``, ``redact``, ``rules``, ``eval-screen``: the screening commands.

Exit codes of ``screen``: 0 pass, 1 review, 2 block, 3 input error (any input).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from pipeline.cli.common import EXIT_INPUT_ERROR, Inputs, err, load_input

EXIT_CODES = {"pass": 0, "review": 1, "block": 2}


def cmd_screen(args: argparse.Namespace) -> int:
    if args.jsonl:
        return _screen_jsonl(args)
    if not args.paths:
        err("请给出要审查的文件，或用 --jsonl 批量审查")
        return EXIT_INPUT_ERROR
    from pipeline.ingest.archive import leaves
    from pipeline.ingest.locate import attach_locations
    from pipeline.output.console_table import render
    from pipeline.screen import default_screener

    screener = default_screener()
    worst = 0
    colour = sys.stdout.isatty() and not args.no_colour
    inputs = Inputs(args.paths)
    for path, top in inputs:
        if top.kind == "zip":  # every member is a document of its own: a.zip!dir/x.xlsx
            inputs.failed = inputs.failed or bool(top.markup.errors)
        for doc in leaves(top):
            name = doc.source if top.kind == "zip" else path
            result = screener.screen(doc.text, doc_id=name)
            attach_locations(result.findings, doc)
            if top.kind == "zip":
                for f in result.findings:
                    f.location = {"member": name, **(f.location or {})}
            if args.json:
                record = result.to_contract()
                record["path"] = name
                print(json.dumps(record, ensure_ascii=False))
            else:
                print(render(result, name, colour))
            worst = max(worst, EXIT_CODES[result.verdict])
    return EXIT_INPUT_ERROR if inputs.failed else worst


def _open_in(name: str) -> TextIO:
    if name == "-":
        return sys.stdin
    return open(name, encoding="utf-8", errors="replace")


def _screen_jsonl(args: argparse.Namespace) -> int:
    from pipeline.batch.jsonl import screen_jsonl

    try:
        src = _open_in(args.jsonl)
    except OSError as exc:
        err(f"{args.jsonl}: 无法打开（{exc.strerror}）")
        return EXIT_INPUT_ERROR
    out_name = args.out or "-"
    try:
        dst = sys.stdout if out_name == "-" else open(out_name, "w", encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        err(f"{out_name}: 无法写入（{exc.strerror}）")
        return EXIT_INPUT_ERROR
    try:
        counts = screen_jsonl(src, dst, workers=args.workers)
    finally:
        if src is not sys.stdin:
            src.close()
        if dst is not sys.stdout:
            dst.close()
    err(
        f"完成：拦截 {counts['block']}，待审核 {counts['review']}，通过 {counts['pass']}，"
        f"错误行 {counts['error']}"
    )
    return EXIT_INPUT_ERROR if counts["error"] else 0


def cmd_redact(args: argparse.Namespace) -> int:
    from pipeline.ingest import IngestError
    from pipeline.redact import replacements
    from pipeline.redact.markup_writer import write_redacted
    from pipeline.screen import default_screener

    try:
        doc = load_input(args.path)
    except IngestError as exc:
        err(exc.message)
        return EXIT_INPUT_ERROR
    result = default_screener().screen(doc.text, doc_id=args.path)
    edits = replacements(result.findings)
    target = args.output
    if target == "-" and doc.kind in ("xlsx", "sheet", "zip", "image"):
        err(f"{args.path}: 表格/压缩包/图片的脱敏结果是二进制文件，请用 -o 指定输出文件")
        return EXIT_INPUT_ERROR
    if target == "-" and doc.kind == "csv":
        from pipeline.redact.sheet_writer import sheet_bytes

        sys.stdout.buffer.write(sheet_bytes(doc, edits))  # the CSV itself, in its encoding
    elif target == "-":
        sys.stdout.write(result.redacted)
    else:
        from pipeline.redact.sheet_writer import describe_output, output_name

        target = output_name(doc, target)
        if describe_output(doc):
            err(f"{args.path}: {describe_output(doc)} → {target}")
        try:
            write_redacted(doc, edits, Path(args.output))
        except OSError as exc:
            err(f"{args.output}: 无法写入（{exc.strerror}）")
            return EXIT_INPUT_ERROR
        except ValueError as exc:  # the file cannot be rebuilt in its format; nothing written
            err(str(exc))
            return EXIT_INPUT_ERROR
    for warning in doc.warnings:
        err(f"{doc.source}: {warning}")
    err(f"{args.path}: 遮蔽 {len(edits)} 处 → {target}")
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    from pipeline.decide import Decider

    decider = Decider.from_dir()
    for rule in decider.rules:
        entities = ",".join(sorted(rule.entity)) or "全部"
        print(f"{rule.id:<26} {rule.action:<7} {entities:<40} {rule.description}")
    return 0


def cmd_eval_screen(args: argparse.Namespace) -> int:
    if args.audit or args.masked:
        from pipeline.cli.real_text import run_real_text

        return run_real_text(args)
    from pipeline.evaluate.screen_eval import evaluate, format_report

    report = evaluate(Path(args.directory or "tests/fixtures/labelled"))
    print(format_report(report))
    return 0


def register(sub: Any) -> None:
    """Add ``screen``, ``redact``, ``rules`` and ``eval-screen``."""
    p = sub.add_parser(
        "screen",
        help="审查文件中的个人信息（txt/html/docx/doc/wps/rtf/odt/pdf/xlsx/xls/et/ods/csv/"
        "zip/7z，- 为标准输入）",
    )
    p.add_argument("paths", nargs="*", help="要审查的文件")
    p.add_argument("--json", action="store_true", help="每个文件输出一行 JSON（批处理契约）")
    p.add_argument("--jsonl", metavar="IN", help='批量审查 JSON lines：{"id","text"}，- 为标准输入')
    p.add_argument("--out", metavar="OUT", help="批量结果输出文件（默认标准输出）")
    p.add_argument("--workers", type=int, default=None, help="并行进程数（默认 CPU 核数）")
    p.add_argument("--no-colour", action="store_true", help="不使用颜色")
    p.set_defaults(func=cmd_screen)

    p = sub.add_parser(
        "redact",
        help="输出遮蔽后的文件（HTML/DOCX/XLSX/CSV/ZIP 保留原有格式，XLS/ET/ODS 输出 XLSX，"
        "DOC/WPS/RTF/ODT 输出 DOCX，7Z 输出 ZIP）",
    )
    p.add_argument("path", help="输入文件，- 为标准输入")
    p.add_argument("-o", "--output", required=True, help="输出文件，- 为标准输出")
    p.set_defaults(func=cmd_redact)

    p = sub.add_parser("rules", help="列出当前生效的处理规则")
    p.set_defaults(func=cmd_rules)

    p = sub.add_parser("eval-screen", help="在标注集上评估审查质量；--audit/--masked 用于真实文档")
    p.add_argument(
        "directory", nargs="?", help="标注文件目录（*.json）或 build-masked-set 的 JSONL"
    )
    from pipeline.cli.real_text import add_real_text_args, register_build

    add_real_text_args(p)
    p.set_defaults(func=cmd_eval_screen)
    register_build(sub)
