"""What every page (and the meeting report) reads: the database, the selection, the
language and the settings, with named queries run for that selection. No Streamlit here:
`session.PageContext` adds the cache, the command line uses this as it is."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.access import Reader
from dashboard.db import ROW_LEVEL_QUERIES, Database
from dashboard.filters import EVERY_UNIT, NO_UNIT, Filters, Scope
from dashboard.privacy import read
from dashboard.settings import Settings


@dataclass(frozen=True)
class Context:
    db: Database
    filters: Filters
    lang: str
    settings: Settings
    reader: Reader | None = None  # None: no access file (demo mode or the settings' grants)

    @property
    def demo(self) -> bool:
        """The bundled synthetic sample without an access file: everything, with a banner."""
        return self.reader is None and self.db.export.is_sample

    @property
    def row_level(self) -> bool:
        """Row-level views: coordinators (their units) and researchers; without an access
        file, the settings' grant or the bundled sample."""
        if self.reader is not None:
            return bool(self.reader.roles & {"coordinator", "researcher"})
        return self.settings.row_level or self.db.export.is_sample

    @property
    def researcher(self) -> bool:
        """The SQL explorer and unsuppressed row-level exports."""
        if self.reader is not None:
            return "researcher" in self.reader.roles
        return self.settings.researcher or self.db.export.is_sample

    @property
    def explorer(self) -> bool:
        """The SQL explorer: researchers, and coordinators granted it (over their units)."""
        return self.reader.explorer if self.reader is not None else self.researcher

    @property
    def admin(self) -> bool:
        """The audit log and the loaded export's details."""
        return "admin" in self.reader.roles if self.reader is not None else self.demo

    @property
    def threshold(self) -> int:
        return self.settings.threshold

    @property
    def scope(self) -> Scope:
        """Whose row-level data this reader may see: a coordinator's units, every unit for
        a researcher (or with the settings' grant), none otherwise. The query layer applies
        it; hiding a widget is not enough."""
        if self.reader is None:  # the settings' grants: a researcher reads every row too
            return EVERY_UNIT if self.row_level or self.researcher else NO_UNIT
        if not self.row_level:
            return NO_UNIT
        return Scope(self.reader.unit_scope(self.query("units")))

    def query(self, name: str, filters: Filters | None = None, **options) -> pd.DataFrame:
        return self.db.query(name, filters or self.filters, self.scope_for(name), **options)

    @property
    def who(self) -> str:
        """The name the audit log records."""
        if self.reader is not None:
            return self.reader.user or "anonym"
        return "demo" if self.demo else "anonym"

    def audit(self, action: str, what: str, rows: int | None = None, families=()) -> None:
        from dashboard import audit
        audit.record(self.who, action, what, self.filters, rows, families=families)

    def scope_for(self, name: str) -> Scope | None:
        return self.scope if name in ROW_LEVEL_QUERIES else None

    def derived(self, name: str, key: tuple, make):
        """`make()`: a table worked out from query results that depends on nothing but
        this export, threshold, language and `key` (PageContext keeps it for reruns, other
        pages and sessions)."""
        return make()

    def view(self, filters: Filters | None = None) -> "read.View | None":
        """The selection (or `filters'`) on the grid of small numbers; None before the
        export holds a whole month."""
        if self.db.grid is None:
            return None
        return read.View.of(self.db.grid, self.query("units"), filters or self.filters)

    def cells(self, measures, unit_parts, period_parts) -> pd.DataFrame:
        return self.db.cells(tuple(measures), tuple(unit_parts), tuple(period_parts))

    def counts(self, measures, by: str | None = None, interval: str | None = None,
               view: "read.View | None" = None) -> pd.DataFrame:
        """Counts of the grid for the selection (or `view`): a row per group of units
        (`by`: None, "district" or "bvc"), period (`interval`, or one for the whole
        selection) and measure, hidden where any cell it adds up from is hidden or where
        it is small; `shown` the count or NaN. Families visited are distinct, not a sum:
        a row of several cells is counted again, its verdict the cells'."""
        view = view or self.view()
        if view is None:
            return read.empty_counts()
        units, periods = view.units_of(by), view.periods_of(interval)
        rows = read.complete(self.cells(measures, units, periods), measures, units, periods)
        several = rows.measure.isin(read.DISTINCT) & (rows.cells > 1)
        if several.any():
            rows.loc[several, "value"] = self._distinct(rows[several], view, by, interval)
        return read.summed(rows, self.threshold)

    def _distinct(self, rows: pd.DataFrame, view, by, interval) -> list[int]:
        """Families visited of rows that add up from several cells, counted again over
        their units and months (the whole selection, or per BVC and period)."""
        from dataclasses import replace
        months = replace(self.filters, date_from=read.month_start(view.first),
                         date_to=read.month_end(view.last), as_of=None)
        if by is None and interval is None:
            bvcs = tuple(sorted(view.chosen))
            value = int(self.query("visit_counts", replace(
                months, districts=(), bvcs=bvcs, programmes=())).families_visited.iloc[0])
            return [value] * len(rows)
        if by == "bvc":
            counted = self.query("visit_counts_by_bvc_and_period", replace(
                months, districts=(), bvcs=tuple(sorted(view.chosen)), programmes=()),
                interval=interval or "year")
            found = dict(zip(zip(counted.bvc_id, pd.to_datetime(counted.period)),
                             counted.families_visited))
            return [int(found.get((u, pd.Timestamp(p)), 0))
                    for u, p in zip(rows.unit_group, rows.period_group)]
        raise ValueError(f"families visited are not counted by {by} and {interval}")

    def shares(self, indicators, by: str | None = None, interval: str | None = None,
               view: "read.View | None" = None) -> pd.DataFrame:
        """Visit and family shares of the grid, as `counts` (read.shares: hidden where n or
        N is). Family shares count families by their child's birth month."""
        return read.shares(self.counts(read.measures_of(indicators), by, interval, view),
                           list(indicators), self.threshold)

    def labelled(self, frame: pd.DataFrame, interval: str) -> pd.DataFrame:
        """Period labels for this selection (partial periods marked)."""
        from dashboard.series import labelled
        return labelled(frame, interval, self.lang, self.filters, self.db.export.reference_date)

    @property
    def programme_names(self) -> dict[str, str]:
        units = self.query("units")
        return dict(zip(units.programme_id,
                        units.programme_sv if self.lang == "sv" else units.programme_en))
