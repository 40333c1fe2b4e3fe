"""Drawing helpers shared by the pages (Streamlit calls only; no SQL, no numbers logic)."""
from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from dashboard.i18n import indicator_definition, indicator_name, t
from dashboard.numbers import integer
from dashboard.session import PageContext
from dashboard.tiles import Tile, excel_csv

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def plain(text) -> str:
    """Text from the data, escaped so that Markdown shows it as it is."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def header(context: PageContext, title_key: str) -> None:
    """Page title, the export it reads, the selection as a line of text and notices."""
    lang, export = context.lang, context.db.export
    st.title(t(title_key, lang))
    counts = context.query("row_counts")
    visits = counts.set_index("table_name").loc["visits", "valid_rows"]
    st.caption(t("export_line", lang, date=export.reference_date.isoformat(),
                 visits=integer(visits, lang), path=plain(export.path.name)))
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


def tiles(items: list[Tile], per_row: int = 4) -> None:
    """Bordered cards: the name in full, the value large, n / N and the target as text."""
    for start in range(0, len(items), per_row):
        columns = st.columns(per_row)
        for column, tile in zip(columns, items[start:start + per_row]):
            with column.container(border=True, height="stretch"):
                st.markdown(f"**{tile.label}**", help=tile.help)
                st.metric(tile.label, tile.value, label_visibility="collapsed")
                if tile.detail:
                    st.caption(tile.detail)
                if tile.target:
                    st.caption(tile.target)


def table_with_download(frame: pd.DataFrame, file_name: str, lang: str) -> None:
    st.dataframe(frame, hide_index=True, width="stretch")
    st.download_button(t("download_csv", lang), excel_csv(frame), file_name=file_name,
                       mime="text/csv", icon=":material/download:", key=f"dl-{file_name}")


def definitions(indicators: list[str], lang: str) -> None:
    with st.expander(t("definitions", lang), icon=":material/help:"):
        for indicator in indicators:
            st.markdown(f"**{indicator_name(indicator, lang)}** (`{indicator}`): "
                        f"{indicator_definition(indicator, lang)}")


def suppression_note(context: PageContext) -> None:
    th = context.threshold
    st.caption(t("suppressed_note", context.lang, t=th, m=th - 1))
