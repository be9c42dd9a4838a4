# The two commands of the README: `make run` and `make test`. Both work from a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Local development and tests run with debug on; production sets DJANGO_DEBUG=false.
export DJANGO_DEBUG ?= true
# The port of `make run`: `make run PORT=8080` when 8000 is taken.
PORT ?= 8000

.PHONY: run test test-fast check bench load messages catalogs vnu lighthouse screenshots judge clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "helpfinder needs Python 3.11 or newer: set PYTHON=python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

catalogs: $(VENV)/.installed
	$(BIN)/python manage.py buildmessages

run: $(VENV)/.installed catalogs
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py seed
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed-dev catalogs vnu lighthouse
	$(BIN)/python -m pytest

# The quick loop while working: all but the browser tests and the tests that start other
# processes (their markers are in pyproject.toml). `make test` runs them too, as CI does.
test-fast: $(VENV)/.installed-dev catalogs
	$(BIN)/python -m pytest -m "not browser and not processes"

# The W3C HTML checker for the tests, from npm into .cache/vnu (run with Java). Without npm
# (or offline) this does nothing and the HTML check is skipped with one line saying so.
VNU_JAR := .cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar
vnu:
	@test -f $(VNU_JAR) || ! command -v npm >/dev/null || \
		npm install --prefix .cache/vnu --no-audit --no-fund --silent vnu-jar@26.9.27 || \
		echo "npm could not install vnu-jar: the HTML check will be skipped"

# Lighthouse for the search-engine check of the browser tests (SEO score 100), from npm into
# .cache/lighthouse (about 190 MB, no browser: it drives the system Chromium). 12.8.2, as
# 13 needs Node 22 and Debian's is 20. Without npm (or offline) this does nothing and the
# check is skipped with one line saying so.
LIGHTHOUSE := .cache/lighthouse/node_modules/.bin/lighthouse
lighthouse:
	@test -x $(LIGHTHOUSE) || ! command -v npm >/dev/null || \
		npm install --prefix .cache/lighthouse --no-audit --no-fund --silent lighthouse@12.8.2 || \
		echo "npm could not install lighthouse: the search-engine check will be skipped"

# docs/screenshots/*.png: six pages at phone size in Dutch, in Chromium, from a fresh
# database with the seed data (README.md, "Screenshots").
SCREENSHOTS_DB := $(CURDIR)/.cache/screenshots.sqlite3
screenshots: export DATABASE_URL = sqlite:///$(SCREENSHOTS_DB)
screenshots: export DJANGO_CACHE_URL =
screenshots: $(VENV)/.installed-dev catalogs
	@mkdir -p .cache && rm -f $(SCREENSHOTS_DB)
	$(BIN)/python manage.py migrate --no-input -v0
	$(BIN)/python manage.py seed
	$(BIN)/python -m devtools.screenshots

# Speed and load (README.md, "Benchmark"): production server, throw-away database; need wrk.
# BENCH_ARGS / LOAD_ARGS pass options, e.g. BENCH_ARGS="--sizes 100,1000".
bench: $(VENV)/.installed catalogs
	$(BIN)/python -m bench.run $(BENCH_ARGS)

load: $(VENV)/.installed catalogs
	$(BIN)/python -m bench.load $(LOAD_ARGS)

# Lint, format, Django's checks and missing migrations (CI runs this before `make test`).
check: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

# Refresh the .po files from the code and templates (needs GNU gettext), for every language
# in settings.LANGUAGES (a new one gets its catalog).
LOCALE_OPTIONS = $(BIN)/python manage.py shell -v0 -c \
	'from django.conf import settings; print(*(f"--locale={c}" for c, _ in settings.LANGUAGES))'
messages: $(VENV)/.installed
	$(BIN)/python manage.py makemessages $$($(LOCALE_OPTIONS)) --no-obsolete --no-location

clean:
	rm -rf $(VENV) staticfiles

# The judged situations (tests/data/judged-scenarios.yaml) on a fresh database with the seed
# data: each one's first three cards, pass or fail, and the mean nDCG@5; then the judged
# search queries (tests/search/judged-queries.yaml): each one's first three results and the
# share with a right answer first and in the first three.
JUDGE_DB := $(CURDIR)/.cache/judge.sqlite3
judge: export DATABASE_URL = sqlite:///$(JUDGE_DB)
judge: export DJANGO_CACHE_URL =
judge: $(VENV)/.installed-dev catalogs
	@mkdir -p .cache && rm -f $(JUDGE_DB)
	$(BIN)/python manage.py migrate --no-input -v0
	$(BIN)/python manage.py seed -v0
	$(BIN)/python -m tests.judging
