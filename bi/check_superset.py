"""make bi-check, Superset part: the provisioned dashboard, checked in headless Chromium.

1. Builds a warehouse from the seeds in a temporary folder (never the user's warehouse) and starts Superset on it
   the way `make superset` does (bi/superset.sh), with its own metadata database.
2. Logs in, opens the dashboard and asserts that every chart rendered with data and no error: each chart's data
   request answered with rows, and its drawing (canvas, table rows or number) is on the page. The figures shown
   (articles, quotes, speakers) must equal the warehouse's. Picks a speaker in the Speaker filter: the quote
   table must list that speaker's quotes only.
3. Asserts the full-text index schemas are hidden from the schema picker and that SQL Lab reads the warehouse
   but cannot reach other files.
4. Adds articles and runs the pipeline while Superset is up, reloads: the new counts and publishers show, with
   no error (a lock would be one) and the same Superset process (no restart).
Screenshots go to bi/out/superset/.
"""

from __future__ import annotations

import json
import shutil
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from checklib import (BI, NEW_ARTICLES, CheckFailed, Service, check, chromium_page, prepared, run_pipeline,
                      warehouse_rows)

DASHBOARD = "/superset/dashboard/news-warehouse/"
CHART_NAMES = {line.split(":", 1)[1].strip() for path in (BI / "dashboard" / "charts").glob("*.yaml")
               for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("slice_name:")}
QUOTES_TABLE = "Quotes with speaker, article and date"
PUBLISHERS_CHART = "Articles per publisher and month"
# What a chart looks like once drawn: ECharts draws on a canvas, tables have body rows, big numbers a header line.
DRAWN = "canvas, table tbody tr, .header-line"
ERRORS = "[role=alert], .ant-alert-error, .alert-danger"


@dataclass
class Figures:
    """What the dashboard must show, read from the warehouse directly."""

    articles: int
    quotes: int
    speakers: int
    publishers: set[str]
    speaker: str
    speaker_quotes: int

    @classmethod
    def of(cls, warehouse: Path) -> Figures:
        def one(sql: str, *params: object) -> object:
            return warehouse_rows(warehouse, sql, list(params))[0][0]
        speaker = one("SELECT speaker FROM quotes_by_speaker ORDER BY quotes DESC, speaker LIMIT 1")
        return cls(
            articles=one("SELECT count(*) FROM articles WHERE missing_since IS NULL"),
            quotes=one("SELECT count(*) FROM quote_details"),
            speakers=one("SELECT count(*) FROM quotes_by_speaker"),
            publishers={p for (p,) in warehouse_rows(warehouse, "SELECT publisher FROM articles_per_publisher_month")},
            speaker=speaker,
            speaker_quotes=one("SELECT count(*) FROM quote_details WHERE speaker = ?", speaker),
        )


