"""Visits hidden at every level and time scale at once (dashboard.linked), over the sample."""
import pandas as pd
import pytest

from dashboard.filters import Filters
from dashboard.hiding import UNIT
from dashboard.linked import PARENT, Linked
from dashboard.settings import Settings

FILTERS = [Filters(), Filters(pd.Timestamp("2025-11-01").date(),
                              pd.Timestamp("2026-10-31").date()),
           Filters(pd.Timestamp("2024-02-10").date(), pd.Timestamp("2025-05-20").date(),
                   districts=("Angered", "Landskrona"))]


def sums(linked: Linked):
    """Every figure that adds up from others: (its table, its key, the parts' keys, the
    parts' table); a unit's total over the selection as table ("total", level)."""
    for (level, scale), cells in linked.cells.items():
        coarser, up = linked.coarser(scale), linked._up(scale)
        found = {}
        for (unit, p) in cells:
            if coarser:
                found.setdefault(((level, coarser), (unit, up[p])), []).append((unit, p))
            elif level in UNIT:
                found.setdefault((("total", level), unit), []).append((unit, p))
            parent = PARENT.get(level)
            if parent:
                owner = "" if parent == "all" else linked.district_of[unit]
                found.setdefault(((parent, scale), (owner, p)), []).append((unit, p))
        for (table, key), parts in found.items():
            yield table, key, parts, (level, scale)


@pytest.mark.parametrize("filters", FILTERS)
def test_no_figure_a_hidden_count_adds_up_to_gives_it_back(sample_db, filters):
    """The audit's ways back: a district's month less its BVCs shown, a quarter less its
    months shown, all units' month (the "Alla" line) less the districts shown, a BVC's
    total (Datakvalitet) less its months. Each such sum, where shown, holds none or two
    and more hidden parts; where hidden, one at least; a sum of one part is hidden with
    it."""
    linked = Linked(sample_db.query("visit_counts_by_bvc_and_period", filters,
                                    interval="month"), "visits", 5)
    checked = hidden_sums = 0
    for table, key, parts, of in sums(linked):
        shown = not (key in linked.totals_hidden[table[1]] if table[0] == "total"
                     else key in linked.hidden[table])
        n = sum(part in linked.hidden[of] for part in parts)
        if len(parts) == 1:
            assert shown == (n == 0), (table, key)
        else:
            assert (n != 1) if shown else (n >= 1), (table, key, n)
        checked += 1
        hidden_sums += n > 0
    assert checked > 100 and hidden_sums > 5


@pytest.mark.parametrize("scale", ["month", "quarter", "year"])
def test_a_view_counts_what_the_query_counts_at_its_scale(sample_db, scale):
    frame = sample_db.query("visit_counts_by_bvc_and_period", FILTERS[2], interval=scale)
    linked = Linked(sample_db.query("visit_counts_by_bvc_and_period", FILTERS[2],
                                    interval="month"), "visits", 5)
    view = linked.view("bvc", scale)
    asked = frame[frame.visits > 0].assign(period=pd.to_datetime(frame.period))
    got = view.assign(period=pd.to_datetime(view.period))
    key = ["period", "bvc_id"]
    assert (got.set_index(key).visits.sort_index()
            .equals(asked.set_index(key).visits.sort_index().astype(got.visits.dtype)))
    # and small counts are hidden, as everywhere
    assert got.hidden[(got.visits > 0) & (got.visits < 5)].all()


def test_overviews_trend_of_visits_hides_the_months_besok_hides(sample_db):
    """The tile's short trend (this period and the one before, by month) shows the months
    as Besök shows them for each period: one BVC chosen, its row of the visits hidden over
    every unit (before: hidden on their own, over 24 months)."""
    from dashboard.context import Context
    from dashboard.figures import key_tiles
    from dataclasses import replace
    filters = replace(FILTERS[1], bvcs=("SKA-LAN-02",))  # months of 1, 3 and 4 visits
    context = Context(sample_db, filters, "sv", Settings())
    tile = next(t for t in key_tiles(context).visits if t.indicator == "visits")
    months = pd.concat([context.linked_visits(f).view("bvc", "month", {"SKA-LAN-02"})
                        for f in (filters.previous(), filters)])
    assert tile.trend == tuple(months.shown.dropna())
    assert 0 < months.hidden.sum() and len(tile.trend) == len(months) - months.hidden.sum()


