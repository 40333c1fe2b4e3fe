"""Interface text of the researchers' workspace (Utforska, Datakatalog, Datakvalitet), in
Swedish and English; merged into `i18n.STRINGS`."""
from __future__ import annotations

STRINGS = {
    "type": ("Typ", "Type"),
    "description": ("Beskrivning", "Description"),
    "no_access_title": ("Ingen behörighet", "No access"),
    "no_access_explorer": (
        "Sidan visar uppgifter på radnivå och öppnas bara för forskare (och samordnare som "
        "fått utforskaren) i behörighetsfilen, eller, utan behörighetsfil, med "
        "`[access] researcher = true` i `.streamlit/hembesok.toml`. Kontakta den som "
        "förvaltar servern om du behöver den.",
        "This page shows row-level data and opens only for researchers (and coordinators "
        "granted the explorer) in the access file, or, without one, with "
        "`[access] researcher = true` in `.streamlit/hembesok.toml`. Ask whoever runs the "
        "server if you need it."),
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
    "explorer_one_row": ("{rows} rad · {seconds} s", "{rows} row · {seconds} s"),
    "explorer_renamed": ("Kolumner med samma namn fick ett suffix: {names}. Ge dem egna namn "
                         "med AS för att välja själv.", "Columns sharing a name got a "
                         "suffix: {names}. Name them with AS to choose yourself."),
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
    "explorer_scoped": ("Utforskaren har bara raderna (familjer, besök, hänvisningar, "
                        "skattningar) från de enheter du har behörighet till: {units}. "
                        "Karantänen visas inte.",
                        "The explorer holds only the rows (families, visits, referrals, "
                        "ratings) of the units you have access to: {units}. The quarantine "
                        "is not shown."),
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
    "table_visits": ("besök (ögonblicksbilder)", "visits (snapshot forms)"),
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
    "table_visit_ratings": ("skattningarna per besök: antal och en kolumn "
                            "score_<yrkesroll>__<fråga> per yrkesroll och fråga",
                            "the ratings per visit: how many and one column "
                            "score_<role>__<item> per role and item"),
    "table_visit_referrals": ("hänvisningarna per besök: en bit per mottagare "
                              "(destinations; bitens plats är kodens plats i listan)",
                              "the referrals per visit: one bit per destination "
                              "(destinations; the bit's place is the code's place in the list)"),
    "table_visit_months": ("besöksandelarna per BVC och kalendermånad (summeras över hela "
                           "månader)", "the visit shares per BVC and calendar month (summed "
                           "over whole months)"),
    "table_visit_share_rows": ("samma andelar en rad per BVC, månad och indikator",
                               "the same shares, one row per BVC, month and indicator"),
    "table_privacy_cells": (
        "rutnätet för små tal: varje räknetal per enhet (BVC, stadsdel/kommun, alla) och "
        "period (månad, kvartal, år, hela exporten, förvalens perioder), och om det döljs",
        "the small-number grid: every count per unit (BVC, district, all) and period (month, "
        "quarter, year, the whole export, the presets' periods), and whether it is hidden"),
    "table_privacy_grid": ("rutnätets tröskel och månader", "the grid's threshold and months"),
    "table_visit_share_indicators": ("besöksandelarnas indikatorer i sin ordning",
                                     "the visit share indicators in their order"),
    "table_visit_checks": ("besök som faller på en rimlighetskontroll, med kontrollerna",
                           "visits failing a plausibility check, with the checks"),
    "table_family_facts": ("familjer med enhet och program", "families with unit and programme"),
    "table_visit_cell_months": ("tomma fält och skattningarnas fördelning per BVC och "
                                "kalendermånad (summeras över hela månader)", "empty fields "
                                "and the ratings' distribution per BVC and calendar month "
                                "(summed over whole months)"),
    "table_rating_sums_months": ("skattningarnas summa och antal per BVC, kalendermånad, "
                                 "roll och fråga (en kolumn var)", "the ratings' sum and "
                                 "count per BVC, calendar month, role and item (a column "
                                 "each)"),
    "table_referral_counts_months": ("hänvisningar per BVC, kalendermånad och mål (en kolumn "
                                     "per mål)", "referrals per BVC, calendar month and "
                                     "destination (a column per destination)"),
    "table_visit_number_months": ("besök och besök i tid per BVC, kalendermånad och "
                                  "besöksnummer (summeras över hela månader)", "visits and "
                                  "visits on time per BVC, calendar month and visit number "
                                  "(summed over whole months)"),
    "table_several_bvc_visits": ("besök hos familjer som besökts på flera BVC",
                                 "visits to families visited at several BVCs"),
    "table_family_months": ("familjernas räckvidd och fullföljande per BVC och födelsemånad "
                            "på exportens datum", "the families' reach and completion per BVC "
                            "and birth month at the export's date"),
    "table_retention_months": ("kvarstannande per BVC, födelsemånad och besöksnummer på "
                               "exportens datum", "retention per BVC, birth month and visit "
                               "number at the export's date"),
    "table_due_at_reference": ("aktiva familjers nästa besök på exportens datum",
                               "active families' next visit at the export's date"),
}

