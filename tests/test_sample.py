"""The bundled sample: reproducible, realistic, and calibrated to the 2019 report."""
from __future__ import annotations

import subprocess
import sys

import pyarrow.parquet as pq

from conftest import ROOT
from dashboard import sample
from dashboard.filters import EVERY_UNIT, Filters

SAMPLE = ROOT / "data" / "sample"


def test_committed_sample_equals_a_fresh_sample_run(tmp_path):
    out = tmp_path / "fresh"
    subprocess.run([sys.executable, "-m", "dashboard", "sample", "--out", str(out),
                    "--families", str(sample.DEFAULT_FAMILIES), "--seed",
                    str(sample.DEFAULT_SEED)], check=True, cwd=ROOT, capture_output=True)
    for name in ("units", "families", "visits", "referrals", "ratings"):
        assert pq.read_table(out / f"{name}.parquet").equals(
            pq.read_table(SAMPLE / f"{name}.parquet")), name
    assert (out / "manifest.json").read_text() == (SAMPLE / "manifest.json").read_text()


def test_same_seed_same_export_other_seed_other_export():
    a, b, c = sample.generate(300, 1), sample.generate(300, 1), sample.generate(300, 2)
    assert a["visits"].equals(b["visits"])
    assert not a["visits"].equals(c["visits"])


def test_sample_is_small_enough_to_commit():
    assert sum(f.stat().st_size for f in SAMPLE.iterdir()) < 2_000_000


def test_sample_is_clean_and_has_two_programmes(sample_db):
    assert sample_db.query("row_counts").quarantined_rows.sum() == 0
    units = sample_db.query("units")
    assert set(units.programme_id) == {"goteborg-6", "vaxa-tryggt-6"}
    assert set(units.district) == {"Angered", "Västra Göteborg", "Västra Hisingen", "Landskrona"}
    assert (units.programme_id == "goteborg-6").sum() == 8


def test_sample_grows_to_the_reports_level_in_three_years(sample_db):
    first = sample_db.con.execute("""
        SELECT count(*) FROM families JOIN units USING (bvc_id)
        WHERE programme_id = 'goteborg-6' AND child_birth_date < DATE '2021-04-01'
    """).fetchone()[0]
    assert 280 <= first <= 420


def test_sample_is_calibrated_to_the_report(sample_db):
    got = {r.indicator: r.n / r.denominator for r in sample_db.query("visit_shares").itertuples()}
    assert 0.94 <= got["home_share"] <= 0.98
    assert 0.88 <= got["both_professions_share"] <= 0.94
    assert 0.78 <= got["within_time_share"] <= 0.86
    assert got["mother_present_share"] >= 0.98
    assert 0.62 <= got["other_parent_share"] <= 0.72
    assert 0.87 <= got["referral_visit_share"] <= 0.94
    assert 0.53 <= got["open_forum_referral_share"] <= 0.61
    ratings = sample_db.query("rating_means").query("rater_role == 'all'").set_index("item")
    assert abs(ratings.loc["model_overall", "mean"] - 5.6) < 0.2
    assert abs(ratings.loc["emotional_climate", "mean"] - 8.7) < 0.2


def test_sample_has_structure_worth_looking_at(sample_db):
    by_bvc = sample_db.con.execute("""
        SELECT bvc_name, avg((nurse_present AND parent_supporter_present)::INT) AS share_both
        FROM visit_facts WHERE plans_nurse_and_parent_supporter GROUP BY ALL ORDER BY share_both
    """).fetchall()
    assert by_bvc[0][0] == "Närhälsan Hjällbo BVC" and by_bvc[0][1] < by_bvc[1][1] - 0.1
    retention = sample_db.query("retention_by_number", Filters(programmes=("goteborg-6",)))
    values = (retention.n / retention.denominator).tolist()
    assert values[0] == 1.0 and values[-1] < 0.95  # families drop out between visits
    due = sample_db.query("due_list", scope=EVERY_UNIT).status.value_counts()
    assert 1 <= due.get("overdue", 0) <= 30 and due.get("due", 0) > 0
    reach = sample_db.query("reach_shares").set_index("indicator")
    assert reach.loc["accepted_share", "n"] < reach.loc["accepted_share", "denominator"]


def test_families_scales_to_national_units():
    tables = sample.generate(25_000, 7)
    assert tables["units"].num_rows >= 40
    assert tables["visits"].num_rows > 90_000
