-- grain: one row per BVC, period ($interval: 'month', 'quarter' or 'year', by its first
-- day) and visit-level share indicator with visits in scope: n, denominator (N) and
-- missing. Shares of districts and of all units are sums of these rows
-- (visit_share_months: from the monthly rows when the period is whole months).
SELECT bvc_id,
       any_value(bvc_name) AS bvc_name,
       any_value(district) AS district,
       any_value(programme_id) AS programme_id,
       period_start(month, $interval) AS period,
       indicator,
       sum(n)::BIGINT AS n,
       sum(denominator)::BIGINT AS denominator,
       sum(missing)::BIGINT AS missing
FROM visit_share_months($date_from, $date_to, $districts, $bvcs, $programmes)
GROUP BY bvc_id, period, indicator
ORDER BY period, bvc_id
