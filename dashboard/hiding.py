"""Which counts to hide so that no total shown gives a hidden one back (contract, section
6), for tables of one count per period and unit: a district's BVCs, the districts, all units,
or another key (`extra`: rater roles, indicators), each along its time scale with the next
coarser one's totals. Besök's visits are hidden over all these views at once in linked.py;
the other pages' tables one at a time here."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from dashboard.suppression import hidden_cells, hidden_sparse

LEVEL_KEYS = {"bvc": ["district", "bvc_id", "bvc_name"], "district": ["district"], "all": []}
UNIT = {"bvc": "bvc_id", "district": "district"}  # a level's unit id (all units: none)
# the time scale whose periods add up to one of the next (a page shows both, at a switch)
COARSER = {"month": "quarter", "quarter": "year", "half_year": "year"}
FREQ = {"month": "M", "quarter": "Q", "year": "Y"}  # pandas' periods (half-years: below)


def day_numbers(days) -> np.ndarray:
    """Dates as whole days since 1970 (whatever their type or time unit)."""
    stamps = pd.to_datetime(pd.Series(np.asarray(days)))
    return (stamps - pd.Timestamp("1970-01-01")).dt.days.to_numpy(dtype="int64")


def period_starts(days, scale: str) -> pd.Series:
    """Each date's period of `scale` by its first day (a half-year: January or July)."""
    stamps = pd.to_datetime(pd.Series(np.asarray(days)))
    if scale == "half_year":
        return pd.to_datetime(pd.DataFrame({"year": stamps.dt.year, "day": 1,
                                            "month": np.where(stamps.dt.month <= 6, 1, 7)}))
    return stamps.dt.to_period(FREQ[scale]).dt.start_time


def hidden_counts(summed: pd.DataFrame, column: str, level: str, threshold: int,
                  extra: list[str] | None = None, split: dt.date | None = None,
                  interval: str | None = None, also: frozenset = frozenset(),
                  record: dict | None = None) -> pd.Series:
    """Which of `column`'s counts to hide in `summed`, rows of one per period and unit of
    `level` (LEVEL_KEYS, and `extra` keys). Every total such a count adds up to is shown
    somewhere, so each set of counts with a shown total hides none or two and more:
    - a period's units add up to the level above, and a unit's periods to its count over
      the selection (Översikt, Datakvalitet): the units × periods of a district (BVCs) or
      of the selection (districts) are a table with both totals (hidden_grid), a single
      series its periods;
    - the periods of `interval` add up to the next coarser one's (a month's to its
      quarter's, shown at the switch of time scale: the audit took a quarter less two
      months): each unit's periods within one coarser period have a total of their own,
      and a coarser period hidden there hides one of its periods here;
    - at BVC level, a district's period or a BVC's total hidden elsewhere (the districts'
      chart, Datakvalitet) hides a BVC cell in it (the audit added the BVCs shown to get
      a district's "–" back, and with it a "<5");
    - `split`: periods before and from that day have totals of their own (a tile's
      previous period and its own, beside its short trend);
    - and the other way: a total whose only non-zero count is hidden here (October alone in
      its quarter, the one BVC of a district with visits that month) is hidden there too.
    `also`: cells (units…, period) to hide whatever their count. `record`: a dict that
    receives, per time scale, the rows as finally hidden there (`summed` with `hidden`):
    this one's and each coarser one's (see hidden_as_months)."""
    hidden = pd.Series(False, index=summed.index)
    if summed.empty:
        if record is not None:
            record[interval] = summed.assign(hidden=hidden)
        return hidden
    keys = LEVEL_KEYS[level] + list(extra or [])
    units = ([UNIT[level]] if level in UNIT else []) + list(extra or [])
    up = COARSER.get(interval)
    # periods and their segments as day numbers: cheap to compare and to hash
    starts = _segments(summed.period, up, split)
    rows = summed.assign(_p=day_numbers(summed.period), _segment=day_numbers(starts))
    line = [*units, "_segment"]
    if up:
        coarse = rows.assign(period=starts).groupby(["period", *keys], as_index=False,
                                                    sort=True)[column].sum()
        coarse_keys = _keys(coarse.assign(_p=day_numbers(coarse.period)), [*units, "_p"],
                            as_list=True)
    if level == "bvc":
        districts = rows.groupby(["period", "district"], as_index=False, sort=True)[
            column].sum()
        district_keys = _keys(districts.assign(_p=day_numbers(districts.period)),
                              ["district", "_p"], as_list=True)
        totals = summed.groupby("bvc_id")[column].sum()
    groups = [(district, group, _keys(group, line, as_list=True),
               _keys(group, [*units, "_p"], as_list=True))
              for district, group in (rows.groupby("district", sort=False) if level == "bvc"
                                      else [(None, rows)])]
    done: dict = {}  # a group's inputs and result, while its inputs stay the same
    also_coarse, also_districts, also_units = set(), set(), set()
    while True:
        forced, hidden_units, hidden_columns = set(), set(), set()
        if up:
            coarse_hidden = hidden_counts(coarse, column, level, threshold, extra, split,
                                          up, frozenset(also_coarse), record)
            forced = {k for k, h in zip(coarse_keys, coarse_hidden) if h}
        if level == "bvc":
            district_hidden = hidden_counts(districts, column, "district", threshold,
                                            split=split, interval=interval,
                                            also=frozenset(also_districts))
            hidden_columns = {k for k, h in zip(district_keys, district_hidden) if h}
            if not up:  # a BVC's total: at the coarsest scale, finer ones follow (forced)
                shown = unit_totals_hidden(totals, threshold, also_units)
                hidden_units = set(shown.index[shown])
        for n, (district, group, lines, cells) in enumerate(groups):
            inputs = ({k for k in lines if k in forced or (units and k[0] in hidden_units)},
                      {p for d, p in hidden_columns if d == district},
                      {(k, c[-1]) for k, c in zip(lines, cells) if c in also})
            if n not in done or done[n][0] != inputs:
                done[n] = (inputs, hidden_in_table(group, line, "_p", column, threshold,
                                                   inputs[:2], inputs[2]))
            hidden[group.index] = done[n][1]
        more = (_lone(rows, hidden, column, line) - forced if up else set(),
                _lone(rows, hidden, column, ["district", "_p"]) - hidden_columns
                if level == "bvc" else set(),
                {k[0] for k in _lone(rows, hidden, column, ["bvc_id"])} - hidden_units
                if level == "bvc" and not up else set())
        if not any(more):
            if record is not None:  # the last call at each scale is the final one
                record[interval] = summed.assign(hidden=hidden)
            return hidden
        also_coarse |= more[0]
        also_districts |= more[1]
        also_units |= more[2]


