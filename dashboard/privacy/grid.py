"""The fixed grid small numbers are decided on: units (each BVC, each district, all units)
× periods of whole months (each month, quarter, half-year (birth cohorts) and year, the
whole export, and the presets' periods that are none of these: the last 12 whole months,
the 12 before them, the year to date). A period is a range of months; a month is
`year * 12 + month - 1`."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# the time kinds of the grid, finest first; a preset equal to one of these is that cell
KINDS = ("month", "quarter", "half_year", "year", "all_time", "last12", "prev12", "ytd")
PRESET_KINDS = ("last12", "prev12", "ytd")
LEVELS = ("bvc", "district", "all")


def month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def month_start(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


def month_end(index: int) -> dt.date:
    return month_start(index + 1) - dt.timedelta(days=1)


@dataclass(frozen=True)
class Period:
    """A cell's period: its kind and its months, first … last (inclusive)."""
    kind: str
    first: int
    last: int

    @property
    def start(self) -> dt.date:
        return month_start(self.first)

    @property
    def months(self) -> range:
        return range(self.first, self.last + 1)


def calendar_period(kind: str, month: int) -> Period:
    """The month, quarter or year a month falls in."""
    if kind == "month":
        return Period("month", month, month)
    size = {"quarter": 3, "half_year": 6, "year": 12}[kind]
    first = month - month % size
    return Period(kind, first, first + size - 1)


def last_whole_month(reference: dt.date) -> int:
    """The last 12 months end with the reference date's month when that date ends it, else
    with the month before (so months and quarters are complete)."""
    index = month_index(reference)
    return index if (reference + dt.timedelta(days=1)).day == 1 else index - 1


def preset_months(preset: str, reference: dt.date, first: int | None = None,
                  last: int | None = None) -> tuple[int, int] | None:
    """The months of a period preset (sidebar.PERIODS) at a reference date; `first` and
    `last`: the export's first and last month (for "all"). None: no months."""
    if preset in ("last12", "prev12"):
        end = last_whole_month(reference) - (12 if preset == "prev12" else 0)
        return end - 11, end
    if preset in ("this_year", "ytd"):
        return reference.year * 12, month_index(reference)
    if preset == "last_year":
        return (reference.year - 1) * 12, (reference.year - 1) * 12 + 11
    if preset == "all":
        return (first, last) if first is not None else None
    raise ValueError(f"unknown preset {preset!r}")


class Grid:
    """The periods of an export's grid: every month, quarter and year from its first month
    to its last, the whole export, and the presets' periods at its reference date. Months
    outside the export hold nothing, so periods are told apart by the months they hold
    within it: a preset that holds the same as a cell is that cell (a year to date in
    December is the year), and so is the whole export of a single year."""

    def __init__(self, first: int, last: int, reference: dt.date):
        self.first, self.last, self.reference = first, last, reference
        periods: dict[tuple[int, int], Period] = {}
        stands: dict[tuple[int, int], set[str]] = {}

        def add(held: tuple[int, int], period: Period) -> None:
            periods.setdefault(held, period)
            stands.setdefault(held, set()).add(period.kind)
        for kind in ("month", "quarter", "half_year", "year"):
            for month in range(first, last + 1):
                period = calendar_period(kind, month)
                add(self._held(period.first, period.last), period)
        add((first, last), Period("all_time", first, last))
        for kind in PRESET_KINDS:
            low, high = preset_months(kind, reference)
            held = self._held(low, high)
            if held[1] >= held[0]:
                add(held, Period(kind, low, high))
        self.by_range = periods
        # the kinds each cell is (a quarter of which the export holds one month is that
        # month and a quarter; a measure held at quarters is held at that month too)
        self.stands = {held: frozenset(kinds) for held, kinds in stands.items()}

    def kinds_of(self, period: Period) -> frozenset:
        """The kinds of period a cell is: its own, and those it stands for."""
        return self.stands[self._held(period.first, period.last)]

    def _held(self, first: int, last: int) -> tuple[int, int]:
        """The months of first … last within the export."""
        return max(first, self.first), min(last, self.last)

    def periods(self) -> list[Period]:
        return list(self.by_range.values())

    def months_of(self, period: Period) -> range:
        """The months of a cell that the export holds."""
        return range(*(lambda a, b: (a, b + 1))(*self._held(period.first, period.last)))

    def cell(self, first: int, last: int) -> Period | None:
        """The grid's cell of these months (as far as the export goes), if it has one."""
        return self.by_range.get(self._held(first, last))

    def tiles(self, first: int, last: int) -> list[Period]:
        """Grid cells that add up to the months first … last: the range itself where it is a
        cell, else whole years, then whole quarters, then months, coarsest first (whole as
        far as the export goes). A sum of shown cells is no news; a sum with a hidden part
        would give that part back."""
        first, last = self._held(first, last)
        if first > last:
            return []
        whole = self.by_range.get((first, last))
        if whole is not None:
            return [whole]
        out, month = [], first
        while month <= last:
            for kind in ("year", "quarter", "month"):
                held = self._held(*(lambda p: (p.first, p.last))(calendar_period(kind, month)))
                if held[0] == month and held[1] <= last:
                    out.append(self.by_range[held])
                    month = held[1] + 1
                    break
        return out
