"""A person using the real app in Chromium: open, filter, share a link, download."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from e2e.browser import screenshot, wait_until_idle


def metrics(page) -> list[str]:
    return page.locator("[data-testid='stMetricValue']").all_inner_texts()


def assert_no_exception(page):
    assert page.locator("[data-testid='stException']").count() == 0


def _tiles(small_db, **filters):
    """Översikt's tiles as the server computes them (shipped settings: threshold 5)."""
    from dashboard import figures
    from dashboard.context import Context
    from dashboard.filters import Filters
    from dashboard.settings import load_settings
    from dashboard.settings import DEFAULT_FILE
    key = figures.key_tiles(Context(small_db, Filters(**filters), "sv",
                                    load_settings(DEFAULT_FILE)))
    return key.visits + key.families


def test_overview_opens_with_the_fixture_numbers(open_page, small_db):
    """The whole export at threshold 5: the tiles as the grid decided (the fixture's
    fourteen visits hide most of them; tests/test_app.py reads their numbers at 1)."""
    page = open_page("/?period=all")
    assert_no_exception(page)
    assert page.locator("h1").first.inner_text() == "Översikt"
    tiles = _tiles(small_db)
    expect(page.locator("[data-testid='stMetricValue']").nth(2)).to_have_text(tiles[2].value)
    assert metrics(page)[:len(tiles)] == [tile.value for tile in tiles]
    screenshot(page, "overview-1280x800")
    big = open_page("/?period=all", width=1920, height=1080)
    screenshot(big, "overview-1920x1080")


def test_filter_then_follow_the_copied_link(open_page):
    page = open_page()
    page.locator("[data-testid='stMultiSelect']").filter(has_text="Stadsdel").click()
    page.get_by_role("option", name="Söder").click()
    page.keyboard.press("Escape")
    wait_until_idle(page)
    # the rerun may start a moment after the click: wait for its result, not for a state
    expect(page.locator("[data-testid='stMetricValue']").first).to_have_text("<5")
    # the address is rewritten by the browser after the run: wait for it as well
    expect(page).to_have_url(re.compile(r"district=(S%C3%B6der|Söder)"))
    values = page.locator("[data-testid='stMetricValue']")
    expect(values.nth(1)).to_have_text("<5")  # two visits, one family (the run may still
    assert metrics(page)[:2] == ["<5", "<5"]  # be drawing: wait for the second one too)
    link = page.url.split("/", 3)[3]
    shared = open_page("/" + link)
    expect(shared.locator("[data-testid='stMetricValue']").first).to_have_text("<5")
    expect(shared.locator("[data-testid='stMetricValue']").nth(1)).to_have_text("<5")
    assert metrics(shared)[:2] == ["<5", "<5"]
    expect(shared.locator("[data-testid='stMultiSelect']").filter(has_text="Stadsdel")
           ).to_contain_text("Söder")
    screenshot(shared, "overview-filtered")
    assert_no_exception(shared)


def test_download_indicator_table_as_excel_csv(open_page, small_db):
    page = open_page("/?period=all")
    buttons = page.locator("[data-testid='stMain'] [data-testid='stDownloadButton']")
    with page.expect_download() as download:
        buttons.last.locator("button").click()
    data = open(download.value.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for Excel
    text = data.decode("utf-8-sig")
    header, *rows = text.strip().splitlines()
    assert header == "Indikator;Värde;n / N;Förändring;Mål"
    from dashboard.tiles import excel_csv, tiles_table
    assert data == excel_csv(tiles_table(_tiles(small_db), "sv"))  # what the page shows
    assert rows[0].startswith("Besök;") and rows[0].endswith(";;")  # nothing to compare


def test_a_chosen_period_survives_a_change_of_language_and_of_page(open_page):
    """The user test: after a change of language the next page showed the last 12 months
    instead of the period chosen (Streamlit saw the relabelled period box as a new
    widget and gave it its first option)."""
    # a link from before periods were whole months: its days' months are the period
    page = open_page("/?period=custom&from=2024-02-10&to=2024-05-20")
    selection = page.locator("[data-testid='stCaptionContainer']").filter(has_text="Urval")
    expect(selection.first).to_contain_text("2024-02-01 – 2024-05-31")
    page.locator("[data-testid='stSidebar'] [data-testid='stButtonGroup'] button",
                 has_text="English").click()
    wait_until_idle(page)
    expect(page.locator("[data-testid='stCaptionContainer']").filter(
        has_text="Selection").first).to_contain_text("2024-02-01 – 2024-05-31")
    page.locator("[data-testid='stSidebarNav'] a", has_text="Visits").first.click()
    wait_until_idle(page)
    expect(page).to_have_url(re.compile(r"besok.*period=custom.*from=2024-02-01"))
    expect(page.locator("[data-testid='stCaptionContainer']").filter(
        has_text="Selection").first).to_contain_text("2024-02-01 – 2024-05-31")
    assert_no_exception(page)


def test_a_pages_time_scale_is_shown_chosen_and_kept_across_pages(open_page):
    """The user test: moving from Besök to Hänvisningar left the time scale showing no
    choice, and a month chosen there was lost back on Besök."""
    def chosen(page):
        buttons = page.locator("[data-testid='stMain'] [data-testid='stButtonGroup']").first
        return [b.inner_text() for b in buttons.locator("button[aria-checked='true']").all()]

    page = open_page("/besok")
    assert chosen(page) == ["Kvartal"]
    page.locator("[data-testid='stSidebarNav'] a", has_text="Hänvisningar").first.click()
    wait_until_idle(page)
    expect(page).to_have_url(re.compile(r"hanvisningar"))
    assert chosen(page) == ["Kvartal"]
    page.locator("[data-testid='stMain'] [data-testid='stButtonGroup'] button",
                 has_text="Månad").first.click()
    wait_until_idle(page)
    expect(page).to_have_url(re.compile(r"interval=month"))
    page.locator("[data-testid='stSidebarNav'] a", has_text="Besök").first.click()
    wait_until_idle(page)
    expect(page).to_have_url(re.compile(r"besok\?.*interval=month"))
    assert chosen(page) == ["Månad"]
    assert_no_exception(page)
