"""The one place that runs SQL: builds the DuckDB database of an export and runs the named
queries in `queries/` with bound parameters, a cursor per call."""
from __future__ import annotations

import datetime as dt
import fcntl
import glob
import hashlib
import logging
import os
import re
import threading
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

log = logging.getLogger(__name__)

warnings.filterwarnings("ignore", message="Arrow output on a DB-API result",
                        category=UserWarning)

from dashboard import programmes as shipped
from dashboard.contract import TABLES
from dashboard.export import PACKAGE_ROOT, Export, open_export
from dashboard.filters import Filters, Scope, check_options
from dashboard import validation
from dashboard.validation import (QUARANTINE_DDL, TableLoad, cell_position, code_index,
                                  keep_valid_rows, literal, load_sources, q, quarantine_rows)
from dashboard.vocab import VOCABULARIES
from dashboard.privacy.build import build_cells
from dashboard.privacy.grid import Grid, month_index

QUERIES_DIR = PACKAGE_ROOT / "queries"
MODEL_DIR = QUERIES_DIR / "model"
# Built after validation, in this order, over the valid rows.
MODEL_FILES = ("visit_facts.sql", "family_facts.sql", "scope_macros.sql", "visit_months.sql",
               "family_months.sql", "quality_macros.sql")
PARAMETER = re.compile(r"\$([a-z_]+)")
DEFAULT_THRESHOLD = 5  # contract, section 6 (a setting: .streamlit/hembesok.toml)
# Queries that return rows about single families or visits: each takes `$scope_bvcs`, and
# none runs without a scope, so that no caller can forget one (it fails closed).
ROW_LEVEL_QUERIES = frozenset({"due_list", "due_counts", "flagged_visits", "quarantined_rows",
                               "quarantine_rows"})


@lru_cache(maxsize=None)
def query_text(name: str) -> str:
    """The SQL of a named query (`queries/<name>.sql`)."""
    path = QUERIES_DIR / f"{name}.sql"
    if not path.is_file() or path.parent != QUERIES_DIR:
        raise KeyError(f"no query named {name!r}")
    return path.read_text(encoding="utf-8")


def query_names() -> list[str]:
    return sorted(p.stem for p in QUERIES_DIR.glob("*.sql"))


def _arrow(rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows)


def _reference_tables(con) -> None:
    codes = [{"vocabulary": vocabulary, "code": c.code, "label_sv": c.sv, "label_en": c.en,
              "code_group": c.group, "scale_max": c.scale_max}
             for vocabulary, entries in VOCABULARIES.items() for c in entries.values()]
    names = [{"programme_id": pid, "name_sv": sv, "name_en": en}
             for pid, (sv, en) in shipped.PROGRAMME_NAMES.items()]
    for name, rows in (("ref_codes", codes), ("_shipped_programmes", shipped.programme_rows()),
                       ("_programme_names", names)):
        con.register("_rows", _arrow(rows))
        con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM _rows")
        con.unregister("_rows")


def _programmes(con, export: Export, loads: dict[str, TableLoad]) -> None:
    """Shipped programmes, replaced or extended by the export's own valid programme rows."""
    if "programmes" in loads:
        quarantine_rows(con, TABLES["programmes"], export)
        keep_valid_rows(con, TABLES["programmes"], "_export_programmes")
        con.execute(f"""
            CREATE OR REPLACE TABLE _merged_programmes AS
            SELECT * FROM _shipped_programmes
            WHERE programme_id NOT IN (SELECT programme_id FROM _src_programmes
                                       WHERE programme_id IS NOT NULL)
            UNION ALL BY NAME
            SELECT programme_id, visit_number, label, target_age_days, window_start_days,
                   window_end_days, location, professions,
                   coalesce(expected_minutes, {shipped.DEFAULT_EXPECTED_MINUTES})
                       AS expected_minutes
            FROM _export_programmes""")
        con.execute("CREATE OR REPLACE TABLE _all_programme_ids AS SELECT programme_id "
                    "FROM _merged_programmes UNION SELECT programme_id FROM _src_programmes")
    else:
        con.execute("CREATE OR REPLACE TABLE _merged_programmes AS "
                    "SELECT * FROM _shipped_programmes")
        con.execute("CREATE OR REPLACE TABLE _all_programme_ids AS "
                    "SELECT DISTINCT programme_id FROM _merged_programmes")
    # day offsets as INTEGER so that `date + days` is a date
    con.execute("""
        CREATE OR REPLACE TABLE programmes AS
        SELECT programme_id, visit_number::INT AS visit_number, label,
               target_age_days::INT AS target_age_days,
               window_start_days::INT AS window_start_days,
               window_end_days::INT AS window_end_days, location, professions,
               expected_minutes::INT AS expected_minutes
        FROM _merged_programmes ORDER BY programme_id, visit_number""")
    con.execute("""
        CREATE OR REPLACE TABLE ref_programmes AS
        SELECT p.programme_id, coalesce(n.name_sv, p.programme_id) AS name_sv,
               coalesce(n.name_en, p.programme_id) AS name_en, max(visit_number) AS visits
        FROM programmes p LEFT JOIN _programme_names n USING (programme_id)
        GROUP BY ALL ORDER BY p.programme_id""")


