"""Interface text in Swedish (first) and English."""
from __future__ import annotations

from dashboard.definitions import BY_ID

STRINGS = {
    "app_title": ("Utökade hembesök – uppföljning", "Extended home visits – follow-up"),
    "language": ("Språk", "Language"),
    "filters": ("Urval", "Selection"),
    "period": ("Period", "Period"),
    "period_all": ("Hela perioden", "All time"),
    "period_last12": ("Senaste 12 månaderna", "Last 12 months"),
    "period_this_year": ("I år", "This year"),
    "period_last_year": ("Förra året", "Last year"),
    "period_custom": ("Välj datum", "Custom range"),
    "date_from": ("Från och med", "From"),
    "date_to": ("Till och med", "To"),
    "district": ("Stadsdel/kommun", "District"),
    "bvc": ("BVC", "Child health centre"),
    "programme": ("Besöksprogram", "Visit programme"),
    "all": ("Alla", "All"),
    "overview": ("Översikt", "Overview"),
    "export_line": ("Data t.o.m. {date} · {visits} besök · läst {path}",
                    "Data up to {date} · {visits} visits · read {path}"),
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
    "suppressed_note": ("– visas inte: färre än {t} i nämnaren. <{t}: 1–{m} (små tal visas inte "
                        "så att ingen familj kan identifieras).",
                        "– not shown: fewer than {t} in the denominator. <{t}: 1–{m} (small "
                        "numbers are hidden so that no family can be identified)."),
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
    "as_of_note": ("Ålder och status bedöms per {date}.", "Age and status are judged as of {date}."),
}


def t(key: str, lang: str = "sv", **params) -> str:
    sv, en = STRINGS[key]
    return (sv if lang == "sv" else en).format(**params)


def indicator_name(indicator_id: str, lang: str = "sv") -> str:
    return getattr(BY_ID[indicator_id], lang)


def indicator_definition(indicator_id: str, lang: str = "sv") -> str:
    entry = BY_ID[indicator_id]
    return entry.definition_sv if lang == "sv" else entry.definition_en