QUALITY = {
    "data_quality": ("Datakvalitet", "Data quality"),
    "quality_intro": (
        "Vilka BVC:s uppgifter går att lita på: rader som bryter mot datakontraktet, fält som "
        "lämnas tomma, enheter som slutat rapportera och besök som ser orimliga ut. Samma "
        "kontroller finns på kommandoraden: `python -m dashboard validate --report fil.xlsx`.",
        "Which BVCs' data to trust: rows that break the data contract, fields left empty, "
        "units that stopped reporting and visits that look implausible. The same checks run "
        "from the command line: `python -m dashboard validate --report file.xlsx`."),
    "quality_quarantine_title": ("Rader i karantän", "Quarantined rows"),
    "file": ("Fil", "File"),
    "row": ("Rad", "Row"),
    "what_to_fix": ("Vad som behöver rättas", "What to fix"),
    "fix_null_key": ("Fyll i nyckeln i exporten.", "Fill in the key in the export."),
    "fix_duplicate_key": ("Ta bort dubbletten eller ge raderna olika nycklar.",
                          "Remove the duplicate or give the rows different keys."),
    "fix_required_value": ("Fyll i värdet; fältet är obligatoriskt.",
                           "Fill in the value; the field is required."),
    "fix_unknown_reference": ("Exportera raden den pekar på, eller rätta id:t.",
                              "Export the row it points to, or correct the id."),
    "fix_parent_quarantined": ("Rätta först raden den pekar på (se dess regel).",
                               "First fix the row it points to (see its rule)."),
    "fix_unknown_code": ("Använd en kod ur kodlistan (se Datakatalogen).",
                         "Use a code from the code list (see the data dictionary)."),
    "fix_out_of_range": ("Rätta värdet till det tillåtna intervallet.",
                         "Correct the value to the allowed range."),
    "fix_impossible_date": ("Rätta datumet (ofta år eller månad omkastade).",
                            "Correct the date (often year or month swapped)."),
    "quarantine_rows_title": ("Raderna, per tabell", "The rows, per table"),
    "quarantine_rows_caption": ("Fil och radnummer (från 1) pekar ut raden i exportens "
                                "Parquet-fil; en rad som bryter flera regler står en gång "
                                "per regel.", "File and row number (from 1) point to the "
                                "row in the export's Parquet file; a row that breaks "
                                "several rules appears once per rule."),
    "row_level_locked": ("Raderna visas bara med behörighet till radnivådata.",
                         "The rows are shown only with access to row-level data."),
    "completeness_title": ("Tomma fält i besöksformuläret", "Empty fields in the visit form"),
    "completeness_caption": (
        "Andel besök där fältet är tomt. Andra förälderns närvaro räknas bara för familjer "
        "som inte är ensamstående; Skattningar är tomt när besöket saknar skattningar. "
        "\"<5\": färre än 5 besök har fältet tomt. Grått med \"–\": dolt, eftersom det "
        "är för få besök eller skulle avslöja en dold ruta. En vit ruta utan text: inga "
        "besök den perioden.",
        "Share of visits where the field is empty. The other parent's presence counts only "
        "for families that are not single parents; Ratings is empty when the visit has no "
        "ratings. \"<5\": fewer than 5 visits have the field empty. Grey with \"–\": "
        "hidden, because there are too few visits or it would reveal a hidden cell. A blank "
        "cell: no visits in that period."),
    "share_empty": ("Andel tomma", "Share empty"),
    # the cells say "<5": the legend names the same sign, and that it counts visits (a
    # "<5" among shares read as "<5 %" in the user test)
    "band_few": ("<{t} tomma (antal besök)", "<{t} empty (number of visits)"),
    "few_empty": ("<{t} tomma", "<{t} empty"),
    "band_under": ("under {limit}", "under {limit}"),
    "band_over": ("minst {limit}", "at least {limit}"),
    "band_hidden": ("dolt (små tal)", "hidden (small numbers)"),
    "periods_shown": ("Diagrammet visar de senaste {count} perioderna; tabellen har alla.",
                      "The chart shows the last {count} periods; the table has them all."),
    "units_shown": ("Diagrammen visar de {count} BVC av {total} som lämnar flest fält tomma; "
                    "tabellerna har alla. Välj en stadsdel/kommun för att se dess BVC.",
                    "The charts show the {count} of {total} BVCs that leave most fields empty; "
                    "the tables have them all. Choose a district to see its BVCs."),
    "field": ("Fält", "Field"),
    "field_ratings": ("Skattningar", "Ratings"),
    "completeness_fields_chart": ("Andel tomma fält per BVC", "Share of empty fields per BVC"),
    "completeness_fields_description": (
        "Rutnät med en rad per BVC och en kolumn per fält i besöksformuläret; varje ruta "
        "visar andelen besök där fältet är tomt.",
        "Grid with a row per BVC and a column per field of the visit form; each cell shows "
        "the share of visits where the field is empty."),
    "completeness_period_chart": ("{field}: andel tomma per BVC och period",
                                  "{field}: share empty per BVC and period"),
    "completeness_period_description": (
        "Rutnät med en rad per BVC och en kolumn per period; varje ruta visar andelen besök "
        "där fältet {field} är tomt.", "Grid with a row per BVC and a column per period; "
        "each cell shows the share of visits where the field {field} is empty."),
    "setting_stopped_days": ("Slutat rapportera efter (dagar utan besök)",
                             "Stopped reporting after (days without a visit)"),
    "setting_empty_limit": ("Värt en titt: andel tomma fält över",
                            "Worth a look: share of empty fields over"),
    "setting_explorer": ("Utforska data (SQL)", "Explore the data (SQL)"),
    "setting_explorer_value": ("högst {seconds} s, visar {shown} rader, laddar ner {download}, "
                               "minne {memory}", "at most {seconds} s, shows {shown} rows, "
                               "downloads {download}, memory {memory}"),
    "overview_title": ("Per BVC i korthet", "Per BVC at a glance"),
    "overview_caption": (
        "Tomma fält: andel av besöksformulärets fält (alla utom skattningar) som lämnats "
        "tomma i urvalets besök. Att titta på: slutat rapportera, mer än {limit} tomma fält "
        "(`[quality] empty_share_limit`) eller minst ett orimligt besök. Senaste besök gäller "
        "hela exporten. \"–\": för få besök för att visa en andel, eller dolt som på Besök "
        "så att ett dolt tal inte kan räknas fram.",
        "Empty fields: share of the visit form's fields (all but ratings) left empty in the "
        "selection's visits. To look at: stopped reporting, more than {limit} empty fields "
        "(`[quality] empty_share_limit`) or at least one implausible visit. Last visit is over "
        "the whole export. \"–\": too few visits to show a share, or hidden as on Visits so "
        "that a hidden number cannot be worked out."),
    "empty_fields": ("Tomma fält", "Empty fields"),
    "without_ratings": ("Utan skattningar", "Without ratings"),
    "implausible": ("Orimliga besök", "Implausible visits"),
    "look_at": ("Att titta på", "To look at"),
    "look_nothing": ("inget att anmärka", "nothing to remark"),
    "look_stopped": ("inget besök på {days} dagar", "no visit in {days} days"),
    "look_empty": ("fler än {limit} tomma fält", "more than {limit} empty fields"),
    "look_flagged": ("orimliga besök", "implausible visits"),
    "stopped_title": ("BVC som slutat rapportera", "BVCs that stopped reporting"),
    "stopped_caption": ("Inget besök de senaste {days} dagarna före {date} (inställningen "
                        "`[quality] stopped_reporting_days`). Urvalets period gäller inte "
                        "här.", "No visit in the {days} days before {date} (the setting "
                        "`[quality] stopped_reporting_days`). The selection's period does "
                        "not apply here."),
    "stopped_none": ("Alla BVC i urvalet har rapporterat besök de senaste {days} dagarna.",
                     "Every BVC in the selection reported visits in the last {days} days."),
    "days_since": ("Dagar sedan", "Days since"),
    "unit_start": ("Startade utökade hembesök", "Started extended home visits"),
    "flags_title": ("Besök som ser orimliga ut", "Visits that look implausible"),
    "flags_caption": ("Antal besök per kontroll; besöken räknas ändå i indikatorerna. "
                      "Definitionerna står i `queries/flagged_visits.sql`.",
                      "Visits per check; they still count in the indicators. The "
                      "definitions are in `queries/flagged_visits.sql`."),
    "flagged_rows_title": ("Besöken att granska", "The visits to review"),
    "check": ("Kontroll", "Check"),
    "visit_id_column": ("Besökets id", "Visit id"),
    "family_column": ("Familj (pseudonym)", "Family (pseudonym)"),
    "visit_date_column": ("Besöksdatum", "Visit date"),
    "duration_column": ("Längd (min)", "Length (min)"),
    "all_units_row": ("Alla enheter", "All units"),
    "check_long_visit": ("Mer än dubbla förväntade längden", "Over twice the expected length"),
    "check_short_visit": ("Under en femtedel av förväntad längd",
                          "Under a fifth of the expected length"),
    "check_out_of_window": ("Långt utanför tidsfönstret", "Far outside the window"),
    "check_out_of_order": ("Före ett lägre besöksnummer", "Before a lower visit number"),
    "check_repeated_number": ("Besöksnumret finns två gånger", "Visit number twice"),
    "check_several_bvcs": ("Familjen besökt av flera BVC", "Family visited by several BVCs"),
}
STRINGS.update(QUALITY)

