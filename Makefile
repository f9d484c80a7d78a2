# The report site's build. `make book` and `make test` do all set-up on a fresh machine with Python 3.11.
SHELL := /bin/bash
.DEFAULT_GOAL := book
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
JB := $(BIN)/jupyter-book
HTML := _build/html
VENDOR := book/_static/vendor
# Everything the built site depends on: a change in any of these makes the site stale.
SITE_INPUTS := $(shell find chapters book data analysis -type f -not -path '*/vendor/*' -not -path '*/__pycache__/*' -not -path 'data/generated/*' -not -name '*.mo' 2>/dev/null) _config.yml _toc.yml scripts/slim_css.mjs scripts/print_pdf.mjs scripts/pdf.css \
               scripts/chromium.mjs scripts/print_handouts.mjs

.PHONY: book dist test unit lint serve bench clean distclean vendor data lock check-links

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(VENDOR)/.copied: node_modules/.installed
	mkdir -p $(VENDOR)
	cp node_modules/plotly.js-cartesian-dist-min/plotly-cartesian.min.js $(VENDOR)/
	cp node_modules/vega/build/vega.min.js node_modules/vega-lite/build/vega-lite.min.js \
	   node_modules/vega-embed/build/vega-embed.min.js $(VENDOR)/
	cp node_modules/axe-core/axe.min.js $(VENDOR)/
	touch $@

vendor: $(VENDOR)/.copied

# Derived data (synthetic SPSS files etc.), regenerated when the analysis code or source data change.
data/generated/.stamp: $(VENV)/.installed $(shell find analysis data -type f -not -path 'data/generated/*' -not -path '*/__pycache__/*')
	$(PY) -m analysis synth --out data/generated
	touch $@

data: data/generated/.stamp

$(HTML)/index.html: $(VENV)/.installed node_modules/.installed $(VENDOR)/.copied data/generated/.stamp $(SITE_INPUTS)
	mkdir -p _build
	set -o pipefail; $(JB) build . --builder html -W -n --keep-going 2>&1 | tee _build/build.log
	node scripts/print_pdf.mjs --site $(HTML) --out $(HTML)/_downloads/rapport.pdf
	$(PY) -m analysis handouts --out _build/kurs
	node scripts/print_handouts.mjs --in _build/kurs --out $(HTML)/_downloads/kurs
	touch $@

## book: build the static site into _build/html (creates the environment, generates data, executes every chapter)
book: $(HTML)/index.html

## lint: ruff, mypy (strict on analysis/core) and the import-linter contracts that keep analysis/ layered
lint: $(VENV)/.installed
	$(BIN)/ruff check analysis tests scripts book/_ext
	$(BIN)/mypy
	$(BIN)/lint-imports

DIST := _build/rapport-nettsted.zip
$(DIST): $(HTML)/index.html scripts/make_dist.py
	$(PY) scripts/make_dist.py --site $(HTML) --out $@

## dist: the site as _build/rapport-nettsted.zip, to unzip and open from a folder (file://) without network
dist: $(DIST)

## test: lint, then the whole test suite (unit, build, privacy, links, browser); builds the site first when stale
test: lint $(HTML)/index.html $(DIST)
	$(PY) -m pytest -q

unit: lint $(VENV)/.installed data/generated/.stamp
	$(PY) -m pytest -q -m "not site and not browser"

## serve: preview the built site on http://127.0.0.1:8000
serve: $(HTML)/index.html
	$(PY) -m http.server 8000 --bind 127.0.0.1 --directory $(HTML)

## bench: cold and warm build time, page weights, scoring and anonymisation throughput
bench: $(HTML)/index.html
	$(PY) scripts/bench.py --json _build/bench.json

## lock: regenerate requirements.lock (hashed exact pins) from requirements.in
lock:
	$(PY) -m pip install --quiet uv && $(BIN)/uv pip compile requirements.in --python-version 3.11 --generate-hashes -o requirements.lock
	$(PY) scripts/write_environment_yml.py

clean:
	rm -rf _build data/generated

distclean: clean
	rm -rf $(VENV) node_modules $(VENDOR)
