"""Drawing the researchers' workspace: the SQL editor with examples, the schema browser,
the result with its downloads and a link that carries the query."""
from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from dashboard import dictionary
from dashboard.explorer import Example, Refused, Result
from dashboard.i18n import t
from dashboard.numbers import decimal, integer
from dashboard.result_files import FORMATS, MIME, WRITERS, XLSX_MAX_ROWS
from dashboard.settings import Limits
from dashboard.widgets import audited, plain

EDITOR_KEY = "explorer_sql"
SAVED_KEY = "explorer_sql_saved"  # outlives the editor widget when the user changes page
RESULT_KEY = "explorer_result"
EXAMPLE_KEY = "explorer_example"


def number(value: float, lang: str) -> str:
    return integer(value, lang) if float(value).is_integer() else decimal(value, lang)


def _load_example(by_name: dict[str, Example]) -> None:
    chosen = st.session_state.get(EXAMPLE_KEY)
    if chosen:
        st.session_state[EDITOR_KEY] = by_name[chosen].body


def sql_editor(examples: list[Example], lang: str) -> tuple[str, bool]:
    """The editor (the URL's query first, else the first example) and whether it was run."""
    by_name = {e.name: e for e in examples}
    if EDITOR_KEY not in st.session_state:
        st.session_state[EDITOR_KEY] = (st.query_params.get("sql")
                                        or st.session_state.get(SAVED_KEY) or examples[0].body)
    st.selectbox(t("explorer_examples", lang), list(by_name), index=None, key=EXAMPLE_KEY,
                 placeholder=t("explorer_example_pick", lang),
                 format_func=lambda n: getattr(by_name[n], f"title_{lang}"),
                 on_change=_load_example, args=(by_name,))
    with st.form("explorer_form", border=False):
        sql = st.text_area("SQL", key=EDITOR_KEY, height=300,
                           help=t("explorer_editor_help", lang))
        submitted = st.form_submit_button(t("explorer_run", lang), type="primary",
                                          icon=":material/play_arrow:")
    st.session_state[SAVED_KEY] = sql
    return sql, submitted


def family_ids(outcome) -> list:
    """The pseudonyms in a result's family_id column, for the audit log."""
    table = getattr(outcome, "table", None)
    if table is None or "family_id" not in table.column_names:
        return []
    return table.column("family_id").to_pylist()


def result_missing(sql: str) -> bool:
    kept = st.session_state.get(RESULT_KEY)
    return kept is None or kept[0] != sql


def keep_result(sql: str, outcome: Result | Refused) -> None:
    st.session_state[RESULT_KEY] = (sql, outcome)


def _descriptions(lang: str) -> tuple[dict, dict]:
    """Column descriptions by (table, column), and by column alone for derived tables."""
    columns = dictionary.columns_frame(lang)
    exact = {(r.table, r.column): r.description for r in columns.itertuples()}
    loose = {}
    for r in columns.itertuples():
        loose.setdefault(r.column, r.description)
    return exact, loose


def schema_browser(schema, lang: str) -> None:
    """Every table the explorer sees: what it holds, its columns, types and meanings."""
    exact, loose = _descriptions(lang)
    st.markdown(f"**{t('explorer_schema', lang)}**")
    with st.container(height=460, border=True):
        for table, columns in schema.groupby("table_name", sort=True):
            key = "quarantined_rows" if table.startswith("quarantined_") else table
            with st.expander(f"`{table}` · {t('table_' + key, lang)}"):
                st.markdown("\n".join(
                    f"- `{c}` {kind.lower()}" + (f" – {plain(text)}" if text else "")
                    for c, kind, text in zip(
                        columns.column_name, columns.data_type,
                        [exact.get((table, c), loose.get(c, "")) for c in columns.column_name])))


def _share_link(sql: str) -> str:
    base = (st.context.url or "").split("?")[0]
    return f"{base}?{urlencode({'sql': sql})}"


def show_result(sql: str, limits: Limits, lang: str) -> None:
    """The kept result of `sql`: a message, or the rows with their downloads and a link."""
    kept = st.session_state.get(RESULT_KEY)
    if kept is None or kept[0] != sql:
        return
    outcome = kept[1]
    if st.query_params.get("sql") != sql:
        st.query_params["sql"] = sql  # the link carries the query, also after a page change
    if isinstance(outcome, Refused):
        values = {k: number(v, lang) if isinstance(v, (int, float)) else v
                  for k, v in outcome.values.items()}
        st.error(t(f"explorer_{outcome.key}", lang, **values), icon=":material/block:")
        return
    rows = outcome.table.num_rows
    st.caption(t("explorer_one_row" if rows == 1 else "explorer_rows", lang,
                 rows=integer(rows, lang) + ("+" if not outcome.complete else ""),
                 seconds=decimal(outcome.seconds, lang, 2)))
    if outcome.renamed:
        st.info(t("explorer_renamed", lang, names=", ".join(outcome.renamed)),
                icon=":material/edit:")
    if rows > limits.rows_shown:
        st.info(t("explorer_shown", lang, shown=integer(limits.rows_shown, lang)),
                icon=":material/visibility:")
    if not outcome.complete:
        st.warning(t("explorer_capped", lang, rows=integer(limits.download_rows, lang)),
                   icon=":material/content_cut:")
    st.dataframe(outcome.table.slice(0, limits.rows_shown).to_pandas(), hide_index=True,
                 width="stretch")
    for column, kind in zip(st.columns(len(FORMATS)), FORMATS):
        column.download_button(
            t(f"explorer_download_{kind}", lang),
            audited(f"resultat.{kind}", rows, lambda kind=kind: WRITERS[kind](outcome.table),
                    family_ids(outcome)),
            file_name=f"resultat.{kind}", mime=MIME[kind], icon=":material/download:",
            key=f"explorer-{kind}", on_click="ignore", width="stretch")
    if rows > XLSX_MAX_ROWS:
        st.caption(t("explorer_xlsx_cap", lang, rows=integer(XLSX_MAX_ROWS, lang)))
    st.caption(t("explorer_row_level", lang))
    st.markdown(t("explorer_share", lang))
    st.code(_share_link(sql), language=None, wrap_lines=True)
