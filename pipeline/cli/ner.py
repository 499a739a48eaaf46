"""``zwgk train-ner`` and ``eval-ner``: the NER model's commands."""

from __future__ import annotations

import argparse
from typing import Any

from pipeline.cli.common import EXIT_INPUT_ERROR, err


def cmd_train_ner(args: argparse.Namespace) -> int:
    from pipeline.ner.config import ConfigError

    try:
        from pipeline.ner.run import train_and_ship
    except ImportError as exc:
        err(f"训练需要 ner 依赖（pip install -e '.[ner]'）：{exc}")
        return EXIT_INPUT_ERROR
    try:
        train_and_ship(args.config, resume=not args.no_resume, max_steps=args.max_steps)
    except (ConfigError, FileNotFoundError, ValueError) as exc:
        err(str(exc))
        return EXIT_INPUT_ERROR
    return 0


def cmd_eval_ner(args: argparse.Namespace) -> int:
    from pipeline.ner.artifact import ArtifactError, latest
    from pipeline.ner.run import eval_file

    model = args.model or latest()
    try:
        if args.through_screen:
            from pipeline.evaluate.ner_screen import eval_through_screen

            report = eval_through_screen(args.file, model, args.sample, args.seed, args.join)
            print(report)
            return 0
        print(eval_file(args.file, model, limit=args.limit, backend=args.backend))
    except (ArtifactError, FileNotFoundError, ValueError) as exc:
        err(str(exc))
        return EXIT_INPUT_ERROR
    except ImportError as exc:
        err(f"运行模型需要 ner 依赖（pip install -e '.[ner]'）：{exc}")
        return EXIT_INPUT_ERROR
    return 0


def register(sub: Any) -> None:
    """Add ``train-ner`` and ``eval-ner``."""
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
    p.add_argument(
        "--through-screen",
        action="store_true",
        help="经完整筛查评估人名：筛查结果中的 PERSON（不论处置）对金标，并列模型单独的结果",
    )
    p.add_argument(
        "--sample", type=int, default=1000, help="--through-screen 抽样句数（默认 1000）"
    )
    p.add_argument("--seed", type=int, default=13, help="--through-screen 抽样种子（默认 13）")
    p.add_argument(
        "--join",
        type=int,
        default=None,
        metavar="CHARS",
        help="--through-screen 时把句子逐行连成每篇不超过 CHARS 字的文档再筛查（长文档的读取预算）",
    )
    p.set_defaults(func=cmd_eval_ner)
