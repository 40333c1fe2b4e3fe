-- grain: one row: the number of visits and of distinct families visited in scope
-- (families_visited: each family once, at its first visit in the period).
SELECT count(*) AS visits,
       families_visited(v, $date_from) AS families_visited
FROM visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes) v
