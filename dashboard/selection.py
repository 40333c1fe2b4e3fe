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

from dashboard.series import hide_within, with_share_values


@dataclass(frozen=True)
class Selection:
    """The BVCs of a selection with something to count, among every unit's."""
    chosen: frozenset
    bvcs_of: dict  # district: frozenset of its BVCs with something to count (every unit)

    @classmethod
    def of(cls, chosen, every: pd.DataFrame) -> "Selection":
        """`chosen`: the selection's BVC ids; `every`: rows (bvc_id, district) over every
        unit of the period."""
        groups = every.groupby("district").bvc_id
        return cls(frozenset(chosen), {d: frozenset(b) for d, b in groups})

    @property
    def partial(self) -> set:
        """The districts the selection holds part of."""
        return {d for d, members in self.bvcs_of.items()
                if members & self.chosen and not members <= self.chosen}

    @property
    def everything(self) -> bool:
        return all(members <= self.chosen for members in self.bvcs_of.values())

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


def counts_hidden(every: pd.DataFrame, column: str, threshold: int, partial: set
                  ) -> tuple[set, set]:
    """The BVCs and the districts whose `column` is hidden over every unit: BVCs as
    siblings within their district, districts within all units (each total shown). BVCs
    only of the districts `partial` (Selection.partial: the others' do not matter)."""
    rows = every[every[column] > 0]
    within = rows[rows.district.isin(partial)]
    bvcs = within[hide_within(within, ["district"], column, threshold)]
    districts = rows.groupby("district", as_index=False)[column].sum().assign(all=0)
    hidden = districts[hide_within(districts, ["all"], column, threshold)]
    return set(bvcs.bvc_id), set(hidden.district)


def shares_hidden(every: pd.DataFrame, n: str, denominator: str, threshold: int,
                  partial: set) -> tuple[set, set]:
    """counts_hidden for a share n / N (hidden where either is, or N is small)."""
    rows = every[(every[n] > 0) | (every[denominator] > 0)].rename(
        columns={n: "n", denominator: "denominator"})[["bvc_id", "district", "n",
                                                       "denominator"]]
    bvcs = with_share_values(rows[rows.district.isin(partial)], ["district"], threshold)
    districts = with_share_values(rows.groupby("district", as_index=False)[
        ["n", "denominator"]].sum().assign(all=0), ["all"], threshold)
    return set(bvcs.bvc_id[bvcs.hidden]), set(districts.district[districts.hidden])
