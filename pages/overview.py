"""Översikt: the key indicators of the snapshot form for the current selection, each against
the previous period of equal length, with a short trend and the target where one is set."""
import streamlit as st

from dashboard import series, tables, widgets
from dashboard.i18n import t
from dashboard.session import page_context
from dashboard.tiles import count_tile, share_tile, share_tiles, tiles_table

VISIT_SHARES = ["home_share", "both_professions_share", "planned_team_share",
                "within_time_share", "mother_present_share", "other_parent_share",
                "referral_visit_share", "open_forum_referral_share", "extra_support_visit_share"]

context = page_context()
lang, threshold, targets = context.lang, context.threshold, context.settings.targets
widgets.header(context, "overview")
counts = context.query("visit_counts").iloc[0]
if counts.visits == 0:
    widgets.empty_selection(lang)

previous = context.filters.previous()
before = context.query("visit_counts", previous).iloc[0] if previous else None
window, interval = series.trend_window(context.filters, context.db.export.reference_date)
trends = series.share_trends(context.query("visit_shares_by_bvc_and_period", window,
                                           interval=interval), VISIT_SHARES, threshold)
visits_trend = series.count_rows(context.query("visit_counts_by_bvc_and_period", window,
                                               interval=interval), "visits", "all", threshold)
if context.row_level:
    widgets.due_link(context)

st.subheader(t("visit_indicators", lang))
visit_tiles = [
    count_tile("visits", counts.visits, lang, threshold,
               None if before is None else before.visits,
               tuple(visits_trend.shown.dropna())),
    count_tile("families_visited", counts.families_visited, lang, threshold,
               None if before is None else before.families_visited)]
visit_tiles += share_tiles(context.query("visit_shares"), VISIT_SHARES, lang, threshold, targets,
                           context.query("visit_shares", previous) if previous else None, trends)
widgets.tiles(visit_tiles, lang)
st.caption(t("change_caption", lang, interval=t(f"interval_{interval}", lang).lower())
           if previous else t("trend_caption_all", lang,
                              interval=t(f"interval_{interval}", lang).lower()))

st.subheader(t("family_indicators", lang))
completed = context.query("completed_share")
completed_before = context.query("completed_share", previous) if previous else None
family_tiles = share_tiles(context.query("reach_shares"), ["offered_share", "accepted_share"],
                           lang, threshold, targets,
                           context.query("reach_shares", previous) if previous else None)
family_tiles.append(share_tile(
    "completed_share", completed.n.sum(), completed.denominator.sum(), completed.missing.sum(),
    lang, threshold, targets.get("completed_share"),
    None if completed_before is None else (completed_before.n.sum(),
                                           completed_before.denominator.sum())))
widgets.tiles(family_tiles, lang)
st.caption(t("as_of_note", lang, date=context.db.export.reference_date.isoformat()))

st.subheader(t("ratings", lang))
widgets.table_with_download(tables.ratings_table(context.query("rating_means"), lang, threshold),
                            "skattningar.csv", lang)
st.subheader(t("visits_by_number", lang))
widgets.table_with_download(tables.visits_by_number_table(
    context.query("visits_by_number"), context.programme_names, lang, threshold),
    "besok_per_nummer.csv", lang)

st.subheader(t("indicators", lang))
widgets.table_with_download(tiles_table(visit_tiles + family_tiles, lang), "indikatorer.csv", lang)
widgets.definitions(["visits", "families_visited"] + VISIT_SHARES
                    + ["offered_share", "accepted_share", "completed_share"], lang,
                    ["visit_counts", "visit_shares", "reach_shares", "completed_share"])
widgets.suppression_note(context)
