# The edition's commands. Each creates .venv from the pinned requirements when missing.
#   make preview   build the edition from source/ and serve it with live reload
#   make test      lint and the whole test suite (what CI runs)
#   make site      build the static site: make site [SOURCE=dir] [SITE=dir]
#   make check     validate the source folder without building: make check [SOURCE=dir]
#   make docs      write the annotated Markdown pages into docs/
#   make pdf       write the edition as a PDF: site/<slug>.pdf [SOURCE=dir] [SITE=dir]
#   make lint      ruff and mypy
#   make bench     measure speed against the plain alternative, write docs/performance.md [QUICK=1]
#   make clean     remove the site and the virtual environment

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SOURCE ?= source
SITE ?= site
PORT ?= 8000
HOST ?= 127.0.0.1

export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)/scripts

.PHONY: preview test site check docs lint system-packages clean pdf map-data bench

preview: docs
	EDITION_SOURCE="$$(realpath -- "$(SOURCE)")" $(BIN)/mkdocs serve --livereload --dev-addr "$(HOST):$(PORT)"

test: lint system-packages node_modules/.installed
	$(BIN)/pytest

site: $(VENV)/.installed node_modules/.installed
	$(BIN)/python scripts/build_site.py --source "$(SOURCE)" --site "$(SITE)"
	@echo "site written to $(SITE)/"

check: $(VENV)/.installed
	$(BIN)/python scripts/check_edition.py --source "$(SOURCE)"

docs: $(VENV)/.installed
	$(BIN)/python scripts/build_edition.py --source "$(SOURCE)" --out docs

pdf: $(VENV)/.installed
	$(BIN)/python scripts/build_pdf.py --source "$(SOURCE)" --site "$(SITE)"

lint: $(VENV)/.installed
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/mypy

# A benchmark, not a test: prints a table and rewrites docs/performance.md (about 10 minutes).
bench: $(VENV)/.installed node_modules/.installed
	$(BIN)/python scripts/bench.py $(if $(QUICK),--quick)

system-packages:
	@bash scripts/install-system-packages.sh

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Build- and test-time tools from npm (package-lock.json pins them): PurgeCSS trims the
# site's stylesheets, the rest check and measure it. Nothing is fetched at run time.
# Node.js and the other Debian packages are checked here, when npm is needed, rather than
# as a prerequisite: the check takes 0.1 s, a sixth of a plain site build, on every `make site`.
node_modules/.installed: package-lock.json
	@bash scripts/install-system-packages.sh
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

# The locator map's data, source/map/region.json, from world-atlas (Natural Earth); committed.
map-data: $(VENV)/.installed node_modules/.installed
	$(BIN)/python scripts/make_map_data.py --atlas node_modules/world-atlas/countries-50m.json --out source/map/region.json

# The site folder only when `make site` built it (its marker file is there): never someone's files.
clean:
	@if [ -e site ] && [ ! -e site/.edition-site ]; then echo "kept site/: make site did not build it"; else rm -rf site; fi
	rm -rf $(VENV) node_modules
