-- Hänvisningar per mål och grupp | Referrals per destination and group
SELECT c.code_group AS destination_group,
       r.destination,
       c.label_sv,
       count(*) AS referrals,
       count(DISTINCT r.visit_id) AS visits
FROM referrals r
JOIN ref_codes c ON c.vocabulary = 'destination' AND c.code = r.destination
GROUP BY ALL
ORDER BY referrals DESC
