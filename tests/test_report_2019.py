"""An export shaped like Gothenburg's 2019 implementation report reproduces its figures."""
from __future__ import annotations

import json
import subprocess
import sys

from exports import write_export
from conftest import ROOT

AS_OF = "2019-05-01"


def report_2019_export(folder):
    """60 visits to 33 families, numbers 1/2/3 = 33/23/4, with the report's shares."""
    units = [{"bvc_id": "B1", "bvc_name": "Närhälsan Angered BVC", "district": "Angered",
              "programme_id": "goteborg-6"}]
    families = [{"family_id": f"F{i:02d}", "bvc_id": "B1", "child_birth_date": "2018-06-01",
                 "home_date": "2018-06-03", "single_parent": i >= 25,  # F25…F32
                 "offered_date": "2018-06-05", "declined": False} for i in range(33)]
    numbers = [1] * 33 + [2] * 23 + [3] * 4
    family = list(range(33)) + list(range(23)) + list(range(4))
    dates = {1: "2018-06-10", 2: "2018-08-01", 3: "2018-10-01"}
    visits = []
    other_parent_absent = 0
    for i, (k, f) in enumerate(zip(numbers, family)):
        single = f >= 25
        # the other parent came to 35 of the 52 visits to families with two parents: 67 %
        absent = not single and other_parent_absent < 17
        other_parent_absent += absent
        visits.append({
            "visit_id": f"V{i:02d}", "family_id": f"F{f:02d}", "bvc_id": "B1",
            "visit_number": k, "visit_date": dates[k],
            # 55 of 57 at home with a location (3 not filled in): 96 %
            "location": None if i < 3 else ("clinic" if i < 5 else "home"),
            # 53 of 58 with both professions (2 not filled in): 91 %
            "nurse_present": True,
            "parent_supporter_present": None if i < 2 else i >= 7,
            # 49 of 60 within 75 minutes: 82 % (18 % longer)
            "duration_minutes": 90 if i < 11 else 60,
            "mother_present": True,
            "other_parent_present": False if single else not absent,
        })
    # 55 visits with a referral, 100 referrals, 57 to open forums; 20 visits with extra
    # support (43 extra-support referrals: three each for V00-V02, two each for V03-V19)
    extra = ["infant_programme", "resource_unit", "baby_massage"]
    referrals = [{"visit_id": f"V{i:02d}", "destination": "open_preschool"} for i in range(55)]
    referrals += [{"visit_id": f"V{i:02d}", "destination": "library"} for i in (20, 21)]
    referrals += [{"visit_id": f"V{i:02d}", "destination": code}
                  for i in range(20) for code in extra[:3 if i < 3 else 2]]
    means = {"model_overall": 5.6, "collaboration": 5.9, "parents_questions": 5.9,
             "model_adherence": 5.7, "parents_strengths": 5.2, "mother_importance": 5.3,
             "other_parent_importance": 5.0, "emotional_climate": 8.7,
             "relationship_quality": 8.3}
    ratings = []
    for item, mean in means.items():
        # ten ratings per item whose mean is exactly the report's
        low, total = int(mean), round(mean * 10)
        scores = [low + 1] * (total - 10 * low) + [low] * (10 - (total - 10 * low))
        for j, score in enumerate(scores):
            ratings.append({"visit_id": f"V{j // 2:02d}",
                            "rater_role": "nurse" if j % 2 == 0 else "parent_supporter",
                            "item": item, "score": score})
    return write_export(folder, {"units": units, "families": families, "visits": visits,
                                 "referrals": referrals, "ratings": ratings},
                        extracted_at=AS_OF)


def test_summary_reproduces_the_2019_report(tmp_path):
    folder = report_2019_export(tmp_path / "report2019")
    out = subprocess.run([sys.executable, "-m", "dashboard", "summary", "--data", str(folder),
                          "--json"], capture_output=True, text=True, cwd=ROOT, check=True)
    result = json.loads(out.stdout)
    ind = result["indicators"]
    assert result["visits"] == 60 and result["families_visited"] == 33
    assert result["visits_by_number"] == {"1": 33, "2": 23, "3": 4, "4": 0, "5": 0, "6": 0}
    rounded = {k: round(100 * ind[k]["value"]) for k in (
        "home_share", "both_professions_share", "within_time_share", "mother_present_share",
        "other_parent_share", "open_forum_referral_share")}
    assert rounded == {"home_share": 96, "both_professions_share": 91, "within_time_share": 82,
                       "mother_present_share": 100, "other_parent_share": 67,
                       "open_forum_referral_share": 57}
    assert (ind["home_share"]["n"], ind["home_share"]["N"], ind["home_share"]["missing"]) == (55, 57, 3)
    assert ind["referral_visit_share"]["n"] == 55 and ind["referral_visit_share"]["N"] == 60
    assert (ind["open_forum_referral_share"]["n"], ind["open_forum_referral_share"]["N"]) == (57, 100)
    assert (ind["other_parent_share"]["n"], ind["other_parent_share"]["N"]) == (35, 52)
    # the report's "36 % of visits referred to extra support" counts visits with a
    # referral (20 of 55); the contract's indicator is per visit: 20 of 60
    assert (ind["extra_support_visit_share"]["n"], ind["extra_support_visit_share"]["N"]) == (20, 60)
    assert round(100 * 20 / 55) == 36
    assert {k: round(v["mean"], 1) for k, v in result["rating_mean"].items()} == {
        "model_overall": 5.6, "collaboration": 5.9, "parents_questions": 5.9,
        "model_adherence": 5.7, "parents_strengths": 5.2, "mother_importance": 5.3,
        "other_parent_importance": 5.0, "emotional_climate": 8.7, "relationship_quality": 8.3}
