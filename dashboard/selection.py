"""A filtered page's own totals (Översikt's tiles) hidden as the page of every unit hides
the units they add up from (contract, section 6). A tile for some BVCs is the sum of
theirs; a tile for one district is the district's. The page of every unit shows each BVC
and each district beside its siblings, hiding some as complements, so a tile that showed
one of those (a BVC chosen alone) gave it back: on the sample, with September 2026 as the
period, GBG-ANG-01's 6 visits, hidden beside GBG-ANG-02's 1, were its tile, and Angered's
visits less its other BVCs gave the 1 back. Here a selection's figure is shown only where
it adds up from figures shown over every unit: its whole districts' and its other BVCs'."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.series import with_share_values


@dataclass(frozen=True)
class Selection:
    """The BVCs of a selection with something to count, among every unit's."""
    chosen: frozenset
    bvcs_of: dict  # district: frozenset of its BVCs with something to count (every unit)
    complete: bool = True  # bvcs_of holds every district (else those of `chosen` only)

    @classmethod
    def of(cls, chosen, every: pd.DataFrame, complete: bool = True) -> "Selection":
        """`chosen`: the selection's BVC ids; `every`: rows (bvc_id, district) over every
        unit of the period, or (`complete` False) over the chosen BVCs' districts."""
        groups = every.groupby("district").bvc_id
        return cls(frozenset(chosen), {d: frozenset(b) for d, b in groups}, complete)

    @property
    def partial(self) -> set:
        """The districts the selection holds part of."""
        return {d for d, members in self.bvcs_of.items()
                if members & self.chosen and not members <= self.chosen}

    @property
    def everything(self) -> bool:
        return self.complete and all(members <= self.chosen
                                     for members in self.bvcs_of.values())

    def hidden(self, bvcs: set, districts: set) -> bool:
        """Whether the selection's sum is hidden, given the BVCs and the districts hidden
        over every unit: shown where each of its whole districts and each of its other
        BVCs is shown (a sum of shown figures is no news), else hidden."""
        if self.everything:
            return False
        for district, members in self.bvcs_of.items():
            mine = members & self.chosen
            if mine == members:
                if district in districts:
                    return True
            elif mine & bvcs:
                return True
        return False


def units_hidden(rows: pd.DataFrame, keys: list[str], threshold: int, partial: set,
                 districts: pd.DataFrame | None = None) -> tuple[set, set]:
    """The BVCs and the districts whose share n / N (a count: n = N) is hidden over every
    unit, per group of `keys` (the indicator, the period): districts as siblings within all
    units, then BVCs as siblings within their district; a district hidden there hides one
    of its BVCs at least, else its BVCs, each shown (a tile of its own), would add up to it
    (audit: Landskrona "–", its two BVCs 9 and 6, all units less the other districts gave
    Västra Göteborg's 4 back). Returns (BVC, *group) and (district, *group) tuples; BVCs
    only of the districts `partial` (Selection.partial: the others' do not matter).
    `districts`: every district's rows (district, keys, n, denominator), where `rows` are
    only the BVCs of some."""
    rows = rows[(rows.n > 0) | (rows.denominator > 0)]
    if districts is None:
        districts = rows.groupby([*keys, "district"], as_index=False)[
            ["n", "denominator"]].sum()
    districts = districts[(districts.n > 0) | (districts.denominator > 0)]
    districts = with_share_values(districts[[*keys, "district", "n", "denominator"]]
                                  .assign(_all=0), [*keys, "_all"], threshold)
    hidden_districts = set(zip(districts.district[districts.hidden],
                               *(districts[k][districts.hidden] for k in keys)))
    within = rows[rows.district.isin(partial)]
    bvcs = with_share_values(within, [*keys, "district"], threshold)
    for _, group in bvcs.groupby([*keys, "district"], sort=False):
        first = group.iloc[0]
        if (first.district, *(first[k] for k in keys)) in hidden_districts and not (
                group.hidden.any()):
            bvcs.loc[group.denominator.idxmin(), "hidden"] = True
    hidden_bvcs = set(zip(bvcs.bvc_id[bvcs.hidden], *(bvcs[k][bvcs.hidden] for k in keys)))
    return hidden_bvcs, hidden_districts


def counts_hidden(every: pd.DataFrame, column: str, threshold: int, partial: set
                  ) -> tuple[set, set]:
    """units_hidden of a count over one period (the BVCs' and the districts' ids)."""
    rows = every.assign(n=every[column], denominator=every[column])[
        ["bvc_id", "district", "n", "denominator"]]
    bvcs, districts = units_hidden(rows, [], threshold, partial)
    return {b for b, in bvcs}, {d for d, in districts}


def shares_hidden(every: pd.DataFrame, n: str, denominator: str, threshold: int,
                  partial: set, districts: pd.DataFrame | None = None) -> tuple[set, set]:
    """units_hidden of a share n / N over one period (the BVCs' and the districts' ids);
    `districts` as there (columns district, `n`, `denominator`)."""
    rows = every.assign(n=every[n], denominator=every[denominator])[
        ["bvc_id", "district", "n", "denominator"]]
    if districts is not None:
        districts = districts.assign(n=districts[n], denominator=districts[denominator])
    bvcs, districts = units_hidden(rows, [], threshold, partial, districts)
    return {b for b, in bvcs}, {d for d, in districts}


def bvc_sums(frame: pd.DataFrame, by: tuple[str, ...] = ("indicator",)) -> pd.DataFrame:
    """A share query's n and N per BVC (and `by`) over its periods, with the district."""
    return frame.groupby([*by, "bvc_id"], as_index=False).agg(
        district=("district", "first"), n=("n", "sum"), denominator=("denominator", "sum"))


def share_withheld(chosen, every: pd.DataFrame, threshold: int) -> bool:
    """Whether a share summed over the BVCs `chosen` is hidden (Selection.hidden), given
    every unit's BVCs' n and N (bvc_sums of one indicator)."""
    rows = every[(every.n > 0) | (every.denominator > 0)]
    selection = Selection.of(chosen, rows)
    return selection.hidden(*shares_hidden(rows, "n", "denominator", threshold,
                                           selection.partial))
