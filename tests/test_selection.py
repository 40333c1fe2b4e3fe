"""A filtered page's tiles hidden as the page of every unit hides what they add up from
(dashboard/selection.py), over the sample."""
import datetime as dt
import re

import pandas as pd

from dashboard import figures
from dashboard.context import Context
from dashboard.filters import Filters
from dashboard.selection import Selection
from dashboard.settings import Settings

SEPTEMBER = (dt.date(2026, 9, 1), dt.date(2026, 9, 30))


def test_a_selections_sum_is_shown_where_it_adds_up_from_shown_figures():
    every = pd.DataFrame({"bvc_id": ["A1", "A2", "A3", "B1"],
                          "district": ["A", "A", "A", "B"]})
    one = Selection.of({"A1"}, every)
    assert one.partial == {"A"}
    assert one.hidden({"A1", "A2"}, set())  # its BVC hidden beside its siblings
    assert not one.hidden({"A2", "A3"}, set())  # itself shown: no news
    whole = Selection.of({"A1", "A2", "A3"}, every)
    assert not whole.hidden({"A1", "A2"}, set())  # the district's total is shown
    assert whole.hidden(set(), {"A"})  # unless the district is hidden beside the others
    assert not Selection.of({"A1", "A2", "A3", "B1"}, every).hidden({"A1"}, {"A", "B"})
    mixed = Selection.of({"A1", "B1"}, every)
    assert mixed.hidden(set(), {"B"}) and mixed.hidden({"A1", "A3"}, set())
    assert not mixed.hidden({"A2", "A3"}, {"A"})


def _tiles(db, **units):
    key = figures.key_tiles(Context(db, Filters(*SEPTEMBER, **units), "sv", Settings()))
    return {tile.indicator: tile for tile in key.visits + key.families}


def test_no_bvcs_tile_gives_back_a_visit_count_the_page_of_every_unit_hides(sample_db):
    """September 2026 as the period: every unit's page (Datakvalitet) shows GBG-ANG-02's
    1 visit as "<5" and hides GBG-ANG-01's 6 beside it. Before, Översikt with GBG-ANG-01
    chosen showed 6 in its tile, and Angered's 38 less its other BVCs gave the 1 back.
    Now, per district whose tile is shown, no BVC's tile is hidden alone."""
    from dashboard.linked import Linked
    linked = Linked(sample_db.query("visit_counts_by_bvc_and_period", Filters(*SEPTEMBER),
                                    interval="month"), "visits", 5)
    counts = sample_db.query("counts_by_bvc", Filters(*SEPTEMBER))
    assert _tiles(sample_db, bvcs=("GBG-ANG-01",))["visits"].value == "–"
    for district, group in counts.groupby("district"):
        shown_district = _tiles(sample_db, districts=(district,))["visits"].value != "–"
        hidden = []
        for bvc, visits in zip(group.bvc_id, group.visits):
            tile = _tiles(sample_db, bvcs=(bvc,))["visits"]
            if bvc in linked.totals_hidden["bvc"]:
                assert tile.value == ("<5" if visits < 5 else "–"), bvc
            if tile.value in ("–", "<5") and visits:
                hidden.append(bvc)
            else:
                assert tile.value == str(visits)
        assert len(hidden) != 1 or not shown_district, (district, hidden)


def test_a_bvcs_share_tiles_hide_with_its_visits_and_a_districts_show(sample_db):
    """The share tiles follow the same rule: GBG-ANG-01's shares in September (its 6
    visits' home visits, both professions …) are hidden beside GBG-ANG-02's, with their
    n and N; Angered as a whole shows them, and its change against August."""
    bvc = _tiles(sample_db, bvcs=("GBG-ANG-01",))
    assert {bvc[i].value for i in figures.VISIT_SHARES if bvc[i].detail} == {"–"}
    # n and N with them: no number but a small one's "<5"
    assert not any(re.search(r"(?<![<\d])\d", bvc[i].detail) for i in figures.VISIT_SHARES)
    assert bvc["home_share"].detail == "n = – av N = –"
    assert bvc["home_share"].change is None
    district = _tiles(sample_db, districts=("Angered",))
    assert district["visits"].value == "38" and district["home_share"].value != "–"
    assert district["home_share"].change is not None


