"""Notebook runs under pytest write their figures to a temporary folder, not to tracked files."""

import os
import tempfile


def pytest_configure(config: object) -> None:
    """Point NER_FIGURE_DIR at a fresh temporary folder unless the caller chose one."""
    os.environ.setdefault("NER_FIGURE_DIR", tempfile.mkdtemp(prefix="zwgk-notebook-"))
