-- grain: one row per BVC, period ($interval) and field of the visit form: the visits the
-- field applies to (denominator) and those of them where it is empty (n); empty_fields
-- (queries/model/visit_months.sql) says what empty is for each field. Counted per BVC and
-- month (kept in visit_cell_months over whole months), summed per period, one row per
-- field (field_completeness).
SELECT *
FROM field_completeness($date_from, $date_to, $districts, $bvcs, $programmes, $interval)
ORDER BY district, bvc_name, period, field
