"""The data dictionary, generated from the contract, the code lists and the indicators."""
from __future__ import annotations

import pandas as pd

from dashboard.contract import CONTRACT_VERSION, RULES, TABLES, Column, Table
from dashboard.definitions import INDICATORS
from dashboard.programmes import age_label, programme_rows
from dashboard.vocab import VOCABULARIES

TEXT = {
    "title": ("Datakatalog – uppföljning av utökade hembesök",
              "Data dictionary – follow-up of extended home visits"),
    "version": ("Datakontrakt version {version}.", "Data contract version {version}."),
    "generated": ("Genererad ur koden (dashboard/contract.py, vocab.py, definitions.py, "
                  "programmes.py); ändra där, inte här.",
                  "Generated from the code (dashboard/contract.py, vocab.py, definitions.py, "
                  "programmes.py); change it there, not here."),
    "tables": ("Tabeller", "Tables"),
    "key": ("Nyckel", "Key"),
    "optional_table": ("Tabellen får saknas.", "The table may be absent."),
    "column": ("Kolumn", "Column"),
    "type": ("Typ", "Type"),
    "rule": ("Regel", "Rule"),
    "description": ("Beskrivning", "Description"),
    "code_lists": ("Kodlistor", "Code lists"),
    "code": ("Kod", "Code"),
    "label_sv": ("Svensk benämning", "Swedish label"),
    "label_en": ("Engelsk benämning", "English label"),
    "group_scale": ("Grupp / skala", "Group / scale"),
    "indicators": ("Indikatorer", "Indicators"),
    "name": ("Namn", "Name"),
    "definition": ("Definition", "Definition"),
    "query_file": ("SQL-fil", "SQL file"),
    "programmes": ("Medföljande besöksprogram", "Shipped visit programmes"),
    "visit_number": ("Besök", "Visit"),
    "age": ("Ålder", "Age"),
    "window": ("Tidsfönster (dagar)", "Window (days)"),
    "location": ("Plats", "Location"),
    "professions": ("Professioner", "Professions"),
    "minutes": ("Minuter", "Minutes"),
    "rules": ("Karantänregler", "Quarantine rules"),
    "meaning": ("Innebörd", "Meaning"),
    # fragments of a column's rule text
    "required": ("obligatorisk", "required"),
    "unique_key": ("unik nyckel", "unique key"),
    "part_of_key": ("del av unik nyckel", "part of the unique key"),
    "may_be_absent": ("kolumnen får saknas", "the column may be absent"),
    "code_list": ("kod ur listan {codes}", "code from the list {codes}"),
    "quarantined_if": ("karantän om: {text}", "quarantined if: {text}"),
}


def _t(key: str, lang: str, **values) -> str:
    text = TEXT[key][0 if lang == "sv" else 1]
    return text.format(**values) if values else text


def column_rule(table: Table, column: Column, lang: str) -> str:
    """A column's row rules in words, in the order validation applies them."""
    parts = []
    if column.required:
        parts.append(_t("required", lang))
    if column.name in table.key:
        parts.append(_t("unique_key" if len(table.key) == 1 else "part_of_key", lang))
    if column.optional:
        parts.append(_t("may_be_absent", lang))
    if column.codes:
        parts.append(_t("code_list", lang, codes=column.codes))
    if column.range:
        parts.append(f"{column.range[0]} … {column.range[1]}")
    if column.references:
        parts.append(f"→ {column.references}")
    parts += [_t("quarantined_if", lang, text=(c.sv if lang == "sv" else c.en).lower())
              for c in table.checks if c.column == column.name]
    return "; ".join(parts)


def columns_frame(lang: str) -> pd.DataFrame:
    """One row per column of every contract table, in contract order."""
    return pd.DataFrame([
        {"table": table.name, "column": c.name, "type": c.type, "required": c.required,
         "optional_column": c.optional, "key": c.name in table.key,
         "rule": column_rule(table, c, lang), "description": c.sv if lang == "sv" else c.en,
         "description_sv": c.sv, "description_en": c.en, "codes": c.codes or "",
         "references": c.references or ""}
        for table in TABLES.values() for c in table.columns
    ])


def tables_frame(lang: str) -> pd.DataFrame:
    """One row per contract table: its key, whether it must exist, its description."""
    return pd.DataFrame([
        {"table": t.name, "key": ", ".join(t.key), "required": t.required,
         "description_sv": t.sv, "description_en": t.en}
        for t in TABLES.values()
    ])


