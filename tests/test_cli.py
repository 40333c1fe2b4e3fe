"""The command line as a researcher or a region's IT would run it."""
from __future__ import annotations

import copy
import json
import os
import subprocess
import sys

import fixture_small
from conftest import ROOT
from exports import write_export


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "dashboard", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})})


def test_validate_clean_export_exits_0(small_export):
    out = run("validate", "--data", small_export)
    assert out.returncode == 0, out.stderr
    assert "Inga rader i karantän" in out.stdout
    assert "visits" in out.stdout and "14" in out.stdout


def test_validate_lists_rules_with_counts_and_example_keys_and_exits_1(tmp_path):
    tables = copy.deepcopy(fixture_small.tables())
    tables["visits"][1]["location"] = "garden"
    tables["visits"][2]["location"] = "garden"
    folder = write_export(tmp_path / "e", tables)
    out = run("validate", "--data", folder, "--lang", "en")
    assert out.returncode == 1
    assert "visits.location: unknown_code (Unknown code): 2 (examples: V02, V03)" in out.stdout
    # the referral of V02 follows its visit
    assert "referrals.visit_id: parent_quarantined" in out.stdout


def test_fatal_problem_exits_2_with_one_line_and_no_traceback(tmp_path):
    folder = write_export(tmp_path / "e", copy.deepcopy(fixture_small.tables()))
    (folder / "units.parquet").unlink()
    for command in (["validate"], ["summary", "--json"]):
        out = run(*command, "--data", folder)
        assert out.returncode == 2
        assert out.stdout == ""
        assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1
        assert "units" in out.stderr


def test_summary_json_alone_on_stdout_with_filters(small_export):
    out = run("summary", "--data", small_export, "--json", "--bvc", "B2", "--from",
              "2023-01-01", "--to", "2023-12-31")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["visits"] == 2  # V09, V10 (V11 was in 2024)
    assert result["indicators"]["home_share"] == {"n": 1, "N": 2, "value": 0.5, "missing": 0}


def test_summary_as_of_changes_age_eligibility(small_export):
    out = run("summary", "--data", small_export, "--json", "--district", "Norr",
              "--as-of", "2023-06-30")
    assert json.loads(out.stdout)["indicators"]["retention"]["2"] == {
        "n": 2, "N": 3, "value": 2 / 3, "missing": 0}


def test_summary_reports_quarantined_counts_and_still_exits_0(tmp_path):
    tables = copy.deepcopy(fixture_small.tables())
    tables["ratings"][0]["score"] = 99
    out = run("summary", "--data", write_export(tmp_path / "e", tables), "--json")
    assert out.returncode == 0
    assert json.loads(out.stdout)["quarantined"]["ratings"] == 1
    assert "ratings 1" in out.stderr


def test_unknown_district_is_an_error_listing_the_known_ones(small_export):
    out = run("summary", "--data", small_export, "--json", "--district", "Mitt")
    assert out.returncode == 2 and out.stdout == ""
    assert "Mitt" in out.stderr and "Norr, Söder" in out.stderr


def test_hembesok_data_sets_the_default_folder(small_export):
    out = run("summary", "--json", env={"HEMBESOK_DATA": str(small_export)})
    assert json.loads(out.stdout)["visits"] == 14


def test_without_hembesok_data_the_bundled_sample_is_used():
    env = {k: v for k, v in os.environ.items() if k != "HEMBESOK_DATA"}
    out = subprocess.run([sys.executable, "-m", "dashboard", "summary", "--json"],
                         capture_output=True, text=True, cwd=ROOT, env=env)
    manifest = json.loads((ROOT / "data" / "sample" / "manifest.json").read_text())
    assert json.loads(out.stdout)["visits"] == manifest["rows"]["visits"]


def test_human_summary_is_formatted_the_swedish_way(small_export):
    out = run("summary", "--data", small_export)
    assert "85\u00a0%" in out.stdout  # home 11 / 13
    assert "11 / 13" in out.stdout


def test_a_first_build_says_each_step(small_export, tmp_path, monkeypatch, capsys):
    """A new export is built with a line per step on stderr (the app shows the same step
    in a banner); a kept database opens without any."""
    from dashboard.cli import main
    from dashboard.db import BUILD_STEPS, Database
    monkeypatch.setenv("HEMBESOK_CACHE", str(tmp_path / "cache"))
    heard = []
    Database.open(small_export, progress=heard.append).close()
    assert heard == list(BUILD_STEPS)
    monkeypatch.setenv("HEMBESOK_CACHE", str(tmp_path / "other"))
    main(["validate", "--data", str(small_export)])
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("[")]
    assert [line.split("] ", 1)[1] for line in lines][:2] == [
        "Steg 1 av 5: filerna läses.", "Steg 2 av 5: raderna kontrolleras mot dataavtalet."]
    assert len(lines) == len(BUILD_STEPS)
    heard.clear()
    Database.open(small_export, progress=heard.append).close()  # kept: no step
    assert heard == []
