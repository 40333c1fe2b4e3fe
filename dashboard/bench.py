"""`python -m dashboard bench`: the performance figures of shared/benchmark.md, measured in
one run on this machine and written to BENCHMARKS.md. Times drift between runs on shared
machines; the ratios within one run are what to compare."""
from __future__ import annotations

import datetime as dt
import json
import os
import pickle
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import pandas as pd

from dashboard import bench_browser, bench_sessions, local_server, sample
from dashboard.app_pages import PAGES
from dashboard.bench_pages import FILTERED, Call, page_runs, record, variants
from dashboard.db import Database, cache_dir
from dashboard.export import PACKAGE_ROOT
from dashboard.filters import Filters
from dashboard.sidebar import period_bounds

# label → families; the generator makes about four visits a family
SCALES = {"30k": 7_500, "300k": 75_000, "3M": 750_000}
SMOKE = {"smoke": 600}
TARGETS = {"page_p95_ms": 300, "cold_start_s": 5.0, "rss_mb": 2048, "pandas_ratio": 10,
           "sessions_p95_ms": 1000, "server_run_p95_ms": 300, "kept_start_s": 1.0,
           "build_s": 30.0, "server_sessions_p95_s": 3.0, "page_kb": 300,
           "drawn_over_floor_s": 0.5}
SMOKE_DRAWN = ["pages/overview.py", "pages/visits.py", "pages/data_quality.py"]
SESSION_ROUNDS = 3  # rounds of `users` new sessions at once against the real server
PAGE_FILES = [p.file for p in PAGES if p.needs is None]
# page file → URL path; the first page is the app's default, at the root (its own path
# gives "Page not found" and then the default page)
ROUTES = {p.file: "" if p is PAGES[0] else p.url_path for p in PAGES if p.needs is None}


def _ms(seconds: list[float], q: float) -> float:
    ordered = sorted(seconds)
    return 1000 * ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def export_for(label: str, families: int, root: Path) -> Path:
    """The synthetic export of a scale, generated once and kept (complete once its
    manifest is written)."""
    folder = root / label
    if not (folder / "manifest.json").exists():
        tables = sample.generate(families)
        sample.write(tables, folder)
    return folder


# ---- cold start, in a new process -------------------------------------------------------

def child_start(export: str, calls_file: str) -> None:
    """Run in a new process: open the export and run the first page's queries; print the
    seconds and this process's peak RSS as JSON."""
    started = time.perf_counter()
    db = Database.open(export)
    for call in pickle.loads(Path(calls_file).read_bytes()):
        call.run(db)
    print(json.dumps({"seconds": time.perf_counter() - started,
                      "rss_mb": peak_rss_mb(os.getpid())}))


def peak_rss_mb(pid: int) -> float:
    """A process's peak RSS since it began its program: the kernel's VmHWM. (getrusage's
    ru_maxrss is kept across exec, so a child started by a large benchmark process would
    report at least the parent's size.)"""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines()
                    if line.startswith("VmHWM"))) / 1024


def _start(export: Path, calls: list[Call], cache: Path) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".pickle", delete=False) as f:
        f.write(pickle.dumps(calls))
    try:
        out = subprocess.run(
            [sys.executable, "-m", "dashboard", "bench", "--child-start", str(export), f.name],
            env={**os.environ, "HEMBESOK_CACHE": str(cache)}, cwd=PACKAGE_ROOT,
            capture_output=True, text=True, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])
    finally:
        os.unlink(f.name)


# ---- warm page queries --------------------------------------------------------------------

def page_times(db: Database, calls: list[Call], runs: int) -> list[float]:
    """The page's queries in order, run `runs` times after one warm-up: seconds per run."""
    for call in calls:
        call.run(db)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        for call in calls:
            call.run(db)
        times.append(time.perf_counter() - started)
    return times


