-- Macros that find a Swedish personal identity number (personnummer or samordningsnummer)
-- anywhere inside a string: YYMMDD-XXXX, YYMMDD+XXXX, YYYYMMDD-XXXX or YYYYMMDDXXXX with a
-- valid date (day + 60 for coordination numbers) and a valid Luhn check digit.
-- YYYYMMDD-XXXX contains YYMMDD-XXXX, so two shapes cover all four.

-- A date is valid in year y when the day fits the month (coordination numbers add 60).
CREATE OR REPLACE MACRO _pnr_date_ok(y, m, d) AS
    m BETWEEN 1 AND 12
    AND (CASE WHEN d > 60 THEN d - 60 ELSE d END) BETWEEN 1
        AND day(last_day(make_date(y::INT, greatest(least(m, 12), 1)::INT, 1)));

-- Luhn check over a 10-digit string (YYMMDDNNNC).
CREATE OR REPLACE MACRO _pnr_luhn_ok(s) AS
    (10 - list_sum(list_transform(range(1, 10), lambda k:
        CASE WHEN k % 2 = 1
             THEN (2 * ascii(substr(s, k, 1)) - 96) // 10 + (2 * ascii(substr(s, k, 1)) - 96) % 10
             ELSE ascii(substr(s, k, 1)) - 48 END)) % 10) % 10
    = ascii(substr(s, 10, 1)) - 48;

-- YYMMDD[-+]XXXX starting at position i (the century is unknown: 20YY is a leap year
-- whenever 19YY is, so checking 20YY accepts every date valid in either century).
CREATE OR REPLACE MACRO _pnr_short_at(v, i) AS
    regexp_full_match(substr(v, i, 11), '\d{6}[-+]\d{4}')
    AND _pnr_date_ok(2000 + TRY_CAST(substr(v, i, 2) AS INT), TRY_CAST(substr(v, i + 2, 2) AS INT),
                     TRY_CAST(substr(v, i + 4, 2) AS INT))
    AND _pnr_luhn_ok(substr(v, i, 6) || substr(v, i + 7, 4));

-- YYYYMMDDXXXX starting at position i.
CREATE OR REPLACE MACRO _pnr_long_at(v, i) AS
    regexp_full_match(substr(v, i, 12), '\d{12}')
    AND _pnr_date_ok(TRY_CAST(substr(v, i, 4) AS INT), TRY_CAST(substr(v, i + 4, 2) AS INT),
                     TRY_CAST(substr(v, i + 6, 2) AS INT))
    AND _pnr_luhn_ok(substr(v, i + 2, 10));

-- The cheap regular expression first; the positional checks only for candidates (CASE
-- evaluates lazily, AND does not).
CREATE OR REPLACE MACRO has_personal_number(v) AS
    CASE WHEN regexp_matches(v, '\d{6}[-+]\d{4}|\d{12}')
         THEN list_bool_or(list_transform(range(1, length(v) - 9),
                                          lambda pos: _pnr_short_at(v, pos) OR _pnr_long_at(v, pos)))
         ELSE false END;
