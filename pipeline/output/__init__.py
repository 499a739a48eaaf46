"""Output stage: how results are shown to people (console tables) and machines (JSON)."""
