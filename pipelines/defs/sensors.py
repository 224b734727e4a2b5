"""A sensor that starts a run when files in the corpus folder are added, changed or removed."""


import hashlib
import json

import dagster as dg

from pipelines.defs.jobs import ingest_job
from pipelines.defs.resources import CorpusResource
from pipelines.ingest.files import discover


def corpus_fingerprint(corpus: CorpusResource) -> dict[str, list[int]]:
    """{source_path: [size, mtime_ns]} for every article file in the corpus."""
    return {f.source_path: [f.size_bytes, f.mtime_ns] for f in discover(corpus.path)}


@dg.sensor(job=ingest_job, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING,
           description="Launches one run per change of the corpus folder (new, changed or removed files).")
def corpus_sensor(context: dg.SensorEvaluationContext, corpus: CorpusResource) -> dg.SensorResult:
    current = corpus_fingerprint(corpus)
    previous = json.loads(context.cursor) if context.cursor else None
    cursor = json.dumps(current, sort_keys=True)
    if current == previous:
        return dg.SensorResult(skip_reason="No file was added, changed or removed.", cursor=cursor)
    changed = sorted(p for p in current.keys() | (previous or {}).keys()
                     if (previous or {}).get(p) != current.get(p))
    # One change (from this state of the folder to that one), one run: a re-evaluated tick repeats the key.
    run_key = hashlib.sha256(f"{context.cursor}\n{cursor}".encode("utf-8")).hexdigest()[:16]
    return dg.SensorResult(
        run_requests=[dg.RunRequest(run_key=run_key, tags={"news_warehouse/changed_files": str(len(changed))})],
        cursor=cursor,
    )
