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
        assert page.locator("h1").first.inner_text() == t(spec.key), spec.key
        screenshot(page, f"{spec.url_path}-{width}x{height}")


def test_menu_click_keeps_the_filters(open_page):
    page = open_page("/?period=all&district=Norr")
    page.locator("[data-testid='stSidebarNavLink']").filter(has_text="Besök").first.click()
    wait_until_idle(page)
    expect(page.locator("h1").first).to_have_text("Besök")
    assert "/besok" in page.url and "district=Norr" in page.url and "period=all" in page.url
    assert page.locator("h1").first.inner_text() == "Besök"
    assert "Norr" in page.get_by_text("Urval:").first.inner_text()


def test_chart_data_downloads_as_csv(open_page):
    page = open_page("/besok?period=all&interval=year")
    buttons = page.locator("[data-testid='stDownloadButton']")
    expect(buttons).to_have_count(3)  # per district, BVC against district, per BVC
    with page.expect_download() as download:
        buttons.first.locator("button").click()
    assert download.value.suggested_filename == "besok_per_stadsdel.csv"
    text = open(download.value.path(), "rb").read().decode("utf-8-sig")
    header, *rows = text.strip().splitlines()
    assert header == "Period;Stadsdel/kommun;Besök"
    assert rows == ["2022;Norr;<5", "2023;Norr;8", "2024 (del av perioden);Norr;<5",
                    "2024 (del av perioden);Söder;<5"]
