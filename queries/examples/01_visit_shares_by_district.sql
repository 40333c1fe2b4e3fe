-- Besöksandelar per stadsdel och år (som i rapporten) | Visit shares per district and year (as in the report)
-- visits_in_scope(from, to, districts, bvcs, programmes) and visit_shares(v) are the
-- dashboard's own definitions (queries/model/scope_macros.sql); NULL or [] = no restriction,
-- e.g. visits_in_scope(DATE '2025-01-01', DATE '2025-12-31', ['Angered'], [], []).
SELECT district,
       year,
       s.indicator,
       s.n,
       s.denominator AS "N",
       s.missing,
       round(s.n / nullif(s.denominator, 0), 3) AS value
FROM (SELECT district, year(visit_date) AS year, unnest(visit_shares(v)) AS s
      FROM visits_in_scope(NULL, NULL, [], [], []) v
      GROUP BY district, year)
ORDER BY s.indicator, district, year
