-- grain: one row per BVC and period ($interval: 'month', 'quarter' or 'year', by its first
-- day) with visits in scope, of one visit-level share indicator ($indicator): n,
-- denominator (N) and missing, visit_shares_by_bvc_and_period's rows of that indicator.
-- What a page needs of every BVC to hide one indicator over time (a twelfth the rows).
SELECT *
FROM visit_shares_by_bvc($date_from, $date_to, $districts, $bvcs, $programmes, $interval)
WHERE indicator = $indicator
ORDER BY period, bvc_id
