"""The 公文 layout of GB/T 9704-2012 for Word output (python-docx, raw WordprocessingML).

A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (版心 156 × 225 mm); title
2号 (22 pt) 方正小标宋简体; body 3号 (16 pt) 仿宋_GB2312; first-level headings 黑体,
second-level 楷体_GB2312; 22 lines of 28 characters (the standard's 一般每面排22行，每行排28个
字: a fixed line pitch of 225 mm / 22 ≈ 28.95 pt and a character grid of 156 mm / 28); page
numbers 4号 宋体 「— 1 —」 7 mm below the 版心, odd pages right and even pages left, one
character in from the edge. Every run names its East Asian font (``w:rFonts w:eastAsia``) and
the document's East Asian language is zh-CN.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

PAGE_MM = (210, 297)
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
LINES, CHARS = 22, 28
TITLE_PT, BODY_PT, NOTE_PT, PAGE_NUMBER_PT = 22, 16, 12, 14
#: 版心 height / lines, in twentieths of a point (Word's line pitch unit)
LINE_PITCH = int((PAGE_MM[1] - MARGINS_MM["top"] - MARGINS_MM["bottom"]) / 25.4 * 1440 / LINES)
#: the page number's 一字线 sits 7 mm under the 版心: the footer's distance from the page edge
FOOTER_MM = MARGINS_MM["bottom"] - 7 - round(PAGE_NUMBER_PT * 1.2 * 25.4 / 72)
#: character spacing of every run, in twentieths of a point: 28 characters of 3号 need
#: 15.79 pt each; LibreOffice keeps a 15.75 pt character from the 15.79 pt grid cells (27 a
#: line) but not a 15.5 pt one; Word snaps characters to the grid whatever their spacing
CONDENSE_TWIPS = -10
DASH = "\u2014"  # 一字线


@dataclass(frozen=True, slots=True)
class Fonts:
    """Font family names by role (East Asian and Latin alike)."""

    title: str
    title_bold: bool
    body: str
    heading1: str
    heading2: str
    page_number: str


#: the fonts GB/T 9704 names (方正 and the GB2312 fonts must be installed)
GB = Fonts("方正小标宋简体", False, "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体")
#: what every Windows has (SimSun, FangSong, SimHei, KaiTi): the usual fallback
WINDOWS = Fonts("宋体", True, "仿宋", "黑体", "楷体", "宋体")
FONT_SETS = {"gb": GB, "windows": WINDOWS}


def _twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


def char_space(size_pt: float = BODY_PT) -> int:
    """``w:charSpace`` (1/4096 pt added to the font size) so that CHARS characters fill a line."""
    width_twips = _twips(PAGE_MM[0]) - _twips(MARGINS_MM["left"]) - _twips(MARGINS_MM["right"])
    pitch = width_twips / 20 / CHARS
    return int((pitch - size_pt) * 4096) - 1  # a hair narrower: 28 must fit, not 27.99


def set_fonts(
    rpr: Any,
    font: str,
    size: float | None = None,
    bold: bool | None = None,
    color: RGBColor | None = None,
) -> None:
    """Name ``font`` for every script in a ``w:rPr`` (of a run, a style or the defaults)."""
    fonts = _child(rpr, "w:rFonts")
    for attr in list(fonts.attrib):
        if attr.endswith("Theme") or attr.endswith("theme"):
            del fonts.attrib[attr]  # a theme font would override the named one
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), font)
    fonts.set(qn("w:hint"), "eastAsia")
    # on every run, not only in docDefaults: LibreOffice ignores a default character spacing
    _child(rpr, "w:spacing").set(qn("w:val"), str(CONDENSE_TWIPS))
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            _child(rpr, tag).set(qn("w:val"), str(round(size * 2)))
    if bold is not None:
        for tag in ("w:b", "w:bCs"):
            _child(rpr, tag).set(qn("w:val"), "1" if bold else "0")
    if color is not None:
        c = _child(rpr, "w:color")
        for attr in list(c.attrib):
            del c.attrib[attr]
        c.set(qn("w:val"), str(color))


def _names(words: str) -> tuple[str, ...]:
    return tuple(words.split())


#: the schema order of ``w:rPr`` / ``w:pPr`` children (Word rejects a file whose order is wrong)
_RPR_ORDER = _names(
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
    "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
    "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
)
_PPR_ORDER = _names(
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
    "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
    "rPr sectPr pPrChange"
)
_ORDERS = {"rPr": _RPR_ORDER, "pPr": _PPR_ORDER}


def _child(parent: Any, tag: str) -> Any:
    """The child ``tag`` of ``parent``, created at its schema place when missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    found = OxmlElement(tag)
    name = tag.split(":")[1]
    order = _ORDERS.get(parent.tag.rsplit("}", 1)[-1], ())
    if name in order:
        later = {qn(f"w:{t}") for t in order[order.index(name) + 1 :]}
        for i, el in enumerate(parent):
            if el.tag in later:
                parent.insert(i, found)
                return found
    parent.append(found)
    return found


