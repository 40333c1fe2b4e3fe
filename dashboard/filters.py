"""The filters every indicator takes, as bound query parameters."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


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
