"""The one place that runs SQL: builds the DuckDB database of an export and runs the named
queries in `queries/` with bound parameters, a cursor per call."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from dashboard import programmes as shipped
from dashboard.contract import TABLES
from dashboard.export import PACKAGE_ROOT, Export, open_export
from dashboard.filters import Filters, Scope, check_options
from dashboard.validation import (QUARANTINE_DDL, TableLoad, keep_valid_rows, literal,
                                  load_sources, q, quarantine_rows)
from dashboard.vocab import VOCABULARIES

QUERIES_DIR = PACKAGE_ROOT / "queries"
MODEL_DIR = QUERIES_DIR / "model"
# Built after validation, in this order, over the valid rows.
MODEL_FILES = ("visit_facts.sql", "family_facts.sql", "scope_macros.sql", "quality_macros.sql")
PARAMETER = re.compile(r"\$([a-z_]+)")
# Queries that return rows about single families or visits: each takes `$scope_bvcs`, and
# none runs without a scope, so that no caller can forget one (it fails closed).
ROW_LEVEL_QUERIES = frozenset({"due_list", "flagged_visits", "quarantined_rows",
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
            SELECT * FROM {q('_src_' + name)} s
            WHERE EXISTS (SELECT 1 FROM quarantine x WHERE x.table_name = {literal(name)}
                          AND x.file = s._file AND x.row = s._row)""")
        con.execute(f"DROP TABLE {q('_src_' + name)}")


def build(export: Export, con: duckdb.DuckDBPyConnection | None = None):
    """Validate the export into `con`: valid rows as tables, the rest in `quarantine`."""
    con = con or duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    con.execute((MODEL_DIR / "pnr_macros.sql").read_text(encoding="utf-8"))
    _reference_tables(con)
    loads = load_sources(con, export)
    con.execute(QUARANTINE_DDL)
    _programmes(con, export, loads)
    for name in ("units", "families", "visits", "referrals", "ratings"):
        quarantine_rows(con, TABLES[name], export)
        keep_valid_rows(con, TABLES[name])
    _load_summary(con, loads)
    _keep_quarantined_rows(con, loads)
    for file in MODEL_FILES:
        con.execute((MODEL_DIR / file).read_text(encoding="utf-8"))
    return con, loads


@dataclass
class Database:
    """A validated export and the named queries over it."""
    export: Export
    con: duckdb.DuckDBPyConnection
    loads: dict[str, TableLoad]

    @classmethod
    def open(cls, path: Path | str | None = None) -> "Database":
        export = open_export(path)
        con, loads = build(export)
        return cls(export, con, loads)

    def query(self, name: str, filters: Filters | None = None, scope: Scope | None = None,
              **options) -> pd.DataFrame:
        """Run `queries/<name>.sql` with the filters, the reader's scope (row-level queries
        only, required there) and grain options (interval, cohort) as bound parameters."""
        sql = query_text(name)
        if name in ROW_LEVEL_QUERIES and scope is None:
            raise PermissionError(f"{name} returns row-level data and needs a scope")
        params = (filters or Filters()).params(self.export.reference_date)
        params["scope_bvcs"] = scope.param() if scope else None
        params.update(check_options(options))
        used = {p: params[p] for p in dict.fromkeys(PARAMETER.findall(sql))}
        cursor = self.con.cursor()
        try:
            return cursor.execute(sql, used).df()
        finally:
            cursor.close()
