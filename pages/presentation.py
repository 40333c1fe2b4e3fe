"""Presentationsläge: for a projector in a meeting. No sidebar, large type, one group of
indicators per screen (Next / Previous, or PageDown / PageUp from a presenter's remote),
the selection as a line of text at the top. The slide is in the URL (`slide`)."""
import streamlit as st

from dashboard import charts, figures, widgets
from dashboard.app_pages import BY_KEY
from dashboard.export import PACKAGE_ROOT
from dashboard.i18n import t
from dashboard.session import page_context

# each slide: its title and the tiles it shows, by indicator id
SLIDES = [
    ("slide_volume", ["visits", "families_visited"]),
    ("slide_team", ["home_share", "both_professions_share", "planned_team_share",
                    "within_time_share"]),
    ("slide_parents", ["mother_present_share", "other_parent_share", "referral_visit_share",
                       "extra_support_visit_share"]),
    ("slide_families", ["offered_share", "accepted_share", "completed_share"]),
    ("slide_units", []),
]

context = page_context()
lang = context.lang
# sizes follow the screen's width, so a 1280 × 720 projector shows a whole slide too
st.html("<style>"
        "[data-testid='stSidebar'], [data-testid='stSidebarCollapsedControl'], "
        "[data-testid='stHeader'] {display: none;} "
        "[data-testid='stMainBlockContainer'] {padding-top: 1rem; max-width: 96%;} "
        "[data-testid='stMain'] h1 {font-size: clamp(2rem, 3.6vw, 4rem);} "
        "[data-testid='stMain'] [data-testid='stMarkdownContainer'] p "
        "{font-size: clamp(1rem, 1.5vw, 1.8rem);} "
        "[data-testid='stMain'] [data-testid='stCaptionContainer'] "
        "{font-size: clamp(0.9rem, 1.2vw, 1.5rem);} "
        "[data-testid='stMetricValue'], [data-testid='stMetricValue'] * "
        "{font-size: clamp(2.5rem, 5.5vw, 7rem) !important; line-height: 1.15;} "
        "[data-testid='stMain'] button p {font-size: clamp(0.9rem, 1.3vw, 1.5rem);}"
        "</style>")
st.caption(t("presentation_line", lang, selection=widgets.plain(widgets.selection_text(context)),
             date=context.db.export.reference_date.isoformat()))

slide = min(max(int(st.query_params.get("slide", "1") or 1), 1), len(SLIDES))
title_key, shown = SLIDES[slide - 1]
st.title(t(title_key, lang))
if context.query("visit_counts").visits.iloc[0] == 0:
    widgets.empty_selection(lang)
if shown:
    key = figures.key_tiles(context)
    by_id = {tile.indicator: tile for tile in key.visits + key.families}
    widgets.tiles([by_id[i] for i in shown], lang, per_row=min(len(shown), 4))
else:
    fig = figures.both_professions_by_bvc(context, large=True)
    # the slide's heading names it; labels large enough for the back of the room
    st.vega_lite_chart(spec=charts.enlarged(fig.chart, 20), width="stretch")

back, position, forward, leave = st.columns([2, 2, 2, 3], vertical_alignment="center")
if back.button(t("slide_previous", lang), icon=":material/arrow_back:", shortcut="PageUp",
               disabled=slide == 1, width="stretch"):
    st.query_params["slide"] = str(slide - 1)
    st.rerun()
position.markdown(t("slide_of", lang, slide=slide, count=len(SLIDES)))
if forward.button(t("slide_next", lang), icon=":material/arrow_forward:", shortcut="PageDown",
                  disabled=slide == len(SLIDES), type="primary", width="stretch"):
    st.query_params["slide"] = str(slide + 1)
    st.rerun()
leave.page_link(str(PACKAGE_ROOT / BY_KEY["overview"].file), label=t("slide_leave", lang),
                icon=":material/close:",
                query_params={k: v for k, v in widgets.url_params().items() if k != "slide"})
