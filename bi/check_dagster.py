"""make bi-check, Dagster part: `make dev` (the Dagster UI) in headless Chromium and through its GraphQL API.

1. Starts `make dev` on a corpus of the seeds and a warehouse in a temporary folder, with a Dagster instance of its
   own, the way a script starts it in the background (SIGINT ignored, no terminal).
2. The corpus sensor launches the first run (a new instance's sensor sees every file as new): it must succeed.
3. The asset graph shows the five assets, the asset check page every check of sql/checks/, passed.
4. A new article dropped into the corpus: the sensor launches a run by itself, the run succeeds and the warehouse
   has one more article. The run's page shows it.
5. SIGTERM to make stops every process of `make dev` within a minute; started again, so does SIGINT to its
   process group (what Ctrl-C in a terminal sends).
Screenshots go to bi/out/dagster/.
"""

from __future__ import annotations

import json
import shutil
import signal
import time
import urllib.request
from pathlib import Path

from checklib import NEW_ARTICLES, ROOT, Service, check, chromium_page, prepared, warehouse_rows

ASSETS = ["corpus_scan", "raw_articles", "clean_articles", "extractions", "news_warehouse"]
CHECKS = sorted(path.stem for path in (ROOT / "sql" / "checks").glob("*.sql"))
SENSOR_RUNS = """
query SensorRuns {
  runsOrError(filter: {tags: [{key: "dagster/sensor_name", value: "corpus_sensor"}]}) {
    ... on Runs { results { runId status startTime } }
  }
}"""
ASSET_CHECKS = """
query AssetChecks {
  assetNodes {
    assetKey { path }
    assetChecksOrError { ... on AssetChecks { checks { name executionForLatestMaterialization { status } } } }
  }
}"""


