-- grain: one row per rating item and rater role ('all' pools both roles) over the ratings
-- of visits in scope: mean score and number of ratings. Items of different scales are
-- never averaged together. The sums per role and item come from the per-visit columns of
-- visit_facts (rating_sums), kept per BVC and month (rating_sums_months) and summed
-- (sum_rating_sums).
WITH cells AS (
    SELECT unnest(sum_rating_sums(m), recursive := true)
    FROM rating_sums_months($date_from, $date_to, $districts, $bvcs, $programmes) m
)
SELECT r.item,
       coalesce(r.rater_role, 'all') AS rater_role,
       any_value(c.scale_max) AS scale_max,
       sum(r.total) / sum(r.n) AS mean,
       sum(r.n)::BIGINT AS n
FROM cells r
JOIN ref_codes c ON c.vocabulary = 'rating_item' AND c.code = r.item
GROUP BY GROUPING SETS ((r.item), (r.item, r.rater_role))
HAVING sum(r.n) > 0
ORDER BY r.item, rater_role
