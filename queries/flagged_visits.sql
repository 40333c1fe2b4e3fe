-- grain: one row per visit in scope and plausibility check it fails (row-level: only the
-- reader's units, $scope_bvcs). The checks are defined in queries/model/quality_macros.sql.
SELECT *
FROM visit_flags($date_from, $date_to, $districts, $bvcs, $programmes)
WHERE $scope_bvcs IS NULL OR list_contains($scope_bvcs, bvc_id)
ORDER BY check_name, district, bvc_name, visit_date, visit_id
