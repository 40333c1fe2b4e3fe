-- grain: one row per programme and visit number k. N: families in scope (cohort by birth
-- date) who had visit 1, whose child is old enough for visit k (birth + window end of k
-- <= as-of date) and who had not left the programme before that day; n: those of them who
-- had visit k at any time up to the as-of date.
WITH cohort AS (
    SELECT family_id, programme_id, child_birth_date, exit_date
    FROM families_in_scope($date_from, $date_to, $districts, $bvcs, $programmes)
),
made AS (
    SELECT DISTINCT family_id, visit_number
    FROM visits
    WHERE visit_date <= $as_of
),
started AS (
    SELECT c.*
    FROM cohort c
    WHERE EXISTS (SELECT 1 FROM made m WHERE m.family_id = c.family_id AND m.visit_number = 1)
),
steps AS (
    SELECT s.family_id, p.programme_id, p.visit_number, p.label,
           s.child_birth_date + p.window_end_days AS window_closes, s.exit_date
    FROM started s
    JOIN programmes p USING (programme_id)
),
eligible AS (
    SELECT st.*, m.family_id IS NOT NULL AS had_visit
    FROM steps st
    LEFT JOIN made m USING (family_id, visit_number)
    WHERE st.window_closes <= $as_of
      AND (st.exit_date IS NULL OR st.exit_date >= st.window_closes)
)
SELECT p.programme_id,
       p.visit_number,
       p.label,
       count(e.family_id) FILTER (WHERE e.had_visit) AS n,
       count(e.family_id) AS denominator,
       0 AS missing
FROM (SELECT DISTINCT programme_id FROM cohort) c
JOIN programmes p USING (programme_id)
LEFT JOIN eligible e USING (programme_id, visit_number)
GROUP BY ALL
ORDER BY p.programme_id, p.visit_number
