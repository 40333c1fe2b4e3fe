"""Small numbers decided once per export over the fixed grid (dashboard/privacy): the
solver's rule on hand-countable equations, the grid's periods and tiles, and the stored
verdicts of the bundled sample audited as a system of equations: no hidden count can be
recomputed from the shown ones."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from dashboard.privacy.build import RELATIONS, _periods, equations, held_kinds
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
    periods = {k: v if k == "kinds" else np.array(v) for k, v in periods.items()}
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
    # a period's parts per relation; a sum of a measure held at some kinds only is an
    # equation only where each part is held (a preset's months are no cells of ratings)
    parts_of: dict[tuple[str, int], list[int]] = {}
    for relation in RELATIONS:
        for row, code in enumerate(frame[f"parent_{relation}"]):
            if code >= 0:
                parts_of.setdefault((relation, int(code)), []).append(row)

    def whole(measure: str, relation: str, code: int) -> bool:
        kinds = held_kinds(measure)
        return kinds is None or all(set(frame.kinds.iat[p]) & set(kinds)
                                    for p in parts_of[(relation, code)])
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
            if code >= 0 and whole(r.measure, relation, code):
                parent = frame.iloc[code]
                total = key.get((r.measure, r.level, r.unit, parent.kind,
                                 pd.Timestamp(parent.period)))
                out.setdefault((relation, total), []).append(i)
    # measures that add up: a total's cell is the sum of its members' at the same place
    # (where the members are held: a period of theirs, where the total has a cell too)
    sums = equations(list(cells.measure.unique()))
    for total, members in sums:
        members = set(members)
        for i, r in enumerate(cells.itertuples()):
            if r.measure in members:
                at = key.get((total, r.level, r.unit, r.kind, pd.Timestamp(r.period)))
                out.setdefault((total, "sum", at), []).append(i)
    return [(key[-1], parts) for key, parts in out.items()]


def _families(measures) -> dict[str, str]:
    """The measures solved together: those joined by sums over measures (build.equations),
    each by one of them; a measure of none by itself."""
    parent = {m: m for m in measures}

    def root(m: str) -> str:
        while parent[m] != m:
            m = parent[m]
        return m
    for total, members in equations(list(measures)):
        for m in members:
            parent[root(m)] = root(total)
    return {m: root(m) for m in measures}


def _determined(cells: pd.DataFrame, equations, hidden: np.ndarray, only=None) -> list[int]:
    """The hidden cells whose count the shown ones give back: per measure (or group of
    measures that add up), the hidden cells are unknowns, each sum an equation; a cell is
    determined exactly when every solution of the homogeneous system is 0 there. The
    system falls apart into blocks of unknowns that share no equation, solved one by one
    (a pattern's cells and the totals holding them)."""
    family = cells.measure.map(_families(cells.measure.unique())).to_numpy()
    lines = []  # per equation touching an unknown: {unknown row: coefficient}
    for total, parts in equations:
        if total is None or (only and family[total] != only):
            continue
        line: dict[int, float] = {}
        if hidden[total]:
            line[total] = -1.0
        for p in parts:
            if hidden[p]:
                line[p] = line.get(p, 0.0) + 1.0
        if line:
            lines.append(line)
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while parent.setdefault(i, i) != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    for line in lines:
        first, *rest = line
        for other in rest:
            parent[root(other)] = root(first)
    blocks: dict[int, list[dict]] = {}
    for line in lines:
        blocks.setdefault(root(next(iter(line))), []).append(line)
    out = []
    for block in blocks.values():
        unknown = sorted({i for line in block for i in line})
        column = {i: k for k, i in enumerate(unknown)}
        matrix = np.zeros((len(block), len(unknown)))
        for r, line in enumerate(block):
            for i, c in line.items():
                matrix[r, column[i]] = c
        _, s, vt = np.linalg.svd(matrix)
        null = vt[int((s > 1e-9).sum()):]  # the homogeneous system's solutions
        free = (np.linalg.norm(null, axis=0) > 1e-9 if len(null)
                else np.zeros(len(unknown), dtype=bool))
        out += [unknown[k] for k in np.flatnonzero(~free)]
    return sorted(out)


def test_no_hidden_cell_of_the_sample_can_be_recomputed_from_the_shown_ones(sample_db, cells):
    """For visits (and those of each visit number, which add up to them), families, every
    share's n and N and on time per visit number, at every BVC, district and all
    units by month, quarter, year, the whole export and the presets."""
    equations = _equations(cells, sample_db.grid)
    hidden = cells.hidden.to_numpy()
    assert hidden.sum() > 100  # the sample has small numbers to protect
    assert _determined(cells, equations, hidden) == []
    # the check sees a leak: show one cell hidden only to protect another, in a month
    # where a BVC has a small count, and that count comes back
    guards = cells.index[cells.hidden & (cells.value >= 5) & (cells.level == "bvc")
                         & (cells.kind == "month") & (cells.measure == "visits")]
    leaks = []
    for guard in guards[:5]:
        leaky = hidden.copy()
        leaky[guard] = False
        leaks += _determined(cells, equations, leaky, only="visits")
    assert leaks


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


def test_grid_cells_sum_a_selections_cells_and_say_if_any_is_hidden(small_db):
    """The fixture's visits per district and year (Norr: B1 and B2; Söder: B3), read by
    the named query "grid_cells" through Database.cells."""
    units = small_db.query("units")
    grid = small_db.grid
    parts = unit_parts(units, set(units.bvc_id), "district")
    years = period_parts(grid, grid.first, grid.last, "year")
    rows = small_db.cells(["visits"], parts, years)
    got = {(r.unit_group, r.period_group.year): (r.value, r.hidden)
           for r in rows.itertuples()}
    assert {k: v for k, (v, _) in got.items()} == {
        ("Norr", 2022): 1, ("Norr", 2023): 8, ("Norr", 2024): 3, ("Söder", 2024): 2}
    assert all(hidden for (unit, year), (value, hidden) in got.items() if value < 5)
    # B1 alone by year: its 2023 (6 visits) and 2024 (2)
    b1 = small_db.cells(["visits"], unit_parts(units, {"B1"}, None), years)
    assert [(r.period_group.year, r.value) for r in b1.itertuples()] == [(2023, 6), (2024, 2)]
    assert b1.hidden.iloc[1]


def _cell_text(row) -> str:
    return "<5" if 0 < row.value < 5 else "–" if row.hidden else f"{row.value:,}".replace(
        ",", "\u00a0")


@pytest.mark.parametrize("preset", ["last12", "last_year", "all"])
def test_a_bvcs_tiles_are_its_cells_as_every_page_shows_them(sample_db, cells, preset):
    """One BVC chosen, Översikt's tiles are that BVC's cells of the period: visits,
    families and each share "–" exactly where the grid hides a cell it reads (the old
    per-selection rule showed GBG-ANG-01's 6 visits in September 2026 that Besök hid)."""
    from dashboard import figures
    from dashboard.context import Context
    from dashboard.filters import Filters
    from dashboard.settings import Settings
    from dashboard.sidebar import period_bounds
    bounds = period_bounds(preset, sample_db.export.reference_date)
    for bvc in sample_db.query("units").bvc_id:
        context = Context(sample_db, Filters(*bounds, bvcs=(bvc,)), "sv", Settings())
        view = context.view()
        [tile] = view.periods_of()
        mine = cells[(cells.unit == bvc) & (cells.kind == tile.kind)
                     & (pd.to_datetime(cells.period) == pd.Timestamp(tile.period))]
        mine = mine.set_index("measure")
        key = figures.key_tiles(context)
        by_id = {t.indicator: t for t in key.visits}
        assert by_id["visits"].value == _cell_text(mine.loc["visits"])
        for indicator in ("home_share", "both_professions_share", "referral_visit_share"):
            hidden = mine.hidden[f"{indicator}:n"] or mine.hidden[f"{indicator}:N"] or (
                mine.value[f"{indicator}:N"] < 5)
            assert (by_id[indicator].value == "–") == bool(hidden), (bvc, indicator)


def test_a_selections_sum_is_hidden_where_a_cell_it_adds_up_from_is(sample_db, cells):
    """Two BVCs of Angered by month: each month's sum is hidden exactly where either
    BVC's month is (a sum of shown cells is no news; one with a hidden part gives it
    back); all of Angered's BVCs is Angered's own cell."""
    from dashboard.context import Context
    from dashboard.filters import Filters
    from dashboard.settings import Settings
    pair = ("GBG-ANG-01", "GBG-ANG-02")
    context = Context(sample_db, Filters(bvcs=pair), "sv", Settings())
    rows = context.counts(["visits"], interval="month")
    months = cells[(cells.measure == "visits") & (cells.kind == "month")
                   & cells.unit.isin(pair)]
    hidden = months.groupby(pd.to_datetime(months.period)).hidden.any()
    value = months.groupby(pd.to_datetime(months.period)).value.sum()
    got = rows.set_index("period_group")
    assert (got.value[value.index] == value).all()
    assert (got.hidden[hidden.index] == (hidden | (value < 5))).all()
    assert hidden.sum() > 0  # some month has a hidden part
    angered = sample_db.query("units").query("district == 'Angered'").bvc_id
    whole = Context(sample_db, Filters(bvcs=tuple(angered)), "sv", Settings())
    assert [(p.level, p.unit) for p in whole.view().units_of()] == [("district", "Angered")]


def test_every_sum_of_the_grid_keeps_none_or_two_hidden_terms(sample_db, cells):
    """The contract's words: a total or a sibling that would let a hidden cell be
    recomputed is hidden too. In every equation of the sample's grid (a district and its
    BVCs, a quarter and its months, a half-year, a year, the whole export, a preset and its
    months), the hidden terms are none or two and more: a hidden month has a partner within
    its quarter, a district hidden beside the others hides one of its BVCs, and so on."""
    equations = _equations(cells, sample_db.grid)
    hidden = cells.hidden.to_numpy()
    lone = [(total, parts) for total, parts in equations
            if total is not None and hidden[total] + hidden[parts].sum() == 1]
    assert len(equations) > 10_000 and lone == []


@pytest.mark.parametrize("period", ["all", "last12", "last_year", "custom"])
def test_visits_by_number_are_cells_of_the_grid_read_alike_by_every_view(sample_db, period):
    """Visits per visit number come from the grid (measures that add up to visits): for
    each BVC and for every unit, Översikt's table and Besöksprogression's bars read the
    same verdicts, the numbers add up to the visits the tiles show, and a programme whose
    visits are shown never hides exactly one of its visit numbers. A custom range of
    months shows none (the grid holds them for whole years and the presets)."""
    from dashboard.context import Context
    from dashboard.figures import by_visit_number, coarse_shown
    from dashboard.filters import Filters
    from dashboard.series import visits_by_number_bars
    from dashboard.settings import Settings
    from dashboard.sidebar import period_bounds
    from dashboard.tables import visits_by_number_table

    units = sample_db.query("units")
    reference = sample_db.export.reference_date
    if period == "custom":
        dates = (dt.date(reference.year - 1, 2, 1), dt.date(reference.year - 1, 4, 30))
    else:
        dates = period_bounds(period, reference)
    names = {p: p for p in units.programme_id}
    checked = 0
    for bvcs in [()] + [(b,) for b in sorted(units.bvc_id)]:
        context = Context(sample_db, Filters(*dates, bvcs=bvcs), "sv", Settings())
        rows = by_visit_number(context, ("visits",))
        if period == "custom":
            assert not coarse_shown(context) and rows.empty
            continue
        assert coarse_shown(context) and len(rows)
        table = visits_by_number_table(rows, names, "sv", 5)
        bars = visits_by_number_bars(rows, names, "sv", 5)
        assert table["Besök"].tolist() == bars.value_text.tolist()
        visits = context.counts(["visits"])
        assert rows.visits.sum() == visits.value.iat[0]
        if not visits.hidden.iat[0]:
            for _, programme in rows.groupby("programme_id"):
                assert programme.visits_hidden.sum() != 1
        checked += int(rows.visits_hidden.any())
    assert period != "last_year" or checked  # in the last calendar year the sample hides some


@pytest.mark.parametrize("period", ["all", "last12"])
def test_referral_destinations_are_cells_of_the_grid_read_alike_by_every_view(sample_db,
                                                                               period):
    """Referrals per destination come from the grid (measures that add up to the
    referrals, an open forum's to open_forum_referral_share's n): the counts are the
    query's over the grid's whole months; a district chosen shows in its bars what the
    table of every district shows in its column, whichever district; and where the
    referrals (N) or the open forum's (n) are shown, no group hides exactly one
    destination. A custom range of months shows none."""
    from dashboard.context import Context
    from dashboard.figures import coarse_shown, destination_counts, destinations_by_district
    from dashboard.filters import Filters
    from dashboard.privacy.read import month_end, month_start
    from dashboard.settings import Settings
    from dashboard.sidebar import period_bounds
    from dashboard.suppression import cell_texts
    from dashboard.vocab import VOCABULARIES, label

    units = sample_db.query("units")
    reference = sample_db.export.reference_date
    dates = period_bounds(period, reference)
    every = Context(sample_db, Filters(*dates), "sv", Settings())
    view = every.view()
    whole = Filters(month_start(view.first), month_end(view.last))
    expected = sample_db.query("referrals_by_district_and_destination", whole)
    rows = destination_counts(every)
    assert dict(zip(rows.destination, rows.value)) == {
        d: int(expected.referrals[expected.destination == d].sum())
        for d in VOCABULARIES["destination"]}
    hidden_somewhere = 0
    for district in sorted(set(units.district)):
        context = Context(sample_db, Filters(*dates, districts=(district,)), "sv", Settings())
        bars = destination_counts(context)
        table = destinations_by_district(context).set_index("Hänvisning till")
        assert list(table.columns[1:]) == [district]
        texts = dict(zip([label("destination", d, "sv") for d in bars.destination],
                         cell_texts(bars.value, bars.hidden, 5, "sv")))
        assert {d: texts[d] for d in table.index} == table[district].to_dict()
        assert bars.value.sum() == int(expected.referrals[expected.district == district].sum())
        totals = context.counts(["open_forum_referral_share:n", "open_forum_referral_share:N"])
        n_hidden, big_hidden = totals.hidden.tolist()
        shown = bars[bars.value > 0]
        if not n_hidden:
            assert shown.hidden[shown.destination_group == "open_forum"].sum() != 1
        if not big_hidden and not n_hidden:
            assert shown.hidden[shown.destination_group == "extra_support"].sum() != 1
        hidden_somewhere += int(shown.hidden.any())
    # the sample's districts hide some destinations in the last 12 months (over the whole
    # export, none)
    assert period != "last12" or hidden_somewhere
    custom = Context(sample_db, Filters(dt.date(reference.year - 1, 2, 1),
                                        dt.date(reference.year - 1, 4, 30)), "sv", Settings())
    assert not coarse_shown(custom) and destination_counts(custom).empty


@pytest.mark.parametrize("period", ["all", "last12", "last_year"])
def test_ratings_are_cells_of_the_grid_pooled_only_where_each_role_is_shown(sample_db, period):
    """Ratings per item and rater role come from the grid (held by quarter, year, the
    presets' periods and the whole export; their scores for all units by calendar year and
    the whole export): the counts
    are the query's over the grid's whole months; the pooled number of both roles is shown
    only where each role's is; a role's scores add up to its number, and where that is
    shown no role hides exactly one score; the page's tables say what the grid says. A
    custom range of months shows no ratings; by quarter, a part of a quarter is left out;
    a district's or a BVC's own scores are no cells."""
    from dashboard.context import Context
    from dashboard.figures import (rating_counts, rating_means, ratings_shown, score_counts,
                                   scores_shown)
    from dashboard.filters import Filters
    from dashboard.privacy.read import month_end, month_start
    from dashboard.series import means_from_scores
    from dashboard.settings import Settings
    from dashboard.sidebar import period_bounds
    from dashboard.tables import distribution_table, ratings_by_role_table

    reference = sample_db.export.reference_date
    dates = period_bounds(period, reference)
    checked = 0
    for district in (None, "Angered", "Västra Hisingen"):
        context = Context(sample_db, Filters(*dates, districts=(district,) if district
                                             else ()), "sv", Settings())
        view = context.view()
        whole = Filters(month_start(view.first), month_end(view.last),
                        districts=(district,) if district else ())
        expected = sample_db.query("rating_means", whole).set_index(["item", "rater_role"])
        counts = rating_counts(context).set_index(["item", "rater_role"])
        assert ratings_shown(context) and counts.held.all()
        for key, n in expected.n.items():
            assert counts.n[key] == n, key
        roles = counts[counts.index.get_level_values(1) != "all"]
        for item in counts.index.get_level_values(0).unique():
            role_hidden = bool(roles.loc[item].hidden.any())
            pooled = counts.loc[(item, "all")]
            assert pooled.hidden == (role_hidden or 0 < pooled.n < 5), item
        scores = score_counts(context)
        # the scores: for every unit over a calendar year or the whole export only
        assert scores_shown(context) == (district is None and period != "last12")
        assert scores.empty != scores_shown(context)
        for (item, role), rows in scores.groupby(["item", "rater_role"]):
            assert rows.ratings.sum() == counts.n[(item, role)]
            if not counts.hidden[(item, role)]:
                assert rows.hidden[rows.ratings > 0].sum() != 1, (item, role)
        table = ratings_by_role_table(rating_means(
            context, means_from_scores(sample_db.query("rating_scores_by_item", whole))),
            "sv", 5).set_index("Fråga")
        nurse = table["BHV-sjuksköterska: n"]
        hidden_nurse = counts.xs("nurse", level=1).hidden
        assert sum(text in ("–", "<5") for text in nurse) == hidden_nurse[
            counts.xs("nurse", level=1).n > 0].sum()
        if scores_shown(context):
            shares = distribution_table(scores, counts.reset_index(), "sv", 5)
            assert (shares["Antal skattningar"] == "–").sum() + (
                shares["Antal skattningar"] == "<5").sum() >= scores.hidden[
                scores.ratings > 0].sum()
            checked += int(scores.hidden.any())
    assert period == "last12" or checked  # the sample hides some scores
    # by quarter: whole quarters only, each with its roles and pooled
    context = Context(sample_db, Filters(*dates), "sv", Settings())
    by_quarter = rating_counts(context, "quarter")
    assert by_quarter[by_quarter.held].period_group.dt.month.isin([1, 4, 7, 10]).all()
    custom = Context(sample_db, Filters(dt.date(reference.year - 1, 2, 1),
                                        dt.date(reference.year - 1, 4, 30)), "sv", Settings())
    assert not ratings_shown(custom) and score_counts(custom).empty
    # a BVC's own: its ratings, not its scores (held for all units only)
    bvc = sample_db.query("units").bvc_id.iloc[0]
    one = Context(sample_db, Filters(*dates, bvcs=(bvc,)), "sv", Settings())
    assert ratings_shown(one) and rating_counts(one).n.sum() > 0
    assert not scores_shown(one) and score_counts(one).empty


@pytest.mark.parametrize("cohort", ["year", "half_year"])
def test_retention_is_cells_of_the_grid_by_birth_cohort(sample_db, cohort):
    """Retention per birth cohort comes from the grid (n and N per programme and visit
    number, held by half-year and year of birth): every cohort whatever the period, the
    query's numbers for every unit and each district, a share hidden where the grid hides
    its n or N or N is small, and a district's verdicts the same whichever period is
    chosen."""
    from dashboard.context import Context
    from dashboard.figures import retention_by_cohort
    from dashboard.filters import Filters
    from dashboard.settings import Settings

    reference = sample_db.export.reference_date
    hidden = 0
    for districts in [()] + [(d,) for d in sorted(set(sample_db.query("units").district))]:
        context = Context(sample_db, Filters(districts=districts), "sv", Settings())
        rows = retention_by_cohort(context, cohort)
        expected = sample_db.query("retention_by_cohort", context.filters.units_only(),
                                   cohort=cohort)
        merged = expected.merge(rows, on=["cohort", "programme_id", "visit_number"],
                                how="outer", suffixes=("_query", ""), indicator=True)
        assert (merged._merge == "both").all()
        assert (merged.n == merged.n_query).all()
        assert (merged.denominator == merged.denominator_query).all()
        assert (rows.hidden >= (rows.denominator < 5)).all()
        assert rows.value.isna().eq(rows.hidden).all()
        shown = rows[~rows.hidden]
        assert (shown.value == shown.n / shown.denominator).all()
        # the period chosen changes no cohort
        last12 = Context(sample_db, Filters(dt.date(reference.year - 1, reference.month, 1),
                                            reference, districts=districts), "sv", Settings())
        pd.testing.assert_frame_equal(retention_by_cohort(last12, cohort), rows)
        hidden += int(rows.hidden.sum())
    assert hidden  # the sample hides some
