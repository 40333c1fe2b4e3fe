"""Finding an export's files, reading its manifest and checking each file's schema."""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from dashboard.contract import CONTRACT_VERSION, TABLES, Table
from dashboard.errors import ExportError

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = PACKAGE_ROOT / "data" / "sample"


def default_data_dir() -> Path:
    """`HEMBESOK_DATA` if set, else the bundled sample export."""
    return Path(os.environ.get("HEMBESOK_DATA") or SAMPLE_DIR)


@dataclass(frozen=True)
class TableSource:
    name: str
    path: Path
    files: tuple[Path, ...]
    hive: bool
    columns: tuple[str, ...]


@dataclass(frozen=True)
class Export:
    path: Path
    manifest: dict | None
    tables: dict[str, TableSource]
    extra_files: tuple[str, ...]
    reference_date: dt.date
    fingerprint: str

    @functools.cached_property
    def is_sample(self) -> bool:  # asked at every page run: the paths resolved once
        return self.path.resolve() == SAMPLE_DIR.resolve()


def _has_tables(folder: Path) -> bool:
    return any((folder / f"{t}.parquet").exists() or (folder / t).is_dir() for t in TABLES)


def _manifest_date(folder: Path) -> str:
    try:
        return str(json.loads((folder / "manifest.json").read_text()).get("extracted_at", ""))
    except (OSError, ValueError):
        return ""


def resolve(path: Path) -> Path:
    """The export folder itself, or the newest export inside a folder of exports."""
    if not path.is_dir():
        raise ExportError("missing_folder", path=path)
    if _has_tables(path):
        return path
    candidates = [p for p in path.iterdir() if p.is_dir() and (p / "manifest.json").exists()]
    if not candidates:
        raise ExportError("no_export", path=path)
    return max(candidates, key=lambda p: (_manifest_date(p), p.name))


def _read_manifest(folder: Path) -> dict | None:
    file = folder / "manifest.json"
    if not file.exists():
        return None
    try:
        manifest = json.loads(file.read_text(encoding="utf-8"))
        if not isinstance(manifest, dict):
            raise ValueError("not a JSON object")
        if manifest.get("contract", CONTRACT_VERSION) != CONTRACT_VERSION:
            raise ValueError(f"contract {manifest['contract']} is not supported")
        if "extracted_at" in manifest:
            dt.date.fromisoformat(str(manifest["extracted_at"])[:10])
        if not isinstance(manifest.get("rows", {}), dict):
            raise ValueError("rows is not an object")
    except (OSError, ValueError) as exc:
        raise ExportError("bad_manifest", path=folder, reason=exc) from None
    return manifest


def _kind(arrow_type: pa.DataType) -> str:
    """The contract type an Arrow type can stand for ('null' stands for any)."""
    if pa.types.is_dictionary(arrow_type):
        arrow_type = arrow_type.value_type
    checks = [("null", pa.types.is_null), ("bool", pa.types.is_boolean),
              ("int", pa.types.is_integer), ("date", pa.types.is_date),
              ("date", pa.types.is_timestamp), ("string", pa.types.is_string),
              ("string", pa.types.is_large_string), ("string", pa.types.is_string_view)]
    for kind, check in checks:
        if check(arrow_type):
            return kind
    if pa.types.is_list(arrow_type) or pa.types.is_large_list(arrow_type):
        if _kind(arrow_type.value_type) in ("string", "null"):
            return "string_list"
    return str(arrow_type)


def _hive_columns(file: Path, root: Path) -> dict[str, str]:
    parts = file.relative_to(root).parts[:-1]
    return {p.split("=", 1)[0].lower(): "string" for p in parts if "=" in p}


def _check_schema(table: Table, files: tuple[Path, ...], root: Path) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for file in files:
        try:
            schema = pq.read_schema(file)
        except Exception as exc:  # pyarrow raises several types for a broken file
            raise ExportError("unreadable", file=file, reason=str(exc).splitlines()[0]) from None
        kinds = {name.lower(): _kind(t) for name, t in zip(schema.names, schema.types)}
        kinds.update({k: v for k, v in _hive_columns(file, root).items() if k not in kinds})
        for column in table.columns:
            kind = kinds.get(column.name)
            if kind is None:
                if not column.optional:
                    raise ExportError("missing_column", file=file, column=column.name)
            elif kind not in (column.type, "null"):
                raise ExportError("wrong_type", file=file, column=column.name, found=kind,
                                  expected=column.type)
        seen.update(dict.fromkeys(kinds))
    return tuple(seen)


def _locate(table: Table, folder: Path) -> TableSource | None:
    file, sub = folder / f"{table.name}.parquet", folder / table.name
    if file.exists() and sub.is_dir():
        raise ExportError("ambiguous_table", table=table.name, path=folder)
    if sub.is_dir():
        files = tuple(sorted(p for p in sub.rglob("*.parquet") if p.is_file()))
        if not files:
            raise ExportError("empty_table_folder", file=sub)
        return TableSource(table.name, sub, files, True, _check_schema(table, files, sub))
    if file.exists():
        return TableSource(table.name, file, (file,), False, _check_schema(table, (file,), folder))
    if table.required:
        raise ExportError("missing_table", table=table.name, path=folder)
    return None


def fingerprint(folder: Path) -> str:
    """Changes whenever a file of the export is added, removed or rewritten."""
    digest = hashlib.sha1()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            stat = p.stat()
            digest.update(f"{p.relative_to(folder)}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def open_export(path: Path | str | None = None) -> Export:
    """Find the export under `path` and check that every table's files fit the contract."""
    folder = resolve(Path(path) if path else default_data_dir())
    manifest = _read_manifest(folder)
    tables = {}
    for table in TABLES.values():
        source = _locate(table, folder)
        if source is not None:
            tables[table.name] = source
    known = {s.path for s in tables.values()} | {folder / "manifest.json"}
    extra = tuple(sorted(p.name for p in folder.iterdir() if p not in known
                         and not p.name.startswith(".")))
    if manifest and manifest.get("extracted_at"):
        reference = dt.date.fromisoformat(str(manifest["extracted_at"])[:10])
    else:
        reference = dt.date.today()
    return Export(folder, manifest, tables, extra, reference, fingerprint(folder))