class DagsterUI:
    def __init__(self, base: str):
        self.base = base

    def graphql(self, query: str) -> dict:
        request = urllib.request.Request(self.base + "/graphql", data=json.dumps({"query": query}).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            body = json.load(response)
        check("errors" not in body, f"GraphQL errors: {body.get('errors')}")
        return body["data"]

    def sensor_runs(self) -> list[dict]:
        return self.graphql(SENSOR_RUNS)["runsOrError"]["results"]

    def wait_for_sensor_run(self, known: set[str], timeout: float) -> dict:
        """The first run the sensor launches that is not in `known`, once it has finished; it must succeed."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            runs = [run for run in self.sensor_runs() if run["runId"] not in known]
            if runs and runs[-1]["status"] in ("SUCCESS", "FAILURE", "CANCELED"):
                run = runs[-1]
                check(run["status"] == "SUCCESS", f"sensor run {run['runId']} ended {run['status']}")
                return run
            time.sleep(2)
        raise AssertionError(f"the sensor launched no run that finished within {timeout:.0f} s")

    def checks_passed(self) -> dict[str, str]:
        """{check name: status of its execution for the latest materialization}."""
        nodes = self.graphql(ASSET_CHECKS)["assetNodes"]
        return {c["name"]: (c["executionForLatestMaterialization"] or {}).get("status")
                for node in nodes for c in node["assetChecksOrError"].get("checks", [])}


def instance_home(work: Path) -> Path:
    """A Dagster instance of the check's own: the project's dagster.yaml, its storage moved into `work`."""
    home = work / "dagster_home"
    home.mkdir()
    config = (ROOT / "dagster.yaml").read_text(encoding="utf-8")
    check("base_dir: .dagster" in config, "dagster.yaml no longer keeps its storage under .dagster/")
    (home / "dagster.yaml").write_text(config.replace("base_dir: .dagster", f"base_dir: {home}/.dagster"),
                                       encoding="utf-8")
    return home


def make_dev(port: int, home: Path, corpus: Path, warehouse: Path, log: Path) -> Service:
    return Service("make dev", ["make", "dev", f"DAGSTER_PORT={port}", f"DAGSTER_HOME={home}"], log=log,
                   env={"NEWS_CORPUS_DIR": str(corpus), "NEWS_WAREHOUSE": str(warehouse)}, ignore_sigint=True)


def stops_on(dev: Service, signum: int, whole_group: bool) -> None:
    """Sends the signal (to make alone, or to the process group) and asserts every process of make dev ends."""
    dev.signal(signum, whole_group)
    stopped = dev.wait_until_gone(60)
    target = "its process group" if whole_group else f"make (pid {dev.pid})"
    check(stopped, f"make dev still runs 60 s after {signal.Signals(signum).name} to {target}: {dev.group()}")
    print(f"make dev: stopped on {signal.Signals(signum).name} to {target}, no process left", flush=True)


def main() -> None:
    with prepared("dagster", "DAGSTER_PORT", 3000, __doc__.split("\n")[0]) as (port, out, work):
        corpus, warehouse = work / "corpus", work / "news.duckdb"
        home = instance_home(work)
        ui = DagsterUI(f"http://127.0.0.1:{port}")
        started = time.monotonic()
        with make_dev(port, home, corpus, warehouse, out / "make_dev.log") as dev, chromium_page() as page:
            dev.wait_for_http(ui.base + "/server_info", timeout=300)
            print(f"make dev: UI up after {time.monotonic() - started:.0f} s on {ui.base}", flush=True)

            first = ui.wait_for_sensor_run(set(), timeout=600)
            articles = warehouse_rows(warehouse, "SELECT count(*) FROM articles")[0][0]
            check(articles == len(list(corpus.iterdir())), f"the first run published {articles} articles")
            checks = ui.checks_passed()
            check(sorted(checks) == CHECKS and set(checks.values()) == {"SUCCEEDED"},
                  f"asset checks: {checks}, expected {CHECKS} all SUCCEEDED")
            print(f"sensor: first run {first['runId']} succeeded, {articles} articles; checks {checks}", flush=True)

            page.goto(ui.base + "/asset-groups")  # the global asset lineage, one box per asset group
            page.get_by_text("warehouse", exact=True).first.wait_for()
            page.mouse.click(900, 300, button="right")  # the graph's own menu, on its empty upper part
            page.locator("[role=menuitem]", has_text="Expand all groups").first.click()
            for asset in ASSETS:
                page.get_by_text(asset, exact=True).first.wait_for()
            page.screenshot(path=out / "asset_graph.png")
            page.goto(ui.base + "/assets/news_warehouse?view=checks")
            for name in CHECKS:
                page.get_by_text(name, exact=True).first.wait_for()
            page.screenshot(path=out / "asset_checks.png")
            print(f"UI: asset graph shows {ASSETS}; checks page shows {CHECKS}", flush=True)

            shutil.copy2(NEW_ARTICLES[0], corpus / NEW_ARTICLES[0].name)
            second = ui.wait_for_sensor_run({first["runId"]}, timeout=600)
            grown = warehouse_rows(warehouse, "SELECT count(*) FROM articles")[0][0]
            check(grown == articles + 1,
                  f"after a new file the warehouse has {grown} articles, expected {articles + 1}")
            page.goto(f"{ui.base}/runs/{second['runId']}")
            page.get_by_text("Success", exact=True).first.wait_for()
            page.get_by_text("Launched by corpus_sensor").first.wait_for()
            page.get_by_text("Loading run logs").first.wait_for(state="hidden")
            page.screenshot(path=out / "sensor_run.png")
            print(f"sensor: new file -> run {second['runId']} succeeded, warehouse {articles} -> {grown} articles",
                  flush=True)
            stops_on(dev, signal.SIGTERM, whole_group=False)

        with make_dev(port, home, corpus, warehouse, out / "make_dev.log") as dev:
            dev.wait_for_http(ui.base + "/server_info", timeout=300)
            stops_on(dev, signal.SIGINT, whole_group=True)
        print(f"dagster check passed in {time.monotonic() - started:.0f} s; screenshots in {out}", flush=True)


if __name__ == "__main__":
    main()
