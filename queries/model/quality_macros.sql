-- Plausibility checks of Datakvalitet, written once for the rows and the counts: one row
-- per visit in the filters' scope and check it fails (a visit may fail several). None of
-- them quarantines a row:
--   long_visit      duration more than twice the programme's expected length
--   short_visit     duration less than a fifth of it (15 of 75 minutes)
--   out_of_window   more than 30 days before the visit's window opens or more than 60 days
--                   after it closes (the due list's "missed"); the newborn visit's window
--                   is 0 … 28 days
--   out_of_order    dated before a lower visit number of the same family
--   repeated_number the family has this visit number more than once
--   several_bvcs    the family's visits were made at more than one BVC
-- The checks need every visit of a family (windows over the whole table), whatever the
-- filters: they are made once, here, for every visit, and kept for the flagged ones. The
-- windows read only numbers and dates (a family by its number, a visit by its row), and
-- the flagged visits, few, fetch their names afterwards: three times faster at national
-- scale than carrying the names through both windows.
CREATE OR REPLACE TABLE visit_checks AS
WITH w AS (
    SELECT v.rowid AS visit_row,
           v.visit_date, v.duration_minutes, v.expected_minutes,
           v.child_birth_date + CASE WHEN v.is_newborn THEN 0 ELSE p.window_start_days END
               AS window_opens,
           v.child_birth_date + CASE WHEN v.is_newborn THEN 28 ELSE p.window_end_days END
               AS window_closes,
           max(v.visit_date) OVER (PARTITION BY v.family_number ORDER BY v.visit_number
                                   RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
               AS latest_earlier_number,
           count(*) OVER (PARTITION BY v.family_number ORDER BY v.visit_number
                          RANGE BETWEEN CURRENT ROW AND CURRENT ROW) AS same_number,
           v.one_bvc_family
    FROM visit_facts v
    JOIN programmes p ON p.programme_id = v.programme_id AND p.visit_number = v.visit_number
),
checked AS (
    SELECT visit_row, window_opens, window_closes,
           list_filter([
        CASE WHEN duration_minutes > 2 * expected_minutes THEN 'long_visit' END,
        CASE WHEN duration_minutes * 5 < expected_minutes THEN 'short_visit' END,
        CASE WHEN visit_date < window_opens - 30 OR visit_date > window_closes + 60
             THEN 'out_of_window' END,
        CASE WHEN visit_date < latest_earlier_number THEN 'out_of_order' END,
        CASE WHEN same_number > 1 THEN 'repeated_number' END,
        CASE WHEN NOT one_bvc_family THEN 'several_bvcs' END
    ], lambda x: x IS NOT NULL) AS checks
    FROM w
)
SELECT v.visit_id, v.family_id, v.bvc_id, v.bvc_name, v.district, v.programme_id,
       v.visit_number, v.visit_date, v.duration_minutes, v.expected_minutes,
       c.window_opens, c.window_closes, c.checks
FROM checked c
JOIN visit_facts v ON v.rowid = c.visit_row
WHERE len(c.checks) > 0;

-- One row per flagged visit in scope and check it fails (the visits' own columns are kept
-- with their checks: the flagged visits are few, the visits many).
CREATE OR REPLACE MACRO visit_flags(date_from, date_to, districts, bvcs, programmes) AS TABLE
    SELECT unnest(c.checks) AS check_name, c.visit_id, c.family_id, c.bvc_id, c.bvc_name,
           c.district, c.programme_id, c.visit_number, c.visit_date, c.duration_minutes,
           c.expected_minutes, c.window_opens, c.window_closes
    FROM visit_checks c
    WHERE in_scope(c.visit_date, c.bvc_id, c.district, c.programme_id,
                   date_from, date_to, districts, bvcs, programmes);
