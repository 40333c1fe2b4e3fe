"""Who sees what in the real app behind a sign-in proxy: the proxy's headers name the
reader, the access file gives the role; a coordinator sees only their units' families,
also when they edit the URL; steering sees no row-level view; strangers see nothing."""
from __future__ import annotations

import json
from urllib.parse import quote

from playwright.sync_api import expect

from e2e.browser import screenshot

ANNA = {"X-Remote-User": "anna@region.se"}  # coordinator for Norr (B1, B2)


def menu(page) -> str:
    return " ".join(page.locator("[data-testid='stSidebarNavLink']").all_inner_texts())


def test_a_coordinator_sees_only_their_units_families(open_as):
    page = open_as("/besoksprogression?view=due&period=all", ANNA)
    expect(page.get_by_text("Inloggad: anna@region.se (samordnare)")).to_be_visible()
    expect(page.get_by_role("heading", name="Familjer att besöka")).to_be_visible()
    table = page.locator("[data-testid='stMain'] [data-testid='stDataFrame']").first
    expect(table).to_be_visible()
    assert "Söder" not in table.inner_text()
    assert "Utforska" not in menu(page)
    screenshot(page, "access-coordinator-due")
    # another district's BVC in the URL: the filter applies, the scope does not widen
    tampered = open_as("/besoksprogression?view=due&period=all&bvc=B3", ANNA)
    expect(tampered.get_by_text("Inga familjer", exact=False).first).to_be_visible()
    assert tampered.locator("[data-testid='stMain'] [data-testid='stDataFrame']").count() == 0


def test_steering_sees_aggregates_and_no_rows(open_as):
    page = open_as("/besoksprogression?view=due&period=all",
                   {"X-Remote-User": "sara@region.se", "X-Remote-Groups": "alla, styrgrupp"})
    expect(page.get_by_text("Inloggad: sara@region.se (styrgrupp)")).to_be_visible()
    expect(page.get_by_role("heading", name="Familjer att besöka")).to_have_count(0)
    assert "Utforska" not in menu(page)


def test_a_researcher_has_the_explorer(open_as):
    page = open_as("/", {"X-Remote-User": "rita@uni.se"})
    expect(page.locator("[data-testid='stSidebarNavLink']").filter(has_text="Utforska")
           ).to_be_visible()


def test_a_coordinators_explorer_cannot_read_outside_the_scope(open_as):
    sql = "SELECT bvc_id, count(*) AS visits FROM visits GROUP BY ALL ORDER BY 1"
    page = open_as("/utforska?sql=" + quote(sql), {"X-Remote-User": "rolf@region.se"})
    expect(page.get_by_text("de enheter du har behörighet till: BVC Tre", exact=False)
           ).to_be_visible()
    expect(page.get_by_text("1 rad", exact=False).first).to_be_visible()
    table = page.locator("[data-testid='stMain'] [data-testid='stDataFrame']").last
    expect(table).to_contain_text("B3")
    assert "B1" not in table.inner_text() and "B2" not in table.inner_text()


def test_strangers_and_the_unsigned_see_nothing(open_as):
    stranger = open_as("/", {"X-Remote-User": "eve@example.com"})
    expect(stranger.locator("h1").first).to_have_text("Ingen behörighet ännu")
    expect(stranger.get_by_text("FCA-samordnaren", exact=False)).to_be_visible()
    assert stranger.locator("[data-testid='stMetric']").count() == 0
    nobody = open_as("/", {})
    expect(nobody.get_by_text("Du är inte inloggad", exact=False)).to_be_visible()


def test_the_audit_log_shows_who_looked_at_which_families(open_as, audit_log):
    page = open_as("/besoksprogression?view=due&period=all&district=Norr", ANNA)
    expect(page.get_by_role("heading", name="Familjer att besöka")).to_be_visible()
    buttons = page.locator("[data-testid='stMain'] [data-testid='stDownloadButton'] button")
    expect(buttons).to_have_count(2)  # the families due, then those missed: wait for both
    with page.expect_download() as download:
        buttons.first.click()
    assert download.value.suggested_filename == "familjer_att_besoka.csv"
    lines = [json.loads(line) for line in audit_log.read_text(encoding="utf-8").splitlines()]
    mine = [(e["action"], e["what"], e["filters"].get("districts")) for e in lines
            if e["user"] == "anna@region.se"]
    assert ("view", "due_list", ["Norr"]) in mine
    assert ("download", "familjer_att_besoka.csv", ["Norr"]) in mine
    shown = next(e for e in lines if e["user"] == "anna@region.se"
                 and e["what"] == "familjer_att_besoka.csv")
    assert shown["families"] == ["F3", "F7"]  # the due families of Norr, no one else's
    # an administrator reads it in the app; a coordinator cannot
    admin = open_as("/granskningslogg", {"X-Remote-User": "adam@region.se"})
    expect(admin.locator("h1").first).to_have_text("Granskningslogg")
    log = admin.locator("[data-testid='stMain'] [data-testid='stDataFrame']").last
    expect(log).to_contain_text("anna@region.se")
    expect(log).to_contain_text("familjer_att_besoka.csv")
    screenshot(admin, "access-audit-log")
    denied = open_as("/granskningslogg", ANNA)
    expect(denied.locator("h1").first).to_have_text("Ingen behörighet")
