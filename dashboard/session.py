"""Streamlit glue: one shared database per export (a new export is picked up on the next
rerun), cached query results per filter combination, and the context every page reads."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard.context import Context
from dashboard.db import Database
from dashboard.export import default_data_dir, fingerprint, resolve
from dashboard.filters import Filters, Scope
from dashboard.settings import Limits, load_settings

CONTEXT_KEY = "_page_context"


@st.cache_resource(max_entries=2, show_spinner=False)
def _database(folder: str, export_fingerprint: str) -> Database:
    """Validated once per export; the fingerprint (paths, sizes, mtimes) keys the cache."""
    return Database.open(folder)


@st.cache_data(ttl=3600, max_entries=2000, show_spinner=False)
def _query(folder: str, export_fingerprint: str, name: str, filters: Filters,
           scope: Scope | None, options: tuple[tuple[str, str], ...]) -> pd.DataFrame:
    return _database(folder, export_fingerprint).query(name, filters, scope, **dict(options))


@st.cache_resource(max_entries=8, show_spinner=False)
def _sandbox(folder: str, export_fingerprint: str, limits: Limits, scope: Scope):
    from dashboard.explorer import Sandbox
    return Sandbox(_database(folder, export_fingerprint), limits, scope.bvcs)


def sandbox(db: Database, limits: Limits, scope: Scope):
    """The SQL explorer's locked copy of this export (of the reader's units only), built on
    first use and shared by the readers of the same scope."""
    return _sandbox(str(db.export.path), db.export.fingerprint, limits, scope)


def query(db: Database, name: str, filters: Filters | None = None, scope: Scope | None = None,
          **options) -> pd.DataFrame:
    """A named query's result, cached per export, query, filters, scope and options."""
    return _query(str(db.export.path), db.export.fingerprint, name, filters or Filters(),
                  scope, tuple(sorted(options.items())))


def current_database() -> Database:
    """The database of the newest complete export under the data folder."""
    folder = resolve(default_data_dir())
    return _database(str(folder), fingerprint(folder))


@dataclass(frozen=True)
class PageContext(Context):
    """The context of a page in the app: query results cached per export and selection."""

    def query(self, name: str, filters: Filters | None = None, **options) -> pd.DataFrame:
        return query(self.db, name, filters or self.filters, self.scope_for(name), **options)

    def audit(self, action: str, what: str, rows: int | None = None, families=()) -> None:
        """As Context.audit; a view is recorded once per session and selection, not at
        every rerun of the page."""
        if action == "view":
            seen = st.session_state.setdefault("_audited_views", set())
            key = (what, self.filters, rows, self.who, self.db.export.fingerprint)
            if key in seen:
                return
            seen.add(key)
        super().audit(action, what, rows, families)


def set_context(db: Database, filters: Filters, lang: str, reader=None) -> PageContext:
    context = PageContext(db, filters, lang, load_settings(), reader)
    st.session_state[CONTEXT_KEY] = context
    return context


def page_context() -> PageContext:
    return st.session_state[CONTEXT_KEY]
