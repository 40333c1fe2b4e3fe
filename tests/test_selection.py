"""A filtered page's tiles hidden as the page of every unit hides what they add up from
(dashboard/selection.py), over the sample."""
import datetime as dt

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
