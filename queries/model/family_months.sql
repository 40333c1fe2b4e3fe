-- The family indicators at the export's reference date, the as-of date every page uses
-- unless one is chosen: counted once per BVC and birth month, to be summed over whole
-- months, as visit_months does for visits. Another as-of date, or a period that is not
-- whole months of births, counts from the families (family_progress, retention_steps,
-- due_families_at in scope_macros.sql: the definitions).

-- Whether the as-of date is the one the rows below were counted for.
CREATE OR REPLACE MACRO at_reference(as_of) AS
    as_of::DATE = reference_date();

-- Whether a period is whole months of births: as whole_months, with the last birth.
CREATE OR REPLACE MACRO whole_birth_months(date_from, date_to) AS
    (date_from IS NULL OR day(date_from::DATE) = 1)
    AND (date_to IS NULL OR date_to::DATE = last_day(date_to::DATE)
         OR date_to::DATE >= (SELECT max(child_birth_date) FROM family_facts));

-- grain: one row per BVC and birth month: the families and their reach and completion at
-- the reference date (the counts of reach_by_district_and_cohort).
CREATE OR REPLACE TABLE family_months AS
SELECT bvc_id,
       any_value(district) AS district,
       any_value(programme_id) AS programme_id,
       date_trunc('month', child_birth_date)::DATE AS month,
       count(*) AS families,
       count(*) FILTER (WHERE offered_date IS NOT NULL) AS offered,
       count(*) FILTER (WHERE offered_date IS NOT NULL AND declined = false) AS accepted,
       count(*) FILTER (WHERE offered_date IS NOT NULL AND declined IS NOT NULL) AS answered,
       count(*) FILTER (WHERE offered_date IS NOT NULL AND declined IS NULL) AS answer_missing,
       count(*) FILTER (WHERE started) AS started,
       count(*) FILTER (WHERE completion_eligible AND completed_all) AS completed,
       count(*) FILTER (WHERE completion_eligible) AS completion_eligible
FROM family_progress(NULL, NULL, [], [], [], reference_date())
GROUP BY bvc_id, month
ORDER BY month, bvc_id;

-- The counts of family_counts summed over its rows `f` (a struct: unnest it into columns),
-- for the queries that sum them at one grain or another.
CREATE OR REPLACE MACRO sum_family_counts(f) AS {
    'families': sum(f.families)::BIGINT,
    'offered': sum(f.offered)::BIGINT,
    'accepted': sum(f.accepted)::BIGINT,
    'answered': sum(f.answered)::BIGINT,
    'answer_missing': sum(f.answer_missing)::BIGINT,
    'started': sum(f.started)::BIGINT,
    'completed': sum(f.completed)::BIGINT,
    'completion_eligible': sum(f.completion_eligible)::BIGINT
};

-- The same counts for the families in scope at the as-of date, per BVC and birth month
-- (kept.<name>: only the kept rows, as in visit_months.sql).
CREATE OR REPLACE MACRO kept.family_counts(date_from, date_to, districts, bvcs, programmes,
                                           as_of) AS TABLE
    SELECT m.* EXCLUDE (month), m.month
    FROM family_months m
    WHERE in_scope(m.month, m.bvc_id, m.district, m.programme_id,
                   date_from, date_to, districts, bvcs, programmes);

CREATE OR REPLACE MACRO family_counts(date_from, date_to, districts, bvcs, programmes, as_of)
    AS TABLE
    SELECT *
    FROM kept.family_counts(date_from, date_to, districts, bvcs, programmes, as_of)
    WHERE at_reference(as_of) AND whole_birth_months(date_from, date_to)
    UNION ALL
    SELECT bvc_id, any_value(district), any_value(programme_id),
           count(*),
           count(*) FILTER (WHERE offered_date IS NOT NULL),
           count(*) FILTER (WHERE offered_date IS NOT NULL AND declined = false),
           count(*) FILTER (WHERE offered_date IS NOT NULL AND declined IS NOT NULL),
           count(*) FILTER (WHERE offered_date IS NOT NULL AND declined IS NULL),
           count(*) FILTER (WHERE started),
           count(*) FILTER (WHERE completion_eligible AND completed_all),
           count(*) FILTER (WHERE completion_eligible),
           date_trunc('month', child_birth_date)::DATE AS month
    FROM family_progress(date_from, date_to, districts, bvcs, programmes, as_of)
    WHERE NOT (at_reference(as_of) AND whole_birth_months(date_from, date_to))
    GROUP BY bvc_id, month;

