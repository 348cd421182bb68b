# Breathing Room. Two commands matter: `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Zensical, the successor of Material for MkDocs, in an environment of its own (Python 3.11+).
ZENSICAL_PYTHON ?= $(PYTHON)
ZENSICAL_VENV   := .venv-zensical
ZENSICAL_STAMP  := $(ZENSICAL_VENV)/.installed
# Python keeps the bytecode of what it imports (in the virtual environments and __pycache__ folders,
# which git ignores), even where the shell sets PYTHONDONTWRITEBYTECODE, as this kind of machine
# does: with it set, every build and every test process compiled every module it imported from
# source, each time. A build in a fresh clone took 2.3 CPU-s, and 1.6 to 1.8 with the bytecode
# kept; collecting the tests, 6.1 against 2.6 to 2.9 (issue 26).
unexport PYTHONDONTWRITEBYTECODE

.PHONY: serve build build-zensical lint lint-workflows test test-setup test-js test-units system-packages test-fast bench check-sources requirements clean

# The virtual environments, re-made whenever a requirements file changes. Every package is checked
# against the hash in its requirements file (requirements-test.txt holds the site's packages too).
# pip puts uv alone (requirements-uv.txt) into .venv, and that uv makes the Zensical environment and
# installs the rest of both: on a fresh machine it downloads in parallel, 14 s and 8 CPU-seconds
# here where pip took 41 s and 27. uv's environment has no pip (`python -m venv` spends 5.7 CPU-s
# putting one in), and Python compiles the bytecode of what it imports, as it imports it (compiling
# all of it ahead took 8.5 CPU-s more; issue 26).
UV := $(BIN)/uv
UV_INSTALL = pip install --quiet --require-hashes
$(UV): requirements-uv.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-uv.txt
	touch $(UV)

$(STAMP): requirements.txt requirements-test.txt $(UV)
	$(UV) $(UV_INSTALL) --python $(BIN)/python -r requirements-test.txt
	touch $(STAMP)

$(ZENSICAL_STAMP): requirements-zensical.txt $(UV)
	$(UV) venv --quiet --clear --no-python-downloads --python $(ZENSICAL_PYTHON) $(ZENSICAL_VENV)
	$(UV) $(UV_INSTALL) --python $(ZENSICAL_VENV)/bin/python -r requirements-zensical.txt
	touch $(ZENSICAL_STAMP)

# Each requirements*.txt is generated, with hashes, from the short requirements*.in beside it.
# Pins already in a .txt are kept; a package named in an .in file is pinned as written there.
# requirements.txt comes first: the other files take the site's pins from it. 3.11.5 is the
# oldest Python the pins support (pymdown-extensions 13.1 needs it).
REQUIREMENTS_IN := requirements.in $(filter-out requirements.in,$(wildcard requirements*.in))
UV_COMPILE := $(BIN)/uv pip compile --quiet --universal --python-version 3.11.5 --generate-hashes \
	--custom-compile-command "make requirements"

## requirements: re-generate requirements*.txt after editing a requirements*.in file
requirements: $(STAMP)
	$(foreach in,$(REQUIREMENTS_IN),$(UV_COMPILE) $(in) -o $(in:.in=.txt) &&) true

## serve: live preview on http://127.0.0.1:8000/breathing-room/; saving docs/, data/, hooks/ or overrides/ rebuilds
serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

## build: strict build into site/ for the address in SITE_URL; a failed build leaves the previous site/ untouched
build: $(STAMP)
	rm -rf site.tmp
	$(BIN)/mkdocs build --strict --site-dir site.tmp
	rm -rf site && mv site.tmp site

## build-zensical: the same site built by Zensical into site-zensical/ (not published); same no-half-builds rule
build-zensical: $(ZENSICAL_STAMP) $(STAMP)
	rm -rf site-zensical.tmp
	ZENSICAL_SITE_DIR=site-zensical.tmp PYTHONPATH=. $(ZENSICAL_VENV)/bin/zensical build --clean --strict -f zensical.yml
	$(BIN)/python -m hooks.finish site-zensical.tmp
	rm -rf site-zensical && mv site-zensical.tmp site-zensical

