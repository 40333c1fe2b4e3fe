"""What a page reads of the grid: a selection's units and months as grid cells, and their
sums with the selection rule (a sum is shown only where every cell it adds up from is).
A selection of units is its whole districts' cells (all units' when it is every unit) and
its other BVCs' own; a range of months is its cells, coarsest first (grid.Grid.tiles)."""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.privacy.grid import Grid, calendar_period, month_end, month_index, month_start

__all__ = ["month_end", "month_start"]

INTERVALS = ("month", "quarter", "year")
DISTINCT = {"families_visited"}  # counted distinct per unit and period: not a sum


@dataclass(frozen=True)
class UnitPart:
    group: str  # the row it adds up to (a district, a BVC, or "" for the selection)
    level: str
    unit: str


@dataclass(frozen=True)
class PeriodPart:
    group: dt.date  # the first day of the period it adds up to
    kind: str
    period: dt.date
    kinds: frozenset = frozenset()  # the kinds the cell is (Grid.kinds_of)

    def held(self, kinds) -> bool:
        """Whether a measure held at `kinds` has a cell here."""
        return bool(self.kinds & set(kinds))


def unit_parts(units: pd.DataFrame, chosen: set[str], by: str | None = None
               ) -> tuple[UnitPart, ...]:
    """The grid cells the BVCs `chosen` add up from, grouped `by` "district" (a row per
    district), "bvc" (a row per BVC) or None (one row, group ""): a district whose every BVC
    is chosen is its own cell, every unit is all units' cell."""
    if by == "bvc":
        return tuple(UnitPart(b, "bvc", b) for b in sorted(chosen))
    bvcs_of = units.groupby("district").bvc_id.agg(frozenset).to_dict()
    if by is None and all(members <= chosen for members in bvcs_of.values()):
        return (UnitPart("", "all", ""),)
    parts = []
    for district, members in sorted(bvcs_of.items()):
        mine = members & chosen
        group = district if by == "district" else ""
        if mine == members:
            parts.append(UnitPart(group, "district", district))
        else:
            parts += [UnitPart(group, "bvc", b) for b in sorted(mine)]
    return tuple(parts)


def month_range(grid: Grid, date_from: dt.date | None, date_to: dt.date | None
                ) -> tuple[int, int]:
    """A period's months (whole months: a day's month), open ends at the grid's ends."""
    first = grid.first if date_from is None else month_index(date_from)
    last = grid.last if date_to is None else month_index(date_to)
    return first, last


def period_parts(grid: Grid, first: int, last: int, interval: str | None = None
                 ) -> tuple[PeriodPart, ...]:
    """The grid cells the months first … last add up from: as one row (group: the first
    month's day) or, by `interval`, a row per month, quarter or year they touch (group: its
    first day), each the cells of its months within the range."""
    if interval is None:
        return tuple(PeriodPart(month_start(first), p.kind, p.start, grid.kinds_of(p))
                     for p in grid.tiles(first, last))
    parts, month = [], first
    while month <= last:
        period = calendar_period(interval, month)
        end = min(period.last, last)
        parts += [PeriodPart(period.start, p.kind, p.start, grid.kinds_of(p))
                  for p in grid.tiles(month, end)]
        month = end + 1
    return tuple(parts)


def partial_periods(first: int, last: int, interval: str, last_day: dt.date
                    ) -> set[dt.date]:
    """The periods of `interval` that the months first … last hold only part of (or whose
    end is after the export's last day)."""
    out, month = set(), first
    while month <= last:
        period = calendar_period(interval, month)
        if period.first < first or period.last > last or month_end(period.last) > last_day:
            out.add(period.start)
        month = period.last + 1
    return out


def empty_counts() -> pd.DataFrame:
    return pd.DataFrame({"unit_group": pd.Series(dtype=str), "period_group": pd.Series(
        dtype="datetime64[us]"), "measure": pd.Series(dtype=str), "value": pd.Series(
        dtype="int64"), "hidden": pd.Series(dtype=bool), "cells": pd.Series(dtype="int64"),
        "shown": pd.Series(dtype=float)})


def complete(cells: pd.DataFrame, measures, units, periods) -> pd.DataFrame:
    """grid_cells' rows as a row for every group of units, group of periods and measure,
    in that order (measures as given), 0 and shown where the query has none."""
    unit_groups = list(dict.fromkeys(u.group for u in units))
    period_groups = list(dict.fromkeys(p.group for p in periods))
    measures = list(measures)
    size = (len(unit_groups), len(period_groups), len(measures))
    value = np.zeros(size, dtype=np.int64)
    hidden = np.zeros(size, dtype=bool)
    parts = np.zeros(size, dtype=np.int64)
    if len(cells):
        where = (pd.Index(unit_groups).get_indexer(cells.unit_group),
                 pd.Index(pd.to_datetime(period_groups)).get_indexer(
                     pd.to_datetime(cells.period_group)),
                 pd.Index(measures).get_indexer(cells.measure))
        value[where] = cells.value.to_numpy()
        hidden[where] = cells.hidden.to_numpy(dtype=bool)
        parts[where] = cells.cells.to_numpy()
    u, p, m = np.meshgrid(np.arange(size[0]), np.arange(size[1]), np.arange(size[2]),
                          indexing="ij")
    return pd.DataFrame({
        "unit_group": np.array(unit_groups, dtype=object)[u.ravel()],
        "period_group": pd.to_datetime(np.array(period_groups)[p.ravel()]),
        "measure": np.array(measures, dtype=object)[m.ravel()],
        "value": value.ravel(), "hidden": hidden.ravel(), "cells": parts.ravel()})


