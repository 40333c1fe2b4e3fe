"""Hänvisningar: where families are referred, grouped into open forums and extra support;
the share of visits with a referral and with extra support over time; destinations per
district."""
import streamlit as st

from dashboard import charts, figures, series, tables, widgets
from dashboard.i18n import indicator_name, t
from dashboard.session import page_context

SHARES = ["referral_visit_share", "extra_support_visit_share", "open_forum_referral_share"]

context = page_context()
lang, threshold, targets = context.lang, context.threshold, context.settings.targets
widgets.header(context, "referrals_page")
if context.query("visit_shares_by_period", interval="quarter").empty:
    widgets.empty_selection(lang)

st.subheader(t("destinations_title", lang))
coarse = figures.coarse_shown(context)
if coarse:
    widgets.figure(figures.referral_destinations(context), lang)
else:
    widgets.numbers_not_shown(lang)

st.subheader(t("referral_shares_title", lang))
interval = widgets.interval_choice(lang)
over_time = figures.shares_over_time(context, SHARES, interval,
                                     names={i: indicator_name(i, lang) for i in SHARES})
widgets.chart_block(
    charts.trend(over_time, value_title=t("share", lang), is_share=True, interval=interval,
                 lang=lang, series="series", series_title="",
                 target=targets.get("referral_visit_share"),
                 target_label=t("target", lang) + " " + indicator_name(
                     "referral_visit_share", lang).lower(),
                 title=t("referral_shares_title", lang),
                 description=t("referral_shares_alt", lang)),
    tables.share_series_table(over_time, lang, threshold), "hanvisningar_over_tid.csv", lang,
    indicators=SHARES, queries=["grid_cells"])

st.subheader(t("destinations_by_district", lang))
if coarse:
    widgets.table_with_download(figures.destinations_by_district(context),
                                "hanvisningar_per_stadsdel.csv", lang)
else:
    widgets.numbers_not_shown(lang)
st.caption(t("destinations_by_district_caption", lang))
widgets.suppression_note(context, over_time=True)
