"""A writer embeds a video through its dialog; a reader's browser asks the provider for
nothing until the reader clicks, and then loads the player from its privacy host."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, Route, expect
from pytest_django.live_server_helper import LiveServer

from conftest import Persona, Town
from litfass.content.models import Post
from litfass.content.services import create_post, publish_post
from litfass.content.tests.conftest import open_page  # noqa: F401 - the fixture, shared
from litfass.content.tests.test_browser_publishing import headline_field, install_clock
from litfass.core.tests.browser import axe_violations, violations_report
from litfass.embeds.models import PostEmbed
from litfass.embeds.refs import EmbedKind
from litfass.embeds.services import add_embed

pytestmark = pytest.mark.browser

PLAYER = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"


@pytest.fixture(autouse=True)
def embed_settings(settings: Any, live_server: LiveServer) -> Any:
    """The live server is the site (its host is allowed by pytest-django); no code origin."""
    settings.LITFASS_SITE_URL = live_server.url
    settings.LITFASS_CODE_EMBED_ORIGIN = ""
    return settings


def _draft(persona: Persona, town: Town) -> Post:
    assert persona.profile is not None
    return create_post(
        kind=Post.Kind.ARTICLE,
        author=persona.profile,
        headline="Konzert im Stadtpark",
        body="<p>Die Stadtkapelle spielt am Sonntag.</p>",
        place=town.kaiserslautern,
    )


def test_writer_embeds_a_video_through_its_dialog(
    open_page: Callable[..., Page],  # noqa: F811 - the imported fixture
    reporter: Persona,
    town: Town,
):
    post = _draft(reporter, town)
    page = open_page(reporter.user)
    page.goto(f"/schreiben/{post.pk}/")

    # Cancel closes a dialog and stores nothing.
    page.get_by_role("button", name="Karte", exact=True).click()
    map_dialog = page.get_by_role("dialog", name="Einbetten: Karte")
    expect(map_dialog).to_be_visible()
    map_dialog.get_by_role("button", name="Abbrechen").click()
    expect(map_dialog).to_be_hidden()

    # A playlist is refused; the dialog comes back with the reason and the link as typed.
    page.get_by_role("button", name="Video", exact=True).click()
    dialog = page.get_by_role("dialog", name="Einbetten: Video")
    playlist = "https://www.youtube.com/playlist?list=PL590L5WQmH8fJ54F369BLDSqIwcs-TCfs"
    dialog.get_by_label("Link").fill(playlist)
    dialog.get_by_role("button", name="Einbetten", exact=True).click()
    dialog = page.get_by_role("dialog", name="Einbetten: Video")
    expect(dialog.get_by_role("alert")).to_contain_text("Das ist eine Playlist")
    expect(dialog.get_by_label("Link")).to_have_value(playlist)
    expect(dialog.get_by_label("Link")).to_be_focused()
    violations = axe_violations(page)
    assert violations == [], violations_report(violations)
    assert not PostEmbed.objects.exists()

    # The video of a playlist link is embedded on its own.
    dialog.get_by_label("Link").fill(
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PL590L5WQmH8fJ54F369BLDSqIwcs-TCfs"
    )
    dialog.get_by_role("button", name="Einbetten", exact=True).click()
    expect(page.locator(".embed-list > li")).to_have_count(1)
    embed = PostEmbed.objects.get(post=post)
    assert "list=" not in embed.url


def test_a_reader_loads_nothing_from_the_provider_before_clicking(
    open_page: Callable[..., Page],  # noqa: F811 - the imported fixture
    reporter: Persona,
    town: Town,
    live_server: LiveServer,
):
    post = _draft(reporter, town)
    add_embed(
        post=post,
        by=None,
        url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        dialog=EmbedKind.VIDEO,
    )
    publish_post(post=post)
    page = open_page()
    foreign: list[str] = []

    def watch(route: Route) -> None:
        url = route.request.url
        if url.startswith(live_server.url):
            route.continue_()
            return
        foreign.append(url)
        if url.startswith(PLAYER):
            route.fulfill(status=200, content_type="text/html", body="<p>player</p>")
        else:
            route.abort()

    page.context.route("**/*", watch)
    page.goto(post.get_absolute_url())
    page.wait_for_load_state("networkidle")
    figure = page.locator("figure.embed--youtube")
    expect(figure).to_contain_text("YouTube")
    assert page.locator("iframe").count() == 0
    assert foreign == [], "nothing may leave for another host before the click"

    with page.expect_request(lambda request: request.url.startswith(PLAYER)):
        figure.get_by_role("button", name="Inhalt laden").click()
    expect(figure.locator("iframe")).to_have_attribute("src", f"{PLAYER}?rel=0")
    assert all(url.startswith(PLAYER) for url in foreign)


def test_text_typed_just_before_moving_an_embed_is_kept(
    open_page: Callable[..., Page],  # noqa: F811 - the imported fixture
    reporter: Persona,
    town: Town,
):
    """The embed forms are forms of their own; composer.js saves the text before they are sent
    (the page's clock is stopped, so no autosave tick saves it by chance)."""
    post = _draft(reporter, town)
    for url in ("https://youtu.be/dQw4w9WgXcQ", "https://vimeo.com/76979871"):
        add_embed(post=post, by=None, url=url, dialog=EmbedKind.VIDEO)
    second = PostEmbed.objects.filter(post=post)[1]
    page = open_page(reporter.user)
    install_clock(page)
    page.goto(f"/schreiben/{post.pk}/")
    headline_field(page).fill("Konzert im Stadtpark fällt aus")
    page.locator(f"#einbettung-{second.pk}").get_by_role("button", name="Nach vorne").click()
    expect(page.locator(".embed-list > li").first).to_have_attribute(
        "id", f"einbettung-{second.pk}"
    )
    expect(headline_field(page)).to_have_value("Konzert im Stadtpark fällt aus")
