# handover-map set-up: `make map` builds the default map, `make test` runs every test.
# Both create .venv and install what they need, so they work on a fresh clone.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

# Machines without internet use the offline mirror beside the clone (../shared/geodata)
# unless HANDOVER_MAP_DATA_DIR already names one.
MIRROR := $(abspath ../shared/geodata)
ifneq ($(wildcard $(MIRROR)/*.json),)
export HANDOVER_MAP_DATA_DIR ?= $(MIRROR)
endif

# Root installs Debian packages directly; anyone else through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: map test check chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# Debian's Chromium drives the browser tests (Playwright uses it; it downloads no browser).
chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

map: $(VENV)/.installed
	$(BIN)/handover-map assets fetch
	$(BIN)/handover-map build

test: $(VENV)/.installed-test chromium
	$(BIN)/handover-map assets fetch
	$(BIN)/python -m pytest -n auto

# Lint, format and types (CI runs this before the tests).
check: $(VENV)/.installed-test
	$(BIN)/ruff check src tests benchmarks notebooks
	$(BIN)/ruff format --check src tests benchmarks notebooks
	$(BIN)/mypy
