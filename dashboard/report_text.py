"""Plain-text reports for the command line: validation results and a readable summary."""
from __future__ import annotations

from dashboard.contract import RULES
from dashboard.db import Database
from dashboard.definitions import BY_ID
from dashboard.numbers import decimal, integer, percent

HEAD = {
    "sv": ("Export: {path} (uttagen {date})", "Tabell", "lästa", "giltiga", "i karantän",
           "Regler som satte rader i karantän:", "Inga rader i karantän.", "exempel"),
    "en": ("Export: {path} (extracted {date})", "Table", "read", "valid", "quarantined",
           "Rules that quarantined rows:", "No rows quarantined.", "examples"),
}


def validation_report(db: Database, lang: str = "sv") -> tuple[str, bool]:
    """Row counts per table and each broken rule with its count and example keys."""
    title, table, read, valid, quarantined, rules_head, clean, examples = HEAD[lang]
    lines = [title.format(path=db.export.path, date=db.export.reference_date), "",
             f"{table:<12}{read:>12}{valid:>12}{quarantined:>14}"]
    counts = db.query("row_counts")
    for row in counts.itertuples():
        lines.append(f"{row.table_name:<12}{integer(row.input_rows, lang):>12}"
                     f"{integer(row.valid_rows, lang):>12}{integer(row.quarantined_rows, lang):>14}")
    rules = db.query("quarantine_by_rule")
    lines.append("")
    if rules.empty:
        lines.append(clean)
    else:
        lines.append(rules_head)
        for row in rules.itertuples():
            label = RULES[row.rule][0 if lang == "sv" else 1]
            keys = ", ".join(str(k) for k in row.example_keys if k is not None)
            lines.append(f"  {row.table_name}.{row.column_name}: {row.rule} ({label}): "
                         f"{integer(row.rows, lang)} ({examples}: {keys or '–'})")
    if db.export.extra_files:
        lines.append("")
        lines.append(("Okända filer (behålls): " if lang == "sv" else "Unknown files (kept): ")
                     + ", ".join(db.export.extra_files))
    extra = {name: load.extra_columns for name, load in db.loads.items() if load.extra_columns}
    for name, columns in extra.items():
        lines.append(("Extra kolumner i " if lang == "sv" else "Extra columns in ")
                     + f"{name}: {', '.join(columns)}")
    return "\n".join(lines), bool(counts.quarantined_rows.sum())


def summary_text(result: dict, lang: str = "sv") -> str:
    """The summary as aligned lines: indicator, value, n / N and missing."""
    lines = []
    for key in ("visits", "families_visited"):
        name = getattr(BY_ID[key], lang)
        lines.append(f"{name:<42}{integer(result[key], lang):>10}")
    for key, value in result["indicators"].items():
        if "n" not in value:
            continue
        name = getattr(BY_ID[key], lang)
        missing = ("saknas" if lang == "sv" else "missing") + f" {integer(value['missing'], lang)}"
        lines.append(f"{name:<42}{percent(value['value'], lang):>10}   "
                     f"{integer(value['n'], lang)} / {integer(value['N'], lang)}, {missing}")
    for item, value in result["rating_mean"].items():
        lines.append(f"{item:<42}{decimal(value['mean'], lang):>10}   n = "
                     f"{integer(value['n'], lang)}")
    return "\n".join(lines)
