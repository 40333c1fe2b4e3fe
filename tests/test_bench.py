"""The benchmark runs end to end on a tiny export (`--smoke`): every page's queries are
recorded and replayed, pandas and the app agree on the numbers, new sessions at once
against the real server (websocket clients) and the SQL alone make no errors, every page's
bytes are counted, and every page is drawn in Chromium beside its floor page. It checks that the benchmark works, never how fast anything is: the figures
are measured by `python -m dashboard bench` and written to BENCHMARKS.md."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_the_benchmark_runs_and_reports(tmp_path):
    out = tmp_path / "bench.md"
    run = subprocess.run([sys.executable, "-m", "dashboard", "bench", "--smoke", "--users", "4",
                          "--dir", str(tmp_path / "bench"), "--out", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    assert text == run.stdout.strip() + "\n" or text.strip() == run.stdout.strip()
    for heading in ("## Targets at the largest scale", "## Per scale",
                    "## Each page's server run", "## Bytes each page sends",
                    "## Each page drawn in Chromium", "## Page times"):
        assert heading in text
    assert "| same numbers both ways | yes |" in text
    assert "| session errors | 0 of 40 |" in text
    assert "| real-server session errors | 0 of 12 |" in text  # 3 rounds of 4 at once
    draws = text.split("## Each page drawn in Chromium")[1].split("##")[0]
    for page in ("overview.py, default", "visits.py, default", "data_quality.py, default"):
        line = next(line for line in draws.splitlines() if line.startswith(f"| {page} |"))
        cells = line.split("|")
        charts, tables = (int(x) for x in cells[2].split("/"))
        assert charts + tables > 0 and float(cells[3]) > 0 and float(cells[5]) > 0
    runs, queries = text.split("## Page times")
    sizes = runs.split("## Bytes each page sends")[1]
    for page in ("overview.py, default", "visits.py, one BVC", "about_data.py, all, by year"):
        line = next(line for line in sizes.splitlines() if line.startswith(f"| {page} |"))
        assert float(line.split("|")[2]) > 1  # the page's messages reached the client
    for page in ("overview.py, default", "reach.py, one BVC", "data_quality.py, all, by year"):
        line = next(line for line in runs.splitlines() if line.startswith(f"| {page} |"))
        first, p50, p95 = (float(x) for x in line.split("|")[2].split("/"))
        assert first > 0 and 0 < p50 <= p95  # the page ran, first and warm
    for page in ("overview.py, default", "data_quality.py, filtered", "satisfaction.py, default"):
        line = next(line for line in queries.splitlines() if line.startswith(f"| {page} |"))
        assert int(line.split("|")[2]) > 0  # the page ran queries