def _load_summary(con, loads: dict[str, TableLoad]) -> None:
    parts = []
    for position, name in enumerate(loads):
        valid = "_export_programmes" if name == "programmes" else name
        parts.append(f"SELECT {position} AS position, {literal(name)} AS table_name, "
                     f"{loads[name].input_rows}::BIGINT AS input_rows, "
                     f"(SELECT count(*) FROM {q(valid)}) AS valid_rows")
    con.execute(f"""
        CREATE OR REPLACE TABLE load_summary AS
        SELECT s.*, s.input_rows - s.valid_rows AS quarantined_rows
        FROM ({' UNION ALL '.join(parts)}) s""")


def _keep_quarantined_rows(con, loads: dict[str, TableLoad]) -> None:
    """Whole quarantined rows stay available (for the data-quality view and downloads)."""
    for name in loads:
        con.execute(f"""
            CREATE OR REPLACE TABLE {q('quarantined_' + name)} AS
            SELECT s.* FROM {q('_src_' + name)} s SEMI JOIN
                (SELECT DISTINCT file, row FROM quarantine WHERE table_name = {literal(name)}) x
                ON x.file = s._file AND x.row = s._row""")


def rating_cells() -> list[tuple[str, str, str]]:
    """Every (rater role, item) a rating can have, with its column in `visit_ratings`."""
    return [(role, item, f"score_{role}__{item}") for item in VOCABULARIES["rating_item"]
            for role in VOCABULARIES["rater_role"]]


# Every score of a visit packed into one number, four bits per (role, item) at its code
# position: one aggregate instead of one per column. Scores outside 1..15 are left out;
# they break the scale rule, so the visit's ratings are pivoted again from the valid rows.
PACKED_SCORES = ("sum(CASE WHEN score BETWEEN 1 AND 15 THEN score::HUGEINT << (4 * _cell) END)"
                 " AS packed_scores")


def _unpacked_scores() -> str:
    table = TABLES["ratings"]
    return ", ".join(
        f"nullif(((packed_scores >> "
        f"{4 * cell_position(table, {'rater_role': role, 'item': item})}) & 15)::TINYINT, 0)"
        f" AS {q(column)}" for role, item, column in rating_cells())


def _per_visit(con, table: str, aggregates: str, from_groups: str, validated: bool) -> str:
    """One row per visit with rows in `table`: `aggregates` over its valid rows (which see
    validation's code position as `_cell`). Right after validation they are mostly in
    `_groups_<table>` already (`from_groups`, the same pass over the files); only the
    visits whose rows were looked at one by one are aggregated again."""
    by_rows = (f"SELECT visit_id, {aggregates} FROM (SELECT *, "
               f"{code_index(TABLES[table])} AS _cell FROM {q(table)})")
    if validated and validation.by_parent(TABLES[table]):  # grouped by visit there
        groups, suspect = q(f"_groups_{table}"), q(f"_suspect_{table}")
        return (f"SELECT parent_id AS visit_id, {from_groups} "
                f"FROM {groups} ANTI JOIN {suspect} USING (parent_id) "
                f"WHERE parent_id IS NOT NULL UNION ALL BY NAME "
                f"{by_rows} WHERE visit_id IN (SELECT parent_id FROM {suspect}) "
                f"GROUP BY visit_id")
    return f"{by_rows} GROUP BY visit_id"


