"""Loading an export into DuckDB: typed source tables, the personal-number guard, row rules
in SQL, a quarantine of the rows that break them and tables of the valid rows."""
from __future__ import annotations

from dataclasses import dataclass


from dashboard.contract import SQL_TYPES, TABLES, Column, Table
from dashboard.errors import ExportError
from dashboard.export import Export, TableSource
from dashboard.vocab import VOCABULARIES


def q(name: str) -> str:
    """A quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def literal(value) -> str:
    """A quoted SQL string literal (DDL takes no parameters)."""
    return "'" + str(value).replace("'", "''") + "'"


QUARANTINE_DDL = """
CREATE OR REPLACE TABLE quarantine (
    table_name VARCHAR, key VARCHAR, rule VARCHAR, column_name VARCHAR, value VARCHAR,
    file VARCHAR, row BIGINT)
"""


@dataclass
class TableLoad:
    name: str
    input_rows: int
    extra_columns: tuple[str, ...]


def _source_sql(table: Table, source: TableSource) -> str:
    files = "[" + ", ".join(literal(f) for f in source.files) + "]"
    present = set(source.columns)
    select = []
    for column in table.columns:
        expr = q(column.name) if column.name in present else "NULL"
        select.append(f"CAST({expr} AS {SQL_TYPES[column.type]}) AS {q(column.name)}")
    contract = {c.name for c in table.columns}
    select += [q(c) for c in source.columns if c not in contract]
    return (f"CREATE OR REPLACE TABLE {q('_src_' + table.name)} AS SELECT {', '.join(select)}, "
            f"_file, file_row_number AS _row FROM read_parquet({files}, filename='_file', "
            f"file_row_number=true, union_by_name=true, "
            f"hive_partitioning={'true' if source.hive else 'false'})")


def _refuse_personal_numbers(con, table: Table, export: Export) -> None:
    src = q("_src_" + table.name)
    strings = [name for name, dtype in con.execute(f"SELECT column_name, column_type FROM "
                                                   f"(DESCRIBE {src})").fetchall()
               if dtype == "VARCHAR" and name != "_file"]
    if not strings:
        return
    # distinct values first: most string columns repeat a few codes many times
    counts = con.execute(" UNION ALL ".join(
        f"SELECT {literal(c)}, (SELECT count(*) FROM {src} WHERE {q(c)} IN "
        f"(SELECT v FROM (SELECT DISTINCT {q(c)} AS v FROM {src}) WHERE has_personal_number(v)))"
        for c in strings)).fetchall()
    for column, count in counts:
        if count:
            file, row = con.execute(f"SELECT _file, _row FROM {src} WHERE has_personal_number("
                                    f"{q(column)}) ORDER BY _file, _row LIMIT 1").fetchone()
            raise ExportError("personal_number", table=table.name, column=column, count=count,
                              row=row + 1, file=_relative(file, export))


def _relative(file: str, export: Export) -> str:
    try:
        from pathlib import Path
        return str(Path(file).relative_to(export.path))
    except ValueError:
        return file


def _violation(rule: str, column: str, condition: str) -> str:
    return (f"CASE WHEN {condition} THEN {{'rule': {literal(rule)}, 'column_name': "
            f"{literal(column)}, 'value': CAST({q(column)} AS VARCHAR)}} END")


def _column_violations(table: Table, column: Column) -> list[str]:
    name = q(column.name)
    out = []
    if column.required:
        rule = "null_key" if column.name in table.key else "required_value"
        out.append(_violation(rule, column.name, f"{name} IS NULL"))
    if column.codes:
        codes = ", ".join(literal(c) for c in VOCABULARIES[column.codes])
        out.append(_violation("unknown_code", column.name,
                              f"{name} IS NOT NULL AND NOT list_contains([{codes}], {name})"))
    if column.range:
        low, high = column.range
        out.append(_violation("out_of_range", column.name, f"{name} < {low} OR {name} > {high}"))
    if column.references:
        alias = q("_ref_" + column.name)
        out.append(_violation("unknown_reference", column.name,
                              f"{name} IS NOT NULL AND {alias}.in_source IS NULL"))
        out.append(_violation("parent_quarantined", column.name,
                              f"{alias}.in_source AND {alias}.is_valid IS NULL"))
    return out


def _reference_join(column: Column) -> str:
    """Joins a referenced table's keys: seen in its source at all, and among its valid rows."""
    parent, key = column.references.split(".")
    source = "_all_programme_ids" if parent == "programmes" else "_src_" + parent
    alias = q("_ref_" + column.name)
    return (f"LEFT JOIN (SELECT s.k, true AS in_source, max(v.k IS NOT NULL) OR NULL AS is_valid "
            f"FROM (SELECT DISTINCT {q(key)} AS k FROM {q(source)}) s "
            f"LEFT JOIN (SELECT DISTINCT {q(key)} AS k FROM {q(parent)}) v ON v.k = s.k "
            f"GROUP BY s.k) {alias} ON {alias}.k = s.{q(column.name)}")


