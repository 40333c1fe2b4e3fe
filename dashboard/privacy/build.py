"""The grid's cells and their verdicts, built once with the validated database: one row
per measure, unit and period with a count that is not 0 (`privacy_cells`), sorted so that a
page reads the few it needs. A count of 0 is shown and has no row."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pyarrow as pa

from dashboard.privacy.grid import (PRESET_KINDS, Grid, last_whole_month, month_index,
                                    month_start)
from dashboard.privacy.solve import ALL, BVC, DISTRICT, Axes, hidden_cells

LEVELS = {"bvc": BVC, "district": DISTRICT, "all": ALL}
from dashboard.vocab import VOCABULARIES

RELATIONS = ("chain", *PRESET_KINDS)  # the equations of time; units have one more
# the families per BVC and birth month (family_months, at the reference date), additive
FAMILY_MEASURES = ("families", "offered", "accepted", "answered", "started", "completed",
                   "completion_eligible")
# per programme and visit number (visit_number_months): its visits, which add up to
# `visits`, and its visits on time (n) of those with a birth date (N), whose sums over the
# visit numbers no page shows
NUMBER_PARTS = {"visits": "visits", "on_time": "n", "with_birth_date": "N"}


def number_measure(name: str, programme: str, visit_number: int) -> str:
    """A measure per programme and visit number: "visits_by_number:goteborg-6:2",
    "on_time_share:goteborg-6:2:n" (its share's n and N, as the shares' ":n", ":N")."""
    if name == "visits":
        return f"visits_by_number:{programme}:{int(visit_number)}"
    return f"on_time_share:{programme}:{int(visit_number)}:{name}"


# per programme, visit number and birth month (retention_months): the families who had
# the visit (n) of those who could (N), retention's share per birth cohort
RETENTION_PARTS = {"n": "n", "denominator": "N"}


def retention_share(programme: str, visit_number: int) -> str:
    """Retention per programme and visit number as a share of the grid
    ("retention:goteborg-6:2"), its n and N the measures retention_measure names."""
    return f"retention:{programme}:{int(visit_number)}"


def retention_measure(part: str, programme: str, visit_number: int) -> str:
    """Retention's n or N per programme and visit number: "retention:goteborg-6:2:n"."""
    return f"{retention_share(programme, visit_number)}:{part}"


def referral_measure(destination: str) -> str:
    """Referrals to one destination ("referrals:library"): they add up to the referrals
    (open_forum_referral_share's N), an open forum's to its n."""
    return f"referrals:{destination}"


def rating_measure(item: str, role: str) -> str:
    """Ratings of an item by a rater role ("ratings:model_overall:nurse"): they add up to
    the pooled number of the item (a sum of the roles' cells, never a cell of its own)."""
    return f"ratings:{item}:{role}"


def score_measure(item: str, role: str, score: int) -> str:
    """Ratings of an item by a role that gave a score: they add up to rating_measure."""
    return f"rating_scores:{item}:{role}:{int(score)}"


def _scores(item: str) -> range:
    return range(1, int(VOCABULARIES["rating_item"][item].scale_max) + 1)


# the ratings' measures: (item, role, score: 0 for the role's total) and its name
RATING_KEYS = [(i, r, 0, rating_measure(i, r)) for i in VOCABULARIES["rating_item"]
               for r in VOCABULARIES["rater_role"]] + [
    (i, r, s, score_measure(i, r, s)) for i in VOCABULARIES["rating_item"]
    for r in VOCABULARIES["rater_role"] for s in _scores(i)]

