-- The run's row in pipeline_runs (its counts are those of pipelines.warehouse.load.LoadSummary).
INSERT INTO pipeline_runs (run_id, started_at, finished_at, files_seen, files_processed, articles_added,
                           articles_changed, files_missing, errors)
VALUES ($run_id, $started_at, $finished_at, $files_seen, $files_processed, $articles_added,
        $articles_changed, $files_missing, $errors);
