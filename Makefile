# One entry point. `make book` builds the book; `make test` runs every test. Each creates .venv on first use.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
ENV_STAMP := $(VENV)/.installed
BYTECODE_STAMP := $(VENV)/.bytecode
VENDOR_STAMP := .vendor/stamp.json
BUILD_FLAGS := -W -n --keep-going

.PHONY: help env vendor browser book slides handouts test test-fast lint format lab bench currency clean linkcheck \
  screenshots

help:
	@echo "make book   - build the book into _build/html (clean execution cache)"
	@echo "make test   - run every test (unit, data, nbval, book build, browser)"
	@echo "make test-fast - unit, data and model tests only: no kernel, no build, no browser (under a minute)"
	@echo "make lint   - ruff, codespell, data schemas, notebook outputs: the pre-commit hooks, offline (CI runs it)"
	@echo "make format - rewrite the Python code as ruff formats it, imports sorted"
	@echo "make slides - build the chapter slide decks into _build/html/slides (after make book)"
	@echo "make lab    - JupyterLab on the chapters"
	@echo "make bench  - print build, execution and page-size figures against their budgets"
	@echo "make currency - list data records and chapters by the date last checked; flag any older than 12 months"
	@echo "make linkcheck - check external links (needs internet; not part of make test)"

$(ENV_STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	# uv installs this stack in seconds; pip is the fallback if uv cannot be installed.
	$(BIN)/pip install --quiet --disable-pip-version-check uv==0.13.9 \
	  && $(BIN)/uv pip install --quiet --python $(PY) -r requirements.txt \
	  || $(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (course)" >/dev/null
	touch $@

# Compiled once, so that no process compiles the stack again: uv installs without bytecode, and where
# PYTHONDONTWRITEBYTECODE is set (common in containers) every kernel, build and pytest run would recompile
# every module it imports. Files that do not compile (test data of some packages) are left as they are.
$(BYTECODE_STAMP): $(ENV_STAMP)
	-$(PY) -m compileall -q -j 0 $(VENV)/lib >/dev/null
	touch $@

env: $(ENV_STAMP) $(BYTECODE_STAMP)

# The system Python is enough: course_tools.vendor_js uses the standard library only (run from the checkout);
# it also builds the widget renderer with npm and node (course_tools/widget_bundle/).
$(VENDOR_STAMP): package.json package-lock.json course_tools/vendor_js.py \
		$(shell find course_tools/widget_bundle -path '*/node_modules' -prune -o -type f -print)
	$(PYTHON) -m course_tools.vendor_js

vendor: $(VENDOR_STAMP)

browser: env
	@bash tools/ensure_browser.sh $(PY)

# A clean build: the execution cache keys on code only, so it is cleared first (ARCHITECTURE.md, "Build cache").
# course_tools.build_book runs `jupyter-book build` with the notebooks executed in parallel into that cache.
book: env vendor
	rm -rf _build/html _build/.doctrees _build/.jupyter_cache
	$(PY) -m course_tools.build_book $(BUILD_FLAGS) .
	@test -f _build/html/index.html && echo "Book: _build/html/index.html"
	$(MAKE) slides
	$(MAKE) handouts

# One offline reveal.js deck per chapter, from the book build: _build/html/slides/<chapter>.slides.html
slides: env vendor
	$(PY) -m course_tools.build_slides --html-dir _build/html

# Worksheet and answer-key PDFs per chapter, printed by headless Chromium (after a book build).
handouts: env vendor browser
	$(PY) -m course_tools.build_handouts --html-dir _build/html

# Every test. nbval runs each chapter twice in one kernel with no network (tests/nbval_twice.py); the tests that
# need executed notebooks and the book build reuse those runs, so each chapter executes twice in all. Two xdist
# workers; each notebook goes whole to one worker, notebooks first, and the book is built once for both
# (tests/session_share.py).
TEST_WORKERS ?= 2
test: env vendor browser
	$(BIN)/pytest tests chapters --nbval --nbval-current-env -n $(TEST_WORKERS) --dist loadfile \
	  --no-loadscope-reorder --durations=10

# The fast tier: tests that need no kernel, no book build and no browser (markers: tests/tiers.py), on the same
# xdist workers as `make test` (one process took 63 s of its 60 s budget; two take about half).
test-fast: env
	COURSE_TEST_TIER=fast $(BIN)/pytest tests -q -n $(TEST_WORKERS)

# The hooks of .pre-commit-config.yaml on every file. All are local hooks running the pinned tools of this venv,
# so nothing is cloned. PRE_COMMIT_HOME stays in _build so that CI and a fresh clone start clean.
LINT_PATH := $(abspath $(BIN)):$(PATH)
lint: env
	PATH="$(LINT_PATH)" PRE_COMMIT_HOME="$(abspath _build/pre-commit)" $(BIN)/pre-commit run --all-files --show-diff-on-failure

# Imports sorted (ruff's isort rules) and the code formatted, as the lint hooks check them.
format: env
	$(BIN)/ruff check --select I --fix .
	$(BIN)/ruff format .

lab: env
	$(BIN)/jupyter lab --notebook-dir=. chapters/

bench: env vendor browser
	$(PY) -m course_tools.bench $(BENCH_ARGS)
	$(PY) -m course_tools.currency --stale-only

# PNGs of every widget page at 390 and 1300 px, light and dark, into _build/screenshots/ (never committed), with
# the layout probes' findings; after `make book`.
screenshots: env vendor browser
	$(PY) -m course_tools.screenshots

# A report, never a failing check: records and chapters by the date they were last checked (issue 12).
currency: env
	$(PY) -m course_tools.currency

# Online only: Sphinx linkcheck of every external link. Offline CI never runs it (`make test` checks local
# links and anchors in the built HTML instead, tests/test_links.py). Report: _build/linkcheck/output.txt
linkcheck: env vendor
	$(BIN)/jupyter-book build --builder linkcheck .

clean:
	rm -rf _build .pytest_cache tests/_artifacts
