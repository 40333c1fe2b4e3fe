-- grain: one row: the date range of the export's valid visits and children's births.
SELECT (SELECT min(visit_date) FROM visits) AS first_visit,
       (SELECT max(visit_date) FROM visits) AS last_visit,
       (SELECT min(child_birth_date) FROM families) AS first_birth,
       (SELECT max(child_birth_date) FROM families) AS last_birth
