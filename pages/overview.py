"""Översikt: the key indicators of the snapshot form for the current selection, each against
the previous period of equal length, with a short trend and the target where one is set."""
import streamlit as st

from dashboard import figures, tables, widgets
from dashboard.i18n import t
from dashboard.session import page_context
from dashboard.tiles import tiles_table

context = page_context()
lang, threshold = context.lang, context.threshold
widgets.header(context, "overview")
if context.query("visit_counts").visits.iloc[0] == 0:
    widgets.empty_selection(lang)
if context.row_level:
    widgets.due_link(context)
key = figures.key_tiles(context)
interval = t(f"interval_{key.interval}", lang).lower()

st.subheader(t("visit_indicators", lang))
widgets.tiles(key.visits, lang)
st.caption(t("change_caption", lang, interval=interval) if key.compared
           else t("trend_caption_all", lang, interval=interval))
st.subheader(t("family_indicators", lang))
widgets.tiles(key.families, lang)
st.caption(t("as_of_note", lang, date=context.db.export.reference_date.isoformat()))

st.subheader(t("ratings", lang))
if figures.ratings_shown(context):
    widgets.table_with_download(tables.ratings_table(figures.rating_means(
        context, context.query("rating_means")), lang, threshold), "skattningar.csv", lang)
else:
    widgets.numbers_not_shown(lang, "ratings_periods")
st.subheader(t("visits_by_number", lang))
if figures.coarse_shown(context):
    widgets.table_with_download(tables.visits_by_number_table(
        figures.by_visit_number(context, ("visits",)), context.programme_names, lang,
        threshold), "besok_per_nummer.csv", lang)
else:
    widgets.numbers_not_shown(lang)

st.subheader(t("indicators", lang))
widgets.table_with_download(tiles_table(key.visits + key.families, lang), "indikatorer.csv",
                            lang)
widgets.definitions(["visits", "families_visited"] + figures.VISIT_SHARES
                    + figures.FAMILY_SHARES + ["completed_share"], lang,
                    ["visit_counts", "visit_shares", "reach_shares", "completed_share"])
widgets.suppression_note(context)
