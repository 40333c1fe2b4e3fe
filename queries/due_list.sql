-- grain: one row per active family in scope (not declined, not exited by the as-of date,
-- programme not finished; row-level: only the reader's units, $scope_bvcs): its next visit (highest visit number made + 1), that visit's
-- window and its status on the as-of date. The newborn visit's window is 0…28 days.
SELECT *
FROM due_families($date_from, $date_to, $districts, $bvcs, $programmes, $as_of, $scope_bvcs)
ORDER BY days_overdue DESC, window_closes, family_id
