-- grain: one row per group of units, group of periods and measure with a count: the
-- grid's cells (privacy_cells, dashboard/privacy) summed, hidden where any cell it adds
-- up from is hidden. A cell of 0 has no row, nor a group of cells that are all 0.
WITH units AS (SELECT unnest($unit_parts, recursive := true)),
     periods AS (SELECT unnest($period_parts, recursive := true))
SELECT u.unit_group, p.period_group, c.measure,
       sum(c.value)::BIGINT AS value, bool_or(c.hidden) AS hidden, count(*) AS cells
FROM privacy_cells c
JOIN periods p ON c.kind = p.kind AND c.period = p.period
JOIN units u ON c.level = u.level AND c.unit = u.unit
WHERE list_contains($measures, c.measure)
GROUP BY ALL
ORDER BY u.unit_group, p.period_group, c.measure
