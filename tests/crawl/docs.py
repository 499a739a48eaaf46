"""Documents for the crawl and WARC tests: 信息公开 detail pages and attachments with
personal data, written the way different offices write them (varied templates)."""

from __future__ import annotations

import io

from tests.check_digits import with_check

DEPARTMENTS = ("市民政局", "市人力资源和社会保障局", "市住房和城乡建设局", "市卫生健康委员会")
TITLES = (
    "关于{year}年第{n}批城乡低保对象的公示",
    "{dept}关于公开招聘工作人员拟聘用人员名单的公示",
    "关于{year}年度政务公开工作要点的通知",
    "{dept}行政处罚决定书（第{n}号）",
    "关于做好{year}年防汛工作的通知",
)
SURNAMES = "王李张刘陈杨赵黄周吴"
GIVEN = ("晓明", "秀英", "建国", "丽娟", "志强", "海燕", "文博", "桂兰", "子涵", "德福")


def id_number(n: int) -> str:
    return with_check(f"341502{1960 + n % 40:04d}{n % 12 + 1:02d}{n % 27 + 1:02d}{n % 1000:03d}")


def mobile(n: int) -> str:
    return f"1{(38 + n % 2)}{n * 7919 % 100000000:08d}"


def person(n: int) -> str:
    return SURNAMES[n % 10] + GIVEN[(n * 3) % 10]


def detail_page(n: int, links: str = "", fixed: bool = False) -> tuple[str, list[str]]:
    """Detail page ``n`` (HTML) and the personal values it shows (none when ``fixed``)."""
    dept = DEPARTMENTS[n % len(DEPARTMENTS)]
    title = TITLES[n % len(TITLES)].format(year=2020 + n % 5, n=n, dept=dept)
    date = f"{2020 + n % 5}-{n % 12 + 1:02d}-{n % 27 + 1:02d}"
    values: list[str] = []
    if n % 3 == 0 and not fixed:
        ident, phone, name = id_number(n), mobile(n), person(n)
        body = (
            f"<p>经审核，{name}（身份证号：{ident}）符合条件，现予公示。"
            f"如有异议请联系本人，电话{phone}。</p>"
        )
        values = [ident, phone]
    elif n % 3 == 0:
        body = "<p>经审核，拟确定的对象名单已按规定处理，现予公示。</p>"
    else:
        body = f"<p>为进一步做好相关工作，现将有关事项通知如下。本通知自{date}起施行。</p>"
    if n % 2:  # table layout (索 引 号 spaced out, 生成日期)
        block = (
            f"<table class='xxgk'><tr><td>索 引 号：</td><td>11340100MB{n:04d}/{date[:4]}-{n:05d}"
            f"</td><td>发布机构：</td><td>{dept}</td></tr><tr><td>生成日期：</td><td>{date}"
            f"</td><td>标题：</td><td>{title}</td></tr></table>"
        )
    else:  # list layout (成文日期 with 年月日)
        y, m, d = date.split("-")
        block = (
            f"<ul class='meta'><li><b>索引号：</b>11340100MB{n:04d}/{y}-{n:05d}</li>"
            f"<li><b>发布机构：</b>{dept}</li><li><b>成文日期：</b>{y}年{int(m)}月{int(d)}日"
            f"</li></ul>"
        )
    html = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta name='ArticleTitle' content='{title}'></head><body>{block}<h1>{title}</h1>"
        f"{body}{links}</body></html>"
    )
    return html, values


def roster_xlsx(first: int, rows: int) -> tuple[bytes, list[str]]:
    """A 公示 roster workbook and its ID numbers."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(["序号", "姓名", "身份证号码", "联系电话", "家庭住址"])
    ids = []
    for i in range(rows):
        k = first + i
        ids.append(id_number(k))
        ws.append([i + 1, person(k), id_number(k), mobile(k), f"城关镇幸福路{k}号"])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue(), ids


def notice_docx(n: int) -> tuple[bytes, list[str]]:
    from docx import Document

    doc = Document()
    doc.add_paragraph("行政处罚决定书")
    doc.add_paragraph(f"当事人：{person(n)}，公民身份号码{id_number(n)}，住城南区和平路{n}号。")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue(), [id_number(n)]
