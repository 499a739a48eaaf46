"""Outcomes beyond marker, rule and model: screening counts, secrecy marks, internal
circulation and withheld parts (部分公开)."""

from __future__ import annotations

from typing import Any

from pipeline.classify.internal import Circulation
from pipeline.classify.internal import span as signal_span
from pipeline.classify.model import Prediction
from pipeline.classify.reasons import reason_for
from pipeline.classify.result import Classification, Evidence
from pipeline.classify.rules import DisclosureRule
from pipeline.document import ENTITY_NAMES_ZH
from pipeline.normalise import NormalisedText


def _label_attribute(label: str) -> str:
    return label.partition("/")[0]


def apply_screening(result: Classification, screening: Any) -> None:
    """Personal identifiers to be masked are counted and located; they do not withhold a
    substantive part, so the attribute stays (去标识化 before publication, art. 37)."""
    must = [f for f in screening.findings if f.action == "redact"]
    review = [f for f in screening.findings if f.action == "review"]
    result.findings = [
        {"start": f.start, "end": f.end, "entity": f.entity, "action": f.action, "rule": f.rule}
        for f in must + review
    ]
    result.to_mask = len(must)
    if must:
        if result.attribute == "依申请公开":
            result.notes.append(
                f"依申请提供时，须先遮蔽{len(must)}处个人信息（第三十七条），"
                "位置见 findings（审查结果）"
            )
        elif result.attribute in ("主动公开", "部分公开"):
            result.notes.append(
                f"公开前须遮蔽{len(must)}处个人信息（去标识化，不影响公开属性），"
                "位置见 findings（审查结果）"
            )
        result.evidence.extend(
            Evidence(f.start, f.end, f"须遮蔽：{ENTITY_NAMES_ZH.get(f.entity, f.entity)}",
                     basis=f"审查规则 {f.rule}")
            for f in must
        )  # fmt: skip
    if review and result.attribute in ("主动公开", "依申请公开", "部分公开"):
        result.notes.append(f"审查发现{len(review)}处个人信息需人工审核，公开前请确认")


def secret(norm: NormalisedText, circ: Circulation) -> Classification:
    assert circ.secrecy is not None
    s, e = signal_span(norm, circ.secrecy)
    reason, article = reason_for("不予公开", "国家秘密")
    return Classification(
        "不予公开", "国家秘密", f"文件标有密级“{circ.secrecy.cue}”；{reason}", article, 0.97,
        [Evidence(s, e, circ.secrecy.cue, basis="密级标志")], decided_by="密级",
    )  # fmt: skip


def internal(
    norm: NormalisedText,
    circ: Circulation,
    hit: tuple[DisclosureRule, list[tuple[str, str]]] | None,
    prediction: Prediction | None,
) -> Classification:
    """Withheld as internal: the weighed circulation evidence outranks a public rule or model."""
    code = "过程性信息" if circ.process else "内部事务"
    reason, article = reason_for("不予公开", code)
    evidence = []
    for sig in circ.signals:
        if sig.weight > 0:
            s, e = signal_span(norm, sig)
            evidence.append(
                Evidence(s, e, sig.cue, basis=f"内部流转（+{sig.weight}）：{sig.description}")
            )
    against = [f"“{s.cue}”（{s.description}）" for s in circ.signals if s.weight < 0]
    out = Classification(
        "不予公开", code, f"{reason}（依据内部流转的证据，权重{circ.score}）", article,
        round(min(0.95, 0.6 + 0.08 * circ.score), 2), evidence, decided_by="内部流转",
        rule="DA-INTERNAL-CIRCULATION",
    )  # fmt: skip
    if against:
        out.notes.append(f"面向公众的迹象已计入（{'；'.join(against)}）")
    if hit is not None:
        out.notes.append(f"规则 {hit[0].id} 倾向“{hit[0].attribute}”，内部流转证据优先")
    if prediction is not None and _label_attribute(prediction.label) != "不予公开":
        out.notes.append(f"模型倾向“{prediction.label}”（{prediction.probability:.2f}）")
    return out


def make_partial(result: Classification, part: Any) -> None:
    """A substantive part is withheld (a price schedule, a confidential annex): 部分公开."""
    if result.decided_by == "标注":  # the drafter's marker is followed; the reader is told
        result.conflicts.append(
            f"标注为“{result.attribute}”，但文件中有须删除的实质内容（{part.description}：{part.cue}）"
        )
        return
    reason, article = reason_for("部分公开", part.code)
    result.attribute, result.reason_code = "部分公开", part.code
    result.reason = f"{reason}（须删除：{part.description}）"
    result.article = article
    result.evidence.append(
        Evidence(part.start, part.end, part.cue, basis=f"部分公开：{part.description}")
    )
