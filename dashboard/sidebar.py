"""The sidebar filters shared by every page. Their values travel in the URL as stable codes
(period code, ISO dates, district names, BVC and programme ids, language), so a copied link
opens the same view in either language. Streamlit's `bind="query-params"` would write the
formatted, language-dependent labels instead, so the URL is kept in step here."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import numbers
from dashboard.db import Database
from dashboard.filters import Filters, first_of_month
from dashboard.i18n import t

PERIODS = ("last12", "this_year", "last_year", "all", "custom")
DEFAULT_PERIOD = "last12"  # a steering group reviews the latest year against the one before
FILTER_KEYS = ("lang", "period", "from", "to", "district", "bvc", "programme")
LANGUAGES = {"sv": "Svenska", "en": "English"}
PAGE_KEY = "_page"  # the page being drawn (app.py), for the widgets of a page's own choices


def period_bounds(preset: str, reference: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """Inclusive bounds of a period preset, relative to the export's reference date, in
    whole months: up to the last month the reference date completes (its own when it ends
    its month, else the one before), so months and quarters are complete."""
    next_day = reference + dt.timedelta(days=1)
    end = reference if next_day.day == 1 else reference.replace(day=1) - dt.timedelta(days=1)
    if preset == "last12":
        return first_of_month(end, 12), end
    if preset == "this_year":
        return dt.date(reference.year, 1, 1), max(end, dt.date(reference.year, 1, 31))
    if preset == "last_year":
        return dt.date(reference.year - 1, 1, 1), dt.date(reference.year - 1, 12, 31)
    return None, None


def _iso(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def _one(key: str, options, default):
    """A single choice: from the session, else from the URL when valid, else the default."""
    if st.session_state.get(key) not in options:
        url = st.query_params.get(key)
        st.session_state[key] = url if url in options else default


def _widget(key: str, scope: str, check) -> str:
    """The key of the widget that shows the choice `key` in `scope` (a language, and a page
    for a page's own choice), its value set. A widget whose labels change, or that is drawn
    on another page, is a new widget to Streamlit: it gave the period box its first option
    on the page after a change of language (the user test: a custom period became the last
    12 months) and left a page's time scale showing no choice. So the choice is kept under
    `key`, outside any widget: taken from the widget it was shown in last run (the user's
    latest), checked (`check`: _one, _many or _date on `key`), and given to the widget of
    this scope."""
    widget, state, last = f"{key}@{scope}", st.session_state, f"_{key}@"
    if state.get(last) == widget and widget in state:
        state[key] = state[widget]
    check()
    state[widget] = state[key]
    state[last] = widget
    return widget


def _many(key: str, options) -> None:
    """Several choices: kept to the current options (a BVC outside the chosen districts
    drops out); taken from the URL on a session's first run."""
    if key in st.session_state:
        chosen = st.session_state[key]
    else:
        chosen = st.query_params.get_all(key)
    st.session_state[key] = [value for value in dict.fromkeys(chosen) if value in options]


def _month(key: str, default: dt.date, months: list[dt.date]) -> None:
    """A month chosen (its first day): from the session, else from the URL (any day of
    it: a link from before periods were whole months), else the default."""
    if st.session_state.get(key) not in months:
        url = _iso(st.query_params.get(key))
        url = url.replace(day=1) if url else None
        st.session_state[key] = url if url in months else default


def month_options(first: dt.date | None, end: dt.date) -> list[dt.date]:
    """The months a custom period may start or end with: the export's first month (its
    first visit or birth) up to the last whole month."""
    first = (first or end).replace(day=1)
    out, month = [], first
    while month <= end:
        out.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return out or [end.replace(day=1)]


def last_day(month: dt.date) -> dt.date:
    return (month + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)


def language() -> str:
    _one("lang", LANGUAGES, "sv")
    choice = st.sidebar.segmented_control("Språk / Language", list(LANGUAGES), key="lang",
                                          format_func=LANGUAGES.get, required=True)
    return choice or "sv"


def filters(db: Database, units, lang: str) -> Filters:
    """Draw the filters, keep the URL in step and return the selection they make."""
    sidebar = st.sidebar
    sidebar.header(t("filters", lang))
    reference = db.export.reference_date
    state = st.session_state
    preset = state["period"] = sidebar.selectbox(
        t("period", lang), PERIODS,
        key=_widget("period", lang, lambda: _one("period", PERIODS, DEFAULT_PERIOD)),
        format_func=lambda p: t(f"period_{p}", lang))
    date_from, date_to = period_bounds(preset, reference)
    if preset == "custom":  # whole months (issue 18): the grid small numbers are decided on
        dates = db.facts["export_dates"].iloc[0]
        firsts = [d for d in (dates.first_visit, dates.first_birth) if not pd.isna(d)]
        end = period_bounds("last12", reference)[1]
        months = month_options(min(firsts).date() if firsts else None, end)
        label = lambda m: numbers.month(m, lang)  # noqa: E731
        start = state["from"] = sidebar.selectbox(
            t("month_from", lang), months, format_func=label,
            key=_widget("from", lang, lambda: _month(
                "from", max(months[0], dt.date(end.year, 1, 1)), months)))
        last = state["to"] = sidebar.selectbox(
            t("month_to", lang), [m for m in months if m >= start] or months[-1:],
            format_func=label,
            key=_widget("to", lang, lambda: _month(
                "to", months[-1], [m for m in months if m >= start] or months[-1:])))
        date_from, date_to = start, last_day(last)
    district_options = sorted(units.district.unique())
    districts = state["district"] = sidebar.multiselect(
        t("district", lang), district_options,
        key=_widget("district", lang, lambda: _many("district", district_options)),
        placeholder=t("all", lang))
    in_districts = units[units.district.isin(districts)] if districts else units
    names = dict(zip(units.bvc_id, units.bvc_name))
    bvc_options = list(in_districts.bvc_id)
    bvcs = state["bvc"] = sidebar.multiselect(
        t("bvc", lang), bvc_options,
        key=_widget("bvc", lang, lambda: _many("bvc", bvc_options)),
        format_func=names.get, placeholder=t("all", lang))
    programme_names = dict(zip(units.programme_id,
                               units.programme_sv if lang == "sv" else units.programme_en))
    programme_options = sorted(programme_names)
    programmes = state["programme"] = sidebar.multiselect(
        t("programme", lang), programme_options,
        key=_widget("programme", lang, lambda: _many("programme", programme_options)),
        format_func=programme_names.get, placeholder=t("all", lang))
    _write_url(lang, preset, date_from, date_to, districts, bvcs, programmes)
    return Filters(date_from, date_to, tuple(districts), tuple(bvcs), tuple(programmes))


def _write_url(lang, preset, date_from, date_to, districts, bvcs, programmes) -> None:
    """Sets the filter keys of the URL (a page's own keys, such as `interval`, stay)."""
    params: dict[str, str | list[str]] = {}
    if lang != "sv":
        params["lang"] = lang
    if preset != DEFAULT_PERIOD:
        params["period"] = preset
    if preset == "custom":
        params["from"], params["to"] = date_from.isoformat(), date_to.isoformat()
    for key, values in (("district", districts), ("bvc", bvcs), ("programme", programmes)):
        if values:
            params[key] = list(values)
    for key in FILTER_KEYS:
        wanted = params.get(key)
        current = (st.query_params.get_all(key) if isinstance(wanted, list)
                   else st.query_params.get(key))
        if wanted is None and key in st.query_params:
            del st.query_params[key]
        elif wanted is not None and current != wanted:
            st.query_params[key] = wanted


def page_choice(label: str, options, key: str, format_func, default=None, container=None
                ) -> str:
    """A page's own single choice (time scale, cohort, view) as a segmented control whose
    value travels in the URL under `key` (left out while it is the default)."""
    default = default or options[0]
    scope = f"{label}@{st.session_state.get(PAGE_KEY, '')}"  # the label is in the language
    value = (container or st).segmented_control(
        label, options, key=_widget(key, scope, lambda: _one(key, options, default)),
        format_func=format_func, required=True)
    value = st.session_state[key] = value or default
    if value == default:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != value:
        st.query_params[key] = value
    return value
