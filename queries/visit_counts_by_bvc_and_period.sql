-- grain: one row per BVC and period ($interval: 'month', 'quarter' or 'year', by its first
-- day) with visits in scope: visits and distinct families visited. By month over whole
-- months it is read from visit_months; otherwise counted from the visits (distinct
-- families of a quarter are not the sum of its months'; families_visited_at_bvc counts
-- each at its first visit in the period and selection).
SELECT bvc_id, bvc_name, district, month AS period, visits, families_visited
FROM visit_months m
WHERE $interval = 'month' AND whole_months($date_from, $date_to)
  AND in_scope(m.month, m.bvc_id, m.district, m.programme_id,
               $date_from, $date_to, $districts, $bvcs, $programmes)
UNION ALL
SELECT bvc_id,
       any_value(bvc_name) AS bvc_name,
       any_value(district) AS district,
       period_start(visit_date, $interval) AS period,
       count(*) AS visits,
       families_visited_at_bvc(v, greatest(period_start(v.visit_date, $interval),
                                           coalesce($date_from, DATE '0001-01-01')))
           AS families_visited
FROM visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes) v
WHERE NOT ($interval = 'month' AND whole_months($date_from, $date_to))
GROUP BY bvc_id, period
ORDER BY period, bvc_id
