"""Run zwgk recognizers inside Presidio's ``AnalyzerEngine`` (language ``"zh"``).

Each zwgk :class:`Recognizer` is wrapped in its own ``EntityRecognizer`` subclass
(``IdCardRecognizer`` → ``ZwgkIdCardRecognizer``) that normalises the text, runs the zwgk
recognizer with the exclusion pass, and returns ``RecognizerResult`` s in ORIGINAL offsets.

The NLP engine is spaCy's blank ``zh`` pipeline with the jieba segmenter, saved once to a
local directory (nothing is downloaded) plus a tiny component that copies each token's text
into ``lemma_`` so Presidio's lemma-based context enhancer has something to match.

Presidio and spaCy are imported here only; importing ``pipeline`` never loads them.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import spacy
from presidio_analyzer import (
    AnalysisExplanation,
    AnalyzerEngine,
    EntityRecognizer,
    LocalRecognizer,
    RecognizerRegistry,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine, NlpEngineProvider
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.detect.base import DetectContext, Recognizer
from pipeline.detect.engine import resolve_overlaps as resolve_detection_overlaps
from pipeline.detect.engine import to_original
from pipeline.document import Detection
from pipeline.normalise import normalise

LANGUAGE = "zh"
LEMMA_COMPONENT = "zwgk_text_as_lemma"
SPACY_CONFIG = {"nlp": {"tokenizer": {"segmenter": "jieba"}}}

ExclusionFinder = Callable[[str], list[tuple[int, int, str]]]


class _RegistryDefault:
    """Sentinel: use the registry's exclusion finder if the recognizers package has one."""

    def __repr__(self) -> str:
        return "REGISTRY_DEFAULT"


REGISTRY_DEFAULT: Any = _RegistryDefault()


# --- spaCy pipeline ---------------------------------------------------------------------


def _text_as_lemma(doc: Doc) -> Doc:
    """Blank pipelines have no lemmatizer: use the token text as its lemma."""
    for token in doc:
        token.lemma_ = token.text
    return doc


if not Language.has_factory(LEMMA_COMPONENT):
    Language.component(LEMMA_COMPONENT, func=_text_as_lemma)


def blank_zh() -> Language:
    """spaCy's blank Chinese pipeline, jieba-segmented, with text-as-lemma."""
    nlp = spacy.blank(LANGUAGE, config=SPACY_CONFIG)
    nlp.add_pipe(LEMMA_COMPONENT)
    return nlp


def default_spacy_dir() -> Path:
    """``$XDG_CACHE_HOME/zwgk/spacy_zh_jieba`` (``~/.cache/…`` when unset)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "zwgk" / "spacy_zh_jieba"


def _is_pipeline_dir(path: Path) -> bool:
    cfg = path / "config.cfg"
    if not cfg.is_file():
        return False
    text = cfg.read_text(encoding="utf-8")
    return LEMMA_COMPONENT in text and "jieba" in text


def ensure_spacy_zh(spacy_dir: str | Path | None = None) -> Path:
    """The directory holding the saved pipeline, written on first use."""
    target = Path(spacy_dir) if spacy_dir else default_spacy_dir()
    if _is_pipeline_dir(target):
        return target
    nlp = blank_zh()
    if target.exists():  # an empty or stale directory the caller chose: write into it
        nlp.to_disk(target)
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        nlp.to_disk(tmp)
        os.rename(tmp, target)  # atomic: concurrent first uses never see half a pipeline
    except OSError:
        if not _is_pipeline_dir(target):
            raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def zh_nlp_engine(spacy_dir: str | Path | None = None) -> NlpEngine:
    """Presidio's ``SpacyNlpEngine`` over the saved blank ``zh`` + jieba pipeline."""
    path = ensure_spacy_zh(spacy_dir)
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": LANGUAGE, "model_name": str(path)}],
        }
    )
    return provider.create_engine()


# --- recognizers --------------------------------------------------------------------------


def registry_exclusion_finder() -> ExclusionFinder | None:
    """The registry's exclusion finder, or ``None`` while the recognizers don't exist."""
    from pipeline.detect.registry import default_exclusion_finder

    try:
        finder: ExclusionFinder = default_exclusion_finder()
        return finder
    except ModuleNotFoundError as exc:
        if (exc.name or "").startswith("pipeline.detect.recognizers"):
            return None
        raise


