"""Annotation text and form-field values of a PDF are screened, located and stripped."""

from __future__ import annotations

import io

import pikepdf
import pytest
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from pipeline.ingest import load_bytes
from pipeline.ingest.locate import attach_locations
from pipeline.ingest.pdf_extras import STRIPPED
from pipeline.redact import replacements
from pipeline.redact.pdf_writer import redacted_pdf
from pipeline.screen import default_screener
from tests.check_digits import with_check
from tests.pdf_builder import FONT

ID = with_check("15020319790321641")
FORM_PHONE = "18647215036"
NOTE_ID = with_check("15010519660812302")


@pytest.fixture(autouse=True)
def _no_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZWGK_NER", "0")


def _form_pdf() -> bytes:
    """Page 1: a filled-in application form (two AcroForm text fields); page 2: plain text
    with a reviewer's comment and a free-text box (annotations added with pikepdf)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont(FONT, 12)
    c.drawString(72, 780, "政府信息公开申请表")
    c.drawString(72, 740, "公民身份号码")
    c.acroForm.textfield(name="sfzh", tooltip="公民身份号码", value=ID, x=180, y=730, width=200)
    c.drawString(72, 700, "联系电话")
    c.acroForm.textfield(name="lxdh", value=FORM_PHONE, x=180, y=690, width=200)
    c.showPage()
    c.setFont(FONT, 12)
    c.drawString(72, 780, "办理情况：已按期答复。")
    c.showPage()
    c.save()
    pdf = pikepdf.open(io.BytesIO(buf.getvalue()))
    page = pdf.pages[1]
    comment = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text, Rect=[72, 600, 92, 620],
        Contents=pikepdf.String(f"核实：申请人身份证号{NOTE_ID}，住址包头市青山区富强路9号"),
        T=pikepdf.String("审核员 赵建国"),
    )  # fmt: skip
    box = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.FreeText, Rect=[72, 500, 400, 530],
        Contents=pikepdf.String("本件不予公开"), DA=pikepdf.String("/Helv 10 Tf 0 g"),
    )  # fmt: skip
    page.obj.Annots = pdf.make_indirect(
        pikepdf.Array([pdf.make_indirect(comment), pdf.make_indirect(box)])
    )
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def test_form_values_and_comments_are_read_and_located():
    data = _form_pdf()
    doc = load_bytes(data, "申请表.pdf")
    assert f"表单域 第1页 公民身份号码：{ID}" in doc.text
    assert f"表单域 第1页 lxdh：{FORM_PHONE}" in doc.text
    assert f"注释 第2页：核实：申请人身份证号{NOTE_ID}" in doc.text
    assert "本件不予公开" in doc.text and "审核员 赵建国" in doc.text
    assert doc.text.index("已按期答复") < doc.text.index("表单域")  # after the pages
    assert any("注释或表单域" in w for w in doc.warnings)
    result = default_screener().screen(doc.text)
    attach_locations(result.findings, doc)
    where = {doc.text[f.start : f.end]: (f.action, f.location) for f in result.findings}
    assert where[ID] == ("redact", {"page": 1, "part": "表单域", "note": STRIPPED})
    assert where[NOTE_ID][0] == "redact"
    assert where[NOTE_ID][1] == {"page": 2, "part": "注释", "note": STRIPPED}
    assert where[FORM_PHONE][0] in ("redact", "review")
    out = redacted_pdf(doc, replacements(result.findings))
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(out)).pages)
    assert "政府信息公开申请表" in text and "办理情况" in text
    with pikepdf.open(io.BytesIO(out)) as pdf:
        assert "/AcroForm" not in pdf.Root
        assert all("/Annots" not in page.obj for page in pdf.pages)
        raw = b"".join(
            o.read_bytes() if isinstance(o, pikepdf.Stream) else bytes(str(o), "utf-8", "replace")
            for o in pdf.objects
        )
    for value in (ID, NOTE_ID, FORM_PHONE):
        assert value.encode() not in out and value.encode() not in raw
        assert value.encode("utf-16-be") not in out


def test_a_pdf_without_annotations_reads_as_before():
    from tests.pdf_builder import pdf_bytes

    doc = load_bytes(pdf_bytes([["第一页"], ["第二页"]]), "a.pdf")
    assert doc.text == "第一页\n\f\n第二页" and not doc.markup.extras  # type: ignore[union-attr]