def codes_frame(lang: str) -> pd.DataFrame:
    """One row per code of every code list, with both labels, its group and its scale."""
    frame = pd.DataFrame([
        {"vocabulary": name, "code": c.code, "label_sv": c.sv, "label_en": c.en,
         "group": c.group or "", "scale_max": c.scale_max}
        for name, codes in VOCABULARIES.items() for c in codes.values()
    ])
    # nullable integers: a scale of 7 stays 7 (not 7.0) in the CSV
    return frame.astype({"scale_max": "Int64"})


def indicators_frame(lang: str) -> pd.DataFrame:
    """One row per indicator: the id researchers cite, names, definitions and query file."""
    return pd.DataFrame([
        {"id": i.id, "name_sv": i.sv, "name_en": i.en, "definition_sv": i.definition_sv,
         "definition_en": i.definition_en, "kind": i.kind, "query_file": f"queries/{i.query}.sql"}
        for i in INDICATORS
    ])


def programmes_frame(lang: str) -> pd.DataFrame:
    """One row per visit of the shipped programmes, with the target age in words."""
    frame = pd.DataFrame(programme_rows())
    frame["professions"] = frame["professions"].map(", ".join)
    frame.insert(3, "age", frame["label"].map(lambda label: age_label(label, lang)))
    return frame


def dictionary_csv(lang: str) -> bytes:
    """Plain UTF-8 CSV of columns, codes and indicators stacked: a leading `section` column
    ("column", "code" or "indicator"), then the union of the three frames' columns, empty
    where a column does not apply; `rule` is in `lang`, descriptions and labels in both."""
    frame = pd.concat([
        columns_frame(lang).drop(columns="description").assign(section="column"),
        codes_frame(lang).assign(section="code"),
        indicators_frame(lang).assign(section="indicator"),
    ], ignore_index=True)
    frame = frame[["section"] + [c for c in frame.columns if c != "section"]]
    return frame.to_csv(index=False).encode("utf-8")


def markdown_table(header: list[str], rows: list[list]) -> str:
    """A Markdown pipe table; `|` in a cell is escaped and line breaks become spaces."""
    def cell(value) -> str:
        text = "" if value is None else str(value)
        return text.replace("|", "\\|").replace("\n", " ")

    lines = [header, ["---"] * len(header)] + rows
    return "\n".join("| " + " | ".join(cell(v) for v in line) + " |" for line in lines)


def _group_or_scale(code) -> str:
    if code.group:
        return code.group
    return f"1 … {code.scale_max}" if code.scale_max else ""


def dictionary_markdown(lang: str) -> str:
    """The whole data dictionary as a citable Markdown document in one language."""
    def t(key: str) -> str:
        return _t(key, lang)

    out = [f"# {t('title')}", _t("version", lang, version=CONTRACT_VERSION), t("generated"),
           f"## {t('tables')}"]
    for table in TABLES.values():
        out += [f"### {table.name}", table.sv if lang == "sv" else table.en,
                f"{t('key')}: " + ", ".join(f"`{k}`" for k in table.key)
                + ("" if table.required else f". {t('optional_table')}"),
                markdown_table([t("column"), t("type"), t("rule"), t("description")],
                               [[f"`{c.name}`", c.type, column_rule(table, c, lang),
                                 c.sv if lang == "sv" else c.en] for c in table.columns])]
    out.append(f"## {t('code_lists')}")
    for name, codes in VOCABULARIES.items():
        out += [f"### {name}", markdown_table(
            [t("code"), t("label_sv"), t("label_en"), t("group_scale")],
            [[f"`{c.code}`", c.sv, c.en, _group_or_scale(c)] for c in codes.values()])]
    out += [f"## {t('programmes')}", markdown_table(
        ["programme_id", t("visit_number"), t("age"), t("window"), t("location"),
         t("professions"), t("minutes")],
        [[f"`{r.programme_id}`", r.visit_number, r.age,
          f"{r.window_start_days} … {r.window_end_days}", r.location, r.professions,
          r.expected_minutes] for r in programmes_frame(lang).itertuples()])]
    out += [f"## {t('indicators')}", markdown_table(
        ["id", t("name"), t("definition"), t("query_file")],
        [[f"`{i.id}`", i.sv if lang == "sv" else i.en,
          i.definition_sv if lang == "sv" else i.definition_en, f"`queries/{i.query}.sql`"]
         for i in INDICATORS])]
    out += [f"## {t('rules')}", markdown_table(
        [t("rule"), t("meaning")],
        [[f"`{rule}`", sv if lang == "sv" else en] for rule, (sv, en) in RULES.items()])]
    return "\n\n".join(out) + "\n"
