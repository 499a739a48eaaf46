"""The systems zwgk is measured against: a Presidio baseline and JioNLP's extractors.

Each factory returns ``analyze(text) -> list[str]`` (the entity label of every hit), so the
harness times all systems the same way.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

Analyze = Callable[[str], list[str]]

_DIGIT_L, _DIGIT_R = r"(?<![0-9])", r"(?![0-9])"
_ID = (
    _DIGIT_L + r"[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
    r"[0-9]{3}[0-9Xx](?![0-9Xx])"
)
_MOBILE = _DIGIT_L + r"(?:\+?86[- ]?)?1[3-9][0-9]{9}" + _DIGIT_R
_LANDLINE = _DIGIT_L + r"(?:\(0[1-9][0-9]{1,2}\)|0[1-9][0-9]{1,2}-)[2-9][0-9]{6,7}" + _DIGIT_R
_EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
_BANK = _DIGIT_L + r"(?:62|4|5)[0-9]{14,17}" + _DIGIT_R
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _id_valid(value: str) -> bool:
    total = sum(int(d) * w for d, w in zip(value[:17], _ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11] == value[17].upper()


def _luhn_valid(value: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(value)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def presidio_baseline(spacy_dir: str | None = None) -> Analyze:
    """AnalyzerEngine over spaCy blank zh + jieba: five Chinese patterns + an rjieba name tagger.

    The NLP engine is the one zwgk's adapter builds (``presidio_adapter.zh_nlp_engine``): a
    saved blank ``zh`` pipeline with jieba segmentation and text-as-lemma, so Presidio's
    context enhancer works with the Chinese context words below.
    """
    import rjieba
    from presidio_analyzer import (
        AnalysisExplanation,
        AnalyzerEngine,
        LocalRecognizer,
        Pattern,
        PatternRecognizer,
        RecognizerRegistry,
        RecognizerResult,
    )

    from pipeline.detect.presidio_adapter import zh_nlp_engine

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)

    class ChecksumPatternRecognizer(PatternRecognizer):
        def __init__(self, check: Callable[[str], bool], **kwargs) -> None:  # type: ignore[no-untyped-def]
            self._check = check
            super().__init__(**kwargs)

        def validate_result(self, pattern_text: str) -> bool | None:
            return self._check(pattern_text)

    class RjiebaNameRecognizer(LocalRecognizer):
        """``nr`` (person name) tokens from rjieba's POS tagger → PERSON."""

        def load(self) -> None:
            pass

        def analyze(self, text, entities, nlp_artifacts=None):  # type: ignore[no-untyped-def]
            results, pos = [], 0
            for word, flag in rjieba.tag(text):
                end = pos + len(word)
                if flag == "nr" and len(word) > 1:
                    expl = AnalysisExplanation(self.name, 0.5, textual_explanation="rjieba nr")
                    results.append(RecognizerResult("PERSON", pos, end, 0.5, expl))
                pos = end
            return results

    def pattern(entity: str, regex: str, score: float, context: list[str], check=None):  # type: ignore[no-untyped-def]
        kwargs = dict(
            supported_entity=entity,
            supported_language="zh",
            patterns=[Pattern(entity.lower(), regex, score)],
            context=context,
        )
        if check is None:
            return PatternRecognizer(**kwargs)
        return ChecksumPatternRecognizer(check, **kwargs)

    recognizers = [
        pattern("ID_CARD", _ID, 0.6, ["身份证", "证件", "公民身份"], _id_valid),
        pattern("MOBILE", _MOBILE, 0.5, ["手机", "电话", "联系"]),
        pattern("LANDLINE", _LANDLINE, 0.4, ["电话", "座机", "联系"]),
        pattern("EMAIL", _EMAIL, 0.6, ["邮箱", "邮件"]),
        pattern("BANK_CARD", _BANK, 0.3, ["银行", "卡号", "账号", "开户"], _luhn_valid),
        RjiebaNameRecognizer(supported_entities=["PERSON"], supported_language="zh"),
    ]
    engine = AnalyzerEngine(
        registry=RecognizerRegistry(recognizers, supported_languages=["zh"]),
        nlp_engine=zh_nlp_engine(spacy_dir),
        supported_languages=["zh"],
    )

    def analyze(text: str) -> list[str]:
        return [r.entity_type for r in engine.analyze(text=text, language="zh")]

    return analyze


def jionlp_extractors() -> Analyze:
    """JioNLP's rule-based extractors for the identifiers it covers (no names, no cards)."""
    import jionlp as jio

    extractors = {
        "ID_CARD": jio.extract_id_card,
        "PHONE": jio.extract_phone_number,  # detail carries cell_phone / landline_phone
        "EMAIL": jio.extract_email,
        "IP_ADDRESS": jio.extract_ip_address,
        "QQ": jio.extract_qq,
        "WECHAT": jio.extract_wechat_id,
        "LICENSE_PLATE": jio.extract_motor_vehicle_licence_plate,
    }
    phone_types = {"cell_phone": "MOBILE", "landline_phone": "LANDLINE"}

    def analyze(text: str) -> list[str]:
        labels: list[str] = []
        for label, extract in extractors.items():
            for hit in extract(text, detail=True):
                labels.append(phone_types.get(hit.get("type", ""), label))
        return labels

    return analyze


def zwgk_screen() -> Analyze:
    """zwgk's full screen (normalise → detect → decide → redact); ImportError if not there."""
    from pipeline.screen import screen_text

    screen_text("测试")  # load the recognizers and rule packs now: missing parts fail here

    def analyze(text: str) -> list[str]:
        return [f.entity for f in screen_text(text).findings]

    return analyze


def zwgk_rules_only() -> Analyze:
    """zwgk's full screen without the NER cascade (``ZWGK_NER=0``): the rules alone."""
    os.environ["ZWGK_NER"] = "0"
    return zwgk_screen()


def zwgk_via_presidio() -> Analyze:
    """zwgk's recognizers inside Presidio's ``AnalyzerEngine`` (detect only, no decisions).

    Measures what the Presidio engine adds on top of the same recognizers: the spaCy
    pipeline, NLP artifacts and result bookkeeping.
    """
    from pipeline.detect.presidio_adapter import build_analyzer_engine

    engine = build_analyzer_engine()
    engine.analyze(text="测试", language="zh")

    def analyze(text: str) -> list[str]:
        return [r.entity_type for r in engine.analyze(text=text, language="zh")]

    return analyze
