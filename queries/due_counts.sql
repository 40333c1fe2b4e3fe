-- grain: one row per status of the due list (upcoming, due, overdue, missed) with active
-- families in scope: how many (row-level scope: only the reader's units, $scope_bvcs).
SELECT status, count(*) AS families
FROM due_families($date_from, $date_to, $districts, $bvcs, $programmes, $as_of, $scope_bvcs)
GROUP BY status
ORDER BY status
