"""Build small exports in code: rows in, typed Parquet files out (types from the contract)."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from dashboard.contract import TABLES

ARROW = {"string": pa.string(), "int": pa.int64(), "date": pa.date32(), "bool": pa.bool_(),
         "string_list": pa.list_(pa.string())}


def d(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def table(name: str, rows: list[dict], drop: tuple[str, ...] = ()) -> pa.Table:
    """Rows as an Arrow table with the contract's types; columns not given are null,
    columns in `drop` left out; extra keys become extra columns."""
    contract = TABLES[name]
    fields = [pa.field(c.name, ARROW[c.type]) for c in contract.columns if c.name not in drop
              and (not c.optional or any(c.name in r for r in rows))]
    extra = sorted({k for r in rows for k in r} - {c.name for c in contract.columns})
    fields += [pa.field(k, pa.string()) for k in extra]
    schema = pa.schema(fields)
    converted = [{f.name: (d(r.get(f.name)) if f.type == pa.date32() and isinstance(
        r.get(f.name), str) else r.get(f.name)) for f in schema} for r in rows]
    return pa.Table.from_pylist(converted, schema=schema)


def write_export(folder: Path, tables: dict[str, list[dict] | pa.Table],
                 extracted_at: str | None = "2024-06-30", rows: dict | None = None) -> Path:
    """Write each table as `<name>.parquet` and a manifest (unless extracted_at is None)."""
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, rows_or_table in tables.items():
        t = rows_or_table if isinstance(rows_or_table, pa.Table) else table(name, rows_or_table)
        pq.write_table(t, folder / f"{name}.parquet")
        counts[name] = t.num_rows
    if extracted_at is not None:
        manifest = {"extracted_at": extracted_at, "contract": 1, "rows": rows or counts}
        (folder / "manifest.json").write_text(json.dumps(manifest))
    return folder
