"""Which cells of the grid to hide, decided once for all of them, so that no hidden count
can be recomputed from the shown ones by any sum the grid holds (a district = its BVCs, all
units = the districts, a quarter = its months, a year = its quarters, the whole export =
its years, a preset period = its months).

A small count is hidden with a pattern of other cells around it: a difference of two BVCs
(`+1` on one BVC and its totals, `-1` on another and its) times a difference of two months
(`+1` on one month and every period holding it, `-1` on another and its). Such a pattern
adds 0 to every sum of the grid, so with all its cells hidden, adding it to the hidden
counts changes no shown figure: none of them is determined. The cheapest pattern is
chosen (fewest newly hidden, weighed by level and period): for a BVC's month, usually a
sibling BVC and a month of the same quarter; a district's month takes a BVC of its own
and one of another.

Measures can add up too (visits = the visits of each visit number; referrals = those to
each destination): a small count of such a group is hidden with the same pattern in a
bundle of its partners, a sibling (`-1`: the group's total stays) or the totals holding it
(`+1` on each), so every sum over measures adds 0 too."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

BVC, DISTRICT, ALL = 0, 1, 2
LEVEL_WEIGHT = np.array([1, 2, 4])  # by unit level: BVC, DISTRICT, ALL
KIND_WEIGHT = {"month": 1, "quarter": 2, "year": 3}  # the whole export and presets: 4


@dataclass
class Axes:
    """The grid's units and periods as codes. `unit_level`: BVC, DISTRICT or ALL per unit;
    `unit_up`: each unit's total (a BVC's district, a district's all units, -1);
    `period_kind`: per period; `closure`: per month (by period code), the periods that hold
    it, itself included; `months`: per period, its months; `period_kinds`: per period, the
    kinds it is (a quarter the export holds one month of is that month and a quarter; its
    own kind alone by default)."""
    unit_level: np.ndarray
    unit_up: np.ndarray
    period_kind: list[str]
    closure: dict[int, frozenset]
    months: list[list[int]]
    period_kinds: list[frozenset] | None = None

    def __post_init__(self):
        self.n_units, self.n_periods = len(self.unit_level), len(self.period_kind)
        if self.period_kinds is None:
            self.period_kinds = [frozenset([k]) for k in self.period_kind]
        self.all_unit = int(np.flatnonzero(self.unit_level == ALL)[0])
        bvcs = np.flatnonzero(self.unit_level == BVC)
        self.bvcs_of = {int(d): bvcs[self.unit_up[bvcs] == d] for d in
                        np.flatnonzero(self.unit_level == DISTRICT)}
        self.month_of = {m: k for k, ms in enumerate(self.months) for m in ms}
        # months that lie in exactly the same periods: a difference of two adds 0 anywhere
        by_signature: dict = {}
        for month, periods in self.closure.items():
            by_signature.setdefault(periods - {month}, []).append(month)
        self.twins = {m: [o for o in group if o != m]
                      for group in by_signature.values() for m in group}
        month_codes = sorted(self.closure)
        self.near = [[m for m in month_codes if m not in set(inside)
                      and inside and abs(m - min(inside)) <= 12 + len(inside)]
                     for inside in self.months]
        self.pairs = [self._time_pairs(k) for k in range(self.n_periods)]
        # the same as flat arrays, for patterns chosen for many cells at once
        bvc_codes = np.flatnonzero(self.unit_level == BVC)
        by_district = bvc_codes[np.argsort(self.unit_up[bvc_codes], kind="stable")]
        self.siblings = _Lists(self.unit_up[by_district], by_district, self.n_units)
        self.twin_lists = _Lists(*_flat({m: t for m, t in self.twins.items()}),
                                 self.n_periods)
        pair_of, first, second, rank = [], [], [], []
        for k, pairs in enumerate(self.pairs):
            for r, (m1, m2) in enumerate(pairs):
                pair_of.append(k)
                first.append(m1)
                second.append(m2)
                rank.append(r)
        # the pairs of each period, fewest periods first; `pair_lists[n]`: its first n
        rank = np.array(rank, dtype=np.int64)
        self.pair_lists = {n: _Lists(np.array(pair_of, dtype=np.int64)[rank < n],
                                     np.flatnonzero(rank < n), self.n_periods)
                           for n in (4, 8, 16)}
        spans = [self.period_cells(a, b) for a, b in zip(first, second)]
        self.pair_spans = np.full((len(spans), max(map(len, spans), default=1)), -1,
                                  dtype=np.int64)
        for k, span in enumerate(spans):
            self.pair_spans[k, :len(span)] = span
        self.outside = {d: bvc_codes[self.unit_up[bvc_codes] != d] for d in self.bvcs_of}
        self.all_bvcs = bvc_codes

    def _time_pairs(self, period: int, keep: int = 16) -> list[tuple[int, int]]:
        """Pairs of months whose difference is not 0 at `period`, fewest periods first (a
        month of the same quarter and presets: two), then the nearest."""
        inside = self.months[period]
        if not inside:
            return []
        # (not with a month that stands for a quarter or year the export holds it alone
        # of: its difference looks small, one cell for several periods, but it lies at the
        # export's edge where few units have counts; the last resort tries it)
        ranked = sorted((len(self.closure[m1] ^ self.closure[m2]), abs(m1 - m2), m1, m2)
                        for m1 in inside for m2 in self.near[period]
                        if period in self.closure[m1] ^ self.closure[m2]
                        and len(self.period_kinds[m2]) == 1)
        return [(m1, m2) for _, _, m1, m2 in ranked[:keep]]

    def unit_cells(self, b1: int, b2: int | None) -> list[tuple[int, int]]:
        """(unit, sign) of the difference of two BVCs' closures (b2 None: b1's alone)."""
        one = [(b1, 1), (int(self.unit_up[b1]), 1), (self.all_unit, 1)]
        if b2 is None:
            return one
        two = [(b2, -1), (int(self.unit_up[b2]), -1), (self.all_unit, -1)]
        net: dict[int, int] = {}
        for unit, sign in one + two:
            net[unit] = net.get(unit, 0) + sign
        return [(u, s) for u, s in net.items() if s]

    def period_cells(self, m1: int, m2: int | None) -> list[int]:
        """The periods of the difference of two months' closures (m2 None: m1's alone)."""
        one = self.closure[m1]
        return sorted(one if m2 is None else one ^ self.closure[m2])


def _flat(lists: dict) -> tuple[np.ndarray, np.ndarray]:
    """{key: [values]} as (keys repeated, values), for _Lists."""
    keys = [k for k, values in lists.items() for _ in values]
    values = [v for vs in lists.values() for v in vs]
    return np.array(keys, dtype=np.int64), np.array(values, dtype=np.int64)


class _Lists:
    """A list of values per key (0 … n - 1), as flat arrays: `of(keys)` gives every value
    of each key with the position of its key."""

    def __init__(self, keys: np.ndarray, values: np.ndarray, n: int):
        order = np.argsort(keys, kind="stable")
        self.values = np.asarray(values, dtype=np.int64)[order]
        self.sizes = np.bincount(np.asarray(keys, dtype=np.int64), minlength=n)
        self.starts = np.concatenate([[0], np.cumsum(self.sizes)[:-1]])

    def of(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        sizes = self.sizes[keys]
        owner = np.repeat(np.arange(len(keys)), sizes)
        offset = np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        return self.values[self.starts[keys][owner] + offset], owner


class _Cells:
    """The cells of the grid sorted by (measure, period, unit), looked up by their codes;
    `partners`: per measure code, the bundles of measures (one or two) a pattern in it
    takes too (see the module's text)."""

    def __init__(self, values, measure, unit, period, axes: Axes,
                 partners: dict[int, list[tuple[int, ...]]] | None = None,
                 kinds: dict[int, set[str]] | None = None,
                 levels: dict[int, set[int]] | None = None):
        self.axes, self.measure = axes, np.asarray(measure, dtype=np.int64)
        partners = partners or {}
        n_measures = max([int(self.measure.max()) + 1 if len(self.measure) else 1,
                          *(k + 1 for k in partners), *(k + 1 for k in kinds or {}),
                          *(j + 1 for bundles in partners.values() for b in bundles
                            for j in b)])
        # every bundle a row of measure codes (-1: none), a measure's bundles by their rows
        rows = [b for bundles in partners.values() for b in bundles]
        self.bundles = np.full((len(rows), max(map(len, rows), default=1)), -1,
                               dtype=np.int64)
        for r, bundle in enumerate(rows):
            self.bundles[r, :len(bundle)] = bundle
        offsets = np.cumsum([0, *(len(b) for b in partners.values())])
        self.partners = _Lists(*_flat({k: list(range(offsets[i], offsets[i + 1]))
                                       for i, k in enumerate(partners)}), n_measures)
        # whether a measure has cells at a period (a measure held at some kinds only: the
        # others are no cells of it, neither counts of 0 nor parts of its sums)
        self.held = np.ones((n_measures, axes.n_periods), dtype=bool)
        for k, held in (kinds or {}).items():
            self.held[k] = [bool(kinds & held) for kinds in axes.period_kinds]
        # and at a level of units (score counts: all units alone)
        self.at_level = np.ones((n_measures, 3), dtype=bool)
        for k, held in (levels or {}).items():
            self.at_level[k] = [level in held for level in (BVC, DISTRICT, ALL)]
        # (a measure without BVC cells is held for all units alone: _unit_pairs' stand-ins
        # serve that case)
        assert not (self.at_level[:, DISTRICT] & ~self.at_level[:, BVC]).any(), \
            "a measure held at districts is held at BVCs"
        self.restricted = ~self.held.all(axis=1) | ~self.at_level.all(axis=1)
        # where a measure's group adds up: the periods (and levels) every measure of it is
        # held at
        self.adds_up = np.zeros_like(self.held)
        self.adds_up_at = np.zeros_like(self.at_level)
        for k, bundles in partners.items():
            group = [k, *(j for b in bundles for j in b)]
            self.adds_up[k] = np.logical_and.reduce(self.held[group])
            self.adds_up_at[k] = np.logical_and.reduce(self.at_level[group])
        # what hiding a cell costs: its count, weighed by how much the pages lean on it
        # (a BVC's month least; all units' figures and the presets' periods most)
        kind_weight = np.array([KIND_WEIGHT.get(k, 4) for k in axes.period_kind])
        self.cost = (values * LEVEL_WEIGHT[axes.unit_level[unit]]
                     * kind_weight[np.asarray(period)])
        measure, unit, period = (np.asarray(a, dtype=np.int64) for a in (measure, unit, period))
        key = (measure * axes.n_periods + period) * axes.n_units + unit
        assert np.all(key[1:] > key[:-1]), "cells must come sorted by their keys"
        self.values = values
        # each unit's counts over the grid: a district's largest BVC stands for it where a
        # measure has no BVC cells (its partners do: the likeliest to have counts there)
        size = self.size = np.bincount(unit, weights=values, minlength=axes.n_units)
        self.stand = {d: int(b[np.argmax(size[b])]) for d, b in axes.bvcs_of.items()
                      if len(b)}
        # every possible key to its cell (-1: a count of 0), by slot: each (measure,
        # period) with a cell has a row of units, the others none (a national grid: 300
        # measures × 170 periods × 1 500 units would be 330 MB, most of it of measures held
        # at a few kinds or levels; by slot some 60 MB). A look-up is two reads.
        # (by every measure code: a partner may have no cell at all)
        pair = measure * axes.n_periods + period
        used = np.unique(pair)
        self.slot = np.full(n_measures * axes.n_periods, -1, dtype=np.int32)
        self.slot[used] = np.arange(len(used), dtype=np.int32)
        self.index = np.full(len(used) * axes.n_units, -1, dtype=np.int32)
        self.index[self.slot[pair].astype(np.int64) * axes.n_units + unit] = np.arange(
            len(key), dtype=np.int32)
        del key, pair

    def needed(self, measure, period, unit) -> np.ndarray:
        """Whether a pattern's corner (measure, period, unit) is a cell it must hold: a
        measure, a period (-1: none) and a unit (-1: none) at which the measure has
        cells."""
        measure, period, unit = np.broadcast_arrays(np.asarray(measure), np.asarray(period),
                                                    np.asarray(unit))
        out = (period >= 0) & (measure >= 0) & (unit >= 0)
        if self.restricted.any():
            some = out & self.restricted[np.maximum(measure, 0)]
            m, p, u = measure[some], period[some], unit[some]
            out[some] = self.held[m, p] & self.at_level[m, self.axes.unit_level[u]]
        return out

    def adds_up_where(self, measure, period, unit) -> np.ndarray:
        """Whether a measure's group adds up at a corner (period, unit)."""
        period, unit = np.maximum(period, 0), np.maximum(unit, 0)
        return self.adds_up[measure, period] & self.adds_up_at[
            measure, self.axes.unit_level[unit]]

    def at(self, measure, unit, period) -> np.ndarray:
        """Indices of the cells (measure, unit, period), -1 where the count is 0 (a measure
        of -1 reads measure 0's: `needed` says it is none)."""
        slot = self.slot[np.maximum(np.asarray(measure, dtype=np.int64), 0)
                         * self.axes.n_periods + np.asarray(period, dtype=np.int64)]
        found = self.index[np.maximum(slot, 0).astype(np.int64) * self.axes.n_units
                           + np.asarray(unit, dtype=np.int64)].astype(np.int64)
        return np.where(slot >= 0, found, -1)


def hidden_cells(values: np.ndarray, measure: np.ndarray, unit: np.ndarray,
                 period: np.ndarray, axes: Axes, threshold: int,
                 partners: dict[int, list[tuple[int, ...]]] | None = None,
                 kinds: dict[int, set[str]] | None = None,
                 levels: dict[int, set[int]] | None = None) -> np.ndarray:
    """Whether each cell (sorted by measure, period and unit; counts not 0) is hidden: its
    count is from 1 to threshold - 1, or it is in the pattern chosen to hide one.
    `partners`: per measure code of a group that adds up, its bundles of partners;
    `kinds`: per measure code held at some kinds of period only, those kinds; `levels`:
    per measure code held at some levels of units only, those levels."""
    values = np.asarray(values, dtype=np.int64)
    cells = _Cells(values, measure, unit, period, axes, partners, kinds, levels)
    small = (values > 0) & (values < threshold)
    hidden = small.copy()
    covered = np.zeros(len(values), dtype=bool)  # in a pattern wholly hidden
    # cells of measures that add up take a partner (a row per candidate and partner): on
    # their own, so that the many other cells' candidates are not copied for them
    grouped = cells.partners.sizes[cells.measure] > 0
    # a batch of measures at a time (no pattern reaches from one batch into another, so
    # the verdicts are those of all at once), the candidates of one in memory
    for batch in _batches(cells, small):
        for among in (~grouped, grouped):
            todo = small & among & batch
            if not todo.any():
                continue
            _twin_patterns(cells, measure, unit, period, todo, hidden, covered, small)
            _sibling_patterns(cells, measure, unit, period, todo, hidden, covered, small)
            for level in (BVC, DISTRICT):
                _cousin_patterns(cells, measure, unit, period, todo, hidden, covered, small,
                                 level=level, among=batch)
    for x in np.flatnonzero(small & ~covered):
        if not covered[x]:
            support = _cheapest(cells, int(measure[x]), int(unit[x]), int(period[x]), hidden)
            hidden[support] = True
            covered[support] = True
    return hidden


BATCH = 200_000  # small cells whose candidate patterns are weighed at once


def _batches(cells: _Cells, small: np.ndarray):
    """Masks of the cells, a batch of measures each: measures joined by partners (a sum
    over measures) always together, whole groups added until a batch holds BATCH small
    cells."""
    n = len(cells.held)
    root = list(range(n))

    def find(k: int) -> int:
        while root[k] != k:
            root[k] = root[root[k]]
            k = root[k]
        return k
    for k in np.flatnonzero(cells.partners.sizes):
        for j in cells.bundles[cells.partners.of(np.array([k]))[0]].ravel():
            if j >= 0:
                root[find(int(j))] = find(int(k))
    group = np.array([find(k) for k in range(n)])
    per_group = np.bincount(group[cells.measure[small]], minlength=n)
    batch_of, batch, size = np.zeros(n, dtype=np.int64), 0, 0
    for g in np.flatnonzero(per_group):
        if size and size + per_group[g] > BATCH:
            batch, size = batch + 1, 0
        batch_of[group == g] = batch
        size += per_group[g]
    of_cell = batch_of[cells.measure]
    for b in range(batch + 1):
        yield of_cell == b


def _twin_patterns(cells: _Cells, measure, unit, period, todo, hidden, covered,
                   small) -> None:
    """The common case at once: a BVC's small month with a sibling BVC and a month that
    lies in the same periods (four cells), the cheapest for each, chosen together."""
    axes = cells.axes
    x = np.flatnonzero(todo & (axes.unit_level[unit] == BVC)
                       & (axes.twin_lists.sizes[period] > 0))
    b2, owner = axes.siblings.of(axes.unit_up[unit[x]])
    x, b2 = x[owner], b2
    keep = b2 != unit[x]
    x, b2 = x[keep], b2[keep]
    m2, owner = axes.twin_lists.of(period[x])
    x, b2 = x[owner], b2[owner]
    _choose(cells, x, [(unit[x], period[x]), (unit[x], m2), (b2, period[x]), (b2, m2)],
            hidden, covered, small)


def _sibling_patterns(cells: _Cells, measure, unit, period, todo, hidden, covered,
                      small) -> None:
    """A BVC's small count left over (a month in other periods than its quarter's others,
    a quarter, a year), at once: a sibling BVC times a pair of months (Axes.pairs), the
    cheapest for each."""
    axes = cells.axes
    x = np.flatnonzero(todo & ~covered & (axes.unit_level[unit] == BVC))
    b2, owner = axes.siblings.of(axes.unit_up[unit[x]])
    x = x[owner]
    keep = b2 != unit[x]
    x, b2 = x[keep], b2[keep]
    pair, owner = axes.pair_lists[8].of(period[x])
    x, b2 = x[owner], b2[owner]
    spans = axes.pair_spans[pair]
    corners = [(who, spans[:, k]) for who in (unit[x], b2) for k in range(spans.shape[1])]
    _choose(cells, x, corners, hidden, covered, small)


def _cousin_patterns(cells: _Cells, measure, unit, period, todo, hidden, covered, small,
                     k: int = 2, level: int = BVC, among: np.ndarray | None = None
                     ) -> None:
    """A small count left over, at once: a BVC's (its siblings have no visits then: a BVC
    starting, or alone in its district) with a BVC of another district, or a district's
    with a BVC of its own and one of another (among the `k` with the fewest visits that
    period, and the `k` with the most), each with its district, times a pair of months.
    `among`: the cells of the measures the small ones are of (their candidates), all by
    default."""
    axes = cells.axes
    x = np.flatnonzero(todo & ~covered & (axes.unit_level[unit] == level))
    if not len(x):
        return
    # every BVC cell by (measure, period), fewest first; and by district within those
    leaves = np.flatnonzero((axes.unit_level[unit] == BVC)
                            & (True if among is None else among))
    group = measure[leaves] * axes.n_periods + period[leaves]
    leaves = leaves[np.lexsort((cells.values[leaves], group))]
    group = measure[leaves] * axes.n_periods + period[leaves]
    key = group * axes.n_units + axes.unit_up[unit[leaves]]
    by_district = np.argsort(key, kind="stable")
    district = unit[x] if level == DISTRICT else axes.unit_up[unit[x]]
    x_group = measure[x] * axes.n_periods + period[x]
    if level == DISTRICT:  # a BVC of its own: the one with the fewest
        at = np.searchsorted(key[by_district], x_group * axes.n_units + district)
        ok = (at < len(key)) & (key[by_district][np.minimum(at, len(key) - 1)]
                                == x_group * axes.n_units + district)
        x, district, x_group = x[ok], district[ok], x_group[ok]
        b_own = unit[leaves[by_district[at[ok]]]]
    else:
        b_own = unit[x]
    starts = np.searchsorted(group, x_group)
    ends = np.searchsorted(group, x_group, side="right")
    rows_x, rows_b, rows_b2 = [], [], []
    # a few more than k, as some are of the cell's own district; and the k largest, whose
    # cells likelier have counts in every measure and period of the pattern (a rare score)
    for at in [starts + offset for offset in range(3 * k)] + [
            ends - 1 - offset for offset in range(k)]:
        ok = (at < ends) & (at >= starts)
        b2 = unit[leaves[np.minimum(at, len(leaves) - 1)]]
        ok &= axes.unit_up[b2] != district
        rows_x.append(x[ok])
        rows_b.append(b_own[ok])
        rows_b2.append(b2[ok])
    x, b, b2 = (np.concatenate(r) for r in (rows_x, rows_b, rows_b2))
    pair, owner = axes.pair_lists[4].of(period[x])
    x, b, b2 = x[owner], b[owner], b2[owner]
    spans = axes.pair_spans[pair]
    corners = [(who, spans[:, j]) for who in (b, axes.unit_up[b], b2, axes.unit_up[b2])
               for j in range(spans.shape[1])]
    _choose(cells, x, corners, hidden, covered, small)


def _choose(cells: _Cells, x: np.ndarray, corners, hidden, covered, small) -> None:
    """Of candidate patterns (row r: the cells (unit, period) of corners[k][0][r],
    corners[k][1][r], a period of -1 none) for the cells x[r], the cheapest valid one per
    cell, all hidden at once. A cell of a group of measures that adds up takes a pattern
    that holds no period where the group adds up (a month, for visits), else the pattern
    in one of its partners too (a row per partner, for the cells left). The corners are
    looked up twice, for every row and then for the rows chosen, rather than kept: a
    national grid has millions of rows."""
    if not len(x):
        return
    grouped = cells.partners.sizes[cells.measure[x]] > 0
    if not grouped.any():
        _choose_rows(cells, x, corners, [cells.measure[x]], hidden, covered, small)
        return
    _choose_rows(cells, x, corners, [cells.measure[x]], hidden, covered, small, bare=True)
    # the cells left: their FEW cheapest patterns in their own measure, each with every
    # bundle of partners (a total of sixteen destinations would copy every row 16 times)
    valid, cost = _score(cells, x, corners, [cells.measure[x]], hidden, small)
    keep = np.sort(_cheapest_rows(x, np.flatnonzero(valid & ~covered[x]), cost, FEW))
    x, corners = x[keep], [(who[keep], when[keep]) for who, when in corners]
    if len(x):
        bundle, owner = cells.partners.of(cells.measure[x])
        _choose_rows(cells, x[owner], [(who[owner], when[owner]) for who, when in corners],
                     [cells.measure[x][owner], *cells.bundles[bundle].T], hidden, covered,
                     small)


FEW = 8


def _cheapest_rows(x, rows, cost, n: int = 1) -> np.ndarray:
    """Of `rows` (candidate patterns of the cells x[row]), the `n` cheapest per cell, by
    cell and cost."""
    order = rows[np.lexsort((cost[rows], x[rows]))]
    if not len(order):
        return order
    start = np.r_[True, x[order][1:] != x[order][:-1]]
    rank = np.arange(len(order)) - np.maximum.accumulate(
        np.where(start, np.arange(len(order)), 0))
    return order[rank < n]


def _score(cells: _Cells, x, corners, measures, hidden, small, bare: bool = False
           ) -> tuple[np.ndarray, np.ndarray]:
    """Per row: whether its pattern is valid in `measures` (every cell it needs has a
    count; `bare`: none where the cell's group adds up) and what it newly hides."""
    valid = np.ones(len(x), dtype=bool)
    cost = np.zeros(len(x), dtype=np.int64)
    for measure in measures:
        for who, when in corners:
            needed = cells.needed(measure, when, who)
            at = cells.at(measure, who, np.maximum(when, 0))
            valid &= ~(needed & (at < 0))
            if bare:
                valid &= ~(needed & cells.adds_up_where(measure, when, who))
            cost += np.where(needed & (at >= 0),
                             np.where(small[at] | hidden[at], 0, cells.cost[at]), 0)
    return valid, cost


def _choose_rows(cells: _Cells, x, corners, measures, hidden, covered, small,
                 bare: bool = False) -> None:
    """_choose over rows whose measures are `measures` (the cell's, and a bundle's: -1 none);
    `bare`: grouped cells without a partner, valid only off the periods their group adds
    up at."""
    valid, cost = _score(cells, x, corners, measures, hidden, small, bare)
    first = _cheapest_rows(x, np.flatnonzero(valid), cost)
    for measure in measures:
        for who, when in corners:
            chosen = cells.at(measure[first], who[first], np.maximum(when[first], 0))
            chosen = chosen[cells.needed(measure[first], when[first], who[first])
                            & (chosen >= 0)]
            hidden[chosen] = True
            covered[chosen] = True


def _cheapest(cells: _Cells, measure: int, unit: int, period: int, hidden: np.ndarray,
              k: int | None = 3) -> np.ndarray:
    """The cells of the cheapest pattern holding the cell (measure, unit, period): pairs
    of BVCs times pairs of months whose cells all have counts, the fewest visits newly
    hidden, among the `k` likeliest candidates of each kind, or all of them when none of
    those has counts everywhere. A pattern of one BVC's and one month's closures alone
    always exists."""
    axes = cells.axes
    units = [u for u in (axes.unit_cells(b1, b2) for b1, b2 in
                         _unit_pairs(cells, measure, unit, period, k))
             if unit in {v for v, _ in u}]
    spans = [p for p in (axes.period_cells(m1, m2) for m1, m2 in
                         _month_pairs(cells, measure, unit, period, k)) if period in p]
    # every combination at once: units (padded to 4) × periods (padded), -1 for none
    u = np.full((len(units), 4), -1, dtype=np.int64)
    for row, cells_u in enumerate(units):
        u[row, :len(cells_u)] = [v for v, _ in cells_u]
    width = max(len(p) for p in spans)
    t = np.full((len(spans), width), -1, dtype=np.int64)
    for row, span in enumerate(spans):
        t[row, :len(span)] = span
    uu = np.broadcast_to(u[:, None, :, None], (len(units), len(spans), 4, width))
    tt = np.broadcast_to(t[None, :, None, :], (len(units), len(spans), 4, width))
    needed = cells.needed(np.full(tt.shape, measure), tt, uu)
    found = cells.at(np.full(uu.shape, measure), np.maximum(uu, 0), np.maximum(tt, 0))
    valid = ~(needed & (found < 0)).any(axis=(2, 3))
    cost = np.where(needed & (found >= 0),
                    np.where(hidden[found], 0, cells.cost[found]), 0).sum(axis=(2, 3))
    best_cost, chosen = None, None
    # a measure of a group that adds up takes the pattern in a bundle of partners too:
    # the bundle whose pattern costs least (its totals have counts where the cell has)
    for bundle in ([()] if cells.partners.sizes[measure] == 0 else
                   [tuple(int(j) for j in cells.bundles[b] if j >= 0)
                    for b in cells.partners.of(np.array([measure]))[0]]):
        ok, total, theirs = valid, cost, []
        for partner in bundle:
            other = cells.at(np.full(uu.shape, partner), np.maximum(uu, 0), np.maximum(tt, 0))
            mine = cells.needed(np.full(tt.shape, partner), tt, uu)
            ok = ok & ~(mine & (other < 0)).any(axis=(2, 3))
            total = total + np.where(mine & (other >= 0),
                                     np.where(hidden[other], 0, cells.cost[other]), 0
                                     ).sum(axis=(2, 3))
            theirs.append((other, mine))
        if not ok.any():
            continue
        best = np.unravel_index(np.argmin(np.where(ok, total, np.iinfo(np.int64).max)),
                                ok.shape)
        if best_cost is None or total[best] < best_cost:
            best_cost = total[best]
            chosen = np.concatenate([found[best][needed[best]],
                                     *(other[best][mine[best]] for other, mine in theirs)])
    if chosen is None and k is not None:
        return _cheapest(cells, measure, unit, period, hidden, k=None)
    if chosen is None:  # cannot happen: the closures of a BVC and a month with counts
        raise AssertionError(f"no pattern for cell {measure, unit, period}")
    return chosen


def _smallest(cells: _Cells, measure: int, units, periods, k: int | None,
              largest: int | None = 0) -> list:
    """The k (unit or period) candidates whose cells have the smallest counts (0: none;
    None: all), and the `largest` with the largest."""
    units, periods = np.broadcast_arrays(np.asarray(units), np.asarray(periods))
    if not units.size:
        return []
    found = cells.at(np.full(units.shape, measure), units, periods)
    keep = found >= 0
    order = np.argsort(cells.values[found[keep]], kind="stable")
    order = list(dict.fromkeys([*order[:k], *order[::-1][:largest]]))
    return list(zip(units[keep][order].tolist(), periods[keep][order].tolist()))


def _unit_pairs(cells: _Cells, measure: int, unit: int, period: int, k: int | None = 3):
    """Pairs of BVCs whose difference is not 0 at `unit`, cheapest at `period` first."""
    axes = cells.axes
    level = axes.unit_level[unit]
    others = axes.outside.get
    if not cells.at_level[measure, BVC]:
        # a measure held for all units alone (score counts): the largest BVCs of the
        # largest districts stand for them (their BVC and district corners are no cells of
        # it, its partners' are: likeliest to have counts there)
        ranked = sorted(cells.stand, key=lambda d: -cells.size[d])
        return [(cells.stand[d], None) for d in ranked[:k]]
    if level == BVC:
        own = axes.bvcs_of[int(axes.unit_up[unit])]
        firsts = [unit]
        seconds = [u for u, _ in _smallest(cells, measure, own[own != unit], period, k)]
        # and of another district: a BVC alone in its own (or whose siblings lack counts)
        # needs one whose cells have counts in every measure and period of the pattern,
        # likelier at a large one
        seconds += [u for u, _ in _smallest(cells, measure, others(int(axes.unit_up[unit])),
                                            period, k, largest=k)]
    elif level == DISTRICT:
        firsts = [u for u, _ in _smallest(cells, measure, axes.bvcs_of[unit], period, k)]
        seconds = [u for u, _ in _smallest(cells, measure, others(unit), period, k)]
    else:
        firsts = [u for u, _ in _smallest(cells, measure, axes.all_bvcs, period, k)]
        seconds = []
    return [(b1, b2) for b1 in firsts for b2 in seconds + [None] if b1 != b2]


def _month_pairs(cells: _Cells, measure: int, unit: int, period: int,
                 k: int | None = 3):
    """Pairs of months whose difference is not 0 at `period`: a month of the period (the
    smallest at `unit` first) and one outside it whose difference holds the fewest periods
    (a month of the same quarter and presets: two), then the smallest at `unit`."""
    axes = cells.axes
    inside = axes.months[period]
    by_month = bool(inside) and bool(cells.held[measure, inside].all())
    # a measure without cells by month: every month of the period (in one of them it
    # has a count, and there its closure alone is a pattern)
    firsts = ([p for _, p in _smallest(cells, measure, unit, inside, k)] if by_month
              else list(inside))
    pairs = []
    for m1 in firsts:
        # a month whose difference holds a period the measure is held at and `unit` has
        # no count in is no pattern (the cell's own unit is in every one); of the others
        # the fewest periods, then the smallest counts at `unit`
        ranked = []
        for m2 in axes.near[period]:
            apart = axes.closure[m1] ^ axes.closure[m2]
            diff = [p for p in apart if cells.held[measure, p]]
            found = cells.at(np.full(len(diff), measure), np.full(len(diff), unit), diff)
            if (found >= 0).all():
                ranked.append((len(apart), int(cells.values[found].sum()), m2))
        ranked.sort()
        pairs += [(m1, m2) for _, _, m2 in ranked[:None if k is None else k + 1]] + [
            (m1, None)]
    return pairs
