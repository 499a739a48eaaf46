"""Propose a document's disclosure attribute (公开属性) with reason, article and evidence.

Order of authority: an explicit marker (附注 「（此件公开发布）」, 公开方式 field, 密级 mark),
then a withholding rule of rules/disclosure.yaml, then the weighed evidence of internal
circulation (pipeline.classify.internal), then the other rules, then the statistical model.
Screening runs last: personal identifiers to mask before publication do not make a document
部分公开 (only a withheld substantive part does, pipeline.classify.partial); the result counts
them (``to_mask``) and lists their positions.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from pipeline.classify.explain import model_evidence, with_sentences
from pipeline.classify.internal import Circulation, weigh
from pipeline.classify.model import DisclosureModel, Prediction, default_model
from pipeline.classify.outcomes import apply_screening, internal, make_partial, secret
from pipeline.classify.partial import withheld_part
from pipeline.classify.reasons import reason_for
from pipeline.classify.result import Classification, Evidence
from pipeline.classify.rules import DisclosureRule, Features, first_match, load_rules
from pipeline.classify.topics import GOV_CATEGORIES, classify_topic
from pipeline.normalise import NormalisedText, normalise
from pipeline.parse import ParsedDocument, parse_document

#: below this model probability the result asks for a human decision
LOW_CONFIDENCE = 0.5
_MARKER_PRIORITY = {"密级": 0, "附注": 1, "元数据": 2}
_WITHHOLDING = ("不予公开",)


@dataclass(slots=True)
class _Locator:
    """Finds cue words in the normalised text and reports original offsets."""

    norm: NormalisedText
    title_start: int = 0  # original offset of the title: title cues are looked for from there

    def find(self, cue: str, where: str = "text") -> Evidence | None:
        text = self.norm.text
        if where == "tail":
            pos = text.rfind(cue)
        else:
            pos = text.find(cue)
            while (
                where == "title"
                and pos >= 0
                and self.norm.offsets.to_original(pos) < (self.title_start)
            ):
                pos = text.find(cue, pos + 1)
            if pos < 0 and where == "title":
                pos = text.find(cue)
        if pos < 0:
            return None
        s, e = self.norm.span_to_original(pos, pos + len(cue))
        return Evidence(s, e, cue)


def features(doc: ParsedDocument, norm: NormalisedText) -> Features:
    """The normalised title, text, tail, addressees and markers the rules look at."""
    text = norm.text
    if doc.title is not None:
        title = normalise(doc.title.value).text
    else:
        title = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")[:80]
    return Features(
        title=title,
        text=text,
        tail=text.rstrip()[-200:],
        addressees=tuple(normalise(a.value).text for a in doc.addressees),
        markers=tuple((m.attribute, m.source) for m in doc.markers),
    )


class Classifier:
    """Rules + model, loaded once; :meth:`classify` is safe to call from many threads."""

    def __init__(self, rules: list[DisclosureRule], model: DisclosureModel | None) -> None:
        self.rules = rules
        self.model = model

    @classmethod
    def default(cls) -> Classifier:
        return cls(load_rules(), default_model())

    def classify(
        self, text: str, doc_id: str | None = None, screening: Any = None, screen: bool = False
    ) -> Classification:
        """Classify ``text``; ``screening`` is a ScreenResult, or ``screen=True`` runs one."""
        norm = normalise(text)
        doc = parse_document(text)
        feats = features(doc, norm)
        loc = _Locator(norm, doc.title.start if doc.title is not None else 0)
        prediction = self.model.predict(text) if self.model is not None else None
        hit = first_match(self.rules, feats)
        circ = weigh(feats.title, feats.text, feats.addressees)
        result = self._decide(doc, feats, loc, hit, prediction, circ)
        result.id = doc_id
        if _may_be_partial(result) and (part := withheld_part(norm, feats.title)) is not None:
            make_partial(result, part)
        topic = classify_topic(feats.title, feats.text)
        page_category = _gov_category(doc)
        result.topic, result.topic_gov = topic.topic, page_category or topic.gov_category
        result.topic_cues = list(topic.cues)
        result.topic_gov_cues = ["页面元数据“主题分类”"] if page_category else list(topic.gov_cues)
        with_sentences(result.evidence, text)
        if prediction is not None:
            result.model = {
                "label": prediction.label,
                "probability": round(prediction.probability, 3),
            }
        if screening is None and screen:
            from pipeline.screen import screen_text

            screening = screen_text(text)
        if screening is not None:
            apply_screening(result, screening)
            with_sentences(result.evidence, text)  # the items to mask, each in its sentence
        return result

    def _decide(
        self,
        doc: ParsedDocument,
        feats: Features,
        loc: _Locator,
        hit: tuple[DisclosureRule, list[tuple[str, str]]] | None,
        prediction: Prediction | None,
        circ: Circulation,
    ) -> Classification:
        if doc.markers:
            out = _from_marker(doc, loc, hit, prediction)
            if circ.internal and out.attribute in ("主动公开", "依申请公开"):
                cues = "、".join(f"“{s.cue}”" for s in circ.signals if s.weight > 0)
                out.notes.append(f"文件有内部流转的迹象（{cues}），但以文件标注为准")
            return out
        if circ.secrecy is not None and (hit is None or hit[0].reason_code != "国家秘密"):
            return secret(loc.norm, circ)
        withholding = hit is not None and hit[0].attribute == "不予公开"
        if circ.internal and not withholding:
            return internal(loc.norm, circ, hit, prediction)
        if hit is not None:
            rule, rule_cues = hit
            evidence = [
                Evidence(e.start, e.end, e.cue, basis=f"规则 {rule.id}：{rule.description}")
                for w, c in rule_cues
                if (e := loc.find(c, w)) is not None
            ]
            out = Classification(
                attribute=rule.attribute, reason_code=rule.reason_code, reason=rule.reason,
                article=rule.article, confidence=rule.confidence, evidence=evidence,
                decided_by=f"规则 {rule.id}", rule=rule.id,
            )  # fmt: skip
            if prediction is not None and _attribute(prediction.label) != rule.attribute:
                out.notes.append(
                    f"模型倾向“{prediction.label}”（{prediction.probability:.2f}），以规则为准"
                )
            return out
        if prediction is None:
            reason, article = reason_for("依申请公开", None)
            return Classification("依申请公开", None, reason, article, 0.3, decided_by="默认")
        attribute, code = _split(prediction.label)
        reason, article = reason_for(attribute, code)
        evidence = model_evidence(loc.norm, prediction.pulls, prediction.label)
        if not evidence and doc.title is not None:  # nothing stood out: the title is the cue
            evidence = [
                Evidence(doc.title.start, doc.title.end, doc.title.value, basis="模型：标题")
            ]
        out = Classification(
            attribute=attribute, reason_code=code, reason=f"{reason}（模型判断）", article=article,
            confidence=round(prediction.probability, 3), evidence=evidence, decided_by="模型",
        )  # fmt: skip
        if prediction.probability < LOW_CONFIDENCE:
            out.notes.append("没有明确标注或规则依据，模型置信度低，请人工确定公开属性")
        return out


def _may_be_partial(result: Classification) -> bool:
    """A stated withheld part makes a public or on-request document 部分公开, and outranks the
    model; a secrecy mark, internal circulation, a withholding rule and a reply to an applicant
    (which gives the applicant what may be given) keep their outcome."""
    if result.decided_by in ("密级", "内部流转") or result.rule == "DA-ON-REQUEST-APPLICANT":
        return False
    # a report read as process information by its form, but released with parts removed
    # (「（公开版）」「已作删除处理」): the agency has published it, so the removal decides
    return (
        result.attribute in ("主动公开", "依申请公开")
        or result.decided_by == "模型"
        or result.rule == "DA-PROCESS-REPORT"
    )


def _gov_category(doc: ParsedDocument) -> str | None:
    """The page's own 主题分类 when it names one of the 22 gov.cn categories."""
    value = doc.meta("主题分类")
    if not value:
        return None
    simplified = normalise(value).text.replace(" ", "")
    return next((c for c in GOV_CATEGORIES if simplified.startswith(c.replace(" ", ""))), None)


