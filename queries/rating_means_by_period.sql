-- grain: one row per period ($interval, by its first day), rating item and rater role
-- ('all' pools both roles) over the ratings of visits in scope: mean score and number of
-- ratings (from the sums per BVC and month, as rating_means).
WITH cells AS (
    SELECT period_start(m.month, $interval) AS period,
           unnest(sum_rating_sums(m), recursive := true)
    FROM rating_sums_months($date_from, $date_to, $districts, $bvcs, $programmes) m
    GROUP BY period
)
SELECT period,
       r.item,
       coalesce(r.rater_role, 'all') AS rater_role,
       sum(r.total) / sum(r.n) AS mean,
       sum(r.n)::BIGINT AS n
FROM cells r
GROUP BY GROUPING SETS ((period, r.item), (period, r.item, r.rater_role))
HAVING sum(r.n) > 0
ORDER BY period, r.item, rater_role
