-- grain: one row per BVC, period ($interval: 'month', 'quarter' or 'year', by its first
-- day) and visit-level share indicator with visits in scope: n, denominator (N) and
-- missing. Shares of districts and of all units are sums of these rows
-- (visit_share_months: from the monthly rows when the period is whole months).
SELECT *
FROM visit_shares_by_bvc($date_from, $date_to, $districts, $bvcs, $programmes, $interval)
ORDER BY period, bvc_id
