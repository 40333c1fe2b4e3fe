"""Räckvidd: of the families in the target group, how many were offered the programme,
accepted, started and completed it, per district and birth cohort, against the coverage
target."""
import streamlit as st

from dashboard import charts, figures, series, tables, widgets
from dashboard.filters import OPTIONS
from dashboard.i18n import indicator_name, t
from dashboard.session import page_context
from dashboard.sidebar import page_choice

STAGES = ["offered_share", "accepted_share", "started_share", "completed_share"]

context = page_context()
lang, threshold, targets = context.lang, context.threshold, context.settings.targets
widgets.header(context, "reach")
cohort = page_choice(t("cohort", lang), OPTIONS["cohort"], "cohort",
                     lambda c: t(f"cohort_{c}", lang), default="year")
# cohorts are this page's time axis: every cohort is shown, whatever the period
view = context.view(context.filters.units_only())
families = context.counts(["families"], by="district", interval=cohort, view=view)
if not families.value.any():
    widgets.empty_selection(lang)
st.caption(t("reach_caption", lang, date=context.db.export.reference_date.isoformat()))

st.subheader(t("reach_funnel_title", lang))
widgets.figure(figures.reach_funnel(context, view), lang)

# each district's families (the selection's part of it) per cohort, as the grid has them
stages = figures.grid_rows(context.shares(STAGES, by="district", interval=cohort,
                                          view=view), "district")
stages = series.labelled(stages[stages.denominator > 0], cohort, lang,
                         reference=context.db.export.reference_date)

st.subheader(t("coverage_title", lang))
coverage = stages[stages.indicator == "offered_share"].assign(
    series=lambda f: f.district)
widgets.chart_block(
    charts.trend(coverage, value_title=indicator_name("offered_share", lang), is_share=True,
                 interval=cohort, lang=lang, series="series", series_title=t("district", lang),
                 target=targets.get("offered_share"), target_label=t("coverage_target", lang),
                 title=t("coverage_title", lang), description=t("coverage_alt", lang)),
    tables.share_series_table(coverage, lang, threshold), "erbjudna_per_kohort.csv", lang,
    indicators=["offered_share"], queries=["grid_cells"])

st.subheader(t("reach_table_title", lang))
widgets.table_with_download(
    tables.reach_table(stages, figures.grid_rows(families, "district"), cohort, lang,
                       threshold), "rackvidd_per_stadsdel_och_kohort.csv", lang)
widgets.suppression_note(context, over_time=True)
