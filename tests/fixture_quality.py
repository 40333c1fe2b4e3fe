"""The small export with data-quality problems added, each hand-countable (as of 2024-06-30):
- B4 (Söder) last reported 2023-06-10; B3's last visit is 2024-03-28 (94 days before).
- flagged visits: V22 long (200 of 75 min), V24 short (10 min), V25 before visit 2 of its
  family and 46 days before its window opens, V14 and V26 the same visit number for F5,
  V27 (B1) and V28 (B3) one family at two BVCs.
- quarantined: V29 (unknown location), F10 twice (duplicate key), a rating of 12 on a
  7-point item.
- B1's location is empty in 2 of its 11 visits (V05, V21)."""
from __future__ import annotations

import fixture_small as small

UNITS = small.UNITS + [
    {"bvc_id": "B4", "bvc_name": "BVC Fyra", "district": "Söder", "region": None,
     "programme_id": "goteborg-6", "start_date": "2023-01-01"},
]
FAMILIES = small.FAMILIES + [
    small._family("F9", "B4", "2023-06-01", None, False, "2023-06-02", False),
    small._family("F10", "B2", "2024-01-01", None, False, None, None),
    small._family("F10", "B2", "2024-01-02", None, False, None, None),
]


def _visit(vid, fid, bvc, number, day, minutes=60, location="home"):
    return {"visit_id": vid, "family_id": fid, "bvc_id": bvc, "visit_number": number,
            "visit_date": day, "location": location, "nurse_present": True,
            "parent_supporter_present": True, "duration_minutes": minutes,
            "mother_present": True, "other_parent_present": True, "midwife_present": None}


VISITS = small.VISITS + [
    _visit("V20", "F9", "B4", 1, "2023-06-10"),
    _visit("V21", "F7", "B1", 1, "2024-06-25", location=None),
    _visit("V22", "F3", "B2", 4, "2024-06-01", minutes=200),
    _visit("V24", "F4", "B2", 2, "2022-08-01", minutes=10),
    _visit("V25", "F2", "B1", 3, "2023-04-01"),
    _visit("V26", "F5", "B3", 2, "2024-03-28"),
    _visit("V27", "F6", "B1", 1, "2024-02-10"),
    _visit("V28", "F6", "B3", 2, "2024-02-20"),
    _visit("V29", "F1", "B1", 6, "2024-05-01", location="garden"),
]
RATINGS = small.RATINGS + [
    {"visit_id": "V20", "rater_role": "nurse", "item": "model_overall", "score": 12},
]


def tables() -> dict[str, list[dict]]:
    return {"units": UNITS, "families": FAMILIES, "visits": VISITS,
            "referrals": small.REFERRALS, "ratings": RATINGS}
