"""Granskningslogg: for administrators, which export is loaded and who looked at which
row-level data, downloaded what and ran which query (newest first)."""
import streamlit as st

from dashboard import about, audit, widgets
from dashboard.i18n import t
from dashboard.session import page_context

context = page_context()
lang = context.lang
widgets.header(context, "audit_page", selection=False)
st.subheader(t("export_title", lang))
st.dataframe(about.export_facts(context), hide_index=True, width="stretch")
st.caption(t("audit_file", lang, path=widgets.plain(audit.log_path())))

st.subheader(t("audit_title", lang))
entries = audit.read()
who, action = st.columns(2)
users = who.multiselect(t("audit_user", lang), sorted(set(entries.user)), key="audit_users",
                        placeholder=t("all", lang))
actions = action.multiselect(t("audit_action", lang), list(audit.ACTIONS),
                             format_func=lambda a: t(f"audit_{a}", lang), key="audit_actions",
                             placeholder=t("all", lang))
shown = entries[entries.user.isin(users or entries.user)
                & entries.action.isin(actions or audit.ACTIONS)]
if shown.empty:
    st.info(t("audit_empty", lang), icon=":material/info:")
else:
    widgets.table_with_download(about.audit_table(shown, lang), "granskningslogg.csv", lang)
