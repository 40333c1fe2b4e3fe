"""Interface text of the researchers' workspace (Utforska, Datakatalog, Datakvalitet), in
Swedish and English; merged into `i18n.STRINGS`."""
from __future__ import annotations

STRINGS = {
    "type": ("Typ", "Type"),
    "description": ("Beskrivning", "Description"),
    "no_access_title": ("Ingen behörighet", "No access"),
    "no_access_researcher": (
        "Sidan visar uppgifter på radnivå och öppnas bara för forskare som fått behörighet i "
        "serverns inställningar (`[access] researcher = true` i `.streamlit/hembesok.toml`). "
        "Kontakta den som förvaltar servern om du behöver den.",
        "This page shows row-level data and opens only for researchers granted access in the "
        "server's settings (`[access] researcher = true` in `.streamlit/hembesok.toml`). Ask "
        "whoever runs the server if you need it."),
    # Utforska
    "explorer": ("Utforska data (SQL)", "Explore the data (SQL)"),
    "explorer_intro": (
        "Skriv en SELECT-fråga mot exportens giltiga rader, karantänen och referenstabellerna "
        "(DuckDB:s SQL). Frågan körs i en låst kopia: bara en SELECT åt gången, ingen åtkomst "
        "till filer eller nätverk, högst {seconds} sekunder; {shown} rader visas och upp till "
        "{download} kan laddas ner. Sidofältets urval gäller inte här.",
        "Write a SELECT over the export's valid rows, the quarantine and the reference tables "
        "(DuckDB's SQL). It runs in a locked copy: one SELECT at a time, no file or network "
        "access, at most {seconds} seconds; {shown} rows are shown and up to {download} can "
        "be downloaded. The sidebar's selection does not apply here."),
    "explorer_examples": ("Exempel", "Examples"),
    "explorer_example_pick": ("Välj ett exempel att börja från…", "Pick an example to start from…"),
    "explorer_editor_help": ("Ctrl+Enter kör frågan.", "Ctrl+Enter runs the query."),
    "explorer_run": ("Kör frågan", "Run the query"),
    "explorer_schema": ("Tabeller och kolumner", "Tables and columns"),
    "explorer_syntax": ("Frågan kunde inte tolkas: {detail}", "The query could not be parsed: "
                        "{detail}"),
    "explorer_empty": ("Det finns ingen fråga att köra.", "There is no query to run."),
    "explorer_several": ("Skriv en fråga åt gången (här finns {count}).",
                         "Write one query at a time (there are {count} here)."),
    "explorer_not_select": ("Bara SELECT-frågor körs här (det här är {kind}).",
                            "Only SELECT queries run here (this is {kind})."),
    "explorer_timeout": ("Frågan avbröts efter {seconds} sekunder. Begränsa den (WHERE, LIMIT) "
                         "eller räkna på färre rader.",
                         "The query was stopped after {seconds} seconds. Narrow it (WHERE, "
                         "LIMIT) or work on fewer rows."),
    "explorer_memory": ("Frågan behövde mer minne än de {limit} som utforskaren får använda.",
                        "The query needed more memory than the explorer's {limit}."),
    "explorer_permission": ("Utforskaren läser bara exportens tabeller, inga filer eller "
                            "webbadresser.", "The explorer reads only the export's tables, no "
                            "files or web addresses."),
    "explorer_error": ("DuckDB svarade: {detail}", "DuckDB answered: {detail}"),
    "explorer_rows": ("{rows} rader · {seconds} s", "{rows} rows · {seconds} s"),
    "explorer_shown": ("Tabellen visar de första {shown} raderna; nedladdningarna innehåller "
                       "alla.", "The table shows the first {shown} rows; the downloads hold "
                       "them all."),
    "explorer_capped": ("Resultatet har fler än {rows} rader: nedladdningarna innehåller de "
                        "första {rows}. Summera eller filtrera i frågan för att få med allt.",
                        "The result has more than {rows} rows: the downloads hold the first "
                        "{rows}. Aggregate or filter in the query to get everything."),
    "explorer_download_csv": ("CSV", "CSV"),
    "explorer_download_parquet": ("Parquet", "Parquet"),
    "explorer_download_xlsx": ("Excel (XLSX)", "Excel (XLSX)"),
    "explorer_xlsx_cap": ("Excel rymmer {rows} rader; XLSX-filen slutar där.",
                          "Excel holds {rows} rows; the XLSX file stops there."),
    "explorer_row_level": (
        "Resultatet kan innehålla uppgifter om enskilda (pseudonymiserade) familjer och visas "
        "utan att små tal döljs. Hantera nedladdningar enligt regionens regler.",
        "The result may hold data on single (pseudonymised) families and is shown without "
        "hiding small numbers. Handle downloads by the region's rules."),
    "explorer_share": ("**Dela frågan:** länken öppnar samma fråga för en kollega med "
                       "behörighet.", "**Share the query:** the link opens the same query for "
                       "a colleague with access."),
    # the tables the explorer sees
    "table_units": ("deltagande BVC", "participating BVCs"),
    "table_families": ("familjer i målgruppen", "families in the target group"),
    "table_visits": ("besök (Ögonblicksbilder)", "visits (snapshot forms)"),
    "table_referrals": ("hänvisningar per besök", "referrals per visit"),
    "table_ratings": ("personalens skattningar", "the practitioners' ratings"),
    "table_programmes": ("besöksprogrammen per besök", "the visit programmes per visit"),
    "table_ref_codes": ("kodlistor med svenska och engelska namn",
                        "code lists with Swedish and English labels"),
    "table_ref_programmes": ("programmens namn", "the programmes' names"),
    "table_quarantine": ("regelbrott: tabell, regel, kolumn, fil och rad",
                         "broken rules: table, rule, column, file and row"),
    "table_quarantined_rows": ("hela rader i karantän", "whole quarantined rows"),
    "table_load_summary": ("rader lästa, giltiga och i karantän",
                           "rows read, valid and quarantined"),
    "table_visit_facts": ("besök med program, enhet och familj (grunden för indikatorerna)",
                          "visits with programme, unit and family (the indicators' base)"),
    "table_family_facts": ("familjer med enhet och program", "families with unit and programme"),
}