def hidden_as_months(summed: pd.DataFrame, months: pd.DataFrame | None, column: str,
                     level: str, threshold: int, extra: list[str] | None = None,
                     interval: str | None = None, also: frozenset = frozenset()
                     ) -> pd.Series:
    """hidden_counts for `summed` (rows by quarter or year) as the view by month hides
    them: `months` holds the same counts by month (same units and keys). Hidden on their
    own, a quarter did not learn what the months hid back into it (October alone in its
    quarter, "–" by month and 5 / 5 as the quarter: audit); here the months are hidden
    first, with every coarser scale in the same computation, and the quarter shows what
    that computation hid at its scale. Without `months`, or by month, hidden_counts.
    `also`: cells (units…, month's day) hidden whatever their count, by month."""
    if months is None or interval not in ("quarter", "year") or summed.empty:
        return hidden_counts(summed, column, level, threshold, extra, interval=interval,
                             also=also)
    keys = LEVEL_KEYS[level] + list(extra or [])
    by_month = months.groupby(["period", *keys], as_index=False, sort=True)[column].sum()
    record: dict = {}
    hidden_counts(by_month, column, level, threshold, extra, interval="month", also=also,
                  record=record)
    found = record[interval]
    hidden_at = dict(zip(_keys(found.assign(_p=day_numbers(found.period)), ["_p", *keys],
                               as_list=True), found.hidden))
    return pd.Series([hidden_at.get(k, False) for k in _keys(
        summed.assign(_p=day_numbers(summed.period)), ["_p", *keys], as_list=True)],
        index=summed.index, dtype=bool)


def _keys(frame: pd.DataFrame, columns: list[str], as_list: bool = False):
    """The rows' values of `columns` as tuples (a set, or a list in row order)."""
    values = list(zip(*(frame[c].tolist() for c in columns))) if columns else [
        ()] * len(frame)
    return values if as_list else set(values)


def _lone(rows: pd.DataFrame, hidden: pd.Series, column: str, by: list[str]) -> set:
    """The groups of `rows` by `by` whose only non-zero count is hidden (their total is
    that count)."""
    nonzero = rows[rows[column] > 0]
    found = nonzero.assign(_hidden=hidden[nonzero.index]).groupby(by, sort=False)._hidden.agg(
        ["size", "sum"])
    lone = found[(found["size"] == 1) & (found["sum"] == 1)].index
    return {k if isinstance(k, tuple) else (k,) for k in lone}


