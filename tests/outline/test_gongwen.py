"""The Word outline in 公文 format (GB/T 9704-2012): the DOCX itself (python-docx/lxml) and
its rendering by LibreOffice (page size, page-1 text, left margin in pixels)."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from pipeline.outline import draft_outline, render_docx
from pipeline.outline.model import UNVERIFIED
from pipeline.outline.render import NOTE
from tests.outline.conftest import read

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TWIPS_PER_MM = 1440 / 25.4

# a notice whose 文号 lacks its serial number (the draft marks it 【待核实】)
_MARKED = (
    "石桥镇人民政府\n\n关于开展2025年度农村人居环境整治“回头看”的通知\n\n石政〔2025\n\n"
    "各村民委员会：\n\n　　为巩固农村人居环境整治成果，镇政府决定开展“回头看”。\n\n"
    "　　一、整治重点\n\n　　（一）垃圾清运。各村每周清运不少于2次，做到日产日清。\n\n"
    "　　（二）厕所改造。对未完成改厕的农户每户补助不超过1500元。\n\n"
    "　　二、时间安排\n\n　　整治工作自2025年5月1日起至2025年9月30日止。\n\n"
    "石桥镇人民政府\n2025年4月18日\n"
)


def _docx(tmp: Path, text: str, name: str, fonts: str = "gb") -> Path:
    return render_docx(draft_outline(text), tmp / f"{name}.docx", text, fonts=fonts)


@pytest.fixture(scope="module")
def plan_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _docx(tmp_path_factory.mktemp("gongwen"), read("task_plan.txt"), "plan")


@pytest.fixture(scope="module")
def marked_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _docx(tmp_path_factory.mktemp("gongwen"), _MARKED, "marked")


def _open(path: Path) -> Any:
    from docx import Document

    return Document(str(path))


def _fonts(run: Any) -> dict[str, str]:
    rpr = run.find(f"{W}rPr")
    assert rpr is not None, "run without rPr"
    fonts = rpr.find(f"{W}rFonts")
    assert fonts is not None, "run without rFonts"
    return {k.removeprefix(W): v for k, v in fonts.attrib.items()}


def _size(run: Any) -> float:
    sz = run.find(f"{W}rPr/{W}sz")
    return int(sz.get(f"{W}val")) / 2


def _all_runs(doc: Any) -> list[Any]:
    parts = [doc.element.body]
    section = doc.sections[0]
    parts += [section.footer._element, section.even_page_footer._element]
    return [r for part in parts for r in part.iter(f"{W}r")]


def test_page_is_a4_with_the_standard_margins(plan_docx: Path) -> None:
    section = _open(plan_docx).sections[0]
    mm = {
        "width": section.page_width.mm,
        "height": section.page_height.mm,
        "top": section.top_margin.mm,
        "bottom": section.bottom_margin.mm,
        "left": section.left_margin.mm,
        "right": section.right_margin.mm,
    }
    want = {"width": 210, "height": 297, "top": 37, "bottom": 35, "left": 28, "right": 26}
    for key, value in want.items():
        assert abs(mm[key] - value) < 0.1, (key, mm[key])


def test_grid_gives_22_lines_of_28_characters(plan_docx: Path) -> None:
    doc = _open(plan_docx)
    section = doc.sections[0]
    grid = section._sectPr.find(f"{W}docGrid")
    assert grid.get(f"{W}type") == "linesAndChars"
    pitch = int(grid.get(f"{W}linePitch"))
    height = section.page_height.twips - section.top_margin.twips - section.bottom_margin.twips
    assert math.floor(height / pitch) == 22
    width_pt = (
        section.page_width.twips - section.left_margin.twips - section.right_margin.twips
    ) / 20
    char_pitch = 16 + int(grid.get(f"{W}charSpace")) / 4096  # Normal is 16 pt
    assert math.floor(width_pt / char_pitch) == 28
    # the body is set at that fixed line pitch (Word and LibreOffice alike)
    spacing = doc.styles["Normal"].element.find(f"{W}pPr/{W}spacing")
    assert spacing.get(f"{W}lineRule") == "exact" and int(spacing.get(f"{W}line")) == pitch
    # and condensed so that 28 characters of 3号 fit without the grid
    kerning = doc.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}spacing")
    assert 28 * (16 + int(kerning.get(f"{W}val")) / 20) <= width_pt


def test_every_run_names_its_east_asian_font(plan_docx: Path, marked_docx: Path) -> None:
    for path in (plan_docx, marked_docx):
        runs = _all_runs(_open(path))
        assert len(runs) > 50
        for run in runs:
            fonts = _fonts(run)
            assert fonts.get("eastAsia"), fonts
            assert not any(k.endswith(("Theme", "theme")) for k in fonts), fonts


def test_fonts_and_sizes_by_role(plan_docx: Path) -> None:
    doc = _open(plan_docx)
    roles: dict[str, set[tuple[str, float]]] = {}
    for p in doc.paragraphs:
        role = p.style.name
        for r in p._p.iter(f"{W}r"):
            roles.setdefault(role, set()).add((_fonts(r)["eastAsia"], _size(r)))
    assert roles["Title"] == {("方正小标宋简体", 22)}
    assert roles["Heading 1"] == {("黑体", 16)}
    assert roles["Heading 2"] == {("楷体_GB2312", 16)}
    body = roles["Normal"]
    assert ("仿宋_GB2312", 16) in body
    assert {font for font, _ in body} <= {"仿宋_GB2312", "楷体_GB2312"}
    # no generic colour or bold left from the template's Title/Heading styles
    for name in ("Title", "Heading 1", "Heading 2"):
        rpr = doc.styles[name].element.find(f"{W}rPr")
        assert rpr.find(f"{W}color").get(f"{W}val") == "000000"
        assert rpr.find(f"{W}b").get(f"{W}val") == "0"


def test_windows_fonts_fall_back_to_simsun_bold(tmp_path: Path) -> None:
    doc = _open(_docx(tmp_path, _MARKED, "win", fonts="windows"))
    title = doc.paragraphs[0]._p.find(f"{W}r")
    assert _fonts(title)["eastAsia"] == "宋体"
    assert title.find(f"{W}rPr/{W}b").get(f"{W}val") == "1"
    fonts = {_fonts(r)["eastAsia"] for r in _all_runs(doc)}
    assert fonts <= {"宋体", "仿宋", "黑体", "楷体"}


def test_language_is_chinese(plan_docx: Path) -> None:
    doc = _open(plan_docx)
    lang = doc.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}eastAsia") == "zh-CN"
    assert not [
        el for el in doc.styles.element.iter(f"{W}lang") if el.get(f"{W}eastAsia") == "en-US"
    ]
    assert doc.settings.element.find(f"{W}themeFontLang").get(f"{W}eastAsia") == "zh-CN"


def test_page_numbers_dash_page_field_dash_odd_right_even_left(plan_docx: Path) -> None:
    doc = _open(plan_docx)
    assert doc.settings.odd_and_even_pages_header_footer
    section = doc.sections[0]
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        p = footer._element.find(f"{W}p")
        assert p.find(f"{W}pPr/{W}jc").get(f"{W}val") == align
        texts = "".join(t.text or "" for t in p.iter(f"{W}t"))
        instr = "".join(t.text or "" for t in p.iter(f"{W}instrText"))
        assert instr.strip() == "PAGE"
        kinds = [f.get(f"{W}fldCharType") for f in p.iter(f"{W}fldChar")]
        assert kinds == ["begin", "separate", "end"]
        assert re.fullmatch(r"— \d+ —", texts), texts
        for r in p.iter(f"{W}r"):
            assert _size(r) == 14


def test_citations_markers_and_note_are_kept(marked_docx: Path) -> None:
    texts = [p.text for p in _open(marked_docx).paragraphs]
    joined = "\n".join(texts)
    assert NOTE in joined
    assert "〔原文第" in joined
    marked = [t for t in texts if t.startswith(UNVERIFIED)]
    assert marked and any("石政〔2025" in t for t in marked)
    assert "【需编辑补充】" in joined
    assert texts[-1] and "核查报告" in texts


# -- rendered by LibreOffice -----------------------------------------------------------------


@pytest.fixture(scope="module")
def rendered(plan_docx: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) not installed: cannot render the DOCX to PDF")
    out = tmp_path_factory.mktemp("pdf")
    profile = out / "profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(plan_docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = out / "plan.pdf"
    assert pdf.exists(), "LibreOffice wrote no PDF"
    return pdf


def test_rendered_page_is_a4_with_title_and_page_number(rendered: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(rendered))
    try:
        assert len(pdf) >= 2
        width, height = pdf[0].get_size()
        assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1
        lines = pdf[0].get_textpage().get_text_range().splitlines()
        page2 = re.sub(r"\s+", "", pdf[1].get_textpage().get_text_range())
    finally:
        pdf.close()
    page1 = re.sub(r"\s+", "", "".join(lines))
    assert page1.startswith("政策解读提纲（草稿）：平安区")
    assert page1.endswith("—1—") and page2.endswith("—2—")
    # 28 characters a line: the NOTE (3号, no digits) fills its inner lines
    note = [len(re.sub(r"\s+", "", x)) for x in lines if x.strip() and x.strip() in NOTE]
    assert len(note) >= 3 and max(note) == 28 and note[1] >= 27, note


def _raster(pdf: Path, tmp: Path, dpi: int, pages: int = 1) -> list[Any]:
    """Grey pages (numpy arrays) rendered by pdftoppm."""
    import numpy as np

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) not installed: cannot rasterise the page")
    base = tmp / "page"
    cmd = ["pdftoppm", "-r", str(dpi), "-gray", "-f", "1", "-l", str(pages), str(pdf), str(base)]
    subprocess.run(cmd, check=True, timeout=120)
    out = []
    for path in sorted(tmp.glob("page*.pgm")):
        magic, w, h, maxval, pixels = path.read_bytes().split(maxsplit=4)
        assert magic == b"P5" and int(maxval) == 255
        out.append(np.frombuffer(pixels[: int(w) * int(h)], dtype=np.uint8).reshape(int(h), -1))
    return out


def test_rendered_pages_hold_22_lines(rendered: Path, tmp_path: Path) -> None:
    import numpy as np

    dpi = 100
    counts, pitches = [], []
    for img in _raster(rendered, tmp_path, dpi, pages=99):
        rows = (img[: int(262 * dpi / 25.4)] < 128).any(axis=1)  # the 版心 only
        starts = np.flatnonzero(rows[1:] & ~rows[:-1]) + 1
        counts.append(len(starts) + int(rows[0]))
        pitches += list(np.diff(starts) * 25.4 / dpi)
    # the 版心 (297 - 37 - 35 = 225 mm) holds 22 lines: one line every 225/22 mm;
    # a page may break a line or two early to keep a heading with its text or
    # a paragraph's last lines together, never later
    assert len(counts) >= 2 and max(counts) <= 22, counts
    assert all(n >= 19 for n in counts[:-1]), counts
    assert abs(float(np.median(pitches)) - 225 / 22) < 0.3, np.median(pitches)


def test_rendered_body_starts_28_mm_from_the_left_edge(rendered: Path, tmp_path: Path) -> None:
    import numpy as np

    dpi = 150
    img = _raster(rendered, tmp_path, dpi)[0]
    px_per_mm = dpi / 25.4
    ink = img < 128
    cols = np.flatnonzero(ink.any(axis=0))
    rows = np.flatnonzero(ink.any(axis=1))
    # wrapped lines start at the margin: the leftmost ink is the left margin
    assert abs(cols[0] / px_per_mm - 28) < 1.5, cols[0] / px_per_mm
    # justified lines end at the right margin (210 − 26 mm)
    assert abs(cols[-1] / px_per_mm - 184) < 1.5, cols[-1] / px_per_mm
    # the title's first line sits just below the 37 mm top margin
    assert 37 <= rows[0] / px_per_mm < 45, rows[0] / px_per_mm
    # nothing but the page number under the 版心 (297 − 35 = 262 mm), and the number's line
    # 7 mm lower: its ink within the 4号 line from 269 mm
    edge = int(262 * px_per_mm)
    body_rows = rows[rows < edge]
    number_rows = rows[rows >= edge]
    assert number_rows.size and body_rows.size
    top, bottom = number_rows[0] / px_per_mm, number_rows[-1] / px_per_mm
    assert top >= 268.5 and bottom <= 275.5, (top, bottom)
    number_cols = np.flatnonzero(ink[number_rows[0] : number_rows[-1] + 1].any(axis=0))
    # odd page: at the right, one character (14 pt ≈ 4.9 mm) in from the 版心's right edge
    assert abs(number_cols[-1] / px_per_mm - (184 - 4.9)) < 1.5, number_cols[-1] / px_per_mm


def test_run_properties_keep_the_schema_order(plan_docx: Path) -> None:
    """Word refuses a file whose w:rPr / w:pPr children are out of the schema's order."""
    from pipeline.outline.gongwen import _PPR_ORDER, _RPR_ORDER

    doc = _open(plan_docx)
    roots = [doc.element.body, doc.styles.element, doc.sections[0].footer._element]
    for root in roots:
        for tag, order in ((f"{W}rPr", _RPR_ORDER), (f"{W}pPr", _PPR_ORDER)):
            for el in root.iter(tag):
                names = [c.tag.removeprefix(W) for c in el if c.tag.startswith(W)]
                known = [n for n in names if n in order]
                assert known == sorted(known, key=order.index), names
