"""The researchers' SQL explorer: one read-only SELECT at a time, run in a sandboxed DuckDB
connection that holds a copy of the validated export and nothing else (no files, network,
extensions or settings), with a time limit and a row cap."""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field

import duckdb
import pandas as pd
import pyarrow as pa

from dashboard.db import MODEL_DIR, Database, build_model
from dashboard.export import PACKAGE_ROOT
from dashboard.settings import Limits
from dashboard.validation import literal, q

log = logging.getLogger(__name__)

EXAMPLES_DIR = PACKAGE_ROOT / "queries" / "examples"
# The export's valid rows, the reference tables and the quarantine, as the queries see them;
# the model (visit_facts, family_facts and the indicator macros) is rebuilt over them.
BASE_TABLES = ("units", "families", "visits", "referrals", "ratings", "programmes",
               "ref_codes", "ref_programmes", "quarantine", "load_summary")
BATCH_ROWS = 65_536


class Refused(Exception):
    """A statement the explorer will not run, or one that failed: a message key and values."""

    def __init__(self, key: str, **values):
        super().__init__(key)
        self.key, self.values = key, values


@dataclass
class Result:
    table: pa.Table
    complete: bool  # False: more rows than `download_rows` exist; the rest were not read
    seconds: float
    renamed: list[str] = field(default_factory=list)  # columns given a suffix to be unique


def unique_names(table: pa.Table) -> tuple[pa.Table, list[str]]:
    """Columns that share a name (`SELECT *` over a join) get `_2`, `_3`: tables, files
    and spreadsheets need unique names."""
    seen, names, renamed = {}, [], []
    for name in table.column_names:
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            new = f"{name}_{seen[name]}"
            while new in table.column_names or new in names:
                new += "_"
            names.append(new)
            renamed.append(new)
        else:
            names.append(name)
    return (table.rename_columns(names) if renamed else table), renamed


def single_select(sql: str) -> str:
    """The one SELECT in `sql`, as DuckDB's own parser splits and types it."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as error:
        raise Refused("syntax", detail=_first_line(error)) from None
    if not statements:
        raise Refused("empty")
    if len(statements) > 1:
        raise Refused("several", count=len(statements))
    if statements[0].type != duckdb.StatementType.SELECT:
        words = statements[0].query.split()
        first = words[0].upper() if words and words[0][0].isalpha() else ""
        raise Refused("not_select", kind=first or statements[0].type.name)
    return statements[0].query


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _copy(source: duckdb.DuckDBPyConnection, target: duckdb.DuckDBPyConnection,
          table: str, where: str = "") -> None:
    """Stream one table from the app's database into the sandbox as Arrow batches."""
    cursor = source.cursor()
    try:
        reader = cursor.sql(f"SELECT * FROM {q(table)} {where}").to_arrow_reader(BATCH_ROWS)
        target.register("_incoming", reader)
        target.execute(f"CREATE TABLE {q(table)} AS SELECT * FROM _incoming")
        target.unregister("_incoming")
    finally:
        cursor.close()


def _quarantined_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [name for (name,) in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'quarantined\\_%' ESCAPE '\\' "
        "ORDER BY table_name").fetchall()]


def _scoped(table: str, bvcs: tuple[str, ...] | None) -> str:
    """The rows of `table` a reader scoped to `bvcs` may query (None: every row). Rows of
    other units are never copied, so no SELECT can reach them; the quarantine is not tied
    to a unit and stays empty for a scoped reader."""
    if bvcs is None:
        return ""
    units = "[" + ", ".join(literal(b) for b in bvcs) + "]::VARCHAR[]"
    if table in ("families", "visits"):
        return f"WHERE list_contains({units}, bvc_id)"
    if table in ("referrals", "ratings"):
        return f"WHERE visit_id IN (SELECT visit_id FROM visits WHERE list_contains({units}, bvc_id))"
    if table.startswith("quarantine"):
        return "WHERE false"
    return ""  # units, programmes and the reference tables: not about families


