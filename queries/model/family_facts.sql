-- grain: one row per valid family, with its unit's district and programme, the number of
-- visits in that programme and its visits as a list of {n: visit number, d: date} in
-- order (`visit_history`), so that progress up to any as-of date is read from the family's
-- row instead of grouping every visit at every query.
CREATE OR REPLACE TABLE family_facts AS
SELECT
    f.*,
    u.bvc_name,
    u.district,
    u.programme_id,
    p.programme_visits,
    coalesce(h.visit_history, []) AS visit_history
FROM families f
JOIN units u USING (bvc_id)
LEFT JOIN (SELECT programme_id, max(visit_number) AS programme_visits
           FROM programmes GROUP BY programme_id) p USING (programme_id)
LEFT JOIN (SELECT family_id,
                  list({'n': visit_number, 'd': visit_date} ORDER BY visit_date, visit_number)
                      AS visit_history
           FROM visits GROUP BY family_id) h USING (family_id);

-- The visits of a family's history made up to the as-of date.
CREATE OR REPLACE MACRO visits_by(history, as_of) AS
    list_filter(history, lambda x: x.d <= as_of);

-- Whether a family's history has visit number k up to the as-of date.
CREATE OR REPLACE MACRO had_visit_by(history, k, as_of) AS
    len(list_filter(history, lambda x: x.n = k AND x.d <= as_of)) > 0;
