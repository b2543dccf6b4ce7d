# Two commands for a fresh clone:  `make serve`  and  `make test`.
# Both create .venv and install the pinned requirements first; nothing is installed by hand.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build offline bench clean

serve: $(VENV)/.site  ## Set up and serve the site on http://127.0.0.1:8000/mls-c01/ (the root redirects there)
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

test: $(VENV)/.dev  ## Set up, build with --strict (online and offline variants) and run every test
	bash scripts/ensure-chromium.sh
	$(BIN)/mkdocs build --strict --clean -q -d site
	OFFLINE=true $(BIN)/mkdocs build --strict --clean -q -d site-offline
	SITE_DIR=site OFFLINE_SITE_DIR=site-offline $(BIN)/python -m pytest

build: $(VENV)/.site  ## Build the site into site/
	$(BIN)/mkdocs build --strict --clean -d site

offline: $(VENV)/.site  ## Build the offline variant (works from file://) and zip it
	OFFLINE=true $(BIN)/mkdocs build --strict --clean -q -d site-offline
	$(BIN)/python scripts/zip_offline.py site-offline mls-c01-offline.zip

bench: $(VENV)/.dev  ## Print build time, page weight, search index size and search latency
	bash scripts/ensure-chromium.sh
	$(BIN)/python scripts/bench.py

$(VENV)/.site: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (found $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.site requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

clean:
	rm -rf site site-offline mls-c01-offline.zip .pytest_cache
