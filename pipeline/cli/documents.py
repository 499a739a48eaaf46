"""``zwgk parse`` and ``zwgk classify``: the official-document parser and the disclosure
attribute (公开属性) classifier (issue 4)."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from typing import Any, TextIO

from pipeline.cli.common import EXIT_INPUT_ERROR, Inputs, add_reveal_flag, err


def cmd_parse(args: argparse.Namespace) -> int:
    from pipeline.output.quote import Quoter, reveal_note
    from pipeline.parse import parse_document

    if args.show_original:
        err(reveal_note())
    inputs = Inputs(args.paths, warn=False)
    for path, doc in inputs:
        # parsed from the screened text (same length): every span and value is quoted masked
        parsed = parse_document(Quoter.screen(doc.text, reveal=args.show_original).text)
        if args.json:
            record = parsed.to_dict()
            record["path"] = path
            print(json.dumps(record, ensure_ascii=False))
        else:
            print(_parse_summary(path, parsed))
    return EXIT_INPUT_ERROR if inputs.failed else 0


def _parse_summary(path: str, parsed: Any) -> str:
    from pipeline.parse.outline import summary_lines

    return "\n".join([f"== {path}", *summary_lines(parsed)])


def cmd_classify(args: argparse.Namespace) -> int:
    from pipeline.output.quote import reveal_note

    if args.jsonl:
        return _classify_jsonl(args)
    if not args.paths:
        err("请给出要判定公开属性的文件，或用 --jsonl 批量判定")
        return EXIT_INPUT_ERROR
    if args.show_original:
        err(reveal_note())
    inputs = Inputs(args.paths, warn=False)
    for path, doc in inputs:
        result, quoter = _classified(doc.text, path, args)
        if args.json:
            print(json.dumps(result.to_dict(), ensure_ascii=False))
        else:
            print(result.render(quoter.text))
    return EXIT_INPUT_ERROR if inputs.failed else 0


def _classified(text: str, doc_id: str | None, args: argparse.Namespace) -> tuple[Any, Any]:
    """The classification of ``text`` with its evidence quoted through the screen."""
    from pipeline.classify import classify
    from pipeline.classify.quoting import quote_classification
    from pipeline.output.quote import Quoter
    from pipeline.screen import screen_text

    screening = None if args.no_screen and args.show_original else screen_text(text, doc_id)
    result = classify(text, doc_id=doc_id, screening=None if args.no_screen else screening)
    quoter = Quoter.screen(text, reveal=args.show_original, result=screening)
    return quote_classification(result, quoter), quoter


def _classify_jsonl(args: argparse.Namespace) -> int:
    from pipeline.output.quote import reveal_note

    if args.show_original:
        err(reveal_note())
    try:
        src: TextIO = sys.stdin if args.jsonl == "-" else open(args.jsonl, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        err(f"{args.jsonl}: 无法打开（{exc.strerror}）")
        return EXIT_INPUT_ERROR
    out_name = args.out or "-"
    try:
        dst: TextIO = sys.stdout if out_name == "-" else open(out_name, "w", encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        err(f"{out_name}: 无法写入（{exc.strerror}）")
        return EXIT_INPUT_ERROR
    done = failed = 0
    try:
        for n, line in enumerate(src, 1):
            if not line.strip():
                continue
            record: dict[str, Any]
            try:
                item = json.loads(line)
                if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                    raise ValueError('需要 {"id", "text"}')
                record = _classified(item["text"], item.get("id"), args)[0].to_dict()
                done += 1
            except (ValueError, json.JSONDecodeError) as exc:
                item_id = None
                with contextlib.suppress(ValueError, AttributeError):
                    item_id = json.loads(line).get("id")
                record = {"id": item_id, "error": f"第{n}行：{exc}"}
                failed += 1
            dst.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if src is not sys.stdin:
            src.close()
        if dst is not sys.stdout:
            dst.close()
    err(f"已判定 {done} 篇，出错 {failed} 行")
    return EXIT_INPUT_ERROR if failed and not done else 0


def cmd_eval_classify(args: argparse.Namespace) -> int:
    """Measure the classifier on real documents and/or a labelled JSONL set."""
    from pathlib import Path

    from pipeline.classify import default_classifier
    from pipeline.classify.evaluate_real import labelled_report, read_jsonl, real_report

    if not args.real and not args.labelled:
        err("请给出 --real DIR 或 --labelled FILE.jsonl")
        return EXIT_INPUT_ERROR
    clf = default_classifier()
    out: dict[str, Any] = {}
    try:
        if args.real:
            out["real"] = real_report(Path(args.real), clf, args.screen, args.laws_limit)
        for name in args.labelled or []:
            out[name] = labelled_report(list(read_jsonl(Path(name))), clf, args.screen)
    except (OSError, ValueError, KeyError) as exc:
        err(f"无法读取评测数据：{exc}")
        return EXIT_INPUT_ERROR
    if not args.errors:
        _drop_errors(out)
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0


def _drop_errors(node: Any) -> None:
    if isinstance(node, dict):
        if "errors" in node:
            node["errors"] = len(node["errors"])
        for value in node.values():
            _drop_errors(value)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "parse", help="解析公文结构：标题、文号、层级标题、附件、表格、引用（含原文位置）"
    )
    p.add_argument("paths", nargs="+", help="文件（.txt/.html/.docx/.pdf），'-' 为标准输入")
    p.add_argument("--json", action="store_true", help="每个文件输出一行 JSON")
    add_reveal_flag(p)
    p.set_defaults(func=cmd_parse)

    c = sub.add_parser(
        "classify", help="判定公开属性（主动公开/依申请公开/部分公开/不予公开）及理由"
    )
    c.add_argument("paths", nargs="*", help="文件（.txt/.html/.docx/.pdf），'-' 为标准输入")
    c.add_argument("--json", action="store_true", help="每个文件输出一行 JSON")
    c.add_argument("--jsonl", metavar="IN", help='批量：每行 {"id","text"}，\'-\' 为标准输入')
    c.add_argument("--out", metavar="OUT", help="批量结果写入文件（默认标准输出）")
    c.add_argument("--no-screen", action="store_true", help="不做个人信息审查（不检查部分公开）")
    add_reveal_flag(c)
    c.set_defaults(func=cmd_classify)

    e = sub.add_parser("eval-classify", help="评测公开属性判定：真实文件（--real）或带标签的 JSONL")
    e.add_argument("--real", metavar="DIR", help="真实文件目录（hebei_agencies.jsonl 等）")
    e.add_argument(
        "--labelled", metavar="FILE", action="append",
        help='带标签的 JSONL：每行 {"id","text","attribute","reason_code"?}，可重复',
    )  # fmt: skip
    e.add_argument("--screen", action="store_true", help="判定时做个人信息审查（较慢）")
    e.add_argument("--laws-limit", type=int, metavar="N", help="法律法规只测前 N 篇（偶数行）")
    e.add_argument("--errors", action="store_true", help="列出每个错例（默认只给个数）")
    e.set_defaults(func=cmd_eval_classify)
