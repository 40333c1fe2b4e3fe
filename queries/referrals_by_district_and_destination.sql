-- grain: one row per district and referral destination with referrals from visits in
-- scope (the visit's unit gives the district): the destination's group and the count.
-- A destination occurs at most once per visit, so referrals to it = visits with its bit
-- (referral_counts, over visit_facts.referral_destinations, kept per BVC and month in
-- referral_counts_months, summed per district with sum_referral_counts).
WITH cells AS (
    SELECT m.district, unnest(sum_referral_counts(m), recursive := true)
    FROM referral_counts_months($date_from, $date_to, $districts, $bvcs, $programmes) m
    GROUP BY m.district
)
SELECT c.district,
       c.destination,
       d.code_group AS destination_group,
       c.referrals
FROM cells c
JOIN ref_codes d ON d.vocabulary = 'destination' AND d.code = c.destination
WHERE c.referrals > 0
ORDER BY c.district, destination_group, c.destination
