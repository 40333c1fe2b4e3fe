"""Every indicator of the contract (section 4) on the hand-countable fixture, exactly."""
from __future__ import annotations

import datetime as dt

import pytest

from dashboard.filters import EVERY_UNIT, Filters
from dashboard.indicators import UnknownFilterValue, summary


def shares(db, filters=None) -> dict:
    frame = db.query("visit_shares", filters)
    return {r.indicator: (r.n, r.denominator, r.missing) for r in frame.itertuples()}


def test_visit_shares_without_filters(small_db):
    assert shares(small_db) == {
        # 11 at home of 13 with a location (V05 has none); every visit is planned at home
        "home_share": (11, 13, 1),
        # planned nurse + parent supporter: 12 Gothenburg visits + Växa visit 2; V05 has
        # no parent-supporter value; V03, V08, V11 lack one profession
        "both_professions_share": (9, 12, 1),
        # every visit: V13 (nurse + midwife) was complete too
        "planned_team_share": (10, 13, 1),
        # <= 75 minutes; V03 80, V05 90, V11 100 too long; V06 without a length
        "within_time_share": (10, 13, 1),
        "mother_present_share": (13, 13, 1),
        # F1: 4 of 5 (V05 missing), F3: 2 of 3, F5: 2 of 2; F2 single (out), F4 unknown
        "other_parent_share": (8, 10, 2),
        "referral_visit_share": (10, 14, 0),
        "open_forum_referral_share": (8, 12, 0),
        "extra_support_visit_share": (4, 14, 0),
    }


def test_visit_shares_filtered_by_bvc_district_period_programme(small_db):
    b2 = shares(small_db, Filters(bvcs=("B2",)))
    assert b2["home_share"] == (3, 4, 0)  # V10 was digital
    assert b2["both_professions_share"] == (3, 4, 0)  # V11 without parent supporter
    south = shares(small_db, Filters(districts=("Söder",)))
    assert south["both_professions_share"] == (1, 1, 0)  # only Växa visit 2 plans both
    assert south["planned_team_share"] == (2, 2, 0)  # V13 had its nurse + midwife
    assert shares(small_db, Filters(programmes=("vaxa-tryggt-6",))) == south
    year = shares(small_db, Filters(date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 6, 30)))
    # V05, V06, V11, V13, V14
    assert year["referral_visit_share"] == (3, 5, 0)
    assert year["within_time_share"] == (2, 4, 1)
    # bounds are inclusive: 2023-01-10 is V01
    one_day = Filters(date_from=dt.date(2023, 1, 10), date_to=dt.date(2023, 1, 10))
    assert small_db.query("visit_counts", one_day).iloc[0].tolist() == [1, 1]


def test_counts_and_visits_by_number_side_by_side(small_db):
    assert small_db.query("visit_counts").iloc[0].tolist() == [14, 5]
    frame = small_db.query("visits_by_number")
    got = {(r.programme_id, r.visit_number): r.visits for r in frame.itertuples()}
    assert got == {("goteborg-6", 1): 4, ("goteborg-6", 2): 3, ("goteborg-6", 3): 2,
                   ("goteborg-6", 4): 1, ("goteborg-6", 5): 1, ("goteborg-6", 6): 1,
                   ("vaxa-tryggt-6", 1): 1, ("vaxa-tryggt-6", 2): 1, ("vaxa-tryggt-6", 3): 0,
                   ("vaxa-tryggt-6", 4): 0, ("vaxa-tryggt-6", 5): 0, ("vaxa-tryggt-6", 6): 0}


