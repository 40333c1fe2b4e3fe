-- grain: one row per visit-level share indicator (home_share, both_professions_share, …)
-- over the visits in scope: n, denominator (N) and missing (visit_share_months: from the
-- monthly rows when the period is whole months). Every indicator has a row, in the
-- order of visit_shares, also when no visit is in scope.
WITH sums AS (
    SELECT indicator, sum(n) AS n, sum(denominator) AS denominator, sum(missing) AS missing
    FROM visit_share_months($date_from, $date_to, $districts, $bvcs, $programmes)
    GROUP BY indicator
),
every AS (SELECT * FROM visit_share_indicators)
SELECT e.indicator,
       coalesce(s.n, 0)::BIGINT AS n,
       coalesce(s.denominator, 0)::BIGINT AS denominator,
       coalesce(s.missing, 0)::BIGINT AS missing
FROM every e
LEFT JOIN sums s USING (indicator)
ORDER BY e.position
