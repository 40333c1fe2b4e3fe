"""Each page drawn in Chromium, against a floor page (dashboard/bench_floor.py) with as
many charts and tables in view, in the same run: from navigation until the script has
stopped and every chart and table in view is drawn (shared/benchmark.md)."""
from __future__ import annotations

import statistics
import time
from pathlib import Path
from urllib.parse import urlencode

from dashboard import local_server
from dashboard.bench_sessions import serving

# the charts and tables a user sees without a click (not those behind a tab), whether each
# has drawn (Vega a canvas or SVG, the data grid its canvas), and whether the script ran
# and stopped (the app says "not running" before its first run too: hence the title)
STATE = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  if (app?.dataset.testScriptState !== "notRunning"
      || !document.querySelector("[data-testid='stMain'] h1")) {
    return {charts: 0, tables: 0, done: false};  // the costly look at elements comes after
  }
  const seen = e => e.checkVisibility();
  const charts = [...document.querySelectorAll("[data-testid='stVegaLiteChart']")].filter(seen);
  const tables = [...document.querySelectorAll("[data-testid='stDataFrame']")].filter(seen);
  return {charts: charts.length, tables: tables.length,
          done: charts.every(c => c.querySelector('canvas, svg'))
                && tables.every(t => t.querySelector('canvas'))};
}"""
STEADY = 0.5  # seconds the page must stay done, with nothing loading, to count as drawn


class Traffic:
    """A browser page's requests in flight: Streamlit loads the code that draws a chart or
    a table when the first one arrives, and the element appears only then."""

    def __init__(self, page):
        self.open, self.changed = 0, time.perf_counter()
        page.on("request", lambda _: self._add(1))
        page.on("requestfinished", lambda _: self._add(-1))
        page.on("requestfailed", lambda _: self._add(-1))

    def _add(self, n: int) -> None:
        self.open, self.changed = max(0, self.open + n), time.perf_counter()


def drawn(page, traffic: Traffic, url: str, timeout: float = 180) -> tuple[float, dict]:
    """Seconds from navigating to `url` until its script stopped, nothing is loading and
    everything in view is drawn (the moment it got there, once it stayed so for STEADY:
    a rerun or a late element may follow); the charts and tables in view."""
    started = time.perf_counter()
    page.goto(url, wait_until="commit")
    since, seen = None, None
    while time.perf_counter() - started < timeout:
        state = page.evaluate(f"({STATE})()")
        now = time.perf_counter()
        key = (state["charts"], state["tables"])
        if not state["done"] or traffic.open:
            since, seen = None, None
        elif key != seen:
            since, seen = max(now, traffic.changed), key
        elif now - since >= STEADY:
            return since - started, state
        page.wait_for_timeout(50)
    raise TimeoutError(f"{url} was not drawn in {timeout:.0f} s")


def measure(export: Path, cache: Path, routes: dict[str, str], selections: dict[str, dict],
            runs: int) -> dict[str, dict]:
    """Per page and selection: its draws (after two that fill the caches and count what is
    in view) and the floor page's with the same charts and tables in view, alternating
    (seconds)."""
    from playwright.sync_api import sync_playwright

    out = {}
    with serving(export, cache) as (_, app), serving(export, cache, "bench_floor.py") as (
            _, floor), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=local_server.CHROMIUM,
                                    args=local_server.CHROMIUM_ARGS)
        view = browser.new_page(viewport={"width": 1280, "height": 800})
        traffic = Traffic(view)
        for page, route in routes.items():
            for name, params in selections.items():
                url = f"{app}/{route}?{urlencode(params)}"
                drawn(view, traffic, url)  # fills the result cache (and the browser's)
                _, elements = drawn(view, traffic, url)
                floor_url = f"{floor}/?" + urlencode({"charts": elements["charts"],
                                                      "tables": elements["tables"]})
                drawn(view, traffic, floor_url)
                times, floors = [], []
                for _ in range(runs):
                    times.append(drawn(view, traffic, url)[0])
                    floors.append(drawn(view, traffic, floor_url)[0])
                out[f"{page}|{name}"] = {
                    "p50_s": statistics.median(times), "max_s": max(times),
                    "floor_s": statistics.median(floors), "charts": elements["charts"],
                    "tables": elements["tables"]}
        browser.close()
    return out
