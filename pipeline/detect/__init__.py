"""Detect stage: recognizers find candidate personal information in normalised text."""