DICTIONARY = {
    "quality_link": ("Rader i karantän, tomma fält och orimliga besök: se Datakvalitet",
                     "Quarantined rows, empty fields and implausible visits: see Data quality"),
    "dictionary_title": ("Datakatalog", "Data dictionary"),
    "dictionary_caption": (
        "Genererad ur koden, så den stämmer med det som valideras och räknas. Indikatorernas "
        "id är stabila och kan citeras; definitionerna följer datakontraktet, avsnitt 4.",
        "Generated from the code, so it matches what is validated and computed. The "
        "indicators' ids are stable and citable; the definitions follow the data contract, "
        "section 4."),
    "dictionary_indicators": ("Indikatorer", "Indicators"),
    "dictionary_columns": ("Tabeller och kolumner", "Tables and columns"),
    "dictionary_codes": ("Kodlistor", "Code lists"),
    "dictionary_markdown": ("Ladda ner datakatalogen (Markdown)",
                            "Download the data dictionary (Markdown)"),
    "dictionary_csv": ("Ladda ner datakatalogen (CSV)", "Download the data dictionary (CSV)"),
    "code_list": ("Kodlista", "Code list"),
    "code": ("Kod", "Code"),
    "group_or_scale": ("Grupp / skala", "Group / scale"),
}
STRINGS.update(DICTIONARY)

