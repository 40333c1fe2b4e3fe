-- grain: one row per programme in scope. N: families in scope who had visit 1, are old
-- enough for the programme's last visit and had not left before its window closed;
-- n: those of them with every visit of the programme up to the as-of date.
SELECT programme_id,
       count(*) FILTER (WHERE completion_eligible AND completed_all) AS n,
       count(*) FILTER (WHERE completion_eligible) AS denominator,
       0 AS missing
FROM family_progress($date_from, $date_to, $districts, $bvcs, $programmes, $as_of)
GROUP BY ALL
ORDER BY programme_id
