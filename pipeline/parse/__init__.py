"""Parse stage: the structure of an official document (公文) with offsets into the original.

``parse_document(text) -> ParsedDocument`` (``.to_dict()`` for JSON); see docs/parse.md.
"""

from pipeline.parse.model import ParsedDocument
from pipeline.parse.parser import parse_document

__all__ = ["ParsedDocument", "parse_document"]