def _cell_macros(con, name: str, cells, fields) -> tuple[str, list, list]:
    """`<name>(v)`: a macro over a group of visit_facts rows `v` with one struct per cell,
    each of `fields` (field, aggregate of {column}) aggregated from the cell's column (as
    visit_shares does for shares). Returns what _kept_cells needs to keep them."""
    con.execute(f"CREATE OR REPLACE MACRO {name}(v) AS [" + ", ".join(
        _struct(labels, [(field, aggregate.format(column=column))
                         for field, aggregate in fields])
        for labels, column in cells) + "]")
    return name, cells, fields


def _struct(labels: dict, values: list[tuple[str, str]]) -> str:
    return "{" + ", ".join([f"{literal(k)}: {literal(v)}" for k, v in labels.items()]
                           + [f"{literal(field)}: {value}" for field, value in values]) + "}"


def _kept_cells(con, kept: list[tuple[str, list, list]]) -> None:
    """For each kept `<name>`: the table `<name>_months`, one row per BVC and month with
    one column per cell and field (`<name>__<k>__<field>`, the k-th cell); the macros
    `<name>_months(date_from, …)` (kept.<name>_months: only the kept rows, as in
    visit_months.sql) and `sum_<name>(m)`, the structs of `<name>(v)` with each column
    summed over the rows `m`. Plain columns: reading and summing them is several times
    faster than lists of structs, and cheaper to plan."""
    for name, cells, fields in kept:
        columns = [(f"{name}__{k}__{field}", aggregate.format(column=column))
                   for k, (_, column) in enumerate(cells, start=1)
                   for field, aggregate in fields]
        aggregates = ", ".join(f"({aggregate})::BIGINT AS {q(column)}"  # not HUGEINT: faster
                               for column, aggregate in columns)
        con.execute(f"""
            CREATE OR REPLACE TABLE {name}_months AS
            SELECT bvc_id, any_value(district) AS district,
                   any_value(programme_id) AS programme_id,
                   date_trunc('month', visit_date)::DATE AS month, {aggregates}
            FROM visit_facts v
            GROUP BY bvc_id, month
            ORDER BY month, bvc_id""")
        con.execute(f"""
            CREATE OR REPLACE MACRO kept.{name}_months(date_from, date_to, districts, bvcs,
                                                      programmes) AS TABLE
            SELECT m.* FROM {name}_months m
            WHERE in_scope(m.month, m.bvc_id, m.district, m.programme_id,
                           date_from, date_to, districts, bvcs, programmes)""")
        con.execute(f"""
            CREATE OR REPLACE MACRO {name}_months(date_from, date_to, districts, bvcs,
                                                 programmes) AS TABLE
            SELECT * FROM kept.{name}_months(date_from, date_to, districts, bvcs, programmes)
            WHERE whole_months(date_from, date_to)
            UNION ALL
            SELECT bvc_id, any_value(district), any_value(programme_id),
                   date_trunc('month', visit_date)::DATE AS month, {aggregates}
            FROM visits_in_scope(date_from, date_to, districts, bvcs, programmes) v
            WHERE NOT whole_months(date_from, date_to)
            GROUP BY bvc_id, month""")
        con.execute(f"CREATE OR REPLACE MACRO sum_{name}(m) AS [" + ", ".join(
            _struct(labels, [(field, f"sum(m.{q(f'{name}__{k}__{field}')})::BIGINT")
                             for field, _ in fields])
            for k, (labels, _) in enumerate(cells, start=1)) + "]")


# How many ratings gave each score 1 … the largest scale, over a group of visits (a BVC's
# month, or part of one): a list whose element k - 1 counts score k. The counts are summed
# packed, one slot per score in a HUGEINT, in one aggregate per column (ten times faster at
# national scale than a filtered count per score, or histogram()). A slot is 12 bits, or
# as wide as the export's largest BVC-month needs (an export that puts every visit at one
# unit has tens of thousands): a group never counts more ratings of one (role, item) than
# it has visits. Where slots no longer fit one HUGEINT the scores are summed in parts.
_TOP_SCORE = max(entry.scale_max for entry in VOCABULARIES["rating_item"].values())


