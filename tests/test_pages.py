"""Every page rendered headless (AppTest) over the fixture: default and filtered, the
numbers shown, suppression, English and the page's own choices in the URL. Most tests use
a settings file with threshold 1 so that exact numbers can be read; suppression is checked
with the default threshold of 5."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT
from dashboard.app_pages import PAGES

APP = str(ROOT / "dashboard" / "app.py")


def open_app(page: str, **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("../" + page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


@pytest.fixture
def exact(small_export, tmp_path, monkeypatch):
    """Pages with nothing hidden (threshold 1) and row-level access."""
    settings = tmp_path / "settings.toml"
    settings.write_text("[suppression]\nthreshold = 1\n[targets]\n"
                        "both_professions_share = 0.9\noffered_share = 0.9\n"
                        "[access]\nrow_level = true\nresearcher = true\n", encoding="utf-8")
    monkeypatch.setenv("HEMBESOK_DATA", str(small_export))
    monkeypatch.setenv("HEMBESOK_SETTINGS", str(settings))
    return open_app


@pytest.fixture
def suppressed(small_export, monkeypatch):
    """Pages with the shipped settings: threshold 5, no row-level access (a real export)."""
    monkeypatch.setenv("HEMBESOK_DATA", str(small_export))
    monkeypatch.delenv("HEMBESOK_SETTINGS", raising=False)
    return open_app


def table(at, index: int) -> list[list]:
    return at.dataframe[index].value.astype(object).values.tolist()


@pytest.mark.parametrize("page", [p.file for p in PAGES if p.needs is None])
@pytest.mark.parametrize("params", [{}, {"period": "all", "district": "Norr"},
                                    {"period": "all", "bvc": "B3", "lang": "en"}])
def test_every_page_renders_default_and_filtered(suppressed, page, params):
    at = suppressed(page, **params)
    assert at.title[0].value


def test_visits_per_district_and_bvc_by_year(exact):
    at = exact("pages/visits.py", period="all", interval="year")
    y2024 = "2024 (del av perioden)"  # the export ends on 2024-06-30
    assert table(at, 0) == [["2022", "Norr", "1"], ["2023", "Norr", "8"], [y2024, "Norr", "3"],
                            [y2024, "Söder", "2"]]
    assert table(at, 2) == [  # period, district, BVC, visits, families
        ["2022", "Norr", "BVC Två", "1", "1"], ["2023", "Norr", "BVC Ett", "6", "2"],
        ["2023", "Norr", "BVC Två", "2", "1"], [y2024, "Norr", "BVC Ett", "2", "1"],
        [y2024, "Norr", "BVC Två", "1", "1"], [y2024, "Söder", "BVC Tre", "2", "1"]]
    assert at.query_params["interval"] == "year"  # the page's own choice is in the link


def test_bvc_against_its_district(exact):
    at = exact("pages/visits.py", period="all", interval="year")
    comparison = table(at, 1)  # BVC Ett (first in Norr): own visits, Norr mean, all mean
    assert ["2023", "BVC Ett", "6,0"] in comparison
    assert ["2023", "Genomsnitt per BVC, Norr", "4,0"] in comparison  # (6 + 2) / 2 BVCs
    assert ["2024 (del av perioden)", "Genomsnitt per BVC, alla enheter", "1,7"] \
        in comparison  # 5 visits / 3 BVCs


def test_visits_are_suppressed_as_the_grid_decided(suppressed, small_db):
    """Besök by year at threshold 5 shows each district's and BVC's year as the grid has
    it: small ones "<5", those hidden to protect them "–", the rest their count."""
    from dashboard.privacy.read import period_parts, unit_parts
    at = suppressed("pages/visits.py", period="all", interval="year")
    grid, units = small_db.grid, small_db.query("units")
    years = period_parts(grid, grid.first, grid.last, "year")
    verdict = {}
    for by in ("district", "bvc"):
        rows = small_db.cells(["visits"], unit_parts(units, set(units.bvc_id), by), years)
        verdict |= {(r.unit_group, str(r.period_group.year)):
                    "<5" if r.value < 5 else "–" if r.hidden else str(r.value)
                    for r in rows.itertuples()}
    y2024 = "2024 (del av perioden)"
    districts = table(at, 0)
    assert [row[:2] for row in districts] == [["2022", "Norr"], ["2023", "Norr"],
                                             [y2024, "Norr"], [y2024, "Söder"]]
    assert [row[2] for row in districts] == [verdict[(d, p[:4])] for p, d, _ in districts]
    assert districts[0][2] == "<5" and districts[3][2] == "<5"  # 1 and 2 visits
    names = {"BVC Ett": "B1", "BVC Två": "B2", "BVC Tre": "B3"}
    for period, _, name, visits, _ in table(at, 2):
        assert visits == verdict[(names[name], period[:4])]
    # 2023 in Norr: BVC Två's 2 is small, so BVC Ett's 6 cannot be shown beside Norr's
    assert verdict[("B2", "2023")] == "<5" and verdict[("B1", "2023")] == "–"


def test_progression_numbers(exact):
    at = exact("pages/progression.py", period="all")
    by_number = table(at, 0)
    assert [row[2] for row in by_number[:6]] == ["4", "3", "2", "1", "1", "1"]
    assert by_number[0][:2] == ["Göteborg/Rinkeby, 6 besök", "1 · Nyfödd"]
    retention = table(at, 1)  # goteborg-6 per cohort (year)
    assert ["Göteborg/Rinkeby, 6 besök", "2023", "3 · 4 månader", "100\u00a0%", "2 / 2"] \
        in retention
    assert ["Göteborg/Rinkeby, 6 besök", "2022", "2 · 2 månader", "0\u00a0%", "0 / 1"] \
        in retention
    on_time = table(at, 3)
    # newborn visits: V01, V09, V12 within 14 days of coming home; V07 19 days after birth
    assert on_time[0] == ["Göteborg/Rinkeby, 6 besök", "1 · Nyfödd", "75\u00a0%", "3 / 4"]


def test_due_list_for_a_coordinator(exact):
    at = exact("pages/progression.py", view="due")
    # as of 2024-06-30, whatever the period: F1 finished, F2 left, F6 declined; F3 (visit 4
    # closes 2024-07-02), F5 (visit 3 closes 2024-07-29) and F7 (newborn, born 2024-06-20)
    # are due; F8 (born 2024-07-10) is upcoming; F4's visit 2 closed in 2022: missed
    assert [m.value for m in at.metric] == ["0", "3", "1", "1"]  # overdue, due, upc., missed
    due = table(at, 0)
    assert [(row[0], row[1], row[2], row[5]) for row in due] == [
        ("F3", "BVC Två", "4 · 8 månader", "Aktuellt"),
        ("F7", "BVC Ett", "1 · Nyfödd", "Aktuellt"),
        ("F5", "BVC Tre", "3 · 4 månader", "Aktuellt")]
    assert str(due[0][4]) == "2024-07-02"
    missed = table(at, 1)
    assert [(row[0], row[5], row[6]) for row in missed] == [("F4", "Missat", 670)]


def test_due_list_needs_row_level_access(suppressed):
    at = suppressed("pages/progression.py", view="due")
    assert "view_due" not in str(at.query_params)
    assert any("behörighet" in c.value for c in at.caption)
    assert at.subheader[0].value == "Besök per besöksnummer"  # the progress view instead


def test_professions_per_bvc_with_target(exact):
    at = exact("pages/professions.py", period="all")
    units = table(at, 0)
    assert units == [["Norr", "BVC Ett", "71\u00a0%", "5 / 7", "✗ under målet"],
                     ["Norr", "BVC Två", "75\u00a0%", "3 / 4", "✗ under målet"],
                     ["Söder", "BVC Tre", "100\u00a0%", "1 / 1", "✓ mål uppnått"]]


def test_referral_destinations(exact):
    at = exact("pages/referrals.py", period="all")
    destinations = {row[1]: row[2] for row in table(at, 0)}
    assert destinations["Öppen förskola"] == "3" and destinations["Bibliotek"] == "3"
    assert destinations["Spädbarnsverksamhet"] == "1"
    by_district = table(at, 2)
    assert ["Öppna forum", "Bibliotek", "2", "1"] in by_district


def test_satisfaction_means_by_role(exact):
    at = exact("pages/satisfaction.py", period="all")
    ratings = at.dataframe[0].value
    model = ratings[ratings.iloc[:, 0] == "Arbeta enligt modellen, helhet"].iloc[0].tolist()
    # pooled 6, 5, 7; nurse 6, 7; parent supporter 5
    assert model[2:] == ["6,0", "3", "6,5", "2", "5,0", "1"]


def test_reach_per_district_and_cohort(exact):
    at = exact("pages/reach.py")
    funnel = {row[0]: row[1:] for row in table(at, 0)}
    # F7 not offered; F8, born 2024-07-10, after the export's last whole month (June 2024),
    # is counted from the export that completes July
    assert funnel["Erbjudna"] == ["86\u00a0%", "6 / 7"]
    assert funnel["Tackat ja"] == ["80\u00a0%", "4 / 5"]  # F4's answer unknown, F6 declined
    assert funnel["Fullföljt programmet"] == ["50\u00a0%", "1 / 2"]  # F1 of F1, F4


def test_about_the_data(exact):
    at = exact("pages/about_data.py")
    rows = {row[0]: row[1:] for row in table(at, 1)}
    assert rows["visits"] == ["14", "14", "0"]
    facts = {row[0]: row[1] for row in table(at, 0)}
    assert facts["Besöksdatum"] == "2022-06-10 – 2024-04-01"
    definitions, columns, codes = (frame.value for frame in at.dataframe[-3:])
    assert "both_professions_share" in set(definitions.id)
    duration = columns[columns.Kolumn == "duration_minutes"].iloc[0]
    assert (duration.Tabell, duration.Regel) == ("visits", "1 … 600")
    assert codes.set_index("Kod").loc["open_preschool", "Svenska"] == "Öppen förskola"
    assert [b.label for b in at.get("download_button") if "datakatalog" in b.label] == [
        "Ladda ner datakatalogen (Markdown)", "Ladda ner datakatalogen (CSV)"]


def test_english_pages(exact):
    at = exact("pages/professions.py", period="all", lang="en")
    assert at.title[0].value == "Professions and parents"
    assert table(at, 0)[0][2:4] == ["71%", "5 / 7"]


def test_filters_survive_switching_pages(suppressed):
    at = suppressed("pages/overview.py", district="Norr", period="all")
    at.switch_page("../pages/reach.py").run()
    assert at.query_params["district"] == "Norr" and at.query_params["period"] == "all"
    assert "Norr" in at.caption[1].value


def test_explorer_is_not_served_without_the_researcher_grant(suppressed):
    at = suppressed("pages/overview.py")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("../pages/explorer.py")  # only the explanation is registered
    # (the browser test opens /utforska and reads the explanation)


def test_explorer_runs_a_query_and_puts_it_in_the_link(exact):
    at = exact("pages/explorer.py")
    assert at.dataframe  # the first example ran on opening
    sql = "SELECT bvc_id, count(*) AS visits FROM visits GROUP BY ALL ORDER BY bvc_id"
    at.text_area(key="explorer_sql").set_value(sql)
    at.button[0].click()
    at.run()
    assert not at.exception and not at.error
    assert table(at, -1) == [["B1", 8], ["B2", 4], ["B3", 2]]
    assert at.query_params["sql"] == sql
    assert "3 rader" in " ".join(c.value for c in at.caption)


def test_explorer_opens_the_query_of_a_link_and_refuses_writes(exact):
    at = exact("pages/explorer.py", sql="SELECT count(*) AS n FROM families")
    assert at.text_area(key="explorer_sql").value == "SELECT count(*) AS n FROM families"
    assert table(at, -1) == [[8]]  # F1 … F8
    at.text_area(key="explorer_sql").set_value("DELETE FROM visits")
    at.button[0].click()
    at.run()
    assert not at.exception
    assert at.error[0].value.startswith("Bara SELECT-frågor körs här")
    at.text_area(key="explorer_sql").set_value("SELECT count(*) AS n FROM visits")
    at.button[0].click()
    at.run()
    assert table(at, -1) == [[14]]  # nothing was deleted


def test_explorer_names_repeated_columns_apart(exact):
    at = exact("pages/explorer.py", sql="SELECT * FROM visits v JOIN units u "
               "ON u.bvc_id = v.bvc_id ORDER BY visit_id LIMIT 2")
    assert not at.exception and not at.error
    assert "bvc_id_2" in at.dataframe[-1].value.columns
    assert "bvc_id_2" in at.info[0].value


def test_explorer_keeps_the_query_when_the_user_comes_back(exact):
    at = exact("pages/explorer.py")
    sql = "SELECT count(*) AS n FROM referrals"
    at.text_area(key="explorer_sql").set_value(sql)
    at.button[0].click()
    at.run()
    at.switch_page("../pages/about_data.py").run()
    at.switch_page("../pages/explorer.py").run()
    assert at.text_area(key="explorer_sql").value == sql
    assert table(at, -1) == [[12]]
    assert at.query_params["sql"] == sql


def test_presentation_steps_through_the_groups(exact):
    at = exact("pages/presentation.py", period="all", slide="2")
    assert at.title[0].value == "Besöken: plats, team och tid"
    assert [m.value for m in at.metric] == ["85\u00a0%", "75\u00a0%", "77\u00a0%", "77\u00a0%"]
    assert "Urval: Hela perioden" in at.caption[0].value  # the filters as a line of text
    next(b for b in at.button if b.label == "Nästa").click()
    at.run()
    assert at.query_params["slide"] == "3"
    assert at.title[0].value == "Föräldrarna och hänvisningarna"


def _chart_rows(at) -> list:
    """Every chart's data as Streamlit sends it to the browser (its datasets)."""
    import json

    import pyarrow as pa

    def nodes(node):
        yield node
        for child in (getattr(node, "children", None) or {}).values():
            yield from nodes(child)
    out = []
    for node in nodes(at._tree):
        if "vega_lite_chart" not in str(getattr(node, "type", "")):
            continue
        spec = json.loads(node.proto.spec)
        title = spec.get("title", {})
        for dataset in node.proto.datasets:
            frame = pa.ipc.open_stream(dataset.data.data).read_all().to_pandas()
            out.append((title.get("text") if isinstance(title, dict) else title, frame))
    return out


