-- grain: one row per BVC and calendar month with visits: how many visits and distinct
-- families, the first and last visit and the visit-level shares of its visits
-- (visit_shares: the same definitions), to be summed over whole months. The default periods are whole months, so
-- most pages read these rows instead of visits.
-- How many distinct families a group of visit_facts rows `v` of one BVC and period holds,
-- the period starting on `period_from`: a family counts at its visit whose previous visit
-- at the BVC is before the period (a plain count instead of a distinct one: 7 times
-- faster at national scale).
CREATE OR REPLACE MACRO families_visited_at_bvc(v, period_from) AS
    count(*) FILTER (WHERE v.previous_visit_at_bvc IS NULL
                     OR v.previous_visit_at_bvc < period_from);

-- The fields of the visit form Datakvalitet counts as empty over a group of visit_facts
-- rows (`v`, as visit_shares): the visits, and per field those where it is empty (NULL).
-- `ratings` is empty for a visit without any rating; `other_parent_present` applies to
-- visits to families not known to be single parents (`other_parent_applies`).
CREATE OR REPLACE MACRO empty_fields(v) AS {
    'visits': count(*),
    'location': count(*) FILTER (WHERE v.location IS NULL),
    'nurse_present': count(*) FILTER (WHERE v.nurse_present IS NULL),
    'parent_supporter_present': count(*) FILTER (WHERE v.parent_supporter_present IS NULL),
    'duration_minutes': count(*) FILTER (WHERE v.duration_minutes IS NULL),
    'mother_present': count(*) FILTER (WHERE v.mother_present IS NULL),
    'other_parent_applies': count(*) FILTER (WHERE v.single_parent IS DISTINCT FROM true),
    'other_parent_present': count(*) FILTER (WHERE v.single_parent IS DISTINCT FROM true
                                             AND v.other_parent_present IS NULL),
    'ratings': count(*) FILTER (WHERE v.rating_count = 0)
};

CREATE OR REPLACE TABLE visit_months AS
SELECT bvc_id,
       any_value(bvc_name) AS bvc_name,
       any_value(district) AS district,
       any_value(programme_id) AS programme_id,
       date_trunc('month', visit_date)::DATE AS month,
       count(*) AS visits,
       families_visited_at_bvc(v, date_trunc('month', visit_date)::DATE) AS families_visited,
       min(visit_date) AS first_visit,
       max(visit_date) AS last_visit,
       visit_shares(v) AS shares
FROM visit_facts v
GROUP BY bvc_id, month
ORDER BY month, bvc_id;

-- grain: one row per BVC and calendar month with visits: the per-visit cells of its
-- visits (a table of its own: one grouping with all of visit_months' aggregates does not
-- fit the memory limit at national scale).
CREATE OR REPLACE TABLE visit_cell_months AS
SELECT bvc_id,
       any_value(bvc_name) AS bvc_name,
       any_value(district) AS district,
       any_value(programme_id) AS programme_id,
       date_trunc('month', visit_date)::DATE AS month,
       empty_fields(v) AS empty,
       rating_score_counts(v) AS rating_scores
FROM visit_facts v
GROUP BY bvc_id, month
ORDER BY month, bvc_id;

-- Whether a period is whole calendar months as far as the export goes: a NULL bound is
-- open, and a last day on or after the export's last visit closes its month.
CREATE OR REPLACE MACRO whole_months(date_from, date_to) AS
    (date_from IS NULL OR day(date_from::DATE) = 1)
    AND (date_to IS NULL OR date_to::DATE = last_day(date_to::DATE)
         OR date_to::DATE >= (SELECT max(visit_date) FROM visit_facts));

-- The share indicators in the order of visit_shares.
CREATE OR REPLACE TABLE visit_share_indicators AS
SELECT unnest(shares).indicator AS indicator, generate_subscripts(shares, 1) AS position
FROM (SELECT visit_shares(v) AS shares FROM visit_facts v WHERE false);

