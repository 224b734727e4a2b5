"""A daily re-scan of the corpus, in case the sensor was off when files changed."""

import dagster as dg

from pipelines.defs.jobs import ingest_job

daily_rescan = dg.ScheduleDefinition(
    name="daily_corpus_rescan",
    job=ingest_job,
    cron_schedule="0 3 * * *",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Re-scans the corpus every day at 03:00; unchanged files cost only a stat.",
)
