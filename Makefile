# Set-up is part of every target, so `make serve` and `make test` work on a fresh machine.
VENV    := .venv
BIN     := $(VENV)/bin
PYTHON  ?= python3

.PHONY: serve test setup browser clean

serve: setup
	$(BIN)/esgkg serve

test: setup browser
	$(BIN)/python -m pytest -q

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

# Debian's chromium for the browser tests (Playwright's own browser download fails here).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

clean:
	rm -rf $(VENV) esgkg-data
