"""The real Streamlit server on a fixture export, and Debian's Chromium driven by Playwright.
A missing browser fails these tests; it never skips them."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from dashboard import local_server
from dashboard.local_server import CHROMIUM, CHROMIUM_ARGS
from dashboard.settings import DEFAULT_FILE as SHIPPED_SETTINGS
from e2e.browser import wait_until_idle


def _start(export: Path, settings: Path, **extra_env: str):
    """The real server on `export` with `settings`; yields its address, then stops it."""
    env = {**os.environ, "HEMBESOK_DATA": str(export), "HEMBESOK_SETTINGS": str(settings),
           **extra_env}
    try:
        process, url = local_server.start(env, keep_output=True)
    except RuntimeError as error:
        pytest.fail(str(error))
    yield url
    process.terminate()
    process.wait(timeout=10)


def _settings(folder: Path, **access: bool) -> Path:
    """The shipped settings with the given access grants."""
    text = SHIPPED_SETTINGS.read_text(encoding="utf-8")
    for name, granted in access.items():
        assert f"{name} = false" in text, name
        text = text.replace(f"{name} = false", f"{name} = {str(granted).lower()}")
    path = folder / "hembesok.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def server(small_export, tmp_path_factory):
    """A researcher's server: the shipped settings with row-level and researcher access."""
    settings = _settings(tmp_path_factory.mktemp("granted"), row_level=True, researcher=True)
    yield from _start(small_export, settings)


@pytest.fixture(scope="session")
def plain_server(small_export, tmp_path_factory):
    """A server as shipped for a real export: no row-level or researcher access."""
    yield from _start(small_export, _settings(tmp_path_factory.mktemp("plain")))


ACCESS = """
[identity]
source = "headers"
contact = "FCA-samordnaren"

[users."anna@region.se"]
role = "coordinator"
districts = ["Norr"]

[users."rita@uni.se"]
role = "researcher"

[users."adam@region.se"]
role = "admin"

[users."rolf@region.se"]
role = "coordinator"
bvcs = ["B3"]
explorer = true

[groups.styrgrupp]
role = "steering"
"""


@pytest.fixture(scope="session")
def proxy_server(small_export, tmp_path_factory):
    """A server behind a (simulated) sign-in proxy: identity from request headers, roles
    from an access file."""
    folder = tmp_path_factory.mktemp("proxy")
    (folder / "access.toml").write_text(ACCESS, encoding="utf-8")
    yield from _start(small_export, _settings(folder), HEMBESOK_ACCESS=str(folder / "access.toml"),
                      STREAMLIT_SERVER_TRUSTED_USER_HEADERS='{"X-Remote-User": "email", '
                                                           '"X-Remote-Groups": "groups"}')


@pytest.fixture
def open_as(browser, proxy_server):
    """Open a page as the proxy would send it: with the signed-in user's headers."""
    for open_ in _opener(browser, proxy_server):
        yield lambda path, headers: open_(path, headers=headers)


@pytest.fixture(scope="session")
def browser():
    # two cores running the server, Chromium and the tests: give expectations room
    expect.set_options(timeout=15_000)
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: install Debian's chromium "
                    "(apt-get install chromium); browser tests must run, not skip")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _opener(browser, server):
    """Opens pages in fresh browser contexts (with the request headers given) and closes
    them after the test."""
    pages = []

    def open_(path: str = "/", width: int = 1280, height: int = 800, headers=None):
        context = browser.new_context(viewport={"width": width, "height": height},
                                      accept_downloads=True, extra_http_headers=headers or {})
        page = context.new_page()
        page.goto(server + path)
        wait_until_idle(page)
        pages.append(context)
        return page
    yield open_
    for context in pages:
        context.close()


@pytest.fixture
def open_page(browser, server):
    yield from _opener(browser, server)


@pytest.fixture
def open_plain_page(browser, plain_server):
    yield from _opener(browser, plain_server)
