-- Familjer som erbjudits men inte fått något besök, per BVC | Families offered but never visited, per BVC
SELECT f.district,
       f.bvc_name,
       count(*) AS families
FROM family_facts f
WHERE f.offered_date IS NOT NULL
  AND NOT coalesce(f.declined, false)
  AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.family_id = f.family_id)
GROUP BY ALL
ORDER BY families DESC
