-- grain: one row per period ($interval: 'month', 'quarter' or 'year', by its first day) of
-- the children's births in scope: the families and their reach and completion at the
-- as-of date (family_counts summed: what reach_shares and completed_share are made of).
SELECT period_start(f.month, $interval) AS period,
       unnest(sum_family_counts(f))
FROM family_counts($date_from, $date_to, $districts, $bvcs, $programmes, $as_of) f
GROUP BY period
ORDER BY period
