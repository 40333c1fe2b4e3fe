-- grain: one row per broken rule of a quarantined row of any table: where it is (file,
-- row number from 1), the rule, the column, the value and the row's key. Row-level and
-- not tied to a unit: only a reader of every unit ($scope_bvcs NULL) sees them.
SELECT table_name, file, row + 1 AS row_number, rule, column_name, value, key
FROM quarantine
WHERE $scope_bvcs IS NULL
ORDER BY table_name, file, row, rule, column_name
