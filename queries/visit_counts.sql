-- grain: one row: the number of visits and of distinct families visited in scope.
SELECT count(*) AS visits,
       count(DISTINCT family_id) AS families_visited
FROM visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes)
