-- grain: one row per BVC, period ($interval) and field of the visit form: the visits the
-- field applies to (denominator) and those of them where it is empty (n). `ratings` is empty for a visit without any
-- rating; `other_parent_present` applies to visits to families not known to be single
-- parents.
WITH v AS (
    SELECT v.*, v.rating_count > 0 AS rated
    FROM visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes) v
),
fields AS (
    SELECT bvc_id, bvc_name, district, period_start(visit_date, $interval) AS period,
           unnest([
               {'field': 'location', 'applies': true, 'empty': location IS NULL},
               {'field': 'nurse_present', 'applies': true, 'empty': nurse_present IS NULL},
               {'field': 'parent_supporter_present', 'applies': true,
                'empty': parent_supporter_present IS NULL},
               {'field': 'duration_minutes', 'applies': true, 'empty': duration_minutes IS NULL},
               {'field': 'mother_present', 'applies': true, 'empty': mother_present IS NULL},
               {'field': 'other_parent_present', 'applies': single_parent IS DISTINCT FROM true,
                'empty': other_parent_present IS NULL},
               {'field': 'ratings', 'applies': true, 'empty': NOT rated}
           ], recursive := true)
    FROM v
)
SELECT bvc_id, bvc_name, district, period, field,
       count(*) FILTER (WHERE applies) AS denominator,
       count(*) FILTER (WHERE applies AND empty) AS n
FROM fields
GROUP BY ALL
ORDER BY district, bvc_name, period, field
