"""Om data: the export that is loaded, its rows, the programme schedules, the settings and
the data dictionary (every indicator, table, column and code), downloadable to cite."""
import streamlit as st

from dashboard import about, dictionary, widgets
from dashboard.app_pages import BY_KEY
from dashboard.export import PACKAGE_ROOT
from dashboard.i18n import t
from dashboard.session import page_context

context = page_context()
lang = context.lang
widgets.header(context, "about", selection=False)

st.subheader(t("export_title", lang))
st.dataframe(about.export_facts(context), hide_index=True, width="stretch")
st.subheader(t("row_counts_title", lang))
widgets.table_with_download(about.row_counts_table(context.query("row_counts"), lang),
                            "rader.csv", lang)
st.page_link(str(PACKAGE_ROOT / BY_KEY["data_quality"].file), icon=":material/fact_check:",
             label=t("quality_link", lang), query_params=widgets.url_params())

st.subheader(t("schedules_title", lang))
widgets.table_with_download(about.schedule_table(context.query("programme_schedules"), lang),
                            "besoksprogram.csv", lang)
st.subheader(t("settings_title", lang))
st.dataframe(about.settings_table(context.settings, lang), hide_index=True, width="stretch")
st.subheader(t("dictionary_title", lang))
st.caption(t("dictionary_caption", lang))
indicators, columns, codes = st.tabs([t("dictionary_indicators", lang),
                                      t("dictionary_columns", lang), t("dictionary_codes", lang)])
with indicators:
    st.dataframe(about.definitions_table(lang), hide_index=True, width="stretch")
with columns:
    st.dataframe(about.columns_table(lang), hide_index=True, width="stretch")
with codes:
    st.dataframe(about.codes_table(lang), hide_index=True, width="stretch")
markdown, csv = st.columns(2)
markdown.download_button(t("dictionary_markdown", lang),
                         widgets.audited(f"datakatalog_{lang}.md", None,
                                         lambda: dictionary.dictionary_markdown(lang)),
                         file_name=f"datakatalog_{lang}.md", mime="text/markdown",
                         icon=":material/description:", on_click="ignore", width="stretch")
csv.download_button(t("dictionary_csv", lang),
                    widgets.audited(f"datakatalog_{lang}.csv", None,
                                    lambda: dictionary.dictionary_csv(lang)),
                    file_name=f"datakatalog_{lang}.csv", mime="text/csv",
                    icon=":material/table:", on_click="ignore", width="stretch")
