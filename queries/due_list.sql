-- grain: one row per active family in scope (not declined, not exited by the as-of date,
-- programme not finished; row-level: only the reader's units, $scope_bvcs): its next visit (highest visit number made + 1), that visit's
-- window and its status on the as-of date. The newborn visit's window is 0…28 days.
WITH active AS (
    SELECT *
    FROM families_in_scope($date_from, $date_to, $districts, $bvcs, $programmes)
    WHERE declined IS DISTINCT FROM true
      AND (exit_date IS NULL OR exit_date > $as_of)
      AND ($scope_bvcs IS NULL OR list_contains($scope_bvcs, bvc_id))
),
next_visit AS (
    SELECT a.family_id, a.bvc_id, a.bvc_name, a.district, a.programme_id, a.child_birth_date,
           list_max(list_transform(visits_by(a.visit_history, $as_of), lambda x: x.d))
               AS last_visit_date,
           coalesce(list_max(list_transform(visits_by(a.visit_history, $as_of),
                                            lambda x: x.n)), 0) + 1 AS next_visit_number
    FROM active a
)
SELECT n.family_id,
       n.bvc_id,
       n.bvc_name,
       n.district,
       n.programme_id,
       n.next_visit_number,
       p.label,
       n.last_visit_date,
       n.child_birth_date + p.window_start_days AS window_opens,
       n.child_birth_date + p.window_end_days AS window_closes,
       CASE WHEN $as_of < n.child_birth_date + p.window_start_days THEN 'upcoming'
            WHEN $as_of <= n.child_birth_date + p.window_end_days THEN 'due'
            WHEN $as_of - (n.child_birth_date + p.window_end_days) <= 60 THEN 'overdue'
            ELSE 'missed' END AS status,
       greatest($as_of - (n.child_birth_date + p.window_end_days), 0) AS days_overdue
FROM next_visit n
JOIN programmes p ON p.programme_id = n.programme_id AND p.visit_number = n.next_visit_number
ORDER BY days_overdue DESC, window_closes, n.family_id
