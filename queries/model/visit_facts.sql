-- grain: one row per valid visit, with its unit, its family, the programme visit it is
-- (planned place, professions, window, expected length) and its referrals.
CREATE OR REPLACE TABLE visit_facts AS
WITH referral_counts AS (
    SELECT r.visit_id,
           count(*) AS referrals,
           count(*) FILTER (WHERE d.code_group = 'open_forum') AS open_forum_referrals,
           count(*) FILTER (WHERE d.code_group = 'extra_support') AS extra_support_referrals
    FROM referrals r
    JOIN ref_codes d ON d.vocabulary = 'destination' AND d.code = r.destination
    GROUP BY r.visit_id
),
planned AS (
    SELECT v.visit_id,
           p.professions AS planned_professions,
           list_contains(p.professions, 'nurse') AS plans_nurse,
           list_contains(p.professions, 'parent_supporter') AS plans_parent_supporter,
           list_contains(p.professions, 'midwife') AS plans_midwife,
           list_contains(p.professions, 'dental') AS plans_dental,
           list_contains(p.professions, 'librarian') AS plans_librarian
    FROM visits v
    JOIN units u USING (bvc_id)
    JOIN programmes p ON p.programme_id = u.programme_id AND p.visit_number = v.visit_number
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
    pl.planned_professions,
    coalesce(p.expected_minutes, 75) AS expected_minutes,
    p.target_age_days = 0 AS is_newborn,
    pl.plans_nurse AND pl.plans_parent_supporter AS plans_nurse_and_parent_supporter,
    -- every planned profession present; NULL when a planned profession's field is NULL
    CASE WHEN (pl.plans_nurse AND v.nurse_present IS NULL)
           OR (pl.plans_parent_supporter AND v.parent_supporter_present IS NULL)
           OR (pl.plans_midwife AND v.midwife_present IS NULL)
           OR (pl.plans_dental AND v.dental_present IS NULL)
           OR (pl.plans_librarian AND v.librarian_present IS NULL) THEN NULL
         ELSE (NOT pl.plans_nurse OR v.nurse_present)
          AND (NOT pl.plans_parent_supporter OR v.parent_supporter_present)
          AND (NOT pl.plans_midwife OR v.midwife_present)
          AND (NOT pl.plans_dental OR v.dental_present)
          AND (NOT pl.plans_librarian OR v.librarian_present)
    END AS planned_team_present,
    -- a newborn visit is on time within 14 days after coming home (after birth when unknown)
    CASE WHEN p.target_age_days = 0
         THEN v.visit_date BETWEEN coalesce(f.home_date, f.child_birth_date)
                               AND coalesce(f.home_date, f.child_birth_date) + 14
         ELSE v.visit_date - f.child_birth_date BETWEEN p.window_start_days AND p.window_end_days
    END AS on_time,
    coalesce(rc.referrals, 0) AS referrals,
    coalesce(rc.open_forum_referrals, 0) AS open_forum_referrals,
    coalesce(rc.extra_support_referrals, 0) AS extra_support_referrals
FROM visits v
JOIN units u USING (bvc_id)
JOIN families f USING (family_id)
JOIN programmes p ON p.programme_id = u.programme_id AND p.visit_number = v.visit_number
JOIN planned pl USING (visit_id)
LEFT JOIN referral_counts rc USING (visit_id);
