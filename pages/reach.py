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
reach = context.query("reach_by_district_and_cohort", context.filters.units_only(), cohort=cohort)
if reach.empty:
    widgets.empty_selection(lang)
st.caption(t("reach_caption", lang, date=context.db.export.reference_date.isoformat()))
stages = series.reach_stages(reach)

st.subheader(t("reach_funnel_title", lang))
widgets.figure(figures.reach_funnel(context, stages, context.filters.units_only()), lang)

# districts hidden over every district, the chosen ones drawn (a chosen district hides
# what the page of every district hides); a district's part (BVCs or a programme chosen)
# summed from its BVCs, hidden where one of them is over every unit (series.share_parts)
filters = context.filters
chosen = set(reach.district)
every = None
if not filters.chooses_part:
    stages = series.reach_stages(context.query(
        "reach_by_district_and_cohort", filters.units_only().period_only(), cohort=cohort))
    coverage = series.share_rows(stages, "offered_share", "district", threshold,
                                 interval=cohort)
else:  # a district's part: summed from its BVCs, hidden where one of them is
    stages, every = (series.reach_stages(context.query("reach_by_bvc_and_cohort", f,
                                                       cohort=cohort))
                     for f in (filters.units_only(), filters.units_only().period_only()))
    coverage = series.share_parts(stages, every, "offered_share", "district", threshold,
                                  cohort)

st.subheader(t("coverage_title", lang))
coverage = series.labelled(coverage[coverage.district.isin(chosen)], cohort, lang,
                           reference=context.db.export.reference_date)
coverage["series"] = coverage.district
widgets.chart_block(
    charts.trend(coverage, value_title=indicator_name("offered_share", lang), is_share=True,
                 interval=cohort, lang=lang, series="series", series_title=t("district", lang),
                 target=targets.get("offered_share"), target_label=t("coverage_target", lang),
                 title=t("coverage_title", lang), description=t("coverage_alt", lang)),
    tables.share_series_table(coverage, lang, threshold), "erbjudna_per_kohort.csv", lang,
    indicators=["offered_share"], queries=["reach_by_district_and_cohort"])

st.subheader(t("reach_table_title", lang))
reach_table = tables.reach_table(stages, cohort, lang, threshold, every)
widgets.table_with_download(reach_table[reach_table.iloc[:, 0].isin(chosen)],
                            "rackvidd_per_stadsdel_och_kohort.csv", lang)
widgets.suppression_note(context, over_time=True)
