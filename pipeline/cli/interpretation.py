"""``zwgk check-interpretation`` and ``zwgk eval-interpretation``: a human-written 政策解读
checked against its policy (numbers, qualifiers, dates, 文号, 《》 titles, required elements,
personal information), and the checker's figures on real policy–interpretation pairs.

Exit codes of ``check-interpretation``: 0 nothing mismatches, 1 mismatches, 3 input error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipeline.cli.common import EXIT_INPUT_ERROR, add_reveal_flag, err, load_input


def cmd_check(args: argparse.Namespace) -> int:
    from pipeline.ingest import IngestError
    from pipeline.outline.check_report import check_interpretation, render_text
    from pipeline.output.quote import reveal_note

    if args.policy == "-" and args.interpretation == "-":
        err("政策文件和解读材料不能都从标准输入读取")
        return EXIT_INPUT_ERROR
    try:
        policy = load_input(args.policy)
        interpretation = load_input(args.interpretation)
    except IngestError as exc:
        err(exc.message)
        return EXIT_INPUT_ERROR
    if not policy.text.strip() or not interpretation.text.strip():
        err("政策文件或解读材料没有可读的文字")
        return EXIT_INPUT_ERROR
    if args.show_original:
        err(reveal_note())
    report = check_interpretation(policy.text, interpretation.text, reveal=args.show_original)
    if args.json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(render_text(report))
    return 1 if report["mismatches"] else 0


def cmd_eval(args: argparse.Namespace) -> int:
    from pipeline.outline.check_eval import evaluate, render
    from pipeline.screen import default_screener

    path = Path(args.real)
    if not path.is_file():
        err(f"{path}: 找不到文件")
        return EXIT_INPUT_ERROR
    try:
        report = evaluate(path, seed=args.seed, screener=default_screener(), limit=args.limit)
    except (OSError, ValueError, KeyError) as exc:
        err(f"{path}: 无法读取（{exc}）")
        return EXIT_INPUT_ERROR
    if args.json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(render(report, show=args.show or ()))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "check-interpretation",
        help="核对政策解读：数字、限定词、日期、文号、标题与原文是否一致，解读要素是否齐全，个人信息审查",
    )
    p.add_argument("policy", help="政策文件（任意可读格式），'-' 为标准输入")
    p.add_argument("interpretation", help="解读材料（任意可读格式），'-' 为标准输入")
    p.add_argument("--json", action="store_true", help="输出 JSON（mismatches/elements/findings）")
    add_reveal_flag(p)
    p.set_defaults(func=cmd_check)

    e = sub.add_parser(
        "eval-interpretation",
        help="在真实“政策—解读”配对上评估解读核对（原解读误报、植入修改检出率）",
    )
    e.add_argument("--real", required=True, metavar="FILE", help="带 pairs_with 的 JSONL 文件")
    e.add_argument("--seed", type=int, default=17, help="植入修改的随机种子（默认 17）")
    e.add_argument("--limit", type=int, default=0, help="只评估前 N 组（默认全部）")
    e.add_argument("--json", action="store_true", help="输出 JSON")
    e.add_argument(
        "--show",
        action="append",
        choices=("false", "missed"),
        help="列出误报（false）或漏检（missed）",
    )
    e.set_defaults(func=cmd_eval)