def test_on_time_uses_each_programmes_windows_and_the_newborn_rule(small_db):
    frame = small_db.query("on_time_by_number")
    got = {(r.programme_id, r.visit_number): (r.n, r.denominator, r.missing)
           for r in frame.itertuples()}
    assert got == {
        # newborn: V01 7 days after coming home, V09 6, V12 9 days after birth (home
        # unknown); V07 19 days after birth with home unknown is late
        ("goteborg-6", 1): (3, 4, 0),
        ("goteborg-6", 2): (3, 3, 0),
        ("goteborg-6", 3): (1, 2, 0),  # V11 at day 166, window 105…150
        ("goteborg-6", 4): (1, 1, 0), ("goteborg-6", 5): (1, 1, 0),
        ("goteborg-6", 6): (1, 1, 0),
        ("vaxa-tryggt-6", 1): (1, 1, 0),  # day 11 in 7…21
        ("vaxa-tryggt-6", 2): (1, 1, 0),  # day 24 in 14…35
    }


def test_retention_leaves_out_too_young_and_exited_families(small_db):
    frame = small_db.query("retention_by_number")
    got = {(r.programme_id, r.visit_number): (r.n, r.denominator) for r in frame.itertuples()}
    assert got == {
        # F1..F4 had visit 1; F2 left 2023-06-01, before visit 3's window closed
        # (2023-07-01); F3 is too young for visit 4 (its window closes 2024-07-02)
        ("goteborg-6", 1): (4, 4), ("goteborg-6", 2): (3, 4), ("goteborg-6", 3): (2, 3),
        ("goteborg-6", 4): (1, 2), ("goteborg-6", 5): (1, 2), ("goteborg-6", 6): (1, 2),
        # F5 is old enough for visits 1 and 2 only; F6 declined and never started
        ("vaxa-tryggt-6", 1): (1, 1), ("vaxa-tryggt-6", 2): (1, 1),
        ("vaxa-tryggt-6", 3): (0, 0), ("vaxa-tryggt-6", 4): (0, 0),
        ("vaxa-tryggt-6", 5): (0, 0), ("vaxa-tryggt-6", 6): (0, 0),
    }


def test_retention_follows_the_as_of_date(small_db):
    # a year earlier F1 was too young for visits 4-6, F4 (born 2022-06-01) for visits 5
    # and 6 (their windows closed 2023-07-01 and later) and F3 was not yet born
    frame = small_db.query("retention_by_number", Filters(as_of=dt.date(2023, 6, 30)))
    got = {r.visit_number: (r.n, r.denominator) for r in frame.itertuples()
           if r.programme_id == "goteborg-6"}
    assert got == {1: (3, 3), 2: (2, 3), 3: (1, 2), 4: (0, 1), 5: (0, 0), 6: (0, 0)}


def test_completed_share(small_db):
    frame = small_db.query("completed_share")
    got = {r.programme_id: (r.n, r.denominator) for r in frame.itertuples()}
    # F1 has all six; F4 only visit 1; F2 left, F3 and F5 too young
    assert got == {"goteborg-6": (1, 2), "vaxa-tryggt-6": (0, 0)}


def test_reach_shares_by_birth_cohort(small_db):
    def reach(filters=None):
        frame = small_db.query("reach_shares", filters)
        return {r.indicator: (r.n, r.denominator, r.missing) for r in frame.itertuples()}
    # F7, F8 not offered; F6 declined; F4's answer unknown
    assert reach() == {"offered_share": (6, 8, 0), "accepted_share": (4, 5, 1)}
    assert reach(Filters(date_from=dt.date(2024, 1, 1))) == {
        "offered_share": (2, 4, 0), "accepted_share": (1, 2, 0)}


def test_rating_means_pooled_and_by_role_never_across_scales(small_db):
    frame = small_db.query("rating_means")
    got = {(r.item, r.rater_role): (round(r.mean, 6), r.n) for r in frame.itertuples()}
    assert got == {
        ("model_overall", "all"): (6.0, 3), ("model_overall", "nurse"): (6.5, 2),
        ("model_overall", "parent_supporter"): (5.0, 1),
        ("emotional_climate", "all"): (8.5, 2), ("emotional_climate", "nurse"): (9.0, 1),
        ("emotional_climate", "parent_supporter"): (8.0, 1),
        ("collaboration", "all"): (4.0, 1), ("collaboration", "nurse"): (4.0, 1),
    }


