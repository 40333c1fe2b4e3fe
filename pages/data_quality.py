"""Datakvalitet: quarantined rows and what to fix, empty fields per BVC as heat maps, BVCs
that stopped reporting and implausible visits; the rows behind them with row-level access."""
import streamlit as st

from dashboard import charts, figures, quality, widgets
from dashboard.contract import TABLES
from dashboard.i18n import t
from dashboard.numbers import integer, percent
from dashboard.sidebar import page_choice
from dashboard.session import page_context

context = page_context()
lang, threshold = context.lang, context.threshold
reference = context.db.export.reference_date
widgets.header(context, "data_quality")
st.caption(t("quality_intro", lang))
completeness = context.query("completeness_by_bvc_and_period", interval="year")
# the same over every BVC of the period: shares hidden as on the page of every BVC
period = context.filters.period_only()
every = context.query("completeness_by_bvc_and_period", period, interval="year")
if completeness.empty:
    widgets.empty_selection(lang)
flags = context.query("flag_counts_by_bvc")
last = context.query("last_visit_by_bvc")
days, limit = context.settings.stopped_reporting_days, context.settings.empty_share_limit
# the BVCs' visits hidden as on Besök (each BVC's total there and each period's): the grid
visits = context.counts(["visits"], by="bvc")
visits_hidden = visits.set_index("unit_group").hidden

st.subheader(t("overview_title", lang))
# kept per selection (a thousand BVCs' figures side by side at national scale)
widgets.table_with_download(context.derived(
    "unit_overview", (context.filters, days, limit), lambda: quality.unit_overview(
        completeness, flags, last, lang, threshold, days, limit, visits_hidden, every)),
    "datakvalitet_per_bvc.csv", lang)
st.caption(t("overview_caption", lang, limit=percent(limit, lang)))

st.subheader(t("quality_quarantine_title", lang))
by_rule = context.query("quarantine_by_rule")
if by_rule.empty:
    st.success(t("quarantine_none", lang), icon=":material/check_circle:")
else:
    widgets.table_with_download(quality.quarantine_summary(by_rule, lang), "karantan.csv", lang)
    st.markdown(f"**{t('quarantine_rows_title', lang)}**")
    if context.row_level:
        tables = [name for name in TABLES if name in set(by_rule.table_name)]
        for tab, name in zip(st.tabs(tables), tables):
            with tab:
                rows = context.query("quarantined_rows", table=name)
                families = rows.family_id if "family_id" in rows else ()
                context.audit("view", f"quarantined_rows:{name}", len(rows), families)
                widgets.table_with_download(
                    quality.quarantined_rows(rows, context.db.export.path, lang),
                    f"karantan_{name}.csv", lang, families)
        st.caption(t("quarantine_rows_caption", lang))
    else:
        st.caption(t("row_level_locked", lang))

st.subheader(t("completeness_title", lang))
# over every BVC of the period (each BVC's visits hidden as the grid hides them), kept
by_field = context.derived("completeness_by_field", (period,), lambda: (
    quality.completeness_by_field(every, lang, threshold, context.counts(
        ["visits"], by="bvc", view=context.view(period)).set_index("unit_group").hidden)))
chosen = completeness.bvc_id.unique()
if len(chosen) < by_field.bvc_id.nunique():  # a selection of some BVCs: their rows
    by_field = by_field[by_field.bvc_id.isin(chosen)]
bands = quality.bands(lang, threshold)
field_order = [quality.field_label(f, lang) for f in quality.FIELDS]
drawn = quality.most_empty_units(completeness, threshold)
widgets.chart_block(
    charts.heatmap(by_field[by_field.bvc_id.isin(drawn)], x="field_label", x_title=t("field", lang), x_sort=field_order,
                   bands=bands,
                   lang=lang, title=t("completeness_fields_chart", lang),
                   description=t("completeness_fields_description", lang),
                   legend_title=t("share_empty", lang)),
    quality.completeness_table(by_field, lang, "field_label", t("field", lang), field_order),
    "tomma_falt_per_bvc.csv", lang, queries=["completeness_by_bvc_and_period"])
field = page_choice(t("field", lang), quality.FIELDS, "field",
                    lambda f: quality.field_label(f, lang), default="duration_minutes")
interval = widgets.interval_choice(lang)
by_period = quality.completeness_by_period(
    context.query("field_completeness_by_bvc_and_period", interval=interval, field=field),
    field, interval, lang, threshold, context.filters, reference,
    figures.grid_rows(context.counts(["visits"], by="bvc", interval=interval), "bvc_id"))
label = quality.field_label(field, lang)
periods = by_period.sort_values("period").period_label.unique().tolist()
shown = periods[-quality.MAX_PERIODS:]
widgets.chart_block(
    charts.heatmap(by_period[by_period.period_label.isin(shown) & by_period.bvc_id.isin(drawn)],
                   x="period_label",
                   x_title=t("period", lang), x_sort=shown, bands=bands,
                   lang=lang, title=t("completeness_period_chart", lang, field=label),
                   description=t("completeness_period_description", lang, field=label),
                   legend_title=t("share_empty", lang)),
    quality.completeness_table(by_period, lang, "period_label", t("period", lang), periods),
    f"tomma_{field}_per_period.csv", lang)
if len(periods) > len(shown):
    st.caption(t("periods_shown", lang, count=len(shown)))
units = completeness.bvc_id.nunique()
if units > len(drawn):
    st.caption(t("units_shown", lang, count=len(drawn), total=integer(units, lang)))
st.caption(t("completeness_caption", lang))

st.subheader(t("stopped_title", lang))
stopped = quality.stopped_reporting(last, days, lang)
if stopped.empty:
    st.success(t("stopped_none", lang, days=days), icon=":material/check_circle:")
else:
    widgets.table_with_download(stopped, "slutat_rapportera.csv", lang)
as_of = (context.filters.as_of or reference).isoformat()
st.caption(t("stopped_caption", lang, days=days, date=as_of))

st.subheader(t("flags_title", lang))
widgets.table_with_download(quality.flag_table(flags, completeness, lang, threshold,
                                               visits_hidden),
                            "orimliga_besok_per_bvc.csv", lang)
st.caption(t("flags_caption", lang))
flagged = context.query("flagged_visits")  # row-level: empty outside the reader's scope
if context.row_level and not flagged.empty:
    context.audit("view", "flagged_visits", len(flagged), flagged.family_id)
    st.markdown(f"**{t('flagged_rows_title', lang)}**")
    widgets.table_with_download(quality.flagged_rows(flagged, lang, context.programme_names),
                                "besok_att_granska.csv", lang, flagged.family_id)
widgets.definitions([], lang, ["flag_counts_by_bvc", "flagged_visits"])
widgets.suppression_note(context)
