"""A new export published while a reader has the app open (data contract, section 1): a
half-written one is never shown, a published one replaces the old one on a later load
without a restart or an error, and a broken one leaves the old one with its reason."""
from __future__ import annotations

import copy

from playwright.sync_api import expect

import fixture_small
from e2e.browser import screenshot, wait_until_idle
from e2e.conftest import _opener, _settings, _start
from exports import write_export

CAPTION = "[data-testid='stCaptionContainer']"


def test_a_new_export_replaces_the_old_one_while_connected(browser, tmp_path):
    root = tmp_path / "exports"
    write_export(root / "2024-06-30", fixture_small.tables(), extracted_at="2024-06-30")
    for url in _start(root, _settings(tmp_path)):
        for open_page in _opener(browser, url):
            page = open_page("/?period=all")
            expect(page.locator(CAPTION).first).to_contain_text("14 besök · mapp 2024-06-30")

            # tables written, manifest not yet: the reader goes on with the old export
            newer = copy.deepcopy(fixture_small.tables())
            newer["visits"] = newer["visits"] + [dict(newer["visits"][0], visit_id="V99",
                                                      visit_date="2024-07-02")]
            write_export(root / "2024-07-31", newer, extracted_at=None)
            page.reload()
            wait_until_idle(page)
            expect(page.locator(CAPTION).first).to_contain_text("14 besök · mapp 2024-06-30")

            # the manifest, written last, publishes it: a later load shows the new export
            write_export(root / "2024-07-31", newer, extracted_at="2024-07-31")
            for _ in range(20):
                page.reload()
                wait_until_idle(page)
                if "mapp 2024-07-31" in page.locator(CAPTION).first.inner_text():
                    break
            expect(page.locator(CAPTION).first).to_contain_text("15 besök · mapp 2024-07-31")
            assert page.locator("[data-testid='stException']").count() == 0

            # an incomplete copy: refused, the reader keeps the last good export and is told
            write_export(root / "2024-08-31", newer, extracted_at="2024-08-31",
                         rows={"visits": 999})
            for _ in range(20):
                page.reload()
                wait_until_idle(page)
                if page.get_by_text("kunde inte läsas in").count():
                    break
            expect(page.get_by_text("En nyare export kunde inte läsas in")).to_be_visible()
            expect(page.get_by_text("999")).to_be_visible()
            expect(page.locator(CAPTION).first).to_contain_text("15 besök · mapp 2024-07-31")
            screenshot(page, "refresh-refused")
