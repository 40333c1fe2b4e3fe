-- grain: one row per valid family, with its unit's district and programme and the
-- number of visits in that programme.
CREATE OR REPLACE TABLE family_facts AS
SELECT
    f.*,
    u.bvc_name,
    u.district,
    u.programme_id,
    p.programme_visits
FROM families f
JOIN units u USING (bvc_id)
LEFT JOIN (SELECT programme_id, max(visit_number) AS programme_visits
           FROM programmes GROUP BY programme_id) p USING (programme_id);
