-- grain: one row per programme and visit number with visits in scope: visits inside the
-- programme's window (n) of visits with a birth date (N).
SELECT programme_id,
       visit_number,
       any_value(visit_label) AS label,
       count(*) FILTER (WHERE on_time) AS n,
       count(child_birth_date) AS denominator,
       count(*) FILTER (WHERE child_birth_date IS NULL) AS missing
FROM visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes)
GROUP BY ALL
ORDER BY programme_id, visit_number
