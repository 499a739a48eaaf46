"""``zwgk keys``, ``zwgk report`` and ``zwgk ledger``: API keys, reports and the review
ledger (台账). The database comes from ``ZWGK_DATABASE_URL`` / ``ZWGK_DATA_DIR``.

``zwgk keys create`` prints the new key, and only the key, on stdout — the one time it is
ever shown; everything else goes to stderr.
"""

from __future__ import annotations

import argparse
import functools
import getpass
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.cli.common import EXIT_INPUT_ERROR, Inputs, err
from pipeline.ledger.roles import ROLE_ZH, ROLES

#: what ``ledger status --set`` may set (``allowed`` is set by recording only)
STATUS_CHOICES = ("rectified", "retained", "false_positive", "open")
#: what ``ledger list --status`` filters on
LIST_STATUSES = (*STATUS_CHOICES, "allowed")
Command = Callable[[argparse.Namespace], int]


def _ledger_errors(func: Command) -> Command:
    """Ledger refusals and database failures become one Chinese line and exit code 3."""

    @functools.wraps(func)
    def wrapper(args: argparse.Namespace) -> int:
        from sqlalchemy.exc import SQLAlchemyError

        from pipeline.ledger.records import LedgerError

        try:
            return func(args)
        except LedgerError as exc:
            err(str(exc))
        except SQLAlchemyError as exc:
            err(f"数据库错误：{type(exc).__name__}: {str(exc).splitlines()[0]}")
        except OSError as exc:
            err(f"{exc.filename or ''}: 无法读写（{exc.strerror}）")
        return EXIT_INPUT_ERROR

    return wrapper


def _open() -> Any:
    from pipeline.ledger import open_ledger

    return open_ledger()


def _when(moment: Any) -> str:
    if moment is None:
        return ""
    from pipeline.ledger import Settings

    return f"{moment.astimezone(Settings.from_env().tzinfo()):%Y-%m-%d %H:%M}"


# --- keys ------------------------------------------------------------------------------


@_ledger_errors
def cmd_keys_create(args: argparse.Namespace) -> int:
    with _open() as ledger:
        key_id, plaintext = ledger.create_key(args.role, args.name or "", actor=args.actor)
        where = ledger.settings.describe()
    print(plaintext)
    err(where)
    err(f"已创建密钥 #{key_id}（角色：{ROLE_ZH[args.role]}）。密钥只显示这一次，请立即妥善保存。")
    return 0


@_ledger_errors
def cmd_keys_list(args: argparse.Namespace) -> int:
    with _open() as ledger:
        keys = ledger.list_keys(include_revoked=not args.active)
    if not keys:
        err("还没有密钥（用 zwgk keys create --role ROLE 创建）")
        return 0
    print("编号\t前缀\t角色\t名称\t创建时间\t状态")
    for key in keys:
        state = "有效" if key.active else f"已吊销 {_when(key.revoked_at)}"
        print(f"{key.id}\t{key.prefix}…\t{key.role}\t{key.name}\t{_when(key.created_at)}\t{state}")
    return 0


@_ledger_errors
def cmd_keys_revoke(args: argparse.Namespace) -> int:
    with _open() as ledger:
        info = ledger.revoke_key(args.key_id, actor=args.actor)
    err(f"已吊销密钥 #{info.id}（{info.prefix}…，角色 {info.role}）")
    return 0


# --- report ----------------------------------------------------------------------------


@_ledger_errors
def cmd_report(args: argparse.Namespace) -> int:
    from pipeline.ledger import Settings
    from pipeline.ledger.report_xlsx import FIGURE_NAMES
    from pipeline.ledger.stats import load

    with _open() as ledger:
        data = load(ledger, Settings.from_env().tzinfo(), args.since)
        if not data.documents:
            _explain_empty(ledger, args.since)
    if args.xlsx:
        from pipeline.ledger.report_xlsx import write_xlsx

        err(f"台账已写入 {write_xlsx(data, Path(args.xlsx))}（{len(data.findings)} 条）")
    if args.html:
        from pipeline.ledger.report_html import write_html

        err(f"报告已写入 {write_html(data, Path(args.html))}")
    if not args.xlsx and not args.html:
        for key, name in FIGURE_NAMES.items():
            value = data.figures.get(key, 0)
            print(f"{name}\t{value:.1%}" if key == "handled_rate" else f"{name}\t{value}")
        from pipeline.ledger.recheck_report import print_departments

        with _open() as ledger:
            print_departments(ledger)  # 整改复查 of web pages, per department (发布机构)
    return 0


def _explain_empty(ledger: Any, since: date | None) -> None:
    """Say why a report has no rows and what to run (on stderr; the report is still written)."""
    where = ledger.location
    total = len(ledger.documents()) if since else 0
    if total:
        err(f"{since:%Y-%m-%d} 以来台账中没有审查记录（台账 {where} 共 {total} 个文档版本）")
        return
    err(
        f"台账为空：{where} 中还没有任何审查记录。"
        "请先审查并入账：zwgk scan 目录 --out scan.jsonl（默认记入台账）或 zwgk ledger add 文件；"
        "若台账在别处，请设置 ZWGK_DATA_DIR 或 ZWGK_DATABASE_URL"
    )


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from None


# --- ledger ----------------------------------------------------------------------------


