-- grain: one row per broken rule of a quarantined row of any table: where it is (file,
-- row number from 1), the rule, the column, the value and the row's key.
SELECT table_name, file, row + 1 AS row_number, rule, column_name, value, key
FROM quarantine
ORDER BY table_name, file, row, rule, column_name
