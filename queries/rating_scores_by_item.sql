-- grain: one row per rating item, rater role and score given to visits in scope: how many
-- ratings gave that score (the distribution behind rating_means). From the per-visit
-- columns: rating_score_counts, per role and item a list whose element k counts score k,
-- kept per BVC and month in visit_month_cells and summed with sum_score_counts.
WITH cells AS (
    SELECT unnest(rating_scores, recursive := true)
    FROM visit_month_cells($date_from, $date_to, $districts, $bvcs, $programmes)
),
summed AS (
    SELECT item, rater_role, sum_score_counts(ratings) AS ratings
    FROM cells
    GROUP BY item, rater_role
),
scores AS (
    SELECT item, rater_role, unnest(range(1, len(ratings) + 1)) AS score,
           unnest(ratings) AS ratings
    FROM summed
)
SELECT s.item,
       s.rater_role,
       c.scale_max,
       s.score::BIGINT AS score,
       s.ratings
FROM scores s
JOIN ref_codes c ON c.vocabulary = 'rating_item' AND c.code = s.item
WHERE s.ratings > 0
ORDER BY s.item, s.rater_role, s.score