def test_no_district_less_its_other_bvcs_gives_a_hidden_bvcs_reach_back(sample_db):
    """Räckvidd with one BVC chosen shows that BVC as its district's part. Hidden on its
    own, 10 half-year and 11 year cohorts of single BVCs were shown that hide as siblings
    over every unit, so a district's share (shown with the district chosen) less its other
    BVCs chosen one at a time gave a hidden one back. Now, per district and cohort shown,
    no BVC's part is hidden alone."""
    from dashboard.series import reach_stages, share_parts, share_rows
    units = sample_db.query("units")
    checked = 0
    for cohort in ("half_year", "year"):
        every = reach_stages(sample_db.query("reach_by_bvc_and_cohort", Filters(),
                                             cohort=cohort))
        districts = share_rows(reach_stages(sample_db.query(
            "reach_by_district_and_cohort", Filters(), cohort=cohort)), "offered_share",
            "district", 5, interval=cohort)
        shown = set(zip(districts.district[~districts.hidden],
                        districts.period[~districts.hidden]))
        parts = pd.concat([share_parts(reach_stages(sample_db.query(
            "reach_by_bvc_and_cohort", Filters(bvcs=(bvc,)), cohort=cohort)), every,
            "offered_share", "district", 5, cohort).assign(bvc_id=bvc)
            for bvc in units.bvc_id])
        for (district, period), group in parts[parts.denominator > 0].groupby(
                ["district", "period"]):
            if (district, period) in shown and len(group) > 1:
                assert group.hidden.sum() != 1, (district, period)
                checked += 1
    assert checked > 30


