"""The indicators of the data contract (section 4) assembled from the named queries, and the
machine-readable summary of section 5."""
from __future__ import annotations

import pandas as pd

from dashboard.db import Database
from dashboard.filters import Filters


class UnknownFilterValue(ValueError):
    """A district or BVC in a filter that the export does not have."""

    def __init__(self, kind: str, unknown: list[str], known: list[str]):
        self.kind, self.unknown, self.known = kind, unknown, known
        super().__init__(f"unknown {kind}: {', '.join(unknown)}; known: {', '.join(known)}")


def check_filters(db: Database, filters: Filters) -> None:
    """Refuse a district, BVC or programme the export does not know, listing the known ones."""
    units = db.query("units")
    for kind, chosen, known in (("district", filters.districts, units.district),
                                ("bvc", filters.bvcs, units.bvc_id),
                                ("programme", filters.programmes, units.programme_id)):
        known = sorted(set(known))
        unknown = [value for value in chosen if value not in known]
        if unknown:
            raise UnknownFilterValue(kind, unknown, known)


def share(n: int, denominator: int, missing: int) -> dict:
    """A share as the contract reports it: value = n / N, null when N = 0."""
    n, denominator, missing = int(n), int(denominator), int(missing)
    return {"n": n, "N": denominator, "value": n / denominator if denominator else None,
            "missing": missing}


def shares_by_indicator(frame: pd.DataFrame) -> dict[str, dict]:
    return {row.indicator: share(row.n, row.denominator, row.missing)
            for row in frame.itertuples()}


def programmes_in_scope(db: Database, filters: Filters) -> list[str]:
    """Programmes of the units that the district, BVC and programme filters keep."""
    units = db.query("units")
    keep = pd.Series(True, index=units.index)
    for column, chosen in (("district", filters.districts), ("bvc_id", filters.bvcs),
                           ("programme_id", filters.programmes)):
        if chosen:
            keep &= units[column].isin(chosen)
    return sorted(units.loc[keep, "programme_id"].unique())


def by_visit_number(frame: pd.DataFrame, programmes: list[str], value) -> dict:
    """Keyed by visit number; with several programmes, by programme first (never pooled)."""
    nested: dict[str, dict] = {p: {} for p in programmes}
    for row in frame.itertuples():
        if row.programme_id in nested:
            nested[row.programme_id][str(row.visit_number)] = value(row)
    return nested[programmes[0]] if len(programmes) == 1 else nested  # {} when none


def summary(db: Database, filters: Filters) -> dict:
    """The object `python -m dashboard summary --json` prints (contract, section 5)."""
    check_filters(db, filters)
    programmes = programmes_in_scope(db, filters)
    indicators = shares_by_indicator(db.query("visit_shares", filters))
    indicators.update(shares_by_indicator(db.query("reach_shares", filters)))
    completed = db.query("completed_share", filters)
    indicators["completed_share"] = share(completed.n.sum(), completed.denominator.sum(),
                                          completed.missing.sum())
    as_share = lambda row: share(row.n, row.denominator, row.missing)  # noqa: E731
    indicators["on_time_share"] = by_visit_number(db.query("on_time_by_number", filters),
                                                  programmes, as_share)
    indicators["retention"] = by_visit_number(db.query("retention_by_number", filters),
                                              programmes, as_share)
    counts = db.query("visit_counts", filters).iloc[0]
    ratings = db.query("rating_means", filters)
    by_role: dict[str, dict] = {}
    for row in ratings.itertuples():
        by_role.setdefault(row.rater_role, {})[row.item] = {"mean": float(row.mean),
                                                            "n": int(row.n)}
    quarantined = db.query("row_counts")
    return {
        "indicators": indicators,
        "visits": int(counts.visits),
        "families_visited": int(counts.families_visited),
        "visits_by_number": by_visit_number(db.query("visits_by_number", filters), programmes,
                                            lambda row: int(row.visits)),
        "rating_mean": by_role.pop("all", {}),
        "rating_mean_by_role": by_role,
        "quarantined": {row.table_name: int(row.quarantined_rows)
                        for row in quarantined.itertuples()},
    }
