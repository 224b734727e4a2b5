# News Warehouse: `make run` builds the warehouse from corpus/, `make test` runs the test suite.
# Both create the virtual environment .venv from the hashed lock on first use.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DAGSTER_PORT ?= 3000
BI_VENV := bi/.venv
BI_STAMP := $(BI_VENV)/.installed
SUPERSET_PORT ?= 8088
export DAGSTER_PORT SUPERSET_PORT
export DAGSTER_HOME := $(CURDIR)
export PYTHONPATH := $(CURDIR)

.PHONY: setup run test test-cluster cluster-demo dev eval bench bench-cluster sql check-defs order-check clean bi-setup \
    superset bi bi-check

setup: $(STAMP)

# Re-installs only when the lock changes; a present, matching environment is skipped in no time.
$(STAMP): requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $(STAMP)

run: setup
	$(PY) -m pipelines run

test: setup
	$(PY) -m pytest

# The distributed tests: they start PostgreSQL, Redis and two Celery workers from the Debian packages
# (apt-get install postgresql redis-server) and stop them again.
test-cluster: setup
	$(PY) -m pytest -m cluster tests/cluster

# The bundled corpus built by two Celery workers into a DuckLake; starts and stops PostgreSQL, Redis and the
# workers (apt-get install postgresql redis-server).
cluster-demo: setup
	$(PY) -m pipelines cluster-demo

# The Dagster UI. `env --default-signal` undoes the SIGINT a script's background job (`make dev &`) inherits as
# ignored: dagster dev copies SIGINT's handler to SIGTERM, so it would ignore both. make passes SIGTERM on.
dev: setup
	env --default-signal=INT $(VENV)/bin/dagster dev -m pipelines.definitions --port $(DAGSTER_PORT)

# Superset's own environment from its own hashed lock (bi/requirements.lock): Superset pins a dependency tree of its
# own (SQLAlchemy 1.4, Flask 2) that cannot share the project's environment.
bi-setup: $(BI_STAMP)

$(BI_STAMP): bi/requirements.lock
	test -x $(BI_VENV)/bin/python || $(PYTHON) -m venv $(BI_VENV)
	$(BI_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r bi/requirements.lock
	touch $(BI_STAMP)

# Superset at http://localhost:$(SUPERSET_PORT) with the provisioned dashboard, on the published warehouse (built
# first when there is none).
superset bi: setup bi-setup
	test -f "$${NEWS_WAREHOUSE:-warehouse/news.duckdb}" || $(PY) -m pipelines run
	bi/superset.sh

# The dashboard and the Dagster UI checked in headless Chromium, on a warehouse of the seeds in a temporary folder.
bi-check: setup bi-setup
	$(BI_VENV)/bin/python bi/check_superset.py
	$(BI_VENV)/bin/python bi/check_dagster.py

check-defs: setup
	$(VENV)/bin/dg check defs

# The seeds (with the gold sidecar for 004's day), the two held-out sets (dev, then test), the real pages
# annotated for quotes and people (Readability's, then Mercury Parser's; dev, then test), short texts of our own annotated for people only
# (tests/gold/heldout_people; tests/gold/heldout_world, world-news wire copy), then cleaning and metadata on the real pages of
# ../shared/realworld/readability, as HTML and as copied plain text. Every set is scored; the target fails
# when any figure of any set falls below its floor (tests/gold/floors.toml).
eval: setup
	@status=0; \
	$(PY) -m pipelines eval || status=1; \
	$(PY) -m pipelines eval --corpus tests/gold/heldout/corpus --gold tests/gold/heldout/heldout.json --sidecars none || status=1; \
	$(PY) -m pipelines eval --corpus tests/gold/heldout2/corpus --gold tests/gold/heldout2/heldout2.json --sidecars none || status=1; \
	$(PY) -m pipelines eval --corpus tests/gold/heldout3/corpus --gold tests/gold/heldout3/heldout3.json --sidecars none || status=1; \
	$(PY) -m pipelines eval --corpus tests/gold/realworld_dev/corpus --gold tests/gold/realworld_dev/realworld_dev.json --sidecars none || status=1; \
	$(PY) -m pipelines eval --corpus tests/gold/realworld_test/corpus --gold tests/gold/realworld_test/realworld_test.json --sidecars none || status=1; \
	$(PY) -m pipelines eval --corpus tests/gold/mercury_dev/corpus --gold tests/gold/mercury_dev/mercury_dev.json --sidecars none || status=1; \
	$(PY) -m pipelines eval --corpus tests/gold/mercury_dev2/corpus --gold tests/gold/mercury_dev2/mercury_dev2.json --sidecars none || status=1; \
	$(PY) -m pipelines eval --corpus tests/gold/mercury_test/corpus --gold tests/gold/mercury_test/mercury_test.json --sidecars none || status=1; \
	$(PY) -m pipelines eval --corpus tests/gold/mercury_test2/corpus --gold tests/gold/mercury_test2/mercury_test2.json --sidecars none || status=1; \
	$(PY) -m pipelines eval --corpus tests/gold/heldout_people/corpus --gold tests/gold/heldout_people/heldout_people.json --sidecars none || status=1; \
	$(PY) -m pipelines eval --corpus tests/gold/heldout_world/corpus --gold tests/gold/heldout_world/heldout_world.json --sidecars none || status=1; \
	$(PY) -m pipelines eval-cleaning --realworld ../shared/realworld/readability || status=1; \
	exit $$status

bench: setup
	$(PY) -m pipelines bench

# The benchmark on a cluster of Celery workers on this machine (starts and stops PostgreSQL, Redis, the workers).
bench-cluster: setup
	$(PY) -m pipelines bench --cluster
	$(PY) -m pipelines bench --cluster --incremental 1000

# The warehouse is a function of the set of files: the 53 real pages (HTML and text), seeds, dev, test and
# generated articles in one run, against three shuffled incremental plans (longer than the suite's version).
order-check: setup
	$(PY) -m pipelines order-check

# make sql Q="SELECT speaker_name, count(*) FROM quotes GROUP BY 1 ORDER BY 2 DESC"
sql: setup
	$(PY) -m pipelines sql "$(Q)"

clean:
	rm -rf .dagster warehouse/*.duckdb warehouse/.*.duckdb.*
