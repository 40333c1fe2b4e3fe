"""The data-quality checks, exactly, on the small export with hand-placed problems
(tests/fixture_quality.py): quarantined rows with their place in the files, completeness,
BVCs that stopped reporting, plausibility flags; the page with and without row-level access;
`validate --report`."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import fixture_quality
from conftest import ROOT
from dashboard import quality
from dashboard.db import Database
from dashboard.filters import EVERY_UNIT, Filters
from exports import write_export

APP = str(ROOT / "dashboard" / "app.py")


@pytest.fixture(scope="module")
def quality_export(tmp_path_factory):
    return write_export(tmp_path_factory.mktemp("quality"), fixture_quality.tables())


@pytest.fixture(scope="module")
def db(quality_export):
    return Database.open(quality_export)


def pairs(frame, *columns):
    return sorted(tuple(r) for r in frame[list(columns)].astype(object).itertuples(index=False))


def test_flagged_visits(db):
    assert pairs(db.query("flagged_visits", scope=EVERY_UNIT), "check_name", "visit_id") == [
        ("long_visit", "V22"), ("out_of_order", "V25"), ("out_of_window", "V25"),
        ("repeated_number", "V14"), ("repeated_number", "V26"), ("several_bvcs", "V27"),
        ("several_bvcs", "V28"), ("short_visit", "V24")]
    north = db.query("flagged_visits", Filters(districts=("Norr",)), scope=EVERY_UNIT)
    assert set(north.visit_id) == {"V22", "V25", "V27", "V24"}  # B1 and B2 only
    windowed = db.query("flagged_visits", Filters(dt.date(2024, 1, 1), dt.date(2024, 6, 30)),
                        scope=EVERY_UNIT)
    assert "V25" not in set(windowed.visit_id)  # 2023-04-01 is outside the period


def test_last_visit_and_stopped_reporting(db):
    last = db.query("last_visit_by_bvc")
    assert pairs(last, "bvc_id", "days_since_last_visit") == [
        ("B1", 5), ("B2", 29), ("B3", 94), ("B4", 386)]
    assert quality.stopped_reporting(last, 60, "sv")["BVC"].tolist() == ["BVC Fyra", "BVC Tre"]
    assert quality.stopped_reporting(last, 100, "sv")["BVC"].tolist() == ["BVC Fyra"]
    as_of = db.query("last_visit_by_bvc", Filters(as_of=dt.date(2024, 3, 31)))
    assert pairs(as_of, "bvc_id", "days_since_last_visit")[1] == ("B2", 16)  # V11 on 03-15


def test_completeness_per_field_and_its_suppression(db):
    frame = db.query("completeness_by_bvc_and_period", interval="year")
    cells = quality.completeness_by_field(frame, "sv", threshold=1).set_index(["bvc_id", "field"])
    assert tuple(cells.loc[("B1", "location"), ["n", "denominator"]]) == (2, 11)  # V05, V21
    assert cells.loc[("B1", "location"), "value_text"] == "18\u00a0%"
    # other_parent_present does not apply to F2 (single parent: V07, V08, V25)
    assert cells.loc[("B1", "other_parent_present"), "denominator"] == 8
    assert cells.loc[("B3", "ratings"), ["n", "denominator"]].tolist() == [2, 4]
    hidden = quality.completeness_by_field(frame, "sv", threshold=5).set_index(["bvc_id",
                                                                                "field"])
    assert hidden.loc[("B1", "location"), "value_text"] == "<5"  # 2 empty: a small count
    assert hidden.loc[("B4", "ratings"), "value_text"] == "–"  # 1 visit: N too small


def test_months_of_a_field_hide_what_their_total_reveals(db):
    frame = db.query("completeness_by_bvc_and_period", interval="year")
    rows = quality.completeness_by_period(frame, "ratings", "year", "sv", 5, Filters(),
                                          db.export.reference_date)
    b1 = rows[rows.bvc_id == "B1"].set_index("period_label")
    # B1 without ratings: 2023 5 of 7 (V03, V04, V07, V08, V25), 2024 4 of 4
    assert b1[["n", "denominator"]].values.tolist() == [[5, 7], [4, 4]]
    # 2024 is hidden (4 is a small count, N < 5); with the BVC's total shown, 2023 would
    # give it away, so 2023 is hidden too
    assert b1.value_text.tolist() == ["–", "–"]
    exact = quality.completeness_by_period(frame, "ratings", "year", "sv", 1, Filters(),
                                           db.export.reference_date)
    assert exact[exact.bvc_id == "B1"].value_text.tolist() == ["71 %", "100 %"]


def test_quarantined_rows_point_into_the_files(db, quality_export):
    visits = quality.quarantined_rows(
        db.query("quarantined_rows", scope=EVERY_UNIT, table="visits"), quality_export, "sv")
    assert visits[["Regel", "Kolumn", "Värde", "Fil", "Rad", "visit_id"]].values.tolist() == [
        ["Okänd kod", "location", "garden", "visits.parquet", 23, "V29"]]
    families = db.query("quarantined_rows", scope=EVERY_UNIT, table="families")
    assert families.row_number.tolist() == [10, 11] and set(families.family_id) == {"F10"}
    with pytest.raises(ValueError):
        db.query("quarantined_rows", scope=EVERY_UNIT, table="visits; DROP TABLE visits")


def test_every_broken_rule_with_its_place(db):
    rows = db.query("quarantine_rows", scope=EVERY_UNIT)
    assert rows[["table_name", "row_number", "rule", "column_name", "value"]
                ].values.tolist() == [
        ["families", 10, "duplicate_key", "family_id", "F10"],
        ["families", 11, "duplicate_key", "family_id", "F10"],
        ["ratings", 7, "out_of_range", "score", "12"],
        ["visits", 23, "unknown_code", "location", "garden"]]


def test_flag_table_suppresses_and_totals(db):
    flags = db.query("flag_counts_by_bvc")
    completeness = db.query("completeness_by_bvc_and_period", interval="year")
    exact = quality.flag_table(flags, completeness, "sv", 1).set_index("BVC")
    assert exact.loc["Alla enheter", "Besöksnumret finns två gånger"] == "2"
    assert exact.loc["BVC Tre", "Besök"] == "4"
    hidden = quality.flag_table(flags, completeness, "sv", 5).set_index("BVC")
    assert hidden.loc["BVC Tre", "Besöksnumret finns två gånger"] == "<5"
    assert hidden.loc["BVC Ett", "Besök"] == "11"


def open_quality(quality_export, tmp_path, monkeypatch, settings: str) -> AppTest:
    path = tmp_path / "settings.toml"
    path.write_text(settings, encoding="utf-8")
    monkeypatch.setenv("HEMBESOK_DATA", str(quality_export))
    monkeypatch.setenv("HEMBESOK_SETTINGS", str(path))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["period"] = "all"
    at.run()
    at.switch_page("../pages/data_quality.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def db_programme_names(export) -> dict[str, str]:
    units = Database.open(export).query("units")
    return dict(zip(units.programme_id, units.programme_sv))


def test_page_with_row_level_access(quality_export, tmp_path, monkeypatch):
    at = open_quality(quality_export, tmp_path, monkeypatch,
                      "[suppression]\nthreshold = 1\n[access]\nrow_level = true\n")
    frames = [f.value for f in at.dataframe]
    overview, summary = frames[0], frames[1]
    assert overview["Att titta på"].tolist()[0] == "⚠ inget besök på 60 dagar"
    assert summary["Vad som behöver rättas"].tolist()[0].startswith("Ta bort dubbletten")
    assert any("visit_id" in f.columns and "garden" in set(f["Värde"]) for f in frames
               if "Värde" in f.columns)
    stopped = next(f for f in frames if "Dagar sedan" in f.columns)
    assert stopped["Dagar sedan"].tolist() == ["386", "94"]
    review = frames[-1]
    assert len(review) == 8 and set(review["Besökets id"]) >= {"V22", "V24", "V25"}
    # programmes by name, as everywhere else (the user test saw "goteborg-6")
    assert not {"goteborg-6"} & set(review["Besöksprogram"])
    assert set(review["Besöksprogram"]) <= set(db_programme_names(quality_export).values())


def test_page_without_row_level_access_shows_only_aggregates(quality_export, tmp_path,
                                                             monkeypatch):
    at = open_quality(quality_export, tmp_path, monkeypatch, "[access]\nrow_level = false\n")
    for frame in (f.value for f in at.dataframe):
        assert not {"visit_id", "family_id", "Besökets id", "Familj (pseudonym)"} & set(frame.columns)
    assert any("Raderna visas bara med behörighet" in c.value for c in at.caption)


def test_validate_writes_the_report_in_three_formats(quality_export, tmp_path, capsys):
    import json

    import openpyxl

    from dashboard.cli import EXIT_FATAL, EXIT_QUARANTINED, main
    xlsx = tmp_path / "kvalitet.xlsx"
    assert main(["validate", "--data", str(quality_export), "--report", str(xlsx)]) \
        == EXIT_QUARANTINED
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["Rader per tabell", "Rader i karantän",
                               "Besök som ser orimliga ut", "Tomma fält per BVC",
                               "Senaste besök per BVC"]
    quarantine = [[c.value for c in row] for row in book["Rader i karantän"].iter_rows()]
    assert quarantine[0][:6] == ["table_name", "file", "row_number", "rule", "column_name",
                                 "value"]
    assert ["visits", "visits.parquet", 23, "unknown_code", "location", "garden"] in [
        r[:6] for r in quarantine]
    last = [[c.value for c in row] for row in book["Senaste besök per BVC"].iter_rows()]
    stopped = {r[0]: r[-1] for r in last[1:]}
    assert stopped == {"B4": True, "B3": True, "B2": False, "B1": False}

    report = tmp_path / "kvalitet.json"
    assert main(["validate", "--data", str(quality_export), "--report", str(report),
                 "--stopped-days", "100", "--lang", "en"]) == EXIT_QUARANTINED
    data = json.loads(report.read_text(encoding="utf-8"))
    assert len(data["Visits that look implausible"]) == 8
    assert [r["bvc_id"] for r in data["Last visit per BVC"] if r["stopped_reporting"]] == ["B4"]
    assert data["Visits that look implausible"][0]["visit_date"] == "2024-06-01"

    markdown = tmp_path / "kvalitet.md"
    main(["validate", "--data", str(quality_export), "--report", str(markdown)])
    text = markdown.read_text(encoding="utf-8")
    assert "## Tomma fält per BVC" in text and "| V22 | F3 | B2 |" in text
    capsys.readouterr()
    assert main(["validate", "--data", str(quality_export), "--report",
                 str(tmp_path / "x.txt")]) == EXIT_FATAL
    out, err = capsys.readouterr()
    assert out == "" and "unknown format '.txt'" in err


def test_units_at_a_glance(db):
    completeness = db.query("completeness_by_bvc_and_period", interval="year")
    flags, last = db.query("flag_counts_by_bvc"), db.query("last_visit_by_bvc")
    exact = quality.unit_overview(completeness, flags, last, "sv", 1, 60, 0.10).set_index("BVC")
    # B1: 6 of 63 form fields empty (11 visits × 5 fields + other parent for 8 of them)
    assert exact.loc["BVC Ett"].tolist() == ["Norr", "11", "10\u00a0%", "82\u00a0%", "2",
                                             "2024-06-25", "⚠ orimliga besök"]
    assert exact.loc["BVC Fyra", "Att titta på"] == "⚠ inget besök på 60 dagar"
    strict = quality.unit_overview(completeness, flags, last, "sv", 1, 60, 0.05)
    assert "fler än 5\u00a0% tomma fält" in strict.set_index("BVC").loc["BVC Ett",
                                                                         "Att titta på"]
    hidden = quality.unit_overview(completeness, flags, last, "sv", 5, 60, 0.10).set_index("BVC")
    assert hidden.loc["BVC Tre", ["Besök", "Orimliga besök"]].tolist() == ["<5", "<5"]
    assert hidden.loc["BVC Ett", "Tomma fält"] == "10\u00a0%"  # 6 of 63: nothing small


def test_heat_maps_draw_the_units_with_most_empty_fields_first(db):
    """A national selection has about a thousand BVCs: the heat maps draw at most
    quality.MAX_UNITS, those whose forms leave the largest share of fields empty (B1: 15 of
    74 fields; B2 6 of 42 before B4 1 of 7 on a tie, in the data's order)."""
    completeness = db.query("completeness_by_bvc_and_period", interval="month")
    assert quality.most_empty_units(completeness, 5, 2) == ["B1", "B2"]
    assert quality.most_empty_units(completeness, 5) == ["B1", "B2", "B4", "B3"]
    # a share over fewer fields than the threshold does not rank: B4 (7 fields) goes last
    assert quality.most_empty_units(completeness, 10) == ["B1", "B2", "B3", "B4"]


def test_the_units_table_hides_a_share_the_heat_map_hides(db):
    """The user test: one BVC's visits without ratings were 8 % in the table and "–" in the
    heat map of fields (hidden there to protect a sibling). Both show a share alike or hide
    it alike, on the quality fixture and on the sample."""
    from dashboard.sidebar import period_bounds

    sample = Database.open(ROOT / "data" / "sample")
    last12 = Filters(*period_bounds("last12", sample.export.reference_date))
    for source, filters in ((db, Filters()), (sample, Filters()), (sample, last12)):
        completeness = source.query("completeness_by_bvc_and_period", filters,
                                    interval="year")
        table = quality.unit_overview(completeness, source.query("flag_counts_by_bvc", filters),
                                      source.query("last_visit_by_bvc", filters), "sv", 5, 60,
                                      0.10).set_index("BVC")["Utan skattningar"]
        cells = quality.completeness_by_field(completeness, "sv", 5)
        heat = cells[cells.field == "ratings"].set_index("unit")
        for unit, shown in table.items():
            if unit not in heat.index:
                continue
            if heat.loc[unit, "hidden"]:
                assert shown == "–", unit
            else:
                assert shown == heat.loc[unit, "value_text"], unit


def test_the_due_list_says_dash_for_a_family_never_visited():
    """Streamlit wrote "None" for a missing last visit (user test); dates as ISO text sort
    as the dates do."""
    from dashboard.tables import due_table

    due = pd.DataFrame({
        "family_id": ["F1", "F2"], "bvc_name": ["BVC Ett"] * 2, "next_visit_number": [1, 2],
        "label": ["1-2 weeks", "2 months"],
        "window_opens": pd.to_datetime(["2024-05-01", "2024-06-01"]),
        "window_closes": pd.to_datetime(["2024-05-20", "2024-07-01"]),
        "status": ["overdue", "due"], "days_overdue": [10, 0],
        "last_visit_date": [pd.NaT, pd.Timestamp("2024-04-02")]})
    table = due_table(due, "sv")
    assert table["Senaste besök"].tolist() == ["–", "2024-04-02"]
