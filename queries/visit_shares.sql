-- grain: one row per visit-level share indicator (home_share, both_professions_share, …)
-- over the visits in scope: n, denominator (N) and missing.
SELECT unnest(visit_shares(v), recursive := true)
FROM visits_in_scope($date_from, $date_to, $districts, $bvcs, $programmes) v