REPORT = {
    "report_rows": ("Rader per tabell", "Rows per table"),
    "report_completeness": ("Tomma fält per BVC", "Empty fields per BVC"),
    "report_last_visit": ("Senaste besök per BVC", "Last visit per BVC"),
    "report_written": ("Rapporten skrevs till {path}.", "The report was written to {path}."),
}
STRINGS.update(REPORT)

MEETING_REPORT = {
    "report_title": ("Rapport: utökade hembesök", "Report: extended home visits"),
    "report_export": ("Exporten", "The export"),
    "report_export_value": ("uttagen {date}; besök {first} – {last}",
                            "extracted {date}; visits {first} – {last}"),
    "report_as_of": ("Bedömt per", "Judged as of"),
    "report_made": ("Rapporten skapad", "Report made"),
    "report_indicators": ("Nyckeltal", "Key indicators"),
    "report_rule": ("Små tal döljs som i instrumentpanelen: antal från 1 till {m} visas som "
                    "\"<{t}\"; en andel visas inte (\"–\") när nämnaren är under {t} eller "
                    "täljaren är ett sådant litet antal, och ett värde som skulle avslöja ett "
                    "dolt tal döljs också.",
                    "Small numbers are hidden as in the dashboard: counts from 1 to {m} show as "
                    "\"<{t}\"; a share is not shown (\"–\") when its denominator is under "
                    "{t} or its numerator is such a small count, and a value that would reveal "
                    "a hidden one is hidden too."),
    "report_reach_note": ("Besöksindikatorerna räknar besök under perioden; erbjudna, tackat "
                          "ja och fullföljt räknar familjer vars barn föddes under perioden.",
                          "Visit indicators count visits in the period; offered, accepted and "
                          "completed count families whose child was born in the period."),
    "report_empty_title": ("Inga besök i urvalet", "No visits in the selection"),
    "report_empty_text": ("Urvalet har inga besök. Exporten har besök från {first} till "
                          "{last}.", "The selection has no visits. The export has visits "
                          "from {first} to {last}."),
    "report_change_note": ("Förändringen jämför med föregående period av samma längd.",
                           "The change compares with the previous period of equal length."),
    "report_no_chart": ("Talen är för små för ett diagram; tabellen visar vad som kan visas.",
                        "The numbers are too small for a chart; the table shows what can be "
                        "shown."),
    "report_districts": ("Stadsdelarna sida vid sida", "The districts side by side"),
    "report_bvcs": ("BVC sida vid sida", "The BVCs side by side"),
    "report_districts_note": ("Andel för hela perioden och, inom parentes, nämnaren: antal "
                              "besök (för öppna forum: antal hänvisningar).",
                              "Share over the whole period and, in brackets, the denominator: "
                              "visits (for open forums: referrals)."),
    "report_definitions": ("Definitioner", "Definitions"),
    "report_ids": ("Koden efter namnet är indikatorns id i datakatalogen (Om data).",
                   "The code after the name is the indicator's id in the data dictionary "
                   "(About the data)."),
    "report_suppressed": ("Dolda små tal", "Hidden small numbers"),
    "report_suppressed_none": ("Inga värden i rapportens tabeller är dolda.",
                               "No values in the report's tables are hidden."),
    "report_suppressed_one": ("Ett värde i rapportens tabeller är dolt.",
                              "One value in the report's tables is hidden."),
    "report_suppressed_text": ("{count} värden i rapportens tabeller är dolda.",
                               "{count} values in the report's tables are hidden."),
    "report_page": ("Sida", "Page"),
    "report_of": ("av", "of"),
}
STRINGS.update(MEETING_REPORT)

