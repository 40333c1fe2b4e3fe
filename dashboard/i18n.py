"""Interface text in Swedish (first) and English."""
from __future__ import annotations

from dashboard.definitions import BY_ID
from dashboard.i18n_research import STRINGS as RESEARCH_STRINGS

STRINGS = {
    "app_title": ("Utökade hembesök – uppföljning", "Extended home visits – follow-up"),
    "language": ("Språk", "Language"),
    "filters": ("Urval", "Selection"),
    "period": ("Period", "Period"),
    "period_all": ("Hela perioden", "All time"),
    "period_last12": ("Senaste 12 månaderna", "Last 12 months"),
    "period_this_year": ("I år", "This year"),
    "period_last_year": ("Förra året", "Last year"),
    "period_custom": ("Välj månader", "Choose months"),
    "month_from": ("Från och med månad", "From month"),
    "month_to": ("Till och med månad", "To month"),
    "date_from": ("Från och med", "From"),
    "date_to": ("Till och med", "To"),
    "district": ("Stadsdel/kommun", "District"),
    "bvc": ("BVC", "Child health centre"),
    "programme": ("Besöksprogram", "Visit programme"),
    "all": ("Alla", "All"),
    "overview": ("Översikt", "Overview"),
    "export_line": ("Data t.o.m. {date} · {visits} besök · mapp {path}",
                    "Data up to {date} · {visits} visits · folder {path}"),
    "selection_line": ("Urval: {text}", "Selection: {text}"),
    "quarantine_notice": ("{count} rader i exporten bryter mot datakontraktet och räknas inte "
                          "(se `python -m dashboard validate`).",
                          "{count} rows of the export break the data contract and are not "
                          "counted (see `python -m dashboard validate`)."),
    "fatal": ("Exporten kan inte visas.", "The export cannot be shown."),
    "internal_error": ("Något gick fel när sidan skulle visas. Försök igen; om felet kvarstår, "
                       "kontakta den som driftar uppföljningen.",
                       "Something went wrong while showing the page. Try again; if it "
                       "persists, contact whoever runs the follow-up."),
    "no_data": ("Inga besök i det här urvalet. Välj en längre period eller fler enheter.",
                "No visits in this selection. Choose a longer period or more units."),
    "suppressed_note": ("<{t}: 1–{m}. –: döljs, antingen för att nämnaren är mindre än {t} "
                        "eller för att ett dolt tal annars skulle kunna räknas fram ur "
                        "summor som visas här eller på andra sidor (för samma period döljs samma tal på alla sidor). "
                        "Små tal visas inte så att ingen familj kan identifieras.",
                        "<{t}: 1–{m}. –: hidden, either because the denominator is below {t} "
                        "or because a hidden number could otherwise be worked out from totals "
                        "shown here or on other pages (for the same period, the same number on every page). "
                        "Small numbers are hidden so that no family can be identified."),
    "of": ("av", "of"),
    "missing": ("saknas", "missing"),
    "target": ("Mål", "Target"),
    "target_met": ("mål uppnått", "target met"),
    "target_not_met": ("under målet", "below target"),
    "visit_indicators": ("Besöken", "The visits"),
    "family_indicators": ("Familjerna (kohort efter barnets födelsedatum)",
                          "The families (cohort by the child's birth date)"),
    "ratings": ("Personalens skattningar", "Staff ratings"),
    "visits_by_number": ("Besök per besöksnummer", "Visits by visit number"),
    "numbers_periods": ("Den här figuren (per besöksnummer eller hänvisningsmål) "
                        "visas för hela år, de senaste 12 månaderna, de "
                        "12 före dem, året hittills och hela exporten: välj en sådan period. "
                        "Små tal skyddas en gång för alla perioder, och i sådana figurer "
                        "bara för dessa.",
                        "This figure (by visit number or referral destination) is "
                        "shown for whole years, the last 12 months, the 12 before them, the "
                        "year to date and the whole export: choose such a period. Small "
                        "numbers are protected once for every period, and in such figures "
                        "only for these."),
    "ratings_periods": ("Skattningarna visas för hela kvartal och år, de senaste 12 "
                        "månaderna, de 12 före dem, året hittills och hela exporten: välj "
                        "en sådan period. Små tal skyddas en gång för alla perioder, och för "
                        "skattningarna bara för dessa.",
                        "The ratings are shown for whole quarters and years, the last 12 "
                        "months, the 12 before them, the year to date and the whole export: "
                        "choose such a period. Small numbers are protected once for every "
                        "period, and for the ratings only for these."),
    "scores_periods": ("Fördelningen per poäng visas för alla enheter tillsammans, per "
                       "kalenderår och för hela exporten: välj inga stadsdelar eller BVC och "
                       "perioden Förra året eller Hela perioden. Medelvärdena ovan gäller "
                       "ditt urval.",
                       "The distribution per score is shown for all units together, per "
                       "calendar year and for the whole export: choose no districts or "
                       "BVCs and the period Last year or All time. The means above are "
                       "for your selection."),
    "ratings_whole_periods": ("Skattningarna visas per helt kvartal och år: ett kvartal "
                              "som urvalet bara täcker en del av visas inte.",
                              "The ratings are shown per whole quarter and year: a period "
                              "the selection covers only in part is not shown."),
    "indicator": ("Indikator", "Indicator"),
    "indicators": ("Alla indikatorer i tabellform", "All indicators as a table"),
    "value": ("Värde", "Value"),
    "item": ("Fråga", "Item"),
    "scale": ("Skala", "Scale"),
    "mean": ("Medelvärde", "Mean"),
    "ratings_n": ("Antal skattningar", "Ratings"),
    "visit_number": ("Besöksnummer", "Visit number"),
    "age": ("Ålder", "Age"),
    "visits": ("Besök", "Visits"),
    "download_csv": ("Ladda ner tabellen (CSV för Excel)", "Download the table (CSV for Excel)"),
    "definitions": ("Hur beräknas detta?", "How is this calculated?"),
    "rows_shown": ("Visar de {shown} första av {total} raderna. Välj stadsdel, BVC eller en "
                   "kortare period för färre rader; CSV-filen har alla.",
                   "Showing the first {shown} of {total} rows. Choose a district, a BVC or a "
                   "shorter period for fewer rows; the CSV has them all."),
    "lowest_units": ("De {shown} med lägst andel av {total}; tabellen har alla.",
                     "The {shown} with the lowest share of {total}; the table has them all."),
    "many_series": ("{count} linjer, för många för att skilja åt med färg: grå, namngivna i "
                    "tabellen (på skärmen också när du pekar på en).\nVälj högst {most} i "
                    "sidomenyn för en färg och ett streckmönster per linje.",
                    "{count} lines, too many to tell apart by colour: grey, named in the table "
                    "(on screen also when you point at one).\nChoose at most {most} in the "
                    "sidebar for a colour and a dash per line."),
    "as_of_note": ("Ålder och status bedöms per {date}.", "Age and status are judged as of {date}."),
    # pages
    "visits_page": ("Besök", "Visits"),
    "progression": ("Besöksprogression", "Visit progression"),
    "professions": ("Professioner och föräldrar", "Professions and parents"),
    "referrals_page": ("Hänvisningar", "Referrals"),
    "satisfaction": ("Nöjdhet", "Satisfaction"),
    "reach": ("Räckvidd", "Reach"),
    "about": ("Om data", "About the data"),
    # shared
    "chart": ("Diagram", "Chart"),
    "table": ("Tabell", "Table"),
    "sql_of": ("SQL som räknade fram detta ({name}):", "The SQL that computed this ({name}):"),
    "change": ("Förändring", "Change"),
    "points_change": ("{value} procentenheter", "{value} percentage points"),
    "change_caption": ("Förändring mot föregående period av samma längd; kurvan visar båda "
                       "perioderna per {interval}.",
                       "Change against the previous period of equal length; the line shows "
                       "both periods by {interval}."),
    "trend_caption_all": ("Hela perioden har ingen föregående period att jämföra med; kurvan "
                          "visar utvecklingen per {interval}.",
                          "All time has no previous period to compare with; the line shows "
                          "the development by {interval}."),
    "interval": ("Tidsindelning", "Time scale"),
    "partial": ("del av perioden", "part of the period"),
    "partial_note": ("Ofyllda punkter: perioden ingår bara delvis i urvalet.",
                     "Hollow points: the selection holds only part of that period."),
    "no_denominator": ("Ingen familj i urvalet att räkna ännu", "No family in the selection "
                       "to count yet"),
    "interval_month": ("Månad", "Month"),
    "interval_quarter": ("Kvartal", "Quarter"),
    "interval_year": ("År", "Year"),
    "quarter_short": ("K", "Q"),
    "cohort": ("Födelsekohort", "Birth cohort"),
    "cohort_half_year": ("Halvår", "Half-year"),
    "cohort_year": ("År", "Year"),
    "cohort_born": ("Födda", "Born"),
    "series": ("Serie", "Series"),
    "share": ("Andel", "Share"),
    "share_of_visits": ("Andel av besöken", "Share of visits"),
    "families": ("Familjer", "Families"),
    "families_visited_short": ("Familjer", "Families"),
    "visit": ("Besök", "Visit"),
    # visits
    "visits_by_district": ("Besök per stadsdel/kommun", "Visits per district"),
    "visits_by_district_alt": ("Linjediagram: antal besök per period för varje stadsdel eller "
                               "kommun i urvalet. Samma siffror finns i tabellen.",
                               "Line chart: visits per period for each district in the "
                               "selection. The same figures are in the table."),
    "bvc_against_district": ("BVC jämfört med stadsdelen och alla enheter",
                             "A BVC against its district and all units"),
    "bvc_against_district_alt": ("Linjediagram: vald BVC:s besök per period bredvid "
                                 "genomsnittet per BVC i stadsdelen och bland alla enheter.",
                                 "Line chart: the chosen BVC's visits per period beside the "
                                 "mean per BVC in its district and among all units."),
    "district_average": ("Genomsnitt per BVC,", "Mean per BVC,"),
    "all_average": ("Genomsnitt per BVC, alla enheter", "Mean per BVC, all units"),
    "visits_by_bvc": ("Besök och familjer per BVC", "Visits and families per BVC"),
    # progression
    "view": ("Visa", "Show"),
    "view_progress": ("Förlopp", "Progression"),
    "view_due": ("Familjer att besöka", "Families to visit"),
    "due_needs_access": ("Listan över familjer som ska besökas visas bara där konfigurationen "
                         "ger behörighet till uppgifter på individnivå.",
                         "The list of families to visit is shown only where the configuration "
                         "grants access to row-level data."),
    "visits_by_number_alt": ("Stapeldiagram: antal besök per besöksnummer, ett fält per "
                             "besöksprogram.", "Bar chart: visits per visit number, one panel "
                             "per visit programme."),
    "retention_title": ("Kvar i programmet per besöksnummer", "Retention by visit number"),
    "retention_value": ("Kvar i programmet", "Retention"),
    "retention_caption": ("Av familjerna som fått besök 1: andelen som fått besök k, bland dem "
                          "vars barn är gammalt nog för besök k per {date}. Alla födelsekohorter "
                          "visas; perioden i urvalet gäller inte här.",
                          "Of the families who had visit 1: the share who had visit k, among "
                          "those whose child is old enough for visit k on {date}. Every birth "
                          "cohort is shown; the selection's period does not apply here."),
    "retention_alt": ("Linjediagram: andel kvar i programmet per besöksnummer, en linje per "
                      "födelsekohort.", "Line chart: retention by visit number, one line per "
                      "birth cohort."),
    "no_retention": ("Inga familjer i urvalet är ännu gamla nog för att följas upp. Välj en "
                     "längre period.", "No family in the selection is old enough to follow "
                     "up yet. Choose a longer period."),
    "on_time_title": ("Besök i tid per besöksnummer", "Visits on time by visit number"),
    "on_time_value": ("I tid", "On time"),
    "on_time_alt": ("Stapeldiagram: andel besök inom programmets tidsfönster per "
                    "besöksnummer, ett fält per program.", "Bar chart: share of visits inside "
                    "the programme's window per visit number, one panel per programme."),
    "due_title": ("Familjer att besöka", "Families to visit"),
    "due_caption": ("Status per {date} för alla aktiva familjer vid valda enheter, oavsett "
                    "barnets födelsedatum (perioden gäller inte här).",
                    "Status on {date} for every active family at the chosen units, whatever "
                    "the child's birth date (the period does not apply here)."),
    "due_link": ("{count} familjer har ett försenat besök – visa listan",
                 "{count} families have an overdue visit – show the list"),
    "due_link_one": ("1 familj har ett försenat besök – visa listan",
                     "1 family has an overdue visit – show the list"),
    "due_none": ("Inga familjer med den statusen.", "No families with that status."),
    "missed_title": ("Missade besök (fönstret stängde för mer än 60 dagar sedan)",
                     "Missed visits (window closed more than 60 days ago)"),
    "missed_none": ("Inga missade besök.", "No missed visits."),
    "status": ("Status", "Status"),
    "status_upcoming": ("Kommande", "Upcoming"),
    "status_due": ("Aktuellt", "Due"),
    "status_overdue": ("Försenat", "Overdue"),
    "status_missed": ("Missat", "Missed"),
    "status_upcoming_plural": ("Kommande", "Upcoming"),
    "status_due_plural": ("Aktuella nu", "Due now"),
    "status_overdue_plural": ("Försenade", "Overdue"),
    "status_missed_plural": ("Missade", "Missed"),
    "family": ("Familj (pseudonym)", "Family (pseudonym)"),
    "next_visit": ("Nästa besök", "Next visit"),
    "window_opens": ("Fönstret öppnar", "Window opens"),
    "window_closes": ("Fönstret stänger", "Window closes"),
    "days_overdue": ("Dagar försenat", "Days overdue"),
    "last_visit": ("Senaste besök", "Last visit"),
    # professions
    "both_by_bvc": ("Båda professionerna per BVC", "Both professions per BVC"),
    "both_by_bvc_alt": ("Punktdiagram: andel besök med både sjuksköterska och "
                        "föräldrastödjare per BVC, sorterat; enheter under målet är röda "
                        "trianglar märkta ✗.", "Dot chart: share of visits with both the "
                        "nurse and the parent supporter per BVC, sorted; units below target "
                        "are red triangles marked ✗."),
    "both_over_time": ("Båda professionerna över tid", "Both professions over time"),
    "both_over_time_alt": ("Linjediagram: andel besök med båda professionerna per period och "
                           "enhet, med målet som streckad linje.", "Line chart: share of "
                           "visits with both professions per period and unit, with the target "
                           "as a dashed line."),
    "planned_team_title": ("Planerat team per program", "Planned team per programme"),
    "planned_team_caption": ("Där programmet planerar andra professioner (barnmorska, "
                             "tandhygienist, bibliotekarie) räknas de; för program med bara "
                             "sjuksköterska och föräldrastödjare är det samma som båda "
                             "professionerna.", "Where a programme plans other professions "
                             "(midwife, dental hygienist, librarian) they count; for programmes "
                             "with only nurse and parent supporter it equals both professions."),
    "planned_team_alt": ("Stapeldiagram: andel besök där alla planerade professioner deltog, "
                         "per program.", "Bar chart: share of visits with every planned "
                         "profession present, per programme."),
    "parents_title": ("Föräldrarna på besöket", "Parents at the visit"),
    "parents_alt": ("Linjediagram: andel besök där mamman respektive den andra föräldern "
                    "deltog, per period.", "Line chart: share of visits with the mother and "
                    "with the other parent present, per period."),
    # referrals
    "referrals": ("Hänvisningar", "Referrals"),
    "destination": ("Hänvisning till", "Destination"),
    "destination_group": ("Grupp", "Group"),
    "destinations_title": ("Vart familjerna hänvisas", "Where families are referred"),
    "destinations_alt": ("Stapeldiagram: antal hänvisningar per mål, i två fält: öppna forum "
                         "och extra stöd.", "Bar chart: referrals per destination in two "
                         "panels: open forums and extra support."),
    "referral_shares_title": ("Hänvisningar över tid", "Referrals over time"),
    "referral_shares_alt": ("Linjediagram: andel besök med hänvisning, med hänvisning till "
                            "extra stöd och andel hänvisningar till öppna forum per period.",
                            "Line chart: share of visits with a referral, with an "
                            "extra-support referral, and share of referrals to open forums, "
                            "per period."),
    "destinations_by_district": ("Hänvisningar per stadsdel/kommun",
                                 "Referrals per district"),
    "destinations_by_district_caption": ("Antal hänvisningar från besök i urvalets period.",
                                         "Referrals from visits in the selection's period."),
    # satisfaction
    "all_roles": ("Båda rollerna", "Both roles"),
    "rater_role": ("Yrkesroll", "Rater role"),
    "ratings_caption": ("Personalens skattningar efter besöket: frågorna om modellen på en "
                        "7-gradig skala, emotionellt klimat och relationens kvalitet på en "
                        "10-gradig. Skalorna blandas aldrig.",
                        "The staff's ratings after the visit: the items on the model on a "
                        "7-point scale, emotional climate and relationship quality on a "
                        "10-point scale. Scales are never mixed."),
    "rating_trend_title": ("{item} över tid", "{item} over time"),
    "rating_trend_alt": ("Linjediagram: medelvärde för {item} per period och yrkesroll.",
                         "Line chart: mean of {item} per period and rater role."),
    "distribution_title": ("Fördelning: {item}", "Distribution: {item}"),
    "distribution_alt": ("Stapeldiagram: andel skattningar per poäng för {item}, ett fält "
                         "per yrkesroll.", "Bar chart: share of ratings per score for {item}, "
                         "one panel per rater role."),
    "score": ("Poäng", "Score"),
    "score_scale": ("Poäng (1–{max})", "Score (1–{max})"),
    "share_of_ratings": ("Andel av skattningarna", "Share of ratings"),
    # reach
    "reach_caption": ("Familjerna i målgruppen per födelsekohort; alla kohorter visas och "
                      "perioden i urvalet gäller inte här. Fullföljt bedöms per {date}.",
                      "The families of the target group per birth cohort; every cohort is "
                      "shown and the selection's period does not apply here. Completion is "
                      "judged on {date}."),
    "reach_funnel_title": ("Från erbjudande till fullföljt program",
                           "From offer to completed programme"),
    "reach_funnel_alt": ("Stapeldiagram: andel erbjudna, som tackat ja, påbörjat och "
                         "fullföljt.", "Bar chart: share offered, accepted, started and "
                         "completed."),
    "coverage_title": ("Erbjudna per stadsdel och kohort", "Offered per district and cohort"),
    "coverage_alt": ("Linjediagram: andel av målgruppen som erbjudits programmet per "
                     "födelsekohort och stadsdel, med täckningsmålet som streckad linje.",
                     "Line chart: share of the target group offered the programme per birth "
                     "cohort and district, with the coverage target as a dashed line."),
    "coverage_target": ("Täckningsmål", "Coverage target"),
    "reach_table_title": ("Per stadsdel och kohort", "Per district and cohort"),
    # about
    "export_title": ("Exporten", "The export"),
    "fact": ("Uppgift", "Fact"),
    "export_folder": ("Mapp", "Folder"),
    "sample": ("syntetiskt exempel", "synthetic sample"),
    "extracted_at": ("Uttagen (uppföljningens datum)", "Extracted (the as-of date)"),
    "visit_dates": ("Besöksdatum", "Visit dates"),
    "birth_dates": ("Barnens födelsedatum", "Children's birth dates"),
    "row_counts_title": ("Rader per tabell", "Rows per table"),
    "table_name": ("Tabell", "Table"),
    "rows_read": ("Lästa", "Read"),
    "rows_valid": ("Giltiga", "Valid"),
    "rows_quarantined": ("I karantän", "Quarantined"),
    "quarantine_none": ("Inga rader bryter mot datakontraktet.",
                        "No rows break the data contract."),
    "rule": ("Regel", "Rule"),
    "column": ("Kolumn", "Column"),
    "schedules_title": ("Besöksprogrammen", "The visit programmes"),
    "window_days": ("Tidsfönster (dagar efter födseln)", "Window (days after birth)"),
    "place": ("Plats", "Place"),
    "professions_planned": ("Planerade professioner", "Planned professions"),
    "expected_minutes": ("Förväntad längd (min)", "Expected length (min)"),
    "settings_title": ("Inställningar", "Settings"),
    "setting": ("Inställning", "Setting"),
    "threshold_setting": ("Små tal döljs under", "Small numbers hidden below"),
    "definition": ("Definition", "Definition"),
    "query_file": ("SQL-fil", "SQL file"),
}


STRINGS.update(RESEARCH_STRINGS)


def t(key: str, lang: str = "sv", **params) -> str:
    sv, en = STRINGS[key]
    return (sv if lang == "sv" else en).format(**params)


def indicator_name(indicator_id: str, lang: str = "sv") -> str:
    return getattr(BY_ID[indicator_id], lang)


def indicator_definition(indicator_id: str, lang: str = "sv") -> str:
    entry = BY_ID[indicator_id]
    return entry.definition_sv if lang == "sv" else entry.definition_en
