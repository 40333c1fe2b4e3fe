-- grain: one row per rating item, rater role and score given to visits in scope: how many
-- ratings gave that score (the distribution behind rating_means).
SELECT r.item,
       r.rater_role,
       c.scale_max,
       r.score,
       count(*) AS ratings
FROM ratings r
JOIN visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes) v USING (visit_id)
JOIN ref_codes c ON c.vocabulary = 'rating_item' AND c.code = r.item
GROUP BY ALL
ORDER BY r.item, r.rater_role, r.score
