"""The SQL explorer's sandbox: example queries run, results are capped, and no statement
from a list of hostile ones writes, reads outside the export, changes a setting or keeps
running; the sandbox answers the next query after each."""
from __future__ import annotations

import time

import pandas as pd
import pytest

from dashboard.db import Database
from dashboard.explorer import Limits, Refused, Sandbox, examples, single_select

TIMEOUT = 1.0


@pytest.fixture(scope="module")
def sandbox(small_db):
    return Sandbox(small_db, Limits(timeout_seconds=TIMEOUT, download_rows=50,
                                    memory_limit="256MB"))


def hostile(tmp: str, data: str) -> list[str]:
    """Statements a researcher's editor must never run, or must stop."""
    return [
        # writing files
        f"COPY visits TO '{tmp}/visits.csv'",
        f"COPY (SELECT * FROM families) TO '{tmp}/families.parquet' (FORMAT parquet)",
        f"EXPORT DATABASE '{tmp}/everything'",
        f"SELECT 1; COPY visits TO '{tmp}/second.csv'",
        # other databases
        f"ATTACH '{tmp}/other.duckdb' AS other",
        "ATTACH ':memory:' AS scratch",
        "DETACH scratch",
        "USE scratch",
        # extensions
        "INSTALL httpfs", "LOAD httpfs", "FORCE INSTALL spatial FROM community",
        f"LOAD '{tmp}/evil.duckdb_extension'",
        # reading arbitrary files and the network through table functions
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_text('/etc/hostname')",
        "SELECT * FROM read_blob('/etc/passwd')",
        f"SELECT * FROM read_parquet('{data}/visits.parquet')",
        f"SELECT * FROM parquet_metadata('{data}/families.parquet')",
        f"SELECT * FROM '{data}/families.parquet'",
        "SELECT * FROM glob('/*')",
        "SELECT * FROM sniff_csv('/etc/passwd')",
        "SELECT * FROM read_json_auto('https://example.com/data.json')",
        "SELECT * FROM sqlite_scan('/tmp/x.db', 'x')",
        "SELECT getenv('HOME')",
        # Python objects in the caller's scope (DuckDB's replacement scan)
        "SELECT * FROM leaked_frame",
        # settings
        "SET enable_external_access = true", "SET memory_limit = '100GB'",
        "RESET enable_external_access", "SET lock_configuration = false",
        "PRAGMA enable_profiling", "CALL pragma_version()",
        "CREATE SECRET (TYPE s3, KEY_ID 'a', SECRET 'b')",
        # changing data and the catalogue
        "CREATE TABLE copy AS SELECT * FROM visits", "CREATE VIEW v AS SELECT 1",
        "CREATE MACRO leak() AS 1", "DROP TABLE visits", "DROP VIEW visit_facts",
        "INSERT INTO visits SELECT * FROM visits", "UPDATE visits SET duration_minutes = 1",
        "DELETE FROM visits", "ALTER TABLE visits ADD COLUMN x INT",
        "WITH x AS (SELECT 1) DELETE FROM visits", "TRUNCATE visits",
        "BEGIN TRANSACTION", "CHECKPOINT", "VACUUM",
        "EXPLAIN ANALYZE DELETE FROM visits",
        # several statements, and comments hiding a second
        "SELECT 1; DROP TABLE visits",
        "SELECT 1 /* harmless */; DROP TABLE visits",
        "SELECT 1 -- a comment\n; DELETE FROM visits",
        "/* SELECT 1; */ DROP TABLE visits",
        "SELECT * FROM query('DROP TABLE visits')",
        f"SELECT * FROM query('COPY visits TO ''{tmp}/q.csv''')",
        "", "-- only a comment", ";",
        # never ends, or is far too large
        "SELECT count(*) FROM range(1000000000000)",
        "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) FROM t",
        "SELECT * FROM visits a, visits b, visits c, visits d, visits e, ratings f "
        "ORDER BY random()",
        "SELECT list(range) FROM range(10000000000) GROUP BY range % 7",
    ]


