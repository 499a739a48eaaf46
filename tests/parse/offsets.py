"""Walk every element of a parsed document and check its offsets against the original."""

from __future__ import annotations

from typing import Any


def spans(obj: Any, path: str = "doc") -> list[tuple[str, dict[str, Any]]]:
    """Every dict with start/end/text in a ``to_dict()`` tree, with its path."""
    out: list[tuple[str, dict[str, Any]]] = []
    if isinstance(obj, dict):
        if {"start", "end", "text"} <= set(obj):
            out.append((path, obj))
        for key, value in obj.items():
            out.extend(spans(value, f"{path}.{key}"))
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            out.extend(spans(value, f"{path}[{i}]"))
    return out


def assert_offsets(original: str, parsed: dict[str, Any]) -> int:
    """original[start:end] == text for every element; returns how many were checked."""
    checked = 0
    for path, el in spans(parsed):
        assert 0 <= el["start"] <= el["end"] <= len(original), path
        assert original[el["start"] : el["end"]] == el["text"], path
        checked += 1
    return checked
