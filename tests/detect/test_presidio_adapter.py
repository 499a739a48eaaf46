"""zwgk recognizers inside Presidio's AnalyzerEngine, over spaCy blank zh + jieba."""

from __future__ import annotations

import inspect
import re

import pytest
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer

from pipeline.detect import presidio_adapter, registry
from pipeline.detect.base import DetectContext, Recognizer
from pipeline.detect.engine import DetectionEngine
from pipeline.detect.presidio_adapter import (
    build_analyzer_engine,
    ensure_spacy_zh,
    presidio_recognizer_for,
)
from pipeline.document import Detection

_MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")


class MobileTestRecognizer(Recognizer):
    """Mobile numbers on normalised text, skipping excluded spans."""

    name = "mobile_test"
    entities = ("MOBILE",)

    def analyze(self, ctx: DetectContext) -> list[Detection]:
        return [
            Detection("MOBILE", m.start(), m.end(), 0.9, self.name, "11位手机号码", {"cue_at": 0})
            for m in _MOBILE.finditer(ctx.text)
            if not ctx.excluded(m.start(), m.end())
        ]


class TwoEntityRecognizer(Recognizer):
    """Finds 'QQ' + digits as QQ and 'X' + digits as WECHAT (for the entity filter)."""

    name = "two_entity_test"
    entities = ("QQ", "WECHAT")

    def analyze(self, ctx: DetectContext) -> list[Detection]:
        out = [
            Detection("QQ", m.start(), m.end(), 0.7, self.name)
            for m in re.finditer(r"QQ[0-9]{5,}", ctx.text)
        ]
        out += [
            Detection("WECHAT", m.start(), m.end(), 0.7, self.name)
            for m in re.finditer(r"wx[0-9]{5,}", ctx.text)
        ]
        return out


@pytest.fixture(scope="module")
def spacy_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(ensure_spacy_zh(tmp_path_factory.mktemp("spacy") / "zh_jieba"))


@pytest.fixture(scope="module")
def engine(spacy_dir: str):  # type: ignore[no-untyped-def]
    return build_analyzer_engine([MobileTestRecognizer()], spacy_dir, exclusion_finder=None)


def test_full_width_mobile_comes_back_in_original_offsets(engine) -> None:  # type: ignore[no-untyped-def]
    text = "联系电话:１３８１２３４５６７８"
    results = engine.analyze(text=text, language="zh", return_decision_process=True)
    assert len(results) == 1
    (res,) = results
    assert (res.entity_type, res.start, res.end) == ("MOBILE", 5, 16)
    assert text[res.start : res.end] == "１３８１２３４５６７８"
    assert res.score == pytest.approx(0.9)
    expl = res.analysis_explanation
    assert expl.textual_explanation == "11位手机号码"
    assert expl.recognizer == "mobile_test"
    assert expl.original_score == pytest.approx(0.9)
    assert res.recognition_metadata["recognizer_name"] == "ZwgkMobileTestRecognizer"


def test_spaced_mobile_and_attrs_map_back(engine) -> None:  # type: ignore[no-untyped-def]
    text = "请拨打\u200b138 1234 5678咨询"
    (res,) = engine.analyze(text=text, language="zh", return_decision_process=True)
    assert text[res.start : res.end] == "138 1234 5678"
    assert res.recognition_metadata["zwgk_attrs"] == {"cue_at": 0}


def test_wrapper_is_an_entity_recognizer_named_after_the_zwgk_class() -> None:
    rec = presidio_recognizer_for(MobileTestRecognizer(), exclusion_finder=None)
    assert isinstance(rec, EntityRecognizer)
    assert type(rec).__name__ == "ZwgkMobileTestRecognizer"
    assert rec.name == "ZwgkMobileTestRecognizer"
    assert rec.supported_language == "zh"
    assert rec.supported_entities == ["MOBILE"]
    # one class per zwgk recognizer class
    again = presidio_recognizer_for(MobileTestRecognizer(), exclusion_finder=None)
    assert type(again) is type(rec)
    # usable without an engine too
    found = rec.analyze("手机１３９００００１１１１", ["MOBILE"], None)
    assert [(r.start, r.end) for r in found] == [(2, 13)]


def test_nlp_artifacts_carry_jieba_tokens_with_text_lemmas(engine) -> None:  # type: ignore[no-untyped-def]
    artifacts = engine.nlp_engine.process_text("申请人住在北京市海淀区", "zh")
    words = [t.text for t in artifacts.tokens]
    assert "北京市" in words and "海淀区" in words  # jieba words, not single characters
    assert artifacts.lemmas == words


def test_context_enhancer_fires_on_chinese_context_words(spacy_dir: str) -> None:
    plain = PatternRecognizer(
        supported_entity="MOBILE",
        supported_language="zh",
        patterns=[Pattern("mobile", r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])", 0.3)],
        context=["电话"],
    )
    eng = build_analyzer_engine([plain], spacy_dir, exclusion_finder=None)
    (with_cue,) = eng.analyze(text="联系电话 13812345678", language="zh")
    (without,) = eng.analyze(text="编号 13812345678", language="zh")
    assert with_cue.score > without.score == pytest.approx(0.3)


