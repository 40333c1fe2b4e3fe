"""A researcher's result as a file: plain CSV, Parquet and XLSX (XlsxWriter), unformatted
and with the values as they are; Excel-ready CSVs for the pages are in `tiles.excel_csv`."""
from __future__ import annotations

import io

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

XLSX_MAX_ROWS = 1_048_575  # Excel's sheet limit, less the header row
FORMATS = ("csv", "parquet", "xlsx")
MIME = {"csv": "text/csv",
        "parquet": "application/vnd.apache.parquet",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _flat(table: pa.Table) -> pd.DataFrame:
    """Lists, structs and maps as their text; time zones dropped (a spreadsheet has none)."""
    frame = table.to_pandas()
    for name, field in zip(table.column_names, table.schema):
        if pa.types.is_nested(field.type):
            frame[name] = [None if v is None else str(v.tolist() if hasattr(v, "tolist") else v)
                           for v in frame[name]]
        elif pa.types.is_timestamp(field.type) and field.type.tz is not None:
            frame[name] = frame[name].dt.tz_localize(None)
    return frame


def csv_bytes(table: pa.Table) -> bytes:
    """UTF-8, comma, point as decimal mark, ISO dates: for R, Stata, Python."""
    return _flat(table).to_csv(index=False).encode("utf-8")


def parquet_bytes(table: pa.Table) -> bytes:
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


def xlsx_workbook(sheets: dict[str, pd.DataFrame]) -> bytes:
    """A sheet per frame; text stays text (never a formula or a link)."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="xlsxwriter",
                        engine_kwargs={"options": {"strings_to_formulas": False,
                                                   "strings_to_urls": False}}) as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name[:31], index=False)
    return buffer.getvalue()


def xlsx_bytes(table: pa.Table, sheet: str = "resultat") -> bytes:
    """One sheet, at most Excel's row limit (the caller says when rows were left out)."""
    return xlsx_workbook({sheet: _flat(table.slice(0, XLSX_MAX_ROWS))})


WRITERS = {"csv": csv_bytes, "parquet": parquet_bytes, "xlsx": xlsx_bytes}
