# The edition's commands, each a command of `python -m edition` (scripts/edition/cli.py).
# Each creates .venv from the pinned requirements when missing.
#   make preview    build the edition from source/ and serve it, rebuilt at every save [SOURCE=dir] [PORT=8000]
#   make test       lint and the whole test suite (what CI runs)
#   make test-fast  the unit tests alone (under half a minute)
#   make site       build the static site: make site [SOURCE=dir] [SITE=dir]
#   make new        write a new source folder from commented templates: make new SOURCE=dir
#   make check      validate the source folder without building: make check [SOURCE=dir]
#   make docs       write the annotated Markdown pages into docs/
#   make pdf        write the edition as a PDF: site/<slug>.pdf [SOURCE=dir] [SITE=dir]
#   make lint       ruff, mypy and the layering of the stages (import-linter)
#   make bench      measure speed against the plain alternative, write the benchmark report [QUICK=1]
#   make clean      remove the site (when make site built it), the virtual environment and node_modules

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SOURCE ?= source
SITE ?= site
PORT ?= 8000
HOST ?= 127.0.0.1

export NO_MKDOCS_2_WARNING := 1
EDITION := $(BIN)/python -m edition

.PHONY: preview test test-fast new site check docs lint system-packages clean pdf map-data bench

preview: $(VENV)/.installed
	$(EDITION) preview --source "$(SOURCE)" --host "$(HOST)" --port "$(PORT)"

# On every core, each test file's tests in one worker (they share its built sites and browser).
test: lint system-packages node_modules/.installed
	$(BIN)/pytest -n auto --dist loadfile

# The unit tests alone, on every core: neither Node nor a browser is needed.
test-fast: $(VENV)/.installed
	$(BIN)/pytest -m unit -n auto

site: $(VENV)/.installed node_modules/.installed
	$(EDITION) site --source "$(SOURCE)" --site "$(SITE)"

# A new source folder from commented templates: make new SOURCE=my-edition (never into a folder that holds anything).
new: $(VENV)/.installed
	$(EDITION) new --source "$(SOURCE)" $(if $(COLLECTION),--collection)

check: $(VENV)/.installed
	$(EDITION) check --source "$(SOURCE)"

docs: $(VENV)/.installed
	$(EDITION) docs --source "$(SOURCE)" --out docs

pdf: $(VENV)/.installed
	$(EDITION) pdf --source "$(SOURCE)" --site "$(SITE)"

lint: $(VENV)/.installed
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/mypy
	$(BIN)/lint-imports

# A benchmark, not a test: prints a table and rewrites BENCHMARK.md (about 10 minutes).
bench: $(VENV)/.installed node_modules/.installed
	$(EDITION) bench $(if $(QUICK),--quick)

system-packages:
	@bash scripts/install-system-packages.sh

# The pinned requirements, then the edition itself, editable, so that `import edition` and the
# MkDocs plugin it registers (pyproject.toml) work from any folder, with no PYTHONPATH.
$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# Build- and test-time tools from npm (package-lock.json pins them): PurgeCSS trims the
# site's stylesheets, the rest check and measure it. Nothing is fetched at run time.
# Node.js and the other Debian packages are checked here, when npm is needed, rather than
# as a prerequisite: the check takes 0.1 s, a sixth of a plain site build, on every `make site`.
node_modules/.installed: package-lock.json
	@bash scripts/install-system-packages.sh
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

# The locator map's base data for every country, from world-atlas (Natural Earth), committed:
# scripts/edition/source/data/world.json. A build never needs node_modules for it.
map-data: $(VENV)/.installed node_modules/.installed
	$(EDITION) map-data --atlas node_modules/world-atlas/countries-50m.json --world

# The site folder only when the edition built it (its marker file is there): never someone's files.
clean:
	@if [ -e site ] && [ ! -e site/.edition-site ]; then echo "kept site/: the edition did not build it"; else rm -rf site; fi
	rm -rf $(VENV) node_modules
