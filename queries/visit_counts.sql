-- grain: one row: the number of visits and of distinct families visited in scope. A
-- family of one BVC counts at its first visit in the period (family_counted_before, in
-- visit_facts); families visited at several BVCs, few, are counted distinct
-- (several_bvc_visits).
SELECT count(*) AS visits,
       count(*) FILTER (WHERE v.family_counted_before
                              < coalesce($date_from, DATE '0001-01-02'))
       + (SELECT count(DISTINCT s.family_number)
          FROM several_bvc_visits s
          WHERE in_scope(s.visit_date, s.bvc_id, s.district, s.programme_id,
                         $date_from, $date_to, $districts, $bvcs, $programmes))
           AS families_visited
FROM visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes) v
