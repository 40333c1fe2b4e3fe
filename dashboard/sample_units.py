"""Units of the synthetic sample: Gothenburg's eight BVCs and one Skåne municipality, and
at national scale about one BVC per 600 families spread over 21 regions."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

# bvc_id, name, district, region, programme, start, volume weight, both-professions level
BASE_UNITS = [
    ("GBG-ANG-01", "Capio BVC Angered", "Angered", "Västra Götaland", "goteborg-6",
     "2018-04-03", 1.0, 0.93),
    ("GBG-ANG-02", "Gårdsten BVC", "Angered", "Västra Götaland", "goteborg-6",
     "2018-04-03", 0.8, 0.95),
    ("GBG-ANG-03", "Närhälsan Angered BVC", "Angered", "Västra Götaland", "goteborg-6",
     "2018-04-16", 1.2, 0.92),
    ("GBG-ANG-04", "Närhälsan Hjällbo BVC", "Angered", "Västra Götaland", "goteborg-6",
     "2018-09-03", 1.0, 0.70),
    ("GBG-ANG-05", "Närhälsan Lövgärdet BVC", "Angered", "Västra Götaland", "goteborg-6",
     "2019-01-14", 0.7, 0.94),
    ("GBG-VG-01", "Närhälsan Opaltorget BVC", "Västra Göteborg", "Västra Götaland",
     "goteborg-6", "2018-05-02", 0.9, 0.91),
    ("GBG-VH-01", "Närhälsan Biskopsgården BVC", "Västra Hisingen", "Västra Götaland",
     "goteborg-6", "2018-04-03", 1.3, 0.93),
    ("GBG-VH-02", "Nötkärnan Friskväderstorget BVC", "Västra Hisingen", "Västra Götaland",
     "goteborg-6", "2018-10-01", 0.8, 0.96),
    ("SKA-LAN-01", "BVC Landskrona Centrum", "Landskrona", "Skåne", "vaxa-tryggt-6",
     "2021-03-01", 1.2, 0.94),
    ("SKA-LAN-02", "BVC Landskrona Öster", "Landskrona", "Skåne", "vaxa-tryggt-6",
     "2021-09-01", 0.9, 0.92),
]

REGIONS = ["Stockholm", "Uppsala", "Södermanland", "Östergötland", "Jönköping", "Kronoberg",
           "Kalmar", "Gotland", "Blekinge", "Skåne", "Halland", "Västra Götaland", "Värmland",
           "Örebro", "Västmanland", "Dalarna", "Gävleborg", "Västernorrland", "Jämtland Härjedalen",
           "Västerbotten", "Norrbotten"]
PROGRAMME_CYCLE = ["goteborg-6", "vaxa-tryggt-6", "trygg-start-8", "torvalla-4"]
FAMILIES_PER_UNIT_AT_SCALE = 600
NATIONAL_FROM = 20_000  # families: below this the sample keeps its ten real-shaped units


def units_for(families: int, rng: np.random.Generator) -> pd.DataFrame:
    """The units table plus two generator-only columns: `_weight` and `_both`."""
    rows = [dict(bvc_id=u[0], bvc_name=u[1], district=u[2], region=u[3], programme_id=u[4],
                 start_date=dt.date.fromisoformat(u[5]), _weight=u[6], _both=u[7])
            for u in BASE_UNITS]
    if families >= NATIONAL_FROM:
        extra = families // FAMILIES_PER_UNIT_AT_SCALE - len(rows)
        municipalities = min(290, max(21, extra // 3))
        muni_region = np.arange(municipalities) % len(REGIONS)
        unit_muni = rng.integers(0, municipalities, extra)
        starts = pd.Timestamp("2018-01-01") + pd.to_timedelta(rng.integers(0, 4 * 365, extra), "D")
        for i in range(extra):
            m = int(unit_muni[i])
            region = REGIONS[muni_region[m]]
            rows.append(dict(bvc_id=f"BVC-{i + 1:05d}", bvc_name=f"BVC {region} {i + 1}",
                             district=f"Kommun {m + 1:03d} ({region})", region=region,
                             programme_id=PROGRAMME_CYCLE[muni_region[m] % 4],
                             start_date=starts[i].date(), _weight=float(rng.uniform(0.6, 1.4)),
                             _both=float(rng.uniform(0.78, 0.97))))
    return pd.DataFrame(rows)
