-- Besök per månad och besöksnummer | Visits by month and visit number
SELECT date_trunc('month', visit_date)::DATE AS month,
       programme_id,
       visit_number,
       count(*) AS visits
FROM visit_facts
GROUP BY ALL
ORDER BY month, programme_id, visit_number
