-- The filters every indicator shares, written once. A NULL bound or an empty list means
-- "no restriction". Visit indicators filter the period on visit_date and the unit on
-- visits.bvc_id; family indicators on child_birth_date and families.bvc_id.
CREATE OR REPLACE MACRO in_scope(day, unit, unit_district, unit_programme,
                                 date_from, date_to, districts, bvcs, programmes) AS
    (date_from IS NULL OR day >= date_from)
    AND (date_to IS NULL OR day <= date_to)
    AND (len(districts) = 0 OR list_contains(districts, unit_district))
    AND (len(bvcs) = 0 OR list_contains(bvcs, unit))
    AND (len(programmes) = 0 OR list_contains(programmes, unit_programme));

CREATE OR REPLACE MACRO visits_in_scope(date_from, date_to, districts, bvcs, programmes) AS TABLE
    SELECT * FROM visit_facts
    WHERE in_scope(visit_date, bvc_id, district, programme_id,
                   date_from, date_to, districts, bvcs, programmes);

CREATE OR REPLACE MACRO families_in_scope(date_from, date_to, districts, bvcs, programmes) AS TABLE
    SELECT * FROM family_facts
    WHERE in_scope(child_birth_date, bvc_id, district, programme_id,
                   date_from, date_to, districts, bvcs, programmes);

-- A share as the contract reports it: numerator, denominator and rows left out as missing.
CREATE OR REPLACE MACRO share(indicator, n, denominator, missing) AS
    {'indicator': indicator, 'n': n::BIGINT, 'denominator': denominator::BIGINT,
     'missing': missing::BIGINT};

-- Every visit-level share of the contract (section 4) over a group of visit_facts rows;
-- `v` is the row alias: `SELECT <grain>, unnest(visit_shares(v), recursive := true)
-- FROM visits_in_scope(...) v GROUP BY <grain>`.
CREATE OR REPLACE MACRO visit_shares(v) AS [
    share('home_share',
          count(*) FILTER (WHERE v.planned_location = 'home' AND v.location = 'home'),
          count(*) FILTER (WHERE v.planned_location = 'home' AND v.location IS NOT NULL),
          count(*) FILTER (WHERE v.planned_location = 'home' AND v.location IS NULL)),
    share('both_professions_share',
          count(*) FILTER (WHERE v.plans_nurse_and_parent_supporter
                           AND v.nurse_present AND v.parent_supporter_present),
          count(*) FILTER (WHERE v.plans_nurse_and_parent_supporter
                           AND v.nurse_present IS NOT NULL AND v.parent_supporter_present IS NOT NULL),
          count(*) FILTER (WHERE v.plans_nurse_and_parent_supporter
                           AND (v.nurse_present IS NULL OR v.parent_supporter_present IS NULL))),
    share('planned_team_share',
          count(*) FILTER (WHERE v.planned_team_present),
          count(v.planned_team_present),
          count(*) FILTER (WHERE v.planned_team_present IS NULL)),
    share('within_time_share',
          count(*) FILTER (WHERE v.duration_minutes <= v.expected_minutes),
          count(v.duration_minutes),
          count(*) FILTER (WHERE v.duration_minutes IS NULL)),
    share('mother_present_share',
          count(*) FILTER (WHERE v.mother_present),
          count(v.mother_present),
          count(*) FILTER (WHERE v.mother_present IS NULL)),
    share('other_parent_share',
          count(*) FILTER (WHERE v.single_parent = false AND v.other_parent_present),
          count(*) FILTER (WHERE v.single_parent = false AND v.other_parent_present IS NOT NULL),
          count(*) FILTER (WHERE v.single_parent IS NULL
                           OR (v.single_parent = false AND v.other_parent_present IS NULL))),
    share('referral_visit_share',
          count(*) FILTER (WHERE v.referrals > 0), count(*), 0),
    share('open_forum_referral_share',
          coalesce(sum(v.open_forum_referrals), 0), coalesce(sum(v.referrals), 0), 0),
    share('extra_support_visit_share',
          count(*) FILTER (WHERE v.extra_support_referrals > 0), count(*), 0)
];

-- The first day of the month, quarter, half-year or year a day falls in (charts over time
-- and birth cohorts). The inner CASE keeps date_trunc from seeing 'half_year'.
CREATE OR REPLACE MACRO period_start(day, interval_name) AS
    CASE WHEN interval_name = 'half_year'
         THEN make_date(year(day), CASE WHEN month(day) <= 6 THEN 1 ELSE 7 END, 1)
         ELSE date_trunc(CASE WHEN interval_name = 'half_year' THEN 'year'
                              ELSE interval_name END, day)::DATE
    END;