# measures the pages show for a whole period only (by visit number, per destination, per
# score), never by month: they are held at the periods a preset chooses (a custom range of
# months shows them where it is one of these). By month they would hide a third of the
# sample's national months of visits to protect their own small counts. The ratings' means
# over time are held by quarter too, not by month (by month a 3 M build ran out of memory,
# and a BVC's month has a handful of ratings per item and role)
COARSE_KINDS = ("year", "all_time", *PRESET_KINDS)
RATING_KINDS = ("quarter", *COARSE_KINDS)
# the counts per score: for all units alone, by calendar year and the whole export (periods
# that nest). Per district and preset, a 3 M build took 2 to 4 minutes to protect them and
# hid whole-export national counts of 900 000: a district's year has a handful of ratings
# of a rare score, and a preset's year cuts across the calendar's
SCORE_KINDS = ("year", "all_time")
# retention: per birth cohort, a half-year or a year (Besöksprogression's choice)
COHORT_KINDS = ("half_year", "year")
HELD = {"visits_by_number:": COARSE_KINDS, "on_time_share:": COARSE_KINDS,
        "referrals:": COARSE_KINDS, "rating_scores:": SCORE_KINDS, "ratings:": RATING_KINDS,
        "retention:": COHORT_KINDS}
# and measures held at some levels of units only (summed over the units from the start)
HELD_LEVELS = {"rating_scores:": ("all",)}


def held_kinds(measure: str) -> tuple[str, ...] | None:
    """The kinds of period a measure is held at (None: every kind)."""
    return next((kinds for prefix, kinds in HELD.items() if measure.startswith(prefix)),
                None)


def held_levels(measure: str) -> tuple[str, ...] | None:
    """The levels of units a measure is held at (None: every level)."""
    return next((levels for prefix, levels in HELD_LEVELS.items()
                 if measure.startswith(prefix)), None)


def equations(measures: list[str]) -> list[tuple[str, list[str]]]:
    """The sums over measures that the pages show (total, members), among `measures`:
    visits = their visits per visit number; referrals (open_forum_referral_share's N) =
    those per destination, and its n those to an open forum; an item's ratings by a role
    = those per score."""
    present = set(measures)
    destinations = [referral_measure(d) for d in VOCABULARIES["destination"]]
    out = [("visits", [m for m in measures if m.startswith("visits_by_number:")]),
           ("open_forum_referral_share:n", [
               referral_measure(d) for d, code in VOCABULARIES["destination"].items()
               if code.group == "open_forum"]),
           ("open_forum_referral_share:N", destinations)] + [
        (rating_measure(i, r), [score_measure(i, r, s) for s in _scores(i)])
        for i in VOCABULARIES["rating_item"] for r in VOCABULARIES["rater_role"]]
    out = [(total, [m for m in members if m in present]) for total, members in out]
    return [(total, members) for total, members in out if total in present and members]


def _periods(grid: Grid) -> tuple[list, pa.Table, pa.Table]:
    """The grid's periods numbered (months first, in time order), each month with every
    period it is in, and each period's total per relation of time (its code, -1 where
    none), by the months each holds within the export: a period is a part of the smallest
    month, quarter, year or whole export holding more ("chain": a month of its quarter, a
    quarter of its year, a year of the whole export; a quarter of which the export holds
    one month is that month, a part of its year), and a month a part of each preset period
    holding it."""
    periods = sorted(grid.periods(), key=lambda p: (p.kind != "month", p.first, p.last))
    held = [grid._held(p.first, p.last) for p in periods]
    parents = {r: [-1] * len(periods) for r in RELATIONS}
    for k, (low, high) in enumerate(held):
        around = [(h - l, j) for j, (l, h) in enumerate(held) if j != k
                  and periods[j].kind not in PRESET_KINDS and l <= low and high <= h
                  and (l, h) != (low, high)]
        if periods[k].kind not in PRESET_KINDS and around:
            parents["chain"][k] = min(around)[1]
        if low == high:  # a month: a part of the presets holding it
            for j, (l, h) in enumerate(held):
                if periods[j].kind in PRESET_KINDS and l <= low <= h:
                    parents[periods[j].kind][k] = j
    members = {"month": [], "period_code": [], "period": []}
    for k, period in enumerate(periods):
        for month in grid.months_of(period):
            members["month"].append(month_start(month))
            members["period_code"].append(k)
            members["period"].append(period.start)
    table = pa.table({"period_code": list(range(len(periods))),
                      "kind": [p.kind for p in periods],
                      "kinds": [sorted(grid.kinds_of(p)) for p in periods],
                      "period": [p.start for p in periods],
                      **{f"parent_{r}": parents[r] for r in RELATIONS}})
    return periods, pa.table(members), table


