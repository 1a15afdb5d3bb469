# The two commands of the README: `make site` and `make test`. Everything runs in .venv/.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test serve clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.site-installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements.txt requirements-test.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

## Install what the site needs, validate the incidents, generate the pages and build site/.
site: $(VENV)/.site-installed
	$(BIN)/python -m generator build
	$(BIN)/python -m generator site
	@echo "Site built in site/. Preview it with: make serve  (then open http://127.0.0.1:8000/)"

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

## Install what the tests need and run them all.
test: $(VENV)/.test-installed node_modules/.installed
	$(BIN)/python -m pytest

## Build, then preview the site at http://127.0.0.1:8000/ (English) and /zh/ (Chinese).
serve: site
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory site 8000

## Remove what builds and tests made; the hand-written pages of content/ stay (git removes only ignored files).
clean:
	rm -rf site .pytest_cache test-artifacts
	git clean -fdXq content/
