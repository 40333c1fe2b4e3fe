-- grain: one row per programme and visit number of the programmes in scope (0 where no
-- visit was made); visit numbers of different programmes are different ages. Counted
-- from visit_number_months (kept per BVC and month).
WITH programmes_in_scope AS (
    SELECT DISTINCT p.programme_id, p.visit_number, p.label
    FROM programmes p
    JOIN units u USING (programme_id)
    WHERE in_scope(NULL, u.bvc_id, u.district, u.programme_id,
                   NULL, NULL, $districts, $bvcs, $programmes)
),
counted AS (
    SELECT programme_id, visit_number, sum(visits) AS visits
    FROM visit_number_months($date_from, $date_to, $districts, $bvcs, $programmes)
    GROUP BY ALL
)
SELECT s.programme_id, s.visit_number, s.label, coalesce(c.visits, 0)::BIGINT AS visits
FROM programmes_in_scope s
LEFT JOIN counted c USING (programme_id, visit_number)
ORDER BY s.programme_id, s.visit_number
