-- grain: one row per period ($interval: 'month', 'quarter' or 'year', by its first day)
-- and visit-level share indicator over all visits in scope: n, denominator (N) and
-- missing. The sums of visit_shares_by_bvc_and_period's rows, for trends of all units.
SELECT period_start(month, $interval) AS period,
       indicator,
       sum(n)::BIGINT AS n,
       sum(denominator)::BIGINT AS denominator,
       sum(missing)::BIGINT AS missing
FROM visit_share_months($date_from, $date_to, $districts, $bvcs, $programmes)
GROUP BY period, indicator
ORDER BY period, indicator
