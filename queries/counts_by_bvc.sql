-- grain: one row per BVC in scope with visits in the period or families whose child was
-- born in it: its visits and distinct families visited there (a family counts at its
-- first visit at the BVC in the period), and its families' reach and completion at the
-- as-of date (family_counts, as reach_shares and completed_share count them). What
-- Översikt's tiles add up for a selection of units; hidden per BVC and per district over
-- every unit (dashboard/selection.py), so that a filtered page's tile never gives back
-- a BVC the page of every unit hides.
WITH visited AS (
    SELECT bvc_id,
           any_value(district) AS district,
           any_value(programme_id) AS programme_id,
           count(*) AS visits,
           families_visited_at_bvc(v, coalesce($date_from, DATE '0001-01-01'))
               AS families_visited
    FROM visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes) v
    GROUP BY bvc_id
),
born AS (
    SELECT f.bvc_id, any_value(f.district) AS district,
           any_value(f.programme_id) AS programme_id, unnest(sum_family_counts(f))
    FROM family_counts($date_from, $date_to, $districts, $bvcs, $programmes, $as_of) f
    GROUP BY f.bvc_id
)
SELECT bvc_id,
       coalesce(v.district, b.district) AS district,
       coalesce(v.programme_id, b.programme_id) AS programme_id,
       coalesce(v.visits, 0) AS visits,
       coalesce(v.families_visited, 0) AS families_visited,
       coalesce(b.families, 0) AS families,
       coalesce(b.offered, 0) AS offered,
       coalesce(b.accepted, 0) AS accepted,
       coalesce(b.answered, 0) AS answered,
       coalesce(b.answer_missing, 0) AS answer_missing,
       coalesce(b.completed, 0) AS completed,
       coalesce(b.completion_eligible, 0) AS completion_eligible
FROM visited v
FULL JOIN born b USING (bvc_id)
ORDER BY bvc_id
