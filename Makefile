# One entry point. `make book` builds the book; `make test` runs every test. Each creates .venv on first use.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
ENV_STAMP := $(VENV)/.installed
VENDOR_STAMP := .vendor/stamp.json
BUILD_FLAGS := -W -n --keep-going

.PHONY: help env vendor browser book book-clean slides handouts test test-fast lab bench currency clean linkcheck

help:
	@echo "make book   - build the book into _build/html (clean execution cache)"
	@echo "make test   - run every test (unit, data, nbval, book build, browser)"
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

env: $(ENV_STAMP)

$(VENDOR_STAMP): package.json package-lock.json tools/vendor_js.py
	$(PYTHON) tools/vendor_js.py

vendor: $(VENDOR_STAMP)

browser: env
	@bash tools/ensure_browser.sh $(PY)

# A clean build: the execution cache keys on code only, so it is cleared first (DESIGN.md point 4).
book: env vendor
	rm -rf _build/html _build/.doctrees _build/.jupyter_cache
	$(BIN)/jupyter-book build $(BUILD_FLAGS) .
	@test -f _build/html/index.html && echo "Book: _build/html/index.html"
	$(MAKE) slides
	$(MAKE) handouts

# One offline reveal.js deck per chapter, from the book build: _build/html/slides/<chapter>.slides.html
slides: env vendor
	$(PY) tools/build_slides.py --html-dir _build/html

# Worksheet and answer-key PDFs per chapter, printed by headless Chromium (after a book build).
handouts: env vendor browser
	$(PY) tools/build_handouts.py --html-dir _build/html

test: env vendor browser
	$(BIN)/pytest tests chapters --nbval --nbval-current-env --durations=10

lab: env
	$(BIN)/jupyter lab --notebook-dir=. chapters/

bench: env vendor browser
	$(PY) tools/bench.py $(BENCH_ARGS)
	$(PY) tools/currency.py --stale-only

# A report, never a failing check: records and chapters by the date they were last checked (issue 12).
currency: env
	$(PY) tools/currency.py

# Online only: Sphinx linkcheck of every external link. Offline CI never runs it (`make test` checks local
# links and anchors in the built HTML instead, tests/test_links.py). Report: _build/linkcheck/output.txt
linkcheck: env vendor
	$(BIN)/jupyter-book build --builder linkcheck .

clean:
	rm -rf _build .pytest_cache tests/_artifacts
