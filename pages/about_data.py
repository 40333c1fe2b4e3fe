"""Om data: the export that is loaded, its rows and quarantined rows, the programme
schedules, the settings and every indicator's definition."""
import streamlit as st

from dashboard import about, widgets
from dashboard.i18n import t
from dashboard.session import page_context

context = page_context()
lang = context.lang
widgets.header(context, "about")

st.subheader(t("export_title", lang))
st.dataframe(about.export_facts(context), hide_index=True, width="stretch")
st.subheader(t("row_counts_title", lang))
widgets.table_with_download(about.row_counts_table(context.query("row_counts"), lang),
                            "rader.csv", lang)
quarantine = context.query("quarantine_by_rule")
st.subheader(t("quarantine_title", lang))
if quarantine.empty:
    st.success(t("quarantine_none", lang), icon=":material/check_circle:")
else:
    widgets.table_with_download(about.quarantine_table(quarantine, lang, context.row_level),
                                "karantan.csv", lang)
    st.caption(t("quarantine_caption", lang))

st.subheader(t("schedules_title", lang))
widgets.table_with_download(about.schedule_table(context.query("programme_schedules"), lang),
                            "besoksprogram.csv", lang)
st.subheader(t("settings_title", lang))
st.dataframe(about.settings_table(context.settings, lang), hide_index=True, width="stretch")
st.subheader(t("definitions_title", lang))
widgets.table_with_download(about.definitions_table(lang), "definitioner.csv", lang)
st.caption(t("definitions_caption", lang))
