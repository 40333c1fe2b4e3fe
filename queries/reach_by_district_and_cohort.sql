-- grain: one row per district and birth cohort ($cohort: 'half_year' or 'year', by its
-- first day) of the families in scope: families, offered, accepted (of offered with a
-- known answer; unknown answers are missing), started (had visit 1) and completed (as in
-- completed_share: n of the eligible N).
SELECT district,
       period_start(child_birth_date, $cohort) AS cohort,
       count(*) AS families,
       count(*) FILTER (WHERE offered_date IS NOT NULL) AS offered,
       count(*) FILTER (WHERE offered_date IS NOT NULL AND declined = false) AS accepted,
       count(*) FILTER (WHERE offered_date IS NOT NULL AND declined IS NOT NULL) AS answered,
       count(*) FILTER (WHERE offered_date IS NOT NULL AND declined IS NULL) AS answer_missing,
       count(*) FILTER (WHERE started) AS started,
       count(*) FILTER (WHERE completion_eligible AND completed_all) AS completed,
       count(*) FILTER (WHERE completion_eligible) AS completion_eligible
FROM family_progress($date_from, $date_to, $districts, $bvcs, $programmes, $as_of)
GROUP BY ALL
ORDER BY district, cohort
