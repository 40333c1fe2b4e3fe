-- grain: one row per BVC and calendar month with visits: how many visits and distinct
-- families, and the visit-level shares of its visits (visit_shares: the same
-- definitions), to be summed over whole months. The default periods are whole months, so
-- most pages read these rows instead of visits.
CREATE OR REPLACE TABLE visit_months AS
SELECT bvc_id,
       any_value(bvc_name) AS bvc_name,
       any_value(district) AS district,
       any_value(programme_id) AS programme_id,
       date_trunc('month', visit_date)::DATE AS month,
       count(*) AS visits,
       count(DISTINCT family_id) AS families_visited,
       visit_shares(v) AS shares
FROM visit_facts v
GROUP BY bvc_id, month;

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

-- visit_shares of the visits in scope, one row per BVC, month and indicator: from
-- visit_share_rows when the period is whole months, else counted from the visits.
CREATE OR REPLACE MACRO visit_share_months(date_from, date_to, districts, bvcs, programmes)
    AS TABLE
    SELECT m.bvc_id, m.bvc_name, m.district, m.programme_id, m.month, m.indicator, m.n,
           m.denominator, m.missing
    FROM visit_share_rows m
    WHERE whole_months(date_from, date_to)
      AND in_scope(m.month, m.bvc_id, m.district, m.programme_id,
                   date_from, date_to, districts, bvcs, programmes)
    UNION ALL
    SELECT bvc_id, any_value(bvc_name), any_value(district), any_value(programme_id),
           date_trunc('month', visit_date)::DATE AS month,
           unnest(visit_shares(v), recursive := true)
    FROM visits_in_scope(date_from, date_to, districts, bvcs, programmes) v
    WHERE NOT whole_months(date_from, date_to)
    GROUP BY bvc_id, month;
