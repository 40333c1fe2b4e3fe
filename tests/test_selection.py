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