@pytest.mark.parametrize("scale", ["month", "quarter"])
def test_datakvalitets_heat_maps_hide_the_visits_besok_hides(sample_db, scale):
    """The heat maps' N is the BVC's visits (for most fields): where Besök hides those, the
    cell's N and share are hidden too (the second audit: 36 − 7 − 9 − 8 − 8 = 4 from the
    map's "0 / 7" beside Besök's district count)."""
    from dashboard import quality
    filters = FILTERS[1]
    linked = Linked(sample_db.query("visit_counts_by_bvc_and_period", filters,
                                    interval="month"), "visits", 5)
    visits = linked.view("bvc", scale)
    rows = sample_db.query("field_completeness_by_bvc_and_period", filters, interval=scale,
                           field="duration_minutes")
    cells = quality.completeness_by_period(rows, "duration_minutes", scale, "sv", 5, filters,
                                           sample_db.export.reference_date, visits)
    hidden = set(zip(visits.bvc_id[visits.hidden], pd.to_datetime(visits.period[visits.hidden])))
    shown_n = {(b, pd.Timestamp(p)): d for b, p, d, h in zip(
        cells.bvc_id, cells.period, cells.detail, cells.hidden)}
    assert hidden and all(shown_n[k].endswith("/ –") or shown_n[k].endswith("<5")
                          for k in hidden if k in shown_n)
    # by field over January 2025, whose BVC totals Besök hides in part (the audit's case)
    january = Filters(pd.Timestamp("2025-01-01").date(), pd.Timestamp("2025-01-31").date())
    totals = Linked(sample_db.query("visit_counts_by_bvc_and_period", january,
                                    interval="month"), "visits", 5).totals_view("bvc")
    by_field = quality.completeness_by_field(
        sample_db.query("completeness_by_bvc_and_period", january, interval="year"), "sv", 5,
        totals)
    assert totals.sum() >= 2
    for bvc in totals[totals].index:
        assert by_field[by_field.bvc_id == bvc].hidden.all(), bvc


def test_a_filtered_page_hides_what_the_page_of_every_unit_hides(sample_db):
    """The user test: Landskrona's months hidden on Besök with every unit read 15, 15, 18,
    10 with Landskrona chosen, and with all units' month gave Västra Göteborg's 5 back.
    Both views are now rows of one computation over every unit."""
    from dataclasses import replace

    from dashboard.context import Context
    every = Context(sample_db, FILTERS[1], "sv", Settings())
    landskrona = Context(sample_db, replace(FILTERS[1], districts=("Landskrona",)), "sv",
                         Settings())
    shown = every.linked_visits().view("district", "month")
    chosen = landskrona.linked_visits().view("district", "month", {"Landskrona"})
    mine = shown[shown.district == "Landskrona"].reset_index(drop=True)
    assert mine.hidden.any()
    assert mine[["period", "visits", "hidden"]].equals(
        chosen[["period", "visits", "hidden"]].reset_index(drop=True))
    # and a chosen BVC is compared with its district and all units, not with itself
    from dashboard.series import unit_against_averages
    lines = unit_against_averages(landskrona.linked_visits(), "SKA-LAN-02", "month",
                                  "Snitt", "Alla")
    means = lines.groupby("series").value.mean()
    assert means["Alla"] != means["Snitt Landskrona"]


def test_a_chosen_districts_destinations_hide_what_every_districts_table_hides(sample_db):
    """The user test: Hänvisningar per district hid five of Landskrona's destinations, and
    with Landskrona chosen they read 11, 9, 9, 6, 7. The chosen district's column and bars
    are now those of the table over every district."""
    from dataclasses import replace

    from dashboard.context import Context
    from dashboard.figures import referral_destinations
    from dashboard.series import destinations_by_district
    every = sample_db.query("referrals_by_district_and_destination", FILTERS[1])
    table = destinations_by_district(every, "sv", 5).set_index("Hänvisning till")
    assert (table["Landskrona"] == "–").sum() >= 3
    chosen = Context(sample_db, replace(FILTERS[1], districts=("Landskrona",)), "sv",
                     Settings())
    only = destinations_by_district(every, "sv", 5, {"Landskrona"}).set_index(
        "Hänvisning till")
    assert list(only.columns) == ["Grupp", "Landskrona"]
    assert only["Landskrona"].equals(table["Landskrona"])
    bars = referral_destinations(chosen, chosen.query("referrals_by_district_and_destination")
                                 ).table
    shown = dict(zip(bars.iloc[:, 1], bars.iloc[:, 2]))
    assert all(shown[d] == table.loc[d, "Landskrona"] for d in shown)