PRESENTATION = {
    "presentation": ("Presentationsläge", "Presentation mode"),
    "presentation_line": ("Urval: {selection} · data t.o.m. {date}",
                          "Selection: {selection} · data up to {date}"),
    "slide_volume": ("Besök och familjer", "Visits and families"),
    "slide_team": ("Besöken: plats, team och tid", "The visits: place, team and time"),
    "slide_parents": ("Föräldrarna och hänvisningarna", "The parents and the referrals"),
    "slide_families": ("Räckvidd: erbjudna, tackat ja, fullföljt",
                       "Reach: offered, accepted, completed"),
    "slide_units": ("Båda professionerna per BVC", "Both professions per BVC"),
    "slide_previous": ("Föregående", "Previous"),
    "slide_next": ("Nästa", "Next"),
    "slide_of": ("{slide} av {count}", "{slide} of {count}"),
    "slide_leave": ("Avsluta presentationen", "Leave the presentation"),
    "report_sidebar": ("Rapport", "Report"),
    "report_pdf": ("Skapa rapport (PDF)", "Make the report (PDF)"),
    "report_html": ("Skapa rapport (HTML)", "Make the report (HTML)"),
    "report_help": ("Rapporten för urvalet: nyckeltal, diagram, stadsdelarna sida vid sida "
                    "och definitionerna, med små tal dolda som här.",
                    "The report for the selection: key indicators, charts, the districts side "
                    "by side and the definitions, small numbers hidden as here."),
}
STRINGS.update(PRESENTATION)

