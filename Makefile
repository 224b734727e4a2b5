# News Warehouse: `make run` builds the warehouse from corpus/, `make test` runs the test suite.
# Both create the virtual environment .venv from the hashed lock on first use.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export DAGSTER_HOME := $(CURDIR)
export PYTHONPATH := $(CURDIR)

.PHONY: setup run test test-cluster cluster-demo dev eval bench bench-cluster sql check-defs clean

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

dev: setup
	$(VENV)/bin/dagster dev -m pipelines.definitions

check-defs: setup
	$(VENV)/bin/dg check defs

# The seeds (with the gold sidecar for 004's day), then the two held-out sets (dev, then test), then cleaning and
# metadata on the real pages of ../shared/realworld/readability, as HTML and as copied plain text.
eval: setup
	$(PY) -m pipelines eval
	$(PY) -m pipelines eval --corpus tests/gold/heldout/corpus --gold tests/gold/heldout/heldout.json --sidecars none
	$(PY) -m pipelines eval --corpus tests/gold/heldout2/corpus --gold tests/gold/heldout2/heldout2.json --sidecars none
	$(PY) -m pipelines eval-cleaning --realworld ../shared/realworld/readability

bench: setup
	$(PY) -m pipelines bench

# The benchmark on a cluster of Celery workers on this machine (starts and stops PostgreSQL, Redis, the workers).
bench-cluster: setup
	$(PY) -m pipelines bench --cluster
	$(PY) -m pipelines bench --cluster --incremental 1000

# make sql Q="SELECT speaker_name, count(*) FROM quotes GROUP BY 1 ORDER BY 2 DESC"
sql: setup
	$(PY) -m pipelines sql "$(Q)"

clean:
	rm -rf .dagster warehouse/*.duckdb warehouse/.*.duckdb.*
