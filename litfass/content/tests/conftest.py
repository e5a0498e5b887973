"""Fixtures for the composer's browser tests: Chromium, pages on the live server, logged-in pages.

The Chromium itself is the session fixture ``browser`` of the root ``conftest.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Page
from pytest_django.live_server_helper import LiveServer

from litfass.accounts.models import User


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