-- The same shares one row per BVC, month and indicator, in month order.
CREATE OR REPLACE TABLE visit_share_rows AS
SELECT bvc_id, bvc_name, district, programme_id, month, unnest(shares, recursive := true)
FROM visit_months
ORDER BY month, bvc_id;

-- The macros that read kept rows come twice. `kept.<name>` reads only the rows kept per
-- month; Database.query resolves macros there first (search_path) when the period is whole
-- months and the as-of date is the reference date, so that the counting branch below is
-- never even planned (planning it costs more than reading the kept rows). `<name>` in
-- main is right for any period, as researchers and the other queries use it.
CREATE SCHEMA IF NOT EXISTS kept;

-- visit_shares of the visits in scope, one row per BVC, month and indicator: from
-- visit_share_rows when the period is whole months, else counted from the visits.
CREATE OR REPLACE MACRO kept.visit_share_months(date_from, date_to, districts, bvcs,
                                                programmes) AS TABLE
    SELECT m.bvc_id, m.bvc_name, m.district, m.programme_id, m.month, m.indicator, m.n,
           m.denominator, m.missing
    FROM visit_share_rows m
    WHERE in_scope(m.month, m.bvc_id, m.district, m.programme_id,
                   date_from, date_to, districts, bvcs, programmes);

CREATE OR REPLACE MACRO visit_share_months(date_from, date_to, districts, bvcs, programmes)
    AS TABLE
    SELECT *
    FROM kept.visit_share_months(date_from, date_to, districts, bvcs, programmes)
    WHERE whole_months(date_from, date_to)
    UNION ALL
    SELECT bvc_id, any_value(bvc_name), any_value(district), any_value(programme_id),
           date_trunc('month', visit_date)::DATE AS month,
           unnest(visit_shares(v), recursive := true)
    FROM visits_in_scope(date_from, date_to, districts, bvcs, programmes) v
    WHERE NOT whole_months(date_from, date_to)
    GROUP BY bvc_id, month;

-- visit_share_months per BVC, period (interval_name, by its first day) and indicator, for
-- visit_shares_by_bvc_and_period.
CREATE OR REPLACE MACRO visit_shares_by_bvc(date_from, date_to, districts, bvcs, programmes,
                                            interval_name) AS TABLE
    SELECT bvc_id,
           any_value(bvc_name) AS bvc_name,
           any_value(district) AS district,
           any_value(programme_id) AS programme_id,
           period_start(month, interval_name) AS period,
           indicator,
           sum(n)::BIGINT AS n,
           sum(denominator)::BIGINT AS denominator,
           sum(missing)::BIGINT AS missing
    FROM visit_share_months(date_from, date_to, districts, bvcs, programmes)
    GROUP BY bvc_id, period, indicator;

-- The cells of the visits in scope, one row per BVC and month: empty fields
-- (empty_fields) and score counts (rating_score_counts, per rater role and item); kept in
-- visit_cell_months when the period is whole months, else counted from the visits. (The
-- rating sums and referral counts are kept as columns: rating_sums_months and
-- referral_counts_months, made in db.py.)
CREATE OR REPLACE MACRO kept.visit_month_cells(date_from, date_to, districts, bvcs,
                                                programmes) AS TABLE
    SELECT m.bvc_id, m.bvc_name, m.district, m.programme_id, m.month, m.empty,
           m.rating_scores
    FROM visit_cell_months m
    WHERE in_scope(m.month, m.bvc_id, m.district, m.programme_id,
                   date_from, date_to, districts, bvcs, programmes);

CREATE OR REPLACE MACRO visit_month_cells(date_from, date_to, districts, bvcs, programmes)
    AS TABLE
    SELECT *
    FROM kept.visit_month_cells(date_from, date_to, districts, bvcs, programmes)
    WHERE whole_months(date_from, date_to)
    UNION ALL
    SELECT bvc_id, any_value(bvc_name), any_value(district), any_value(programme_id),
           date_trunc('month', visit_date)::DATE AS month, empty_fields(v),
           rating_score_counts(v)
    FROM visits_in_scope(date_from, date_to, districts, bvcs, programmes) v
    WHERE NOT whole_months(date_from, date_to)
    GROUP BY bvc_id, month;

