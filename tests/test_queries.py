"""Every named query is used by a test, and takes only bound parameters."""
from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from conftest import ROOT
from dashboard.db import PARAMETER, ROW_LEVEL_QUERIES, query_names, query_text
from dashboard.filters import OPTIONS, Filters

ALLOWED_PARAMETERS = {"date_from", "date_to", "districts", "bvcs", "programmes", "as_of",
                      "scope_bvcs", *OPTIONS,
                      # the grid's cells (Database.cells): which measures, units and periods
                      "measures", "unit_parts", "period_parts"}


def test_every_query_file_is_used_by_a_test():
    tests = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py")
                    if p.name != "test_queries.py")
    tests += (ROOT / "dashboard" / "indicators.py").read_text(encoding="utf-8")
    orphans = [name for name in query_names() if f'"{name}"' not in tests]
    assert orphans == []


def test_queries_have_a_grain_comment_and_only_known_parameters():
    for name in query_names():
        sql = query_text(name)
        assert sql.startswith("-- grain:"), name
        assert set(PARAMETER.findall(sql)) <= ALLOWED_PARAMETERS, name
        assert not re.search(r"\{[a-z_]*\}|%s|%\(", sql), name  # no string formatting


def test_unknown_query_name_is_refused():
    import pytest
    with pytest.raises(KeyError):
        query_text("../README")


def test_row_level_queries_take_the_scope_and_only_they_do():
    takes_scope = {name for name in query_names() if "$scope_bvcs" in query_text(name)}
    assert takes_scope == ROW_LEVEL_QUERIES


@pytest.mark.parametrize("name", [n for n in query_names()])
def test_results_come_out_as_duckdb_gives_them(small_db, name):
    """Database.query converts through Arrow (db.frame); every named query's result on the
    fixture equals DuckDB's own .df(), values and types."""
    from dashboard.db import PARAMETER, query_text
    from dashboard.filters import EVERY_UNIT
    sql = query_text(name)
    params = Filters().params(small_db.export.reference_date)
    params["scope_bvcs"] = EVERY_UNIT.param()
    options = {"interval": "month", "cohort": "half_year", "table": "visits",
               "field": "duration_minutes", "indicator": "both_professions_share"}
    params.update(options)
    params.update(measures=["visits"], unit_parts=[
        {"unit_group": "Norr", "level": "district", "unit": "Norr"}], period_parts=[
        {"period_group": dt.date(2023, 1, 1), "kind": "year", "period": dt.date(2023, 1, 1)}])
    used = {p: params[p] for p in dict.fromkeys(PARAMETER.findall(sql))}
    expected = small_db.con.cursor().execute(sql, used).df()
    if name == "grid_cells":  # the grid's parts, not filters (Database.cells)
        from dashboard.privacy.read import PeriodPart, UnitPart
        got = small_db.cells(["visits"], [UnitPart("Norr", "district", "Norr")],
                             [PeriodPart(dt.date(2023, 1, 1), "year", dt.date(2023, 1, 1))])
    else:
        got = small_db.query(name, Filters(), EVERY_UNIT,
                             **{k: v for k, v in options.items() if f"${k}" in sql})
    assert len(got) == len(expected) > 0 or name in ("quarantine_by_rule", "quarantine_rows",
                                                     "quarantined_rows", "flagged_visits",
                                                     "flag_counts_by_bvc")

    def in_order(frame):  # ties in ORDER BY may come in any order
        order = frame.astype(str).apply(tuple, axis=1).sort_values().index
        return frame.loc[order].reset_index(drop=True)
    pd.testing.assert_frame_equal(in_order(got), in_order(expected))


@pytest.mark.parametrize("date_from, date_to", [
    (None, None), ("2023-01-01", "2023-12-31"), ("2023-07-01", "2024-06-30"),
    ("2023-03-15", "2024-02-10"), ("2023-01-01", "2024-06-20"), ("2024-01-01", None)])
def test_monthly_rows_give_the_shares_of_the_visits(small_db, date_from, date_to):
    """visit_shares_by_bvc_and_period reads visit_months for whole months (and a last day
    past the last visit) and the visits otherwise: both equal counting the visits."""
    import datetime as dt
    day = lambda text: dt.date.fromisoformat(text) if text else None  # noqa: E731
    filters = Filters(day(date_from), day(date_to))
    got = small_db.query("visit_shares_by_bvc_and_period", filters, interval="quarter")
    params = filters.params(small_db.export.reference_date)
    expected = small_db.con.cursor().execute("""
        SELECT bvc_id, period_start(visit_date, 'quarter') AS period,
               unnest(visit_shares(v), recursive := true)
        FROM visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes) v
        GROUP BY bvc_id, period""", {k: params[k] for k in (
        "date_from", "date_to", "districts", "bvcs", "programmes")}).df()
    columns = ["bvc_id", "period", "indicator", "n", "denominator", "missing"]
    key = ["bvc_id", "period", "indicator"]
    assert len(expected) > 0
    pd.testing.assert_frame_equal(
        got[columns].sort_values(key).reset_index(drop=True),
        expected[columns].sort_values(key).reset_index(drop=True), check_dtype=False)


def test_many_threads_query_one_database_at_once(small_db):
    """The app's sessions share one Database: 16 threads running queries whose results take
    both conversion paths (empty and with lists take DuckDB's, the rest Arrow's) all get
    their answers. (A conversion on DuckDB's module connection once refused a second
    thread.)"""
    from concurrent.futures import ThreadPoolExecutor
    from dashboard.filters import EVERY_UNIT
    names = ["quarantine_by_rule", "programme_schedules", "visit_counts", "due_list",
             "visit_shares_by_bvc_and_period"]
    expected = {n: len(small_db.query(n, scope=EVERY_UNIT, **({"interval": "month"}
                if "period" in n else {}))) for n in names}

    def run(i):
        name = names[i % len(names)]
        return name, len(small_db.query(name, scope=EVERY_UNIT,
                                        **({"interval": "month"} if "period" in name else {})))
    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(run, range(400)))
    assert all(rows == expected[name] for name, rows in results)
    assert expected["quarantine_by_rule"] == 0 and expected["programme_schedules"] > 0


@pytest.mark.parametrize("interval", ["month", "quarter"])
@pytest.mark.parametrize("date_from, date_to", [
    (None, None), ("2023-07-01", "2024-06-30"), ("2023-03-15", "2024-02-10")])
def test_monthly_rows_give_the_counts_of_the_visits(small_db, date_from, date_to, interval):
    """visit_counts_by_bvc_and_period by month over whole months reads visit_months; every
    case equals counting the visits."""
    import datetime as dt
    day = lambda text: dt.date.fromisoformat(text) if text else None  # noqa: E731
    filters = Filters(day(date_from), day(date_to))
    got = small_db.query("visit_counts_by_bvc_and_period", filters, interval=interval)
    params = filters.params(small_db.export.reference_date)
    expected = small_db.con.cursor().execute("""
        SELECT bvc_id, period_start(visit_date, $interval) AS period, count(*) AS visits,
               count(DISTINCT family_id) AS families_visited
        FROM visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes)
        GROUP BY ALL ORDER BY period, bvc_id""", {**{k: params[k] for k in (
        "date_from", "date_to", "districts", "bvcs", "programmes")}, "interval": interval}).df()
    columns = ["bvc_id", "period", "visits", "families_visited"]
    assert len(expected) > 0
    pd.testing.assert_frame_equal(got[columns].reset_index(drop=True), expected[columns],
                                  check_dtype=False)
