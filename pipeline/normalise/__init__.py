"""Normalise stage: matching-friendly text plus an exact map back to the original."""

from pipeline.normalise.offset_map import OffsetMap
from pipeline.normalise.text_normaliser import NormalisedText, normalise

__all__ = ["NormalisedText", "OffsetMap", "normalise"]
