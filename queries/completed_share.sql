-- grain: one row per programme in scope. N: families in scope who had visit 1, are old
-- enough for the programme's last visit and had not left before its window closed;
-- n: those of them with every visit of the programme up to the as-of date (family_progress;
-- counted per BVC and birth month in family_counts).
SELECT programme_id,
       sum(completed)::BIGINT AS n,
       sum(completion_eligible)::BIGINT AS denominator,
       0 AS missing
FROM family_counts($date_from, $date_to, $districts, $bvcs, $programmes, $as_of)
GROUP BY ALL
ORDER BY programme_id
