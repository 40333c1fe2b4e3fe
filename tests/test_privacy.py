"""Small numbers decided once per export over the fixed grid (dashboard/privacy): the
solver's rule on hand-countable equations, the grid's periods and tiles, and the stored
verdicts of the bundled sample audited as a system of equations: no hidden count can be
recomputed from the shown ones."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from dashboard.privacy.build import RELATIONS, _periods
from dashboard.privacy.grid import Grid, month_index
from dashboard.privacy.read import period_parts, unit_parts
from dashboard.privacy.solve import hidden_cells


def _tiny_grid(counts: dict[tuple[str, int], int], reference=dt.date(2025, 1, 15)):
    """A grid of BVCs (id → district) × months of 2024 as the solver reads it, with the
    totals of every unit and period summed from `counts` {(bvc, month 1-12): count}."""
    from dashboard.privacy.build import _axes
    grid = Grid(month_index(dt.date(2024, 1, 1)), month_index(dt.date(2024, 12, 1)), reference)
    _, _, table = _periods(grid)
    periods = table.to_pydict()
    periods = {k: np.array(v) for k, v in periods.items()}
    district_of = {"A1": "A", "A2": "A", "A3": "A", "B1": "B", "B2": "B"}
    names = sorted(district_of) + ["A", "B", ""]
    units = {"unit_code": np.arange(len(names)),
             "level": np.array(["bvc"] * 5 + ["district"] * 2 + ["all"]),
             "unit": np.array(names), "district": np.array(
                 [district_of[n] for n in sorted(district_of)] + ["A", "B", None],
                 dtype=object)}
    axes = _axes(units, periods)
    values: dict[tuple[int, int], int] = {}
    for (bvc, month), count in counts.items():
        b = names.index(bvc)
        month_code = month - 1  # months come first, in time order
        for u in {b, int(axes.unit_up[b]), axes.all_unit}:
            for p in axes.closure[month_code]:
                values[(p, u)] = values.get((p, u), 0) + count
    keys = sorted(k for k, v in values.items() if v)
    period = np.array([p for p, _ in keys])
    unit = np.array([u for _, u in keys])
    return axes, np.array([values[k] for k in keys]), period, unit, names


def test_a_small_count_is_hidden_with_a_sibling_and_a_month_of_the_same_quarter():
    counts = {(b, m): 20 + m for b in ("A1", "A2", "A3", "B1", "B2") for m in range(1, 13)}
    counts[("A1", 2)] = 3  # February of A1: 3 visits
    axes, values, period, unit, names = _tiny_grid(counts)
    hidden = hidden_cells(values, np.zeros(len(values), dtype=np.int64), unit, period,
                          axes, 5)
    shown = {(names[u], axes.period_kind[p], p) for u, p, h in zip(unit, period, hidden) if h}
    # the cheapest pattern: A1 and A2 (the smaller sibling at February) × February and
    # January (the smaller month of the same quarter holding the same presets)
    assert shown == {("A1", "month", 1), ("A1", "month", 0), ("A2", "month", 1),
                     ("A2", "month", 0)}


def test_a_bvc_alone_in_its_district_is_hidden_with_a_bvc_of_another():
    counts = {(b, m): 30 for b in ("A1", "A2", "A3", "B1") for m in range(1, 13)}
    counts[("B1", 5)] = 2
    axes, values, period, unit, names = _tiny_grid(counts)
    hidden = hidden_cells(values, np.zeros(len(values), dtype=np.int64), unit, period,
                          axes, 5)
    levels = {(names[u], axes.period_kind[p]) for u, p, h in zip(unit, period, hidden) if h}
    # B1 is district B: its pattern takes a BVC of A and district A with it
    assert ("B1", "month") in levels and ("B", "month") in levels
    assert ("A", "month") in levels
    assert not any(kind in ("year", "last12", "all_time") for _, kind in levels)


def test_presets_that_hold_the_same_months_as_a_cell_are_that_cell():
    # data from April 2018 to November 2026, reference 1 December 2026
    grid = Grid(month_index(dt.date(2018, 4, 1)), month_index(dt.date(2026, 11, 1)),
                dt.date(2026, 12, 1))
    kinds = {p.kind for p in grid.periods()}
    assert "ytd" not in kinds  # January to December 2026 is the year 2026
    assert grid.cell(*grid._held(month_index(dt.date(2018, 1, 1)),
                                 month_index(dt.date(2018, 12, 1)))).kind == "year"
    last12 = grid.cell(month_index(dt.date(2025, 12, 1)), month_index(dt.date(2026, 11, 1)))
    assert last12.kind == "last12"
    # Feb 2024 … 2025: two months, three quarters and a year
    tiles = grid.tiles(month_index(dt.date(2024, 2, 1)), month_index(dt.date(2025, 12, 1)))
    assert [t.kind for t in tiles] == ["month", "month", "quarter", "quarter", "quarter",
                                       "year"]


def test_a_selections_units_are_whole_districts_and_the_rest_of_its_bvcs():
    units = pd.DataFrame({"bvc_id": ["A1", "A2", "B1", "B2"],
                          "district": ["A", "A", "B", "B"]})
    assert [(p.level, p.unit) for p in unit_parts(units, {"A1", "A2", "B1", "B2"})] == [
        ("all", "")]
    assert [(p.group, p.level, p.unit) for p in unit_parts(units, {"A1", "A2", "B1"},
                                                            "district")] == [
        ("A", "district", "A"), ("B", "bvc", "B1")]


@pytest.fixture(scope="module")
def cells(sample_db) -> pd.DataFrame:
    return sample_db.con.execute("SELECT * FROM privacy_cells").df()


def _equations(cells: pd.DataFrame, grid: Grid) -> list[tuple[int, list[int]]]:
    """Every sum the grid holds, as (total's row, parts' rows), rebuilt from the stored
    cells (units by their district, periods by the grid)."""
    periods, _, table = _periods(grid)
    frame = table.to_pandas()
    key = {(r.measure, r.level, r.unit, r.kind, pd.Timestamp(r.period)): i
           for i, r in enumerate(cells.itertuples())}
    by_period = {(kind, pd.Timestamp(period)): row for row, (kind, period) in
                 enumerate(zip(frame.kind, frame.period))}
    out: dict[tuple, list[int]] = {}
    for i, r in enumerate(cells.itertuples()):
        period = pd.Timestamp(r.period)
        if r.level != "all":
            up = ("district", r.district) if r.level == "bvc" else ("all", "")
            total = key.get((r.measure, *up, r.kind, period))
            out.setdefault(("unit", total), []).append(i)
        row = by_period[(r.kind, period)]
        for relation in RELATIONS:
            code = int(frame[f"parent_{relation}"].iat[row])
            if code >= 0:
                parent = frame.iloc[code]
                total = key.get((r.measure, r.level, r.unit, parent.kind,
                                 pd.Timestamp(parent.period)))
                out.setdefault((relation, total), []).append(i)
    return [(total, parts) for (_, total), parts in out.items()]


def _determined(cells: pd.DataFrame, equations, hidden: np.ndarray, only=None) -> list[int]:
    """The hidden cells whose count the shown ones give back: per measure, the hidden
    cells are unknowns, each sum an equation; a cell is determined exactly when every
    solution of the homogeneous system is 0 there."""
    out = []
    for measure, rows in cells.groupby("measure").groups.items():
        if only and measure != only:
            continue
        unknown = [i for i in rows if hidden[i]]
        column = {i: k for k, i in enumerate(unknown)}
        matrix = []
        for total, parts in equations:
            if total is None or cells.measure.iat[total] != measure or (
                    total not in column and not any(p in column for p in parts)):
                continue
            line = np.zeros(len(unknown))
            if total in column:
                line[column[total]] = -1
            for p in parts:
                if p in column:
                    line[column[p]] += 1
            matrix.append(line)
        if not matrix:
            continue
        _, s, vt = np.linalg.svd(np.array(matrix))
        null = vt[int((s > 1e-9).sum()):]  # the homogeneous system's solutions
        free = (np.linalg.norm(null, axis=0) > 1e-9 if len(null)
                else np.zeros(len(unknown), dtype=bool))
        out += [unknown[k] for k in np.flatnonzero(~free)]
    return out


def test_no_hidden_cell_of_the_sample_can_be_recomputed_from_the_shown_ones(sample_db, cells):
    """For visits, families and every share's n and N, at every BVC, district and all
    units by month, quarter, year, the whole export and the presets."""
    equations = _equations(cells, sample_db.grid)
    hidden = cells.hidden.to_numpy()
    assert hidden.sum() > 100  # the sample has small numbers to protect
    assert _determined(cells, equations, hidden) == []
    # the check sees a leak: show one cell hidden only to protect another, in a month
    # where a BVC has a small count, and that count comes back
    guard = cells.index[cells.hidden & (cells.value >= 5) & (cells.level == "bvc")
                        & (cells.kind == "month") & (cells.measure == "visits")][0]
    leaky = hidden.copy()
    leaky[guard] = False
    assert _determined(cells, equations, leaky, only="visits")


def test_each_cell_has_one_verdict_whichever_view_reads_it(sample_db):
    """The same cell read for a preset, a year or a chart by month is the same row."""
    units = sample_db.query("units")
    grid = sample_db.grid
    chosen = set(units.bvc_id)
    by_bvc = unit_parts(units, chosen, "bvc")
    first, last = grid.first, grid.last
    monthly = sample_db.cells(["visits"], by_bvc, period_parts(grid, first, last, "month"))
    for start in (first, last - 11, last - 23):
        window = sample_db.cells(["visits"], by_bvc, period_parts(grid, start, last, "month"))
        merged = window.merge(monthly, on=["unit_group", "period_group", "measure"])
        assert len(merged) == len(window)
        assert (merged.hidden_x == merged.hidden_y).all()
        assert (merged.value_x == merged.value_y).all()
