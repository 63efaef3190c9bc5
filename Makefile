# NNIRR website: `make run` serves the demo site, `make test` runs every check.
# Works from a fresh clone with only Python 3.11; installs Debian's PostgreSQL
# (and Chromium for tests) with apt-get when missing and we are root.

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
# make test runs the suite in this many processes (pytest-xdist), each on its own test database;
# the tests that stop the database server run afterwards, alone.
TEST_PROCESSES ?= 2
# Every process started here (migrate, the demo content, the worker, runserver) knows where the site is
# served: the development settings make the site's address, for links in emails, from HOST and PORT.
export HOST PORT
APT_GET := DEBIAN_FRONTEND=noninteractive apt-get

.PHONY: run test venv system-postgres system-test-tools db db-stop db-reset messages static bench bench-reference scale-check worker serve clean help

help:
	@echo "make run      set up everything and serve the demo site on http://$(HOST):$(PORT)"
	@echo "make test     set up everything the tests need and run them all"
	@echo "make bench    run the benchmarks (make bench-reference: only the pages next to bakerydemo)"
	@echo "make scale-check  nginx cache + two gunicorns + Redis + PostgreSQL on this machine, checked (installs them as root)"
	@echo "make screenshots  full-page screenshots of every page type (390/1366 px, EN/ES) into screenshots/"
	@echo "make db-stop  stop the embedded PostgreSQL server; make db-reset deletes its data"

$(VENV)/.installed: requirements.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed: install python3.11 (or set PYTHON=/path/to/python3.11)."; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

venv: $(VENV)/.installed

system-postgres:
	@if [ -z "$$DATABASE_URL" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing PostgreSQL (Debian package)..."; \
	    $(APT_GET) update -qq && $(APT_GET) install -y -qq postgresql >/dev/null; \
	  else \
	    echo "PostgreSQL server binaries are missing. Install them with: sudo apt-get install postgresql"; \
	    echo "(or set DATABASE_URL to an existing PostgreSQL database)"; exit 1; \
	  fi; \
	fi

# Chromium for the browser tests, gettext (xgettext) for the test that every interface string is translated.
system-test-tools:
	@missing=""; command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v xgettext >/dev/null || missing="$$missing gettext"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing$$missing (Debian packages) for the tests..."; \
	    $(APT_GET) update -qq && $(APT_GET) install -y -qq $$missing >/dev/null; \
	  else \
	    echo "The tests need:$$missing. Install with: sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi

messages: venv
	$(PY) -m nnirr_site.compile_translations

db: venv system-postgres
	@if [ -z "$$DATABASE_URL" ]; then $(PY) -m nnirr_site.embedded_postgres start; fi
	$(PY) manage.py migrate --noinput -v0

# The cluster is in .pgdata/, or outside the clone when we are root and the postgres user cannot
# reach it (nnirr_site/embedded_postgres.py); the module finds it either way.
db-stop:
	@if [ -x $(PY) ]; then $(PY) -m nnirr_site.embedded_postgres stop; else python3 -m nnirr_site.embedded_postgres stop; fi

db-reset:
	@if [ -x $(PY) ]; then $(PY) -m nnirr_site.embedded_postgres reset; else python3 -m nnirr_site.embedded_postgres reset; fi

run: db messages
	$(PY) manage.py load_demo_content
	$(PY) manage.py ensure_demo_admin
	@echo "Serving on http://$(HOST):$(PORT)/ with the petition email worker  (Ctrl-C stops both)"
	@$(PY) -m nnirr_site.background.keep_alive $(PY) manage.py db_worker --backend petitions --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# The background worker alone (petition emails), for a server run some other way; started again if it dies.
worker: db
	$(PY) -m nnirr_site.background.keep_alive $(PY) manage.py db_worker --backend petitions

test: venv system-postgres system-test-tools messages
	@if [ -z "$$DATABASE_URL" ]; then $(PY) -m nnirr_site.embedded_postgres start; fi
	$(PY) -m nnirr_site.compile_translations --check
	DJANGO_SETTINGS_MODULE=nnirr_site.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=nnirr_site.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest -n $(TEST_PROCESSES) --dist loadfile -m "not serial"
	$(PY) -m pytest -m serial

bench: db messages
	@command -v wrk >/dev/null || { if [ "$$(id -u)" = 0 ]; then $(APT_GET) update -qq && $(APT_GET) install -y -qq wrk >/dev/null; \
	  else echo "wrk is not installed (sudo apt-get install wrk); the page benchmark uses a slower Python client."; fi; }
	$(PY) bench/run.py

# Full-page screenshots of every page type at 390 and 1366 px, English and Spanish, into screenshots/ (index.html).
.PHONY: screenshots
screenshots: db messages system-test-tools
	$(PY) scripts/screenshots.py

# Only the side-by-side page comparison with Wagtail's bakerydemo (installed on first use, see bench/reference.py).
bench-reference: db messages
	$(PY) bench/run.py pages --side-by-side

# Running at scale, proven on this machine (README): nginx proxy_cache in front of two gunicorns sharing
# Redis and PostgreSQL. Needs Debian's nginx, redis-server and wrk (installed as root).
scale-check: db messages
	@missing=""; command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing="$$missing nginx-light"; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	command -v wrk >/dev/null || missing="$$missing wrk"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing$$missing (Debian packages)..."; \
	    $(APT_GET) update -qq && $(APT_GET) install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Missing:$$missing. Install them with: sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi
	$(PY) scripts/scale_check/run.py

clean:
	rm -rf $(VENV) collected_static .test-media .pytest_cache
