# Liaoning revitalization workbench. `make` alone lists the targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
KERNEL := liaoning-workbench
RAW ?= data/raw
PROCESSED ?= data/processed
REPORTS ?= reports

.DEFAULT_GOAL := help
.PHONY: help install processed reports test test-fast bench lab clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed")'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Liaoning workbench"
	touch $(STAMP)

install: $(STAMP) ## create .venv, install the project with its dependencies and kernel

processed: $(STAMP) ## build data/processed/ (Parquet tables) from data/raw/
	$(PY) -m helpers build --raw $(RAW) --processed $(PROCESSED)

reports: processed ## set up, build the tables, run the numbered notebooks into reports/
	$(PY) -m helpers report --processed $(PROCESSED) --out $(REPORTS) --all-places

test: $(STAMP) ## run the test suite (unit tests and notebooks through papermill)
	$(PY) -m pytest

test-fast: $(STAMP) ## run the unit tests only
	$(PY) -m pytest -m "not slow"

bench: $(STAMP) processed ## run the benchmarks (10 MB corpus) and print their figures
	$(PY) benchmarks/bench_build.py --mb 10 --workers 2
	$(PY) benchmarks/bench_indicators.py
	$(PY) benchmarks/bench_themes.py
	$(PY) benchmarks/bench_reports.py
	$(PY) benchmarks/bench_reuse.py --mb 10

lab: $(STAMP) ## start JupyterLab at the project root on localhost (token auth) with the project kernel
	$(PY) -m jupyterlab --ip=127.0.0.1 --no-browser --ServerApp.root_dir=. \
		$(if $(filter 0,$(shell id -u)),--allow-root,)

clean: ## delete generated tables and reports (never data/raw)
	rm -rf $(PROCESSED)/*.parquet $(PROCESSED)/manifest.json $(PROCESSED)/current $(PROCESSED)/.generations \
		$(PROCESSED)/.cache $(PROCESSED)/.build.lock $(REPORTS)/*
