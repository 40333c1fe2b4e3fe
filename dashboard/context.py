"""What every page (and the meeting report) reads: the database, the selection, the
language and the settings, with named queries run for that selection. No Streamlit here:
`session.PageContext` adds the cache, the command line uses this as it is."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.db import ROW_LEVEL_QUERIES, Database
from dashboard.filters import EVERY_UNIT, NO_UNIT, Filters, Scope
from dashboard.settings import Settings


@dataclass(frozen=True)
class Context:
    db: Database
    filters: Filters
    lang: str
    settings: Settings

    @property
    def row_level(self) -> bool:
        """Row-level views: granted by configuration, or for the bundled synthetic sample."""
        return self.settings.row_level or self.db.export.is_sample

    @property
    def researcher(self) -> bool:
        """The SQL explorer and unsuppressed row-level exports: by configuration, or for
        the bundled synthetic sample."""
        return self.settings.researcher or self.db.export.is_sample

    @property
    def threshold(self) -> int:
        return self.settings.threshold

    @property
    def scope(self) -> Scope:
        """Whose row-level data this reader may see: every unit with row-level access,
        none without (the query layer applies it; hiding a widget is not enough)."""
        return EVERY_UNIT if self.row_level else NO_UNIT

    def query(self, name: str, filters: Filters | None = None, **options) -> pd.DataFrame:
        return self.db.query(name, filters or self.filters, self.scope_for(name), **options)

    def scope_for(self, name: str) -> Scope | None:
        return self.scope if name in ROW_LEVEL_QUERIES else None

    def labelled(self, frame: pd.DataFrame, interval: str) -> pd.DataFrame:
        """Period labels for this selection (partial periods marked)."""
        from dashboard.series import labelled
        return labelled(frame, interval, self.lang, self.filters, self.db.export.reference_date)

    @property
    def programme_names(self) -> dict[str, str]:
        units = self.query("units")
        return dict(zip(units.programme_id,
                        units.programme_sv if self.lang == "sv" else units.programme_en))
