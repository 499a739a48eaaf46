# ruff: noqa: E501  (policy text is quoted one article a line)
"""The 简明问答 form: every answer cited and guarded; a private person's ID number and home
address in the policy never reach the Q&A (Markdown, JSON, Word, CLI)."""

from __future__ import annotations

import json

from pipeline.cli import main
from pipeline.outline.qa import draft_qa, qa_to_dict, render_qa_docx, render_qa_markdown
from pipeline.output.quote import Quoter

POLICY = """某县创业担保贷款贴息实施办法

第一条　为支持城乡劳动者自主创业，制定本办法。
第二条　本办法适用于在本县登记注册、正常经营的小微企业和个体工商户。
第三条　个人创业担保贷款额度最高不超过30万元，财政按贷款利息的50%给予贴息。
第四条　申请人持营业执照、身份证明和贷款合同向县人力资源和社会保障局提出申请。
第五条　2023年度获得贴息的示范户：李桂芬（身份证号130123197803154526，住址：某县城关镇建设路18号3单元401室）。
第六条　咨询电话：0311-12345678。
第七条　本办法自2024年1月1日起施行，有效期3年。
"""


def _answers(qa, qid):
    return [p for s in qa.sections if s.id == qid for p in s.points]


def test_questions_answered_only_from_cited_text():
    qa = draft_qa(POLICY)
    standard = _answers(qa, "standard")
    assert any("30万元" in p.text and p.evidence for p in standard)
    assert any("2024年1月1日" in p.text for p in _answers(qa, "when"))
    assert any("有效期3年" in p.text for p in _answers(qa, "valid"))
    for s in qa.sections:
        for p in s.points:
            if p.evidence:
                cited = "".join(POLICY[e.start : e.end] for e in p.evidence)
                assert p.status == "auto", (p.text, p.note)
                assert cited  # offsets into the policy
    assert qa.guard.points >= 4 and qa.guard.passed


def test_an_unanswerable_common_question_asks_the_editor():
    text = "某市关于开展植树活动的通知\n\n各区：请于3月12日组织植树活动。\n"
    qa = draft_qa(text)
    how = _answers(qa, "how")
    assert len(how) == 1 and how[0].text.startswith("【需编辑补充】") and not how[0].evidence
    assert not _answers(qa, "valid")  # content questions without an answer are left out


def test_private_id_and_address_never_in_the_qa(tmp_path):
    screened = Quoter.screen(POLICY).text
    qa = draft_qa(screened)
    md = render_qa_markdown(qa)
    js = json.dumps(qa_to_dict(qa), ensure_ascii=False)
    out = render_qa_docx(qa, tmp_path / "qa.docx")
    import docx

    word = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    src = tmp_path / "policy.txt"
    src.write_text(POLICY, encoding="utf-8")
    cli_out = tmp_path / "qa.md"
    assert main(["outline", str(src), "--style", "qa", "-o", str(cli_out)]) == 0
    cli = cli_out.read_text(encoding="utf-8")
    assert "贴息" in md and "贴息" in cli
    for rendered in (md, js, word, cli):
        assert "130123197803154526" not in rendered
        assert "建设路18号" not in rendered
