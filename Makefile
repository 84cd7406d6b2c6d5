# Resilient Mind Counseling: `make run` serves the site with demo content, `make test` runs the suite.
# `make help` lists every target.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Test processes side by side (pytest-xdist); 0 runs the suite in one process.
PYTEST_WORKERS ?= 2
MANAGE := $(BIN)/python manage.py
# Canonical URLs and links in emails point at the address the site is served on.
export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)

.DEFAULT_GOAL := help
.PHONY: help run test lint format check bench fuzz lighthouse docs-screenshots setup migrate demo admin clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-18s\033[0m %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# A stamp per requirements file: installing again only when the file changes.
$(VENV)/.runtime-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

setup: $(VENV)/.runtime-installed ## Create .venv and install the runtime requirements

migrate: setup ## Apply database migrations (SQLite in the project folder unless DATABASE_URL is set)
	$(MANAGE) migrate --no-input

demo: migrate ## Load the demo content (safe to run again: it changes nothing already there)
	LOG_LEVEL=WARNING $(MANAGE) load_demo_content

admin: migrate ## Create a local admin account if there is none (its password is printed once)
	$(MANAGE) ensure_admin

run: demo admin ## Set everything up and serve the site at http://127.0.0.1:$(PORT)/
	@echo "Serving http://127.0.0.1:$(PORT)/ (admin at http://127.0.0.1:$(PORT)/admin/)"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: $(VENV)/.dev-installed ## Run the whole test suite (browser tests skip when Chromium is missing)
	$(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: $(VENV)/.dev-installed ## Check code style with ruff, the templates with djLint, and the import contracts
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint
	$(BIN)/lint-imports

format: $(VENV)/.dev-installed ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: $(VENV)/.dev-installed ## Django's system checks and a check for missing migrations
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

bench: $(VENV)/.dev-installed ## Queries and render time per page type (1x, 10x); req/s through gunicorn, the page cache and Varnish beside a static file
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

fuzz: $(VENV)/.dev-installed ## Several thousand requests with odd values across every public URL and API parameter; fails on any 5xx
	$(BIN)/python scripts/fuzz.py $(FUZZ_ARGS)

lighthouse: $(VENV)/.dev-installed ## Lighthouse (mobile) scores per page type, on production settings (needs npm)
	scripts/lighthouse.sh

docs-screenshots: $(VENV)/.dev-installed ## Retake the admin screenshots in docs/images/editors/ (a throw-away site, headless Chromium)
	$(BIN)/python scripts/docs_screenshots.py

clean: ## Remove the virtual environment, the local database and uploaded media
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm media staticfiles artifacts .pytest_cache .lighthouse .vnu .test-db.sqlite3*
