-- Rader i karantän: regel, fil och rad | Quarantined rows: rule, file and row
SELECT table_name, rule, column_name, value, key, file, row + 1 AS row_in_file
FROM quarantine
ORDER BY table_name, file, row
