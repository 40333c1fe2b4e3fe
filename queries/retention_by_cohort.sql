-- grain: one row per birth cohort ($cohort: 'half_year' or 'year', by the first day of the
-- cohort), programme and visit number with an eligible family: retention as in
-- retention_by_number, within the cohort.
SELECT period_start(child_birth_date, $cohort) AS cohort,
       programme_id,
       visit_number,
       any_value(label) AS label,
       count(*) FILTER (WHERE had_visit) AS n,
       count(*) AS denominator,
       0 AS missing
FROM retention_steps($date_from, $date_to, $districts, $bvcs, $programmes, $as_of)
GROUP BY ALL
ORDER BY cohort, programme_id, visit_number