def score_counts(largest_group: int) -> str:
    """The aggregate of `{column}` (one score column) counting each score, with slots wide
    enough for `largest_group` ratings; a larger group is refused, never miscounted."""
    bits = max(12, int(largest_group).bit_length())
    per_sum, mask = 127 // bits, (1 << bits) - 1
    counts = []
    for k in range(_TOP_SCORE):
        part, slot = divmod(k, per_sum)
        if per_sum >= _TOP_SCORE:
            packed = f"sum(1::HUGEINT << ({bits} * ({{column}} - 1)))"
        else:
            low, high = part * per_sum + 1, (part + 1) * per_sum
            packed = (f"sum(CASE WHEN {{column}} BETWEEN {low} AND {high} "
                      f"THEN 1::HUGEINT << ({bits} * ({{column}} - {low})) END)")
        counts.append(f"(({packed} >> {bits * slot}) & {mask})::BIGINT")
    limit = f"{mask:,}".replace(",", " ")
    return (f"CASE WHEN count({{column}}) <= {mask} THEN [{', '.join(counts)}] "
            f"ELSE error('over {limit} ratings of one item in one group: score counts not "
            f"kept') END")


def _rating_model(con, loads: dict[str, TableLoad] | None) -> tuple[str, list, list]:
    """`visit_ratings`: one row per rated visit with one score column per (role, item),
    and the macros that aggregate those columns like rows of `ratings` (returns the rating
    sums to keep per BVC and month). Ratings are the
    largest table (about 15 a visit); pivoted once, the pages read a table as long as the
    visits instead of joining every rating to its visit at every query."""
    validated = loads is not None
    packed = _per_visit(con, "ratings", f"count(*) AS ratings, {PACKED_SCORES}",
                        "n AS ratings, packed_scores", validated)
    con.execute(f"CREATE OR REPLACE TABLE visit_ratings AS "
                f"SELECT visit_id, ratings, {_unpacked_scores()} FROM ({packed})")
    if validated and not loads["ratings"].extra_columns:
        # The valid ratings are exactly the scores in visit_ratings: `ratings` becomes
        # their rows again, so that nothing reads the export's files once validated (they
        # may be moved, or rewritten with rows never checked). With columns beyond the
        # contract, the valid rows are kept as a table instead.
        cells = ", ".join(
            f"{{'rater_role': {literal(role)}, 'item': {literal(item)}, "
            f"'score': {q(column)}::BIGINT}}" for role, item, column in rating_cells())
        # unnested in the select list: ten times faster than a lateral join at 47 M rows
        con.execute(f"""
            CREATE OR REPLACE VIEW ratings AS
            SELECT visit_id, rater_role, item, score
            FROM (SELECT visit_id, unnest([{cells}], recursive := true) FROM visit_ratings)
            WHERE score IS NOT NULL""")
    elif validated:
        con.execute("CREATE OR REPLACE TABLE _valid_ratings AS SELECT * FROM ratings")
        con.execute("CREATE OR REPLACE VIEW ratings AS SELECT * FROM _valid_ratings")
    cells = [({"rater_role": role, "item": item}, f"v.{q(column)}")
             for role, item, column in rating_cells()]
    sums = _cell_macros(con, "rating_sums", cells, [("total", "sum({column})"),
                                                    ("n", "count({column})")])
    largest = con.execute("SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM visits "
                          "GROUP BY bvc_id, date_trunc('month', visit_date))").fetchone()[0]
    _cell_macros(con, "rating_score_counts", cells, [("ratings", score_counts(largest))])
    # the element-wise sum of such lists over rows (a struct per cell of ten sums each
    # costs more to plan than summing per role and item)
    con.execute("CREATE OR REPLACE MACRO sum_score_counts(counts) AS [" + ", ".join(
        f"sum(counts[{k}])::BIGINT" for k in range(1, _TOP_SCORE + 1)) + "]")
    return sums


