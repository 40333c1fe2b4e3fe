-- grain: one row per export table: rows read, valid rows and quarantined rows
-- (valid + quarantined = read, always).
SELECT table_name, input_rows, valid_rows, quarantined_rows
FROM load_summary
ORDER BY position
