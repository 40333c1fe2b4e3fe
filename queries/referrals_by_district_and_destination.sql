-- grain: one row per district and referral destination with referrals from visits in
-- scope (the visit's unit gives the district): the destination's group and the count.
SELECT v.district,
       r.destination,
       d.code_group AS destination_group,
       count(*) AS referrals
FROM referrals r
JOIN visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes) v USING (visit_id)
JOIN ref_codes d ON d.vocabulary = 'destination' AND d.code = r.destination
GROUP BY ALL
ORDER BY v.district, destination_group, r.destination