def slowest_query(db: Database, calls: list[Call], runs: int = 5) -> tuple[str, float]:
    best = {}
    for call in calls:
        t = []
        for _ in range(runs):
            started = time.perf_counter()
            call.run(db)
            t.append(time.perf_counter() - started)
        best[call.name] = max(best.get(call.name, 0), statistics.median(t))
    name = max(best, key=best.get)
    return name, 1000 * best[name]


# ---- the pandas baseline --------------------------------------------------------------------

def pandas_indicators(export: Path, date_from: dt.date, date_to: dt.date) -> dict:
    """The key indicators as an analyst would compute them: read the Parquet files, filter,
    merge and group. Visits per district and per visit number, both professions present,
    referrals per district and destination, mean ratings per item and role, offered share
    per district."""
    units = pd.read_parquet(export / "units.parquet")
    families = pd.read_parquet(export / "families.parquet")
    visits = pd.read_parquet(export / "visits.parquet")
    referrals = pd.read_parquet(export / "referrals.parquet")
    ratings = pd.read_parquet(export / "ratings.parquet")
    lo, hi = pd.Timestamp(date_from), pd.Timestamp(date_to)
    day = pd.to_datetime(visits["visit_date"])
    v = visits[(day >= lo) & (day <= hi)].merge(units[["bvc_id", "district"]], on="bvc_id")
    both = v.dropna(subset=["nurse_present", "parent_supporter_present"])
    born = pd.to_datetime(families["child_birth_date"])
    f = families[(born >= lo) & (born <= hi)].merge(units[["bvc_id", "district"]], on="bvc_id")
    rated = ratings.merge(v[["visit_id"]], on="visit_id")
    return {
        "visits_by_district": v.groupby("district").size(),
        "visits_by_number": v.groupby("visit_number").size(),
        "both_present": (both["nurse_present"] & both["parent_supporter_present"]).mean(),
        "referrals": referrals.merge(v[["visit_id", "district"]], on="visit_id")
                              .groupby(["district", "destination"]).size(),
        "rating_means": rated.groupby(["item", "rater_role"])["score"].agg(["mean", "count"]),
        "rating_means_all": rated.groupby("item")["score"].mean(),
        "offered": f.groupby("district")["offered_date"].apply(lambda s: s.notna().mean()),
    }


BASELINE_QUERIES = ("visit_counts_by_bvc_and_period", "visits_by_number", "visit_shares",
                    "referrals_by_district_and_destination", "rating_means", "reach_shares")


def duckdb_indicators(db: Database, filters: Filters) -> dict:
    return {name: db.query(name, filters, **({"interval": "year"} if "period" in name else {}))
            for name in BASELINE_QUERIES}


def same_numbers(pandas: dict, app: dict) -> bool:
    """The two ways agree on the visits in the period and on every mean rating."""
    means = app["rating_means"].set_index(["item", "rater_role"])["mean"]
    both = pandas["rating_means_all"]
    return (int(pandas["visits_by_number"].sum()) == int(app["visits_by_number"]["visits"].sum())
            and all(abs(means[(item, "all")] - value) < 1e-9 for item, value in both.items()))


# ---- concurrent sessions ------------------------------------------------------------------

def sessions(db: Database, pages: dict[tuple[str, str], list[Call]], users: int,
             loads: int) -> tuple[list[float], int]:
    """`users` threads at once, each opening `loads` random pages with no result cache."""
    latencies, errors, lock = [], [0], threading.Lock()
    keys = sorted(pages)

    def user(seed: int) -> None:
        rng = random.Random(seed)
        for _ in range(loads):
            calls = pages[rng.choice(keys)]
            started = time.perf_counter()
            try:
                for call in calls:
                    call.run(db)
            except Exception:  # noqa: BLE001 - counted, the benchmark goes on
                with lock:
                    errors[0] += 1
                continue
            with lock:
                latencies.append(time.perf_counter() - started)

    with ThreadPoolExecutor(users) as pool:
        list(pool.map(user, range(users)))
    return latencies, errors[0]


