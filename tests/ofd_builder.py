"""Small OFD packages (GB/T 33190-2016) written by the tests: pages of placed text, a
template page, DocInfo, annotations, attachments, custom tags, signatures, scanned pages."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

NS = "http://www.ofdspec.org/2016"


@dataclass
class Text:
    """One ``TextObject``: ``text`` at (x, y) mm (top left of its boundary), ``size`` mm.
    ``delta``: "g" (``g n d`` repeat), "list" (every advance written out) or "mixed"."""

    x: float
    y: float
    text: str
    size: float = 3.5
    delta: str = "g"
    split: int = 0  # >0: the text in two TextCodes, the second from this character on


@dataclass
class Spec:
    pages: list[list[Text]]
    template: list[Text] = field(default_factory=list)
    docinfo: dict[str, str] = field(default_factory=dict)
    custom_data: dict[str, str] = field(default_factory=dict)
    annotations: dict[int, str] = field(default_factory=dict)  # page index → remark
    attachments: dict[str, bytes] = field(default_factory=dict)
    custom_tag: str | None = None
    signed: bool = False
    scanned: dict[int, bytes] = field(default_factory=dict)  # page index → PNG bytes
    prefix: str = "ofd"  # "" writes the default namespace without a prefix
    extra: dict[str, bytes] = field(default_factory=dict)  # more members, e.g. fonts


def _delta(item: Text, chars: str) -> str:
    n = len(chars) - 1
    if n <= 0:
        return ""
    if item.delta == "list":
        return " ".join(f"{item.size:g}" for _ in range(n))
    if item.delta == "mixed" and n > 2:
        return f"{item.size:g} {item.size:g} g {n - 2} {item.size:g}"
    return f"g {n} {item.size:g}"


class _Writer:
    def __init__(self, prefix: str) -> None:
        self.p = f"{prefix}:" if prefix else ""
        self.decl = f'xmlns:{prefix}="{NS}"' if prefix else f'xmlns="{NS}"'
        self.next_id = 10

    def uid(self) -> int:
        self.next_id += 1
        return self.next_id

    def doc(self, tag: str, body: str, attrs: str = "") -> bytes:
        p = self.p
        head = '<?xml version="1.0" encoding="UTF-8"?>\n'
        xml = f"{head}<{p}{tag} {self.decl}{attrs}>{body}</{p}{tag}>"
        return xml.encode("utf-8")

    def text_object(self, item: Text) -> str:
        p = self.p
        w, h = len(item.text) * item.size, item.size * 1.25
        parts = [(0, item.text)]
        if item.split:
            parts = [(0, item.text[: item.split]), (item.split, item.text[item.split :])]
        codes = "".join(
            f'<{p}TextCode X="{start * item.size:g}" Y="{item.size:g}" '
            f'DeltaX="{_delta(item, chars)}">{chars}</{p}TextCode>'
            for start, chars in parts
        )
        return (
            f'<{p}TextObject ID="{self.uid()}" Boundary="{item.x:g} {item.y:g} {w:g} {h:g}" '
            f'Font="3" Size="{item.size:g}"><{p}FillColor Value="0 0 0"/>{codes}</{p}TextObject>'
        )

    def content(self, items: list[Text], head: str = "", images: str = "") -> bytes:
        p = self.p
        body = "".join(self.text_object(i) for i in items) + images
        layer = f'<{p}Content><{p}Layer ID="{self.uid()}">{body}</{p}Layer></{p}Content>'
        return self.doc("Page", head + layer)


def ofd_bytes(spec: Spec) -> bytes:
    """The OFD package described by ``spec``."""
    w = _Writer(spec.prefix)
    p = w.p
    files: dict[str, bytes] = {}
    info = "".join(f"<{p}{k}>{v}</{p}{k}>" for k, v in spec.docinfo.items())
    if spec.custom_data:
        datas = "".join(
            f'<{p}CustomData Name="{k}">{v}</{p}CustomData>' for k, v in spec.custom_data.items()
        )
        info += f"<{p}CustomDatas>{datas}</{p}CustomDatas>"
    signs = f"<{p}Signatures>Doc_0/Signs/Signatures.xml</{p}Signatures>" if spec.signed else ""
    body = (
        f"<{p}DocBody><{p}DocInfo><{p}DocID>6a3f2c0e</{p}DocID>{info}</{p}DocInfo>"
        f"<{p}DocRoot>Doc_0/Document.xml</{p}DocRoot>{signs}</{p}DocBody>"
    )
    files["OFD.xml"] = w.doc("OFD", body, ' Version="1.0" DocType="OFD"')
    files["Doc_0/PublicRes.xml"] = w.doc(
        "Res",
        f'<{p}Fonts><{p}Font ID="3" FontName="宋体" FamilyName="宋体"/></{p}Fonts>',
        ' BaseLoc="Res"',
    )
    media = "".join(
        f'<{p}MultiMedia ID="{50 + k}" Type="Image" Format="PNG">'
        f"<{p}MediaFile>scan_{k}.png</{p}MediaFile></{p}MultiMedia>"
        for k in spec.scanned
    )
    files["Doc_0/DocumentRes.xml"] = w.doc(
        "Res", f"<{p}MultiMedias>{media}</{p}MultiMedias>", ' BaseLoc="Res"'
    )
    for k, png in spec.scanned.items():
        files[f"Doc_0/Res/scan_{k}.png"] = png
    tpl = ""
    if spec.template:
        tpl = f'<{p}TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/>'
        files["Doc_0/Tpls/Tpl_0/Content.xml"] = w.content(spec.template)
    pages = ""
    for n, items in enumerate(spec.pages):
        pid = 100 + n
        pages += f'<{p}Page ID="{pid}" BaseLoc="Pages/Page_{n}/Content.xml"/>'
        head = f'<{p}Template TemplateID="2" ZOrder="Background"/>' if spec.template else ""
        images = ""
        if n in spec.scanned:
            images = (
                f'<{p}ImageObject ID="{w.uid()}" ResourceID="{50 + n}" Boundary="0 0 210 297" '
                f'CTM="210 0 0 297 0 0"/>'
            )
        files[f"Doc_0/Pages/Page_{n}/Content.xml"] = w.content(items, head, images)
    refs = ""
    if spec.annotations:
        refs += f"<{p}Annotations>Annots/Annotations.xml</{p}Annotations>"
        index = ""
        for n, remark in spec.annotations.items():
            index += (
                f'<{p}Page PageID="{100 + n}"><{p}FileLoc>Page_{n}/Annotation.xml</{p}FileLoc>'
                f"</{p}Page>"
            )
            files[f"Doc_0/Annots/Page_{n}/Annotation.xml"] = w.doc(
                "PageAnnot",
                f'<{p}Annot ID="{w.uid()}" Type="Highlight" Creator="审核人">'
                f"<{p}Remark>{remark}</{p}Remark></{p}Annot>",
            )
        files["Doc_0/Annots/Annotations.xml"] = w.doc("Annotations", index)
    if spec.attachments:
        refs += f"<{p}Attachments>Attachs/Attachments.xml</{p}Attachments>"
        atts = ""
        for k, (name, data) in enumerate(spec.attachments.items()):
            atts += (
                f'<{p}Attachment ID="{300 + k}" Name="{name}" Size="{len(data)}">'
                f"<{p}FileLoc>att_{k}{name[name.rfind('.') :]}</{p}FileLoc></{p}Attachment>"
            )
            files[f"Doc_0/Attachs/att_{k}{name[name.rfind('.') :]}"] = data
        files["Doc_0/Attachs/Attachments.xml"] = w.doc("Attachments", atts)
    if spec.custom_tag is not None:
        refs += f"<{p}CustomTags>Tags/CustomTags.xml</{p}CustomTags>"
        files["Doc_0/Tags/CustomTags.xml"] = w.doc(
            "CustomTags",
            f'<{p}CustomTag NameSpace="urn:gov:doc"><{p}FileLoc>Tag_0.xml</{p}FileLoc>'
            f"</{p}CustomTag>",
        )
        files["Doc_0/Tags/Tag_0.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><gw:公文 xmlns:gw="urn:gov:doc">'
            f"<gw:主送>{spec.custom_tag}</gw:主送></gw:公文>"
        ).encode()
    if spec.signed:
        files["Doc_0/Signs/Signatures.xml"] = w.doc(
            "Signatures", f'<{p}Signature ID="1" BaseLoc="Sign_0/Signature.xml"/>'
        )
        files["Doc_0/Signs/Sign_0/Signature.xml"] = w.doc("Signature", "")
        files["Doc_0/Signs/Sign_0/SignedValue.dat"] = b"\x30\x82signed-bytes"
    document = (
        f"<{p}CommonData><{p}MaxUnitID>{w.next_id + 1}</{p}MaxUnitID><{p}PageArea>"
        f"<{p}PhysicalBox>0 0 210 297</{p}PhysicalBox></{p}PageArea>"
        f"<{p}PublicRes>PublicRes.xml</{p}PublicRes><{p}DocumentRes>DocumentRes.xml"
        f"</{p}DocumentRes>{tpl}</{p}CommonData><{p}Pages>{pages}</{p}Pages>{refs}"
    )
    files["Doc_0/Document.xml"] = w.doc("Document", document)
    files.update(spec.extra)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def members(data: bytes) -> dict[str, bytes]:
    """Every member of a package, uncompressed."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}
