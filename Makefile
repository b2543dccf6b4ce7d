# Two commands for a fresh clone:  `make serve`  and  `make test`.
# Both create .venv and install the pinned requirements first; nothing is installed by hand.
# The inner loop while you work: `make check` (strict build + every test that needs no browser).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test check build zensical offline bench mutation golden clean

serve: $(VENV)/.site  ## Set up and serve the site on http://127.0.0.1:8000/mls-c01/; edits to docs/, data/ or macros/ reload it
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

test: $(VENV)/.dev $(VENV)/.zensical  ## Set up, build with both engines (--strict, online and offline) and run every test
	bash scripts/ensure-chromium.sh
	$(BIN)/mkdocs build --strict --clean -q -d site
	OFFLINE=true $(BIN)/mkdocs build --strict --clean -q -d site-offline
	SITE_DIR=site-zensical $(BIN)/zensical build --clean
	SITE_DIR=site OFFLINE_SITE_DIR=site-offline ZENSICAL_SITE_DIR=site-zensical $(BIN)/python -m pytest

check: $(VENV)/.dev  ## The fast loop: a strict build and every test that needs no browser (under a minute)
	$(BIN)/mkdocs build --strict --clean -q -d site
	SITE_DIR=site $(BIN)/python -m pytest -q -m "not browser and not zensical and not slow"

build: $(VENV)/.site  ## Build the site into site/
	$(BIN)/mkdocs build --strict --clean -d site

zensical: $(VENV)/.zensical  ## Build the same mkdocs.yml with Zensical into site-zensical/
	SITE_DIR=site-zensical $(BIN)/zensical build --clean

offline: $(VENV)/.site  ## Build the offline variant (works from file://) and zip it
	OFFLINE=true $(BIN)/mkdocs build --strict --clean -q -d site-offline
	$(BIN)/python scripts/zip_offline.py site-offline mls-c01-offline.zip

bench: $(VENV)/.dev  ## Print build time, page weight, search index size, search latency and Lighthouse scores (ALL=1: every page; BENCH_ARGS="--lighthouse-only --page PATH")
	bash scripts/ensure-chromium.sh
	$(BIN)/python scripts/bench.py $(if $(ALL),--all-pages) $(BENCH_ARGS)

mutation: $(VENV)/.mutation  ## Mutate every line of macros/ and print the share of mutants the fast tests kill
	$(BIN)/python scripts/mutation.py

golden: $(VENV)/.dev  ## Rewrite tests/golden/ (every page's macro output) after an intended change; review its git diff
	GOLDEN_UPDATE=1 $(BIN)/python -m pytest -q tests/test_golden_pages.py

$(VENV)/.site: requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (found $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.dev: $(VENV)/.site requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

$(VENV)/.zensical: $(VENV)/.site requirements-zensical.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
	touch $@

$(VENV)/.mutation: $(VENV)/.dev requirements-mutation.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-mutation.txt
	touch $@

clean:
	rm -rf site site-offline site-zensical mls-c01-offline.zip .pytest_cache .cache mutants
