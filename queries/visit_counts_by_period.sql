-- grain: one row per period ($interval: 'month', 'quarter' or 'year', by its first day)
-- with visits in scope: how many, over all units (the sum of
-- visit_counts_by_bvc_and_period's visits, for trends of all units).
SELECT period_start(month, $interval) AS period,
       sum(visits)::BIGINT AS visits
FROM visit_months m
WHERE whole_months($date_from, $date_to)
  AND in_scope(m.month, m.bvc_id, m.district, m.programme_id,
               $date_from, $date_to, $districts, $bvcs, $programmes)
GROUP BY period
UNION ALL
SELECT period_start(visit_date, $interval) AS period,
       count(*) AS visits
FROM visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes)
WHERE NOT whole_months($date_from, $date_to)
GROUP BY period
ORDER BY period
