-- grain: one row per valid BVC in the unit scope (the period does not apply): its first
-- and last visit up to the as-of date, visits in the 90 days before it, and the days
-- since the last visit (NULL: none yet). Months wholly before the as-of date's month are
-- read from visit_months; the visits of the last 90 days and of that month are counted.
WITH dated AS (
    SELECT bvc_id, first_visit, last_visit, 0 AS recent
    FROM visit_months
    WHERE month < date_trunc('month', $as_of::DATE)
    UNION ALL
    SELECT bvc_id, visit_date, visit_date, (visit_date > $as_of - 90)::INTEGER
    FROM visit_facts
    WHERE visit_date <= $as_of
      AND visit_date >= least(date_trunc('month', $as_of::DATE)::DATE, $as_of - 89)
)
SELECT u.bvc_id, u.bvc_name, u.district, u.start_date,
       min(d.first_visit) AS first_visit,
       max(d.last_visit) AS last_visit,
       coalesce(sum(d.recent), 0)::BIGINT AS visits_90_days,
       $as_of - max(d.last_visit) AS days_since_last_visit
FROM units u
LEFT JOIN dated d USING (bvc_id)
WHERE in_scope(NULL, u.bvc_id, u.district, u.programme_id, NULL, NULL,
               $districts, $bvcs, $programmes)
GROUP BY ALL
ORDER BY days_since_last_visit DESC NULLS FIRST, u.district, u.bvc_name
