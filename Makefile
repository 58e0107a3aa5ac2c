# The two quickstart commands: `make demo` and `make test`. Each sets itself up, idempotently:
# a virtual environment in .venv, the project and its dependencies, the workspace's web assets
# (npm packages installed when package-lock.json changed, the bundle rebuilt when a source
# changed), and (at first use, by the `relgraph` CLI itself) Neo4j Community from Maven
# Central into the user cache directory. `make test` also needs Chromium for the browser tests.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed
WEB := api/web
WEB_DEPS := $(WEB)/node_modules/.installed
WEB_BUILT := $(WEB)/dist/BUILT
WEB_SOURCES := $(shell find $(WEB)/src -type f) $(WEB)/build.mjs $(WEB)/tsconfig.json
# As root (CI, a fresh machine) a missing tool is installed from Debian's packages.
APT_INSTALL := apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq

.PHONY: demo test web browser lint bench clean

$(STAMP): pyproject.toml
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(WEB_DEPS): $(WEB)/package.json $(WEB)/package-lock.json
	@command -v npm >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && $(APT_INSTALL) nodejs npm; } || \
	  { echo "Node.js and npm are needed to build the workspace (apt-get install nodejs npm)" >&2; exit 1; }
	cd $(WEB) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(WEB_BUILT): $(WEB_DEPS) $(WEB_SOURCES)
	cd $(WEB) && npm run --silent typecheck && npm run --silent build

web: $(WEB_BUILT)

browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { [ "$$(id -u)" = 0 ] && $(APT_INSTALL) chromium; } || \
	  echo "The browser tests need Chromium (apt-get install chromium); without it they fail under CI=true, else skip." >&2

demo: $(STAMP) $(WEB_BUILT)
	$(VENV)/bin/relgraph demo

test: $(STAMP) $(WEB_BUILT) browser
	$(VENV)/bin/relgraph db fetch
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/mypy --explicit-package-bases tests
	$(VENV)/bin/python -m pytest

clean:
	rm -rf $(VENV) .relgraph .pytest_cache .mypy_cache .ruff_cache $(WEB)/node_modules $(WEB)/dist