def test_examples_run_on_the_sample_and_return_rows():
    roomy = Sandbox(Database.open())
    for example in examples():
        assert example.title_sv and example.title_en, example.name
        result = roomy.run(example.sql)
        assert result.complete, example.name
        if example.name != "06_quarantine":  # the sample has no quarantined rows
            assert result.table.num_rows > 0, example.name


def test_results_match_the_dashboard(small_db, sandbox):
    shown = sandbox.run("SELECT count(*) AS visits FROM visits").table.to_pylist()
    assert shown == [{"visits": int(small_db.query("visit_counts").visits.iloc[0])}]
    # the model and macros are the dashboard's: the same shares as the named query
    mine = sandbox.run("SELECT unnest(visit_shares(v), recursive := true) "
                       "FROM visits_in_scope(NULL, NULL, [], [], []) v").table.to_pandas()
    named = small_db.query("visit_shares")
    pd.testing.assert_frame_equal(mine.sort_values("indicator").reset_index(drop=True),
                                  named.sort_values("indicator").reset_index(drop=True),
                                  check_dtype=False)


def test_quarantine_and_reference_tables_are_there(small_db, sandbox):
    tables = set(sandbox.schema().table_name)
    assert {"visits", "families", "units", "referrals", "ratings", "programmes", "quarantine",
            "ref_codes", "ref_programmes", "visit_facts", "family_facts"} <= tables
    quarantined = sandbox.run("SELECT count(*) AS n FROM quarantine").table.to_pylist()[0]["n"]
    assert quarantined == small_db.con.execute("SELECT count(*) FROM quarantine").fetchone()[0]


def test_rows_beyond_the_cap_are_not_read(sandbox):
    result = sandbox.run("SELECT * FROM range(1000)")
    assert result.table.num_rows == 50 and not result.complete
    exact = sandbox.run("SELECT * FROM range(50)")
    assert exact.table.num_rows == 50 and exact.complete


@pytest.mark.parametrize("kind", ["SELECT", "FROM", "WITH", "DESCRIBE", "VALUES"])
def test_read_only_forms_are_accepted(sandbox, kind):
    sql = {"SELECT": "SELECT 1 AS x", "FROM": "FROM units LIMIT 1",
           "WITH": "WITH a AS (SELECT 2 AS x) SELECT x FROM a", "DESCRIBE": "DESCRIBE visits",
           "VALUES": "VALUES (1), (2)"}[kind]
    assert sandbox.run(sql).table.num_rows >= 1


def test_no_hostile_statement_gets_through(sandbox, small_export, tmp_path):
    leaked_frame = pd.DataFrame({"secret": [1]})  # noqa: F841 (DuckDB would find it by name)
    statements = hostile(str(tmp_path), str(small_export))
    assert len(statements) >= 30
    visits_before = sandbox.run("SELECT count(*) AS n FROM visits").table.to_pylist()
    outcomes, through = {}, []
    for sql in statements:
        started = time.perf_counter()
        try:
            sandbox.run(sql)
            through.append(sql)
        except Refused as refused:
            outcomes[sql] = refused.key
        # stopped by the timer, not left running: well within a few time limits
        assert time.perf_counter() - started < TIMEOUT * 10, sql
        # the sandbox still answers, unchanged
        assert sandbox.run("SELECT count(*) AS n FROM visits").table.to_pylist() == visits_before
    assert through == []
    assert list(tmp_path.iterdir()) == []  # nothing was written
    settings = sandbox.run("SELECT current_setting('enable_external_access') AS external, "
                           "current_setting('lock_configuration') AS locked").table.to_pylist()
    assert settings == [{"external": False, "locked": True}]
    # the statements a parser would let through are stopped for the right reason
    assert outcomes["SELECT count(*) FROM range(1000000000000)"] == "timeout"
    assert outcomes["SELECT * FROM read_csv('/etc/passwd')"] == "permission"
    assert outcomes["SELECT 1; DROP TABLE visits"] == "several"
    assert outcomes["DROP TABLE visits"] == "not_select"
    assert outcomes["-- only a comment"] == "empty"
    # the secret manager cannot reach its stored secrets (no file system): none to list
    assert sandbox.run("SELECT * FROM duckdb_secrets()").table.num_rows == 0


