-- grain: one row per BVC and birth cohort ($cohort: 'half_year' or 'year', by its first
-- day) of the families in scope: the counts of reach_by_district_and_cohort per BVC.
-- Räckvidd with BVCs or a programme chosen shows each district's part, summed from these
-- and hidden where one of its BVCs is hidden over every unit (series.share_parts).
SELECT f.bvc_id,
       any_value(u.bvc_name) AS bvc_name,
       any_value(f.district) AS district,
       period_start(f.month, $cohort) AS cohort,
       unnest(sum_family_counts(f))
FROM family_counts($date_from, $date_to, $districts, $bvcs, $programmes, $as_of) f
JOIN units u USING (bvc_id)
GROUP BY f.bvc_id, cohort
ORDER BY f.bvc_id, cohort
