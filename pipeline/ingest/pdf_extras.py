"""Text a PDF holds outside its pages' content: annotations and form fields.

Comments, free-text boxes, stamps with remarks (``/Contents``, author ``/T``, ``/Subj``) and
the values of AcroForm fields (``/V``, labelled by the field's ``/TU`` or ``/T`` name, the
parents' names joined by ``.``) are where a filled-in form or a reviewer's note leaks a name
or an ID. They are read with pikepdf (only when PDFium reports annotations or a form) and
appended after the pages, one line each — ``注释 第2页：…``, ``表单域 第1页 身份证号：…`` — so
the screening sees them with their label as context. Findings there are located
``{"page", "part": "注释" | "表单域", "note": STRIPPED}``: the redacted PDF never contains them
(:mod:`pipeline.redact.pdf_writer` removes the form, widgets and every annotation that carries
text from every output).
"""

from __future__ import annotations

import io
from typing import Any

ANNOT = "注释"
FORM = "表单域"
STRIPPED = "遮蔽后的 PDF 已删除全部注释和表单域"
_SKIP = {"/Popup", "/Link"}  # a pop-up repeats its parent's text; links carry none
MAX_LINE = 2000  # characters of one value screened (a pasted essay in a comment is cut)


def _text(value: Any) -> str:
    import pikepdf

    if isinstance(value, pikepdf.String):
        return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()[:MAX_LINE]
    if isinstance(value, pikepdf.Array):
        return "；".join(t for t in (_text(v) for v in value) if t)
    return ""


def _field(annot: Any) -> tuple[Any, str, str]:
    """The field a widget belongs to (the first of its ``/Parent`` chain with a value), its
    label (tooltip ``/TU``, else the ``/T`` names joined by ``.``) and its value."""
    chain = [annot]
    while len(chain) < 32 and chain[-1].get("/Parent") is not None:  # guard against cycles
        chain.append(chain[-1].get("/Parent"))
    field = next((n for n in chain if "/V" in n), annot)
    tooltip = next((t for n in chain if (t := _text(n.get("/TU")))), "")
    name = tooltip or ".".join(t for n in reversed(chain) if (t := _text(n.get("/T"))))
    return field, name, _text(field.get("/V"))


def read_extras(data: bytes) -> list[tuple[int, str, str]]:
    """``(page number or 0, label, value)`` of every annotation text and form value."""
    import pikepdf

    out: list[tuple[int, str, str]] = []
    seen: set[tuple[int, int]] = set()
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except Exception:  # PDFium read it; pikepdf cannot: nothing more to add
        return out
    with pdf:
        for number, page in enumerate(pdf.pages, start=1):
            for annot in page.obj.get("/Annots") or []:
                if not isinstance(annot, pikepdf.Dictionary):
                    continue
                subtype = str(annot.get("/Subtype", ""))
                if subtype == "/Widget" or "/FT" in annot:
                    field, name, value = _field(annot)
                    if field.is_indirect:
                        seen.add(field.objgen)
                    if value:
                        out.append((number, f"{FORM} 第{number}页 {name}".rstrip(), value))
                    continue
                if subtype in _SKIP:
                    continue
                for key, label in (("/Contents", ""), ("/Subj", "主题"), ("/T", "作者")):
                    value = _text(annot.get(key))
                    if value:
                        out.append((number, f"{ANNOT}{label} 第{number}页", value))
        form = pdf.Root.get("/AcroForm")
        stack = list(form.get("/Fields") or []) if isinstance(form, pikepdf.Dictionary) else []
        while stack and len(seen) < 100_000:
            node = stack.pop()
            if not isinstance(node, pikepdf.Dictionary):
                continue
            if node.is_indirect:
                if node.objgen in seen:
                    continue
                seen.add(node.objgen)
            kids = node.get("/Kids")
            if kids is not None:
                stack.extend(kids)
            elif "/V" in node:  # a field without a widget on any page
                _f, name, value = _field(node)
                if value:
                    out.append((0, f"{FORM} {name}".rstrip(), value))
    return out