@pytest.mark.parametrize("sql, key", [("SELEC 1", "syntax"), ("SELECT nope FROM visits", "error"),
                                      ("SELECT 1; SELECT 2", "several")])
def test_mistakes_are_messages(sandbox, sql, key):
    with pytest.raises(Refused) as refused:
        single_select(sql) if key != "error" else sandbox.run(sql)
    assert refused.value.key == key


def test_results_download_in_three_formats(sandbox):
    import io

    import openpyxl
    import pyarrow.parquet as pq

    from dashboard.result_files import csv_bytes, parquet_bytes, xlsx_bytes
    table = sandbox.run("SELECT programme_id, visit_number, professions, "
                        "DATE '2024-01-31' AS day, '=1+1' AS text, 0.5 AS half "
                        "FROM programmes WHERE programme_id = 'goteborg-6' "
                        "AND visit_number = 1").table
    assert csv_bytes(table).decode("utf-8").splitlines() == [
        "programme_id,visit_number,professions,day,text,half",
        "goteborg-6,1,\"['nurse', 'parent_supporter']\",2024-01-31,=1+1,0.5"]
    assert pq.read_table(io.BytesIO(parquet_bytes(table))).to_pylist() == table.to_pylist()
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(table))).active
    row = [c.value for c in list(sheet.iter_rows())[1]]
    assert row[:3] == ["goteborg-6", 1, "['nurse', 'parent_supporter']"]
    assert row[3].date().isoformat() == "2024-01-31"
    assert row[4:] == ["=1+1", 0.5]  # text, never a formula


def test_a_scoped_sandbox_holds_only_the_readers_units(small_db):
    scoped = Sandbox(small_db, Limits(timeout_seconds=TIMEOUT), bvcs=("B3",))

    def rows(sql):
        return scoped.run(sql).table.to_pylist()
    assert rows("SELECT DISTINCT bvc_id FROM visits") == [{"bvc_id": "B3"}]
    assert rows("SELECT family_id FROM families ORDER BY 1") == [{"family_id": "F5"},
                                                                {"family_id": "F6"}]
    assert rows("SELECT count(*) AS n FROM referrals") == [{"n": 2}]  # V13, V14
    assert rows("SELECT count(*) AS n FROM visit_facts") == [{"n": 2}]
    assert rows("SELECT count(*) AS n FROM quarantine") == [{"n": 0}]
    assert rows("SELECT count(*) AS n FROM units") == [{"n": 3}]  # units are not about families


def test_a_reader_of_every_unit_reads_the_kept_database_without_a_copy(small_db, sandbox):
    """At national scale a copy would take gigabytes: the sandbox of a reader of every unit
    attaches the app's validated database read-only and copies nothing, and still sees
    only the documented tables (not the validation's own `_` tables)."""
    assert sandbox.attached and small_db.file is not None
    copied = sandbox.con.execute("SELECT count(*) FROM duckdb_tables() "
                                 "WHERE database_name = 'memory'").fetchone()[0]
    assert copied == 0
    tables = set(sandbox.schema().table_name)
    assert {"visit_facts", "ratings", "quarantine", "family_months"} <= tables
    assert not any(name.startswith("_") for name in tables)
    with pytest.raises(Refused):  # read-only: nothing can be written back
        sandbox.run("SELECT * FROM (DELETE FROM visits RETURNING *)")
    # DuckDB lets an attached database's own file past enable_external_access: the review
    # read it whole with read_blob. No path opens, that file's least of all.
    for sql in (f"SELECT size FROM read_blob('{small_db.file}')",
                f"SELECT * FROM read_text('{small_db.file}')",
                f"SELECT * FROM glob('{small_db.file.parent}/*')",
                f"SELECT count(*) FROM read_parquet('{small_db.file}')"):
        with pytest.raises(Refused) as refused:
            sandbox.run(sql)
        assert refused.value.key == "permission", sql
