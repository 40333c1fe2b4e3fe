-- grain: one row per BVC, period ($interval) and field of the visit form: the visits the
-- field applies to (denominator) and those of them where it is empty (n); empty_fields
-- (queries/model/visit_months.sql) says what empty is for each field. Counted per BVC and
-- month (kept in visit_months over whole months), summed per period, then one row per
-- field.
WITH counts AS (
    SELECT bvc_id, any_value(bvc_name) AS bvc_name, any_value(district) AS district,
           period_start(month, $interval) AS period,
           sum(empty.visits)::BIGINT AS visits,
           sum(empty.location)::BIGINT AS location,
           sum(empty.nurse_present)::BIGINT AS nurse_present,
           sum(empty.parent_supporter_present)::BIGINT AS parent_supporter_present,
           sum(empty.duration_minutes)::BIGINT AS duration_minutes,
           sum(empty.mother_present)::BIGINT AS mother_present,
           sum(empty.other_parent_applies)::BIGINT AS other_parent_applies,
           sum(empty.other_parent_present)::BIGINT AS other_parent_present,
           sum(empty.ratings)::BIGINT AS ratings
    FROM visit_month_cells($date_from, $date_to, $districts, $bvcs, $programmes)
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
