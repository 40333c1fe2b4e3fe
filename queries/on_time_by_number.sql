-- grain: one row per programme and visit number with visits in scope: visits inside the
-- programme's window (n) of visits with a birth date (N); from visit_number_months (kept
-- per BVC and month).
SELECT programme_id,
       visit_number,
       any_value(label) AS label,
       sum(on_time)::BIGINT AS n,
       sum(with_birth_date)::BIGINT AS denominator,
       sum(visits - with_birth_date)::BIGINT AS missing
FROM visit_number_months($date_from, $date_to, $districts, $bvcs, $programmes)
GROUP BY ALL
ORDER BY programme_id, visit_number