def _referral_model(con, loads: dict[str, TableLoad] | None) -> tuple[str, list, list]:
    """`visit_referrals`: one row per visit with referrals, its destinations as one bit per
    destination code (a destination is unique per visit), from validation's own bits; the
    macros `referral_counts(v)` (visits per destination) and `destination_mask(group)`."""
    visits = _per_visit(con, "referrals", "bit_or(1::UBIGINT << _cell) AS destinations",
                        "bits AS destinations", loads is not None)
    con.execute(f"CREATE OR REPLACE TABLE visit_referrals AS {visits}")
    table = TABLES["referrals"]
    bit = {code: cell_position(table, {"destination": code})
           for code in VOCABULARIES["destination"]}
    cells = [({"destination": code}, f"(v.referral_destinations >> {k}) & 1 = 1")
             for code, k in bit.items()]
    counts = _cell_macros(con, "referral_counts", cells,
                          [("referrals", "count(*) FILTER (WHERE {column})")])
    masks = {}
    for code, entry in VOCABULARIES["destination"].items():
        masks[entry.group] = masks.get(entry.group, 0) | (1 << bit[code])
    con.execute("CREATE OR REPLACE MACRO destination_mask(group_name) AS CASE "
                + " ".join(f"WHEN group_name = {literal(g)} THEN {m}::UBIGINT"
                           for g, m in masks.items()) + " ELSE 0::UBIGINT END")
    return counts


# The steps of a build, as `progress` hears of them (i18n: "build_<step>").
BUILD_STEPS = ("read", "validate", "model", "small_numbers", "write")


def build(export: Export, con: duckdb.DuckDBPyConnection | None = None,
          threshold: int = DEFAULT_THRESHOLD, progress=None):
    """Validate the export into `con`: valid rows as tables, the rest in `quarantine`, the
    model the queries read, and which of its small numbers are hidden (dashboard/privacy)
    at `threshold`. `progress(step)` hears of each step of BUILD_STEPS as it begins."""
    progress = progress or (lambda step: None)
    con = con or duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    con.execute((MODEL_DIR / "pnr_macros.sql").read_text(encoding="utf-8"))
    _reference_tables(con)
    progress("read")
    loads = load_sources(con, export)
    con.execute(QUARANTINE_DDL)
    progress("validate")
    _programmes(con, export, loads)
    for name in ("units", "families", "visits", "referrals", "ratings"):
        quarantine_rows(con, TABLES[name], export,
                        per_parent=", " + PACKED_SCORES if name == "ratings" else "")
        # ratings: a view until the model has packed them per visit (_rating_model)
        keep_valid_rows(con, TABLES[name], kind="VIEW" if name == "ratings" else "TABLE")
    _load_summary(con, loads)
    _keep_quarantined_rows(con, loads)
    progress("model")
    build_model(con, export.reference_date, loads)
    progress("small_numbers")
    build_cells(con, export.reference_date, threshold)
    con.register("_rows", _arrow([{"table_name": x.name, "input_rows": x.input_rows,
                                   "extra_columns": list(x.extra_columns)}
                                  for x in loads.values()]))
    con.execute("CREATE OR REPLACE TABLE _loads AS SELECT table_name, input_rows, "
                "extra_columns::VARCHAR[] AS extra_columns FROM _rows")
    con.unregister("_rows")
    # the source views read the export's files: nothing may use them once it is validated
    for (name,) in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal "
                               "AND view_name LIKE '\\_src\\_%' ESCAPE '\\'").fetchall():
        con.execute(f"DROP VIEW {q(name)}")
    return con, loads


def build_model(con, reference_date: dt.date,
                loads: dict[str, TableLoad] | None = None) -> None:
    """The model the named queries read, over the valid tables, with the family indicators
    counted at the export's reference date; `loads` right after validation in the same
    connection (whose grouped passes it reuses), None over copied tables (the explorer's
    sandbox)."""
    # a constant, not a table: the rollups' as-of date may reach a lambda
    con.execute(f"CREATE OR REPLACE MACRO reference_date() AS "
                f"DATE '{reference_date.isoformat()}'")
    kept = [_rating_model(con, loads), _referral_model(con, loads)]
    for file in MODEL_FILES:
        con.execute((MODEL_DIR / file).read_text(encoding="utf-8"))
    _kept_cells(con, kept)


# The files whose change changes what a validated database holds.
_CODE = [PACKAGE_ROOT / "dashboard" / f for f in ("contract.py", "validation.py", "db.py",
                                                  "vocab.py", "programmes.py")] + sorted(
    (PACKAGE_ROOT / "dashboard" / "privacy").glob("*.py"))


def cache_dir() -> Path:
    """Where validated databases are kept: `HEMBESOK_CACHE`, else ~/.cache/hembesok."""
    return Path(os.environ.get("HEMBESOK_CACHE")
                or Path.home() / ".cache" / "hembesok")


