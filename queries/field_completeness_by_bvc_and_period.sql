-- grain: one row per BVC and period ($interval) for one field of the visit form ($field):
-- the rows of completeness_by_bvc_and_period for that field.
SELECT *
FROM field_completeness($date_from, $date_to, $districts, $bvcs, $programmes, $interval)
WHERE field = $field
ORDER BY district, bvc_name, period
