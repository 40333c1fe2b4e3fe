-- grain: one row per table, rule and column with quarantined rows: how many rows and up
-- to five example keys.
SELECT table_name,
       rule,
       column_name,
       count(DISTINCT (file, row)) AS rows,
       list_sort(list_distinct(list(key)))[1:5] AS example_keys
FROM quarantine
GROUP BY ALL
ORDER BY table_name, rule, column_name