def test_a_chosen_districts_bvcs_hide_on_datakvalitet_what_every_bvc_hides(sample_db):
    """The user test: Landskrona Öster's visits without ratings were "–" with every unit
    and 8 % with Landskrona chosen (siblings of the chosen BVCs only)."""
    from dataclasses import replace

    from dashboard import quality
    chosen = replace(FILTERS[1], districts=("Landskrona",))
    every = sample_db.query("completeness_by_bvc_and_period", FILTERS[1], interval="year")
    mine = sample_db.query("completeness_by_bvc_and_period", chosen, interval="year")
    flags = sample_db.query("flag_counts_by_bvc", FILTERS[1])
    last = sample_db.query("last_visit_by_bvc", FILTERS[1])
    totals = Linked(sample_db.query("visit_counts_by_bvc_and_period", FILTERS[1],
                                    interval="month"), "visits", 5).totals_view("bvc")
    whole = quality.unit_overview(every, flags, last, "sv", 5, 60, 0.2, totals, every)
    part = quality.unit_overview(mine, flags, last[last.district == "Landskrona"], "sv", 5,
                                 60, 0.2, totals, every)
    key = ["BVC", "Utan skattningar", "Besök"]
    assert part[key].equals(whole[whole.BVC.isin(part.BVC)][key].reset_index(drop=True))
    assert (whole["Utan skattningar"] == "–").any()


def test_with_a_bvc_chosen_the_districts_chart_counts_that_bvc(sample_db):
    """Over every unit, the districts' rows are whole districts; with a BVC chosen the
    chart sums the chosen BVCs' counts, hidden where one of them is (final check: it
    showed all of Landskrona beside Landskrona Öster's table)."""
    from dataclasses import replace

    from dashboard.context import Context
    from dashboard.figures import visits_by_district
    chosen = Context(sample_db, replace(FILTERS[1], bvcs=("SKA-LAN-02",)), "sv", Settings())
    linked = chosen.linked_visits()
    figure = visits_by_district(chosen, "month", linked, {"SKA-LAN-02"})
    own = linked.view("bvc", "month", {"SKA-LAN-02"})
    assert figure.values.fillna(-1).tolist() == own.visits.where(~own.hidden).fillna(-1).tolist()
    assert own.hidden.any() and not own.hidden.all()


def test_a_chosen_bvcs_share_of_both_professions_is_hidden_as_among_every_bvc(sample_db):
    """Professioner: a BVC's share over the period is hidden as a sibling of its district's
    BVCs; chosen alone it was its own only sibling and showed what the page of every unit
    hides. It is now the row of the computation over every BVC."""
    from dataclasses import replace

    from dashboard.context import Context
    from dashboard.figures import both_professions_by_bvc
    march = Filters(pd.Timestamp("2025-03-01").date(), pd.Timestamp("2025-03-31").date())
    every = Context(sample_db, march, "sv", Settings())
    whole = both_professions_by_bvc(every, every.query("visit_shares_by_bvc_and_period",
                                                       interval="year")).table
    hidden = whole[(whole.iloc[:, 2] == "–") & (whole.iloc[:, 3] == "– / –")]
    assert len(hidden)
    for name in hidden.iloc[:, 1]:
        bvc = sample_db.query("units").set_index("bvc_name").bvc_id[name]
        chosen = Context(sample_db, replace(march, bvcs=(bvc,)), "sv", Settings())
        own = both_professions_by_bvc(chosen, chosen.query(
            "visit_shares_by_bvc_and_period", interval="year")).table
        assert own.iloc[0].tolist() == whole[whole.iloc[:, 1] == name].iloc[0].tolist()


@pytest.mark.parametrize("filters", FILTERS + [Filters(pd.Timestamp("2026-09-01").date(),
                                                       pd.Timestamp("2026-09-30").date())])
def test_a_districts_bvc_totals_hide_none_or_two_and_one_where_the_district_is_hidden(
        sample_db, filters):
    """A district's total over the selection is its BVCs' totals (each a tile with that
    BVC chosen, and Datakvalitet's rows): where the district's is shown none or two and
    more of its BVCs' are hidden, where it is hidden one at least (audit: before, the BVCs'
    totals were siblings of all units' only, and a hidden district's BVCs could all show)."""
    linked = Linked(sample_db.query("visit_counts_by_bvc_and_period", filters,
                                    interval="month"), "visits", 5)
    totals = linked.totals["bvc"]
    for district in set(linked.district_of.values()):
        bvcs = [b for b in totals.index if linked.district_of[b] == district and totals[b]]
        n = sum(b in linked.totals_hidden["bvc"] for b in bvcs)
        if district in linked.totals_hidden["district"]:
            assert n >= 1, district
        elif len(bvcs) > 1:
            assert n != 1, district