def test_the_reach_funnel_of_one_bvc_hides_what_adds_up_from_a_hidden_bvc(sample_db):
    """The funnel of a selection of BVCs is their total over the cohorts: hidden where
    that BVC's total is hidden beside its district's others over every unit. Births in
    the first quarter of 2026: before, some BVCs' funnels were shown alone (N of 5 and
    more) that hide as complements over every unit."""
    from dashboard.selection import shares_hidden
    from dashboard.series import reach_stages
    quarter = (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    every = reach_stages(sample_db.query("reach_by_bvc_and_cohort", Filters(*quarter),
                                         cohort="year"))
    totals = every.groupby(["indicator", "bvc_id"], as_index=False).agg(
        district=("district", "first"), n=("n", "sum"), denominator=("denominator", "sum"))
    complements = 0
    for bvc in sample_db.query("units").bvc_id:
        context = Context(sample_db, Filters(*quarter, bvcs=(bvc,)), "sv", Settings())
        stages = reach_stages(context.query("reach_by_district_and_cohort", cohort="year"))
        funnel = figures.reach_funnel(context, stages).table
        for indicator, value in zip(figures.REACH_STAGES, funnel.iloc[:, 1]):
            rows = totals[(totals.indicator == indicator)
                          & ((totals.n > 0) | (totals.denominator > 0))]
            own = rows[rows.bvc_id == bvc]
            hidden_bvcs, _ = shares_hidden(rows, "n", "denominator", 5, set(own.district))
            if bvc in hidden_bvcs and len(rows[rows.district.isin(own.district)]) > 1:
                assert value == "–", (bvc, indicator)
                n, big_n = int(own.n.iloc[0]), int(own.denominator.iloc[0])
                complements += big_n >= 5 and not 0 < n < 5 and not 0 < big_n - n < 5
    assert complements >= 1


def test_the_visits_trend_of_a_period_from_the_10th_shows_the_months_as_besok(sample_db):
    """2026-02-10 – 2026-09-30 with SKA-LAN-01 chosen: the tile's trend was counted over
    the selection alone and showed months (5, 9 …) that Besök, over every unit for the
    same period, hides (25 BVC-periods of four such periods differed). It now shows each
    period's months as Besök does."""
    from dashboard.linked import Linked
    filters = Filters(dt.date(2026, 2, 10), dt.date(2026, 9, 30), bvcs=("SKA-LAN-01",))
    key = figures.key_tiles(Context(sample_db, filters, "sv", Settings()))
    besok = Linked(sample_db.query("visit_counts_by_bvc_and_period", filters.period_only(),
                                   interval="month"), "visits", 5).view(
        "bvc", "month", {"SKA-LAN-01"})
    shown = tuple(besok.shown.dropna())
    assert besok.hidden.any() and shown
    assert key.visits[0].trend[-len(shown):] == shown


def test_charts_of_a_selection_over_time_hide_what_its_tiles_hide(sample_db):
    """The audit, September 2026 with GBG-ANG-01 chosen: Hänvisningar's shares over time
    showed 5 / 6 visits with a referral and Professioner's parents 6 / 6 with the mother,
    where the tiles are "–"; with Angered's tile and its other BVCs they gave GBG-ANG-02's
    1 / 1 back. The programme bars of the planned team likewise (January 2025: 7 / 7)."""
    context = Context(sample_db, Filters(*SEPTEMBER, bvcs=("GBG-ANG-01",)), "sv", Settings())
    shares = ["referral_visit_share", "mother_present_share"]
    for interval in ("month", "quarter"):
        rows = figures.series.indicator_rows(
            context.query("visit_shares_by_period", interval=interval), shares, 5,
            {i: i for i in shares}, interval,
            months=context.query("visit_shares_by_period", interval="month"),
            withheld=figures.trend_withheld(context, context.filters, "month", shares))
        assert len(rows) == 2 and rows.hidden.all(), interval
    january = Context(sample_db, Filters(dt.date(2025, 1, 1), dt.date(2025, 1, 31),
                                         bvcs=("GBG-ANG-01",)), "sv", Settings())
    team = january.query("visit_shares_by_bvc_and_period", interval="year")
    bars = figures.series.programme_rows(team, "planned_team_share", 5, {}, figures.
                                         programmes_withheld(january, team,
                                                             "planned_team_share"))
    assert bars.hidden.all()
    # all units: the programmes are as before
    every = sample_db.query("visit_shares_by_bvc_and_period",
                            Filters(dt.date(2025, 1, 1), dt.date(2025, 1, 31)), interval="year")
    context = Context(sample_db, Filters(dt.date(2025, 1, 1), dt.date(2025, 1, 31)), "sv",
                      Settings())
    assert not figures.series.programme_rows(every, "planned_team_share", 5, {}, figures.
                                             programmes_withheld(context, every,
                                                                 "planned_team_share")
                                             ).hidden.any()


def test_the_reports_unit_table_hides_a_bvc_as_its_tiles(sample_db):
    """The meeting report's table per unit: one BVC chosen, its column is that BVC, and it
    showed GBG-ANG-01's 6 visits and 100 % (6) in September 2026 (audit), where the tiles
    and Datakvalitet hide them; with Angered chosen, that BVC's column likewise."""
    from dashboard import report
    for units in ({"bvcs": ("GBG-ANG-01",)}, {"districts": ("Angered",)}):
        table, _ = report.unit_table(Context(sample_db, Filters(*SEPTEMBER, **units), "sv",
                                             Settings()))
        column = table["Capio BVC Angered"].tolist()
        assert column[0] == "–" and set(column[1:]) == {"– (–)"}, units


def test_the_districts_shares_are_the_sums_of_their_bvcs(sample_db):
    """visit_shares_by_district_and_period (what pages read of every district) equals the
    BVCs' rows summed, for whole months and for a period from another day."""
    for filters in (Filters(), Filters(dt.date(2025, 3, 15), dt.date(2026, 2, 10)),
                    Filters(dt.date(2025, 3, 1), dt.date(2026, 2, 28), districts=("Angered",)),
                    Filters(dt.date(2025, 3, 1), dt.date(2026, 2, 28),
                            bvcs=("GBG-ANG-01", "SKA-LAN-02")),
                    Filters(programmes=("goteborg-6",))):
        for interval in ("month", "quarter"):
            keys = ["district", "period", "indicator"]
            bvcs = sample_db.query("visit_shares_by_bvc_and_period", filters,
                                   interval=interval).groupby(keys)[
                ["n", "denominator", "missing"]].sum()
            districts = sample_db.query("visit_shares_by_district_and_period", filters,
                                        interval=interval).set_index(keys)
            assert len(districts) == len(bvcs) > 30
            pd.testing.assert_frame_equal(districts.sort_index(), bvcs.sort_index(),
                                          check_dtype=False)


def test_one_indicators_rows_are_the_shares_rows_of_that_indicator(sample_db):
    """indicator_by_bvc_and_period (a page's one indicator over every BVC) equals
    visit_shares_by_bvc_and_period's rows of that indicator."""
    filters = Filters(dt.date(2025, 3, 15), dt.date(2026, 2, 10))
    for indicator in ("both_professions_share", "other_parent_share"):
        one = sample_db.query("indicator_by_bvc_and_period", filters, interval="quarter",
                              indicator=indicator)
        every = sample_db.query("visit_shares_by_bvc_and_period", filters,
                                interval="quarter")
        every = every[every.indicator == indicator].reset_index(drop=True)
        assert len(one) >= 40
        pd.testing.assert_frame_equal(one, every, check_dtype=False)
