"""Mirrors whose encoding lost a character before its pinyin annotation (``政府?dāng)?shù)據``):
the pinyin is noise, the "?" reads □ in every quote, offsets still point at the original."""

from __future__ import annotations

import re

from pipeline.normalise import normalise
from pipeline.outline import draft_outline, render_markdown
from pipeline.outline.render import clean_quote
from pipeline.parse import parse_document

# a traditional-character mirror: pinyin after many characters, and two places where the
# page's encoding swallowed the character and its opening bracket
_MIRROR = (
    "東江市人民政府辦公室關(guān)於推進(jìn)公共?shù)據(jù)開放的實施意見\n\n"
    "東政辦發(fā)〔2024〕12號\n\n各縣(區(qū))人民政府，市政府各部門：\n\n"
    "　　為加快公共數(shù)據(jù)資源開發(fā)利用，提出如下意見。\n\n"
    "　　一、推進(jìn)政府?dāng)?shù)據(jù)開放共享\n\n"
    "　　依托政務(wù)云平臺，推動政府?dāng)?shù)據(jù)資源集聚、開放、共享，"
    "到2025年開放數(shù)據(jù)集不少於500個。\n\n"
    "　　二、加強組織保障\n\n　　各地是否?建立工作專班，由市大數(shù)據(jù)局負責統(tǒng)籌。\n\n"
    "東江市人民政府辦公室\n2024年6月3日\n"
)
_NOISE = re.compile(r"\?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)|\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)")


def test_normalised_text_marks_the_lost_character_and_drops_its_pinyin() -> None:
    norm = normalise(_MIRROR)
    assert "推进政府□□据开放共享" in norm.text
    assert "dāng" not in norm.text and "shù" not in norm.text
    assert "是否?建立" in norm.text  # a question mark without pinyin is text
    # every kept character maps back to the same place of the original
    i = norm.text.index("□□据")
    j = norm.offsets.to_original(i)
    assert _MIRROR[j : j + 5] == "?dāng"


def test_heading_is_not_cut_at_the_lost_character() -> None:
    doc = parse_document(_MIRROR)
    titles = [h.title.value for h in doc.headings if h.title is not None]
    assert "推進政府□□據開放共享" in titles
    heading = next(h for h in doc.headings if h.title and "□" in h.title.value)
    assert "dāng" in _MIRROR[heading.start : heading.end]  # offsets: the original span


def test_outline_quotes_carry_no_pinyin_garbage() -> None:
    outline = draft_outline(_MIRROR)
    markdown = render_markdown(outline, _MIRROR)
    assert not _NOISE.search(markdown), _NOISE.search(markdown)
    assert "推動政府□□據資源集聚" in markdown
    for section in outline.sections:
        for p in section.points:
            assert not _NOISE.search(p.text), p.text
            for e in p.evidence:
                assert 0 <= e.start < e.end <= len(_MIRROR)


def test_clean_quote_keeps_the_original_script() -> None:
    assert clean_quote("公共?shù)據(jù)開放") == "公共□據開放"
    assert clean_quote("關(guān)於推進(jìn)") == "關於推進"
    assert clean_quote("沒有雜訊的句子？是的?") == "沒有雜訊的句子？是的?"
