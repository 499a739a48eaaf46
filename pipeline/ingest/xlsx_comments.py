"""Cell comments (批注) of an .xlsx/.xlsm, read from the package XML (calamine does not read
them): sheet name → ``[(row, col, text)]``, 0-based, in document order. A comment's text is
the concatenation of its runs, as openpyxl and Excel show it."""

from __future__ import annotations

import io
import posixpath
import zipfile

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _rels(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (type, target part) of a part."""
    from lxml import etree

    folder, name = posixpath.split(part)
    path = posixpath.join(folder, "_rels", name + ".rels")
    if path not in zf.namelist():
        return {}
    root = etree.fromstring(zf.read(path))
    out = {}
    for rel in root.iter(_PKG + "Relationship"):
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        out[rel.get("Id", "")] = (rel.get("Type", ""), posixpath.normpath(target))
    return out


def _ref(ref: str) -> tuple[int, int]:
    letters = "".join(c for c in ref if c.isalpha()).upper()
    col = 0
    for c in letters:
        col = col * 26 + ord(c) - 64
    return int("".join(c for c in ref if c.isdigit())) - 1, col - 1


def read_comments(data: bytes) -> dict[str, list[tuple[int, int, str]]]:
    """Comments per sheet name; {} when the package has none or cannot be read."""
    from lxml import etree

    out: dict[str, list[tuple[int, int, str]]] = {}
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        if not any("comments" in n.lower() for n in zf.namelist()):
            return out
        book = etree.fromstring(zf.read("xl/workbook.xml"))
        book_rels = _rels(zf, "xl/workbook.xml")
        for sheet in book.iter(_MAIN + "sheet"):
            target = book_rels.get(sheet.get(_REL + "id", ""))
            if target is None:
                continue
            for kind, part in _rels(zf, target[1]).values():
                if not kind.endswith("/comments") or part not in zf.namelist():
                    continue
                root = etree.fromstring(zf.read(part))
                for c in root.iter(_MAIN + "comment"):
                    text = "".join(t.text or "" for t in c.iter(_MAIN + "t"))
                    if text.strip():
                        row, col = _ref(c.get("ref", "A1"))
                        out.setdefault(sheet.get("name", ""), []).append((row, col, text))
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError):
        return {}
    return out
