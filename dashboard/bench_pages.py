"""Which named queries each page runs, found by running the real pages (AppTest) with
`Database.query` recorded, so that the benchmark measures what the pages ask for and
follows them when they change."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from dashboard import session
from dashboard.db import Database
from dashboard.export import PACKAGE_ROOT
from dashboard.filters import Filters, Scope

APP = str(PACKAGE_ROOT / "dashboard" / "app.py")
# The filtered variant of every page: one district and one whole year.
FILTERED = {"period": "last_year", "district": "Angered"}
# Row-level views and the explorer are granted, as for a coordinator of every unit.
SETTINGS = ("[access]\nrow_level = true\nresearcher = true\n")


@dataclass(frozen=True)
class Call:
    name: str
    filters: Filters
    scope: Scope | None
    options: tuple[tuple[str, str], ...]

    def run(self, db: Database):
        return db.query(self.name, self.filters, self.scope, **dict(self.options))


@contextmanager
def app_environment(export: Path):
    """The app's environment for AppTest over `export`: row-level views and the explorer
    granted, the audit log in a temporary folder; the process's own restored after."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = Path(tmp) / "settings.toml"
        settings.write_text(SETTINGS, encoding="utf-8")
        saved = {k: os.environ.get(k) for k in ("HEMBESOK_DATA", "HEMBESOK_SETTINGS",
                                                  "HEMBESOK_AUDIT")}
        os.environ.update(HEMBESOK_DATA=str(export), HEMBESOK_SETTINGS=str(settings),
                          HEMBESOK_AUDIT=str(Path(tmp) / "audit.jsonl"))
        try:
            yield
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


def opened(page: str, params: dict):
    """An AppTest of the app with `params` in its URL, switched to `page` (not run yet)."""
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(APP, default_timeout=300)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("../" + page)
    return at


def record(export: Path, pages: list[str]) -> dict[tuple[str, str], list[Call]]:
    """Per (page file, "default" | "filtered"): the distinct queries the page ran."""
    calls: list[Call] = []
    original = Database.query

    def recording(self, name, filters=None, scope=None, **options):
        calls.append(Call(name, filters or Filters(), scope, tuple(sorted(options.items()))))
        return original(self, name, filters, scope, **options)

    out = {}
    with app_environment(export):
        Database.query = recording
        try:
            for page in pages:
                for variant, params in (("default", {}), ("filtered", FILTERED)):
                    at = opened(page, params)
                    session.clear_results()  # every query of the page runs, none is a hit
                    calls.clear()
                    at.run()
                    if at.exception:
                        raise RuntimeError(f"{page}: {at.exception[0].value}")
                    out[(page, variant)] = list(dict.fromkeys(calls))
        finally:
            Database.query = original
    return out


def variants(db: Database) -> dict[str, dict]:
    """The selections a page is timed with: the default, one BVC, one district (the first
    BVC's) and every period by year."""
    units = db.query("units").sort_values("bvc_id")
    first = units.iloc[0]
    return {"default": {}, "one BVC": {"bvc": first.bvc_id},
            "one district": {"district": first.district},
            "all, by year": {"period": "all", "interval": "year"}}


def page_runs(export: Path, pages: list[str], selections: dict[str, dict], runs: int
              ) -> dict[tuple[str, str], dict]:
    """Each page's whole server run (its script: queries, small-number verdicts, shaping,
    formatting, chart specs) in Streamlit's AppTest, per selection: the first run with an
    empty result cache, then `runs` reruns as a user's next click finds them (seconds)."""
    import time

    out = {}
    with app_environment(export):
        for page in pages:
            for name, params in selections.items():
                at = opened(page, params)
                session.clear_results()
                started = time.perf_counter()
                at.run()
                first = time.perf_counter() - started
                if at.exception:
                    raise RuntimeError(f"{page} {name}: {at.exception[0].value}")
                warm = []
                for _ in range(runs):
                    started = time.perf_counter()
                    at.run()
                    warm.append(time.perf_counter() - started)
                out[(page, name)] = {"first": first, "warm": warm}
    return out
