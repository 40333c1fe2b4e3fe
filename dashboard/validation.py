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
    # A view, not a table: every later pass reads the Parquet files again, which costs
    # less than holding a copy of the largest table (ratings) in the database.
    return (f"CREATE OR REPLACE VIEW {q('_src_' + table.name)} AS SELECT {', '.join(select)}, "
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
    # Distinct values first (most string columns repeat a few codes or ids many times),
    # and the row-level count only for a column where one was found. The test sits in an
    # aggregate so that DuckDB cannot push it below DISTINCT into the scan of every row.
    found = [column for column, hit in con.execute(" UNION ALL ".join(
        f"SELECT {literal(c)}, bool_or(has_personal_number(v)) "
        f"FROM (SELECT DISTINCT {q(c)} AS v FROM {src})" for c in strings)).fetchall() if hit]
    for column in found[:1]:
        hits = f"FROM {src} WHERE has_personal_number({q(column)})"
        count = con.execute(f"SELECT count(*) {hits}").fetchone()[0]
        file, row = con.execute(f"SELECT _file, _row {hits} ORDER BY _file, _row "
                                f"LIMIT 1").fetchone()
        raise ExportError("personal_number", table=table.name, column=column, count=count,
                          row=row + 1, file=_relative(file, export))


def _relative(file: str, export: Export) -> str:
    try:
        from pathlib import Path
        return str(Path(file).relative_to(export.path))
    except ValueError:
        return file


def _violation(rule: str, column: str, condition: str) -> tuple[str, str, str]:
    """A row rule as (rule, column, SQL condition that is true for a row breaking it)."""
    return rule, column, condition


def _column_violations(table: Table, column: Column) -> list[tuple[str, str, str]]:
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
               "LEFT JOIN (SELECT u.bvc_id AS _prog_bvc, "
               "list(p.visit_number) AS _visit_numbers "
               "FROM units u JOIN programmes p USING (programme_id) GROUP BY u.bvc_id) _prog "
               "ON _prog._prog_bvc = s.bvc_id"),
    "ratings": ("LEFT JOIN (SELECT code AS _scale_item, scale_max AS _scale_max FROM ref_codes "
                "WHERE vocabulary = 'rating_item') _scale ON _scale._scale_item = s.item"),
}


def _strides(table: Table) -> list[tuple[str, list[str], int]]:
    """The key's columns after the first, each with its codes and its stride in a row's code
    position (`code_index`, `cell_position`)."""
    out, stride = [], 1
    for name in table.key[1:]:
        codes = list(VOCABULARIES[table.column(name).codes])
        out.append((name, codes, stride))
        stride *= len(codes)
    return out


def code_index(table: Table) -> str | None:
    """For a key whose columns after the first are all coded (ratings: rater role and item),
    each row's position among the code combinations (`cell_position`), when there are at
    most 64 of them."""
    rest = [table.column(k) for k in table.key[1:]]
    if not rest or not all(c.codes for c in rest):
        return None
    strides = _strides(table)
    name, codes, stride = strides[-1]
    if stride * len(codes) > 64:
        return None
    return " + ".join(f"(list_position([{', '.join(literal(c) for c in codes)}], "
                      f"{q(name)}) - 1) * {stride}" for name, codes, stride in strides)


def cell_position(table: Table, values: dict[str, str]) -> int:
    """The position `code_index` gives a row with these codes."""
    return sum(codes.index(values[name]) * stride for name, codes, stride in _strides(table))


def _duplicates_join(table: Table, rows: str) -> str:
    """Joins `_dup.is_dup` to the rows whose key occurs more than once among `rows` (NULL
    keys never match, as in SQL's USING)."""
    keys = ", ".join(q(k) for k in table.key)
    return (f"LEFT JOIN (SELECT {keys}, true AS is_dup FROM {rows} "
            f"GROUP BY ALL HAVING count(*) > 1) _dup USING ({keys})")


def by_parent(table: Table) -> bool:
    """Rows keyed by their parent's id and codes (ratings: visit, role, item; referrals:
    visit, destination), with no other reference: checked a parent id at a time."""
    first = table.column(table.key[0])
    return (code_index(table) is not None and first.references is not None
            and all(c.references is None for c in table.columns if c is not first))


def _rules(table: Table, export: Export) -> list[tuple[str, str, str]]:
    checks = [v for column in table.columns for v in _column_violations(table, column)]
    reference_date = literal(export.reference_date.isoformat()) + "::DATE"
    checks += [_violation(c.rule, c.column, c.condition.replace("$reference_date", reference_date))
               for c in table.checks]
    return checks + [_violation("duplicate_key", table.key[0], "_dup.is_dup")]


def _broken(checks) -> str:
    return " OR ".join(f"coalesce({condition}, false)" for _, _, condition in checks)


