"""Redact stage: masked forms applied at original offsets (text, HTML, DOCX)."""

from pipeline.redact.maskers import mask
from pipeline.redact.text_redactor import redact_text, replacements

__all__ = ["mask", "redact_text", "replacements"]
