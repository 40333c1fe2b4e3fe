"""Drawing helpers shared by the pages (Streamlit calls only; no SQL, no numbers logic)."""
from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import streamlit as st


from dashboard.app_pages import BY_KEY
from dashboard.db import query_text
from dashboard.export import PACKAGE_ROOT
from dashboard.i18n import indicator_definition, indicator_name, t
from dashboard.numbers import integer
from dashboard.session import PageContext
from dashboard.tiles import Tile, excel_csv

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def plain(text) -> str:
    """Text from the data, escaped so that Markdown shows it as it is."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def header(context: PageContext, title_key: str, selection: bool = True) -> None:
    """Page title, the export it reads, the selection as a line of text and notices."""
    lang, export = context.lang, context.db.export
    st.title(t(title_key, lang))
    counts = context.query("row_counts")
    visits = counts.set_index("table_name").loc["visits", "valid_rows"]
    st.caption(t("export_line", lang, date=export.reference_date.isoformat(),
                 visits=integer(visits, lang), path=plain(export.path.name)))
    if selection:
        st.caption(t("selection_line", lang, text=plain(selection_text(context))))
    quarantined = int(counts.quarantined_rows.sum())
    if quarantined:
        st.warning(t("quarantine_notice", lang, count=integer(quarantined, lang)),
                   icon=":material/warning:")


def selection_text(context: PageContext) -> str:
    f, lang = context.filters, context.lang
    period = (f"{f.date_from or '…'} – {f.date_to or '…'}" if (f.date_from or f.date_to)
              else t("period_all", lang))
    units = context.query("units")
    names = dict(zip(units.bvc_id, units.bvc_name))
    parts = [period,
             ", ".join(f.districts) or f"{t('district', lang)}: {t('all', lang).lower()}"]
    if f.bvcs:
        parts.append(", ".join(names.get(b, b) for b in f.bvcs))
    if f.programmes:
        parts.append(", ".join(f.programmes))
    return " · ".join(parts)


def tiles(items: list[Tile], lang: str, per_row: int = 4) -> None:
    """Bordered cards: the name in full, the value large, n / N and the target as text."""
    for start in range(0, len(items), per_row):
        columns = st.columns(per_row)
        for column, tile in zip(columns, items[start:start + per_row]):
            with column.container(border=True, height="stretch"):
                st.markdown(f"**{tile.label}**", help=tile.help)
                st.metric(tile.label, tile.value, label_visibility="collapsed",
                          delta=tile.change,
                          delta_color="normal" if tile.has_target else "off",
                          delta_arrow="off" if (tile.change or "").startswith("±") else "auto",
                          chart_data=list(tile.trend) or None, chart_type="line")
                if tile.detail:
                    st.caption(tile.detail)
                if tile.target:
                    st.caption(tile.target)


def audited(file_name: str, rows: int | None, make, families=()):
    """Download data made on click, the click written to the audit log first. The reader
    is taken now: the click is served outside the page's run."""
    from dashboard.session import page_context
    context = page_context()

    def data():
        context.audit("download", file_name, rows, families)
        return make()
    return data


def download(frame: pd.DataFrame, file_name: str, lang: str, families=()) -> None:
    """The table as CSV for Excel; a download needs no rerun of the app. `families`: the
    pseudonyms a row-level table holds, for the audit log."""
    st.download_button(t("download_csv", lang), audited(file_name, len(frame),
                                                        lambda: excel_csv(frame, lang), families),
                       file_name=file_name, mime="text/csv", icon=":material/download:",
                       key=f"dl-{file_name}", on_click="ignore")


# A table on screen shows at most this many rows, its download every row: Streamlit sends a
# table's every row with the page (a national table of BVC × month was 631 KB of Besök's
# 1 MB), and nobody reads a thousand rows on screen.
TABLE_ROWS = 200


def shown_table(frame: pd.DataFrame, lang: str) -> None:
    """The table on screen, its first TABLE_ROWS rows and a line saying so when longer."""
    st.dataframe(frame.head(TABLE_ROWS), hide_index=True, width="stretch")
    if len(frame) > TABLE_ROWS:
        st.caption(t("rows_shown", lang, shown=integer(TABLE_ROWS, lang),
                     total=integer(len(frame), lang)))


def table_with_download(frame: pd.DataFrame, file_name: str, lang: str, families=()) -> None:
    shown_table(frame, lang)
    download(frame, file_name, lang, families)


def definitions(indicators: list[str], lang: str, queries: list[str] = (),
                key: str = "") -> None:
    """"How is this calculated?": each indicator's definition and the SQL that produced it,
    written when the expander is opened (a rerun): the browser highlighted every page's
    SQL while drawing it, a tenth of Översikt's drawing, all of it folded away."""
    how = st.expander(t("definitions", lang), icon=":material/help:", on_change="rerun",
                      key="how-" + (key or "-".join([*indicators, *queries])))
    if not how.open:
        return
    with how:
        for indicator in indicators:
            st.markdown(f"**{indicator_name(indicator, lang)}** (`{indicator}`): "
                        f"{indicator_definition(indicator, lang)}")
        for name in queries:
            st.caption(t("sql_of", lang, name=f"queries/{name}.sql"))
            st.code(query_text(name), language="sql", wrap_lines=True)