@_ledger_errors
def cmd_ledger_add(args: argparse.Namespace) -> int:
    from pipeline.ingest.locate import attach_locations
    from pipeline.screen import default_screener

    if args.source and len(args.paths) > 1:
        err("--source 只能用于单个文件")
        return EXIT_INPUT_ERROR
    screener = default_screener()
    inputs = Inputs(args.paths, warn=False)
    with _open() as ledger:
        for path, doc in inputs:
            result = screener.screen(doc.text, doc_id=path)
            attach_locations(result.findings, doc)
            source = args.source or ("stdin" if path == "-" else str(Path(path).resolve()))
            outcome = ledger.record(
                result.to_contract(), source, args.department, text=doc.text, actor=args.actor
            )
            state = "新版本已入账" if outcome.created else "内容未变，沿用已有记录"
            print(
                f"{path}\t文档 #{outcome.document_id} 第 {outcome.version} 版\t"
                f"{len(outcome.finding_ids)} 项\t{state}"
            )
    return EXIT_INPUT_ERROR if inputs.failed else 0


@_ledger_errors
def cmd_ledger_list(args: argparse.Namespace) -> int:
    from pipeline.ingest.locate import location_label
    from pipeline.ledger.labels import action_name, entity_name, status_name

    with _open() as ledger:
        rows = ledger.findings(
            status=args.status, source=args.source, latest_only=args.latest, limit=args.limit
        )
    if args.json:
        for row in rows:
            print(json.dumps(row.to_dict(), ensure_ascii=False))
        return 0
    print("编号\t文档\t来源\t发现\t处置\t规则\t状态\t说明\t位置")
    for r in rows:
        print(
            f"{r.id}\t#{r.document_id} v{r.version}\t{r.source}\t{entity_name(r.entity)}："
            f"{r.masked}\t{action_name(r.action)}\t{r.rule}\t{status_name(r.status)}\t"
            f"{r.status_reason or ''}\t{location_label(r.location)}"
        )
    return 0


@_ledger_errors
def cmd_ledger_status(args: argparse.Namespace) -> int:
    from pipeline.ledger.labels import status_name

    with _open() as ledger:
        row = ledger.set_status(args.finding_id, args.set, args.reason, actor=args.actor)
    err(f"发现 #{row.id}（{row.masked}）已改为「{status_name(row.status)}」")
    return 0


@_ledger_errors
def cmd_ledger_suggestions(args: argparse.Namespace) -> int:
    with _open() as ledger:
        found = ledger.suggestions(min_count=args.min_count)
    if args.json:
        for item in found:
            print(json.dumps(item.to_dict(), ensure_ascii=False))
        return 0
    if not found:
        err("暂无建议（误报或保留的审核记录还不够多）")
    for item in found:
        kind = "白名单" if item.kind == "allow_list" else "规则"
        ref = f"\t值哈希 {item.value_hash}" if item.value_hash else ""
        print(f"[{kind}] {item.reason}{ref}")
    return 0


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def register(sub: Any) -> None:
    actor = {"default": _user(), "help": "操作人（写入审计日志；默认当前用户）"}

    keys = sub.add_parser("keys", help="API 密钥：创建、列出、吊销")
    keys_sub = keys.add_subparsers(dest="keys_command", required=True)
    p = keys_sub.add_parser("create", help="创建密钥（密钥只在 stdout 显示这一次）")
    p.add_argument("--role", required=True, choices=ROLES, help="hook / reviewer / editor / admin")
    p.add_argument("--name", help="用途说明，例如「门户发布钩子」")
    p.add_argument("--actor", **actor)
    p.set_defaults(func=cmd_keys_create)
    p = keys_sub.add_parser("list", help="列出密钥（不显示密钥本身）")
    p.add_argument("--active", action="store_true", help="只列出有效密钥")
    p.set_defaults(func=cmd_keys_list)
    p = keys_sub.add_parser("revoke", help="吊销密钥")
    p.add_argument("key_id", type=int, metavar="ID")
    p.add_argument("--actor", **actor)
    p.set_defaults(func=cmd_keys_revoke)

    p = sub.add_parser("report", help="台账 XLSX 与统计报告 HTML（无参数时打印总体数字）")
    p.add_argument("--xlsx", metavar="OUT.xlsx", help="逐项台账（发现、处置、理由、状态）")
    p.add_argument("--html", metavar="OUT.html", help="统计报告（含图表，单文件）")
    p.add_argument("--since", type=_date, metavar="DATE", help="只统计该日期（含）之后的审查")
    p.set_defaults(func=cmd_report)

    ledger = sub.add_parser("ledger", help="审查台账：入账、查询、审核状态、改进建议")
    ledger_sub = ledger.add_subparsers(dest="ledger_command", required=True)
    p = ledger_sub.add_parser("add", help="审查文件并记入台账")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--department", help="发布部门")
    p.add_argument("--source", help="来源标识（默认：文件的绝对路径）")
    p.add_argument("--actor", **actor)
    p.set_defaults(func=cmd_ledger_add)
    p = ledger_sub.add_parser("list", help="列出台账中的发现项")
    p.add_argument("--status", choices=LIST_STATUSES, help="open 为待处理；allowed 为依规保留")
    p.add_argument("--source")
    p.add_argument("--latest", action="store_true", help="每个来源只看最新版本")
    p.add_argument("--limit", type=int)
    p.add_argument("--json", action="store_true", help="每行一个 JSON 对象")
    p.set_defaults(func=cmd_ledger_list)
    p = ledger_sub.add_parser("status", help="审核：整改 / 保留（须说明理由）/ 误报 / 重新打开")
    p.add_argument("finding_id", type=int, metavar="FINDING_ID")
    p.add_argument("--set", required=True, choices=STATUS_CHOICES)
    p.add_argument("--reason", help="理由（保留、重新打开时必填）")
    p.add_argument("--actor", **actor)
    p.set_defaults(func=cmd_ledger_status)
    p = ledger_sub.add_parser("suggestions", help="由审核反馈生成的白名单与规则建议")
    p.add_argument("--min-count", type=int, default=2, help="至少被标记几次（默认 2）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_ledger_suggestions)
