# The two quickstart commands: `make demo` and `make test`. Each sets itself up, idempotently:
# a virtual environment in .venv, the project and its dependencies, and (at first use, by the
# `relgraph` CLI itself) Neo4j Community from Maven Central into the user cache directory.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/relgraph demo

test: $(STAMP)
	$(VENV)/bin/relgraph db fetch
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/mypy --explicit-package-bases tests
	$(VENV)/bin/python -m pytest

clean:
	rm -rf $(VENV) .relgraph .pytest_cache .mypy_cache .ruff_cache
