-- grain: one row per reach indicator over the families in scope (cohort by birth date):
-- offered_share (offered / families) and accepted_share (offered and not declined /
-- offered; a null `declined` is missing). Summed from family_counts.
SELECT unnest([
    share('offered_share', coalesce(sum(offered), 0), coalesce(sum(families), 0), 0),
    share('accepted_share', coalesce(sum(accepted), 0), coalesce(sum(answered), 0),
          coalesce(sum(answer_missing), 0))
], recursive := true)
FROM family_counts($date_from, $date_to, $districts, $bvcs, $programmes, $as_of)
