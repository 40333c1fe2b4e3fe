-- grain: one row per birth cohort ($cohort: 'half_year' or 'year', by the first day of the
-- cohort), programme and visit number with an eligible family: retention as in
-- retention_by_number, within the cohort (summed from retention_counts).
SELECT period_start(month, $cohort) AS cohort,
       programme_id,
       visit_number,
       any_value(label) AS label,
       sum(n)::BIGINT AS n,
       sum(denominator)::BIGINT AS denominator,
       0 AS missing
FROM retention_counts($date_from, $date_to, $districts, $bvcs, $programmes, $as_of)
GROUP BY ALL
ORDER BY cohort, programme_id, visit_number
