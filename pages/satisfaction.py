"""Nöjdhet: the staff's ratings per item and rater role with n, their distribution and how
the means move over time (7-point items and the 10-point climate and relationship)."""
import streamlit as st

from dashboard import charts, figures, series, tables, widgets
from dashboard.i18n import t
from dashboard.session import page_context
from dashboard.vocab import VOCABULARIES, label

context = page_context()
lang, threshold = context.lang, context.threshold
widgets.header(context, "satisfaction")
# the means from the score counts (rating_means' numbers, without asking again), their n
# and verdicts from the grid of small numbers
scores = context.query("rating_scores_by_item")
if scores.empty:
    widgets.empty_selection(lang)
whole = figures.rating_means(context, series.means_from_scores(scores))

st.subheader(t("ratings", lang))
if figures.ratings_shown(context):
    widgets.table_with_download(tables.ratings_by_role_table(whole, lang, threshold),
                                "skattningar_per_roll.csv", lang)
else:
    widgets.numbers_not_shown(lang, "ratings_periods")
st.caption(t("ratings_caption", lang))

items = list(VOCABULARIES["rating_item"])  # the contract's order: 7-point items, then 10-point
item = st.selectbox(t("item", lang), items, index=items.index("emotional_climate"),
                    format_func=lambda i: label("rating_item", i, lang), key="rating_item")
scale_max = VOCABULARIES["rating_item"][item].scale_max
item_name = label("rating_item", item, lang)

st.subheader(t("rating_trend_title", lang, item=item_name))
# held by whole quarter and year (privacy.build.RATING_KINDS), not by month
interval = widgets.interval_choice(lang, options=("quarter", "year"))
by_period = figures.rating_means(
    context, context.query("rating_means_by_period", interval=interval), interval)
trend = context.labelled(series.rating_trend(by_period, item, threshold, lang), interval)
widgets.chart_block(
    charts.trend(trend, value_title=t("mean", lang), is_share=False, interval=interval,
                 lang=lang, series="series", series_title=t("rater_role", lang),
                 scale_max=int(scale_max), title=t("rating_trend_title", lang, item=item_name),
                 description=t("rating_trend_alt", lang, item=item_name)),
    tables.mean_series_table(trend, lang), "skattning_over_tid.csv", lang,
    indicators=["rating_mean"], queries=["rating_means_by_period", "grid_cells"])
if not by_period.held.all():
    st.caption(t("ratings_whole_periods", lang))

st.subheader(t("distribution_title", lang, item=item_name))
if figures.scores_shown(context):
    counts = figures.score_counts(context)
    roles = figures.rating_counts(context)
    widgets.chart_block(
        charts.distribution(series.rating_distribution(counts, roles, item, threshold, lang),
                            lang=lang, title=t("distribution_title", lang, item=item_name),
                            description=t("distribution_alt", lang, item=item_name),
                            score_title=t("score_scale", lang, max=int(scale_max)),
                            value_title=t("share_of_ratings", lang),
                            panel_title=t("rater_role", lang)),
        tables.distribution_table(counts, roles, lang, threshold), "skattningar_fordelning.csv",
        lang, indicators=["rating_mean"], queries=["grid_cells"])
else:
    widgets.numbers_not_shown(lang, "scores_periods")
widgets.suppression_note(context, over_time=True)
