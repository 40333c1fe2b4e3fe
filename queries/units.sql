-- grain: one row per valid unit (BVC), with its district, region and programme, for
-- filters and labels.
SELECT u.bvc_id, u.bvc_name, u.district, u.region, u.programme_id, p.name_sv AS programme_sv,
       p.name_en AS programme_en, u.start_date
FROM units u
LEFT JOIN ref_programmes p USING (programme_id)
ORDER BY u.district, u.bvc_name
