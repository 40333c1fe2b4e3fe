"""Utforska: researchers' ad hoc SQL over the validated export, in a locked sandbox, with
examples, the schema beside the editor and the result as CSV, Parquet or XLSX. The query
travels in the URL (`?sql=`)."""
import streamlit as st

from dashboard import research_widgets as rw
from dashboard import widgets
from dashboard.explorer import Refused, examples
from dashboard.i18n import t
from dashboard.session import page_context, sandbox

context = page_context()
lang = context.lang
widgets.header(context, "explorer", selection=False)
limits = context.settings.explorer
st.caption(t("explorer_intro", lang, seconds=rw.number(limits.timeout_seconds, lang),
             shown=rw.number(limits.rows_shown, lang),
             download=rw.number(limits.download_rows, lang)))

box = sandbox(context.db, limits, context.scope)
if context.scope.bvcs is not None:
    names = dict(zip(context.query("units").bvc_id, context.query("units").bvc_name))
    st.info(t("explorer_scoped", lang, units=widgets.plain(", ".join(
        names.get(b, b) for b in context.scope.bvcs))), icon=":material/lock:")
editor, schema = st.columns([3, 2], gap="medium")
with schema:
    rw.schema_browser(box.schema(), lang)
with editor:
    sql, submitted = rw.sql_editor(examples(), lang)

if sql.strip() and (submitted or rw.result_missing(sql)):
    outcome = None
    try:
        outcome = box.run(sql)
    except Refused as refused:
        outcome = refused
    finally:  # every query is recorded: refused, stopped or failed ones too
        rows = outcome.table.num_rows if hasattr(outcome, "table") else None
        context.audit("query", sql, rows, rw.family_ids(outcome))
    rw.keep_result(sql, outcome)
rw.show_result(sql, limits, lang)
