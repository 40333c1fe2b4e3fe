"""The filters every indicator takes, as bound query parameters."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from dashboard.contract import FORM_FIELDS, TABLES

# Options that set a query's grain (or, for `table`, which export table's quarantined rows,
# and for `field`, which field of the visit form) rather than its scope, and the values
# they may take.
OPTIONS = {"interval": ("month", "quarter", "year"), "cohort": ("half_year", "year"),
           "table": tuple(TABLES), "field": FORM_FIELDS}


def check_options(options: dict) -> dict:
    """The grain options of a query, refused unless known (they reach SQL bound anyway)."""
    for name, value in options.items():
        if value not in OPTIONS.get(name, ()):
            raise ValueError(f"unknown option {name}={value!r}")
    return options


@dataclass(frozen=True)
class Scope:
    """The units whose row-level data (families, visits, quarantined rows) a reader may
    see: `None` is every unit. Aggregates are not scoped; row-level queries always are."""
    bvcs: tuple[str, ...] | None = None

    def param(self) -> list[str] | None:
        return None if self.bvcs is None else list(self.bvcs)


EVERY_UNIT, NO_UNIT = Scope(None), Scope(())


def first_of_month(end: dt.date, months: int) -> dt.date:
    """The first day of a span of `months` whole months ending in `end`'s month."""
    index = end.year * 12 + end.month - 1 - (months - 1)
    return dt.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Filters:
    """Period (inclusive), units and as-of date; empty means no restriction."""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    districts: tuple[str, ...] = field(default_factory=tuple)
    bvcs: tuple[str, ...] = field(default_factory=tuple)
    programmes: tuple[str, ...] = field(default_factory=tuple)
    as_of: dt.date | None = None

    def params(self, reference_date: dt.date) -> dict:
        """Query parameters; the as-of date defaults to the export's reference date."""
        return {"date_from": self.date_from, "date_to": self.date_to,
                "districts": list(self.districts), "bvcs": list(self.bvcs),
                "programmes": list(self.programmes),
                "as_of": self.as_of or reference_date}

    def previous(self) -> "Filters | None":
        """The same selection over the period of equal length just before this one: as
        many whole months when the period is whole months, else as many days; None for an
        open-ended period (nothing to compare with)."""
        if self.date_from is None or self.date_to is None:
            return None
        end = self.date_from - dt.timedelta(days=1)
        if self.date_from.day == 1 and (self.date_to + dt.timedelta(days=1)).day == 1:
            months = ((self.date_to.year - self.date_from.year) * 12
                      + self.date_to.month - self.date_from.month + 1)
            return replace(self, date_from=first_of_month(end, months), date_to=end)
        return replace(self, date_from=end - (self.date_to - self.date_from), date_to=end)

    @property
    def chooses_units(self) -> bool:
        """Districts, BVCs or programmes chosen: not every unit."""
        return bool(self.districts or self.bvcs or self.programmes)

    @property
    def chooses_part(self) -> bool:
        """BVCs or programmes chosen: perhaps part of a district."""
        return bool(self.bvcs or self.programmes)

    def period_only(self) -> "Filters":
        """The period without the unit and programme filters: small numbers are hidden
        over every unit, so that a district's or a BVC's own view hides what the view of
        all hides (linked.Linked)."""
        return replace(self, districts=(), bvcs=(), programmes=())

    def units_only(self) -> "Filters":
        """The unit and programme filters without the period: the due list is judged on the
        as-of date for every active family, whenever the child was born."""
        return replace(self, date_from=None, date_to=None)
