"""The cluster tests start their own services (PostgreSQL, Redis, two Celery workers) from the Debian packages
and stop them; they run with ``make test-cluster`` (CI: .ci/run installs the packages first). Without the
packages they are skipped, unless NEWS_CLUSTER_TESTS=required (CI), where that is a failure."""

from __future__ import annotations

import os

import pytest

from pipelines.cluster.services import local_cluster, services_installed

# Steps short and visibility timeout long enough that a step never outlives it, short enough that the task of a
# killed worker comes back within the test.
CLUSTER_ENV = {"NEWS_SHARD_BATCHES": "1", "NEWS_CELERY_VISIBILITY_TIMEOUT": "60"}


@pytest.fixture(scope="session")
def cluster(tmp_path_factory):
    if not services_installed():
        message = "PostgreSQL and Redis are not installed (apt-get install postgresql redis-server)"
        if os.environ.get("NEWS_CLUSTER_TESTS") == "required":
            pytest.fail(message)
        pytest.skip(message)
    with local_cluster(tmp_path_factory.mktemp("cluster"), workers=2, extra_env=CLUSTER_ENV) as running:
        yield running
