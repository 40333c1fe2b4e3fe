-- grain: one row per valid BVC in the unit scope (the period does not apply): its first
-- and last visit up to the as-of date, visits in the 90 days before it, and the days
-- since the last visit (NULL: none yet).
SELECT u.bvc_id, u.bvc_name, u.district, u.start_date,
       min(v.visit_date) AS first_visit,
       max(v.visit_date) AS last_visit,
       count(v.visit_id) FILTER (WHERE v.visit_date > $as_of - 90) AS visits_90_days,
       $as_of - max(v.visit_date) AS days_since_last_visit
FROM units u
LEFT JOIN visits v ON v.bvc_id = u.bvc_id AND v.visit_date <= $as_of
WHERE in_scope(NULL, u.bvc_id, u.district, u.programme_id, NULL, NULL,
               $districts, $bvcs, $programmes)
GROUP BY ALL
ORDER BY days_since_last_visit DESC NULLS FIRST, u.district, u.bvc_name
