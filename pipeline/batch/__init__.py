"""Batch stage: one per-batch function and the runners that call it."""
