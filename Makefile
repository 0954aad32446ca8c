# casualty-recon: `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install run test lint bench golden eval-extract eval-link gazetteer clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	@# PYTHONWARNINGS: setuptools' build backend warns about editable installs on every run.
	PYTHONWARNINGS=ignore $(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q casualty_recon
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the package with its test and lint tools

run: $(STAMP) ## Run the report on the bundled sources.yaml
	$(BIN)/casualty-recon report sources.yaml

test: $(STAMP) ## Run the whole test suite (on every core)
	@# PYTHONDONTWRITEBYTECODE (set on some machines, CI's among them) would make pytest rewrite
	@# and compile every test module again in every worker on every run: 4 s of 5.5 s collecting.
	@# --dist loadfile: a module's tests on one worker, so a module fixture (a linkage, a sampler
	@# run, a browser) is computed once, not once a worker: 46 s instead of 59 s on two cores.
	PYTHONDONTWRITEBYTECODE= $(BIN)/pytest -n auto --dist loadfile

lint: $(STAMP) ## ruff, mypy and the import rule of the layers
	$(BIN)/ruff check casualty_recon tests tools
	$(BIN)/ruff format --check casualty_recon tests tools
	$(BIN)/mypy
	PYTHONDONTWRITEBYTECODE= $(BIN)/pytest -q -p no:xdist -p no:cacheprovider tests/test_layers.py

bench: $(STAMP) ## Measure the performance budgets (README, "Performance")
	@# Byte-compile first: with PYTHONDONTWRITEBYTECODE set, every run would compile the source.
	$(BIN)/python -m compileall -q casualty_recon
	$(BIN)/python -m tools.bench

golden: $(STAMP) ## Rewrite golden files on purpose (review the diff!)
	CASUALTY_RECON_GOLDEN=rewrite $(BIN)/pytest -q tests

eval-extract: $(STAMP) ## Measure extract on FA-KES, UCDP GED headlines and the synthetic articles
	$(BIN)/python -m tools.eval_extract ../shared/data/extraction/fakes-dev.csv \
		--events ../shared/data/events --synthetic tests/extract_articles

eval-link: $(STAMP) ## Link the Jan and Apr 2024 Gaza MoH releases with IDs hidden; score and time it
	$(BIN)/python -m tools.eval_link ../shared/data/lists

gazetteer: $(STAMP) ## Regenerate the gazetteer data files (casualty_recon/data/*.tsv) from pycountry
	$(BIN)/python -m tools.gazetteer_build

clean: ## Remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
