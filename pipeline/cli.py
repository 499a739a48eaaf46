"""The ``zwgk`` command line. Heavy modules are imported inside the commands.

Exit codes of ``screen``: 0 pass, 1 review, 2 block, 3 input error (any input).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

EXIT_CODES = {"pass": 0, "review": 1, "block": 2}
EXIT_INPUT_ERROR = 3


def _err(message: str) -> None:
    print(f"zwgk: {message}", file=sys.stderr)


def _load(path: str) -> Any:
    """Ingest a path (``-`` is standard input as text)."""
    from pipeline.ingest import IngestedDocument, load_bytes, load_path

    if path == "-":
        data = sys.stdin.buffer.read()
        return load_bytes(data, "stdin.txt")
    doc: IngestedDocument = load_path(Path(path))
    return doc


def cmd_screen(args: argparse.Namespace) -> int:
    if args.jsonl:
        return _screen_jsonl(args)
    if not args.paths:
        _err("请给出要审查的文件，或用 --jsonl 批量审查")
        return EXIT_INPUT_ERROR
    from pipeline.ingest import IngestError
    from pipeline.output.console_table import render
    from pipeline.screen import default_screener

    screener = default_screener()
    worst = 0
    had_error = False
    colour = sys.stdout.isatty() and not args.no_colour
    for path in args.paths:
        try:
            doc = _load(path)
        except IngestError as exc:
            _err(exc.message)
            had_error = True
            continue
        for warning in doc.warnings:
            _err(f"{doc.source}: {warning}")
        result = screener.screen(doc.text, doc_id=path)
        if args.json:
            record = result.to_contract()
            record["path"] = path
            print(json.dumps(record, ensure_ascii=False))
        else:
            print(render(result, path, colour))
        worst = max(worst, EXIT_CODES[result.verdict])
    return EXIT_INPUT_ERROR if had_error else worst


def _open_in(name: str) -> TextIO:
    if name == "-":
        return sys.stdin
    return open(name, encoding="utf-8", errors="replace")


def _screen_jsonl(args: argparse.Namespace) -> int:
    from pipeline.batch.local_pool import screen_jsonl

    try:
        src = _open_in(args.jsonl)
    except OSError as exc:
        _err(f"{args.jsonl}: 无法打开（{exc.strerror}）")
        return EXIT_INPUT_ERROR
    out_name = args.out or "-"
    try:
        dst = sys.stdout if out_name == "-" else open(out_name, "w", encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        _err(f"{out_name}: 无法写入（{exc.strerror}）")
        return EXIT_INPUT_ERROR
    try:
        counts = screen_jsonl(src, dst, workers=args.workers)
    finally:
        if src is not sys.stdin:
            src.close()
        if dst is not sys.stdout:
            dst.close()
    _err(
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
        doc = _load(args.path)
    except IngestError as exc:
        _err(exc.message)
        return EXIT_INPUT_ERROR
    result = default_screener().screen(doc.text, doc_id=args.path)
    edits = replacements(result.findings)
    target = args.output
    if target == "-":
        sys.stdout.write(result.redacted)
    else:
        if doc.kind == "pdf" and target.lower().endswith(".pdf"):
            target = target[:-4] + ".txt"  # the writer emits redacted text for PDFs
        try:
            write_redacted(doc, edits, Path(args.output))
        except OSError as exc:
            _err(f"{args.output}: 无法写入（{exc.strerror}）")
            return EXIT_INPUT_ERROR
    for warning in doc.warnings:
        _err(f"{doc.source}: {warning}")
    _err(f"{args.path}: 遮蔽 {len(edits)} 处 → {target}")
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    from pipeline.decide import Decider

    decider = Decider.from_dir()
    for rule in decider.rules:
        entities = ",".join(sorted(rule.entity)) or "全部"
        print(f"{rule.id:<26} {rule.action:<7} {entities:<40} {rule.description}")
    return 0


def cmd_eval_screen(args: argparse.Namespace) -> int:
    from pipeline.evaluate.screen_eval import evaluate, format_report

    report = evaluate(Path(args.directory))
    print(format_report(report))
    return 0


def cmd_train_ner(args: argparse.Namespace) -> int:
    from pipeline.ner.config import ConfigError

    try:
        from pipeline.ner.run import train_and_ship
    except ImportError as exc:
        _err(f"训练需要 ner 依赖（pip install -e '.[ner]'）：{exc}")
        return EXIT_INPUT_ERROR
    try:
        train_and_ship(args.config, resume=not args.no_resume, max_steps=args.max_steps)
    except (ConfigError, FileNotFoundError, ValueError) as exc:
        _err(str(exc))
        return EXIT_INPUT_ERROR
    return 0


def cmd_eval_ner(args: argparse.Namespace) -> int:
    from pipeline.ner.artifact import ArtifactError, latest
    from pipeline.ner.run import eval_file

    model = args.model or latest()
    try:
        print(eval_file(args.file, model, limit=args.limit, backend=args.backend))
    except (ArtifactError, FileNotFoundError, ValueError) as exc:
        _err(str(exc))
        return EXIT_INPUT_ERROR
    except ImportError as exc:
        _err(f"运行模型需要 ner 依赖（pip install -e '.[ner]'）：{exc}")
        return EXIT_INPUT_ERROR
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zwgk", description="政务公开个人信息审查：识别、判定、遮蔽并说明理由"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("screen", help="审查文件中的个人信息（txt/html/docx/pdf，- 为标准输入）")
    p.add_argument("paths", nargs="*", help="要审查的文件")
    p.add_argument("--json", action="store_true", help="每个文件输出一行 JSON（批处理契约）")
    p.add_argument("--jsonl", metavar="IN", help='批量审查 JSON lines：{"id","text"}，- 为标准输入')
    p.add_argument("--out", metavar="OUT", help="批量结果输出文件（默认标准输出）")
    p.add_argument("--workers", type=int, default=None, help="并行进程数（默认 CPU 核数）")
    p.add_argument("--no-colour", action="store_true", help="不使用颜色")
    p.set_defaults(func=cmd_screen)

    p = sub.add_parser("redact", help="输出遮蔽后的文件（HTML/DOCX 保留原有格式）")
    p.add_argument("path", help="输入文件，- 为标准输入")
    p.add_argument("-o", "--output", required=True, help="输出文件，- 为标准输出")
    p.set_defaults(func=cmd_redact)

    p = sub.add_parser("rules", help="列出当前生效的处理规则")
    p.set_defaults(func=cmd_rules)

    p = sub.add_parser("eval-screen", help="在标注集上评估审查质量")
    p.add_argument("directory", help="标注文件目录（*.json）")
    p.set_defaults(func=cmd_eval_screen)

    p = sub.add_parser(
        "train-ner", help="按配置训练 NER 模型（可断点续训），写出 models/ner/<版本>/"
    )
    p.add_argument("config", help="训练配置（YAML/JSON），例如 configs/ner_small.yaml")
    p.add_argument("--no-resume", action="store_true", help="忽略已有检查点，从头训练")
    p.add_argument("--max-steps", type=int, default=None, help="训练到第 N 步即停（可续训）")
    p.set_defaults(func=cmd_train_ner)

    p = sub.add_parser("eval-ner", help="实体级 P/R/F1（精确匹配），同时给出 jieba 词性基线")
    p.add_argument("file", help="标注文件（JSONL：text, entities）")
    p.add_argument("--model", default=None, help="模型文件夹（默认 models/ner/ 下最新版本）")
    p.add_argument("--backend", choices=("auto", "onnx", "torch"), default="auto")
    p.add_argument("--limit", type=int, default=None, help="只评估前 N 句")
    p.set_defaults(func=cmd_eval_ner)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except KeyboardInterrupt:
        _err("已中断")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # last line of defence: a message, never a traceback
        from pipeline.decide import RuleError

        if isinstance(exc, RuleError):
            _err(f"规则文件错误：{exc}")
        else:
            _err(f"内部错误：{type(exc).__name__}: {exc}（请报告此问题）")
        return EXIT_INPUT_ERROR
    return code


if __name__ == "__main__":
    sys.exit(main())
