"""``zwgk outline``: a draft policy-interpretation (政策解读) outline that cites its sources."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipeline.cli.common import EXIT_INPUT_ERROR, add_reveal_flag, err, load_input


def cmd_outline(args: argparse.Namespace) -> int:
    from pipeline.ingest import IngestError
    from pipeline.outline import (
        PolishError,
        draft_outline,
        polisher_from_settings,
        render_docx,
        render_markdown,
    )
    from pipeline.outline.render import flagged
    from pipeline.output.quote import Quoter, reveal_note

    try:
        doc = load_input(args.path)
        previous = load_input(args.previous).text if args.previous else None
    except IngestError as exc:
        err(exc.message)
        return EXIT_INPUT_ERROR
    # the draft is made from the screened text: nothing the screen would redact is quoted
    # (nor sent to a language model) unless a reviewer asks for the original
    reveal = args.show_original
    if reveal:
        err(reveal_note())
    text = Quoter.screen(doc.text, reveal=reveal).text
    if previous is not None:
        previous = Quoter.screen(previous, reveal=reveal).text
    polisher = None
    if args.polish:
        try:
            polisher = polisher_from_settings()
        except PolishError as exc:
            err(str(exc))
            return EXIT_INPUT_ERROR
        if polisher is None:
            err("未配置语言模型（ZWGK_LLM=http 或 transformers），按抽取结果输出")
    outline = draft_outline(text, previous=previous, polish=polisher)
    if args.style == "qa":  # 简明问答 from the same (screened, guarded) draft
        from pipeline.outline.qa import write_qa

        return write_qa(text, outline, args.format, args.output, args.path)
    if args.format == "docx":
        out = args.output or str(Path(args.path).with_suffix("")) + ".解读提纲.docx"
        if out == "-" or (args.path == "-" and not args.output):
            err("Word 格式需要用 -o 指定输出文件")
            return EXIT_INPUT_ERROR
        try:
            render_docx(outline, out, text)
        except OSError as exc:
            err(f"{out}: 无法写入（{exc.strerror}）")
            return EXIT_INPUT_ERROR
        err(f"已写入 {out}")
    else:
        if args.format == "json":
            rendered = json.dumps(outline.to_dict(), ensure_ascii=False, indent=1) + "\n"
        else:
            rendered = render_markdown(outline, text)
        if args.output and args.output != "-":
            try:
                Path(args.output).write_text(rendered, encoding="utf-8")
            except OSError as exc:
                err(f"{args.output}: 无法写入（{exc.strerror}）")
                return EXIT_INPUT_ERROR
        else:
            sys.stdout.write(rendered)
    g = outline.guard
    # the points marked 【待核实】 in the draft: failed the guard or marked when drafted
    # (an inferred 文号 or date), not the guard's issue count
    err(
        f"核查：{g.points} 条要点，{len(flagged(outline))} 项待核实，"
        f"{len(g.unsupported_sections)} 个部分需编辑补充"
    )
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "outline", help="生成政策解读提纲草稿：每条要点注明原文出处，数字、日期、文号逐项核对"
    )
    p.add_argument("path", help="政策文件（.txt/.html/.docx/.pdf，简体或繁体），'-' 为标准输入")
    p.add_argument("--previous", metavar="OLD", help="旧版本文件：列出新旧政策差异（两边注明出处）")
    p.add_argument(
        "--format",
        choices=("md", "docx", "json"),
        default="md",
        help="输出格式：md（默认）、docx（Word）、json",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="输出文件（md/json 默认标准输出；docx 默认在原文件旁）",
    )
    p.add_argument(
        "--style",
        choices=("outline", "qa"),
        default="outline",
        help="outline（默认，解读提纲）或 qa（简明问答：每个回答引用原文并经核对）",
    )
    p.add_argument(
        "--polish",
        action="store_true",
        help="用已配置的语言模型润色（ZWGK_LLM 等环境变量；默认不用）",
    )
    add_reveal_flag(p)
    p.set_defaults(func=cmd_outline)