class ZwgkEntityRecognizer(LocalRecognizer):
    """Base of the per-recognizer wrappers; see :func:`presidio_recognizer_for`."""

    def __init__(
        self, recognizer: Recognizer, exclusion_finder: ExclusionFinder | None = None
    ) -> None:
        self.zwgk = recognizer
        self.exclusion_finder = exclusion_finder
        super().__init__(supported_entities=list(recognizer.entities), supported_language=LANGUAGE)

    def load(self) -> None:
        """Nothing to load: zwgk recognizers are ready when constructed."""

    def _context(self, text: str, nlp_artifacts: NlpArtifacts | None) -> DetectContext:
        """One DetectContext per text, shared by the wrappers of one ``analyze`` call.

        Presidio hands every recognizer the same ``nlp_artifacts``; the context rides on it,
        so normalisation, exclusions and rjieba tokens are computed once per call, exactly
        as in :class:`~pipeline.detect.engine.DetectionEngine`.
        """
        key = (text, id(self.exclusion_finder))
        cache_: dict[tuple[str, int], DetectContext] | None = None
        if nlp_artifacts is not None:
            cache_ = nlp_artifacts.__dict__.setdefault("_zwgk_contexts", {})
            if key in cache_:
                return cache_[key]
        ctx = DetectContext(normalise(text))
        if self.exclusion_finder is not None:
            ctx.exclusions = self.exclusion_finder(ctx.text)
        if cache_ is not None:
            cache_[key] = ctx
        return ctx

    def analyze(
        self,
        text: str,
        entities: list[str] | None,
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        """Run the zwgk recognizer; results carry ORIGINAL offsets and zwgk explanations."""
        ctx = self._context(text, nlp_artifacts)
        wanted = set(entities) if entities else None
        results: list[RecognizerResult] = []
        for det in self.zwgk.analyze(ctx):
            if wanted is not None and det.entity not in wanted:
                continue
            found = to_original(ctx.source, det)
            # Presidio annotates these optional fields as plain ``str``/``bool``
            optional: dict[str, Any] = {
                "validation_result": found.attrs.get("validated"),
                "textual_explanation": found.explanation or None,
            }
            explanation = AnalysisExplanation(
                recognizer=found.recognizer or self.zwgk.name,
                original_score=found.score,
                **optional,
            )
            metadata = {
                RecognizerResult.RECOGNIZER_NAME_KEY: type(self).__name__,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                "zwgk_recognizer": found.recognizer or self.zwgk.name,
                "zwgk_attrs": found.attrs,
            }
            results.append(
                RecognizerResult(
                    found.entity, found.start, found.end, found.score, explanation, metadata
                )
            )
        return results


@cache
def _wrapper_class(zwgk_class: type[Recognizer]) -> type[ZwgkEntityRecognizer]:
    name = f"Zwgk{zwgk_class.__name__}"
    doc = f"Presidio wrapper around zwgk's ``{zwgk_class.__name__}``."
    return type(name, (ZwgkEntityRecognizer,), {"__doc__": doc, "__module__": __name__})


def presidio_recognizer_for(
    recognizer: Recognizer, exclusion_finder: ExclusionFinder | None = REGISTRY_DEFAULT
) -> EntityRecognizer:
    """A Presidio ``EntityRecognizer`` (class ``Zwgk<Name>``) running ``recognizer``.

    ``exclusion_finder`` defaults to the registry's; pass ``None`` to skip exclusions.
    """
    if exclusion_finder is REGISTRY_DEFAULT:
        exclusion_finder = registry_exclusion_finder()
    return _wrapper_class(type(recognizer))(recognizer, exclusion_finder)


def resolve_result_overlaps(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Drop results that lose an overlap under zwgk's policy (as ``DetectionEngine`` does).

    Presidio itself only removes a result contained in another of the SAME entity; zwgk keeps
    the best of any overlapping identifiers (score, then length), e.g. a PERSON inside an
    ADDRESS goes. Sensitive categories never compete with identifiers.
    """
    dets = [Detection(r.entity_type, r.start, r.end, r.score, "") for r in results]
    kept = {id(d) for d in resolve_detection_overlaps(dets)}
    return [r for r, d in zip(results, dets, strict=True) if id(d) in kept]


class ZwgkAnalyzerEngine(AnalyzerEngine):
    """An ``AnalyzerEngine`` whose results then go through :func:`resolve_result_overlaps`."""

    def analyze(self, *args: Any, **kwargs: Any) -> list[RecognizerResult]:
        return resolve_result_overlaps(super().analyze(*args, **kwargs))


def build_analyzer_engine(
    recognizers: Sequence[Recognizer | EntityRecognizer] | None = None,
    spacy_dir: str | Path | None = None,
    exclusion_finder: ExclusionFinder | None = REGISTRY_DEFAULT,
    resolve_overlaps: bool = True,
) -> AnalyzerEngine:
    """An ``AnalyzerEngine`` for ``"zh"`` over zwgk recognizers (default: the full set).

    Presidio ``EntityRecognizer`` s in ``recognizers`` are registered as they are. With
    ``resolve_overlaps`` (default) the engine is a :class:`ZwgkAnalyzerEngine`, so its results
    equal ``DetectionEngine.detect``; without it, a plain ``AnalyzerEngine``.
    """
    if recognizers is None:
        from pipeline.detect.registry import default_recognizers

        recognizers = default_recognizers(with_model=False)  # the model needs ctx.found
    if not recognizers:
        raise ValueError("至少需要一个识别器")
    if exclusion_finder is REGISTRY_DEFAULT:
        exclusion_finder = registry_exclusion_finder()
    wrapped = [
        r if isinstance(r, EntityRecognizer) else presidio_recognizer_for(r, exclusion_finder)
        for r in recognizers
    ]
    registry = RecognizerRegistry(recognizers=wrapped, supported_languages=[LANGUAGE])
    engine_class = ZwgkAnalyzerEngine if resolve_overlaps else AnalyzerEngine
    return engine_class(
        registry=registry, nlp_engine=zh_nlp_engine(spacy_dir), supported_languages=[LANGUAGE]
    )
