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
CREATE OR REPLACE MACRO visit_flags(date_from, date_to, districts, bvcs, programmes) AS TABLE
    WITH v AS (
        SELECT v.*, p.window_start_days, p.window_end_days,
               max(v.visit_date) OVER (PARTITION BY v.family_id ORDER BY v.visit_number
                                       RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                   AS latest_earlier_number,
               count(*) OVER (PARTITION BY v.family_id, v.visit_number) AS same_number,
               b.bvc_count AS family_bvcs
        FROM visit_facts v
        JOIN programmes p ON p.programme_id = v.programme_id AND p.visit_number = v.visit_number
        JOIN (SELECT family_id, count(DISTINCT bvc_id) AS bvc_count FROM visits
              GROUP BY family_id) b
            USING (family_id)
    ),
    scoped AS (
        SELECT *,
               child_birth_date + CASE WHEN is_newborn THEN 0 ELSE window_start_days END
                   AS window_opens,
               child_birth_date + CASE WHEN is_newborn THEN 28 ELSE window_end_days END
                   AS window_closes
        FROM v
        WHERE in_scope(visit_date, bvc_id, district, programme_id,
                       date_from, date_to, districts, bvcs, programmes)
    ),
    checks AS (
        SELECT *, unnest([
            CASE WHEN duration_minutes > 2 * expected_minutes THEN 'long_visit' END,
            CASE WHEN duration_minutes * 5 < expected_minutes THEN 'short_visit' END,
            CASE WHEN visit_date < window_opens - 30 OR visit_date > window_closes + 60
                 THEN 'out_of_window' END,
            CASE WHEN visit_date < latest_earlier_number THEN 'out_of_order' END,
            CASE WHEN same_number > 1 THEN 'repeated_number' END,
            CASE WHEN family_bvcs > 1 THEN 'several_bvcs' END
        ]) AS check_name
        FROM scoped
    )
    SELECT check_name, visit_id, family_id, bvc_id, bvc_name, district, programme_id,
           visit_number, visit_date, duration_minutes, expected_minutes, window_opens,
           window_closes
    FROM checks
    WHERE check_name IS NOT NULL;
