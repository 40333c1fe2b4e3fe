"""`python -m dashboard validate --report FILE`: the data-quality checks as a file a region
can work through before loading its export: XLSX (a sheet per section), JSON or Markdown.
Raw and unsuppressed, like `summary --json`: whoever runs it holds the export's files."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from dashboard.contract import RULES
from dashboard.db import Database
from dashboard.dictionary import markdown_table
from dashboard.filters import EVERY_UNIT
from dashboard.i18n import t
from dashboard.quality import FIELDS, field_label, per_field
from dashboard.result_files import xlsx_workbook

FORMATS = (".xlsx", ".json", ".md")


def _quarantine(db: Database, lang: str) -> pd.DataFrame:
    frame = db.query("quarantine_rows", scope=EVERY_UNIT)
    prefix = str(db.export.path).rstrip("/") + "/"
    return frame.assign(file=[f.removeprefix(prefix) for f in frame.file],
                        rule_text=[RULES[r][0 if lang == "sv" else 1] for r in frame.rule],
                        what_to_fix=[t(f"fix_{r}", lang) for r in frame.rule])


def _completeness(db: Database, lang: str) -> pd.DataFrame:
    frame = db.query("completeness_by_bvc_and_period", interval="year")
    summed = per_field(frame)
    summed["share_empty"] = (summed.n / summed.denominator.where(summed.denominator > 0)
                             ).round(4)
    summed["field_label"] = [field_label(f, lang) for f in summed.field]
    order = {f: i for i, f in enumerate(FIELDS)}
    return (summed.sort_values(["district", "bvc_name", "field"],
                               key=lambda c: c.map(order) if c.name == "field" else c)
            .rename(columns={"n": "empty", "denominator": "visits"}))


def build(db: Database, lang: str, stopped_days: int) -> dict[str, pd.DataFrame]:
    """Every section of the report: its title (a sheet name, at most 31 characters) and
    rows."""
    last = db.query("last_visit_by_bvc")
    last["stopped_reporting"] = (last.days_since_last_visit.isna()
                                 | (last.days_since_last_visit > stopped_days))
    return {
        t("report_rows", lang): db.query("row_counts"),
        t("quality_quarantine_title", lang): _quarantine(db, lang),
        t("flags_title", lang): db.query("flagged_visits", scope=EVERY_UNIT).assign(
            check=lambda f: [t(f"check_{c}", lang) for c in f.check_name]),
        t("report_completeness", lang): _completeness(db, lang),
        t("report_last_visit", lang): last,
    }


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates and missing values as text a spreadsheet or JSON reader takes as they are."""
    out = frame.astype(object).where(frame.notna(), None)
    for column in out.columns:
        out[column] = [_text(v) for v in out[column]]
    return out


def _text(value):
    if isinstance(value, pd.Timestamp) and value == value.normalize():
        return value.date().isoformat()
    return value.isoformat() if hasattr(value, "isoformat") else value


def check_path(path: Path) -> Path:
    """The report's file, refused before any work when its format is unknown."""
    if path.suffix.lower() not in FORMATS:
        raise ValueError(f"--report: unknown format {path.suffix or '(none)'!r}; "
                         f"use one of {', '.join(FORMATS)}")
    return path


def write(sections: dict[str, pd.DataFrame], path: Path) -> None:
    """Written in the format the file's suffix names (.xlsx, .json or .md)."""
    suffix = check_path(path).suffix.lower()
    if suffix == ".xlsx":
        path.write_bytes(xlsx_workbook({title: _plain(frame)
                                        for title, frame in sections.items()}))
    elif suffix == ".json":
        path.write_text(json.dumps({title: _plain(frame).to_dict(orient="records")
                                    for title, frame in sections.items()},
                                   ensure_ascii=False, indent=1), encoding="utf-8")
    else:
        parts = []
        for title, frame in sections.items():
            plain = _plain(frame)
            parts += [f"## {title}", markdown_table(list(plain.columns),
                                                    plain.values.tolist())
                      if len(plain) else "–"]
        path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
