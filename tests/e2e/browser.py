"""Helpers for browser tests: waiting for Streamlit to finish a run, saving screenshots
(git-ignored, for people to look at)."""
from __future__ import annotations

from pathlib import Path

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"


IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def wait_until_idle(page) -> None:
    """Until the script has run and stopped. The app reports "not running" before its
    first run too, so a page must also show its title; a rerun after a click may start a
    moment late, so the running state is given a moment to appear."""
    try:
        page.wait_for_selector("[data-testid='stApp'][data-test-script-state='running']",
                               timeout=1_500)
    except Exception:  # noqa: BLE001 - the run may have finished already: that is fine
        pass
    page.wait_for_selector("[data-testid='stMain'] h1", timeout=30_000)
    page.wait_for_selector(IDLE, timeout=30_000)
    page.wait_for_timeout(300)
    page.wait_for_selector(IDLE, timeout=30_000)


def screenshot(page, name: str) -> Path:
    """The whole page: Streamlit scrolls inside its main section, so the viewport is made
    as tall as that section's content for the picture, then put back."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    size = page.viewport_size
    height = page.evaluate("Math.max(...[...document.querySelectorAll("
                           "'[data-testid=stMain], [data-testid=stSidebarContent]')]"
                           ".map(e => e.scrollHeight))")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], height)})
    page.wait_for_timeout(400)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)
    return path
