"""A look at every page as a user sees it: starts the real server (on the bundled sample unless
HEMBESOK_DATA says otherwise), opens each page in Debian's Chromium at 1280×800 and 1920×1080
and saves full-page screenshots under tests/e2e/screenshots/tour/ for a person to look at.

    python -m tests.e2e.tour [--query "period=last12&district=Angered"] [--lang en]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from dashboard.app_pages import PAGES  # noqa: E402
from e2e.browser import screenshot, wait_until_idle  # noqa: E402
from dashboard import local_server  # noqa: E402
from dashboard.local_server import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

SIZES = ((1280, 800), (1920, 1080))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--query", default="", help="URL query string for every page")
    parser.add_argument("--lang", default="sv", choices=("sv", "en"))
    parser.add_argument("--pages", nargs="*", help="url paths of the pages (default: all)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    try:
        server, url = local_server.start(dict(os.environ))
    except RuntimeError as error:
        raise SystemExit(str(error)) from None
    query = "&".join(part for part in (args.query, "" if args.lang == "sv" else "lang=en")
                     if part)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for width, height in SIZES:
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()
                for url_path in args.pages or [p.url_path for p in PAGES]:
                    started = time.monotonic()
                    # the default page lives at the root; its own path is not a route
                    route = "" if url_path == PAGES[0].url_path else url_path
                    page.goto(f"{url}/{route}?{query}")
                    wait_until_idle(page)
                    errors = page.locator("[data-testid='stException']").count()
                    path = screenshot(page, f"tour/{url_path}-{args.lang}-{width}x{height}")
                    print(f"{path.relative_to(ROOT)}  {time.monotonic() - started:.1f} s"
                          f"{'  EXCEPTION' if errors else ''}")
                context.close()
            browser.close()
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
