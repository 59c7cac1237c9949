# Set-up is part of every target, so `make serve` and `make test` work on a fresh machine.
VENV    := .venv
BIN     := $(VENV)/bin
PYTHON  ?= python3

.PHONY: serve test setup browser clean

serve: setup
	$(BIN)/esgkg serve

test: setup browser
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

setup: $(VENV)/.installed webapp/static/dist/.built

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

# The explorer's front end: npm packages pinned by package-lock.json, bundled by esbuild into
# webapp/static/dist (not committed); rebuilt when the lock file or a source file changes.
FRONTEND_SRC := $(wildcard webapp/static/src/*)

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

webapp/static/dist/.built: node_modules/.installed $(FRONTEND_SRC) ontology/kinds.json
	npm run --silent build

# Debian's chromium for the browser tests (Playwright's own browser download fails here).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

clean:
	rm -rf $(VENV) esgkg-data node_modules webapp/static/dist
