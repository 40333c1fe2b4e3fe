-- grain: one row per programme in scope. N: families in scope who had visit 1, are old
-- enough for the programme's last visit and had not left before its window closed;
-- n: those of them with every visit of the programme up to the as-of date.
WITH cohort AS (
    SELECT family_id, programme_id, child_birth_date, exit_date, programme_visits
    FROM families_in_scope($date_from, $date_to, $districts, $bvcs, $programmes)
),
made AS (
    SELECT family_id,
           count(DISTINCT visit_number) AS visit_numbers,
           bool_or(visit_number = 1) AS had_first
    FROM visits
    WHERE visit_date <= $as_of
    GROUP BY family_id
),
last_visit AS (
    SELECT programme_id, window_end_days
    FROM programmes
    QUALIFY visit_number = max(visit_number) OVER (PARTITION BY programme_id)
),
eligible AS (
    SELECT c.programme_id, m.visit_numbers = c.programme_visits AS completed
    FROM cohort c
    JOIN made m USING (family_id)
    JOIN last_visit l USING (programme_id)
    WHERE m.had_first
      AND c.child_birth_date + l.window_end_days <= $as_of
      AND (c.exit_date IS NULL OR c.exit_date >= c.child_birth_date + l.window_end_days)
)
SELECT c.programme_id,
       count(e.programme_id) FILTER (WHERE e.completed) AS n,
       count(e.programme_id) AS denominator,
       0 AS missing
FROM (SELECT DISTINCT programme_id FROM cohort) c
LEFT JOIN eligible e USING (programme_id)
GROUP BY ALL
ORDER BY c.programme_id
