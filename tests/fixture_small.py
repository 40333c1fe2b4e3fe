"""A hand-countable export: three BVCs in two districts on two programmes, eight families,
fourteen visits, as of 2024-06-30. Expected answers are worked out in the tests."""
from __future__ import annotations

UNITS = [
    {"bvc_id": "B1", "bvc_name": "BVC Ett", "district": "Norr", "region": "Test",
     "programme_id": "goteborg-6", "start_date": "2022-01-01"},
    {"bvc_id": "B2", "bvc_name": "BVC Två", "district": "Norr", "region": "Test",
     "programme_id": "goteborg-6", "start_date": "2022-01-01"},
    {"bvc_id": "B3", "bvc_name": "BVC Tre", "district": "Söder", "region": None,
     "programme_id": "vaxa-tryggt-6", "start_date": None},
]


def _family(fid, bvc, birth, home, single, offered, declined, exit_date=None, exit_reason=None):
    return {"family_id": fid, "bvc_id": bvc, "child_birth_date": birth, "home_date": home,
            "target_reason": "first_child", "single_parent": single, "interpreter_needed": False,
            "offered_date": offered, "declined": declined, "exit_date": exit_date,
            "exit_reason": exit_reason}


FAMILIES = [
    _family("F1", "B1", "2023-01-01", "2023-01-03", False, "2023-01-05", False),
    _family("F2", "B1", "2023-02-01", None, True, "2023-02-03", False, "2023-06-01", "moved"),
    _family("F3", "B2", "2023-10-01", "2023-10-04", False, "2023-10-06", False),
    _family("F4", "B2", "2022-06-01", None, None, "2022-06-05", None),
    _family("F5", "B3", "2024-03-01", "2024-03-03", False, "2024-03-02", False),
    _family("F6", "B3", "2024-02-01", None, False, "2024-02-05", True),
    _family("F7", "B1", "2024-06-20", "2024-06-22", False, None, None),
    _family("F8", "B1", "2024-07-10", None, False, None, None),
]

T, F, N = True, False, None
# visit_id, family, bvc, number, date, location, nurse, parent supporter, minutes, mother, other
_VISITS = [
    ("V01", "F1", "B1", 1, "2023-01-10", "home", T, T, 60, T, T),
    ("V02", "F1", "B1", 2, "2023-03-01", "home", T, T, 70, T, F),
    ("V03", "F1", "B1", 3, "2023-05-01", "clinic", T, F, 80, T, T),
    ("V04", "F1", "B1", 4, "2023-09-01", "home", T, T, 75, T, T),
    ("V05", "F1", "B1", 5, "2024-01-01", None, T, N, 90, T, N),
    ("V06", "F1", "B1", 6, "2024-04-01", "home", T, T, None, N, T),
    ("V07", "F2", "B1", 1, "2023-02-20", "home", T, T, 50, T, F),
    ("V08", "F2", "B1", 2, "2023-04-20", "home", F, T, 65, T, T),
    ("V09", "F3", "B2", 1, "2023-10-10", "home", T, T, 60, T, T),
    ("V10", "F3", "B2", 2, "2023-12-20", "digital", T, T, 40, T, F),
    ("V11", "F3", "B2", 3, "2024-03-15", "home", T, F, 100, T, T),
    ("V12", "F4", "B2", 1, "2022-06-10", "home", T, T, 60, T, T),
    ("V13", "F5", "B3", 1, "2024-03-12", "home", T, F, 55, T, T),
    ("V14", "F5", "B3", 2, "2024-03-25", "home", T, T, 60, T, T),
]
VISITS = [
    {"visit_id": v[0], "family_id": v[1], "bvc_id": v[2], "visit_number": v[3],
     "visit_date": v[4], "location": v[5], "nurse_present": v[6],
     "parent_supporter_present": v[7], "duration_minutes": v[8], "mother_present": v[9],
     "other_parent_present": v[10], "midwife_present": True if v[0] == "V13" else None}
    for v in _VISITS
]

REFERRALS = [{"visit_id": v, "destination": dest} for v, dest in [
    ("V01", "open_preschool"), ("V01", "infant_programme"), ("V02", "library"),
    ("V04", "family_centre"), ("V06", "resource_unit"), ("V07", "open_preschool"),
    ("V07", "library"), ("V09", "baby_massage"), ("V10", "open_preschool"),
    ("V12", "parent_group"), ("V13", "breastfeeding_dropin"), ("V14", "library"),
]]

RATINGS = [{"visit_id": v, "rater_role": role, "item": item, "score": score}
           for v, role, item, score in [
    ("V01", "nurse", "model_overall", 6), ("V01", "parent_supporter", "model_overall", 5),
    ("V01", "nurse", "emotional_climate", 9), ("V02", "nurse", "model_overall", 7),
    ("V13", "parent_supporter", "emotional_climate", 8), ("V14", "nurse", "collaboration", 4),
]]


def tables() -> dict[str, list[dict]]:
    return {"units": UNITS, "families": FAMILIES, "visits": VISITS, "referrals": REFERRALS,
            "ratings": RATINGS}
