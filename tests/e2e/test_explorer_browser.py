"""The SQL explorer in Chromium: a researcher runs a query, downloads the result as XLSX
and Parquet and shares it by link; without the grant the page is off the menu and a direct
link says why."""
from __future__ import annotations

import io
from urllib.parse import quote

import openpyxl
import pyarrow.parquet as pq
from playwright.sync_api import expect

from e2e.browser import screenshot, wait_until_idle

SQL = "SELECT bvc_id, count(*) AS visits FROM visits GROUP BY ALL ORDER BY bvc_id"


def test_researcher_runs_downloads_and_shares_a_query(open_page):
    page = open_page("/utforska")
    expect(page.locator("h1").first).to_have_text("Utforska data (SQL)")
    editor = page.locator("[data-testid='stTextArea'] textarea")
    editor.fill(SQL)
    page.get_by_role("button", name="Kör frågan").click()
    wait_until_idle(page)
    expect(page.get_by_text("3 rader", exact=False).first).to_be_visible()
    assert "sql=" in page.url
    screenshot(page, "utforska-resultat")
    with page.expect_download() as xlsx:
        page.get_by_role("button", name="Excel (XLSX)").click()
    assert xlsx.value.suggested_filename == "resultat.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(open(xlsx.value.path(), "rb").read())).active
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["bvc_id", "visits"], ["B1", 8], ["B2", 4], ["B3", 2]]
    with page.expect_download() as parquet:
        page.get_by_role("button", name="Parquet").click()
    table = pq.read_table(io.BytesIO(open(parquet.value.path(), "rb").read()))
    assert table.to_pylist() == [{"bvc_id": "B1", "visits": 8}, {"bvc_id": "B2", "visits": 4},
                                 {"bvc_id": "B3", "visits": 2}]
    # the query is still there after a visit to another page
    page.locator("[data-testid='stSidebarNavLink']").filter(has_text="Om data").click()
    wait_until_idle(page)
    page.locator("[data-testid='stSidebarNavLink']").filter(has_text="Utforska").click()
    wait_until_idle(page)
    expect(page.locator("[data-testid='stTextArea'] textarea")).to_have_value(SQL)
    expect(page.get_by_text("3 rader", exact=False).first).to_be_visible()
    assert "sql=" in page.url
    # a colleague opening the link sees the same query and result
    other = open_page("/utforska?sql=" + quote(SQL))
    assert other.locator("[data-testid='stTextArea'] textarea").input_value() == SQL
    expect(other.get_by_text("3 rader", exact=False).first).to_be_visible()


def test_a_write_is_refused_with_a_message(open_page):
    page = open_page("/utforska?sql=" + quote("COPY visits TO '/tmp/x.csv'"))
    expect(page.get_by_text("Bara SELECT-frågor körs här", exact=False)).to_be_visible()
    assert page.locator("[data-testid='stException']").count() == 0


def test_without_the_grant_the_explorer_is_off_the_menu(open_plain_page):
    page = open_plain_page("/")
    links = page.locator("[data-testid='stSidebarNavLink']")
    expect(links.first).to_be_visible()
    assert "Utforska" not in " ".join(links.all_inner_texts())
    direct = open_plain_page("/utforska?sql=" + quote("SELECT * FROM visits"))
    expect(direct.locator("h1").first).to_have_text("Ingen behörighet")
    expect(direct.get_by_text("researcher = true", exact=False)).to_be_visible()
    assert direct.locator("[data-testid='stDataFrame']").count() == 0
