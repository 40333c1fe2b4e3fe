"""The family indicators read rows counted once at the reference date (family_months,
retention_months, due_at_reference) when the as-of date is the reference date and the
period is whole months of births, and count from the families otherwise. Both ways must
equal the definitions: the row macros of scope_macros.sql, counted here directly, on the
bundled sample (1 500 families over eight years)."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard.db import Database
from dashboard.filters import EVERY_UNIT, Filters

ARGS = "$date_from, $date_to, $districts, $bvcs, $programmes, $as_of"

# What each query counted before the rollups, straight from the families.
DEFINITIONS = {
    "completed_share": f"""
        SELECT programme_id,
               count(*) FILTER (WHERE completion_eligible AND completed_all) AS n,
               count(*) FILTER (WHERE completion_eligible) AS denominator, 0 AS missing
        FROM family_progress({ARGS}) GROUP BY ALL""",
    "reach_by_district_and_cohort": f"""
        SELECT district, period_start(child_birth_date, $cohort) AS cohort,
               count(*) AS families,
               count(*) FILTER (WHERE offered_date IS NOT NULL) AS offered,
               count(*) FILTER (WHERE offered_date IS NOT NULL AND declined = false) AS accepted,
               count(*) FILTER (WHERE offered_date IS NOT NULL AND declined IS NOT NULL)
                   AS answered,
               count(*) FILTER (WHERE offered_date IS NOT NULL AND declined IS NULL)
                   AS answer_missing,
               count(*) FILTER (WHERE started) AS started,
               count(*) FILTER (WHERE completion_eligible AND completed_all) AS completed,
               count(*) FILTER (WHERE completion_eligible) AS completion_eligible
        FROM family_progress({ARGS}) GROUP BY ALL""",
    "reach_shares": """
        WITH f AS (SELECT * FROM families_in_scope($date_from, $date_to, $districts, $bvcs,
                                                   $programmes))
        SELECT unnest([
            share('offered_share', count(*) FILTER (WHERE offered_date IS NOT NULL),
                  count(*), 0),
            share('accepted_share',
                  count(*) FILTER (WHERE offered_date IS NOT NULL AND declined = false),
                  count(*) FILTER (WHERE offered_date IS NOT NULL AND declined IS NOT NULL),
                  count(*) FILTER (WHERE offered_date IS NOT NULL AND declined IS NULL))
        ], recursive := true) FROM f""",
    "retention_by_cohort": f"""
        SELECT period_start(child_birth_date, $cohort) AS cohort, programme_id, visit_number,
               any_value(label) AS label, count(*) FILTER (WHERE had_visit) AS n,
               count(*) AS denominator, 0 AS missing
        FROM retention_steps({ARGS}) GROUP BY ALL""",
    "retention_by_number": f"""
        WITH c AS (SELECT DISTINCT programme_id FROM families_in_scope(
                       $date_from, $date_to, $districts, $bvcs, $programmes)),
             s AS (SELECT * FROM retention_steps({ARGS}))
        SELECT p.programme_id, p.visit_number, p.label,
               count(s.family_id) FILTER (WHERE s.had_visit) AS n,
               count(s.family_id) AS denominator, 0 AS missing
        FROM c JOIN programmes p USING (programme_id)
        LEFT JOIN s USING (programme_id, visit_number) GROUP BY ALL""",
    "due_list": f"""
        SELECT * FROM due_families_at({ARGS}, $scope_bvcs)""",
    "due_counts": f"""
        SELECT status, count(*) AS families FROM due_families_at({ARGS}, $scope_bvcs)
        GROUP BY status""",
}
OPTIONS = {"reach_by_district_and_cohort": {"cohort": "half_year"},
           "retention_by_cohort": {"cohort": "year"}}


def day(text):
    return dt.date.fromisoformat(text) if text else None


CASES = [  # period of births, as-of date, district
    (None, None, None, None),                              # everything, kept rows
    ("2022-01-01", "2022-12-31", None, None),              # whole months, kept rows
    ("2025-01-01", "2026-11-20", None, None),              # last day after the last birth
    ("2022-03-15", "2023-02-10", None, None),              # part months: counted
    ("2022-01-01", "2022-12-31", "2023-06-30", None),      # another as-of date: counted
    (None, None, "2024-02-29", None),
    ("2021-01-01", "2023-12-31", None, "Angered"),         # a district, kept rows
    ("2021-01-01", "2023-12-31", "2022-12-31", "Angered"),
]


@pytest.mark.parametrize("name", sorted(DEFINITIONS))
@pytest.mark.parametrize("date_from, date_to, as_of, district", CASES)
def test_kept_and_counted_family_indicators_equal_the_definitions(
        sample_db, name, date_from, date_to, as_of, district):
    filters = Filters(day(date_from), day(date_to), districts=(district,) if district else (),
                      as_of=day(as_of))
    scope = EVERY_UNIT if name.startswith("due_") else None
    if name.startswith("due_"):  # the due list is judged for every active family
        filters = filters.units_only() if date_from is None else filters
    options = OPTIONS.get(name, {})
    got = sample_db.query(name, filters, scope, **options)
    params = {**filters.params(sample_db.export.reference_date), **options,
              "scope_bvcs": scope.param() if scope else None}
    sql = DEFINITIONS[name]
    used = {k: v for k, v in params.items() if f"${k}" in sql}
    expected = sample_db.con.cursor().execute(sql, used).df()
    assert len(expected) > 0 and expected.select_dtypes("number").to_numpy().sum() > 0
    assert_same_rows(got, expected)


def assert_same_rows(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    """The same rows in the expected columns, whatever the order of ties."""
    def in_order(frame):
        frame = frame[list(expected.columns)]
        order = frame.astype(str).apply(tuple, axis=1).sort_values().index
        return frame.loc[order].reset_index(drop=True)
    pd.testing.assert_frame_equal(in_order(got), in_order(expected), check_dtype=False)


# What the Datakvalitet, rating and referral queries counted before visit_months kept
# their cells and visit_checks the flagged visits' columns, straight from the visits.
VISIT_DEFINITIONS = {
    "completeness_by_bvc_and_period": """
        WITH counts AS (
            SELECT bvc_id, any_value(bvc_name) AS bvc_name, any_value(district) AS district,
                   period_start(visit_date, $interval) AS period,
                   count(*) AS visits,
                   count(*) FILTER (WHERE location IS NULL) AS location,
                   count(*) FILTER (WHERE nurse_present IS NULL) AS nurse_present,
                   count(*) FILTER (WHERE parent_supporter_present IS NULL) AS parent_supporter_present,
                   count(*) FILTER (WHERE duration_minutes IS NULL) AS duration_minutes,
                   count(*) FILTER (WHERE mother_present IS NULL) AS mother_present,
                   count(*) FILTER (WHERE single_parent IS DISTINCT FROM true) AS other_parent_applies,
                   count(*) FILTER (WHERE single_parent IS DISTINCT FROM true
                                    AND other_parent_present IS NULL) AS other_parent_present,
                   count(*) FILTER (WHERE rating_count = 0) AS ratings
            FROM visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes)
            GROUP BY bvc_id, period
        )
        SELECT bvc_id, bvc_name, district, period, f.field, f.denominator, f.n
        FROM counts, unnest([
            {'field': 'location', 'denominator': visits, 'n': location},
            {'field': 'nurse_present', 'denominator': visits, 'n': nurse_present},
            {'field': 'parent_supporter_present', 'denominator': visits, 'n': parent_supporter_present},
            {'field': 'duration_minutes', 'denominator': visits, 'n': duration_minutes},
            {'field': 'mother_present', 'denominator': visits, 'n': mother_present},
            {'field': 'other_parent_present', 'denominator': other_parent_applies,
             'n': other_parent_present},
            {'field': 'ratings', 'denominator': visits, 'n': ratings}
        ]) AS u(f)
        ORDER BY district, bvc_name, period, f.field
        """,
    "last_visit_by_bvc": """
        SELECT u.bvc_id, u.bvc_name, u.district, u.start_date,
               min(v.visit_date) AS first_visit, max(v.visit_date) AS last_visit,
               count(v.visit_id) FILTER (WHERE v.visit_date > $as_of - 90) AS visits_90_days,
               $as_of - max(v.visit_date) AS days_since_last_visit
        FROM units u
        LEFT JOIN visits v ON v.bvc_id = u.bvc_id AND v.visit_date <= $as_of
        WHERE in_scope(NULL, u.bvc_id, u.district, u.programme_id, NULL, NULL,
                       $districts, $bvcs, $programmes)
        GROUP BY ALL""",
    "visit_counts": """
        SELECT count(*) AS visits, count(DISTINCT family_id) AS families_visited
        FROM visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes)""",
    "visit_counts_by_bvc_and_period": """
        SELECT bvc_id, period_start(visit_date, $interval) AS period, count(*) AS visits,
               count(DISTINCT family_id) AS families_visited
        FROM visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes)
        GROUP BY ALL""",
    "on_time_by_number": """
        SELECT programme_id, visit_number, any_value(visit_label) AS label,
               count(*) FILTER (WHERE on_time) AS n, count(child_birth_date) AS denominator,
               count(*) FILTER (WHERE child_birth_date IS NULL) AS missing
        FROM visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes)
        GROUP BY ALL""",
    "visits_by_number": """
        SELECT programme_id, visit_number, count(*) AS visits
        FROM visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes)
        GROUP BY ALL""",
    "flag_counts_by_bvc": """
        WITH f AS (
            SELECT c.check_name, v.visit_id, v.bvc_id
            FROM visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes) v
            JOIN (SELECT visit_id, unnest(checks) AS check_name FROM visit_checks) c
                USING (visit_id))
        SELECT bvc_id, coalesce(check_name, 'any') AS check_name,
               count(DISTINCT visit_id) AS visits
        FROM f GROUP BY GROUPING SETS ((bvc_id, check_name), (bvc_id))""",
    "rating_means": """
        WITH cells AS (
            SELECT unnest(rating_sums(v), recursive := true)
            FROM visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes) v
        )
        SELECT r.item,
               coalesce(r.rater_role, 'all') AS rater_role,
               any_value(c.scale_max) AS scale_max,
               sum(r.total) / sum(r.n) AS mean,
               sum(r.n)::BIGINT AS n
        FROM cells r
        JOIN ref_codes c ON c.vocabulary = 'rating_item' AND c.code = r.item
        GROUP BY GROUPING SETS ((r.item), (r.item, r.rater_role))
        HAVING sum(r.n) > 0
        ORDER BY r.item, rater_role""",
    "rating_means_by_period": """
        WITH cells AS (
            SELECT period_start(v.visit_date, $interval) AS period,
                   unnest(rating_sums(v), recursive := true)
            FROM visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes) v
            GROUP BY period
        )
        SELECT period,
               r.item,
               coalesce(r.rater_role, 'all') AS rater_role,
               sum(r.total) / sum(r.n) AS mean,
               sum(r.n)::BIGINT AS n
        FROM cells r
        GROUP BY GROUPING SETS ((period, r.item), (period, r.item, r.rater_role))
        HAVING sum(r.n) > 0
        ORDER BY period, r.item, rater_role""",
    "rating_scores_by_item": """
        SELECT r.item, r.rater_role, c.scale_max, r.score::BIGINT AS score,
               count(*) AS ratings
        FROM ratings r
        JOIN visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes) v
            USING (visit_id)
        JOIN ref_codes c ON c.vocabulary = 'rating_item' AND c.code = r.item
        GROUP BY ALL""",
    "referrals_by_district_and_destination": """
        WITH cells AS (
            SELECT v.district, unnest(referral_counts(v), recursive := true)
            FROM visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes) v
            GROUP BY v.district
        )
        SELECT c.district,
               c.destination,
               d.code_group AS destination_group,
               c.referrals
        FROM cells c
        JOIN ref_codes d ON d.vocabulary = 'destination' AND d.code = c.destination
        WHERE c.referrals > 0
        ORDER BY c.district, destination_group, c.destination""",
}
VISIT_CASES = [  # period of visits, as-of date, district, interval
    (None, None, None, None, "year"),
    ("2022-01-01", "2023-12-31", None, None, "quarter"),
    ("2025-11-01", "2026-11-20", None, None, "month"),     # last day after the last visit
    ("2022-03-15", "2023-02-10", None, None, "quarter"),   # part months: counted
    (None, None, "2024-02-15", "Angered", "year"),
    (None, None, "2019-01-01", None, "year"),              # hardly any visit yet
]


@pytest.mark.parametrize("name", sorted(VISIT_DEFINITIONS))
@pytest.mark.parametrize("date_from, date_to, as_of, district, interval", VISIT_CASES)
def test_kept_and_counted_visit_cells_equal_the_definitions(sample_db, name, date_from, date_to, as_of,
                                                   district, interval):
    filters = Filters(day(date_from), day(date_to), districts=(district,) if district else (),
                      as_of=day(as_of))
    options = {"interval": interval} if name.endswith("_period") else {}
    got = sample_db.query(name, filters, **options)
    params = {**filters.params(sample_db.export.reference_date), **options}
    sql = VISIT_DEFINITIONS[name]
    expected = sample_db.con.cursor().execute(
        sql, {k: v for k, v in params.items() if f"${k}" in sql}).df()
    # the sample flags few visits: some periods have none, the whole export has some
    assert len(expected) > 0 or (name == "flag_counts_by_bvc" and (date_from or district))
    assert_same_rows(got, expected)


def test_the_kept_rows_are_read_at_the_reference_date(sample_db):
    """At the reference date over whole months the counts come from family_months, not from
    the families: the plan scans family_months and never family_facts."""
    plan = "\n".join(row[1] for row in sample_db.con.cursor().execute(
        "EXPLAIN SELECT * FROM family_counts(DATE '2022-01-01', DATE '2022-12-31', [], [], [], "
        "reference_date())").fetchall())
    assert "family_months" in plan


@pytest.mark.parametrize("interval", ["month", "quarter"])
@pytest.mark.parametrize("date_from, date_to, district", [
    ("2024-11-01", "2026-10-31", None), ("2024-11-01", "2026-10-31", "Angered"),
    ("2024-03-15", "2025-02-10", None), (None, None, None)])
def test_trends_of_all_units_are_the_sums_of_the_bvc_rows(sample_db, interval, date_from,
                                                          date_to, district):
    """Översikt's trends read the all-units sums straight from SQL; they equal the sums of
    the per-BVC queries, by month and by quarter, over whole and part months."""
    filters = Filters(day(date_from), day(date_to), districts=(district,) if district else ())
    shares = sample_db.query("visit_shares_by_period", filters, interval=interval)
    by_bvc = sample_db.query("visit_shares_by_bvc_and_period", filters, interval=interval)
    key = ["period", "indicator"]
    expected = by_bvc.groupby(key, as_index=False)[["n", "denominator", "missing"]].sum()
    assert len(expected) > 9 and expected.n.sum() > 0
    pd.testing.assert_frame_equal(shares.sort_values(key).reset_index(drop=True),
                                  expected.sort_values(key).reset_index(drop=True),
                                  check_dtype=False)


def test_every_preset_period_reads_the_kept_rows(sample_db):
    """The presets (and the whole-month periods before them, Översikt's comparison) are
    whole months, so the pages' default queries plan only the kept rows; a part month or
    another as-of date takes the macros that count."""
    from dashboard.sidebar import PERIODS, period_bounds
    reference = sample_db.export.reference_date
    for preset in (p for p in PERIODS if p != "custom"):
        filters = Filters(*period_bounds(preset, reference))
        assert sample_db.reads_kept_rows(filters), preset
        previous = filters.previous()  # this year so far: as many days before it
        assert preset == "this_year" or previous is None or sample_db.reads_kept_rows(
            previous), preset
    assert not sample_db.reads_kept_rows(Filters(day("2022-03-15"), day("2023-02-28")))
    assert not sample_db.reads_kept_rows(Filters(day("2022-03-01"), day("2023-02-10")))
    assert not sample_db.reads_kept_rows(Filters(as_of=day("2024-02-29")))
    assert sample_db.reads_kept_rows(Filters(day("2026-01-01"), sample_db.last_day))


@pytest.mark.parametrize("date_from, date_to", [
    (None, None), ("2024-01-01", "2024-12-31"), ("2024-02-10", "2024-09-20")])
def test_families_visited_at_several_bvcs_count_once(tmp_path, date_from, date_to):
    """The quality fixture has families visited at two BVCs (several_bvcs): they count
    once in all units and once at each BVC, as count(DISTINCT family_id) does."""
    import fixture_quality
    from exports import write_export
    db = Database.open(write_export(tmp_path, fixture_quality.tables()))
    assert db.con.execute("SELECT count(*) FROM visit_facts WHERE NOT one_bvc_family"
                          ).fetchone()[0] > 0
    filters = Filters(day(date_from), day(date_to))
    params = filters.params(db.export.reference_date)
    for name, options in (("visit_counts", {}),
                          ("visit_counts_by_bvc_and_period", {"interval": "quarter"})):
        sql = VISIT_DEFINITIONS[name]
        expected = db.con.cursor().execute(sql, {k: v for k, v in {
            **params, **options}.items() if f"${k}" in sql}).df()
        assert len(expected) > 0
        assert_same_rows(db.query(name, filters, **options), expected)


def test_score_counts_are_exact_up_to_the_packing_limit_and_refused_beyond(sample_db):
    """rating_score_counts packs 12 bits per score where no BVC-month has more visits (the
    sample): 4 095 copies of one rated visit still count exactly; 4 096 are refused with a
    message instead of being miscounted."""
    import duckdb
    cursor = sample_db.con.cursor()
    visit = cursor.execute("SELECT visit_id FROM visit_facts WHERE rating_count > 0 LIMIT 1"
                           ).fetchone()[0]
    once = cursor.execute("SELECT r.rater_role, r.item, r.score FROM ratings r "
                          "WHERE visit_id = ?", [visit]).fetchall()
    copies = """SELECT unnest(rating_score_counts(v), recursive := true)
                FROM (SELECT f.* FROM visit_facts f, range({n}) WHERE f.visit_id = ?) v"""
    counted = cursor.execute(copies.format(n=4095), [visit]).fetchall()
    expected = {(role, item, score): 4095 for role, item, score in once}
    got = {(role, item, k + 1): n for role, item, ratings in counted
           for k, n in enumerate(ratings) if n}
    assert got == expected and len(expected) > 3
    with pytest.raises(duckdb.Error, match="4 095 ratings"):
        cursor.execute(copies.format(n=4096), [visit]).fetchall()


def test_a_bvc_month_with_thousands_of_rated_visits_counts_every_score(tmp_path):
    """An export that puts 6 000 visits in one BVC-month (every visit under one unit code,
    say) still validates, and its score distribution counts every rating: the slots are as
    wide as the largest BVC-month needs (before: the build failed at 4 096)."""
    import fixture_small
    from exports import write_export
    n = 6000
    families = [fixture_small._family(f"F{i}", "B1", "2023-12-01", None, False, "2023-12-05",
                                      False) for i in range(n)]
    visits = [{"visit_id": f"V{i}", "family_id": f"F{i}", "bvc_id": "B1", "visit_number": 1,
               "visit_date": f"2024-01-{1 + i % 28:02d}", "nurse_present": True,
               "parent_supporter_present": True} for i in range(n)]
    scores = [1 + (i * 7) % 10 for i in range(n)]
    ratings = [{"visit_id": f"V{i}", "rater_role": "nurse", "item": "emotional_climate",
                "score": score} for i, score in enumerate(scores)]
    db = Database.open(write_export(tmp_path, {
        "units": fixture_small.UNITS, "families": families, "visits": visits,
        "referrals": [], "ratings": ratings}))
    assert db.con.execute("SELECT count(*) FROM quarantine").fetchone()[0] == 0
    expected = [scores.count(k) for k in range(1, 11)]
    assert min(expected) > 0 and sum(expected) == n
    # the whole month from the kept rows, its first 20 days counted from the visits
    early = [score for i, score in enumerate(scores) if 1 + i % 28 <= 20]
    assert len(early) > 4096
    for last, ratings in (("2024-01-31", scores), ("2024-01-20", early)):
        filters = Filters(day("2024-01-01"), day(last))
        assert db.reads_kept_rows(filters) == (last == "2024-01-31")
        frame = db.query("rating_scores_by_item", filters)
        rows = frame[(frame["item"] == "emotional_climate") & (frame.rater_role == "nurse")]
        assert dict(zip(rows.score, rows.ratings)) == {
            k: ratings.count(k) for k in range(1, 11)}, last


@pytest.mark.parametrize("date_from, date_to", [(None, None), ("2022-03-15", "2023-02-10")])
def test_one_fields_completeness_is_its_rows_of_every_fields(sample_db, date_from, date_to):
    """Datakvalitet's heat map over time asks for its one field; the rows are those of
    completeness_by_bvc_and_period, kept and counted."""
    from dashboard.contract import FORM_FIELDS
    filters = Filters(day(date_from), day(date_to))
    every = sample_db.query("completeness_by_bvc_and_period", filters, interval="quarter")
    for field in FORM_FIELDS:
        one = sample_db.query("field_completeness_by_bvc_and_period", filters,
                              interval="quarter", field=field)
        expected = every[every.field == field]
        assert len(expected) > 10
        assert_same_rows(one, expected)


@pytest.mark.parametrize("preset", ["last12", "last_year", "this_year", "all", "custom"])
@pytest.mark.parametrize("units", [{}, {"districts": ("Angered",)},
                                   {"bvcs": ("GBG-ANG-01", "GBG-VH-02")}])
def test_the_grids_sums_equal_counting(sample_db, preset, units):
    """What the pages read of the grid (Context.counts and .shares: cells summed over a
    selection's units and months) is what the queries count from the visits: visits,
    families visited and every visit share's n and N, for the period and per BVC, district
    and quarter."""
    from dashboard.context import Context
    from dashboard.figures import VISIT_SHARES
    from dashboard.settings import Settings
    from dashboard.sidebar import period_bounds
    bounds = ((dt.date(2024, 2, 1), dt.date(2025, 8, 31)) if preset == "custom" else
              period_bounds(preset, sample_db.export.reference_date))
    filters = Filters(*bounds, **units)
    context = Context(sample_db, filters, "sv", Settings())
    view = context.view()
    # the queries over the same months (the grid's: whole months up to its last)
    from dashboard.privacy.grid import month_end, month_start
    months = Filters(month_start(view.first), month_end(min(view.last, view.grid.last)),
                     **units)
    counted = sample_db.query("visit_counts", months).iloc[0]
    got = context.counts(["visits", "families_visited"]).set_index("measure").value
    assert (got["visits"], got["families_visited"]) == (counted.visits,
                                                       counted.families_visited)
    assert counted.visits > 0
    shares = context.shares(VISIT_SHARES).set_index("indicator")
    asked = sample_db.query("visit_shares", months).set_index("indicator")
    for indicator in VISIT_SHARES:
        assert (shares.n[indicator], shares.denominator[indicator]) == (
            asked.n[indicator], asked.denominator[indicator]), indicator
    by_bvc = context.shares(VISIT_SHARES, by="bvc", interval="quarter")
    asked = sample_db.query("visit_shares_by_bvc_and_period", months, interval="quarter")
    merged = asked.merge(by_bvc, left_on=["bvc_id", "period", "indicator"],
                         right_on=["unit_group", "period_group", "indicator"])
    assert len(merged) == len(asked) and len(merged) > 0
    assert (merged.n_x == merged.n_y).all() and (
        merged.denominator_x == merged.denominator_y).all()


@pytest.mark.parametrize("date_from, date_to, district", [
    (None, None, None), ("2024-11-01", "2026-10-31", None), ("2022-03-15", "2023-02-10", None),
    ("2021-01-01", "2023-12-31", "Angered")])
def test_satisfactions_means_from_the_score_counts_equal_rating_means(sample_db, date_from,
                                                                      date_to, district):
    """Nöjdhet computes its means from the distribution it shows; they are rating_means'
    numbers exactly (the same integer sums and one division)."""
    from dashboard import series
    filters = Filters(day(date_from), day(date_to), districts=(district,) if district else ())
    got = series.means_from_scores(sample_db.query("rating_scores_by_item", filters))
    expected = sample_db.query("rating_means", filters)
    assert len(expected) > 9
    assert (got["mean"].to_numpy() == expected.sort_values(["item", "rater_role"])[
        "mean"].to_numpy()).all()
    assert_same_rows(got, expected)