def build_cells(con, reference: dt.date, threshold: int,
                indicators: list[str] | None = None) -> None:
    """`privacy_cells` (measure, level, unit, district, kind, period, value, hidden) over
    the valid visits (by visit month) and families (by birth month), and `privacy_grid`
    (the threshold and the grid's months)."""
    first, last = con.execute(
        "SELECT min(month), max(month) FROM (SELECT month FROM visit_months "
        "UNION ALL SELECT month FROM family_months)").fetchone()
    if first is not None and month_index(first) > min(month_index(last),
                                                      last_whole_month(reference)):
        first = None  # no whole month yet
    con.execute("CREATE OR REPLACE TABLE privacy_grid AS SELECT "
                f"{int(threshold)} AS threshold, ?::DATE AS first_month, "
                "?::DATE AS last_month, ?::DATE AS reference_date",
                [first, None if first is None else month_start(
                    min(month_index(last), last_whole_month(reference))), reference])
    if first is None:
        con.execute("""CREATE OR REPLACE TABLE privacy_cells (measure VARCHAR, level VARCHAR,
                       unit VARCHAR, district VARCHAR, kind VARCHAR, period DATE,
                       value BIGINT, hidden BOOLEAN)""")
        return
    # whole months: the grid ends with the last month the reference date completes
    last_month = min(month_index(last), last_whole_month(reference))
    grid = Grid(month_index(first), last_month, reference)
    _, members, periods = _periods(grid)
    indicators = indicators or [i for (i,) in con.execute(
        "SELECT indicator FROM visit_share_indicators ORDER BY position").fetchall()]
    steps = con.execute("SELECT DISTINCT programme_id, visit_number FROM programmes "
                        "ORDER BY ALL").fetchall()
    measures = ["visits", "families_visited"] + [
        f"{i}:{part}" for i in indicators for part in ("n", "N")] + list(FAMILY_MEASURES) + [
        number_measure(part, p, k) for p, k in steps for part in NUMBER_PARTS.values()] + [
        referral_measure(d) for d in VOCABULARIES["destination"]] + [
        name for *_, name in RATING_KEYS] + [
        retention_measure(part, p, k) for p, k in steps for part in RETENTION_PARTS.values()]
    con.register("_privacy_members", members)
    con.register("_privacy_periods", periods)
    con.register("_privacy_measures", pa.table({"measure_code": list(range(len(measures))),
                                                "measure": measures}))
    # the long sources' keys as the measures they count (one place names them)
    code = {m: k for k, m in enumerate(measures)}
    for name, columns, rows in (
            ("numbers", ("programme_id", "visit_number", "part"),
             [(p, k, column, number_measure(part, p, k))
              for p, k in steps for column, part in NUMBER_PARTS.items()]),
            ("referrals", ("destination",),
             [(d, referral_measure(d)) for d in VOCABULARIES["destination"]]),
            ("ratings", ("item", "rater_role", "score"), RATING_KEYS),
            ("retention", ("programme_id", "visit_number", "part"),
             [(p, k, column, retention_measure(part, p, k))
              for p, k in steps for column, part in RETENTION_PARTS.items()])):
        table = pa.Table.from_pylist([dict(zip(columns, row[:-1]), measure_code=code[row[-1]])
                                      for row in rows if row[-1] in code])
        con.register(f"_privacy_keys_{name}", table)
    try:
        _units(con)
        _cells(con, indicators)
        _solve(con, threshold)
    finally:
        for name in ("_privacy_members", "_privacy_periods", "_privacy_measures",
                     "_privacy_keys_numbers", "_privacy_keys_referrals",
                     "_privacy_keys_ratings", "_privacy_keys_retention"):
            con.unregister(name)
        for table in ("_privacy_units", "_privacy_bvc", "_privacy_born", "_privacy_all",
                      "_privacy_previous", "_privacy_numbers", "_privacy_held",
                      "_privacy_national"):
            con.execute(f"DROP TABLE IF EXISTS {table}")