def _split(label: str) -> tuple[str, str | None]:
    attribute, _, code = label.partition("/")
    return attribute, code or None


def _attribute(label: str) -> str:
    return _split(label)[0]


def _from_marker(
    doc: ParsedDocument,
    loc: _Locator,
    hit: tuple[DisclosureRule, list[tuple[str, str]]] | None,
    prediction: Prediction | None,
) -> Classification:
    markers = sorted(doc.markers, key=lambda m: (_MARKER_PRIORITY.get(m.source, 3), m.start))
    primary = markers[0]
    attribute = primary.attribute
    code: str | None = None
    if attribute in ("不予公开", "部分公开"):  # why (part of) it is withheld
        if primary.source == "密级":
            code = "国家秘密"
        elif hit is not None and hit[0].attribute == "不予公开":
            code = hit[0].reason_code
        elif prediction is not None and _attribute(prediction.label) == "不予公开":
            code = _split(prediction.label)[1]
    reason, article = reason_for(attribute, code)
    if hit is not None and hit[0].attribute == attribute and hit[0].reason_code == code:
        reason, article = hit[0].reason, hit[0].article
    evidence = [
        Evidence(m.start, m.end, m.value, basis=f"文件自身的公开标注（{m.source}）：{m.attribute}")
        for m in markers
    ]
    out = Classification(
        attribute=attribute, reason_code=code,
        reason=f"文件标注“{primary.value}”（{primary.source}）；{reason}", article=article,
        confidence=0.99, evidence=evidence, decided_by="标注",
        rule=hit[0].id if hit is not None and hit[0].attribute == attribute else None,
    )  # fmt: skip
    stated = sorted({m.attribute for m in markers})
    if len(stated) > 1:
        out.conflicts.append(
            f"文件中的公开标注不一致：{'、'.join(stated)}，以“{primary.value}”为准"
        )
    if hit is not None and hit[0].attribute != attribute:
        rule = hit[0]
        out.conflicts.append(
            f"标注为“{attribute}”，但规则 {rule.id} 判定为“{rule.attribute}”（{rule.description}）"
        )
    return out


@cache
def default_classifier() -> Classifier:
    return Classifier.default()


def classify(
    text: str, screening: Any = None, doc_id: str | None = None, screen: bool = False
) -> Classification:
    """Classify one document with the shipped rules and model (see :class:`Classifier`)."""
    return default_classifier().classify(text, doc_id=doc_id, screening=screening, screen=screen)