-- One row per family in scope with its progress up to the as-of date: whether it had
-- visit 1, how many distinct visit numbers it had, and whether it counts for the completed
-- share (had visit 1, old enough for the programme's last visit, not exited before that
-- visit's window closed) and completed it (every visit of the programme).
CREATE OR REPLACE MACRO family_progress(date_from, date_to, districts, bvcs, programmes,
                                        as_of) AS TABLE
    WITH last_visit AS (
        SELECT programme_id, window_end_days
        FROM programmes
        QUALIFY visit_number = max(visit_number) OVER (PARTITION BY programme_id)
    ),
    scoped AS (  -- as_of as a column: a lambda may read a column, not a subquery
        SELECT *, as_of AS _as_of
        FROM families_in_scope(date_from, date_to, districts, bvcs, programmes)
    ),
    made AS (
        SELECT f.*,
               had_visit_by(f.visit_history, 1, f._as_of) AS had_first,
               len(list_distinct(list_transform(visits_by(f.visit_history, f._as_of),
                                                lambda x: x.n))) AS visit_numbers
        FROM scoped f
    )
    SELECT m.* EXCLUDE (had_first, visit_numbers, _as_of),
           m.had_first AS started,
           m.had_first
               AND m.child_birth_date + l.window_end_days <= as_of
               AND (m.exit_date IS NULL OR m.exit_date >= m.child_birth_date + l.window_end_days)
               AS completion_eligible,
           coalesce(m.visit_numbers = m.programme_visits, false) AS completed_all
    FROM made m
    LEFT JOIN last_visit l USING (programme_id);

-- One row per family in scope who had visit 1 and programme visit k it is old enough for
-- (birth + window end of k <= as-of date) without having left before that day; had_visit
-- says whether visit k was made up to the as-of date. The rows behind retention.
CREATE OR REPLACE MACRO retention_steps(date_from, date_to, districts, bvcs, programmes,
                                        as_of) AS TABLE
    WITH scoped AS (  -- as_of as a column: a lambda may read a column, not a subquery
        SELECT *, as_of AS _as_of
        FROM families_in_scope(date_from, date_to, districts, bvcs, programmes)
    )
    SELECT f.family_id, f.bvc_id, f.programme_id, f.district, f.child_birth_date, p.visit_number,
           p.label, had_visit_by(f.visit_history, p.visit_number, f._as_of) AS had_visit
    FROM scoped f
    JOIN programmes p USING (programme_id)
    WHERE had_visit_by(f.visit_history, 1, f._as_of)
      AND f.child_birth_date + p.window_end_days <= as_of
      AND (f.exit_date IS NULL OR f.exit_date >= f.child_birth_date + p.window_end_days);

-- The due list's rows (queries/due_list.sql says what they are) at any as-of date; the list
-- and its counts read due_families (family_months.sql), kept at the reference date.
CREATE OR REPLACE MACRO due_families_at(date_from, date_to, districts, bvcs, programmes, as_of,
                                     scope_bvcs) AS TABLE
    WITH active AS (
        SELECT *
        FROM families_in_scope(date_from, date_to, districts, bvcs, programmes)
        WHERE declined IS DISTINCT FROM true
          AND (exit_date IS NULL OR exit_date > as_of)
          AND (scope_bvcs IS NULL OR list_contains(scope_bvcs::VARCHAR[], bvc_id))
    ),
    next_visit AS (
        SELECT a.family_id, a.bvc_id, a.bvc_name, a.district, a.programme_id, a.child_birth_date,
               list_max(list_transform(visits_by(a.visit_history, as_of), lambda x: x.d))
                   AS last_visit_date,
               coalesce(list_max(list_transform(visits_by(a.visit_history, as_of),
                                                lambda x: x.n)), 0) + 1 AS next_visit_number
        FROM active a
    )
    SELECT n.family_id,
           n.bvc_id,
           n.bvc_name,
           n.district,
           n.programme_id,
           n.next_visit_number,
           p.label,
           n.last_visit_date,
           n.child_birth_date + p.window_start_days AS window_opens,
           n.child_birth_date + p.window_end_days AS window_closes,
           CASE WHEN as_of < n.child_birth_date + p.window_start_days THEN 'upcoming'
                WHEN as_of <= n.child_birth_date + p.window_end_days THEN 'due'
                WHEN as_of - (n.child_birth_date + p.window_end_days) <= 60 THEN 'overdue'
                ELSE 'missed' END AS status,
           greatest(as_of - (n.child_birth_date + p.window_end_days), 0) AS days_overdue
    FROM next_visit n
    JOIN programmes p ON p.programme_id = n.programme_id AND p.visit_number = n.next_visit_number;
