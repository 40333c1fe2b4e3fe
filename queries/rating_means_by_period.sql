-- grain: one row per period ($interval, by its first day), rating item and rater role
-- ('all' pools both roles) over the ratings of visits in scope: mean score and number of
-- ratings.
SELECT period_start(v.visit_date, $interval) AS period,
       r.item,
       coalesce(r.rater_role, 'all') AS rater_role,
       avg(r.score) AS mean,
       count(*) AS n
FROM ratings r
JOIN visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes) v USING (visit_id)
GROUP BY GROUPING SETS ((period, r.item), (period, r.item, r.rater_role))
ORDER BY period, r.item, rater_role
