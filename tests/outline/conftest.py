"""Fixtures for the outline tests: policy documents written for these tests (never ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "outline"


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def subsidy() -> str:
    return read("subsidy_2024.txt")


@pytest.fixture(scope="session")
def subsidy_old() -> str:
    return read("subsidy_2021.txt")


@pytest.fixture(scope="session")
def traditional() -> str:
    return read("open_gov_traditional.txt")


@pytest.fixture(scope="session")
def task_plan() -> str:
    return read("task_plan.txt")
