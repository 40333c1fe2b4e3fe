-- grain: one row per valid visit, with its unit, its family (and its previous visit at
-- the same BVC), the programme visit it is (planned place, professions, window, expected
-- length), its referrals (one bit per
-- destination, see visit_referrals) and its ratings
-- (`rating_count` and one `score_<role>__<item>` column per rater role and item, see
-- visit_ratings).
-- Each visit's previous visit at the same BVC, and whether its family was visited at one
-- BVC only: a family counts once in a period at the visit whose previous one is before
-- the period (family_counted_before below, families_visited_at_bvc in visit_months.sql).
-- Tables of their own before the large join: one statement with the window, the joins and
-- the sort together came close to the memory limit at national scale.
CREATE OR REPLACE TEMP TABLE _previous_visits AS
SELECT visit_id,
       lag(visit_date) OVER (PARTITION BY family_id, bvc_id ORDER BY visit_date)
           AS previous_visit_at_bvc
FROM visits;

CREATE OR REPLACE TEMP TABLE _family_bvcs AS
SELECT family_id, min(bvc_id) = max(bvc_id) AS one_bvc_family
FROM visits
GROUP BY family_id;

-- The joins in the order written, each building its hash table from the table on its
-- right (the lookups: units, families, referrals, ratings, previous visits): chosen by
-- DuckDB, the hash tables held the wide visits twice and ran out of memory at national
-- scale with a memory limit of 1.5 or 2 GB (not at 1 GB); as written the statement runs
-- with 600 MB.
SET disabled_optimizers = 'build_side_probe_side,join_order';

CREATE OR REPLACE TABLE visit_facts AS
WITH
-- the programme visits with a flag per planned profession (a few rows, flagged once)
plan AS (
    SELECT *,
           list_contains(professions, 'nurse') AS plans_nurse,
           list_contains(professions, 'parent_supporter') AS plans_parent_supporter,
           list_contains(professions, 'midwife') AS plans_midwife,
           list_contains(professions, 'dental') AS plans_dental,
           list_contains(professions, 'librarian') AS plans_librarian
    FROM programmes
)
SELECT
    v.*,
    u.bvc_name,
    u.district,
    u.programme_id,
    f.child_birth_date,
    f.home_date,
    f.single_parent,
    p.label AS visit_label,
    p.location AS planned_location,
    p.professions AS planned_professions,
    coalesce(p.expected_minutes, 75) AS expected_minutes,
    p.target_age_days = 0 AS is_newborn,
    p.plans_nurse AND p.plans_parent_supporter
        AS plans_nurse_and_parent_supporter,
    -- every planned profession present; NULL when a planned profession's field is NULL
    CASE WHEN (p.plans_nurse AND v.nurse_present IS NULL)
           OR (p.plans_parent_supporter AND v.parent_supporter_present IS NULL)
           OR (p.plans_midwife AND v.midwife_present IS NULL)
           OR (p.plans_dental AND v.dental_present IS NULL)
           OR (p.plans_librarian AND v.librarian_present IS NULL) THEN NULL
         ELSE (NOT p.plans_nurse OR v.nurse_present)
          AND (NOT p.plans_parent_supporter OR v.parent_supporter_present)
          AND (NOT p.plans_midwife OR v.midwife_present)
          AND (NOT p.plans_dental OR v.dental_present)
          AND (NOT p.plans_librarian OR v.librarian_present)
    END AS planned_team_present,
    -- a newborn visit is on time within 14 days after coming home (after birth when unknown)
    CASE WHEN p.target_age_days = 0
         THEN v.visit_date BETWEEN coalesce(f.home_date, f.child_birth_date)
                               AND coalesce(f.home_date, f.child_birth_date) + 14
         ELSE v.visit_date - f.child_birth_date BETWEEN p.window_start_days AND p.window_end_days
    END AS on_time,
    coalesce(vf.destinations, 0::UBIGINT) AS referral_destinations,
    bit_count(coalesce(vf.destinations, 0::UBIGINT))::BIGINT AS referrals,
    bit_count(coalesce(vf.destinations, 0::UBIGINT) & destination_mask('open_forum'))::BIGINT
        AS open_forum_referrals,
    bit_count(coalesce(vf.destinations, 0::UBIGINT) & destination_mask('extra_support'))::BIGINT
        AS extra_support_referrals,
    f.rowid AS family_number,  -- a number per family: cheaper to count distinct
    pv.previous_visit_at_bvc,
    fb.one_bvc_family,
    -- a family of one BVC counts once in a period, at the visit whose previous visit is
    -- before the period's first day (0001-01-01: none); families of several BVCs never
    -- here (9999-12-31): they are counted distinct (several_bvc_visits)
    CASE WHEN fb.one_bvc_family THEN coalesce(pv.previous_visit_at_bvc, DATE '0001-01-01')
         ELSE DATE '9999-12-31' END AS family_counted_before,
    coalesce(vr.ratings, 0) AS rating_count,
    vr.* EXCLUDE (visit_id, ratings)
FROM visits v
JOIN units u USING (bvc_id)
JOIN families f USING (family_id)
JOIN plan p ON p.programme_id = u.programme_id AND p.visit_number = v.visit_number
LEFT JOIN visit_referrals vf USING (visit_id)
LEFT JOIN visit_ratings vr USING (visit_id)
JOIN _previous_visits pv USING (visit_id)
JOIN _family_bvcs fb USING (family_id)
ORDER BY v.visit_date, v.bvc_id;

RESET disabled_optimizers;

-- grain: one row per visit to a family visited at several BVCs (few): what counting its
-- families distinct needs (visit_counts).
DROP TABLE _previous_visits;
DROP TABLE _family_bvcs;

CREATE OR REPLACE TABLE several_bvc_visits AS
SELECT visit_date, bvc_id, district, programme_id, family_number
FROM visit_facts
WHERE NOT one_bvc_family;
