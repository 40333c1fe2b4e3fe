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

from dashboard import access, session, sidebar, widgets  # noqa: E402
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


def _reader(lang: str):
    """Who is reading, by the access file; None without one. A reader the file does not
    list, or nobody signed in, gets a page that says so and nothing else."""
    try:
        config = access.load_access()
    except access.AccessFileError as error:  # never guess who sees what
        log.error("access file: %s", error)
        st.title(t("app_title", lang))
        st.error(t("access_file_broken", lang))
        st.stop()
    if config is None:
        return None
    if config.source == "oidc" and not st.user.get("is_logged_in"):
        st.title(t("app_title", lang))
        st.button(t("sign_in", lang), on_click=st.login, icon=":material/login:")
        st.stop()
    reader = access.reader_for(config, st.user.to_dict())
    if not reader.listed:
        st.title(t("not_listed_title", lang))
        st.info(t("not_listed" if reader.user else "not_signed_in", lang,
                  user=reader.user or "", contact=config.contact or t("contact_admin", lang)),
                icon=":material/lock:")
        st.stop()
    return reader


def main() -> None:
    st.set_page_config(page_title="Hembesök", page_icon="🏡", layout="wide")
    lang = sidebar.language()
    reader = _reader(lang)
    try:
        # the first export a process opens is validated before anything can be shown
        # (unless its database was kept): say so while it lasts, with the step it is at
        step = st.empty()

        def progress(name: str) -> None:
            step.info(t("export_opening", lang) + " " + t(f"build_{name}", lang),
                      icon=":material/hourglass_top:")
        with st.spinner(t("export_opening", lang)):  # its timer would speak English
            db, incoming, refused = session.current_database(progress)
        step.empty()
        units = session.query(db, "units")
        context = session.set_context(db, sidebar.filters(db, units, lang), lang, reader)
    except ExportError as error:
        st.title(t("app_title", lang))
        st.error(t("fatal", lang))
        st.text(error.message(lang))
        st.stop()
    if incoming:
        st.info(t("export_incoming", lang, folder=Path(incoming).name), icon=":material/sync:")
    if refused:
        st.warning(t("export_refused", lang, reason=refused.message(lang)),
                   icon=":material/warning:")
    if context.demo:
        st.info(t("demo_banner", lang), icon=":material/science:")
    elif reader is not None:
        st.sidebar.caption(t("signed_in_as", lang, user=reader.user,
                             roles=", ".join(t(f"role_{r}", lang) for r in sorted(reader.roles))))
    navigation = st.navigation([_page(page, i == 0, context, lang)
                                for i, page in enumerate(PAGES)])
    widgets.report_buttons(context)
    st.session_state[sidebar.PAGE_KEY] = navigation.url_path  # for the page's own choices
    try:
        navigation.run()
    except Exception:  # a user never sees a stack trace; the server log keeps it
        log.exception("page failed")
        st.error(t("internal_error", lang))


main()
