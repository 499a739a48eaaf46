# zwgk — the two commands that matter: `make run` and `make test`.
# Both build .venv from requirements.lock (every package pinned with its sha256), so a fresh
# clone installs exactly what CI tested; `make lock` refreshes the lock after pyproject.toml
# changes, and setup refuses a lock that no longer covers pyproject.toml.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCKENV := .lockenv

.PHONY: setup run test test-shuffled lint bench eval lock clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	$(PY) scripts/check_lock.py
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --require-hashes -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: setup
	$(BIN)/zwgk screen examples/disclosure_reply.txt examples/subsidy_publicity.html; test $$? -le 2
	$(BIN)/zwgk redact examples/disclosure_reply.txt -o -

# fixed order; `make test-shuffled` runs the same suite in a random order whose seed it
# prints (`make test-shuffled SEED=N` repeats that order)
test: setup
	$(BIN)/python -m pytest -p no:randomly

test-shuffled: setup
	$(eval SEED ?= $(shell $(PY) -c 'import random; print(random.randrange(2**31))'))
	@echo "test order: pytest-randomly seed $(SEED)"
	$(BIN)/python -m pytest -p randomly --randomly-seed=$(SEED)

lint: setup
	$(BIN)/ruff check pipeline api tests benchmarks scripts examples
	$(BIN)/ruff format --check pipeline api tests benchmarks scripts examples
	$(BIN)/mypy

bench: setup
	$(BIN)/python -m pip install -q -e '.[dev,bench]'
	$(BIN)/python benchmarks/bench_screen.py

eval: setup
	$(BIN)/zwgk eval-screen tests/fixtures/labelled

# Re-resolve requirements.lock from pyproject.toml (extras dev and ner, CPU torch from the
# local wheel directory); versions already in the lock are kept unless pyproject.toml needs
# others. Upgrade one package: make lock UPGRADE=numpy
lock:
	test -x $(LOCKENV)/bin/uv || { $(PY) -m venv $(LOCKENV) && $(LOCKENV)/bin/pip install -q 'uv==0.13.9'; }
	$(LOCKENV)/bin/uv pip compile pyproject.toml --extra dev --extra ner --generate-hashes \
	  --python-version 3.11.5 --find-links $${PIP_FIND_LINKS:-/opt/wheels} --no-emit-find-links \
	  $(if $(UPGRADE),--upgrade-package $(UPGRADE)) -o requirements.lock
	$(PY) scripts/check_lock.py

clean:
	rm -rf $(VENV) $(LOCKENV) build *.egg-info
