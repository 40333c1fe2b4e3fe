"""Professioner och föräldrar: both professions (and the planned team) per BVC and over
time with the lagging unit visible at a glance; mother and other parent present."""
import streamlit as st

from dashboard import charts, figures, series, tables, widgets
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
widgets.figure(figures.both_professions_by_bvc(context, shares), lang)

st.subheader(t("both_over_time", lang))
level = "bvc" if shares.bvc_id.nunique() <= MAX_LINES else "district"
# hidden over every unit of the period, the selection's lines drawn (a chosen unit hides
# what the page of every unit hides); a district's part (BVCs or a programme chosen)
# hidden where one of its BVCs is (series.share_parts)
whole = level == "bvc" or not context.filters.chooses_part
key = "bvc_id" if level == "bvc" else "district"
every = context.filters.period_only()
# by quarter or year, hidden as the months are (hiding.hidden_as_months); districts from
# the districts' rows (every BVC's by month are a hundred times as many)
# the districts' rows, or every BVC's of this indicator only (every BVC's of every share
# by month are a hundred times as many)
units, one = (("visit_shares_by_district_and_period", {}) if whole and level == "district"
              else ("indicator_by_bvc_and_period", {"indicator": both}))
every_months = context.query(units, every, interval="month", **one)
if whole:
    over_time = series.share_rows(context.query(units, every, interval=interval, **one),
                                  both, level, threshold, interval=interval,
                                  months=every_months)
else:  # a district's part: hidden where one of its BVCs is over every unit
    over_time = series.share_parts(
        shares, context.query(units, every, interval=interval, **one), both, level,
        threshold, interval, every_months)
over_time = context.labelled(over_time[over_time[key].isin(set(shares[key]))], interval)
over_time["series"] = over_time["bvc_name" if level == "bvc" else "district"]
widgets.chart_block(
    charts.trend(over_time, value_title=indicator_name(both, lang), is_share=True,
                 interval=interval, lang=lang, series="series",
                 series_title=t("bvc" if level == "bvc" else "district", lang),
                 target=target, target_label=t("target", lang),
                 title=t("both_over_time", lang), description=t("both_over_time_alt", lang)),
    tables.share_series_table(over_time, lang, threshold), "bada_professionerna_over_tid.csv",
    lang, indicators=[both], queries=["visit_shares_by_bvc_and_period"])

team = tables.with_texts(series.programme_rows(
    shares, "planned_team_share", threshold, context.programme_names,
    figures.programmes_withheld(context, shares, "planned_team_share")), lang, threshold)
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
        queries=["visit_shares_by_bvc_and_period", "programme_schedules"])

st.subheader(t("parents_title", lang))
parents = context.labelled(series.indicator_rows(
    shares, ["mother_present_share", "other_parent_share"], threshold,
    {i: indicator_name(i, lang) for i in ("mother_present_share", "other_parent_share")},
    interval, months=context.query("visit_shares_by_period", interval="month"),
    # a selection of units: the months that add up from a unit hidden over every unit
    withheld=figures.trend_withheld(context, context.filters, "month",
                                    ["mother_present_share", "other_parent_share"])),
    interval)
widgets.chart_block(
    charts.trend(parents, value_title=t("share_of_visits", lang), is_share=True,
                 interval=interval, lang=lang, series="series", series_title="",
                 title=t("parents_title", lang), description=t("parents_alt", lang)),
    tables.share_series_table(parents, lang, threshold), "foraldrar_over_tid.csv", lang,
    indicators=["mother_present_share", "other_parent_share"],
    queries=["visit_shares_by_bvc_and_period"])
widgets.suppression_note(context, over_time=True)