def chart_block(chart, table: pd.DataFrame, file_name: str, lang: str, *,
                indicators: list[str] = (), queries: list[str] = ()) -> None:
    """A chart (its description is the text alternative) with its data as a table a tab
    away, the table's CSV download and how it is calculated."""
    chart_tab, table_tab = st.tabs([t("chart", lang), t("table", lang)])
    with chart_tab:
        st.vega_lite_chart(spec={**chart}, width="stretch")  # Streamlit takes its datasets out
    with table_tab:
        shown_table(table, lang)
    download(table, file_name, lang)
    if indicators or queries:
        definitions(list(indicators), lang, list(queries), key=file_name)


def numbers_not_shown(lang: str, text: str = "numbers_periods") -> None:
    """In place of a figure per visit number (destination, score, ratings: `text`), for a
    period the grid holds none of."""
    st.info(t(text, lang), icon=":material/info:")


def figure(fig, lang: str) -> None:
    """A `figures.Figure` drawn as a chart block."""
    chart_block(fig.chart, fig.table, fig.file_name, lang, indicators=fig.indicators,
                queries=fig.queries)


def report_buttons(context: PageContext) -> None:
    """"Skapa rapport" in the sidebar on every page: the PDF or HTML of the selection, made
    when clicked (a few seconds), without rerunning the page."""
    from dashboard import report
    lang, day = context.lang, context.db.export.reference_date.isoformat()
    with st.sidebar:
        st.subheader(t("report_sidebar", lang))

        def document() -> str:
            return report.build_html(context, dt.datetime.now().replace(microsecond=0))
        st.download_button(t("report_pdf", lang), audited(
                               f"hembesok_rapport_{day}.pdf", None,
                               lambda: report.build_pdf(document())),
                           file_name=f"hembesok_rapport_{day}.pdf", mime="application/pdf",
                           icon=":material/picture_as_pdf:", key="report-pdf",
                           on_click="ignore", help=t("report_help", lang), width="stretch")
        st.download_button(t("report_html", lang), audited(
                               f"hembesok_rapport_{day}.html", None,
                               lambda: document().encode("utf-8")),
                           file_name=f"hembesok_rapport_{day}.html", mime="text/html",
                           icon=":material/html:", key="report-html", on_click="ignore",
                           width="stretch")


def empty_selection(lang: str) -> None:
    """The friendly stop for a selection without data."""
    st.info(t("no_data", lang), icon=":material/info:")
    st.stop()


def suppression_note(context: PageContext, over_time: bool = False) -> None:
    """The page's footnote on hidden small numbers (and on hollow points in trends)."""
    th = context.threshold
    st.caption(t("suppressed_note", context.lang, t=th, m=th - 1))
    if over_time:
        st.caption(t("partial_note", context.lang))


def url_params(**extra) -> dict:
    """The current URL's parameters (lists kept) with `extra` set: for links between pages."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    params = {key: values if len(values) > 1 else values[0] for key, values in params.items()}
    return {**params, **extra}


def due_link(context: PageContext) -> None:
    """For coordinators: how many families are overdue, one click from their list."""
    counts = context.query("due_counts", context.filters.units_only())
    overdue = int(counts.families[counts.status == "overdue"].sum())
    st.page_link(str(PACKAGE_ROOT / BY_KEY["progression"].file),
                 label=(t("due_link_one", context.lang) if overdue == 1 else
                        t("due_link", context.lang, count=integer(overdue, context.lang))),
                 icon=":material/event_busy:", query_params=url_params(view="due"))


def due_list(due: pd.DataFrame, context: PageContext) -> None:
    """The coordinator's list: counts per status, the families overdue or due first (those
    missed apart), sortable and downloadable. Row-level: shown only with access."""
    from dashboard.tables import STATUS_ORDER, due_table
    lang = context.lang
    context.audit("view", "due_list", len(due), due.family_id)
    st.subheader(t("due_title", lang))
    st.caption(t("due_caption", lang, date=context.db.export.reference_date.isoformat()))
    counts = due.status.value_counts()
    for column, status in zip(st.columns(len(STATUS_ORDER)), STATUS_ORDER):
        column.metric(t(f"status_{status}_plural", lang), integer(counts.get(status, 0), lang),
                      border=True)
    shown = st.segmented_control(
        t("status", lang), STATUS_ORDER[:3], selection_mode="multi",
        default=["overdue", "due"], format_func=lambda s: t(f"status_{s}", lang),
        key="due_status")
    current = due[due.status.isin(shown or STATUS_ORDER[:3])]
    if current.empty:
        st.info(t("due_none", lang), icon=":material/check_circle:")
    else:
        table_with_download(due_table(current, lang), "familjer_att_besoka.csv", lang,
                            current.family_id)
    missed = due[due.status == "missed"]
    st.subheader(t("missed_title", lang))
    if missed.empty:
        st.caption(t("missed_none", lang))
    else:
        table_with_download(due_table(missed, lang), "missade_besok.csv", lang,
                            missed.family_id)
    definitions(["due_list"], lang, ["due_list"])


def interval_choice(lang: str, options=None) -> str:
    """The time scale of a page's charts over time (month, quarter, year, or those of
    `options`), in the URL."""
    from dashboard.filters import OPTIONS
    from dashboard.sidebar import page_choice
    return page_choice(t("interval", lang), list(options or OPTIONS["interval"]), "interval",
                       lambda i: t(f"interval_{i}", lang), default="quarter")
