"""Besök: visits per district and per BVC over time, each BVC against its district and all
units."""
import streamlit as st

from dashboard import charts, figures, tables, widgets
from dashboard.i18n import t
from dashboard.session import page_context

context = page_context()
lang, threshold = context.lang, context.threshold
widgets.header(context, "visits_page")
interval = widgets.interval_choice(lang)
by_bvc = figures.grid_rows(context.counts(["visits", "families_visited"], by="bvc",
                                          interval=interval), "bvc_id")
visited = set(by_bvc.bvc_id[(by_bvc.measure == "visits") & (by_bvc.value > 0)])
if not visited:
    widgets.empty_selection(lang)
st.subheader(t("visits_by_district", lang))
widgets.figure(figures.visits_by_district(context, interval), lang)

st.subheader(t("bvc_against_district", lang))
units = context.query("units")
in_scope = units[units.bvc_id.isin(visited)]
bvc = st.selectbox(t("bvc", lang), list(in_scope.bvc_id),
                   format_func=dict(zip(units.bvc_id, units.bvc_name)).get, key="compare_bvc")
comparison = context.labelled(figures.bvc_against_averages(context, bvc, interval), interval)
widgets.chart_block(
    charts.trend(comparison, value_title=t("visits", lang), is_share=False, interval=interval,
                 lang=lang, series="series", series_title="",
                 title=t("bvc_against_district", lang),
                 description=t("bvc_against_district_alt", lang)),
    tables.series_table(comparison, lang, is_share=False), "besok_bvc_jamforelse.csv", lang,
    queries=["grid_cells", "units"])

st.subheader(t("visits_by_bvc", lang))
widgets.table_with_download(
    tables.visits_table(context.labelled(by_bvc, interval), units, lang, threshold),
    "besok_per_bvc.csv", lang)
widgets.suppression_note(context, over_time=True)
