-- grain: one row per programme and visit number: the visit's age label, target age,
-- window (days after birth, inclusive), planned place, planned professions and expected
-- length; with the programme's names.
SELECT p.programme_id, n.name_sv, n.name_en, p.visit_number, p.label, p.target_age_days,
       p.window_start_days, p.window_end_days, p.location, p.professions, p.expected_minutes
FROM programmes p
JOIN ref_programmes n USING (programme_id)
ORDER BY p.programme_id, p.visit_number
