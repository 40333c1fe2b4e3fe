-- grain: one row per district and birth cohort ($cohort: 'half_year' or 'year', by its
-- first day) of the families in scope: families, offered, accepted (of offered with a
-- known answer; unknown answers are missing), started (had visit 1) and completed (as in
-- completed_share: n of the eligible N). Summed from family_counts (per BVC and birth
-- month; family_progress says what each count is; sum_family_counts).
SELECT f.district,
       period_start(f.month, $cohort) AS cohort,
       unnest(sum_family_counts(f))
FROM family_counts($date_from, $date_to, $districts, $bvcs, $programmes, $as_of) f
GROUP BY f.district, cohort
ORDER BY f.district, cohort
