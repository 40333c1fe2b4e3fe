"""Professioner och föräldrar: both professions (and the planned team) per BVC and over
time with the lagging unit visible at a glance; mother and other parent present."""
import streamlit as st

from dashboard import charts, figures, tables, widgets
from dashboard.i18n import indicator_name, t
from dashboard.session import page_context

MAX_LINES = 10  # more units than this are drawn per district

context = page_context()
lang, threshold, targets = context.lang, context.threshold, context.settings.targets
widgets.header(context, "professions")
interval = widgets.interval_choice(lang)
shares = context.query("visit_shares_by_bvc_and_period", interval=interval)
if shares.empty:
    widgets.empty_selection(lang)
both, target = "both_professions_share", targets.get("both_professions_share")

st.subheader(t("both_by_bvc", lang))
widgets.figure(figures.both_professions_by_bvc(context), lang)

st.subheader(t("both_over_time", lang))
level = "bvc" if shares.bvc_id.nunique() <= MAX_LINES else "district"
over_time = figures.shares_over_time(context, [both], interval, by=level)
widgets.chart_block(
    charts.trend(over_time, value_title=indicator_name(both, lang), is_share=True,
                 interval=interval, lang=lang, series="series",
                 series_title=t("bvc" if level == "bvc" else "district", lang),
                 target=target, target_label=t("target", lang),
                 title=t("both_over_time", lang), description=t("both_over_time_alt", lang)),
    tables.share_series_table(over_time, lang, threshold), "bada_professionerna_over_tid.csv",
    lang, indicators=[both], queries=["grid_cells"])

team = tables.with_texts(figures.programme_shares(context, "planned_team_share"), lang,
                         threshold)
if not team.empty:
    st.subheader(t("planned_team_title", lang))
    st.caption(t("planned_team_caption", lang))
    widgets.chart_block(
        charts.bars(team, category="category", value_title=indicator_name(
            "planned_team_share", lang), is_share=True, lang=lang,
            title=t("planned_team_title", lang), description=t("planned_team_alt", lang)),
        tables.category_share_table(team, lang, t("programme", lang),
                                    indicator_name("planned_team_share", lang)),
        "planerat_team_per_program.csv", lang, indicators=["planned_team_share"],
        queries=["grid_cells", "programme_schedules"])

st.subheader(t("parents_title", lang))
parents = figures.shares_over_time(
    context, ["mother_present_share", "other_parent_share"], interval,
    names={i: indicator_name(i, lang) for i in ("mother_present_share", "other_parent_share")})
widgets.chart_block(
    charts.trend(parents, value_title=t("share_of_visits", lang), is_share=True,
                 interval=interval, lang=lang, series="series", series_title="",
                 title=t("parents_title", lang), description=t("parents_alt", lang)),
    tables.share_series_table(parents, lang, threshold), "foraldrar_over_tid.csv", lang,
    indicators=["mother_present_share", "other_parent_share"], queries=["grid_cells"])
widgets.suppression_note(context, over_time=True)