# Values a table's checks need from its parents (see contract.Check).
CONTEXT = {
    "visits": ("LEFT JOIN (SELECT family_id AS _fam_id, min(child_birth_date) AS _birth "
               "FROM _src_families GROUP BY family_id) _fam ON _fam._fam_id = s.family_id "
               "LEFT JOIN (SELECT u.bvc_id AS _prog_bvc, max(p.visit_number) AS _visits "
               "FROM units u JOIN programmes p USING (programme_id) GROUP BY u.bvc_id) _prog "
               "ON _prog._prog_bvc = s.bvc_id"),
    "ratings": ("LEFT JOIN (SELECT code AS _scale_item, scale_max AS _scale_max FROM ref_codes "
                "WHERE vocabulary = 'rating_item') _scale ON _scale._scale_item = s.item"),
}


def quarantine_rows(con, table: Table, export: Export) -> None:
    """Record every row rule a row breaks; a duplicate key quarantines all rows sharing it."""
    checks = [v for column in table.columns for v in _column_violations(table, column)]
    reference_date = literal(export.reference_date.isoformat()) + "::DATE"
    checks += [_violation(c.rule, c.column, c.condition.replace("$reference_date", reference_date))
               for c in table.checks]
    keys = ", ".join(q(k) for k in table.key)
    checks.append(_violation("duplicate_key", table.key[0], "_dup.is_dup"))
    joins = [_reference_join(c) for c in table.columns if c.references]
    joins.append(f"LEFT JOIN (SELECT {keys}, true AS is_dup FROM {q('_src_' + table.name)} "
                 f"GROUP BY ALL HAVING count(*) > 1) _dup USING ({keys})")
    key_expr = "concat_ws(' | ', " + ", ".join(q(k) for k in table.key) + ")"
    con.execute(f"""
        INSERT INTO quarantine
        SELECT {literal(table.name)}, nullif({key_expr}, ''), v.rule, v.column_name, v.value,
               _file, _row
        FROM (SELECT s.*, unnest(list_filter([{', '.join(checks)}], lambda x: x IS NOT NULL)) AS v
              FROM {q('_src_' + table.name)} s {' '.join(joins)} {CONTEXT.get(table.name, '')})
    """)


def keep_valid_rows(con, table: Table, name: str | None = None) -> None:
    """The valid rows become the table the queries read, without the source bookkeeping."""
    con.execute(f"""
        CREATE OR REPLACE TABLE {q(name or table.name)} AS
        SELECT * EXCLUDE (_file, _row) FROM {q('_src_' + table.name)} s
        WHERE NOT EXISTS (SELECT 1 FROM quarantine x WHERE x.table_name = {literal(table.name)}
                          AND x.file = s._file AND x.row = s._row)
    """)


def load_sources(con, export: Export) -> dict[str, TableLoad]:
    """Read every table's files into a typed source table and refuse unpseudonymised data."""
    loads = {}
    for table in TABLES.values():
        source = export.tables.get(table.name)
        if source is None:
            continue
        con.execute(_source_sql(table, source))
        _refuse_personal_numbers(con, table, export)
        rows = con.execute(f"SELECT count(*) FROM {q('_src_' + table.name)}").fetchone()[0]
        expected = (export.manifest or {}).get("rows", {}).get(table.name)
        if expected is not None and int(expected) != rows:
            raise ExportError("row_count_mismatch", table=table.name, expected=expected, found=rows)
        contract = {c.name for c in table.columns}
        loads[table.name] = TableLoad(table.name, rows,
                                      tuple(c for c in source.columns if c not in contract))
    return loads
