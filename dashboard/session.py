"""Streamlit glue: one shared database per export (a new export is picked up on the next
rerun), cached query results per filter combination, and the context every page reads."""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard.context import Context
from dashboard.db import Database
from dashboard.errors import ExportError
from dashboard.export import default_data_dir, fingerprint, resolve
from dashboard.filters import Filters, Scope
from dashboard.settings import Limits, load_settings

CONTEXT_KEY = "_page_context"


log = logging.getLogger(__name__)


class Exports:
    """The export the app serves, shared by every session of the process. The first is
    opened (validated, or its kept database read) before anything is shown. A newer one
    (another fingerprint, or a newer export folder with its manifest written) is validated
    in a background thread while every session goes on with the one it has; the switch is
    one assignment under a lock, so a rerun sees the old export or the new one, never a
    mixture. A new export that cannot be read leaves the old one in place and is reported."""

    def __init__(self, root: str, threshold: int = 5):
        self.root, self.threshold = root, threshold
        self._lock = threading.Lock()
        self.serving: Database | None = None
        self._key: tuple[str, str] | None = None
        self.pending: tuple[str, str] | None = None
        self.failed: dict[tuple[str, str], ExportError] = {}

    def current(self, progress=None) -> tuple[Database, str | None, ExportError | None]:
        """The database to use now, the folder of a newer export being read (or None) and
        the error of a newer export that could not be read (or None); `progress(step)` is
        told the steps of validating the first export (Database.open)."""
        try:
            folder = resolve(Path(self.root))
            key = (str(folder), fingerprint(folder))
        except (ExportError, OSError) as error:
            # the data folder vanished or holds no export for a moment (being moved or
            # replaced): keep what is served and say why; with nothing served, it is fatal
            if self.serving is None:
                raise
            return self.serving, None, (error if isinstance(error, ExportError) else
                                        ExportError("internal", reason=str(error)))
        with self._lock:
            if self._key == key:
                return self.serving, None, None
            if self.serving is None:
                self.serving, self._key = Database.open(folder, threshold=self.threshold,
                                                        progress=progress), key
                return self.serving, None, None
            if key in self.failed:
                return self.serving, None, self.failed[key]
            if self.pending != key:
                self.pending = key
                threading.Thread(target=self._open, args=(key,), daemon=True,
                                 name="hembesok-refresh").start()
            return self.serving, key[0], None

    def _open(self, key: tuple[str, str]) -> None:
        try:
            db = Database.open(key[0], threshold=self.threshold)
        except Exception as error:  # noqa: BLE001 - the old export is served on
            if not isinstance(error, ExportError):
                log.exception("reading the new export %s failed", key[0])
                error = ExportError("internal", reason=type(error).__name__)
            with self._lock:  # reported, not tried again at every rerun
                self.failed[key] = error
                self.pending = None
            return
        with self._lock:
            if db.export.fingerprint == key[1]:
                self.serving, self._key = db, key
            self.pending = None


@st.cache_resource(show_spinner=False)
def exports(root: str, threshold: int) -> Exports:
    """One per data folder (HEMBESOK_DATA) and small-number threshold (its verdicts are
    decided once per export and threshold), shared by the sessions of the process."""
    return Exports(root, threshold)


# Results are kept as objects and each reader gets a copy (`.copy()`: numpy columns copied,
# Arrow columns shared, being immutable): st.cache_data unpickled every hit, a third of the
# server's time when 20 sessions opened pages at once at 3 M visits.
_results = st.cache_resource(ttl=3600, max_entries=2000, show_spinner=False)


@_results
def _query(_db: Database, folder: str, export_fingerprint: str, name: str, filters: Filters,
           scope: Scope | None, options: tuple[tuple[str, str], ...]) -> pd.DataFrame:
    """Keyed by the export (not by `_db`, which Streamlit does not hash): a new export's
    results never mix with the old one's."""
    return _db.query(name, filters, scope, **dict(options))


@st.cache_resource(max_entries=8, show_spinner=False)
def _sandbox(_db: Database, folder: str, export_fingerprint: str, limits: Limits, scope: Scope):
    from dashboard.explorer import Sandbox
    return Sandbox(_db, limits, scope.bvcs)


def sandbox(db: Database, limits: Limits, scope: Scope):
    """The SQL explorer's locked copy of this export (of the reader's units only), built on
    first use and shared by the readers of the same scope."""
    return _sandbox(db, str(db.export.path), db.export.fingerprint, limits, scope)


@_results
def _counts(_context, folder: str, export_fingerprint: str, threshold: int, measures: tuple,
            units: str, _chosen: frozenset, first: int, last: int, by: str | None,
            interval: str | None) -> pd.DataFrame:
    """Keyed by a digest of the chosen units (`units`), not by the units themselves:
    Streamlit's hashing of a thousand BVC ids took 5–10 ms a call, 100 ms a page."""
    from dataclasses import replace
    view = replace(_context.view(), chosen=_chosen, first=first, last=last)
    return Context.counts(_context, list(measures), by, interval, view)


@_results
def _derived(folder: str, export_fingerprint: str, threshold: int, lang: str, name: str,
             key: tuple, _make) -> pd.DataFrame:
    return _make()


@_results
def _view(_context, folder: str, export_fingerprint: str, threshold: int, filters: Filters):
    """A selection's View, shared (it is not changed once made): working out its units
    took a few ms at each of a page's dozen calls."""
    return Context.view(_context, filters)


def query(db: Database, name: str, filters: Filters | None = None, scope: Scope | None = None,
          **options) -> pd.DataFrame:
    """A named query's result, cached per export, query, filters, scope and options."""
    return _query(db, str(db.export.path), db.export.fingerprint, name, filters or Filters(),
                  scope, tuple(sorted(options.items()))).copy()


def clear_results() -> None:
    """Forget every kept result (the benchmark's first runs); the open databases stay."""
    for kept in (_query, _counts, _derived, _view):
        kept.clear()


def current_database(progress=None) -> tuple[Database, str | None, ExportError | None]:
    """The database of the newest complete export under the data folder, with what is
    happening to a newer one (see Exports.current)."""
    return exports(str(default_data_dir()), load_settings().threshold).current(progress)


@dataclass(frozen=True)
class PageContext(Context):
    """The context of a page in the app: query results cached per export and selection."""

    def query(self, name: str, filters: Filters | None = None, **options) -> pd.DataFrame:
        return query(self.db, name, filters or self.filters, self.scope_for(name), **options)

    def view(self, filters: Filters | None = None):
        if self.db.grid is None:
            return None
        return _view(self, str(self.db.export.path), self.db.export.fingerprint,
                     self.threshold, filters or self.filters)

    def counts(self, measures, by: str | None = None, interval: str | None = None,
               view=None) -> pd.DataFrame:
        """As Context.counts, cached per export, threshold, units, months and grain (a
        rerun, another page, another session reading the same)."""
        view = view or self.view()
        if view is None:
            return super().counts(measures, by, interval, view)
        return _counts(self, str(self.db.export.path), self.db.export.fingerprint,
                       self.threshold, tuple(measures), view.units_key,
                       frozenset(view.chosen), view.first, view.last, by, interval).copy()

    def derived(self, name: str, key: tuple, make):
        return _derived(str(self.db.export.path), self.db.export.fingerprint, self.threshold,
                        self.lang, name, key, make).copy()

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