def _units(con) -> None:
    """Every unit numbered: the BVCs, then the districts, then all units (its total per
    relation of units: a BVC's district, a district's all units)."""
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _privacy_units AS
        WITH bvcs AS (SELECT bvc_id, any_value(district) AS district FROM units GROUP BY ALL),
        numbered AS (
            SELECT 'bvc' AS level, bvc_id AS unit, district,
                   row_number() OVER (ORDER BY bvc_id) - 1 AS unit_code
            FROM bvcs
            UNION ALL
            SELECT 'district', district, district,
                   (SELECT count(*) FROM bvcs)
                   + row_number() OVER (ORDER BY district) - 1
            FROM (SELECT DISTINCT district FROM bvcs)
        )
        SELECT level, unit, district, unit_code::BIGINT AS unit_code FROM numbered
        UNION ALL
        SELECT 'all', '', NULL, (SELECT count(*) FROM numbered)::BIGINT""")


def _cells(con, indicators: list[str]) -> None:
    """Every cell as codes (measure, unit, period) with its count. Counts add up from the
    BVCs' months, but families visited, which are distinct per unit and period: at a BVC a
    family counts at its visit whose previous visit there is before the period; a
    district's or all units' are its BVCs' families of one BVC and its families of several
    counted distinct."""
    shares = ", ".join(
        f"sum(s.n) FILTER (WHERE s.indicator = '{i}')::BIGINT AS \"{k}\", "
        f"sum(s.denominator) FILTER (WHERE s.indicator = '{i}')::BIGINT AS \"{k + 1}\""
        for i, k in zip(indicators, range(2, 2 + 2 * len(indicators), 2)))
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _privacy_bvc AS
        WITH monthly AS (
            SELECT m.bvc_id, m.month, any_value(m.visits) AS "0", {shares}
            FROM visit_months m JOIN visit_share_rows s USING (bvc_id, month)
            GROUP BY ALL
        )
        SELECT u.unit_code, p.period_code, sum(COLUMNS('^[0-9]+$'))::BIGINT
        FROM monthly JOIN _privacy_members p USING (month)
        JOIN _privacy_units u ON u.level = 'bvc' AND u.unit = monthly.bvc_id
        GROUP BY ALL""")
    offset = 2 + 2 * len(indicators)
    born = ", ".join(f'sum(f.{m})::BIGINT AS "{offset + k}"'
                     for k, m in enumerate(FAMILY_MEASURES))
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _privacy_born AS
        SELECT u.unit_code, p.period_code, {born}
        FROM family_months f JOIN _privacy_members p USING (month)
        JOIN _privacy_units u ON u.level = 'bvc' AND u.unit = f.bvc_id
        GROUP BY ALL""")
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _privacy_previous AS
        SELECT u.unit_code, d.unit_code AS district_code,
               date_trunc('month', visit_date)::DATE AS month,
               date_trunc('month', previous_visit_at_bvc)::DATE AS previous_month,
               one_bvc_family, count(*) AS visits
        FROM visit_facts v
        JOIN _privacy_units u ON u.level = 'bvc' AND u.unit = v.bvc_id
        JOIN _privacy_units d ON d.level = 'district' AND d.unit = v.district
        GROUP BY ALL""")
    # per programme and visit number, per destination, per item and role (and score):
    # long rows (measure, BVC, period) from the start, at the kinds each is held at
    held = " AND ".join(
        f"(NOT starts_with(m.measure, '{prefix}') OR list_has_any(k.kinds, "
        f"[{', '.join(repr(k) for k in kinds)}]))" for prefix, kinds in HELD.items())
    # which periods each measure is held at, once (a condition per row of the long
    # sources would be read some hundred million times at 3 M)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _privacy_held AS
        SELECT m.measure_code, k.period_code
        FROM _privacy_measures m, _privacy_periods k WHERE {held}""")
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _privacy_numbers AS
        WITH long AS (
            SELECT k.measure_code, v.bvc_id, v.month, v.value
            FROM (UNPIVOT (SELECT bvc_id, programme_id, visit_number, month,
                                  {", ".join(NUMBER_PARTS)} FROM visit_number_months)
                  ON {", ".join(NUMBER_PARTS)} INTO NAME part VALUE value) v
            JOIN _privacy_keys_numbers k USING (programme_id, visit_number, part)
            UNION ALL
            SELECT k.measure_code, r.bvc_id, r.month, r.referrals
            FROM (SELECT bvc_id, month, unnest(sum_referral_counts(m), recursive := true)
                  FROM referral_counts_months m GROUP BY bvc_id, month) r
            JOIN _privacy_keys_referrals k USING (destination)
            UNION ALL
            SELECT k.measure_code, r.bvc_id, r.month, r.value
            FROM (SELECT bvc_id, month, c.item, c.rater_role, list_sum(c.ratings) AS value
                  FROM (SELECT bvc_id, month, unnest(rating_scores) AS c
                        FROM visit_cell_months)) r
            JOIN _privacy_keys_ratings k ON k.item = r.item
                AND k.rater_role = r.rater_role AND k.score = 0
            UNION ALL  -- (by birth month)
            SELECT k.measure_code, v.bvc_id, v.month, v.value
            FROM (UNPIVOT (SELECT bvc_id, programme_id, visit_number, month,
                                  {", ".join(RETENTION_PARTS)} FROM retention_months)
                  ON {", ".join(RETENTION_PARTS)} INTO NAME part VALUE value) v
            JOIN _privacy_keys_retention k USING (programme_id, visit_number, part)
        )
        SELECT v.measure_code::BIGINT AS measure_code, u.unit_code, x.unit_code AS
               district_code, p.period_code, sum(v.value)::BIGINT AS value
        FROM long v
        JOIN _privacy_members p USING (month)
        JOIN _privacy_held h ON h.measure_code = v.measure_code
                             AND h.period_code = p.period_code
        JOIN _privacy_units u ON u.level = 'bvc' AND u.unit = v.bvc_id
        JOIN _privacy_units x ON x.level = 'district' AND x.unit = u.district
        WHERE v.value > 0
        GROUP BY ALL""")
    # and the measures held for all units alone (the ratings per score), summed over the
    # units from the start
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _privacy_national AS
        SELECT k.measure_code::BIGINT AS measure_code, p.period_code,
               sum(r.value)::BIGINT AS value
        FROM (SELECT month, item, rater_role, score, sum(value) AS value
              FROM (SELECT month, c.item, c.rater_role,
                           unnest(range(1, len(c.ratings) + 1)) AS score,
                           unnest(c.ratings) AS value
                    FROM (SELECT month, unnest(rating_scores) AS c FROM visit_cell_months))
              WHERE value > 0 GROUP BY ALL) r
        JOIN _privacy_keys_ratings k USING (item, rater_role, score)
        JOIN _privacy_members p USING (month)
        JOIN _privacy_held h ON h.measure_code = k.measure_code
                             AND h.period_code = p.period_code
        GROUP BY ALL""")
    # the whole unpivoted: one row per measure, unit and period with a count (not at a
    # BVC for a measure held at districts and all units only)
    def not_at(level: str) -> str:
        return " OR ".join(f"starts_with(measure, '{prefix}')"
                           for prefix, levels in HELD_LEVELS.items()
                           if level not in levels) or "false"
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _privacy_all AS
        WITH up AS (
            SELECT u.unit_code AS district_code, b.*
            FROM (SELECT * FROM _privacy_bvc UNION ALL BY NAME SELECT * FROM _privacy_born) b
            JOIN _privacy_units x ON x.unit_code = b.unit_code
            JOIN _privacy_units u ON u.level = 'district' AND u.unit = x.district
        ),
        additive AS (
            SELECT * EXCLUDE (district_code) FROM up
            UNION ALL
            SELECT district_code, period_code, sum(COLUMNS('^[0-9]+$'))::BIGINT
            FROM up GROUP BY ALL
            UNION ALL
            SELECT (SELECT max(unit_code) FROM _privacy_units), period_code,
                   sum(COLUMNS('^[0-9]+$'))::BIGINT
            FROM up GROUP BY ALL
        ),
        counted AS (
            SELECT p.unit_code, p.district_code, m.period_code, p.one_bvc_family,
                   sum(p.visits) FILTER (WHERE p.previous_month IS NULL
                                         OR p.previous_month < m.period)::BIGINT AS families
            FROM _privacy_previous p JOIN _privacy_members m USING (month)
            GROUP BY ALL
        ),
        several AS (
            SELECT d.unit_code AS district_code, m.period_code, s.family_number
            FROM several_bvc_visits s
            JOIN _privacy_units d ON d.level = 'district' AND d.unit = s.district
            JOIN _privacy_members m ON m.month = date_trunc('month', s.visit_date)
        ),
        families AS (
            SELECT unit_code, period_code, sum(families) AS value FROM counted GROUP BY ALL
            UNION ALL
            SELECT district_code, period_code, sum(value)
            FROM (SELECT district_code, period_code, sum(families) AS value FROM counted
                  WHERE one_bvc_family GROUP BY ALL
                  UNION ALL
                  SELECT district_code, period_code, count(DISTINCT family_number)
                  FROM several GROUP BY ALL)
            GROUP BY ALL
            UNION ALL
            SELECT (SELECT max(unit_code) FROM _privacy_units), period_code, sum(value)
            FROM (SELECT period_code, sum(families) AS value FROM counted
                  WHERE one_bvc_family GROUP BY ALL
                  UNION ALL
                  SELECT period_code, count(DISTINCT family_number) FROM several
                  GROUP BY ALL)
            GROUP BY ALL
        )
        SELECT measure_code::BIGINT AS measure_code, unit_code, period_code,
               value::BIGINT AS value
        FROM (UNPIVOT additive ON COLUMNS('^[0-9]+$')
              INTO NAME measure_code VALUE value)
        WHERE value > 0  -- (UNPIVOT leaves out NULL: a visit month has no families' row)
        UNION ALL
        SELECT 1, unit_code, period_code, value::BIGINT FROM families WHERE value > 0
        UNION ALL
        SELECT measure_code, unit_code, period_code, value FROM _privacy_numbers
        WHERE measure_code NOT IN (SELECT measure_code FROM _privacy_measures
                                   WHERE {not_at("bvc")})
        UNION ALL
        SELECT measure_code, district_code, period_code, sum(value)::BIGINT
        FROM _privacy_numbers
        WHERE measure_code NOT IN (SELECT measure_code FROM _privacy_measures
                                   WHERE {not_at("district")})
        GROUP BY ALL
        UNION ALL
        SELECT measure_code, (SELECT max(unit_code) FROM _privacy_units), period_code,
               sum(value)::BIGINT
        FROM _privacy_numbers GROUP BY ALL
        UNION ALL
        SELECT measure_code, (SELECT max(unit_code) FROM _privacy_units), period_code, value
        FROM _privacy_national""")


