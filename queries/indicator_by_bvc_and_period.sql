-- grain: one row per BVC and period ($interval: 'month', 'quarter' or 'year', by its first
-- day) with visits in scope, of one visit-level share indicator ($indicator): n,
-- denominator (N) and missing, visit_shares_by_bvc_and_period's rows of that indicator.
-- What a page needs of every BVC to hide one indicator over time (a twelfth the rows).
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
WHERE indicator = $indicator
GROUP BY bvc_id, period, indicator
ORDER BY period, bvc_id