def summed(cells: pd.DataFrame, threshold: int) -> pd.DataFrame:
    """Rows of grid_cells (unit_group, period_group, measure, value, hidden, parts) as
    shown: `hidden` also for a small sum ("<5"), `shown` the value or NaN."""
    out = cells.copy()
    out["hidden"] = out.hidden.astype(bool) | ((out.value > 0) & (out.value < threshold))
    out["shown"] = out.value.where(~out.hidden)
    return out


# each share's numerator and denominator on the grid
FAMILY_SHARES = {"offered_share": ("offered", "families"),
                 "accepted_share": ("accepted", "answered"),
                 "started_share": ("started", "families"),
                 "completed_share": ("completed", "completion_eligible")}


def share_measures(indicator: str) -> tuple[str, str]:
    """The grid's measures of a share's n and N."""
    return FAMILY_SHARES.get(indicator, (f"{indicator}:n", f"{indicator}:N"))


def measures_of(indicators) -> list[str]:
    return list(dict.fromkeys(m for i in indicators for m in share_measures(i)))


def shares(counts: pd.DataFrame, indicators: list[str], threshold: int) -> pd.DataFrame:
    """A share per indicator and row from its n and N: `counts` as Context.counts gives
    them for measures_of(indicators) (a row per group and measure, in that order). Hidden
    where n or N is, or where N is below the threshold. Columns: unit_group,
    period_group, indicator, n, denominator, n_hidden, denominator_hidden, hidden, value
    (NaN where hidden)."""
    measures = measures_of(indicators)
    width = len(measures)
    groups = len(counts) // width if width else 0
    value = counts.value.to_numpy().reshape(groups, width)
    hidden = counts.hidden.to_numpy().reshape(groups, width)
    at = {m: k for k, m in enumerate(measures)}
    n = [at[share_measures(i)[0]] for i in indicators]
    d = [at[share_measures(i)[1]] for i in indicators]
    first = counts.iloc[::width] if width else counts
    out = pd.DataFrame({
        "unit_group": np.repeat(first.unit_group.to_numpy(), len(indicators)),
        "period_group": np.repeat(first.period_group.to_numpy(), len(indicators)),
        "indicator": np.tile(np.array(indicators, dtype=object), groups),
        "n": value[:, n].ravel(), "denominator": value[:, d].ravel(),
        "n_hidden": hidden[:, n].ravel(), "denominator_hidden": hidden[:, d].ravel()})
    out["hidden"] = out.n_hidden | out.denominator_hidden | (out.denominator < threshold)
    out["value"] = (out.n / out.denominator.where(out.denominator > 0)).where(~out.hidden)
    return out


@dataclass(frozen=True)
class View:
    """A selection on the grid: the BVCs chosen (every unit's with none chosen) and its
    months (whole months; the grid's first and last for an open end)."""
    grid: Grid
    units: pd.DataFrame  # bvc_id, district of every unit
    chosen: frozenset
    first: int
    last: int

    @classmethod
    def of(cls, grid: Grid, units: pd.DataFrame, filters) -> "View":
        keep = pd.Series(True, index=units.index)
        if filters.districts:
            keep &= units.district.isin(filters.districts)
        if filters.bvcs:
            keep &= units.bvc_id.isin(filters.bvcs)
        if filters.programmes:
            keep &= units.programme_id.isin(filters.programmes)
        chosen = units.bvc_id[keep]
        first, last = month_range(grid, filters.date_from, filters.date_to)
        # the grid ends with the last whole month: a period reaching past it ends there
        return cls(grid, units[["bvc_id", "district"]], frozenset(chosen), first,
                   min(last, grid.last))

    @functools.cached_property
    def units_key(self) -> str:
        """A digest of the chosen units, for a cache's key (hashing a thousand BVC ids at
        every call took 5-10 ms)."""
        return hashlib.blake2b("\x1f".join(sorted(self.chosen)).encode(),
                               digest_size=16).hexdigest()

    def __hash__(self) -> int:
        return hash((self.chosen, self.first, self.last))

    def __eq__(self, other) -> bool:
        return isinstance(other, View) and (self.chosen, self.first, self.last) == (
            other.chosen, other.first, other.last)

    def units_of(self, by: str | None = None) -> tuple[UnitPart, ...]:
        return unit_parts(self.units, set(self.chosen), by)

    def periods_of(self, interval: str | None = None) -> tuple[PeriodPart, ...]:
        return period_parts(self.grid, self.first, self.last, interval)

    def previous(self) -> "View | None":
        """The same units over as many months just before (None for the whole export)."""
        if (self.first, self.last) == (self.grid.first, self.grid.last) or (
                self.first <= self.grid.first):
            return None
        length = self.last - self.first + 1
        return View(self.grid, self.units, self.chosen, self.first - length,
                    self.first - 1)

    def months(self, interval: str) -> list[dt.date]:
        """The first days of the periods of `interval` the selection touches."""
        out, month = [], self.first
        while month <= self.last:
            period = calendar_period(interval, month)
            out.append(period.start)
            month = period.last + 1
        return out