class Sandbox:
    """A locked DuckDB with the explorer's tables; one cursor per statement. A reader of
    every unit reads the app's own validated database, attached read-only (no copy: at
    national scale the ratings alone would take gigabytes of memory); a reader scoped to
    `bvcs` gets a copy of only the rows of those units, with the model rebuilt over it."""

    def __init__(self, db: Database, limits: Limits = Limits(),
                 bvcs: tuple[str, ...] | None = None):
        self.limits = limits
        self.con = duckdb.connect()
        self.con.execute("SET enable_progress_bar = false")
        self.attached = bvcs is None and db.file is not None
        if self.attached:
            try:
                self.con.execute(f"ATTACH {literal(str(db.file))} AS export (READ_ONLY)")
            except duckdb.IOException as error:  # the file removed by hand: copy instead
                log.warning("explorer copies the tables: %s", error)
                self.attached = False
        if not self.attached:
            for table in BASE_TABLES + tuple(_quarantined_tables(db.con)):
                _copy(db.con, self.con, table, _scoped(table, bvcs))
            self.con.execute((MODEL_DIR / "pnr_macros.sql").read_text(encoding="utf-8"))
            build_model(self.con, db.export.reference_date)
        self._lock()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor of its own for one statement, reading the attached export by default."""
        cursor = self.con.cursor()
        if self.attached:
            cursor.execute("USE export")
        return cursor

    def _lock(self) -> None:
        """No file, network, extension or Python-variable access; settings frozen."""
        for statement in (
                f"SET memory_limit = '{self.limits.memory_limit}'",
                "SET temp_directory = ''",
                "SET allowed_directories = []", "SET allowed_paths = []",
                "SET enable_external_access = false",
                # DuckDB lets an attached database's own file through the two settings
                # above (read_blob of it answered); with the local file system disabled no
                # path opens, while the attached database reads through the handle it
                # already holds
                "SET disabled_filesystems = 'LocalFileSystem'",
                "SET autoinstall_known_extensions = false",
                "SET autoload_known_extensions = false",
                "SET python_enable_replacements = false",
                "SET lock_configuration = true"):
            self.con.execute(statement)

    def schema(self) -> pd.DataFrame:
        """Every table the explorer sees, with its columns and types, in order."""
        cursor = self.cursor()
        try:
            return cursor.execute("""
                SELECT table_name, column_name, data_type
                FROM information_schema.columns
                WHERE table_catalog = current_database() AND table_schema = 'main'
                  AND NOT starts_with(table_name, '_')  -- the validation's own bookkeeping
                ORDER BY table_name, ordinal_position""").df()
        finally:
            cursor.close()

    def run(self, sql: str) -> Result:
        """Run one SELECT; stop it after the time limit; read at most `download_rows` rows."""
        statement = single_select(sql)
        started = time.perf_counter()
        cursor = self.cursor()
        timer = threading.Timer(self.limits.timeout_seconds, cursor.interrupt)
        timer.start()
        try:
            reader = cursor.sql(statement).to_arrow_reader(BATCH_ROWS)
            batches, rows = [], 0
            for batch in reader:
                batches.append(batch)
                rows += batch.num_rows
                if rows > self.limits.download_rows:
                    break
            table = pa.Table.from_batches(batches, schema=reader.schema)
        except duckdb.InterruptException:
            raise Refused("timeout", seconds=self.limits.timeout_seconds) from None
        except duckdb.OutOfMemoryException:
            raise Refused("memory", limit=self.limits.memory_limit) from None
        except duckdb.PermissionException:
            raise Refused("permission") from None
        except duckdb.Error as error:
            raise Refused("error", detail=_first_line(error)) from None
        finally:
            timer.cancel()
            cursor.close()
        complete = table.num_rows <= self.limits.download_rows
        table, renamed = unique_names(table.slice(0, self.limits.download_rows))
        return Result(table, complete, time.perf_counter() - started, renamed)


@dataclass(frozen=True)
class Example:
    name: str
    title_sv: str
    title_en: str
    sql: str

    @property
    def body(self) -> str:
        """The query without its title line (the title is the menu's)."""
        return self.sql.split("\n", 1)[1] if "\n" in self.sql else self.sql


def examples() -> list[Example]:
    """The example queries in `queries/examples/`: the first line is `-- sv title | en title`."""
    out = []
    for path in sorted(EXAMPLES_DIR.glob("*.sql")):
        text = path.read_text(encoding="utf-8")
        title = text.splitlines()[0].removeprefix("--").strip()
        sv, _, en = title.partition("|")
        out.append(Example(path.stem, sv.strip(), en.strip() or sv.strip(), text))
    return out
