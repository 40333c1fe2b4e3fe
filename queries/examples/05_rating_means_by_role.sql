-- Skattningar: medelvärde per fråga och roll | Ratings: mean per item and rater role
SELECT r.item,
       r.rater_role,
       c.scale_max,
       round(avg(r.score), 2) AS mean,
       count(*) AS n
FROM ratings r
JOIN ref_codes c ON c.vocabulary = 'rating_item' AND c.code = r.item
GROUP BY ALL
ORDER BY r.item, r.rater_role
