"""Översikt: the key indicators of the snapshot form for the current selection."""
import streamlit as st

from dashboard import tables, widgets
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
    st.info(t("no_data", lang), icon=":material/info:")
    st.stop()

st.subheader(t("visit_indicators", lang))
visit_tiles = [count_tile("visits", counts.visits, lang, threshold),
               count_tile("families_visited", counts.families_visited, lang, threshold)]
visit_tiles += share_tiles(context.query("visit_shares"), VISIT_SHARES, lang, threshold, targets)
widgets.tiles(visit_tiles)

st.subheader(t("family_indicators", lang))
completed = context.query("completed_share")
family_tiles = share_tiles(context.query("reach_shares"), ["offered_share", "accepted_share"],
                           lang, threshold, targets)
family_tiles.append(share_tile("completed_share", completed.n.sum(), completed.denominator.sum(),
                               completed.missing.sum(), lang, threshold,
                               targets.get("completed_share")))
widgets.tiles(family_tiles)
st.caption(t("as_of_note", lang, date=context.db.export.reference_date.isoformat()))

st.subheader(t("ratings", lang))
widgets.table_with_download(tables.ratings_table(context.query("rating_means"), lang, threshold),
                            "skattningar.csv", lang)
st.subheader(t("visits_by_number", lang))
units = context.query("units")
names = dict(zip(units.programme_id, units.programme_sv if lang == "sv" else units.programme_en))
widgets.table_with_download(tables.visits_by_number_table(
    context.query("visits_by_number"), names, lang, threshold), "besok_per_nummer.csv", lang)

st.subheader(t("indicators", lang))
widgets.table_with_download(tiles_table(visit_tiles + family_tiles, lang), "indikatorer.csv", lang)
widgets.definitions(VISIT_SHARES + ["offered_share", "accepted_share", "completed_share"], lang)
widgets.suppression_note(context)
