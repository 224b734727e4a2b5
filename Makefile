# News Warehouse: `make run` builds the warehouse from corpus/, `make test` runs the test suite.
# Both create the virtual environment .venv from the hashed lock on first use.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export DAGSTER_HOME := $(CURDIR)
export PYTHONPATH := $(CURDIR)

.PHONY: setup run test dev eval bench sql check-defs order-check clean

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

dev: setup
	$(VENV)/bin/dagster dev -m pipelines.definitions

check-defs: setup
	$(VENV)/bin/dg check defs

# The seeds (with the gold sidecar for 004's day), the two held-out sets (dev, then test), the real pages
# annotated for quotes and people (dev, then test), then cleaning and metadata on the real pages of
# ../shared/realworld/readability, as HTML and as copied plain text. Every set is scored; the target fails
# when any figure of any set falls below its floor (tests/gold/floors.toml).
eval: setup
	@status=0; \
	$(PY) -m pipelines eval || status=1; \
	$(PY) -m pipelines eval --corpus tests/gold/heldout/corpus --gold tests/gold/heldout/heldout.json --sidecars none || status=1; \
	$(PY) -m pipelines eval --corpus tests/gold/heldout2/corpus --gold tests/gold/heldout2/heldout2.json --sidecars none || status=1; \
	$(PY) -m pipelines eval --corpus tests/gold/realworld_dev/corpus --gold tests/gold/realworld_dev/realworld_dev.json --sidecars none || status=1; \
	$(PY) -m pipelines eval --corpus tests/gold/realworld_test/corpus --gold tests/gold/realworld_test/realworld_test.json --sidecars none || status=1; \
	$(PY) -m pipelines eval-cleaning --realworld ../shared/realworld/readability || status=1; \
	exit $$status

bench: setup
	$(PY) -m pipelines bench

# The warehouse is a function of the set of files: the 53 real pages (HTML and text), seeds, dev, test and
# generated articles in one run, against three shuffled incremental plans (longer than the suite's version).
order-check: setup
	$(PY) -m pipelines order-check

# make sql Q="SELECT speaker_name, count(*) FROM quotes GROUP BY 1 ORDER BY 2 DESC"
sql: setup
	$(PY) -m pipelines sql "$(Q)"

clean:
	rm -rf .dagster warehouse/*.duckdb warehouse/.*.duckdb.*
