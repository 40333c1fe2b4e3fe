"""What a page reads of the grid: a selection's units and months as grid cells, and their
sums with the selection rule (a sum is shown only where every cell it adds up from is).
A selection of units is its whole districts' cells (all units' when it is every unit) and
its other BVCs' own; a range of months is its cells, coarsest first (grid.Grid.tiles)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
        return tuple(PeriodPart(month_start(first), p.kind, p.start)
                     for p in grid.tiles(first, last))
    parts, month = [], first
    while month <= last:
        period = calendar_period(interval, month)
        end = min(period.last, last)
        parts += [PeriodPart(period.start, p.kind, p.start) for p in grid.tiles(month, end)]
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
    """grid_cells' rows with a row of 0 (shown) for every group and measure without one."""
    groups = pd.MultiIndex.from_product(
        [list(dict.fromkeys(u.group for u in units)),
         pd.to_datetime(list(dict.fromkeys(p.group for p in periods))), list(measures)],
        names=["unit_group", "period_group", "measure"])
    found = cells.assign(period_group=pd.to_datetime(cells.period_group)).set_index(
        ["unit_group", "period_group", "measure"])
    out = found.reindex(groups)
    return pd.DataFrame({
        "value": out.value.fillna(0).astype("int64"),
        "hidden": out.hidden.fillna(False).astype(bool),
        "cells": out.cells.fillna(0).astype("int64")}, index=groups).reset_index()


def summed(cells: pd.DataFrame, threshold: int) -> pd.DataFrame:
    """Rows of grid_cells (unit_group, period_group, measure, value, hidden, parts) as
    shown: `hidden` also for a small sum ("<5"), `shown` the value or NaN."""
    out = cells.copy()
    out["hidden"] = out.hidden.astype(bool) | ((out.value > 0) & (out.value < threshold))
    out["shown"] = out.value.where(~out.hidden)
    return out


def shares(cells: pd.DataFrame, indicators: list[str], threshold: int,
           keys=("unit_group", "period_group")) -> pd.DataFrame:
    """A share per indicator and row from its n and N cells: hidden where either is, or
    where N is below the threshold. Columns: keys, indicator, n, denominator, hidden,
    value (NaN where hidden)."""
    keys = list(keys)
    frames = []
    for indicator in indicators:
        n = cells[cells.measure == f"{indicator}:n"].set_index(keys)
        total = cells[cells.measure == f"{indicator}:N"].set_index(keys)
        index = total.index.union(n.index)
        n, total = n.reindex(index), total.reindex(index)
        frame = pd.DataFrame({
            "indicator": indicator,
            "n": n.value.fillna(0).astype("int64"),
            "denominator": total.value.fillna(0).astype("int64"),
            "hidden": n.hidden.fillna(False).astype(bool) | total.hidden.fillna(
                False).astype(bool)}, index=index)
        frames.append(frame.reset_index())
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
        columns=[*keys, "indicator", "n", "denominator", "hidden"])
    out["hidden"] = (out.hidden.astype(bool) | (out.denominator < threshold)
                     | ((out.n > 0) & (out.n < threshold)))
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
        return cls(grid, units[["bvc_id", "district"]], frozenset(chosen), first, last)

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
