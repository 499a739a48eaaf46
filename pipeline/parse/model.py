"""The parsed official document (公文): elements with offsets into the ORIGINAL text.

Every element carries ``start``/``end`` (Python indices, end exclusive) and ``text``, the
original slice ``original[start:end]``; ``value`` is the cleaned reading (lines joined,
pinyin noise and page spaces removed, original script kept). ``to_dict`` gives JSON.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Span:
    """A piece of the original text and its cleaned reading."""

    start: int
    end: int
    text: str
    value: str


@dataclass(slots=True)
class DocNumber(Span):
    """发文字号 such as 豫办〔2016〕60号; ``normalized`` uses 〔〕 and 号."""

    org: str = ""
    year: int | None = None
    seq: int | None = None
    normalized: str = ""
    complete: bool = True


@dataclass(slots=True)
class DateSpan(Span):
    """A date; ``iso`` is YYYY-MM-DD (or YYYY-MM, YYYY when the day or month is absent)."""

    iso: str = ""
    role: str = "mention"  # 成文日期 / 印发日期 / 发布时间 / mention


@dataclass(slots=True)
class Title(Span):
    """标题, joined across lines; 印发/转发 wrappers name the inner document."""

    wrapper: str | None = None
    inner: Span | None = None


@dataclass(slots=True)
class Marker(Span):
    """An explicit disclosure marker (附注 「（此件公开发布）」, 公开方式, 密级)."""

    attribute: str = ""
    source: str = "附注"


@dataclass(slots=True)
class MetaField:
    """One field of the web metadata block (索引号, 主题分类, 公开方式 …)."""

    key: str
    key_span: Span
    value: Span | None


@dataclass(slots=True)
class Heading(Span):
    """A heading: ``kind`` is the numbering style, ``level`` its rank, ``title`` the words."""

    kind: str = ""
    marker: str = ""
    level: int = 0
    number: int = 0
    title: Span | None = None
    parent: int | None = None
    section: str = "正文"
    index: int = 0
    scope_end: int = 0  # original offset where the heading's content (with sub-headings) ends


@dataclass(slots=True)
class Section(Span):
    """The main text, the document issued by a 印发/转发 notice, or one attachment."""

    kind: str = "main"  # main / inner / attachment
    label: str = "正文"
    title: Span | None = None
    preamble: Span | None = None  # the paragraphs before the first heading (为…, 根据…)


@dataclass(slots=True)
class Cell(Span):
    column: str = ""
    inherited: bool = False


@dataclass(slots=True)
class Column(Span):
    role: str = ""  # seq / task / lead / responsible / requirement / deadline / other


@dataclass(slots=True)
class Row:
    start: int
    end: int
    number: int | None
    cells: dict[str, Cell]
    group: list[str] = field(default_factory=list)
    extra: list[Span] = field(default_factory=list)  # lines of the row outside any column


@dataclass(slots=True)
class Table:
    start: int
    end: int
    layout: str  # tab / cell-lines / spaces
    columns: list[Column]
    rows: list[Row]
    title: Span | None = None
    section: str = "正文"


@dataclass(slots=True)
class Citation(Span):
    """《…》 (``value`` is the title without the brackets) with its 文号 when given."""

    doc_number: DocNumber | None = None
    trigger: str | None = None
    alias: str | None = None


@dataclass(slots=True)
class Basis(Span):
    """A 根据/依据/贯彻落实 clause and the citations inside it (indices into ``citations``)."""

    trigger: str = ""
    citations: list[int] = field(default_factory=list)


@dataclass(slots=True)
class ParsedDocument:
    """Everything the parser found; offsets index the text given to :func:`parse_document`."""

    length: int
    title: Title | None = None
    doc_number: DocNumber | None = None
    issuers: list[Span] = field(default_factory=list)
    signers: list[Span] = field(default_factory=list)  # 签发人
    date: DateSpan | None = None
    addressees: list[Span] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    metadata: list[MetaField] = field(default_factory=list)
    chrome: list[Span] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    attachment_notes: list[Span] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    basis: list[Basis] = field(default_factory=list)
    doc_numbers: list[DocNumber] = field(default_factory=list)
    dates: list[DateSpan] = field(default_factory=list)
    cc: list[Span] = field(default_factory=list)
    printed_by: Span | None = None
    printed_date: DateSpan | None = None
    warnings: list[str] = field(default_factory=list)

    def meta(self, key: str) -> str | None:
        """The value of a metadata field by its canonical key (``公开方式``)."""
        for f in self.metadata:
            if f.key == key and f.value is not None:
                return f.value.value
        return None

    def children(self, index: int) -> list[Heading]:
        """Headings directly under heading ``index``."""
        return [h for h in self.headings if h.parent == index]

    def tree(self, section: str | None = None) -> list[dict[str, Any]]:
        """The heading tree as nested dicts (``marker``, ``title``, offsets, ``children``),
        for one section label or all sections."""
        nodes: dict[int, dict[str, Any]] = {
            h.index: {
                "index": h.index, "marker": h.marker, "title": h.title.value if h.title else "",
                "start": h.start, "end": h.end, "scope_end": h.scope_end, "section": h.section,
                "children": [],
            }
            for h in self.headings
            if section is None or h.section == section
        }  # fmt: skip
        roots: list[dict[str, Any]] = []
        for h in self.headings:
            if h.index not in nodes:
                continue
            parent = nodes.get(h.parent) if h.parent is not None else None
            siblings: list[dict[str, Any]] = parent["children"] if parent else roots
            siblings.append(nodes[h.index])
        return roots

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
