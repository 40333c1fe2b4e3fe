-- grain: one row per district, period ($interval: 'month', 'quarter' or 'year', by its
-- first day) and visit-level share indicator with visits in scope: n, denominator (N) and
-- missing, the sums of visit_shares_by_bvc_and_period's rows. What a page needs of every
-- unit to hide districts (the BVCs of all districts are a hundred times as many rows),
-- read from visit_share_district_rows for whole months.
SELECT district,
       period_start(month, $interval) AS period,
       indicator,
       sum(n)::BIGINT AS n,
       sum(denominator)::BIGINT AS denominator,
       sum(missing)::BIGINT AS missing
FROM visit_share_district_months($date_from, $date_to, $districts, $bvcs, $programmes)
GROUP BY district, period, indicator
ORDER BY period, district