def server_sessions(export: Path, cache: Path, selections: dict[str, dict], users: int
                    ) -> dict:
    """The real server without a browser (bench_sessions): the bytes each page sends per
    selection, and SESSION_ROUNDS rounds of `users` new sessions at once, each opening a
    page and selection at random (seconds until its script finished: p50, p95, max)."""
    m = bench_sessions.measure(export, cache, ROUTES, selections, users, SESSION_ROUNDS)
    seconds = m["seconds"]
    return {"p50_s": _ms(seconds, 0.5) / 1000 if seconds else None,
            "p95_s": _ms(seconds, 0.95) / 1000 if seconds else None,
            "max_s": seconds[-1] if seconds else None, "errors": m["errors"] + m["page_errors"],
            "loads": m["loads"], "kb": {k: v / 1000 for k, v in m["bytes"].items()}}


def server_check(export: Path, cache: Path, users: int) -> dict:
    """The real server on `export` and `users` browsers opening Översikt at once: seconds
    until every page shows its numbers, errors, and the server's peak RSS."""
    from playwright.sync_api import sync_playwright

    with bench_sessions.serving(export, cache) as (server, url):
        # all at once with an empty result cache, then one alone and all at once again
        # with the results cached: the difference is what rendering costs
        rounds = [_browsers(url, n, sync_playwright) for n in (users, 1, users)]
        rss = peak_rss_mb(server.pid)
    return {"first": rounds[0], "alone": rounds[1], "second": rounds[2], "rss_mb": rss}


def _browsers(url: str, users: int, sync_playwright) -> dict:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=local_server.CHROMIUM,
                                    args=local_server.CHROMIUM_ARGS)
        pages = [browser.new_context().new_page() for _ in range(users)]
        started = time.perf_counter()
        for page in pages:
            page.goto(url, wait_until="commit")
        times, errors = [], 0
        for page in pages:
            try:
                page.wait_for_selector("[data-testid='stMetricValue']", timeout=60_000)
                page.wait_for_selector("[data-testid='stApp'][data-test-script-state="
                                       "'notRunning']", timeout=60_000)
                if page.locator("[data-testid='stException']").count():
                    errors += 1
                times.append(time.perf_counter() - started)
            except Exception:  # noqa: BLE001 - counted
                errors += 1
        browser.close()
    return {"all_shown_s": max(times) if times else None, "errors": errors}


# ---- the run ----------------------------------------------------------------------------

