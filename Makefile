# The two commands of a fresh machine: `make run` and `make test`.
# The first of these that is Python 3.11 or newer (or say PYTHON=/path/to/python).
PYTHON ?= $(shell for p in python3.11 python3.12 python3.13 python3.14 python3 python; do \
	command -v $$p >/dev/null 2>&1 && \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && \
	{ echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run install test lint bench faults clean wheelhouse wheelhouse-windows

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "live-notes needs Python 3.11 or newer (found none of python3.11 … python3.14, python3, python)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

# An editable install compiles nothing: live-notes' modules are compiled (when changed) as an
# installed copy has them, so no start compiles them (even with PYTHONDONTWRITEBYTECODE set).
run: $(STAMP)
	@$(BIN)/python -m compileall -q live_notes
	$(BIN)/live-notes

# `live-notes` on the PATH, for the commands the README gives (pipx keeps it apart).
install:
	@command -v pipx >/dev/null 2>&1 || { echo "make install needs pipx (or call .venv/bin/live-notes after make run)"; exit 1; }
	pipx install --force --python "$(PYTHON)" .

# A folder of wheels to carry to a laptop without the network (README: offline install):
# live-notes and everything it needs, for this platform, or for Windows (64-bit,
# Python 3.11) from any machine.
wheelhouse: $(BIN)/python
	rm -rf wheelhouse
	$(BIN)/python -m pip wheel --quiet -w wheelhouse .
	@echo "wheelhouse/: $$(ls wheelhouse | wc -l) wheels for this machine"

wheelhouse-windows: $(BIN)/python
	rm -rf wheelhouse
	$(BIN)/python -m pip wheel --quiet --no-deps -w wheelhouse .
	$(BIN)/python -m pip download --quiet --only-binary=:all: --platform win_amd64 \
		--python-version 3.11 -d wheelhouse wheelhouse/live_notes-*.whl
	@echo "wheelhouse/: $$(ls wheelhouse | wc -l) wheels for Windows (64-bit, Python 3.11)"

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -q -p no:cacheprovider

bench: $(TEST_STAMP)
	@$(BIN)/python -m compileall -q live_notes
	$(BIN)/python -m bench

# The whole fault suite with the big round counts (200 writer kills, 25 app kills under
# tmux, power cuts at every byte, 1000 hypothesis examples per property), then
# docs/reliability.md from the counts the tests recorded. Needs tmux; root for the
# read-only and full-disk mounts (skipped otherwise).
FAULTS_RESULTS := build/faults-results
FAULT_TESTS := tests/faults tests/store tests/cli/test_cli.py \
	tests/domain/test_session.py tests/domain/test_models.py

faults: $(TEST_STAMP)
	rm -rf $(FAULTS_RESULTS) && mkdir -p $(FAULTS_RESULTS)
	LIVE_NOTES_FAULTS=1 LIVE_NOTES_FAULTS_RESULTS=$(FAULTS_RESULTS) \
		$(BIN)/pytest -q -p no:cacheprovider -rxX --junitxml=$(FAULTS_RESULTS)/junit.xml \
		$(FAULT_TESTS); status=$$?; \
		$(BIN)/python -m bench.faults_report $(FAULTS_RESULTS) docs/reliability.md && exit $$status

clean:
	rm -rf $(VENV) build wheelhouse *.egg-info