RAW = {"n", "denominator", "missing", "visits", "mean", "hidden", "ratings", "referrals",
       "total", "families", "shown", "offered", "accepted", "started", "completed"}


@pytest.mark.parametrize("page, params", [
    ("pages/visits.py", {"period": "all", "interval": "month"}),
    ("pages/progression.py", {"period": "all"}), ("pages/professions.py", {"period": "all"}),
    ("pages/referrals.py", {"period": "all"}), ("pages/satisfaction.py", {"period": "all"}),
    ("pages/reach.py", {"period": "all"}), ("pages/data_quality.py", {"period": "all"})])
def test_charts_send_the_browser_only_what_they_draw(suppressed, page, params):
    """The audit read hidden counts (Västra Göteborg's 4 visits in a month, a BVC's n = 3 of
    N = 3) in the chart data Streamlit sends to the browser: every chart carried its whole
    frame, raw n, N and means of hidden cells included. Over the fixture (most counts
    small) a chart's data holds no raw count column, and a hidden cell no value."""
    charts = _chart_rows(suppressed(page, **params))
    assert charts
    hidden_cells = 0
    for title, frame in charts:
        assert not RAW & set(frame.columns), (title, sorted(RAW & set(frame.columns)))
        hidden = (frame.value_text.isin(["<5", "–"]) if "value_text" in frame
                  else frame.value.isna() if "value" in frame else [])
        hidden_cells += int(sum(hidden))
        if "value" in frame and "value_text" in frame:
            assert frame.value[hidden].isna().all(), title
    assert hidden_cells