def _segments(periods: pd.Series, coarser: str | None, split: dt.date | None) -> pd.Series:
    """Per period, the set of siblings it belongs to along time, by its first day: its
    `coarser` period (from `split` on, the part after it), or only the side of `split`."""
    days = pd.to_datetime(pd.Series(np.asarray(periods), index=periods.index))
    start = (pd.Series(period_starts(days, coarser).to_numpy(), index=periods.index)
             if coarser else pd.Series(pd.Timestamp("1900-01-01"), index=periods.index))
    if split:
        after = days >= pd.Timestamp(split)
        start = start.where(~after | (start >= pd.Timestamp(split)), pd.Timestamp(split))
    return start


def unit_totals_hidden(totals: pd.Series, threshold: int, also=()) -> pd.Series:
    """Which units' counts over the selection (a Series by unit id) to hide: siblings whose
    total is shown, ties broken by id, so that every page hiding them (Datakvalitet, the
    BVC tables' lines) hides the same ones; `also`: ids to hide whatever their count."""
    ordered = totals.sort_index()
    return pd.Series(hidden_cells([int(n) for n in ordered], threshold,
                                  also={i for i, u in enumerate(ordered.index) if u in also}),
                     index=ordered.index).reindex(totals.index)


def bvc_totals_hidden(totals: pd.Series, district_of: dict, hidden_districts: set,
                      threshold: int, also=()) -> pd.Series:
    """Which BVCs' counts over the selection (a Series by BVC id) to hide: siblings within
    their district, whose total is shown unless in `hidden_districts`; a hidden district
    hides one of its BVCs at least, else its BVCs shown would add up to it. Ties broken by
    id, as unit_totals_hidden; `also`: ids to hide whatever their count."""
    out = pd.Series(False, index=totals.index)
    for district, group in totals.groupby(lambda bvc: district_of[bvc], sort=True):
        ordered = group.sort_index()
        flags = hidden_cells([int(n) for n in ordered], threshold,
                             total_shown=district not in hidden_districts,
                             also={i for i, u in enumerate(ordered.index) if u in also})
        counts = [(int(n), i) for i, n in enumerate(ordered) if n > 0]
        if district in hidden_districts and counts and not any(flags):
            flags[min(counts)[1]] = True
        out[ordered.index] = flags
    return out


def hidden_in_table(rows: pd.DataFrame, index: list[str] | str, columns: str, values: str,
                    threshold: int, hidden_lines: tuple[set, set] | None = None,
                    also: set | None = None) -> pd.Series:
    """Per row of `rows`: whether its count `values` is hidden when the rows make a table
    (`index` × `columns`) whose row and column totals are shown (hidden_grid);
    `hidden_lines`: the index and column keys (tuples) whose totals are hidden elsewhere;
    `also`: (index key tuple, column key) cells hidden whatever their count. (Several rows
    of one cell add up.)"""
    index = [index] if isinstance(index, str) else index
    hidden_rows, hidden_columns = hidden_lines or (set(), set())
    counts = rows[values].to_numpy(dtype="int64")
    if not (hidden_rows or hidden_columns or also) and not (
            (counts > 0) & (counts < threshold)).any():
        return pd.Series(False, index=rows.index)  # nothing small, nothing to follow
    row_keys = list(zip(*(rows[u] for u in index)))
    row_of, row_names = pd.factorize(pd.Series(row_keys, dtype=object), sort=True)
    column_of, column_names = pd.factorize(rows[columns], sort=True)
    values: dict[tuple[int, int], int] = {}
    for i, j, c in zip(row_of.tolist(), column_of.tolist(), counts.tolist()):
        if c:
            values[(i, j)] = values.get((i, j), 0) + c
    cells = hidden_sparse(values, len(row_names), len(column_names), threshold,
                          hidden_rows=[i for i, u in enumerate(row_names) if u in hidden_rows],
                          hidden_columns=[j for j, c in enumerate(column_names)
                                          if c in hidden_columns],
                          also={(i, j) for i, j, key in zip(
                              row_of.tolist(), column_of.tolist(),
                              zip(row_keys, rows[columns])) if key in also} if also else ())
    return pd.Series([(i, j) in cells for i, j in zip(row_of.tolist(), column_of.tolist())],
                     index=rows.index, dtype=bool)
