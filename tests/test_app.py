"""The Streamlit app rendered headless (AppTest) over the fixture export: numbers shown,
suppression, language, URL round trip and a broken export."""
from __future__ import annotations

import copy

import pytest
from streamlit.testing.v1 import AppTest

import fixture_small
from conftest import ROOT
from exports import write_export

APP = str(ROOT / "dashboard" / "app.py")


@pytest.fixture
def app(small_export, monkeypatch, tmp_path):
    """The app over the fixture: the shipped settings (threshold 5), or `threshold` 1 for
    tests that read exact numbers (a fourteen-visit export at 5 hides nearly all)."""
    monkeypatch.setenv("HEMBESOK_DATA", str(small_export))

    def run(threshold: int = 5, **params) -> AppTest:
        if threshold != 5:
            settings = tmp_path / f"settings-{threshold}.toml"
            settings.write_text(f"[suppression]\nthreshold = {threshold}\n[targets]\n"
                                "home_share = 0.9\n", encoding="utf-8")
            monkeypatch.setenv("HEMBESOK_SETTINGS", str(settings))
        else:
            monkeypatch.delenv("HEMBESOK_SETTINGS", raising=False)
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at
    return run


def metric_values(at) -> list[str]:
    return [m.value for m in at.metric]


def test_overview_shows_the_fixture_numbers(app):
    at = app(threshold=1, period="all")
    assert at.title[0].value == "Översikt"
    values = metric_values(at)
    # visits, families, home 11/13, both 9/12, team 10/13, within 10/13, mother 13/13,
    # other parent 8/10, referral 10/14, open forum 8/12, extra support 4/14
    assert values[:11] == ["14", "5", "85\u00a0%", "75\u00a0%", "77\u00a0%", "77\u00a0%",
                           "100\u00a0%", "80\u00a0%", "71\u00a0%", "67\u00a0%", "29\u00a0%"]
    captions = [c.value for c in at.caption]
    assert "n = 11 av N = 13 · saknas 1" in captions  # one missing location
    assert "Mål 90\u00a0%: ✗ under målet" in captions  # home 85 % against 90 %


def test_overviews_tiles_show_what_the_grid_decided(app, small_db):
    """At threshold 5 the tiles of the whole export are the grid's cells of all units:
    each count shown, "<5" or "–" as privacy_cells has it (the fixture hides most)."""
    at = app(period="all")
    cells = small_db.con.execute(
        "SELECT measure, value, hidden FROM privacy_cells WHERE level = 'all' "
        "AND kind = 'all_time'").df().set_index("measure")
    values = metric_values(at)
    for tile, measure in ((0, "visits"), (1, "families_visited")):
        value, hidden = cells.value[measure], cells.hidden[measure]
        assert values[tile] == ("<5" if value < 5 else "–" if hidden else str(value))
    # a share is shown only where both its n and N are
    for tile, indicator in enumerate(["home_share", "both_professions_share"], start=2):
        shown = not (cells.hidden[f"{indicator}:n"] or cells.hidden[f"{indicator}:N"])
        assert (values[tile] != "–") == shown


def test_small_numbers_are_suppressed(app):
    at = app(bvc="B3")  # two visits
    values = metric_values(at)
    assert values[0] == "<5" and values[1] == "<5"
    assert set(values[2:11]) == {"–"}
    ratings = at.dataframe[0].value
    assert set(ratings.iloc[:, 2]) == {"–"}  # means of fewer than five ratings


def test_complementary_cell_is_hidden_where_a_total_is_shown(app):
    at = app(programme="goteborg-6", period="all")  # visits by number 4, 3, 2, 1, 1, 1 (total 12 shown)
    by_number = at.dataframe[1].value
    assert by_number.iloc[:, 3].tolist() == ["<5"] * 6


def test_english_switch(app):
    at = app(threshold=1, lang="en", period="all")
    assert at.title[0].value == "Overview"
    assert metric_values(at)[2] == "85%"
    assert at.subheader[0].value == "The visits"


def test_url_round_trip(app):
    at = app(threshold=1, district="Norr", bvc=["B1", "B2"], period="custom", **{"from": "2023-01-01",
                                                                       "to": "2023-12-31"})
    assert metric_values(at)[0] == "8"  # V01-V04, V07-V10 were in 2023 at B1 and B2
    url = {key: value if isinstance(value, list) else [value]
           for key, value in at.query_params.items()}
    assert url == {"district": ["Norr"], "bvc": ["B1", "B2"], "period": ["custom"],
                   "from": ["2023-01-01"], "to": ["2023-12-31"]}


def test_default_period_is_the_last_twelve_months_against_the_twelve_before(app):
    at = app(threshold=1)  # as of 2024-06-30: 2023-07 – 2024-06 against 2022-07 – 2023-06
    visits = at.metric[0]
    assert visits.value == "8" and visits.delta == "+3"  # V04-V06, V09-V11, V13, V14; 5 before
    families = at.metric[1]
    assert families.value == "3" and families.delta == "+1"  # F1, F3, F5; F1, F2 before
    at = app()  # at 5: 3 families now is small, so no change is shown
    assert at.metric[1].value == "<5" and not at.metric[1].delta
    assert "2023-07-01 – 2024-06-30" in at.caption[1].value.replace("\\", "")


def test_invalid_url_values_are_dropped_not_fatal(app):
    at = app(threshold=1, district="Atlantis", period="forever", bvc="B9")
    assert metric_values(at)[0] == "8"  # the default period
    assert "district" not in at.query_params and "bvc" not in at.query_params


def test_empty_selection_says_so(app):
    at = app(period="custom", **{"from": "2022-07-01", "to": "2022-12-31"})  # no visit
    assert "Inga besök" in at.info[0].value


def test_a_broken_export_shows_the_message_not_a_traceback(tmp_path, monkeypatch):
    folder = write_export(tmp_path / "e", copy.deepcopy(fixture_small.tables()))
    (folder / "visits.parquet").write_text("broken")
    monkeypatch.setenv("HEMBESOK_DATA", str(folder))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert at.error[0].value == "Exporten kan inte visas."
    assert "visits.parquet" in at.text[0].value
