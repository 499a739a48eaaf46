# zwgk — the two commands that matter: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint bench eval clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,ner]'
	touch $(STAMP)

run: setup
	$(BIN)/zwgk screen examples/disclosure_reply.txt examples/subsidy_publicity.html; test $$? -le 2
	$(BIN)/zwgk redact examples/disclosure_reply.txt -o -

test: setup
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check pipeline api tests benchmarks scripts examples
	$(BIN)/ruff format --check pipeline api tests benchmarks scripts examples
	$(BIN)/mypy

bench: setup
	$(BIN)/python -m pip install -q -e '.[dev,bench]'
	$(BIN)/python benchmarks/bench_screen.py

eval: setup
	$(BIN)/zwgk eval-screen tests/fixtures/labelled

clean:
	rm -rf $(VENV) build *.egg-info
