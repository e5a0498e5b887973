"""Fixtures for the browser tests: one Chromium per session, a fresh context per test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page
from pytest_django import DjangoDbBlocker
from pytest_django.live_server_helper import LiveServer

from litfass.core.tests.browser import Site, Snapshot, Watch, restore, snapshot_demo


@pytest.fixture
def open_page(browser: Browser, live_server: LiveServer) -> Iterator[Callable[..., Page]]:
    """``open_page(**context_options)``: a page in a fresh context (no cookies) on the server.

    Relative URLs in ``goto`` resolve against the live server. Contexts close after the test.
    """
    contexts: list[BrowserContext] = []

    def make(**options: Any) -> Page:
        context = browser.new_context(base_url=live_server.url, locale="de-DE", **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_page: Callable[..., Page]) -> Page:
    """A desktop-sized page with JavaScript, German browser language."""
    return open_page(viewport={"width": 1280, "height": 900})


@pytest.fixture
def watch(page: Page, live_server: LiveServer) -> Watch:
    """Requests, console errors and uncaught exceptions of ``page`` from now on."""
    recorder = Watch(origin=live_server.url)
    recorder.attach(page)
    return recorder


@pytest.fixture(scope="session")
def demo_snapshot(
    django_db_setup: None,
    django_db_blocker: DjangoDbBlocker,
    tmp_path_factory: pytest.TempPathFactory,
) -> Snapshot:
    """The demo content, loaded once per session (see ``snapshot_demo``)."""
    with django_db_blocker.unblock():
        return snapshot_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def site(demo_snapshot: Snapshot, live_server: LiveServer, media_root: Path) -> Site:
    """The demo content in the live server's database and media folder, for this test only."""
    return restore(demo_snapshot, media_root)
