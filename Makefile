# Breathing Room. Two commands matter: `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: serve build lint test bench clean

# The virtual environment, re-made whenever a requirements file changes.
$(STAMP): requirements.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $(STAMP)

## serve: live preview on http://127.0.0.1:8000/breathing-room/
serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

## build: strict build into site/; a failed build leaves the previous site/ untouched
build: $(STAMP)
	rm -rf site.tmp
	$(BIN)/mkdocs build --strict --site-dir site.tmp
	rm -rf site && mv site.tmp site

# The Node lint tools pinned in package-lock.json, re-installed whenever the lock file changes.
NODE_STAMP := node_modules/.installed
# Node.js 18.18+ and npm: Debian's packages, installed for you when you are root and have none.
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
	  && echo "No npm: installing Debian's nodejs and npm packages." >&2 && apt-get update -qq \
	  && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >&2; } \
	  || { echo "make lint needs Node.js 18.18+ and npm (Debian/Ubuntu: apt-get install nodejs npm)." >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

## lint: ruff (lint and format), mypy strict, eslint and tsc's JSDoc type check; all must be clean
lint: $(STAMP) $(NODE_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	node_modules/.bin/eslint .
	node_modules/.bin/tsc -p tsconfig.json
	node_modules/.bin/tsc -p tsconfig.node.json

## test: lint, then unit, build and real-browser tests (finds or installs a Chromium first)
test: lint
	CHROMIUM="$$($(BIN)/python -m tests.support.browsers chromium)" $(BIN)/python -m pytest

## bench: build speed, page weight, pacer timing, main-thread cost, Lighthouse
bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf site site.tmp .pytest_cache .mypy_cache .ruff_cache
