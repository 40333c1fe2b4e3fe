"""One count's small numbers hidden at every level and time scale at once (contract,
section 6): the BVCs, the districts and all units, by month, quarter and year, and each
unit's total over the selection. Every one of these figures is shown somewhere (the Besök
page's tables and charts, the switch of time scale, Datakvalitet), and each adds up from
others, so each view hidden on its own gave hidden counts back through another (audit):
here they are hidden together, until every total a hidden count adds up to keeps two
hidden or none."""
from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.hiding import (UNIT, bvc_totals_hidden, day_numbers, period_starts,
                             unit_totals_hidden)
from dashboard.suppression import hidden_sparse

LEVELS = ("bvc", "district", "all")
PARENT = {"bvc": "district", "district": "all"}


class Linked:
    """`frame`: one row per period of `scales[0]` and BVC (period, district, bvc_id,
    bvc_name and `column`); `scales`: the time scales shown, finest first, each period of
    one the sum of the finer ones in it."""

    def __init__(self, frame: pd.DataFrame, column: str, threshold: int,
                 scales: tuple[str, ...] = ("month", "quarter", "year")):
        self.column, self.threshold, self.scales = column, threshold, scales
        base = frame[["period", "district", "bvc_id", "bvc_name", column]].copy()
        base = base[base[column] > 0]
        self.names = dict(zip(base.bvc_id, base.bvc_name))
        self.district_of = dict(zip(base.bvc_id, base.district))
        # cells: {(level, scale): {(unit, period day): count}}
        self.cells: dict[tuple[str, str], dict] = {}
        self.start = {}  # a period's first day by its day number
        for scale in scales:
            starts = period_starts(base.period, scale)
            days = day_numbers(starts)
            self.start.update(zip(days.tolist(), starts.tolist()))
            for level in LEVELS:
                units = base[UNIT[level]].to_numpy() if level in UNIT else np.full(len(base), "")
                summed = pd.Series(base[column].to_numpy()).groupby(
                    [units, days]).sum()
                self.cells[(level, scale)] = {k: int(v) for k, v in summed.items()}
        self.hidden = {key: set() for key in self.cells}
        self.totals = {level: pd.Series(base[column].to_numpy()).groupby(
            base[UNIT[level]].to_numpy()).sum() for level in UNIT}
        self.totals_hidden = {level: set() for level in UNIT}
        self._solve()

    def coarser(self, scale: str) -> str | None:
        k = self.scales.index(scale)
        return self.scales[k + 1] if k + 1 < len(self.scales) else None

    def _up(self, scale: str) -> dict[int, int]:
        """Each period of `scale` to the coarser period it is in."""
        up = self.coarser(scale)
        days = sorted({p for level in LEVELS for _, p in self.cells[(level, scale)]})
        if not up or not days:
            return {}
        starts = day_numbers(period_starts([self.start[p] for p in days], up))
        return dict(zip(days, starts.tolist()))

    def _solve(self) -> None:
        ups = {scale: self._up(scale) for scale in self.scales}
        memo: dict = {}
        changed = True
        while changed:
            changed = False
            # units' totals over the selection: districts siblings of the total of all,
            # BVCs of their district's (one hidden at least where the district's is)
            for level in ("district", "bvc"):
                flags = (unit_totals_hidden(self.totals[level], self.threshold,
                                            self.totals_hidden[level])
                         if level == "district" else
                         bvc_totals_hidden(self.totals[level], self.district_of,
                                           self.totals_hidden["district"], self.threshold,
                                           self.totals_hidden[level]))
                found = set(flags.index[flags])
                changed |= not found <= self.totals_hidden[level]
                self.totals_hidden[level] |= found
            for scale in reversed(self.scales):  # coarse first, parents first
                for level in reversed(LEVELS):
                    changed |= self._table(level, scale, ups[scale], memo)

    def _table(self, level: str, scale: str, up: dict[int, int], memo: dict) -> bool:
        """Hide in one table, given what the others hide; True where anything was added
        here or, back from here, to a total (a parent's cell, a coarser period's, a
        unit's total) whose only non-zero part is hidden."""
        cells, hidden = self.cells[(level, scale)], self.hidden[(level, scale)]
        coarser = self.coarser(scale)
        coarse_hidden = self.hidden[(level, coarser)] if coarser else set()
        parent = PARENT.get(level)
        parent_hidden = self.hidden[(parent, scale)] if parent else set()
        group_of = ((lambda unit: self.district_of[unit]) if level == "bvc"
                    else (lambda unit: None))
        groups: dict = {}
        for (unit, p), count in cells.items():
            groups.setdefault(group_of(unit), []).append((unit, p, count))
        added = False
        for group, members in groups.items():
            rows = sorted({(u, up.get(p, 0)) for u, p, _ in members})
            periods = sorted({p for _, p, _ in members})
            row_of = {r: i for i, r in enumerate(rows)}
            column_of = {p: j for j, p in enumerate(periods)}
            values = {(row_of[(u, up.get(p, 0))], column_of[p]): c for u, p, c in members}
            if coarser:
                forced = [i for i, (u, s) in enumerate(rows) if (u, s) in coarse_hidden]
            else:
                forced = [i for i, (u, _) in enumerate(rows)
                          if level in UNIT and u in self.totals_hidden[level]]
            parent_unit = "" if parent == "all" else group
            columns = [j for j, p in enumerate(periods) if (parent_unit, p) in parent_hidden]
            also = [(row_of[(u, up.get(p, 0))], column_of[p]) for u, p, _ in members
                    if (u, p) in hidden]
            key = (level, scale, group)
            inputs = (tuple(forced), tuple(columns), tuple(sorted(also)))
            if memo.get(key, (None,))[0] != inputs:
                found = hidden_sparse(values, len(rows), len(periods), self.threshold,
                                      forced, columns, also)
                memo[key] = (inputs, {(rows[i][0], periods[j]) for i, j in found})
            new = memo[key][1] - hidden
            added |= bool(new)
            hidden |= new
        return self._back(level, scale, up) or added

    def _back(self, level: str, scale: str, up: dict[int, int]) -> bool:
        """A total whose only non-zero part is hidden here is that part: hide it there."""
        cells, hidden = self.cells[(level, scale)], self.hidden[(level, scale)]
        totals: dict = {}
        coarser, parent = self.coarser(scale), PARENT.get(level)
        for (unit, p), count in cells.items():
            if coarser:
                totals.setdefault((level, coarser, (unit, up[p])), []).append((unit, p))
            elif level in UNIT:
                totals.setdefault(("total", level, unit), []).append((unit, p))
            if parent:
                owner = "" if parent == "all" else self.district_of[unit]
                totals.setdefault((parent, scale, (owner, p)), []).append((unit, p))
        added = False
        for target, parts in totals.items():
            if len(parts) != 1 or parts[0] not in hidden:
                continue
            if target[0] == "total":
                store, item = self.totals_hidden[target[1]], target[2]
            else:
                store, item = self.hidden[(target[0], target[1])], target[2]
            if item not in store:
                store.add(item)
                added = True
        return added

    def view(self, level: str, scale: str, units=None) -> pd.DataFrame:
        """The table shown at `level` and `scale`: one row per period and unit with a
        count (period, the level's keys, the count, `hidden`, `shown`); `units`: only
        these BVCs or districts (a filtered page's rows, hidden as over every unit)."""
        cells, hidden = self.cells[(level, scale)], self.hidden[(level, scale)]
        keys = sorted((k for k in cells if units is None or k[0] in units),
                      key=lambda k: (k[1], str(k[0])))
        out = pd.DataFrame({"period": [self.start[p] for _, p in keys]})
        if level == "bvc":
            out["district"] = [self.district_of[u] for u, _ in keys]
            out["bvc_id"] = [u for u, _ in keys]
            out["bvc_name"] = [self.names[u] for u, _ in keys]
        elif level == "district":
            out["district"] = [u for u, _ in keys]
        out[self.column] = [cells[k] for k in keys]
        out["hidden"] = [k in hidden for k in keys]
        out["shown"] = out[self.column].where(~out.hidden)
        return out

    def sums(self, scale: str, bvcs, by_district: bool = False) -> pd.DataFrame:
        """The visits of the BVCs `bvcs` together per period (and district), as a page
        filtered to them shows them: hidden where any of their counts is (a sum of shown
        counts is no news, one with a single hidden part would give it back). Columns:
        period (district), the count, `hidden`, `shown`."""
        view = self.view("bvc", scale, set(bvcs))
        keys = ["period", "district"] if by_district else ["period"]
        out = view.groupby(keys, as_index=False, sort=True).agg(
            **{self.column: (self.column, "sum"), "hidden": ("hidden", "any")})
        out["shown"] = out[self.column].where(~out.hidden)
        return out

    def totals_view(self, level: str = "bvc") -> pd.Series:
        """Whether each unit's count over the selection is hidden (by unit id)."""
        return pd.Series({u: u in self.totals_hidden[level] for u in self.totals[level].index},
                         dtype=bool)


def visits_of(query, filters, threshold: int) -> Linked:
    """The visits per BVC and month of `filters`' period over every unit, hidden at every
    level and time scale at once; `query(name, filters, **options)` runs a named query
    (Context.query, or session.query with its database)."""
    return Linked(query("visit_counts_by_bvc_and_period", filters.period_only(),
                        interval="month"), "visits", threshold)
