"""Besöksprogression: visits by visit number, retention per birth cohort, on-time share per
visit number and, for coordinators, the families due or overdue for their next visit."""
import streamlit as st

from dashboard import charts, figures, series, tables, widgets
from dashboard.filters import OPTIONS
from dashboard.i18n import t
from dashboard.session import page_context
from dashboard.sidebar import page_choice

context = page_context()
lang, threshold, names = context.lang, context.threshold, context.programme_names
widgets.header(context, "progression")
views = ("progress", "due") if context.row_level else ("progress",)
view = page_choice(t("view", lang), views, "view", lambda v: t(f"view_{v}", lang))
if not context.row_level:
    st.caption(t("due_needs_access", lang))

if view == "due":
    due = context.query("due_list", context.filters.units_only())
    widgets.due_list(due, context)
    st.stop()

st.subheader(t("visits_by_number", lang))
if context.query("visit_counts").visits.iloc[0] == 0:
    widgets.empty_selection(lang)
if figures.coarse_shown(context):
    widgets.figure(figures.visits_by_number(context), lang)
else:
    widgets.numbers_not_shown(lang)

st.subheader(t("retention_title", lang))
cohort = page_choice(t("cohort", lang), OPTIONS["cohort"], "cohort",
                     lambda c: t(f"cohort_{c}", lang), default="year")
# cohorts are the time axis here: every cohort is shown, whatever the period
retention = figures.retention_by_cohort(context, cohort)
st.caption(t("retention_caption", lang, date=context.db.export.reference_date.isoformat()))
if retention.empty:
    st.info(t("no_retention", lang), icon=":material/info:")
else:
    steps = tables.with_texts(series.step_shares(retention, names, lang), lang, threshold)
    steps["series"] = [series.period_label(c, cohort, lang) for c in steps.cohort]
    for programme_id, rows in steps.groupby("programme_id", sort=True):
        widgets.chart_block(
            charts.funnel(rows, lang=lang, title=f"{t('retention_title', lang)}: "
                          f"{names.get(programme_id, programme_id)}",
                          description=t("retention_alt", lang), step_title=t("visit_number", lang),
                          value_title=t("retention_value", lang),
                          series_title=t("cohort_born", lang)),
            tables.step_table(rows, lang, t("retention_value", lang), with_series=True),
            f"kvar_per_kohort_{programme_id}.csv", lang, indicators=["retention"],
            queries=["grid_cells", "programme_schedules"])

st.subheader(t("on_time_title", lang))
if figures.coarse_shown(context):
    on_time = tables.with_texts(series.step_shares(figures.on_time_by_number(context), names,
                                                   lang), lang, threshold)
    widgets.chart_block(
        charts.bars(on_time, category="category", value_title=t("on_time_value", lang),
                    is_share=True, lang=lang, title=t("on_time_title", lang),
                    description=t("on_time_alt", lang), group="group"),
        tables.step_table(on_time, lang, t("on_time_value", lang)), "i_tid_per_nummer.csv",
        lang, indicators=["on_time_share"], queries=["grid_cells", "programme_schedules"])
else:
    widgets.numbers_not_shown(lang)
widgets.suppression_note(context)