class Dashboard:
    """The dashboard in the browser, with the chart data its charts received."""

    def __init__(self, page: object, base: str):
        self.page, self.base = page, base
        self.data: dict[int, dict] = {}  # chart id -> the last data response's first result
        page.on("response", self._record)

    def _record(self, response: object) -> None:
        if "/api/v1/chart/data" not in response.url:
            return
        chart_id = _chart_id(response)
        try:
            body = response.json()
        except Exception:  # noqa: BLE001 - an unreadable answer is recorded as an error
            body = {"result": [{"error": f"HTTP {response.status}, not JSON"}]}
        result = (body.get("result") or [{"error": body.get("message") or body.get("errors") or body}])[0]
        if response.status != 200:
            result = {**result, "error": result.get("error") or f"HTTP {response.status}: {body}"}
        if chart_id is not None:
            self.data[chart_id] = result

    def login(self, user: str, password: str) -> None:
        self.page.goto(self.base + "/login/")
        self.page.fill("#username", user)
        self.page.fill("#password", password)
        self.page.click("[type=submit]")
        self.page.wait_for_url(lambda url: "/login" not in url)

    def open(self) -> dict[str, dict]:
        """Loads the dashboard and waits until every chart is drawn; {chart name: its data}."""
        self.data.clear()
        self.page.goto(self.base + DASHBOARD)
        return self.wait_for_charts()

    def charts(self) -> dict[str, int]:
        slices = self.page.locator(".chart-slice[data-test-chart-id]")
        return {slices.nth(i).get_attribute("data-test-chart-name"):
                int(slices.nth(i).get_attribute("data-test-chart-id")) for i in range(slices.count())}

    def chart(self, name: str) -> object:
        return self.page.locator(f'.chart-slice[data-test-chart-name="{name}"]')

    def wait_for_charts(self, timeout: float = 180) -> dict[str, dict]:
        self.page.wait_for_selector(".chart-slice[data-test-chart-id]")
        deadline = time.monotonic() + timeout
        while True:
            charts = self.charts()
            answered = {name: self.data.get(chart_id) for name, chart_id in charts.items()}
            drawn = {name: self.chart(name).locator(DRAWN).count() > 0 for name in charts}
            errors = {name: self.chart(name).locator(ERRORS).count() for name in charts}
            if any(errors.values()) or (all(answered.values()) and all(drawn.values())):
                break
            if time.monotonic() > deadline:
                raise CheckFailed(f"charts not drawn within {timeout:.0f} s: answered "
                                  f"{sorted(n for n, d in answered.items() if d)}, "
                                  f"drawn {sorted(n for n, d in drawn.items() if d)}")
            time.sleep(1)
        self.page.wait_for_load_state("networkidle")
        check(set(charts) == CHART_NAMES,
              f"the dashboard shows {sorted(charts)}, the repo defines {sorted(CHART_NAMES)}")
        for name in charts:
            result = answered[name]
            error_text = self.chart(name).locator(ERRORS).all_inner_texts()
            check(not error_text, f"chart {name!r} shows an error: {error_text}")
            check(not result.get("error"), f"chart {name!r}: its query failed: {result.get('error')}")
            check(result.get("rowcount", 0) > 0, f"chart {name!r} got no rows")
            check(drawn[name], f"chart {name!r} is not drawn")
        return answered

    def screenshot(self, path: Path) -> None:
        """The whole dashboard. The window is first made as tall as the page (a full-page screenshot resizes it
        while shooting, and the dashboard blanks its grid while it redraws for a new size)."""
        height = self.page.evaluate("document.documentElement.scrollHeight")
        self.page.set_viewport_size({"width": self.page.viewport_size["width"], "height": height})
        self.wait_for_charts()
        self.page.wait_for_timeout(2000)  # the charts' drawing animations
        self.page.screenshot(path=path)

    def number(self, chart: str) -> int:
        return int(self.chart(chart).locator(".header-line").inner_text().replace(",", "").strip())

    def filter_by_speaker(self, speaker: str) -> list[str]:
        """Picks the speaker in the filter bar and applies it; the speakers of the quote table's first page."""
        table = self.charts()[QUOTES_TABLE]
        self.data.pop(table, None)
        select = self.page.locator('[aria-label="Speaker"] .ant-select-selector').first
        select.click()
        self.page.keyboard.type(speaker)
        self.page.locator(f'.ant-select-item-option[title="{speaker}"]').click()
        self.page.keyboard.press("Escape")
        self.page.locator("button.filter-apply-button").click()
        deadline = time.monotonic() + 60
        while table not in self.data and time.monotonic() < deadline:
            self.page.wait_for_timeout(500)
        check(table in self.data, "the quote table was not queried again after the filter was applied")
        self.page.wait_for_load_state("networkidle")
        self.wait_for_charts()
        return self.chart(QUOTES_TABLE).locator("table tbody tr td:first-child").all_inner_texts()

    def api(self, path: str, method: str = "GET", body: dict | None = None) -> dict:
        """Superset's REST API with the browser's session (and its CSRF token for writes)."""
        request = self.page.request
        if method == "GET":
            response = request.get(self.base + path)
        else:
            token = request.get(self.base + "/api/v1/security/csrf_token/").json()["result"]
            response = request.post(self.base + path, data=body, headers={"X-CSRFToken": token,
                                                                          "Referer": self.base + "/sqllab/"})
        return {**response.json(), "http_status": response.status}


def _chart_id(response: object) -> int | None:
    """The chart a data request is for: in the URL's form_data (GET) or the posted form_data (POST)."""
    query = urllib.parse.parse_qs(urllib.parse.urlparse(response.url).query)
    form_data = json.loads(query["form_data"][0]) if "form_data" in query else None
    if form_data is None and response.request.post_data:
        try:
            form_data = json.loads(response.request.post_data).get("form_data")
        except ValueError:
            form_data = None
    return (form_data or {}).get("slice_id")


def check_figures(dashboard: Dashboard, figures: Figures, seen: dict[str, dict]) -> None:
    shown = {"Articles": dashboard.number("Articles"), "Quotes": dashboard.number("Quotes"),
             "Named speakers": dashboard.number("Named speakers")}
    expected = {"Articles": figures.articles, "Quotes": figures.quotes, "Named speakers": figures.speakers}
    check(shown == expected, f"the dashboard shows {shown}, the warehouse holds {expected}")
    check(seen[QUOTES_TABLE]["rowcount"] == figures.quotes,
          f"the quote table got {seen[QUOTES_TABLE]['rowcount']} rows, the warehouse has {figures.quotes} quotes")
    publishers = set(seen[PUBLISHERS_CHART]["colnames"]) - {"publication_month"}  # one series per publisher
    check(publishers == figures.publishers, f"publishers charted {publishers}, in the warehouse {figures.publishers}")