ACCESS = {
    "access_file_broken": ("Behörighetsfilen kan inte läsas, så ingen får se något förrän den "
                           "är rättad. Serverns logg säger vad som är fel.",
                           "The access file cannot be read, so nobody sees anything until it "
                           "is fixed. The server's log says what is wrong."),
    "sign_in": ("Logga in", "Sign in"),
    "not_listed_title": ("Ingen behörighet ännu", "No access yet"),
    "not_listed": ("Du är inloggad som {user}, men har ännu ingen behörighet till "
                   "uppföljningen. Be {contact} att lägga till dig.",
                   "You are signed in as {user} but have no access to the follow-up yet. Ask "
                   "{contact} to add you."),
    "not_signed_in": ("Du är inte inloggad. Öppna uppföljningen via regionens inloggning, "
                      "eller kontakta {contact}.", "You are not signed in. Open the follow-up "
                      "through the region's sign-in, or ask {contact}."),
    "contact_admin": ("den som förvaltar servern", "whoever runs the server"),
    "export_incoming": ("En ny export läses in ({folder}). Siffrorna här kommer från den "
                        "förra tills den är klar; ladda om sidan om en stund.",
                        "A new export is being read ({folder}). The figures here come from "
                        "the previous one until it is done; reload the page in a while."),
    "export_opening": ("Exporten läses in och kontrolleras. Det görs en gång per export: vid "
                       "nationell skala tar det ungefär en halv minut, sedan öppnas den på "
                       "en sekund.",
                       "The export is being read and checked. This happens once per export: "
                       "at national scale it takes about half a minute, after that it opens "
                       "in a second."),
    "build_read": ("Steg 1 av 5: filerna läses.", "Step 1 of 5: reading the files."),
    "build_validate": ("Steg 2 av 5: raderna kontrolleras mot dataavtalet.",
                       "Step 2 of 5: checking the rows against the data contract."),
    "build_model": ("Steg 3 av 5: besök och familjer räknas per BVC och månad.",
                    "Step 3 of 5: counting visits and families per BVC and month."),
    "build_small_numbers": ("Steg 4 av 5: vilka små tal som ska döljas avgörs.",
                            "Step 4 of 5: deciding which small numbers to hide."),
    "build_write": ("Steg 5 av 5: databasen sparas.", "Step 5 of 5: saving the database."),
    "export_refused": ("En nyare export kunde inte läsas in, så siffrorna kommer från den "
                       "förra. {reason}",
                       "A newer export could not be read, so the figures come from the "
                       "previous one. {reason}"),
    "demo_banner": ("**Demoläge:** syntetiska exempeldata, full åtkomst för alla. En riktig "
                    "server får en behörighetsfil (`.streamlit/access.toml`, se README).",
                    "**Demo mode:** synthetic sample data, full access for everyone. A real "
                    "server gets an access file (`.streamlit/access.toml`, see the README)."),
    "signed_in_as": ("Inloggad: {user} ({roles})", "Signed in: {user} ({roles})"),
    "role_steering": ("styrgrupp", "steering group"),
    "role_coordinator": ("samordnare", "coordinator"),
    "role_researcher": ("forskare", "researcher"),
    "role_admin": ("administratör", "administrator"),
}
STRINGS.update(ACCESS)

AUDIT = {
    "audit_page": ("Granskningslogg", "Audit log"),
    "no_access_admin": ("Granskningsloggen visas bara för administratörer (rollen admin i "
                        "behörighetsfilen).", "The audit log is shown to administrators only "
                        "(the admin role in the access file)."),
    "audit_title": ("Vem har sett vad", "Who looked at what"),
    "audit_file": ("Loggen: {path} (utanför exportens mapp; rader läggs bara till).",
                   "The log: {path} (outside the export's folder; lines are only added)."),
    "audit_at": ("Tid", "Time"),
    "audit_user": ("Användare", "User"),
    "audit_action": ("Händelse", "Action"),
    "audit_what": ("Vad", "What"),
    "audit_filters": ("Urval", "Selection"),
    "audit_rows": ("Rader", "Rows"),
    "audit_families": ("Familjer (pseudonymer)", "Families (pseudonyms)"),
    "audit_view": ("visade radnivådata", "viewed row-level data"),
    "audit_download": ("laddade ner", "downloaded"),
    "audit_query": ("körde en SQL-fråga", "ran an SQL query"),
    "audit_empty": ("Inga händelser ännu.", "No entries yet."),
}
STRINGS.update(AUDIT)