# The Node tools pinned in package-lock.json (lint, type check, puppeteer-core for Firefox),
# re-installed whenever the lock file changes.
NODE_STAMP := node_modules/.installed
# Node.js 18.18+ and npm: Debian's packages, installed for you when you are root and have none.
# Without npm, `make test` installs Node.js with the browsers (system-packages, below) and npm ci waits for it.
NPM_MISSING := $(if $(shell command -v npm 2>/dev/null),,yes)
$(NODE_STAMP): package.json package-lock.json | $(if $(NPM_MISSING),system-packages)
	@command -v npm >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
	  && echo "No npm: installing Debian's nodejs and npm packages." >&2 && apt-get update -qq \
	  && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >&2; } \
	  || { echo "make lint needs Node.js 18.18+ and npm (Debian/Ubuntu: apt-get install nodejs npm)." >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

## lint-workflows: actionlint and zizmor (offline) over .github/workflows/
lint-workflows: $(STAMP)
	$(BIN)/actionlint -no-color
	$(BIN)/zizmor --offline --no-progress .github/workflows/

## lint: the workflows, ruff (lint and format), mypy strict, prettier, eslint and tsc's JSDoc type check; all must be clean
lint: $(STAMP) $(NODE_STAMP) lint-workflows
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	node_modules/.bin/prettier --check "**/*.{js,mjs}"
	node_modules/.bin/eslint .
	node_modules/.bin/tsc -p tsconfig.json
	node_modules/.bin/tsc -p tsconfig.node.json
	node_modules/.bin/tsc -p tsconfig.worker.json

## test: lint; the pacer's schedule in Node; the unit and build tests; then the real-browser tests
## in Chromium, Firefox ESR and WebKitGTK (found, or installed as root on Debian; a missing one fails with advice)
test:
	rm -rf $(TEST_RUN_DIR) && mkdir -p $(TEST_RUN_DIR)
	TEST_RUN_FOLDER=$(CURDIR)/$(TEST_RUN_DIR) $(MAKE) --no-print-directory -j4 $(OUTPUT_SYNC) test-setup
	$(BIN)/python -m tests.support.browsers firefox webkit xvfb >/dev/null
	TEST_RUN_FOLDER=$(CURDIR)/$(TEST_RUN_DIR) CHROMIUM="$$($(BIN)/python -m tests.support.browsers chromium)" \
	  $(BIN)/python -m pytest -n $(BROWSER_WORKERS) --dist loadfile --no-loadscope-reorder -m browser --durations=15
	rm -rf $(TEST_RUN_DIR)

# One folder for both pytest runs of `make test`, emptied as it starts: the site and the Zensical
# copy that the unit and build tests build there are the ones the browser tests load
# (tests/support/shared.py), instead of being built twice. The tests get its absolute path in
# TEST_RUN_FOLDER (a make variable of that name would override the one the inner make is given).
TEST_RUN_DIR := .cache/test-run

# What the tests need, made side by side (make -j): the browsers' download and install overlaps
# the environments, npm ci, lint, the Node tests and the unit and build tests (test-units: while
# apt-get unpacks, a core is half idle). GNU make 4 keeps each job's output together; older makes
# interleave it.
OUTPUT_SYNC := $(if $(filter 3.%,$(MAKE_VERSION)),,--output-sync=target)
test-setup: system-packages lint $(ZENSICAL_STAMP) test-js test-units
# The browser tests spend part of their time waiting (on pacer sessions in real time, on the
# network), so one worker more than this 2-core machine has cores keeps both busy: 281 s -> 248 s
# for the whole suite, side by side (issue 26). Each file stays on one worker (--dist loadfile).
BROWSER_WORKERS := 3

# Every test that needs no browser: unit tests and builds (some read node_modules, or run node).
test-units: $(STAMP) $(ZENSICAL_STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest -n 2 -m "not browser" --durations=5

# The pure JavaScript modules (the pacer's schedule, the plan, the log ...), in Node.
test-js: $(NODE_STAMP) $(STAMP)
	node --test tests/js/

# The Debian packages `make test` needs and this machine lacks, in one apt-get call (as root on
# Debian; elsewhere nothing): the three browsers, Xvfb, and Node.js when npm is missing. It never
# fails: the lookups in `test` give the advice for anything still missing.
system-packages:
	$(PYTHON) -m tests.support.browsers --install-only chromium firefox webkit xvfb $(if $(NPM_MISSING),--also nodejs --also npm)

## test-fast: the contributor's loop while editing: the schedule in Node, then every unit and build test (no browsers)
test-fast: test-js test-units

## bench: build speed, page weight, pacer timing, main-thread cost, Lighthouse, offline copy (`python -m bench --only offline` for that alone)
bench: $(STAMP)
	$(BIN)/python -m bench

## check-sources: fetch every source in data/ and report, per finding, whether its quote is still there, with dead links and redirects (report in .cache/check-sources/; CHECK_SOURCES="--fail-on-change" to fail on any)
check-sources: $(STAMP)
	$(BIN)/python -m tools.check_sources $(CHECK_SOURCES)

clean:
	rm -rf site site.tmp site-zensical site-zensical.tmp .cache .pytest_cache .mypy_cache .ruff_cache
