"""Classify stage: the disclosure attribute (公开属性) of a document, with reason, article of
the 2019 条例, topic and evidence; see docs/classify.md.

``classify(text, screening=None) -> Classification`` (``.to_dict()`` for JSON).
"""

from pipeline.classify.classifier import Classifier, classify, default_classifier
from pipeline.classify.result import Classification, Evidence

__all__ = ["Classification", "Classifier", "Evidence", "classify", "default_classifier"]
