-- grain: one row per period ($interval: 'month', 'quarter' or 'year', by its first day) of
-- the children's births in scope: the families and their reach and completion at the
-- as-of date (family_counts summed: what reach_shares and completed_share are made of).
SELECT period_start(month, $interval) AS period,
       sum(families)::BIGINT AS families,
       sum(offered)::BIGINT AS offered,
       sum(accepted)::BIGINT AS accepted,
       sum(answered)::BIGINT AS answered,
       sum(answer_missing)::BIGINT AS answer_missing,
       sum(started)::BIGINT AS started,
       sum(completed)::BIGINT AS completed,
       sum(completion_eligible)::BIGINT AS completion_eligible
FROM family_counts($date_from, $date_to, $districts, $bvcs, $programmes, $as_of)
GROUP BY period
ORDER BY period
