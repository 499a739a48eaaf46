"""``pipeline.output.quote``: the length-preserving masked copy, spans, derived strings."""

from __future__ import annotations

from pipeline.document import Finding
from pipeline.output.quote import Quoter, masked_copy


def _finding(text: str, value: str, masked: str, action: str = "redact", nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(value, start + 1)
    return Finding(
        entity="X", start=start, end=start + len(value), text=value, action=action,  # type: ignore[arg-type]
        score=1.0, rule="R", reason="", basis="", masked=masked,
    )  # fmt: skip


TEXT = "经查，申请人李秀兰（手机 139 0551 2233）住滨湖新区云谷路9号\n融科城7幢1801室，特此说明。"


def _quoter(reveal: bool = False) -> Quoter:
    fs = [
        _finding(TEXT, "李秀兰", "李**"),
        _finding(TEXT, "139 0551 2233", "139****2233"),  # masked form shorter than the value
        _finding(TEXT, "滨湖新区云谷路9号\n融科城7幢1801室", "滨湖新区***", action="review"),
        _finding(TEXT, "特此说明", "特此说明", action="allow"),
    ]
    return Quoter(TEXT, fs, reveal=reveal)


def test_masked_copy_keeps_length_lines_and_the_kept_characters():
    q = _quoter()
    assert len(q.text) == len(TEXT) and q.text.count("\n") == 1
    assert "李**" in q.text and "秀兰" not in q.text
    assert "139 **** ****" in q.text and "0551" not in q.text
    assert "滨湖新区" in q.text and "云谷路" not in q.text and "融科城" not in q.text
    assert "特此说明" in q.text  # allowed findings are quoted as written
    assert q.masked == 3


def test_a_span_cutting_through_a_finding_shows_only_masked_characters():
    q = _quoter()
    start = TEXT.index("秀兰")
    assert q.quote(start, start + 4) == "**（手"
    cut = TEXT.index("0551")
    assert q.quote(cut - 2, cut + 6) == "9 **** *"
    assert q.overlaps(cut, cut + 1) and not q.overlaps(0, 3)


def test_scrub_finds_values_in_derived_strings():
    q = _quoter()
    # lines joined, as the outline and the parser clean their spans
    assert "融科城" not in q.scrub("住滨湖新区云谷路9号融科城7幢1801室")
    # normalised (traditional, full-width) forms of a value are scrubbed too
    t = "申請人陳曉東，身份證號３４０１２２１９６５０５０５１２３３。"
    f = _finding(t, "陳曉東", "陳**")
    g = _finding(t, "３４０１２２１９６５０５０５１２３３", "３４０１**********１２３３")
    q2 = Quoter(t, [f, g])
    out = q2.scrub("申请人陈晓东，身份证号340122196505051233")
    assert "陈晓东" not in out and "340122196505051233" not in out and "身份证号" in out


def test_reveal_quotes_the_original():
    q = _quoter(reveal=True)
    assert q.text == TEXT and q.quote(0, len(TEXT)) == TEXT and q.masked == 0
    assert q.scrub("李秀兰") == "李秀兰" and not q.overlaps(0, len(TEXT))


def test_overlapping_findings_mask_their_union():
    t = "联系人王建军13812345678"
    fs = [_finding(t, "王建军1381", "王*****"), _finding(t, "13812345678", "138****5678")]
    out = masked_copy(t, fs)
    assert len(out) == len(t) and "建军" not in out and "1234" not in out
    assert out.startswith("联系人王")


def test_quoter_screens_when_given_no_result():
    from tests.output.conftest import ID_A, NOTICE

    q = Quoter.screen(NOTICE)
    assert ID_A not in q.text and len(q.text) == len(NOTICE) and q.masked >= 2
    assert Quoter.screen(NOTICE, reveal=True).text == NOTICE
