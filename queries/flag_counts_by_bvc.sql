-- grain: one row per BVC and plausibility check with failing visits in scope, plus one row
-- per BVC with check_name 'any': how many visits fail it (a visit failing two checks counts
-- once in 'any'). An aggregate for every unit; the rows are flagged_visits.
SELECT bvc_id,
       coalesce(check_name, 'any') AS check_name,
       count(DISTINCT visit_id) AS visits
FROM visit_flags($date_from, $date_to, $districts, $bvcs, $programmes)
GROUP BY GROUPING SETS ((bvc_id, check_name), (bvc_id))
ORDER BY bvc_id, check_name