def run(scales: dict[str, int], runs: int, users: int, server_users: int, out: Path | None,
        root: Path, draws: int = 0) -> dict:
    results = {"date": dt.datetime.now().isoformat(timespec="minutes"),
               "cores": os.cpu_count(), "memory_gb": _memory_gb(),
               "python": platform.python_version(), "duckdb": duckdb.__version__,
               "pandas": pd.__version__, "runs": runs, "users": users, "root": str(root),
               "scales": {}}
    first_label = next(iter(scales))
    exports = {label: export_for(label, n, root / "exports") for label, n in scales.items()}
    print(f"recording the pages' queries on {first_label} …", file=sys.stderr)
    pages = record(exports[first_label], PAGE_FILES)
    first_page = pages[(PAGE_FILES[0], "default")]
    kept = root / "databases"
    os.environ["HEMBESOK_CACHE"] = str(kept)
    for label, export in exports.items():
        print(f"{label}: cold start …", file=sys.stderr)
        r = {"rows": json.loads((export / "manifest.json").read_text())["rows"]}
        with tempfile.TemporaryDirectory() as never_seen:
            r["cold"] = _start(export, first_page, Path(never_seen))
        Database.open(export).close()  # validated into the kept databases
        r["kept"] = _start(export, first_page, kept)
        db = Database.open(export)
        print(f"{label}: each page's server run …", file=sys.stderr)
        runs_of = page_runs(export, PAGE_FILES, variants(db), runs)
        r["server_runs"] = {f"{page}|{variant}": {
            "first": 1000 * v["first"], "p50": _ms(v["warm"], 0.5), "p95": _ms(v["warm"], 0.95)}
            for (page, variant), v in runs_of.items()}
        print(f"{label}: {users} sessions at once against the real server …",
              file=sys.stderr)
        selections = variants(db)
        r["server_sessions"] = server_sessions(export, kept, selections, users)
        print(f"{label}: pages' queries …", file=sys.stderr)
        r["pages"] = {}
        for (page, variant), calls in pages.items():
            t = page_times(db, calls, runs)
            r["pages"][f"{page}|{variant}"] = {"queries": len(calls), "p50": _ms(t, 0.5),
                                               "p95": _ms(t, 0.95)}
        worst = max(r["pages"], key=lambda k: r["pages"][k]["p95"])
        r["slowest_query"] = slowest_query(db, pages[tuple(worst.split("|"))])
        print(f"{label}: pandas …", file=sys.stderr)
        date_from, date_to = period_bounds("last12", db.export.reference_date)
        filters = Filters(date_from, date_to)
        p_times, d_times = [], []
        for _ in range(3):
            started = time.perf_counter()
            pandas_result = pandas_indicators(export, date_from, date_to)
            p_times.append(time.perf_counter() - started)
        duckdb_indicators(db, filters)
        for _ in range(max(3, runs // 2)):
            started = time.perf_counter()
            app_result = duckdb_indicators(db, filters)
            d_times.append(time.perf_counter() - started)
        r["pandas"] = {"pandas_s": statistics.median(p_times),
                       "app_ms": 1000 * statistics.median(d_times),
                       "ratio": statistics.median(p_times) / statistics.median(d_times),
                       "same_numbers": same_numbers(pandas_result, app_result)}
        print(f"{label}: {users} sessions …", file=sys.stderr)
        lat, errors = sessions(db, pages, users, loads=10)
        r["sessions"] = {"p50": _ms(lat, 0.5), "p95": _ms(lat, 0.95), "errors": errors,
                         "page_loads": len(lat) + errors}
        db.close()
        results["scales"][label] = r
    if draws:
        largest = list(exports)[-1]
        print(f"{largest}: each page drawn in Chromium against its floor …", file=sys.stderr)
        routes, chosen = ROUTES, selections  # the largest scale's
        if draws == 1:  # a smoke run: that the drawing works, on three pages' default
            routes = {f: routes[f] for f in SMOKE_DRAWN}
            chosen = {"default": selections["default"]}
        results["drawn"] = {"scale": largest, "runs": draws, "pages": bench_browser.measure(
            exports[largest], kept, routes, chosen, draws)}
    if server_users:
        largest = list(exports)[-1]
        print(f"{largest}: real server with {server_users} browsers …", file=sys.stderr)
        results["server"] = {"scale": largest, "users": server_users,
                             **server_check(exports[largest], kept, server_users)}
    text = markdown(results)
    print(text)
    if out:
        out.write_text(text, encoding="utf-8")
    return results


def _memory_gb() -> float:
    with open("/proc/meminfo") as f:
        return round(int(f.readline().split()[1]) / 1024 ** 2, 1)


def _check(ok: bool) -> str:
    return "✓" if ok else "✗ missed"


def markdown(r: dict) -> str:
    scales = list(r["scales"])
    largest = r["scales"][scales[-1]]
    rows = lambda s: r["scales"][s]["rows"]  # noqa: E731
    lines = [
        "# Benchmarks", "",
        f"Measured by `python -m dashboard bench` on {r['date']}: {r['cores']} cores, "
        f"{r['memory_gb']} GB memory, Python {r['python']}, DuckDB {r['duckdb']}, pandas "
        f"{r['pandas']}. Synthetic exports from the sample generator. The headline is each "
        f"page's whole server run (its script, as a click runs it), per selection, and "
        f"{r['users']} new sessions at once against the real server with the bytes each "
        f"page sends; the "
        f"pages' SQL alone (the queries recorded from the real pages, warm, result cache "
        f"bypassed, over {r['runs']} runs) is a second section. Times drift on a shared "
        f"machine: compare the ratios within this run. What each figure means: "
        f"shared/benchmark.md.", "",
        "## Targets at the largest scale", "",
        "| target | measured | |", "|---|---|---|"]
    worst = max(largest["pages"].values(), key=lambda p: p["p95"])["p95"]
    runs_worst = max(largest["server_runs"].items(), key=lambda kv: kv[1]["p95"])
    lines += [
        f"| every page's server run ≤ {TARGETS['server_run_p95_ms']} ms p95 warm, every "
        f"selection | slowest {runs_worst[1]['p95']:.0f} ms "
        f"({runs_worst[0].replace('pages/', '').replace('|', ', ')}) | "
        f"{_check(runs_worst[1]['p95'] <= TARGETS['server_run_p95_ms'])} |",
    ]
    live = largest["server_sessions"]
    heaviest = max(live["kb"].items(), key=lambda kv: kv[1])
    over = sum(kb > TARGETS["page_kb"] for kb in live["kb"].values())
    lines += [
        f"| {r['users']} new sessions at once against the real server, each a whole page "
        f"run: p95 ≤ {TARGETS['server_sessions_p95_s']:.0f} s, no errors | "
        f"{live['p95_s']:.2f} s, {live['errors']} errors | "
        f"{_check(live['p95_s'] <= TARGETS['server_sessions_p95_s'] and not live['errors'])} |",
        f"| ≤ {TARGETS['page_kb']} KB a page | largest {heaviest[1]:.0f} KB "
        f"({heaviest[0].replace('pages/', '').replace('|', ', ')}); {over} of "
        f"{len(live['kb'])} over | {_check(not over)} |"]
    drawn = r.get("drawn")
    if drawn:
        gap = max(drawn["pages"].items(), key=lambda kv: kv[1]["p50_s"] - kv[1]["floor_s"])
        gap_s = gap[1]["p50_s"] - gap[1]["floor_s"]
        lines.append(
            f"| every page drawn in Chromium within {TARGETS['drawn_over_floor_s']} s of its "
            f"floor page ({drawn['scale']}) | largest gap {gap_s:.2f} s "
            f"({gap[0].replace('pages/', '').replace('|', ', ')}: {gap[1]['p50_s']:.2f} s, "
            f"floor {gap[1]['floor_s']:.2f} s) | "
            f"{_check(gap_s <= TARGETS['drawn_over_floor_s'])} |")
    lines += [
        f"| first build of a new export (validation and small numbers) ≤ "
        f"{TARGETS['build_s']:.0f} s | {largest['cold']['seconds']:.1f} s | "
        f"{_check(largest['cold']['seconds'] <= TARGETS['build_s'])} |",
        f"| start with the validated database kept ≤ {TARGETS['kept_start_s']:.0f} s | "
        f"{largest['kept']['seconds']:.1f} s | "
        f"{_check(largest['kept']['seconds'] <= TARGETS['kept_start_s'])} |"]
    server = r.get("server")
    rss = max([largest["cold"]["rss_mb"], largest["kept"]["rss_mb"]]
              + ([server["rss_mb"]] if server else []))
    lines += [
        f"| every page's queries < {TARGETS['page_p95_ms']} ms p95, warm | slowest page "
        f"{worst:.0f} ms | {_check(worst < TARGETS['page_p95_ms'])} |",
        f"| peak RSS < {TARGETS['rss_mb']} MB | {rss:.0f} MB "
        f"(building {largest['cold']['rss_mb']:.0f}, serving "
        f"{server['rss_mb']:.0f} MB)" if server else
        f"| peak RSS < {TARGETS['rss_mb']} MB | {rss:.0f} MB",
    ]
    lines[-1] += f" | {_check(rss < TARGETS['rss_mb'])} |"
    lines += [
        f"| ≥ {TARGETS['pandas_ratio']}× faster than pandas | "
        f"{largest['pandas']['ratio']:.0f}× | "
        f"{_check(largest['pandas']['ratio'] >= TARGETS['pandas_ratio'])} |",
        f"| {r['users']} sessions at once, the pages' SQL alone: p95 < "
        f"{TARGETS['sessions_p95_ms']} ms, no errors | "
        f"{largest['sessions']['p95']:.0f} ms, {largest['sessions']['errors']} errors | "
        f"{_check(largest['sessions']['p95'] < TARGETS['sessions_p95_ms'] and not largest['sessions']['errors'])} |",
    ]
    if len(scales) > 1:
        small, big = r["scales"][scales[0]], largest
        row_ratio = rows(scales[-1])["visits"] / rows(scales[0])["visits"]
        page_ratio = (max(p["p50"] for p in big["pages"].values())
                      / max(p["p50"] for p in small["pages"].values()))
        lines.append(f"| time growing no faster than rows | {row_ratio:.0f}× the visits, "
                     f"{page_ratio:.1f}× the slowest page's p50 | {_check(page_ratio <= row_ratio)} |")
    lines += ["", "## Per scale", "",
              "| | " + " | ".join(scales) + " |", "|---" * (len(scales) + 1) + "|"]

    def row(label, fn):
        lines.append(f"| {label} | " + " | ".join(fn(r["scales"][s]) for s in scales) + " |")
    row("visits / ratings", lambda s: f"{s['rows']['visits']:,} / {s['rows']['ratings']:,}")
    row("cold start, new export (s)", lambda s: f"{s['cold']['seconds']:.2f}")
    row("start, database kept (s)", lambda s: f"{s['kept']['seconds']:.2f}")
    row("peak RSS building / kept start (MB)",
        lambda s: f"{s['cold']['rss_mb']:.0f} / {s['kept']['rss_mb']:.0f}")
    row("pandas, read + compute (s)", lambda s: f"{s['pandas']['pandas_s']:.2f}")
    row("app, same indicators warm (ms)", lambda s: f"{s['pandas']['app_ms']:.0f}")
    row("ratio pandas / app", lambda s: f"{s['pandas']['ratio']:.0f}×")
    row("same numbers both ways", lambda s: "yes" if s["pandas"]["same_numbers"] else "NO")
    row(f"{r['users']} sessions at once, real server: p50 / p95 / max (s)",
        lambda s: "{p50_s:.2f} / {p95_s:.2f} / {max_s:.2f}".format(**s["server_sessions"]))
    row("real-server session errors",
        lambda s: f"{s['server_sessions']['errors']} of {s['server_sessions']['loads']}")
    row(f"{r['users']} sessions, the pages' SQL alone: p50 / p95 (ms)",
        lambda s: f"{s['sessions']['p50']:.0f} / {s['sessions']['p95']:.0f}")
    row("session errors", lambda s: f"{s['sessions']['errors']} of {s['sessions']['page_loads']}")
    row("slowest query (ms, median)", lambda s: f"{s['slowest_query'][0]} {s['slowest_query'][1]:.0f}")
    lines += ["", "## Each page's server run (ms: first / warm p50 / warm p95)", "",
              "The whole script of a page as a user's click runs it (AppTest, in the "
              "benchmark's process): first with an empty result cache, then warm over "
              f"{r['runs']} reruns. The browser's drawing is not in it.", "",
              "| page, selection | " + " | ".join(scales) + " |",
              "|---" * (len(scales) + 1) + "|"]
    for key in largest["server_runs"]:
        lines.append(f"| {key.replace('pages/', '').replace('|', ', ')} | " + " | ".join(
            "{first:.0f} / {p50:.0f} / {p95:.0f}".format(**r["scales"][s]["server_runs"][key])
            for s in scales) + " |")
    lines += ["", "## Bytes each page sends (KB)", "",
              "A new session opening the page over the real server's websocket, the result "
              "cache warm: every message until the script finished, before the socket's "
              "compression.", "",
              "| page, selection | " + " | ".join(scales) + " |",
              "|---" * (len(scales) + 1) + "|"]
    for key in live["kb"]:
        lines.append(f"| {key.replace('pages/', '').replace('|', ', ')} | " + " | ".join(
            f"{r['scales'][s]['server_sessions']['kb'][key]:.0f}" for s in scales) + " |")
    if drawn:
        lines += ["", f"## Each page drawn in Chromium ({drawn['scale']}, seconds)", "",
                  "From navigation until the script stopped, nothing loads and every chart "
                  "and table in view is drawn (Chromium on the same cores as the server, a "
                  f"new session each time; median and slowest of {drawn['runs']} draws after "
                  "two that fill the caches), beside the floor page "
                  "(`dashboard/bench_floor.py`) with as many charts and tables in view, drawn "
                  "in turn with it.", "",
                  "| page, selection | charts / tables in view | page p50 | page max | floor "
                  "p50 | page − floor |", "|---|---|---|---|---|---|"]
        for key, d in drawn["pages"].items():
            lines.append(f"| {key.replace('pages/', '').replace('|', ', ')} | {d['charts']} / "
                         f"{d['tables']} | {d['p50_s']:.2f} | {d['max_s']:.2f} | "
                         f"{d['floor_s']:.2f} | {d['p50_s'] - d['floor_s']:.2f} |")
    lines += ["", "## Page times, warm: the pages' SQL alone (ms, p50 / p95)", "",
              "| page | queries | " + " | ".join(scales) + " |", "|---" * (len(scales) + 2) + "|"]
    for key, page in largest["pages"].items():
        lines.append(f"| {key.replace('pages/', '').replace('|', ', ')} | {page['queries']} | "
                     + " | ".join(f"{r['scales'][s]['pages'][key]['p50']:.0f} / "
                                  f"{r['scales'][s]['pages'][key]['p95']:.0f}" for s in scales)
                     + " |")
    if server:
        lines += ["", "## The real server", "",
                  f"{scales[-1]}, the validated database kept: {server['users']} "
                  f"browsers (Chromium, on the same 2 cores as the server) open Översikt at once. "
                  f"With an empty result cache all showed their numbers after "
                  f"{server['first']['all_shown_s']:.1f} s ({server['first']['errors']} errors); "
                  f"with the results cached, one browser alone took "
                  f"{server['alone']['all_shown_s']:.1f} s and {server['users']} at once "
                  f"{server['second']['all_shown_s']:.1f} s ({server['second']['errors']} "
                  f"errors). Server peak RSS {server['rss_mb']:.0f} MB."]
    lines += ["", f"Filtered: {FILTERED}. Rerun: `python -m dashboard bench` (exports and "
              f"databases are kept in `{r['root']}` between runs).", ""]
    return "\n".join(lines)


def main(args) -> int:
    if args.child_start:
        child_start(*args.child_start)
        return 0
    scales = SMOKE if args.smoke else {k: SCALES[k] for k in (args.scales or list(SCALES))}
    root = Path(args.dir) if args.dir else cache_dir() / "bench"
    out = Path(args.out) if args.out else (None if args.smoke else PACKAGE_ROOT / "BENCHMARKS.md")
    run(scales, runs=args.runs or (3 if args.smoke else 20), users=args.users,
        server_users=0 if args.smoke or args.no_browser else args.server_users,
        draws=0 if args.no_browser else 1 if args.smoke else args.draws, out=out, root=root)
    return 0