-- grain: one row per BVC, calendar month and programme visit with visits: how many, and
-- of those with a birth date how many inside the visit's window (on_time).
CREATE OR REPLACE TABLE visit_number_months AS
SELECT bvc_id, any_value(district) AS district, programme_id,
       date_trunc('month', visit_date)::DATE AS month, visit_number,
       any_value(visit_label) AS label,
       count(*) AS visits,
       count(*) FILTER (WHERE on_time) AS on_time,
       count(child_birth_date) AS with_birth_date
FROM visit_facts
GROUP BY bvc_id, programme_id, month, visit_number
ORDER BY month, bvc_id;

CREATE OR REPLACE MACRO kept.visit_number_months(date_from, date_to, districts, bvcs,
                                                 programmes) AS TABLE
    SELECT m.*
    FROM visit_number_months m
    WHERE in_scope(m.month, m.bvc_id, m.district, m.programme_id,
                   date_from, date_to, districts, bvcs, programmes);

-- The same rows for the visits in scope: kept when the period is whole months, else
-- counted from the visits.
CREATE OR REPLACE MACRO visit_number_months(date_from, date_to, districts, bvcs, programmes)
    AS TABLE
    SELECT *
    FROM kept.visit_number_months(date_from, date_to, districts, bvcs, programmes)
    WHERE whole_months(date_from, date_to)
    UNION ALL
    SELECT bvc_id, any_value(district), programme_id,
           date_trunc('month', visit_date)::DATE AS month, visit_number,
           any_value(visit_label), count(*), count(*) FILTER (WHERE on_time),
           count(child_birth_date)
    FROM visits_in_scope(date_from, date_to, districts, bvcs, programmes)
    WHERE NOT whole_months(date_from, date_to)
    GROUP BY bvc_id, programme_id, month, visit_number;

-- The fields of the visit form in scope, one row per BVC, period (interval_name, by its
-- first day) and field: the visits the field applies to (denominator) and those of them
-- where it is empty (n), summed from visit_month_cells' empty_fields.
CREATE OR REPLACE MACRO field_completeness(date_from, date_to, districts, bvcs, programmes,
                                           interval_name) AS TABLE
    WITH counts AS (
        SELECT bvc_id, any_value(bvc_name) AS bvc_name, any_value(district) AS district,
               period_start(month, interval_name) AS period,
               sum(empty.visits)::BIGINT AS visits,
               sum(empty.location)::BIGINT AS location,
               sum(empty.nurse_present)::BIGINT AS nurse_present,
               sum(empty.parent_supporter_present)::BIGINT AS parent_supporter_present,
               sum(empty.duration_minutes)::BIGINT AS duration_minutes,
               sum(empty.mother_present)::BIGINT AS mother_present,
               sum(empty.other_parent_applies)::BIGINT AS other_parent_applies,
               sum(empty.other_parent_present)::BIGINT AS other_parent_present,
               sum(empty.ratings)::BIGINT AS ratings
        FROM visit_month_cells(date_from, date_to, districts, bvcs, programmes)
        GROUP BY bvc_id, period
    )
    -- unnested in the select list: twice as fast as a lateral join with unnest
    SELECT bvc_id, bvc_name, district, period, unnest([
        {'field': 'location', 'denominator': visits, 'n': location},
        {'field': 'nurse_present', 'denominator': visits, 'n': nurse_present},
        {'field': 'parent_supporter_present', 'denominator': visits,
         'n': parent_supporter_present},
        {'field': 'duration_minutes', 'denominator': visits, 'n': duration_minutes},
        {'field': 'mother_present', 'denominator': visits, 'n': mother_present},
        {'field': 'other_parent_present', 'denominator': other_parent_applies,
         'n': other_parent_present},
        {'field': 'ratings', 'denominator': visits, 'n': ratings}
    ], recursive := true)
    FROM counts;