def _axes(units: dict, periods: dict) -> Axes:
    """The units and periods as the solver reads them: each unit's level and total, each
    month's closure (the periods holding it, through every relation of time)."""
    level = np.array([LEVELS[v] for v in units["level"]])
    code_of = {(lv, u): c for lv, u, c in zip(units["level"], units["unit"],
                                              units["unit_code"])}
    up = np.array([code_of[("district", d)] if lv == "bvc" else
                   code_of[("all", "")] if lv == "district" else -1
                   for lv, d in zip(units["level"], units["district"])], dtype=np.int64)
    kinds = list(periods["kind"])
    stands = [frozenset(k) for k in periods["kinds"]] if "kinds" in periods else None
    parents = [[int(periods[f"parent_{r}"][k]) for r in RELATIONS
                if periods[f"parent_{r}"][k] >= 0] for k in range(len(kinds))]

    def above(code: int) -> set[int]:
        out = {code}
        for parent in parents[code]:
            out |= above(parent)
        return out
    closure = {k: frozenset(above(k)) for k, kind in enumerate(kinds) if kind == "month"}
    months = [[m for m, held in closure.items() if k in held] for k in range(len(kinds))]
    return Axes(level, up, kinds, closure, months, stands)


def partners(measures: list[str]) -> dict[int, list[tuple[int, ...]]]:
    """Per measure code (position in `measures`) of a sum over measures (equations), the
    bundles a pattern in it may take too, so that every such sum adds 0: a member's totals
    (+1 on each), or a sibling in the same sums and of the same stem (-1; another
    programme's visit numbers are 0 at its BVCs); a total's member with the member's other
    totals (an open forum's referrals with the referrals)."""
    sums = equations(measures)
    code = {m: k for k, m in enumerate(measures)}
    totals_of: dict[str, list[str]] = {}
    for total, members in sums:
        for m in members:
            totals_of.setdefault(m, []).append(total)
    assert not set(totals_of) & {t for t, _ in sums}, "a sum's member is no total"
    out: dict[int, list[tuple[int, ...]]] = {}
    for total, members in sums:
        out[code[total]] = [(code[m], *(code[t] for t in totals_of[m] if t != total))
                            for m in members]
    for m, totals in totals_of.items():
        stem = m.rsplit(":", 1)[0]
        out[code[m]] = [tuple(code[t] for t in totals)] + [
            (code[j],) for j in totals_of if j != m and totals_of[j] == totals
            and j.rsplit(":", 1)[0] == stem]
    return out


