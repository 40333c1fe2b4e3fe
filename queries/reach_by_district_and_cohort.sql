-- grain: one row per district and birth cohort ($cohort: 'half_year' or 'year', by its
-- first day) of the families in scope: families, offered, accepted (of offered with a
-- known answer; unknown answers are missing), started (had visit 1) and completed (as in
-- completed_share: n of the eligible N). Summed from family_counts (per BVC and birth
-- month; family_progress says what each count is).
SELECT district,
       period_start(month, $cohort) AS cohort,
       sum(families)::BIGINT AS families,
       sum(offered)::BIGINT AS offered,
       sum(accepted)::BIGINT AS accepted,
       sum(answered)::BIGINT AS answered,
       sum(answer_missing)::BIGINT AS answer_missing,
       sum(started)::BIGINT AS started,
       sum(completed)::BIGINT AS completed,
       sum(completion_eligible)::BIGINT AS completion_eligible
FROM family_counts($date_from, $date_to, $districts, $bvcs, $programmes, $as_of)
GROUP BY ALL
ORDER BY district, cohort