-- grain: one row per BVC, birth month and programme visit k: the retention_steps rows at
-- the reference date (N) and those that had visit k (n).
CREATE OR REPLACE TABLE retention_months AS
SELECT bvc_id, any_value(district) AS district, programme_id,
       date_trunc('month', child_birth_date)::DATE AS month,
       visit_number, any_value(label) AS label,
       count(*) FILTER (WHERE had_visit) AS n,
       count(*) AS denominator
FROM retention_steps(NULL, NULL, [], [], [], reference_date())
GROUP BY bvc_id, programme_id, month, visit_number
ORDER BY month, bvc_id;

-- retention_steps of the families in scope counted per BVC, birth month and visit number.
CREATE OR REPLACE MACRO kept.retention_counts(date_from, date_to, districts, bvcs,
                                              programmes, as_of) AS TABLE
    SELECT m.bvc_id, m.district, m.programme_id, m.month, m.visit_number, m.label, m.n,
           m.denominator
    FROM retention_months m
    WHERE in_scope(m.month, m.bvc_id, m.district, m.programme_id,
                   date_from, date_to, districts, bvcs, programmes);

CREATE OR REPLACE MACRO retention_counts(date_from, date_to, districts, bvcs, programmes,
                                         as_of) AS TABLE
    SELECT *
    FROM kept.retention_counts(date_from, date_to, districts, bvcs, programmes, as_of)
    WHERE at_reference(as_of) AND whole_birth_months(date_from, date_to)
    UNION ALL
    SELECT bvc_id, any_value(district), programme_id,
           date_trunc('month', child_birth_date)::DATE AS month,
           visit_number, any_value(label),
           count(*) FILTER (WHERE had_visit),
           count(*)
    FROM retention_steps(date_from, date_to, districts, bvcs, programmes, as_of)
    WHERE NOT (at_reference(as_of) AND whole_birth_months(date_from, date_to))
    GROUP BY bvc_id, programme_id, month, visit_number;

-- The due list of every family at the reference date (with the birth date the period
-- filters on), kept so that the list and its counts only filter it.
CREATE OR REPLACE TABLE due_at_reference AS
SELECT d.*, f.child_birth_date
FROM due_families_at(NULL, NULL, [], [], [], reference_date(),
                     NULL) d
JOIN family_facts f USING (family_id)
ORDER BY d.bvc_id;

-- The due list's rows (queries/due_list.sql says what they are) for the families in scope.
CREATE OR REPLACE MACRO kept.due_families(date_from, date_to, districts, bvcs, programmes,
                                          as_of, scope_bvcs) AS TABLE
    SELECT d.* EXCLUDE (child_birth_date)
    FROM due_at_reference d
    WHERE in_scope(d.child_birth_date, d.bvc_id, d.district, d.programme_id,
                   date_from, date_to, districts, bvcs, programmes)
      AND (scope_bvcs IS NULL OR list_contains(scope_bvcs::VARCHAR[], d.bvc_id));

CREATE OR REPLACE MACRO due_families(date_from, date_to, districts, bvcs, programmes, as_of,
                                     scope_bvcs) AS TABLE
    SELECT *
    FROM kept.due_families(date_from, date_to, districts, bvcs, programmes, as_of, scope_bvcs)
    WHERE at_reference(as_of)
    UNION ALL
    SELECT *
    FROM due_families_at(date_from, date_to, districts, bvcs, programmes, as_of, scope_bvcs)
    WHERE NOT at_reference(as_of);