def _solve(con, threshold: int) -> None:
    """The solver over every cell (sorted by their codes), and the verdicts written
    beside the counts."""
    cells = con.sql("SELECT measure_code, unit_code, period_code, value FROM _privacy_all"
                    ).fetchnumpy()
    # the cells are in numpy now: DuckDB's copies go before the solver's arrays grow (a
    # national build's peak)
    for table in ("_privacy_all", "_privacy_numbers", "_privacy_national", "_privacy_bvc",
                  "_privacy_born", "_privacy_previous"):
        con.execute(f"DROP TABLE IF EXISTS {table}")
    units = con.sql("SELECT unit_code, level, unit, district FROM _privacy_units "
                    "ORDER BY unit_code").fetchnumpy()
    periods = con.sql("SELECT * FROM _privacy_periods ORDER BY period_code").fetchnumpy()
    measure, unit, period = (cells[c].astype(np.int64) for c in
                             ("measure_code", "unit_code", "period_code"))
    names = con.sql("SELECT measure FROM _privacy_measures ORDER BY measure_code"
                    ).fetchnumpy()["measure"]
    alphabetical = np.argsort(names, kind="stable")
    measures = names[alphabetical]
    measure = np.argsort(alphabetical)[measure]  # codes in the order of the names
    axes = _axes(units, periods)
    order = np.argsort((measure * axes.n_periods + period) * axes.n_units + unit,
                       kind="stable")
    values = cells.pop("value").astype(np.int64)[order]
    del cells  # the build holds DuckDB's memory too: keep only what the solver reads
    measure, unit, period = measure[order], unit[order], period[order]
    del order
    hidden = hidden_cells(values, measure, unit, period, axes, threshold,
                          partners(list(measures)),
                          {k: set(held_kinds(m)) for k, m in enumerate(measures)
                           if held_kinds(m)},
                          {k: {LEVELS[level] for level in held_levels(m)}
                           for k, m in enumerate(measures) if held_levels(m)})
    # written in the order of their keys (measures by name, periods, units): no sort, no join

    def named(codes: np.ndarray, names) -> pa.DictionaryArray:
        return pa.DictionaryArray.from_arrays(pa.array(codes.astype(np.int32)),
                                              pa.array(list(names), pa.string()))
    con.register("_privacy_hidden", pa.table({
        "measure": named(measure, measures),
        "level": named(unit, units["level"]),
        "unit": named(unit, units["unit"]),
        "district": named(unit, [d if isinstance(d, str) else None
                                 for d in units["district"]]),
        "kind": named(period, periods["kind"]),
        "period": pa.array(periods["period"][period].astype("datetime64[D]")),
        "value": values, "hidden": hidden}))
    try:
        con.execute("CREATE OR REPLACE TABLE privacy_cells AS SELECT measure::VARCHAR AS "
                    "measure, level::VARCHAR AS level, unit::VARCHAR AS unit, "
                    "district::VARCHAR AS district, kind::VARCHAR AS kind, period::DATE "
                    "AS period, value, hidden FROM _privacy_hidden")
    finally:
        con.unregister("_privacy_hidden")
