-- grain: one row per BVC and period ($interval: 'month', 'quarter' or 'year', by its first
-- day) with visits in scope: visits and distinct families visited.
SELECT bvc_id,
       any_value(bvc_name) AS bvc_name,
       any_value(district) AS district,
       period_start(visit_date, $interval) AS period,
       count(*) AS visits,
       count(DISTINCT family_id) AS families_visited
FROM visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes)
GROUP BY bvc_id, period
ORDER BY period, bvc_id
