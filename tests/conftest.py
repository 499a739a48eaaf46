"""Suite-wide settings: every test starts from the same random state, whatever ran before it."""

import importlib.util
import random
import sys

import pytest

_HAS_TORCH = importlib.util.find_spec("torch") is not None


@pytest.fixture(autouse=True)
def _seeded() -> None:
    """Seed Python's, NumPy's and (where installed) torch's global generators before each test."""
    random.seed(0)
    if "numpy" in sys.modules or importlib.util.find_spec("numpy") is not None:
        import numpy as np

        np.random.seed(0)
    if _HAS_TORCH:
        import torch

        torch.manual_seed(0)