def due(db, as_of=None, **filters):
    frame = db.query("due_list", Filters(as_of=as_of, **filters), scope=EVERY_UNIT)
    return {r.family_id: (r.next_visit_number, str(r.window_opens.date()),
                          str(r.window_closes.date()), r.status, r.days_overdue)
            for r in frame.itertuples()}


def test_due_list_on_the_export_date(small_db):
    assert due(small_db) == {
        "F3": (4, "2024-05-03", "2024-07-02", "due", 0),
        "F4": (2, "2022-07-16", "2022-08-30", "missed", 670),
        "F5": (3, "2024-06-14", "2024-07-29", "due", 0),
        "F7": (1, "2024-06-20", "2024-07-18", "due", 0),  # newborn window 0…28 days
        "F8": (1, "2024-07-10", "2024-08-07", "upcoming", 0),
    }  # F1 finished, F2 left, F6 declined


@pytest.mark.parametrize("as_of, family, status, days", [
    ("2024-06-13", "F5", "upcoming", 0), ("2024-06-14", "F5", "due", 0),  # opens inclusive
    ("2024-07-02", "F3", "due", 0), ("2024-07-03", "F3", "overdue", 1),  # closes inclusive
    ("2024-08-31", "F3", "overdue", 60), ("2024-09-01", "F3", "missed", 61),
])
def test_due_list_status_at_window_edges(small_db, as_of, family, status, days):
    got = due(small_db, dt.date.fromisoformat(as_of))[family]
    assert (got[3], got[4]) == (status, days)


def test_due_list_filters_by_the_familys_bvc(small_db):
    assert set(due(small_db, bvcs=("B1",))) == {"F7", "F8"}
    assert set(due(small_db, districts=("Söder",))) == {"F5"}


def test_summary_object_has_the_contract_shape(small_db):
    result = summary(small_db, Filters())
    assert set(result) == {"indicators", "visits", "families_visited", "visits_by_number",
                           "rating_mean", "rating_mean_by_role", "quarantined"}
    assert result["indicators"]["home_share"] == {"n": 11, "N": 13, "value": 11 / 13,
                                                  "missing": 1}
    assert result["indicators"]["completed_share"] == {"n": 1, "N": 2, "value": 0.5,
                                                       "missing": 0}
    # two programmes in scope: keyed by programme first, never pooled
    assert result["indicators"]["retention"]["goteborg-6"]["3"] == {
        "n": 2, "N": 3, "value": 2 / 3, "missing": 0}
    assert result["visits_by_number"]["vaxa-tryggt-6"]["1"] == 1
    assert result["rating_mean"]["model_overall"] == {"mean": 6.0, "n": 3}
    assert result["rating_mean_by_role"]["parent_supporter"]["model_overall"] == {
        "mean": 5.0, "n": 1}
    assert result["quarantined"] == {"units": 0, "families": 0, "visits": 0, "referrals": 0,
                                     "ratings": 0}


def test_summary_with_one_programme_is_keyed_by_visit_number(small_db):
    result = summary(small_db, Filters(districts=("Norr",)))
    assert result["visits_by_number"] == {"1": 4, "2": 3, "3": 2, "4": 1, "5": 1, "6": 1}
    assert result["indicators"]["on_time_share"]["1"]["n"] == 3
    assert result["indicators"]["completed_share"]["value"] == 0.5
    empty = summary(small_db, Filters(districts=("Söder",), date_from=dt.date(2030, 1, 1)))
    assert empty["visits"] == 0
    assert empty["indicators"]["home_share"] == {"n": 0, "N": 0, "value": None, "missing": 0}


def test_unknown_filter_values_list_the_known_ones(small_db):
    with pytest.raises(UnknownFilterValue) as error:
        summary(small_db, Filters(districts=("Mitt",)))
    assert error.value.known == ["Norr", "Söder"]
    with pytest.raises(UnknownFilterValue):
        summary(small_db, Filters(bvcs=("B9",)))
