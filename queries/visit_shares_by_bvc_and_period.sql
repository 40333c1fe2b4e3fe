-- grain: one row per BVC, period ($interval: 'month', 'quarter' or 'year', by its first
-- day) and visit-level share indicator with visits in scope: n, denominator (N) and
-- missing. Shares of districts and of all units are sums of these rows.
SELECT bvc_id,
       any_value(bvc_name) AS bvc_name,
       any_value(district) AS district,
       any_value(programme_id) AS programme_id,
       period_start(visit_date, $interval) AS period,
       unnest(visit_shares(v), recursive := true)
FROM visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes) v
GROUP BY bvc_id, period
ORDER BY period, bvc_id
