-- grain: one row per rating item, rater role and score given to visits in scope: how many
-- ratings gave that score (the distribution behind rating_means; from the per-visit
-- columns, rating_histograms: per role and item, a map from score to count, kept per BVC
-- and month in visit_month_cells).
WITH cells AS (
    SELECT unnest(rating_scores, recursive := true)
    FROM visit_month_cells($date_from, $date_to, $districts, $bvcs, $programmes)
),
scores AS (
    SELECT item, rater_role, unnest(map_entries(scores), recursive := true)
    FROM cells
)
SELECT s.item,
       s.rater_role,
       any_value(c.scale_max) AS scale_max,
       s.key::BIGINT AS score,
       sum(s.value)::BIGINT AS ratings
FROM scores s
JOIN ref_codes c ON c.vocabulary = 'rating_item' AND c.code = s.item
GROUP BY s.item, s.rater_role, score
ORDER BY s.item, s.rater_role, score
