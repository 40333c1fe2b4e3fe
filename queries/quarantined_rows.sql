-- grain: one row per broken rule of a quarantined row of one export table ($table): the
-- rule, column and value, where the row is (file, row number from 1) and the whole row.
SELECT x.rule,
       x.column_name,
       x.value,
       x.file,
       x.row + 1 AS row_number,
       s.* EXCLUDE (_file, _row)
FROM quarantine x
JOIN query_table('quarantined_' || $table) s ON s._file = x.file AND s._row = x.row
WHERE x.table_name = $table
ORDER BY x.file, x.row, x.rule, x.column_name
