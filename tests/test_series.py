"""The queries behind the charts, exactly, on the hand-countable fixture; and the shaping
and suppression of their results (sums up to districts, complements, partial periods)."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard import series
from dashboard.filters import Filters

D = dt.date
ALL = Filters()


def rows(frame: pd.DataFrame, columns: list[str]) -> list[tuple]:
    return [tuple(r) for r in frame[columns].astype(object).itertuples(index=False)]


def test_visit_counts_by_bvc_and_year(small_db):
    frame = small_db.query("visit_counts_by_bvc_and_period", ALL, interval="year")
    assert rows(frame, ["bvc_id", "period", "visits", "families_visited"]) == [
        ("B2", pd.Timestamp("2022-01-01"), 1, 1),   # V12
        ("B1", pd.Timestamp("2023-01-01"), 6, 2),   # V01-V04, V07, V08: F1, F2
        ("B2", pd.Timestamp("2023-01-01"), 2, 1),   # V09, V10
        ("B1", pd.Timestamp("2024-01-01"), 2, 1),   # V05, V06
        ("B2", pd.Timestamp("2024-01-01"), 1, 1),   # V11
        ("B3", pd.Timestamp("2024-01-01"), 2, 1)]   # V13, V14


def test_visit_shares_by_bvc_and_period_sum_to_the_plain_shares(small_db):
    by_period = small_db.query("visit_shares_by_bvc_and_period", ALL, interval="month")
    plain = small_db.query("visit_shares", ALL).set_index("indicator")
    summed = by_period.groupby("indicator")[["n", "denominator", "missing"]].sum()
    assert summed.loc[plain.index].to_dict() == plain[["n", "denominator", "missing"]].to_dict()
    both = by_period[(by_period.indicator == "both_professions_share")
                     & (by_period.period == pd.Timestamp("2023-01-01"))]
    assert rows(both, ["bvc_id", "n", "denominator"]) == [("B1", 1, 1)]  # V01 in January


def test_both_professions_per_bvc_over_the_whole_period(small_db, small_db_exact):
    from dashboard.context import Context
    from dashboard.figures import both_professions_by_bvc
    from dashboard.settings import Settings
    dots = both_professions_by_bvc(Context(small_db_exact, ALL, "sv", Settings(threshold=1)))
    # B1: V01 V02 V04 V06 V07 both, V03 V08 not, V05 missing; B2: V09 V10 V12 of V09-V12;
    # B3: only V14 plans nurse + parent supporter
    assert dots.table.iloc[:, [1, 3]].values.tolist() == [
        ["BVC Ett", "5 / 7"], ["BVC Två", "3 / 4"], ["BVC Tre", "1 / 1"]]  # lowest first
    hidden = both_professions_by_bvc(Context(small_db, ALL, "sv", Settings()))
    assert hidden.values.isna().all()  # every N is below five


def test_retention_by_cohort_adds_up_to_retention_by_number(small_db):
    cohorts = small_db.query("retention_by_cohort", ALL, cohort="year")
    assert rows(cohorts[cohorts.programme_id == "goteborg-6"],
                ["cohort", "visit_number", "n", "denominator"]) == [
        (pd.Timestamp("2022-01-01"), k, int(k == 1), 1) for k in range(1, 7)] + [
        (pd.Timestamp("2023-01-01"), 1, 3, 3), (pd.Timestamp("2023-01-01"), 2, 3, 3),
        (pd.Timestamp("2023-01-01"), 3, 2, 2), (pd.Timestamp("2023-01-01"), 4, 1, 1),
        (pd.Timestamp("2023-01-01"), 5, 1, 1), (pd.Timestamp("2023-01-01"), 6, 1, 1)]
    total = cohorts.groupby(["programme_id", "visit_number"])[["n", "denominator"]].sum()
    plain = small_db.query("retention_by_number", ALL)
    plain = plain[plain.denominator > 0].set_index(["programme_id", "visit_number"])
    assert total.to_dict() == plain[["n", "denominator"]].to_dict()


def test_half_year_cohorts(small_db):
    cohorts = small_db.query("retention_by_cohort", ALL, cohort="half_year")
    assert sorted(set(cohorts.cohort)) == [pd.Timestamp("2022-01-01"),
                                           pd.Timestamp("2023-01-01"),
                                           pd.Timestamp("2023-07-01"),  # F3 born 2023-10-01
                                           pd.Timestamp("2024-01-01")]


def test_referrals_by_district_and_destination(small_db):
    frame = small_db.query("referrals_by_district_and_destination", ALL)
    norr = frame[frame.district == "Norr"].set_index("destination").referrals.to_dict()
    assert norr == {"open_preschool": 3, "library": 2, "family_centre": 1, "parent_group": 1,
                    "infant_programme": 1, "resource_unit": 1, "baby_massage": 1}
    assert frame.referrals.sum() == 12


def test_rating_scores_and_means_by_period(small_db):
    scores = small_db.query("rating_scores_by_item", ALL)
    model = scores[scores["item"] == "model_overall"]
    assert rows(model, ["rater_role", "score", "ratings"]) == [
        ("nurse", 6, 1), ("nurse", 7, 1), ("parent_supporter", 5, 1)]
    means = small_db.query("rating_means_by_period", ALL, interval="year")
    pooled = means[(means["item"] == "model_overall") & (means.rater_role == "all")]
    assert rows(pooled, ["period", "mean", "n"]) == [(pd.Timestamp("2023-01-01"), 6.0, 3)]


def test_reach_by_district_and_cohort(small_db):
    frame = small_db.query("reach_by_district_and_cohort", ALL, cohort="year")
    columns = ["district", "cohort", "families", "offered", "accepted", "answered",
               "answer_missing", "started", "completed", "completion_eligible"]
    assert rows(frame, columns) == [
        ("Norr", pd.Timestamp("2022-01-01"), 1, 1, 0, 0, 1, 1, 0, 1),  # F4: answer unknown
        ("Norr", pd.Timestamp("2023-01-01"), 3, 3, 3, 3, 0, 3, 1, 1),  # F1 completed; F2 left
        ("Norr", pd.Timestamp("2024-01-01"), 2, 0, 0, 0, 0, 0, 0, 0),  # F7, F8 not offered
        ("Söder", pd.Timestamp("2024-01-01"), 2, 2, 1, 2, 0, 1, 0, 0)]  # F6 declined


def test_export_dates_and_programme_schedules(small_db):
    dates = small_db.query("export_dates").iloc[0]
    assert (dates.first_visit.date(), dates.last_visit.date()) == (D(2022, 6, 10), D(2024, 4, 1))
    assert (dates.first_birth.date(), dates.last_birth.date()) == (D(2022, 6, 1), D(2024, 7, 10))
    schedules = small_db.query("programme_schedules")
    vaxa = schedules[schedules.programme_id == "vaxa-tryggt-6"]
    assert list(vaxa.visit_number) == [1, 2, 3, 4, 5, 6]
    assert list(vaxa.professions.iloc[3]) == ["nurse", "dental"]


def test_partial_periods_are_marked():
    frame = pd.DataFrame({"period": [pd.Timestamp("2025-10-01"), pd.Timestamp("2026-01-01"),
                                     pd.Timestamp("2026-10-01")]})
    out = series.labelled(frame, "quarter", "sv", Filters(D(2025, 11, 1), D(2026, 10, 31)),
                          D(2026, 11, 1))
    # Q4 2025 starts before the selection; Q4 2026 runs past it (only October is in it)
    assert out.partial.tolist() == [True, False, True]
    assert out.period_label.tolist() == ["K4 2025 (del av perioden)", "K1 2026",
                                         "K4 2026 (del av perioden)"]
    assert series.period_label(D(2024, 3, 1), "month", "sv") == "mars 2024"
    assert series.period_label(D(2024, 3, 1), "quarter", "en") == "Q1 2024"


def test_previous_period():
    filters = Filters(D(2023, 7, 1), D(2024, 6, 30))
    assert filters.previous() == Filters(D(2022, 7, 1), D(2023, 6, 30))
    assert Filters().previous() is None
    # not whole months: the same number of days just before
    assert Filters(D(2024, 3, 10), D(2024, 3, 19)).previous() == Filters(D(2024, 2, 29),
                                                                         D(2024, 3, 9))
