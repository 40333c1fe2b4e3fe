-- grain: one row per programme and visit number k. N: families in scope (cohort by birth
-- date) who had visit 1, whose child is old enough for visit k (birth + window end of k
-- <= as-of date) and who had not left the programme before that day; n: those of them who
-- had visit k at any time up to the as-of date (retention_steps, counted per BVC and birth
-- month in retention_counts).
WITH cohort_programmes AS (
    SELECT DISTINCT programme_id
    FROM family_counts($date_from, $date_to, $districts, $bvcs, $programmes, $as_of)
),
steps AS (
    SELECT programme_id, visit_number, sum(n) AS n, sum(denominator) AS denominator
    FROM retention_counts($date_from, $date_to, $districts, $bvcs, $programmes, $as_of)
    GROUP BY ALL
)
SELECT p.programme_id,
       p.visit_number,
       p.label,
       coalesce(sum(s.n), 0)::BIGINT AS n,
       coalesce(sum(s.denominator), 0)::BIGINT AS denominator,
       0 AS missing
FROM cohort_programmes c
JOIN programmes p USING (programme_id)
LEFT JOIN steps s USING (programme_id, visit_number)
GROUP BY ALL
ORDER BY p.programme_id, p.visit_number
