-- grain: one row per programme and visit number k. N: families in scope (cohort by birth
-- date) who had visit 1, whose child is old enough for visit k (birth + window end of k
-- <= as-of date) and who had not left the programme before that day; n: those of them who
-- had visit k at any time up to the as-of date.
WITH cohort_programmes AS (
    SELECT DISTINCT programme_id
    FROM families_in_scope($date_from, $date_to, $districts, $bvcs, $programmes)
),
steps AS (
    SELECT * FROM retention_steps($date_from, $date_to, $districts, $bvcs, $programmes, $as_of)
)
SELECT p.programme_id,
       p.visit_number,
       p.label,
       count(s.family_id) FILTER (WHERE s.had_visit) AS n,
       count(s.family_id) AS denominator,
       0 AS missing
FROM cohort_programmes c
JOIN programmes p USING (programme_id)
LEFT JOIN steps s USING (programme_id, visit_number)
GROUP BY ALL
ORDER BY p.programme_id, p.visit_number
