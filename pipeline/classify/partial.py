"""部分公开 (art. 37): a substantive part of an otherwise public document is withheld — a price
schedule, a confidential annex, passages on a third party's private or business matters. Masking
personal identifiers (去标识化) is not this: the screen counts those, the attribute stays."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.normalise import NormalisedText

_NOT_PUBLIC = r"(?:不予公开|不公开|不宜公开|不对外公开|涉密|另行报送|略)"
_CUES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (
        re.compile(
            r"(?:报价|单价|价格|成本)(?:明细|清单|构成|一览表|表)[^。\n]{0,16}[(（]"
            + _NOT_PUBLIC + r"[)）]"
        ),
        "第三方合法权益", "报价、成本等商业秘密部分",
    ),
    (
        re.compile(r"涉及(?:商业秘密|个人隐私|第三方)[^。\n]{0,12}(?:已|予以|作|均)?(?:删除|隐去|略去|删去|不予公开)"),
        "第三方合法权益", "涉及商业秘密或个人隐私的内容",
    ),
    (
        re.compile(r"附件[0-9一二三四五六七八九十、]*[^。\n]{0,36}[(（]" + _NOT_PUBLIC + "[)）]"),
        "内部事务", "标明不公开的附件",
    ),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class WithheldPart:
    start: int  # original offsets
    end: int
    cue: str
    code: str
    description: str


def withheld_part(norm: NormalisedText) -> WithheldPart | None:
    """The first cue that a substantive part of the document is withheld."""
    for pattern, code, description in _CUES:
        m = pattern.search(norm.text)
        if m is not None:
            s, e = norm.span_to_original(m.start(), m.end())
            return WithheldPart(s, e, m.group(), code, description)
    return None