def database_file(export: Export, threshold: int = DEFAULT_THRESHOLD) -> Path:
    """The validated database of this export, built by this code and this DuckDB: named by
    the export's place, fingerprint and reference date (today's without a manifest: "not in
    the future" is judged again on a new day), the small-number threshold its verdicts are
    for, and the code's own digest."""
    digest = hashlib.sha1(f"{export.path.resolve()}|{export.fingerprint}|"
                          f"{export.reference_date}|{duckdb.__version__}|"
                          f"{int(threshold)}".encode())
    for file in _CODE + sorted(MODEL_DIR.glob("*.sql")):
        digest.update(file.read_bytes())
    return cache_dir() / f"{export.path.name}-{digest.hexdigest()[:16]}.duckdb"


KEEP_DATABASES = 4


def _build_file(export: Export, target: Path, memory_limit: str,
                threshold: int = DEFAULT_THRESHOLD, progress=None) -> None:
    """Validate into `target` through a temporary file renamed into place when complete,
    so that no reader ever opens half a database; a second process waits for the first."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if target.exists():
            return
        partial = target.with_suffix(f".part-{os.getpid()}")
        partial.unlink(missing_ok=True)
        try:
            con = duckdb.connect(str(partial), config={"memory_limit": memory_limit})
            try:
                build(export, con, threshold, progress)
                if progress:
                    progress("write")
                con.execute("CHECKPOINT")
            finally:
                con.close()
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
            Path(str(partial) + ".wal").unlink(missing_ok=True)
    old = sorted(target.parent.glob("*.duckdb"), key=lambda p: p.stat().st_mtime)
    for stale in old[:-KEEP_DATABASES]:
        _remove_unread(stale)
    _remove_leftovers(target.parent)


def _hold(database: Path):
    """A shared lock on `database`'s `.readers` file, held for as long as a process has
    the database open (the returned file; closing it lets go): pruning passes over a
    database that is read, by this process or another (several apps may share a cache).
    Taken before the database is looked for, and on the file the path names now, so that
    a pruner cannot slip between the two."""
    path = database.with_suffix(".readers")
    while True:
        readers = open(path, "a")
        fcntl.flock(readers, fcntl.LOCK_SH)
        try:
            if os.fstat(readers.fileno()).st_ino == os.stat(path).st_ino:
                return readers
        except FileNotFoundError:
            pass
        readers.close()  # removed meanwhile: lock the file there now


def _remove_unread(database: Path) -> None:
    """Remove `database` unless a process holds it open (_hold)."""
    try:
        with open(database.with_suffix(".readers"), "a") as readers:
            fcntl.flock(readers, fcntl.LOCK_EX | fcntl.LOCK_NB)
            database.unlink(missing_ok=True)
    except BlockingIOError:
        log.info("%s is kept: it is being read", database.name)


def _remove_leftovers(folder: Path) -> None:
    """The partial files of builds that were killed (`<name>.part-<pid>` and its `.wal`)
    and the lock and readers files of databases no longer kept. A build holds its lock
    while it runs, a reader its readers file: whatever a free lock guards is left over.
    Another process may open a lock file just as it goes; it then builds under a lock of
    its own, which costs time, never a database (_hold checks its file is still there)."""
    for lock_file in [*folder.glob("*.lock"), *folder.glob("*.readers")]:
        database = lock_file.with_suffix(".duckdb")
        partials = (list(folder.glob(f"{glob.escape(database.stem)}.part-*"))
                    if lock_file.suffix == ".lock" else [])
        if database.exists() and not partials:
            continue
        try:
            with open(lock_file, "r+") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                for partial in partials:
                    partial.unlink(missing_ok=True)
                if not database.exists():
                    lock_file.unlink(missing_ok=True)
        except BlockingIOError:
            continue  # a build is running
        except OSError as error:  # pragma: no cover - a file gone meanwhile
            log.debug("leftover %s not removed: %s", lock_file, error)


_NULLABLE = {pa.int8(): pd.Int8Dtype(), pa.int16(): pd.Int16Dtype(), pa.int32(): pd.Int32Dtype(),
             pa.int64(): pd.Int64Dtype(), pa.uint8(): pd.UInt8Dtype(),
             pa.uint16(): pd.UInt16Dtype(), pa.uint32(): pd.UInt32Dtype(),
             pa.uint64(): pd.UInt64Dtype(), pa.bool_(): pd.BooleanDtype()}


def frame(table: pa.Table, cursor: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """A query result as DuckDB's own `.df()` gives it (nullable integer and boolean types
    where a column has nulls, dates as datetime64[us], HUGEINT and DECIMAL as float), but
    through Arrow: several times faster for results of many rows with text. Results with
    lists, structs or other types take `.df()`'s way through DuckDB itself, on the
    query's own cursor (the module's default connection refuses a second thread)."""
    simple = all(t in _NULLABLE or pa.types.is_floating(t) or pa.types.is_string(t)
                 or pa.types.is_large_string(t) or pa.types.is_date32(t)
                 or pa.types.is_decimal(t) or pa.types.is_null(t)
                 for t in table.schema.types)
    if not simple or not table.num_rows:
        return cursor.from_arrow(table).df()
    columns = {}
    for name, column in zip(table.column_names, table.columns):
        kind = column.type
        if pa.types.is_decimal(kind):
            column, kind = column.cast(pa.float64()), pa.float64()
        if kind in _NULLABLE and column.null_count:
            columns[name] = pd.Series(column.to_pandas(types_mapper=_NULLABLE.get))
        elif pa.types.is_date32(kind):
            columns[name] = pd.Series(column.to_pandas(date_as_object=False)).astype(
                "datetime64[us]")
        else:
            columns[name] = pd.Series(column.to_pandas())
    return pd.DataFrame(columns, columns=table.column_names) if columns else pd.DataFrame(
        index=range(table.num_rows))


@dataclass
class Database:
    """A validated export and the named queries over it."""
    export: Export
    con: duckdb.DuckDBPyConnection
    loads: dict[str, TableLoad]
    last_day: dt.date  # the export's last visit or birth
    file: Path | None = None  # the validated database, None when validated in memory
    # The named queries without parameters (units, row counts, dates, schedules, the
    # quarantine per rule) answer the same for as long as the export is open: they are
    # facts of the export, read once when it is opened, not at every page.
    facts: dict[str, pd.DataFrame] = field(default_factory=dict)
    _local: threading.local = field(default_factory=threading.local, repr=False,
                                    compare=False)
    # the shared lock that keeps `file` from being pruned while this is open (_hold)
    _readers: Any = field(default=None, repr=False, compare=False)
    threshold: int = DEFAULT_THRESHOLD  # the small-number threshold its verdicts are for
    grid: Grid | None = None  # the periods those verdicts are decided on (None: no visit)

    @classmethod
    def open(cls, path: Path | str | None = None, memory_limit: str = "1GB",
             threshold: int | None = None, progress=None) -> "Database":
        """The export validated once into a database file that later starts (and other
        processes) open read-only; `memory_limit` bounds DuckDB's buffers, the file holds
        the rest. Small numbers are decided at `threshold` (the settings' by default).
        `progress(step)`: told each step of a build (BUILD_STEPS), where one is needed."""
        if threshold is None:
            from dashboard.settings import load_settings
            threshold = load_settings().threshold
        export = open_export(path)
        readers = None
        try:
            file = database_file(export, threshold)
            file.parent.mkdir(parents=True, exist_ok=True)
            try:
                readers = _hold(file)  # not pruned while this process reads it
            except OSError as error:  # a cache this process may read but not write
                log.info("%s read without a readers lock (%s)", file.name, error)
            if not file.exists():
                _build_file(export, file, memory_limit, threshold, progress)
            os.utime(file)  # the most recently used are the ones kept
            con = duckdb.connect(str(file), read_only=True,
                                 config={"memory_limit": memory_limit})
        except BaseException as error:
            # nothing of the file is read: its lock goes now, not with the error's
            # traceback (Exports keeps a refused export's error; second review)
            if readers is not None:
                readers.close()
                readers = None
            if not isinstance(error, (OSError, duckdb.IOException)):
                raise
            # no cache to write (or the file removed meanwhile by hand): validate into
            # memory, as every start would without the cache
            log.warning("validated database not kept (%s); validating in memory", error)
            con, _ = build(export, duckdb.connect(config={"memory_limit": memory_limit}),
                           threshold, progress)
            file = None
        con.execute("SET enable_progress_bar = false")
        loads = {name: TableLoad(name, rows, tuple(extra)) for name, rows, extra in
                 con.execute("SELECT * FROM _loads").fetchall()}
        last_visit, last_birth = con.execute(
            "SELECT (SELECT max(visit_date) FROM visit_facts), "
            "(SELECT max(child_birth_date) FROM family_facts)").fetchone()
        first, last = con.execute("SELECT first_month, last_month FROM privacy_grid"
                                  ).fetchone()
        db = cls(export, con, loads, max(d for d in (last_visit, last_birth, dt.date.min)
                                         if d), file, _readers=readers, threshold=threshold,
                 grid=Grid(month_index(first), month_index(last), export.reference_date)
                 if first else None)
        db.facts = {name: db._run(name, {}, False) for name in query_names()
                    if not PARAMETER.search(query_text(name))}
        return db

    def close(self) -> None:
        """Close the connection and let go of the database file (it may be pruned). The
        app does not close a database it replaced: a session may still be reading it;
        the garbage collector does, once none is."""
        self.con.close()
        if self._readers is not None:
            self._readers.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *_) -> None:
        self.close()

    def reads_kept_rows(self, filters: Filters) -> bool:
        """Whether the rows kept per month answer for these filters: the period is whole
        months (a last day on or after the export's last visit and birth closes its month)
        and the as-of date is the reference date. Then the named queries resolve the
        model's macros in the schema `kept` first (queries/model/visit_months.sql)."""
        def month_start(day): return day is None or day.day == 1
        def month_end(day): return (day is None or day >= self.last_day
                                    or (day + dt.timedelta(days=1)).day == 1)
        return (month_start(filters.date_from) and month_end(filters.date_to)
                and (filters.as_of is None or filters.as_of == self.export.reference_date))

    def query(self, name: str, filters: Filters | None = None, scope: Scope | None = None,
              **options) -> pd.DataFrame:
        """Run `queries/<name>.sql` with the filters, the reader's scope (row-level queries
        only, required there) and grain options (interval, cohort) as bound parameters."""
        sql = query_text(name)
        if name in ROW_LEVEL_QUERIES and scope is None:
            raise PermissionError(f"{name} returns row-level data and needs a scope")
        filters = filters or Filters()
        params = filters.params(self.export.reference_date)
        params["scope_bvcs"] = scope.param() if scope else None
        params.update(check_options(options))
        if name in self.facts:
            return self.facts[name].copy()
        used = {p: params[p] for p in dict.fromkeys(PARAMETER.findall(sql))}
        return self._run(name, used, self.reads_kept_rows(filters))

    def cells(self, measures, unit_parts, period_parts) -> pd.DataFrame:
        """The grid's cells of `measures` summed per group of units and of periods
        (privacy.read.UnitPart, PeriodPart), with whether any of them is hidden."""
        if not (unit_parts and period_parts and measures):
            return pd.DataFrame(columns=["unit_group", "period_group", "measure", "value",
                                         "hidden", "cells"])
        return self._run("grid_cells", {
            "measures": list(measures),
            "unit_parts": [{"unit_group": u.group, "level": u.level, "unit": u.unit}
                           for u in unit_parts],
            "period_parts": [{"period_group": p.group, "kind": p.kind, "period": p.period}
                             for p in period_parts]}, False)

    def _run(self, name: str, params: dict, kept: bool) -> pd.DataFrame:
        cursor = self._cursor(kept)
        # the DB-API result binds the query once; a relation (cursor.sql) binds it twice,
        # which costs more than the copy of the rows DuckDB warns about
        return frame(cursor.execute(query_text(name), params).to_arrow_table(), cursor)

    def _cursor(self, kept: bool) -> duckdb.DuckDBPyConnection:
        """This thread's cursor (a DuckDB connection is not shared between threads; a new
        one per query cost 0.7 ms of a 3 ms query), its macros resolved in `kept` first
        or not."""
        local = self._local
        if getattr(local, "cursor", None) is None:
            local.cursor, local.kept = self.con.cursor(), False
        if local.kept != kept:
            local.cursor.execute("SET search_path = 'kept,main'" if kept
                                 else "RESET search_path")
            local.kept = kept
        return local.cursor
