"""Fixtures for the composer's browser tests: Chromium, pages on the live server, logged-in pages.

pytest only sees the ``conftest.py`` files on a test's path, so the browser fixtures of
``litfass/core/tests`` are not visible here; these are small equivalents built on the same
helpers (``litfass/core/tests/browser.py``).
"""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from pytest_django.live_server_helper import LiveServer

from litfass.accounts.models import User
from litfass.core.tests.browser import launch


def _running_browser() -> Browser | None:
    """The Chromium of a sync Playwright that already runs in this thread, if any.

    Playwright refuses a second sync instance while one runs ("Sync API inside the asyncio
    loop"). That happens when the session-scoped browser of ``litfass/core/tests`` was started
    before these tests (``pytest litfass/core litfass/content``, or xdist mixing the two):
    then its browser is used instead of starting another.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return None
    return next((o for o in gc.get_objects() if isinstance(o, Browser) and o.is_connected()), None)


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """The system Chromium, headless, shared by the browser tests of this package.

    Package scope: it is closed as soon as the tests of this folder are done, so that the
    session-scoped browser of ``litfass/core/tests`` can start its own Playwright afterwards.
    """
    # Playwright's sync API keeps an event loop around; Django would take every ORM call from
    # the test thread for async code and refuse it.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        running = _running_browser()
        if running is not None:
            yield running
            return
        with sync_playwright() as playwright:
            chromium = launch(playwright)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def open_page(browser: Browser, live_server: LiveServer) -> Iterator[Callable[..., Page]]:
    """``open_page(user=None, **context_options)``: a page in a fresh context on the server.

    With ``user`` the context starts logged in as that user (the session cookie of
    ``Client.force_login``). Relative URLs resolve against the live server; German browser
    language; contexts close after the test.
    """
    contexts: list[BrowserContext] = []

    def make(user: User | None = None, **options: Any) -> Page:
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(base_url=live_server.url, locale="de-DE", **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        if user is not None:
            client = Client()
            client.force_login(user)
            cookie = client.cookies[settings.SESSION_COOKIE_NAME]
            context.add_cookies(
                [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
            )
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
