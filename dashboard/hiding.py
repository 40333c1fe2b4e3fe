"""What Datakvalitet hides per view, the one page whose counts are not yet cells of the grid
of small numbers (dashboard/privacy): units' counts over the selection, siblings whose total
is shown (contract, section 6)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.suppression import hidden_cells


def day_numbers(days) -> np.ndarray:
    """Dates as whole days since 1970 (whatever their type or time unit)."""
    stamps = pd.to_datetime(pd.Series(np.asarray(days)))
    return (stamps - pd.Timestamp("1970-01-01")).dt.days.to_numpy(dtype="int64")


def unit_totals_hidden(totals: pd.Series, threshold: int, also=()) -> pd.Series:
    """Which units' counts over the selection (a Series by unit id) to hide: siblings whose
    total is shown, ties broken by id, so that every page hiding them (Datakvalitet, the
    BVC tables' lines) hides the same ones; `also`: ids to hide whatever their count."""
    ordered = totals.sort_index()
    return pd.Series(hidden_cells([int(n) for n in ordered], threshold,
                                  also={i for i, u in enumerate(ordered.index) if u in also}),
                     index=ordered.index).reindex(totals.index)
