"""Every page in the real app in Chromium: it opens without an exception box at both
screen sizes, a menu click keeps the filters, a chart's CSV downloads with its figures."""
from __future__ import annotations

import pytest

from playwright.sync_api import expect

from dashboard.app_pages import PAGES
from dashboard.i18n import t
from e2e.browser import screenshot, wait_until_idle


def route(page_spec) -> str:
    return "/" if page_spec is PAGES[0] else f"/{page_spec.url_path}"


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_every_page_opens(open_page, size):
    width, height = size
    for spec in PAGES:
        page = open_page(route(spec) + "?period=all", width=width, height=height)
        assert page.locator("[data-testid='stException']").count() == 0, spec.key
        # the presentation's heading is its first slide's; this server grants row-level
        # and researcher access but has no administrators (that needs an access file)
        heading = {"presentation": t("slide_volume"),
                   "audit_page": t("no_access_title")}.get(spec.key, t(spec.key))
        assert page.locator("h1").first.inner_text() == heading, spec.key
        screenshot(page, f"{spec.url_path}-{width}x{height}")


def test_menu_click_keeps_the_filters(open_page):
    page = open_page("/?period=all&district=Norr")
    page.locator("[data-testid='stSidebarNavLink']").filter(has_text="Besök").first.click()
    wait_until_idle(page)
    expect(page.locator("h1").first).to_have_text("Besök")
    assert "/besok" in page.url and "district=Norr" in page.url and "period=all" in page.url
    assert page.locator("h1").first.inner_text() == "Besök"
    assert "Norr" in page.get_by_text("Urval:").first.inner_text()


def test_chart_data_downloads_as_csv(open_page, small_db):
    page = open_page("/besok?period=all&interval=year")
    buttons = page.locator("[data-testid='stMain'] [data-testid='stDownloadButton']")
    expect(buttons).to_have_count(3)  # per district, BVC against district, per BVC
    with page.expect_download() as download:
        buttons.first.locator("button").click()
    assert download.value.suggested_filename == "besok_per_stadsdel.csv"
    text = open(download.value.path(), "rb").read().decode("utf-8-sig")
    header, *rows = text.strip().splitlines()
    assert header == "Period;Stadsdel/kommun;Besök"
    # each district's year as the grid decided (threshold 5): Norr 1, 8, 3, Söder 2
    from dashboard.privacy.read import period_parts, unit_parts
    grid, units = small_db.grid, small_db.query("units")
    cells = small_db.cells(["visits"], unit_parts(units, set(units.bvc_id), "district"),
                           period_parts(grid, grid.first, grid.last, "year"))
    text = {(r.unit_group, r.period_group.year):
            "<5" if r.value < 5 else "–" if r.hidden else str(r.value)
            for r in cells.itertuples()}
    y2024 = "2024 (del av perioden)"
    assert rows == [f"2022;Norr;{text['Norr', 2022]}", f"2023;Norr;{text['Norr', 2023]}",
                    f"{y2024};Norr;{text['Norr', 2024]}", f"{y2024};Söder;{text['Söder', 2024]}"]
    assert rows[0] == "2022;Norr;<5"


def test_report_from_the_sidebar_and_the_presentation(open_page, tmp_path):
    import subprocess
    page = open_page("/hanvisningar?period=all&district=Norr")
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Skapa rapport (PDF)").click()
    assert download.value.suggested_filename == "hembesok_rapport_2024-06-30.pdf"
    pdf = tmp_path / "rapport.pdf"
    download.value.save_as(pdf)
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], check=True,
                                   capture_output=True, text=True).stdout.split())
    assert "Rapport: utökade hembesök" in text and "Stadsdel/kommun Norr" in text
    # the same selection on a projector: no sidebar, the filters as a line of text
    show = open_page("/presentation?period=all&district=Norr", width=1920, height=1080)
    assert show.locator("[data-testid='stSidebar']").is_hidden()
    expect(show.get_by_text("Urval: Hela perioden · Norr", exact=False)).to_be_visible()
    show.keyboard.press("PageDown")
    wait_until_idle(show)
    expect(show.locator("h1").first).to_have_text("Besöken: plats, team och tid")
    screenshot(show, "presentation-1920x1080")


def test_how_it_is_calculated_opens_with_the_definition_and_its_sql(open_page):
    """The definitions and their SQL are written when "Hur beräknas detta?" is opened (the
    browser no longer highlights every page's SQL while drawing it, folded away)."""
    page = open_page("/besok?period=all")
    main = page.locator("[data-testid='stMain']")
    assert main.locator("[data-testid='stCode']").count() == 0
    main.get_by_text(t("definitions"), exact=True).first.click()
    wait_until_idle(page)
    code = main.locator("[data-testid='stCode']").first
    expect(code).to_contain_text("SELECT")
    expect(main.get_by_text(t("sql_of", name="queries/grid_cells.sql"),
                            exact=False).first).to_be_visible()