def check_sql_access(dashboard: Dashboard) -> None:
    """The schema picker lists only the warehouse's main schema; SQL Lab reads it but no other file."""
    database = dashboard.api('/api/v1/database/?q=(filters:!((col:database_name,opr:eq,value:%27News%20Warehouse%27)))')
    check(database["count"] == 1, f"the News Warehouse database is not registered: {database}")
    database_id = database["result"][0]["id"]
    schemas = dashboard.api(f"/api/v1/database/{database_id}/schemas/?q=(force:!t)")["result"]
    check(schemas == ["news.main"], f"the schema picker lists {schemas}, expected only news.main (no fts_main_*)")

    def sql(statement: str) -> dict:
        return dashboard.api("/api/v1/sqllab/execute/", "POST", {"database_id": database_id, "sql": statement,
                                                                  "runAsync": False, "schema": "main"})
    speakers = sql("SELECT count(*) AS n FROM quotes_by_speaker")
    check(speakers["http_status"] == 200 and speakers["data"][0]["n"] > 0,
          f"SQL Lab cannot read the warehouse: {speakers}")
    outside = sql("SELECT * FROM read_text('/etc/hostname')")
    check(outside["http_status"] != 200 and "disabled" in json.dumps(outside).lower(),
          f"SQL Lab read a file outside the warehouse: {outside}")


def main() -> None:
    with prepared("superset", "SUPERSET_PORT", 8088, __doc__.split("\n")[0]) as (port, out, work):
        corpus, warehouse, state = work / "corpus", work / "news.duckdb", work / "superset"
        base = f"http://127.0.0.1:{port}"
        started = time.monotonic()
        run_pipeline(corpus, warehouse, out / "pipeline.log")
        figures = Figures.of(warehouse)
        print(f"warehouse built from the seeds: {figures}", flush=True)
        superset = Service("superset", [str(BI / "superset.sh")], log=out / "superset.log", env={
            "NEWS_WAREHOUSE": str(warehouse), "NEWS_SUPERSET_STATE": str(state), "SUPERSET_PORT": str(port)})
        with superset, chromium_page() as page:
            superset.wait_for_http(base + "/health", timeout=900)
            server_pid = superset.pid
            print(f"superset: up after {time.monotonic() - started:.0f} s on {base}", flush=True)

            dashboard = Dashboard(page, base)
            dashboard.login("admin", (state / "admin_password").read_text().strip())
            seen = dashboard.open()
            check_figures(dashboard, figures, seen)
            dashboard.screenshot(out / "dashboard.png")
            print(f"dashboard: {len(seen)} charts drawn with data, figures match the warehouse", flush=True)

            speakers = dashboard.filter_by_speaker(figures.speaker)
            rows = dashboard.data[dashboard.charts()[QUOTES_TABLE]]["rowcount"]
            check(rows == figures.speaker_quotes and speakers and set(speakers) == {figures.speaker},
                  f"filtered by {figures.speaker!r}: {rows} rows (expected {figures.speaker_quotes}), "
                  f"first page {speakers}")
            dashboard.chart(QUOTES_TABLE).screenshot(path=out / "quotes_filtered_by_speaker.png")
            print(f"speaker filter: {figures.speaker!r} -> {rows} quotes, all theirs", flush=True)

            check_sql_access(dashboard)
            print("sql: only news.main is listed; SQL Lab reads the warehouse and no other file", flush=True)

            for article in NEW_ARTICLES:
                shutil.copy2(article, corpus / article.name)
            run_pipeline(corpus, warehouse, out / "pipeline.log")
            grown = Figures.of(warehouse)
            check(grown.articles == figures.articles + len(NEW_ARTICLES),
                  f"the pipeline did not add the articles: {grown}")
            seen = dashboard.open()
            check_figures(dashboard, grown, seen)
            check(superset.pid == server_pid and superset.process.poll() is None, "Superset restarted")
            dashboard.screenshot(out / "dashboard_after_new_articles.png")
            print(f"after adding {len(NEW_ARTICLES)} articles and running the pipeline with Superset up: "
                  f"{grown.articles} articles, {grown.quotes} quotes, publishers {sorted(grown.publishers)} shown",
                  flush=True)
        check(not superset.group(), "Superset left processes behind")
        print(f"superset check passed in {time.monotonic() - started:.0f} s; screenshots in {out}", flush=True)


if __name__ == "__main__":
    main()