def _paragraph_format(
    style: Any, first_line_chars: int = 0, align: str | None = None, after_lines: int = 0
) -> None:
    """Exact line pitch, no spacing, first-line indent in characters (1/100 char)."""
    ppr = style.element.get_or_add_pPr()
    spacing = ppr.get_or_add_spacing()
    for attr in list(spacing.attrib):
        del spacing.attrib[attr]
    spacing.set(qn("w:before"), "0")
    spacing.set(qn("w:after"), str(after_lines * LINE_PITCH))
    spacing.set(qn("w:line"), str(LINE_PITCH))
    spacing.set(qn("w:lineRule"), "exact")
    ind = ppr.get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(first_line_chars * 100))
    ind.set(qn("w:firstLine"), str(first_line_chars * BODY_PT * 20))
    if align is not None:
        ppr.get_or_add_jc().set(qn("w:val"), align)


def apply_layout(document: Any, fonts: Fonts = GB) -> None:
    """Page, grid, styles, language and page numbers of a fresh python-docx ``Document``."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance, section.footer_distance = Mm(15), Mm(FOOTER_MM)
    grid = section._sectPr.find(qn("w:docGrid"))  # the template's sectPr has one
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(LINE_PITCH))
    grid.set(qn("w:charSpace"), str(char_space()))
    _defaults(document, fonts)
    styles = document.styles
    normal = styles["Normal"]
    set_fonts(normal.element.get_or_add_rPr(), fonts.body, BODY_PT)
    _paragraph_format(normal, align="both")
    title = styles["Title"]
    set_fonts(
        title.element.get_or_add_rPr(), fonts.title, TITLE_PT, fonts.title_bold, RGBColor(0, 0, 0)
    )
    _paragraph_format(title, align="center", after_lines=1)
    _plain(title.element)
    for name, font in (("Heading 1", fonts.heading1), ("Heading 2", fonts.heading2)):
        style = styles[name]
        set_fonts(style.element.get_or_add_rPr(), font, BODY_PT, False, RGBColor(0, 0, 0))
        _paragraph_format(style, first_line_chars=2)
    _page_numbers(document, section, fonts)


def _plain(style: Any) -> None:
    """Drop the template Title's border and letter spacing."""
    ppr = style.get_or_add_pPr()
    for tag in ("w:pBdr", "w:contextualSpacing"):
        for el in ppr.findall(qn(tag)):
            ppr.remove(el)
    rpr = style.get_or_add_rPr()
    for tag in ("w:spacing", "w:kern"):
        for el in rpr.findall(qn(tag)):
            rpr.remove(el)


def _defaults(document: Any, fonts: Fonts) -> None:
    """docDefaults: the body font, East Asian language zh-CN; settings: themeFontLang zh-CN."""
    root = document.styles.element
    rpr = root.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, fonts.body, BODY_PT)
    # lines come from the exact line spacing, not from the grid's line pitch
    ppr = root.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    _child(ppr, "w:snapToGrid").set(qn("w:val"), "0")
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    settings = document.settings.element
    theme = _child(settings, "w:themeFontLang")
    theme.set(qn("w:eastAsia"), "zh-CN")
    document.settings.odd_and_even_pages_header_footer = True
    document.core_properties.language = "zh-CN"


def _page_numbers(document: Any, section: Any, fonts: Fonts) -> None:
    indent = Pt(PAGE_NUMBER_PT)  # 空一字
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.paragraph_format.alignment = {"right": 2, "left": 0}[align]
        if align == "right":
            p.paragraph_format.right_indent = indent
        else:
            p.paragraph_format.left_indent = indent
        p.paragraph_format.first_line_indent = Pt(0)
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        p.paragraph_format.line_spacing = Pt(PAGE_NUMBER_PT * 1.2)
        _page_field(p, fonts.page_number)


def _page_field(paragraph: Any, font: str) -> None:
    """「— PAGE —」: the number as a PAGE field (begin, instruction, separate, result, end)."""

    def run(text: str = "") -> Any:
        r = paragraph.add_run(text)
        set_fonts(r._r.get_or_add_rPr(), font, PAGE_NUMBER_PT)
        return r

    run(f"{DASH} ")
    for kind in ("begin", None, "separate", "result", "end"):
        r = run("1" if kind == "result" else "")
        if kind is None:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            r._r.append(instr)
        elif kind != "result":
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            r._r.append(fld)
    run(f" {DASH}")


def add_run(
    paragraph: Any,
    text: str,
    font: str,
    size: float = BODY_PT,
    color: RGBColor | None = None,
    bold: bool | None = None,
) -> Any:
    """A run with its fonts named (the East Asian one included) and its size."""
    r = paragraph.add_run(text)
    set_fonts(r._r.get_or_add_rPr(), font, size, bold, color)
    return r


def indent_chars(paragraph: Any, left: int, first_line: int = 2) -> None:
    """Left and first-line indents in characters (Word's *Chars attributes, plus twips)."""
    ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:leftChars"), str(left * 100))
    ind.set(qn("w:left"), str(left * BODY_PT * 20))
    ind.set(qn("w:firstLineChars"), str(first_line * 100))
    ind.set(qn("w:firstLine"), str(first_line * BODY_PT * 20))