def quarantine_rows(con, table: Table, export: Export, per_parent: str = "") -> None:
    """Record every row rule a row breaks; a duplicate key quarantines all rows sharing it.
    The rules are tested as one condition per row first; the reasons are spelled out only
    for the rows that break one. A table keyed by its parent's id (see `by_parent`) is read
    once, grouped by that id, with `per_parent` as further aggregates kept in
    `_groups_<table>`; its rows are looked at one by one only for the ids where that
    shows a problem."""
    checks = _rules(table, export)
    src = q("_src_" + table.name)
    if not by_parent(table):
        _insert_reasons(con, table, checks, src, _duplicates_join(table, src))
        return
    first, rest = q(table.key[0]), table.key[1:]
    parent, key = table.column(table.key[0]).references.split(".")
    # Rules on the other key columns (missing or unknown codes) show as rows without a
    # code position; a missing parent id as a group without one.
    own = [c for c in checks if c[0] not in ("unknown_reference", "parent_quarantined",
                                             "duplicate_key")
           and not (c[1] in table.key and c[0] in ("null_key", "unknown_code"))]
    groups, suspect = q("_groups_" + table.name), q("_suspect_" + table.name)
    cells = q("_cells_" + table.name)
    # the code positions as a table joined in (an expression would be evaluated again in
    # every aggregate that uses it)
    vocabularies = [(k, ", ".join(map(literal, VOCABULARIES[table.column(k).codes])))
                    for k in rest]
    con.execute(f"CREATE OR REPLACE TEMP TABLE {cells} AS SELECT "
                + ", ".join(f"{q(k)} AS {q('_c_' + k)}" for k in rest)
                + f", {code_index(table)} AS _cell FROM "
                + ", ".join(f"(SELECT unnest([{codes}]) AS {q(k)})" for k, codes in vocabularies))
    on = " AND ".join(f"c.{q('_c_' + k)} = s.{q(k)}" for k in rest)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE {groups} AS
        SELECT s.{first} AS parent_id, count(*) AS n, count(_cell) AS coded,
               bit_or(1::UBIGINT << _cell) AS bits,
               {f"bool_or({_broken(own)})" if own else "false"} AS broken
               {per_parent}
        FROM {src} s LEFT JOIN {cells} c ON {on} {CONTEXT.get(table.name, '')}
        GROUP BY s.{first}""")
    # a missing id, a parent missing or quarantined, a row breaking a rule of its own, an
    # uncoded row or two rows with the same codes (one bit per code combination)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE {suspect} AS
        SELECT parent_id FROM {groups} g
        WHERE parent_id IS NULL OR broken OR n > coded OR n > bit_count(bits)
           OR NOT EXISTS (SELECT 1 FROM {q(parent)} p WHERE p.{q(key)} = g.parent_id)""")
    if not con.execute(f"SELECT count(*) FROM {suspect}").fetchone()[0]:
        return
    rows = (f"(SELECT * FROM {src} WHERE {first} IN (SELECT parent_id FROM {suspect}) "
            f"OR {first} IS NULL)")
    _insert_reasons(con, table, checks, rows, _duplicates_join(table, rows))


def _insert_reasons(con, table: Table, checks, rows: str, duplicates: str) -> None:
    joins = [_reference_join(c) for c in table.columns if c.references] + [duplicates]
    reasons = ", ".join(
        f"CASE WHEN {condition} THEN {{'rule': {literal(rule)}, 'column_name': "
        f"{literal(column)}, 'value': CAST({q(column)} AS VARCHAR)}} END"
        for rule, column, condition in checks)
    key_expr = "concat_ws(' | ', " + ", ".join(q(k) for k in table.key) + ")"
    con.execute(f"""
        INSERT INTO quarantine
        SELECT {literal(table.name)}, nullif({key_expr}, ''), v.rule, v.column_name, v.value,
               _file, _row
        FROM (SELECT s.*, unnest(list_filter([{reasons}], lambda x: x IS NOT NULL)) AS v
              FROM {rows} s {' '.join(joins)} {CONTEXT.get(table.name, '')}
              WHERE {_broken(checks)})
    """)


def quarantined_count(con, table_name: str) -> int:
    return con.execute("SELECT count(*) FROM quarantine WHERE table_name = ?",
                       [table_name]).fetchone()[0]


def keep_valid_rows(con, table: Table, name: str | None = None, kind: str = "TABLE") -> None:
    """The valid rows become the table the queries read, without the source bookkeeping
    (`kind` VIEW reads them from the export's files, for a pass that follows)."""
    src = q("_src_" + table.name)
    valid = f"SELECT * EXCLUDE (_file, _row) FROM {src}"
    if quarantined_count(con, table.name):
        valid = (f"SELECT * EXCLUDE (_file, _row) FROM {src} s ANTI JOIN "
                 f"(SELECT file, row FROM quarantine WHERE table_name = {literal(table.name)}) x "
                 f"ON x.file = s._file AND x.row = s._row")
    con.execute(f"CREATE OR REPLACE {kind} {q(name or table.name)} AS {valid}")


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