@pytest.mark.parametrize("page, params", [
    ("pages/reach.py", {"cohort": "half_year"}), ("pages/visits.py", {"interval": "month"})])
def test_a_chosen_districts_rows_are_those_of_every_district(monkeypatch, page, params):
    """Over the sample: a district chosen shows its rows as the page of every district
    hides them (the user test read Landskrona's hidden months back with the district
    chosen; Räckvidd showed its 2022 half-years' completion, hidden with every district)."""
    monkeypatch.setenv("HEMBESOK_DATA", str(ROOT / "data" / "sample"))
    monkeypatch.delenv("HEMBESOK_SETTINGS", raising=False)
    every = table(open_app(page, **params), -1)
    chosen = table(open_app(page, district="Landskrona", **params), -1)
    mine = [row for row in every if "Landskrona" in row]
    assert chosen and chosen == mine


def test_a_long_table_shows_its_first_rows_and_says_how_many_there_are(monkeypatch):
    """Streamlit sends every row of a table with the page: at national scale Besök's table
    per BVC and month was 631 KB. On screen a table stops after widgets.TABLE_ROWS rows and
    says so; those rows are the whole table's first (the sample's whole period by month)."""
    from dashboard import widgets
    monkeypatch.setenv("HEMBESOK_DATA", str(ROOT / "data" / "sample"))
    monkeypatch.delenv("HEMBESOK_SETTINGS", raising=False)
    params = {"period": "all", "interval": "month"}
    capped = open_app("pages/visits.py", **params)
    monkeypatch.setattr(widgets, "TABLE_ROWS", 100_000)
    whole = open_app("pages/visits.py", **params)
    notes = [c.value for c in capped.caption if "raderna" in c.value]
    assert len(notes) == len(whole.dataframe) == 3
    for i, note in enumerate(notes):
        rows = table(whole, i)
        assert len(rows) > 200 and table(capped, i) == rows[:200]
        assert note.startswith(f"Visar de 200 första av {len(rows)} raderna.")
    assert not [c for c in whole.caption if "raderna" in c.value]
