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
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet
	@echo "Site built in site/. Preview it with: make serve  (then open http://127.0.0.1:8000/)"

## Install what the tests need and run them all.
test: $(VENV)/.test-installed
	$(BIN)/python -m pytest

## Preview the site locally at http://127.0.0.1:8000/ (rebuild pages with `make site`).
serve: site
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --no-livereload

clean:
	rm -rf content site .pytest_cache
