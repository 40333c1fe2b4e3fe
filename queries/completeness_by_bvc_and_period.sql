-- grain: one row per BVC, period ($interval) and field of the visit form: the visits the
-- field applies to (denominator) and those of them where it is empty (n). `ratings` is
-- empty for a visit without any rating; `other_parent_present` applies to visits to
-- families not known to be single parents. Counted per BVC and period first, then one
-- row per field.
WITH counts AS (
    SELECT bvc_id, any_value(bvc_name) AS bvc_name, any_value(district) AS district,
           period_start(visit_date, $interval) AS period,
           count(*) AS visits,
           count(*) FILTER (WHERE location IS NULL) AS location,
           count(*) FILTER (WHERE nurse_present IS NULL) AS nurse_present,
           count(*) FILTER (WHERE parent_supporter_present IS NULL) AS parent_supporter_present,
           count(*) FILTER (WHERE duration_minutes IS NULL) AS duration_minutes,
           count(*) FILTER (WHERE mother_present IS NULL) AS mother_present,
           count(*) FILTER (WHERE single_parent IS DISTINCT FROM true) AS other_parent_applies,
           count(*) FILTER (WHERE single_parent IS DISTINCT FROM true
                            AND other_parent_present IS NULL) AS other_parent_present,
           count(*) FILTER (WHERE rating_count = 0) AS ratings
    FROM visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes)
    GROUP BY bvc_id, period
)
SELECT bvc_id, bvc_name, district, period, f.field, f.denominator, f.n
FROM counts, unnest([
    {'field': 'location', 'denominator': visits, 'n': location},
    {'field': 'nurse_present', 'denominator': visits, 'n': nurse_present},
    {'field': 'parent_supporter_present', 'denominator': visits, 'n': parent_supporter_present},
    {'field': 'duration_minutes', 'denominator': visits, 'n': duration_minutes},
    {'field': 'mother_present', 'denominator': visits, 'n': mother_present},
    {'field': 'other_parent_present', 'denominator': other_parent_applies,
     'n': other_parent_present},
    {'field': 'ratings', 'denominator': visits, 'n': ratings}
]) AS u(f)
ORDER BY district, bvc_name, period, f.field
