"""Entry point: `streamlit run dashboard/app.py`. Navigation, language and the shared
sidebar filters; each page in `pages/` draws one view."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run` puts dashboard/ on the path, not the root
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from dashboard import session, sidebar, widgets  # noqa: E402
from dashboard.app_pages import PAGES  # noqa: E402
from dashboard.errors import ExportError  # noqa: E402
from dashboard.i18n import t  # noqa: E402

log = logging.getLogger("hembesok")


def _page(page, default: bool, context, lang: str):
    """A page of the menu; one that needs a grant the user lacks stays off the menu, and a
    direct link to it explains why."""
    if page.needs is None or getattr(context, page.needs):
        return st.Page(str(ROOT / page.file), title=t(page.key, lang), icon=page.icon,
                       url_path=page.url_path, default=default)

    def no_access() -> None:
        st.title(t("no_access_title", lang))
        st.info(t(f"no_access_{page.needs}", lang), icon=":material/lock:")
    return st.Page(no_access, title=t(page.key, lang), icon=page.icon, url_path=page.url_path,
                   visibility="hidden")


def main() -> None:
    st.set_page_config(page_title="Hembesök", page_icon=":material/home_health:", layout="wide")
    lang = sidebar.language()
    try:
        db = session.current_database()
        units = session.query(db, "units")
        context = session.set_context(db, sidebar.filters(db, units, lang), lang)
    except ExportError as error:
        st.title(t("app_title", lang))
        st.error(t("fatal", lang))
        st.text(error.message(lang))
        st.stop()
    navigation = st.navigation([_page(page, i == 0, context, lang)
                                for i, page in enumerate(PAGES)])
    widgets.report_buttons(context)
    try:
        navigation.run()
    except Exception:  # a user never sees a stack trace; the server log keeps it
        log.exception("page failed")
        st.error(t("internal_error", lang))


main()
