"""A cluster on one machine, from Debian's packages: PostgreSQL (the lake's catalog and Dagster's run storage),
Redis (the Celery broker) and Celery workers, started and stopped by our own code (tests, benchmark, demo)."""
