-- grain: one row per rating item and rater role ('all' pools both roles) over the ratings
-- of visits in scope: mean score and number of ratings. Items of different scales are
-- never averaged together.
SELECT r.item,
       coalesce(r.rater_role, 'all') AS rater_role,
       any_value(c.scale_max) AS scale_max,
       avg(r.score) AS mean,
       count(*) AS n
FROM ratings r
JOIN visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes) v USING (visit_id)
JOIN ref_codes c ON c.vocabulary = 'rating_item' AND c.code = r.item
GROUP BY GROUPING SETS ((r.item), (r.item, r.rater_role))
ORDER BY r.item, rater_role
