# pactgraph — every target creates .venv itself when it is missing.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test test-slow lint format ontology-check clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## setup: install pactgraph and its development tools into .venv
setup: $(STAMP)

## run: install, check the model, load the examples into the embedded store and serve the API
run: $(STAMP)
	$(BIN)/pactgraph ontology check
	$(BIN)/pactgraph load examples/
	$(BIN)/pactgraph serve

## test: the default test suite (fast; services it needs are started by the tests)
test: $(STAMP)
	$(BIN)/python -m pytest -m "not slow" -q

## test-slow: suites that start external servers (Oxigraph server, Virtuoso) or run long
test-slow: $(STAMP)
	$(BIN)/python -m pytest -m slow -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) pactgraph-data build *.egg-info
