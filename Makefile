# litfass — the two commands of the README are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# uv comes from the PATH, or is bootstrapped into .tools/ with the machine's Python.
UV := $(shell command -v uv 2>/dev/null || echo $(CURDIR)/.tools/bin/uv)
export UV_PYTHON_PREFERENCE := only-system
export UV_PYTHON_DOWNLOADS := never
RUN := $(UV) run --frozen

.PHONY: help install run test test-sqlite test-postgres check bench messages demo clean

help:
	@echo "make run    - install, migrate, load demo content, serve on http://127.0.0.1:8000"
	@echo "make test   - the whole test suite, browser tests included"
	@echo "make check  - ruff and mypy"
	@echo "make bench  - load and feed benchmarks (see bench/README.md)"

$(CURDIR)/.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet "uv==0.13.8"

.venv/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --all-extras
	touch $@

install: .venv/.installed

run: install
	$(RUN) litfass migrate --no-input
	$(RUN) litfass demo --if-empty
	exec scripts/run.sh

demo: install
	$(RUN) litfass demo --reset

PYTEST_ARGS ?= -n 2

test: install
	scripts/ensure-chromium.sh
	$(RUN) pytest $(PYTEST_ARGS)

check: install
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	$(RUN) mypy .

bench: install
	scripts/ensure-bench-tools.sh
	$(RUN) python -m bench $(if $(N),--posts $(N),)
	$(RUN) python -m bench.feed $(if $(FEED_SCALE),--scale $(FEED_SCALE),)

messages: install
	cd litfass && $(RUN) litfass makemessages -l de -l en --no-obsolete && $(RUN) litfass compilemessages

clean:
	rm -rf .venv .tools var/test.sqlite3*
