-- grain: one row per broken rule of a quarantined row of one export table ($table): the
-- rule, column and value, where the row is (file, row number from 1) and the whole row.
-- Row-level: a reader scoped to some units ($scope_bvcs) sees the rows whose bvc_id is
-- theirs; rows without a BVC (referrals, ratings, programmes) only a reader of every unit.
SELECT x.rule,
       x.column_name,
       x.value,
       x.file,
       x.row + 1 AS row_number,
       s.* EXCLUDE (_file, _row)
FROM quarantine x
JOIN query_table('quarantined_' || $table) s ON s._file = x.file AND s._row = x.row
WHERE x.table_name = $table
  AND ($scope_bvcs IS NULL OR list_contains($scope_bvcs, to_json(s) ->> 'bvc_id'))
ORDER BY x.file, x.row, x.rule, x.column_name
