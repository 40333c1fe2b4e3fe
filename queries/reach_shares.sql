-- grain: one row per reach indicator over the families in scope (cohort by birth date):
-- offered_share (offered / families) and accepted_share (offered and not declined /
-- offered; a null `declined` is missing).
WITH f AS (
    SELECT * FROM families_in_scope($date_from, $date_to, $districts, $bvcs, $programmes)
)
SELECT unnest([
    share('offered_share',
          count(*) FILTER (WHERE offered_date IS NOT NULL), count(*), 0),
    share('accepted_share',
          count(*) FILTER (WHERE offered_date IS NOT NULL AND declined = false),
          count(*) FILTER (WHERE offered_date IS NOT NULL AND declined IS NOT NULL),
          count(*) FILTER (WHERE offered_date IS NOT NULL AND declined IS NULL))
], recursive := true)
FROM f
