"""scripts/check_lock.py: the committed lock covers pyproject.toml, and drift is caught."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("check_lock", ROOT / "scripts" / "check_lock.py")
assert _spec and _spec.loader
check_lock = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_lock)

PYPROJECT = """
[project]
name = "x"
dependencies = ["numpy>=2.0", "PyYAML", "ray[data]>=2.9"]
[project.optional-dependencies]
dev = ["pytest>=8"]
ner = ["torch==2.13.0"]
"""
LOCK = """\
numpy==2.3.1 \\
    --hash=sha256:00
pyyaml==6.0.2 \\
    --hash=sha256:00
ray==2.49.0 \\
    --hash=sha256:00
pytest==8.4.1 \\
    --hash=sha256:00
torch==2.13.0+cpu \\
    --hash=sha256:00
"""


def _write(tmp_path: Path, pyproject: str, lock: str) -> tuple[Path, Path]:
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (tmp_path / "requirements.lock").write_text(lock, encoding="utf-8")
    return tmp_path / "pyproject.toml", tmp_path / "requirements.lock"


def test_the_committed_lock_covers_pyproject():
    assert check_lock.problems(ROOT / "pyproject.toml", ROOT / "requirements.lock") == []


def test_a_consistent_lock_passes(tmp_path: Path):
    assert check_lock.problems(*_write(tmp_path, PYPROJECT, LOCK)) == []


def test_a_new_dependency_missing_from_the_lock_is_named(tmp_path: Path):
    pyproject = PYPROJECT.replace('"PyYAML",', '"PyYAML", "regex>=2024.1",')
    found = check_lock.problems(*_write(tmp_path, pyproject, LOCK))
    assert found == ["regex: required by pyproject.toml, not pinned in requirements.lock"]


def test_a_pin_outside_the_specifier_is_named(tmp_path: Path):
    pyproject = PYPROJECT.replace("numpy>=2.0", "numpy>=2.4,<3")
    found = check_lock.problems(*_write(tmp_path, pyproject, LOCK))
    assert found == ["numpy: requirements.lock pins 2.3.1, pyproject.toml asks >=2.4,<3"]
    # the local version label of the CPU wheel does not break an exact pin
    assert check_lock.admits("==2.13.0", "2.13.0+cpu")
    assert not check_lock.admits("~=2.12.0", "2.13.0")
