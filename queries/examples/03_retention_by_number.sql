-- Kvar i programmet per besöksnummer, i dag | Retention per visit number, as of today
-- retention_steps(from, to, districts, bvcs, programmes, as_of): one row per family and
-- visit number it is old enough for; the dashboard's retention definition.
SELECT programme_id,
       visit_number,
       label,
       count(*) FILTER (WHERE had_visit) AS n,
       count(*) AS "N",
       round(count(*) FILTER (WHERE had_visit) / count(*), 3) AS value
FROM retention_steps(NULL, NULL, [], [], [],
                     (SELECT max(visit_date) FROM visits))
GROUP BY ALL
ORDER BY programme_id, visit_number