def test_exclusions_apply_and_context_is_built_once_per_call(spacy_dir: str) -> None:
    calls: list[str] = []

    def exclude_hotline(text: str) -> list[tuple[int, int, str]]:
        calls.append(text)
        return [(m.start(), m.end(), "热线") for m in re.finditer(r"热线13800000000", text)]

    eng = build_analyzer_engine(
        [MobileTestRecognizer(), TwoEntityRecognizer()], spacy_dir, exclusion_finder=exclude_hotline
    )
    text = "热线１３８０００００００００,本人13912345678,QQ123456"
    results = eng.analyze(text=text, language="zh")
    spans = sorted((r.entity_type, text[r.start : r.end]) for r in results)
    assert spans == [("MOBILE", "13912345678"), ("QQ", "QQ123456")]
    assert len(calls) == 1  # two recognizers, one normalisation + exclusion pass


def test_entity_filter(spacy_dir: str) -> None:
    eng = build_analyzer_engine([TwoEntityRecognizer()], spacy_dir, exclusion_finder=None)
    text = "QQ123456 wx654321"
    assert [r.entity_type for r in eng.analyze(text=text, language="zh", entities=["WECHAT"])] == [
        "WECHAT"
    ]


class SpanRecognizer(Recognizer):
    """Fixed spans, to test overlap handling."""

    name = "span_test"
    entities = ("PERSON", "ADDRESS", "HEALTH")

    def analyze(self, ctx: DetectContext) -> list[Detection]:
        text = ctx.text
        out = []
        for entity, value, score in (
            ("ADDRESS", "江西路8号", 0.8),
            ("PERSON", "江西", 0.5),
            ("HEALTH", "江西路8号患者", 0.6),
        ):
            i = text.find(value)
            out.append(Detection(entity, i, i + len(value), score, self.name))
        return out


def test_overlaps_resolved_like_the_detection_engine(spacy_dir: str) -> None:
    text = "住在江西路8号患者"
    rec = SpanRecognizer()
    expected = {(d.entity, d.start, d.end) for d in DetectionEngine([rec]).detect(text)}
    assert expected == {("ADDRESS", 2, 7), ("HEALTH", 2, 9)}
    eng = build_analyzer_engine([rec], spacy_dir, exclusion_finder=None)
    assert {(r.entity_type, r.start, r.end) for r in eng.analyze(text, "zh")} == expected
    raw = build_analyzer_engine([rec], spacy_dir, exclusion_finder=None, resolve_overlaps=False)
    assert {(r.entity_type, r.start, r.end) for r in raw.analyze(text, "zh")} == expected | {
        ("PERSON", 2, 4)
    }


def test_pipeline_dir_is_written_once_and_reused(spacy_dir: str) -> None:
    cfg = (ensure_spacy_zh(spacy_dir) / "config.cfg").read_text(encoding="utf-8")
    assert presidio_adapter.LEMMA_COMPONENT in cfg and "jieba" in cfg
    assert str(ensure_spacy_zh(spacy_dir)) == spacy_dir


# --- the real recognizer set ----------------------------------------------------------------


def _importorskip_registry_recognizers() -> None:
    """Skip while the recognizer modules the registry names don't exist yet (and only then)."""
    source = inspect.getsource(registry.default_recognizers) + inspect.getsource(
        registry.default_exclusion_finder
    )
    for module in sorted(
        set(re.findall(r"from (pipeline\.detect\.recognizers\.\w+) import", source))
    ):
        pytest.importorskip(module)


def _with_check_digit(first17: str) -> str:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(first17, weights, strict=True))
    return first17 + "10X98765432"[total % 11]


def test_default_set_through_presidio_matches_detection_engine(spacy_dir: str) -> None:
    _importorskip_registry_recognizers()
    id_number = _with_check_digit("11010519800312041")
    text = (
        f"关于张伟同志申请公开政府信息的答复\n申请人身份证号码:{id_number},"
        "联系电话:１３９１２３４５６７８,住址:安徽省六安市金安区梅山南路12号。"
        "我机关已于2023年5月8日收到您的申请。"
    )
    expected = DetectionEngine(
        registry.default_recognizers(with_model=False), registry.default_exclusion_finder()
    ).detect(text)
    eng = build_analyzer_engine(spacy_dir=spacy_dir)
    got = eng.analyze(text=text, language="zh")
    spans = {(d.entity, d.start, d.end) for d in expected}
    assert {(r.entity_type, r.start, r.end) for r in got} == spans
    found = {(e, text[s:t]) for e, s, t in spans}
    assert ("ID_CARD", id_number) in found
    assert ("MOBILE", "１３９１２３４５６７８") in found
