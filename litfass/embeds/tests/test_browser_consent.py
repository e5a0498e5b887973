"""What a reader clicks: placeholders load nothing until asked; "always" is remembered.

The page is served by Playwright from our own renderer's markup and our static files under a
strict CSP, so this needs neither a server nor the app wired into the site; every request to
another origin is recorded and aborted.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.template import Context, Engine
from django.utils import translation
from playwright.sync_api import Browser, Page, Route

from litfass.core.tests.browser import axe_violations, violations_report
from litfass.embeds.parser import parse_embed_url
from litfass.embeds.rendering import render_embed

pytestmark = pytest.mark.browser

SITE = "https://litfass.example"
APP = Path(__file__).resolve().parents[1]
STATIC = APP / "static" / "embeds"
YOUTUBE = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0"
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "frame-src https://www.youtube-nocookie.com https://player.vimeo.com"
)


def _page_html() -> str:
    with translation.override("en"):
        embeds = [
            render_embed(parse_embed_url(url))
            for url in (
                "https://youtu.be/dQw4w9WgXcQ",
                "https://www.youtube.com/watch?v=aaaaaaaaaaa",
                "https://vimeo.com/76979871",
            )
        ]
        engine = Engine(
            dirs=[str(APP / "templates")], libraries={"i18n": "django.templatetags.i18n"}
        )
        settings_html = engine.get_template("embeds/consent_settings.html").render(Context())
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Embeds</title>'
        '<link rel="stylesheet" href="/static/embeds/embeds.css">'
        '<script src="/static/embeds/consent.js" defer></script></head>'
        f"<body><main><h1>Embeds</h1>{''.join(embeds)}{settings_html}</main></body></html>"
    )


class Reader:
    def __init__(self, browser: Browser, html: str) -> None:
        self.context = browser.new_context()
        self.page: Page = self.context.new_page()
        self.foreign: list[str] = []
        self.csp_errors: list[str] = []
        self.html = html
        self.context.route("**/*", self._serve)
        self.page.on(
            "console",
            lambda m: (
                self.csp_errors.append(m.text) if "Content Security Policy" in m.text else None
            ),
        )

    def _serve(self, route: Route) -> None:
        url = route.request.url
        if url == f"{SITE}/":
            route.fulfill(
                status=200,
                headers={
                    "Content-Type": "text/html; charset=utf-8",
                    "Content-Security-Policy": POLICY,
                },
                body=self.html,
            )
        elif url.startswith(f"{SITE}/static/embeds/"):
            name = url.rsplit("/", 1)[-1]
            kind = "text/javascript" if name.endswith(".js") else "text/css"
            route.fulfill(status=200, path=STATIC / name, content_type=kind)
        else:
            self.foreign.append(url)
            route.abort()

    def open(self) -> Page:
        self.page.goto(f"{SITE}/")
        self.page.wait_for_load_state("load")
        return self.page

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def reader(browser: Browser) -> Iterator[Reader]:
    person = Reader(browser, _page_html())
    yield person
    person.close()


def test_nothing_loads_from_a_provider_until_the_reader_asks(reader):
    page = reader.open()
    assert page.locator("iframe").count() == 0
    assert reader.foreign == []
    first = page.locator("figure.embed--youtube").nth(0)
    with page.expect_request(lambda request: request.url == YOUTUBE):
        first.get_by_role("button", name="Load content").click()
    frame = first.locator("iframe")
    assert frame.get_attribute("src") == YOUTUBE
    assert frame.get_attribute("title") == "Video from YouTube"
    assert "allow-same-origin" in (frame.get_attribute("sandbox") or "")
    assert page.locator("iframe").count() == 1, "only the clicked embed loads"
    assert reader.foreign == [YOUTUBE]
    assert reader.csp_errors == []
    assert reader.context.cookies() == []


def test_always_load_is_remembered_per_provider_and_can_be_revoked(reader):
    page = reader.open()
    second = page.locator("figure.embed--youtube").nth(1)
    second.get_by_label("Always load content from YouTube").check()
    second.get_by_role("button", name="Load content").click()
    assert page.locator("figure.embed--youtube iframe").count() == 2, "same provider follows"
    assert page.locator("figure.embed--vimeo iframe").count() == 0

    page.reload()
    page.wait_for_load_state("load")
    assert page.locator("figure.embed--youtube iframe").count() == 2
    assert page.locator("figure.embed--vimeo iframe").count() == 0
    assert page.locator(".embed-consents__list li").all_inner_texts() == ["YouTube Revoke"]
    assert reader.context.cookies() == [], "the choice lives in localStorage, not in a cookie"

    page.locator("figure.embed--youtube").nth(0).get_by_role(
        "button", name="Stop loading content from YouTube automatically"
    ).click()
    assert page.get_by_role("status").first.inner_text() == (
        "Content from YouTube will no longer load automatically."
    )
    page.reload()
    page.wait_for_load_state("load")
    assert page.locator("iframe").count() == 0
    assert reader.csp_errors == []


def test_consent_list_revokes_a_provider(reader):
    page = reader.open()
    vimeo = page.locator("figure.embed--vimeo")
    vimeo.get_by_label("Always load content from Vimeo").check()
    vimeo.get_by_role("button", name="Load content").click()
    page.get_by_role("button", name="Revoke: Vimeo").click()
    assert page.locator(".embed-consents__list li").all_inner_texts() == [
        "No provider loads its content automatically."
    ]
    page.reload()
    page.wait_for_load_state("load")
    assert page.locator("iframe").count() == 0


def test_placeholders_pass_the_accessibility_scan(reader):
    page = reader.open()
    violations = axe_violations(page)
    assert not violations, violations_report(violations)
